/**
 * The media module's vocabulary: channel kinds, content themes, the item statuses and the
 * permissions. Pure data, shared by the server, the wire contract and the pages.
 */
export const CHANNEL_KINDS = [
  "instagram",
  "facebook",
  "youtube",
  "x",
  "tiktok",
  "radio",
  "print",
  "portal",
  "podcast",
  "other",
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Content themes a KPKNL publishes about (its services and its integrity-zone work). */
export const THEMES = [
  "zi",
  "lelang",
  "piutang",
  "kekayaan",
  "budaya_kerja",
  "edukasi",
  "pengumuman",
  "lainnya",
] as const;
export type Theme = (typeof THEMES)[number];

export const STATUSES = ["idea", "draft", "submitted", "approved", "published", "rejected"] as const;
export type Status = (typeof STATUSES)[number];

export const MEDIA_PERMISSIONS = {
  read: "media.read",
  plan: "media.plan",
  approve: "media.approve",
} as const;

/** The record type names under which items and month plans are offered as LKE evidence. */
export const EVIDENCE_MODULE = "media";
export const EVIDENCE_TYPES = { item: "item", month: "month-plan" } as const;

/**
 * LKE (PermenPAN-RB 90/2021) questions that media publication proves, offered first in the picker:
 * the mechanism/media to socialise the WBK/WBBM building, service information in many media, and
 * the publication of the service standards and maklumat.
 */
export const SUGGESTED_QUESTION_KEYS = [
  "pemenuhan.mp.rencana-zi.c",
  "pemenuhan.pp.budaya-pelayanan-prima.b",
  "pemenuhan.pp.standar-pelayanan.d",
] as const;
