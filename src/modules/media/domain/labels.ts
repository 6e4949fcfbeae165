import type { ChannelKind, Status, Theme } from "./model";

/** Indonesian labels for documents made on the server (the pages use i18n). */
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  youtube: "YouTube",
  x: "X/Twitter",
  tiktok: "TikTok",
  radio: "Radio",
  print: "Media cetak",
  portal: "Portal/situs web",
  podcast: "Spotify/podcast",
  other: "Lainnya",
};

export const THEME_LABELS: Record<Theme, string> = {
  zi: "Zona Integritas",
  lelang: "Layanan lelang",
  piutang: "Piutang negara",
  kekayaan: "Kekayaan negara",
  budaya_kerja: "Budaya kerja",
  edukasi: "Edukasi",
  pengumuman: "Pengumuman",
  lainnya: "Lainnya",
};

export const STATUS_LABELS: Record<Status, string> = {
  idea: "Ide",
  draft: "Draf",
  submitted: "Diajukan",
  approved: "Disetujui",
  published: "Terbit",
  rejected: "Ditolak",
};
