import type { StatusTone } from "../../../ui/components/StatusBadge";
import { localDateOf } from "../../../ui/format";
import type { FollowUp } from "../contract";
import type { MeetingKind } from "../domain/rules";

/** Today's date at the office (WIB), for date inputs and defaults; the server stays authoritative. */
export const todayLocal = (): string => localDateOf(new Date());

export const KIND_TONE: Record<MeetingKind, StatusTone> = {
  weekly: "info",
  monthly: "success",
  quarterly: "warning",
  ad_hoc: "neutral",
};

export function followUpTone(f: Pick<FollowUp, "status" | "overdue">): StatusTone {
  if (f.status === "done") return "success";
  if (f.status === "dropped") return "neutral";
  return f.overdue ? "danger" : "info";
}

/** "Agenda" text areas: one item per line, blank lines dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
