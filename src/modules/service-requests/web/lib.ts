/** Small pure helpers of the module's pages (file checks, SLA presentation, ordering). */
import type { InboxItem, SlaSnapshot, SrCondition, SrFileType, SrRequirement } from "../contract";
import { SR_FILE_MIME } from "../contract";

/** File-name extensions accepted for each file type (the server sniffs content; this is a first check). */
const EXTENSIONS: Record<SrFileType, string[]> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  webp: [".webp"],
  docx: [".docx"],
  xlsx: [".xlsx"],
};

/** The `accept` attribute of a file input for these types (MIME types and extensions). */
export function acceptFor(types: readonly SrFileType[]): string {
  return types.flatMap((t) => [SR_FILE_MIME[t], ...EXTENSIONS[t]]).join(",");
}

/** "PDF, JPEG" for hints. */
export function typeLabel(types: readonly SrFileType[]): string {
  return types.map((t) => t.toUpperCase()).join(", ");
}

export type FileProblem = { kind: "type"; types: string } | { kind: "size"; mb: number } | { kind: "empty" };

/** Check a file before uploading it: its type (MIME or extension) and size. Null when acceptable. */
export function checkFile(file: File, types: readonly SrFileType[], maxBytes: number): FileProblem | null {
  if (file.size === 0) return { kind: "empty" };
  const name = file.name.toLowerCase();
  const byMime = file.type ? types.some((t) => SR_FILE_MIME[t] === file.type) : false;
  const byExt = types.some((t) => EXTENSIONS[t].some((e) => name.endsWith(e)));
  // A declared MIME type must match; without one (some phones), the extension decides.
  const okType = file.type ? byMime : byExt;
  if (!okType) return { kind: "type", types: typeLabel(types) };
  if (file.size > maxBytes) return { kind: "size", mb: Math.max(1, Math.round(maxBytes / 1024 / 1024)) };
  return null;
}

/** Whether a condition on the typed field values holds. */
export function conditionHolds(
  cond: SrCondition | null | undefined,
  fields: Record<string, string>,
): boolean {
  if (!cond) return false;
  return cond.equals.includes(fields[cond.field] ?? "");
}

/** Whether a requirement must be met given the field values typed so far. */
export function isRequired(req: SrRequirement, fields: Record<string, string>): boolean {
  return req.required || conditionHolds(req.requiredWhen, fields);
}

export type SlaTone = "ok" | "warning" | "breached" | "paused" | "stopped";

/** The SLA state to show: paused and stopped clocks are told apart from the running states. */
export function slaTone(sla: Pick<SlaSnapshot, "state" | "paused" | "stopped">): SlaTone {
  if (sla.stopped) return "stopped";
  if (sla.paused) return "paused";
  return sla.state;
}

const TONE_RANK: Record<SlaTone, number> = { breached: 0, warning: 1, ok: 2, paused: 3, stopped: 4 };

/**
 * Inbox order: running clocks by time left (least first, overdue first), then paused ones, then the
 * finished; ties by submission time.
 */
export function byTimeLeft(a: InboxItem, b: InboxItem): number {
  const ra = TONE_RANK[slaTone(a.sla)] >= 3 ? TONE_RANK[slaTone(a.sla)] : 0;
  const rb = TONE_RANK[slaTone(b.sla)] >= 3 ? TONE_RANK[slaTone(b.sla)] : 0;
  if (ra !== rb) return ra - rb;
  if (a.sla.remainingMinutes !== b.sla.remainingMinutes)
    return a.sla.remainingMinutes - b.sla.remainingMinutes;
  return a.submittedAt.localeCompare(b.submittedAt);
}

/** Hours as a short number: 4 → "4", 1.5 → "1,5" (the caller formats with the locale). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** Lowercase key from a label: "Nomor Risalah" → "nomor_risalah". */
export function keyFromLabel(label: string): string {
  const k = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 59);
  return /^[a-z]/.test(k) ? k : `k_${k}`.slice(0, 59);
}
