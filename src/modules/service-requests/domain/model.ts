/**
 * The module's vocabulary as plain values (pure, no zod): states, commands and transitions, file
 * types, templates, release rules, SLA states, and the helpers the web reuses to format the clock
 * and mask contacts. `contract.ts` re-exports all of it under the same names.
 */

/**
 * submitted → (accept) in_progress → (complete) completed
 * submitted|in_progress → (request_documents) waiting_requester → (requester uploads | resume) in_progress
 * submitted|in_progress|waiting_requester → (reject) rejected | (cancel by the requester) cancelled
 */
export const SR_STATES = [
  "submitted",
  "in_progress",
  "waiting_requester",
  "completed",
  "rejected",
  "cancelled",
] as const;
export type SrState = (typeof SR_STATES)[number];
export const OPEN_STATES: readonly SrState[] = ["submitted", "in_progress", "waiting_requester"];
export const FINAL_STATES: readonly SrState[] = ["completed", "rejected", "cancelled"];
/** States a service type may list as "clock paused" (default: waiting_requester). */
export const PAUSABLE_STATES: readonly SrState[] = ["submitted", "in_progress", "waiting_requester"];

/** Staff commands (plus the requester's own `upload_documents` and `cancel`). */
export const SR_COMMANDS = ["accept", "assign", "request_documents", "resume", "complete", "reject"] as const;
export type SrCommand = (typeof SR_COMMANDS)[number];
export type SrActorCommand = SrCommand | "upload_documents" | "cancel";

/** The allowed transitions: command → states it may start from, and the state it leads to (null = unchanged). */
export const SR_TRANSITIONS: Record<SrActorCommand, { from: readonly SrState[]; to: SrState | null }> = {
  accept: { from: ["submitted"], to: "in_progress" },
  assign: { from: ["submitted", "in_progress", "waiting_requester"], to: null },
  request_documents: { from: ["submitted", "in_progress"], to: "waiting_requester" },
  resume: { from: ["waiting_requester"], to: "in_progress" },
  upload_documents: { from: ["waiting_requester"], to: "in_progress" },
  complete: { from: ["in_progress"], to: "completed" },
  reject: { from: ["submitted", "in_progress", "waiting_requester"], to: "rejected" },
  cancel: { from: ["submitted", "in_progress", "waiting_requester"], to: "cancelled" },
};

/** Commands a staff member may run from a state (for buttons). */
export function commandsFrom(state: SrState): SrCommand[] {
  return SR_COMMANDS.filter((c) => SR_TRANSITIONS[c].from.includes(state));
}

/** File types a requirement may accept (sniffed from content by the kernel file store). */
export const SR_FILE_TYPES = ["pdf", "jpeg", "png", "webp", "docx", "xlsx"] as const;
export type SrFileType = (typeof SR_FILE_TYPES)[number];
export const SR_FILE_MIME: Record<SrFileType, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const SR_FIELD_KINDS = [
  "text",
  "textarea",
  "number",
  "money",
  "date",
  "select",
  "email",
  "phone",
] as const;
export type SrFieldKind = (typeof SR_FIELD_KINDS)[number];

/** Document templates the server can produce (PDF with letterhead and verification QR). */
export const SR_TEMPLATES = [
  "kutipan_risalah",
  "kuitansi_pelunasan",
  "formulir_bphtb",
  "validasi_ssp",
  "generic",
] as const;
export type SrTemplate = (typeof SR_TEMPLATES)[number];

/** Release rules checked at submission and at completion. */
/**
 * - none: no release condition;
 * - auction_payment: full payment of the auction must be recorded (receipt);
 * - auction_payment_bphtb: as auction_payment, and for land and/or buildings the (original) BPHTB
 *   payment proof must be among the documents (kutipan risalah lelang, shared/domain rules §5.3).
 */
export const SR_RELEASE_RULES = ["none", "auction_payment", "auction_payment_bphtb"] as const;
/** The requirement key that holds the BPHTB payment proof for the `auction_payment_bphtb` rule. */
export const BPHTB_PROOF_KEY = "bphtb_proof";
/** The field the requester uses to say what was bought (value `land_building` for land/buildings). */
export const OBJECT_KIND_FIELD = "objectKind";
/** The field holding the auction reference (risalah lelang number) for payment look-ups. */
export const AUCTION_REF_FIELD = "auctionRef";
export type SrReleaseRule = (typeof SR_RELEASE_RULES)[number];

export const SLA_STATES = ["ok", "warning", "breached"] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Plain shapes of the catalogue (the zod schemas in contract.ts describe the same data on the wire). */
export interface SrCondition {
  field: string;
  equals: string[];
}
export interface Localized {
  id: string;
  en: string;
}
export interface SrRequirement {
  key: string;
  name: Localized;
  hint?: Localized;
  required: boolean;
  requiredWhen?: SrCondition | null;
  allowedTypes: SrFileType[];
  multiple: boolean;
}
export interface SrField {
  key: string;
  label: Localized;
  hint?: Localized;
  kind: SrFieldKind;
  required: boolean;
  maxLength?: number;
  options?: Array<{ value: string; label: Localized }>;
}
export interface SrSlaConfig {
  firstResponseHours: number;
  resolutionHours: number;
  warningPercent: number;
  pauseStates: SrState[];
  unconfirmed: boolean;
  source: string | null;
}
export interface PaymentStatus {
  auctionRef: string;
  paidInFull: boolean;
  paidAt: string | null;
  amount: number | null;
  landOrBuilding: boolean;
  source: string;
}
export interface SlaSnapshot {
  state: SlaState;
  elapsedMinutes: number;
  remainingMinutes: number;
  targetMinutes: number;
  percent: number;
  dueAt: string | null;
  firstResponseDueAt: string;
  firstResponseAt: string | null;
  firstResponseBreached: boolean;
  paused: boolean;
  stopped: boolean;
  stoppedAt: string | null;
  warningPercent: number;
}

// --- pure helpers the web reuses ---------------------------------------------------------------------------

/**
 * "3 jam 20 menit kerja" / "3 working hours 20 minutes"; negative values are "terlambat …" / "… overdue".
 * Zero → "0 menit kerja".
 */
export function formatWorkingMinutes(minutes: number, lang: "id" | "en" = "id"): string {
  const neg = minutes < 0;
  const m = Math.abs(Math.trunc(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  let text: string;
  if (lang === "id") {
    const parts = [h > 0 ? `${h} jam` : "", r > 0 || h === 0 ? `${r} menit` : ""].filter(Boolean);
    text = `${parts.join(" ")} kerja`;
    return neg ? `terlambat ${text}` : text;
  }
  const parts = [
    h > 0 ? `${h} working hour${h === 1 ? "" : "s"}` : "",
    r > 0 || h === 0 ? `${r} minute${r === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  text = parts.join(" ");
  return neg ? `${text} overdue` : text;
}

/** "sisa waktu 3 jam 20 menit kerja" / "3 working hours 20 minutes left" (or the overdue/paused text). */
export function formatRemaining(
  sla: { remainingMinutes: number; paused: boolean; stopped: boolean },
  lang: "id" | "en" = "id",
): string {
  const base =
    sla.remainingMinutes < 0
      ? formatWorkingMinutes(sla.remainingMinutes, lang)
      : lang === "id"
        ? `sisa waktu ${formatWorkingMinutes(sla.remainingMinutes, lang)}`
        : `${formatWorkingMinutes(sla.remainingMinutes, lang)} left`;
  if (sla.stopped) return lang === "id" ? "selesai" : "finished";
  if (sla.paused) return lang === "id" ? `dijeda (${base})` : `paused (${base})`;
  return base;
}

/** "pe***@zona.demo"; null stays null. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}***@${domain}`;
}
/** "+62 81***89"; keeps the first 4 and last 2 digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const d = phone.replace(/[^0-9+]/g, "");
  if (d.length <= 6) return "***";
  return `${d.slice(0, 4)}***${d.slice(-2)}`;
}
