import type { StatusTone } from "../../../ui/components/StatusBadge";
import type { Status } from "../domain/model";

export const STATUS_TONE: Record<Status, StatusTone> = {
  idea: "neutral",
  draft: "neutral",
  submitted: "warning",
  approved: "info",
  published: "success",
  rejected: "danger",
};

/** The current month as YYYY-MM in WIB. */
export function currentMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
