/**
 * The complaint workflow: statuses, staff commands and which command may run from which status.
 * received → verified → assigned → in_progress → answered → closed; from the open statuses a case
 * may also be rejected (not a complaint / outside the unit's authority, with a reason) or forwarded
 * to an external channel (SP4N-LAPOR!, another agency) with its reference number.
 */
import { DomainError } from "../../../kernel/http/errors";

export const STATUSES = [
  "received",
  "verified",
  "assigned",
  "in_progress",
  "answered",
  "closed",
  "rejected",
  "forwarded",
] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = ["received", "verified", "assigned", "in_progress"];
/** Statuses in which the unit has finished its part (counted as completed in the figures). */
export const FINISHED_STATUSES: readonly Status[] = ["answered", "closed", "rejected", "forwarded"];

export const COMMANDS = [
  "verify",
  "assign",
  "start",
  "answer",
  "close",
  "reopen",
  "reject",
  "forward",
] as const;
export type Command = (typeof COMMANDS)[number];

export const CATEGORIES = ["pengaduan", "aspirasi", "permintaan_informasi"] as const;
export type Category = (typeof CATEGORIES)[number];

export const REJECT_KINDS = ["not_complaint", "not_authority", "incomplete"] as const;
export type RejectKind = (typeof REJECT_KINDS)[number];

export const FORWARD_CHANNELS = ["sp4n_lapor", "ombudsman", "other_agency", "inspectorate"] as const;
export type ForwardChannel = (typeof FORWARD_CHANNELS)[number];

/** Allowed source statuses of each command, and the status it leads to. */
export const TRANSITIONS: Record<Command, { from: readonly Status[]; to: Status }> = {
  verify: { from: ["received"], to: "verified" },
  // assign again = re-disposition to another person in charge
  assign: { from: ["verified", "assigned", "in_progress"], to: "assigned" },
  start: { from: ["assigned"], to: "in_progress" },
  answer: { from: ["in_progress"], to: "answered" },
  close: { from: ["answered"], to: "closed" },
  reopen: { from: ["answered"], to: "in_progress" },
  reject: { from: ["received", "verified"], to: "rejected" },
  forward: { from: ["received", "verified", "assigned", "in_progress"], to: "forwarded" },
};

/** The status after `command`, or CMP_TRANSITION_REFUSED naming the allowed source statuses. */
export function nextStatus(current: Status, command: Command): Status {
  const t = TRANSITIONS[command];
  if (!t.from.includes(current))
    throw new DomainError("CMP_TRANSITION_REFUSED", {
      command,
      status: current,
      allowedFrom: t.from.join(", "),
    });
  return t.to;
}

/** The commands available from a status (for the case page's buttons). */
export function commandsFrom(status: Status): Command[] {
  return COMMANDS.filter((c) => TRANSITIONS[c].from.includes(status));
}

export const isOpen = (s: Status): boolean => OPEN_STATUSES.includes(s);
export const isFinished = (s: Status): boolean => FINISHED_STATUSES.includes(s);

/** The complainant may add information while the unit still works on the case (or after an answer). */
export const complainantMayReply = (s: Status): boolean => isOpen(s) || s === "answered";
/** The complainant may rate once the case is answered or closed after an answer. */
export const complainantMayRate = (s: Status, answered: boolean): boolean =>
  s === "answered" || (s === "closed" && answered);

/** Services of a KPKNL a complainant picks from (free text is accepted too). */
export const KPKNL_SERVICES = [
  "Lelang",
  "Pengurusan Piutang Negara",
  "Pengelolaan Kekayaan Negara (BMN)",
  "Penilaian",
  "Informasi dan Konsultasi",
  "Lainnya",
];
