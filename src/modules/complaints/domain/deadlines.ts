/**
 * Deadlines and SLA state of a case, on the unit's working calendar (kernel/calendar): "n hari
 * kerja" = closing time of the n-th working day after the day of receipt (the day itself never
 * counts). The UU 25/2009 limits are counted in calendar days as a second check.
 */
import {
  addWorkingDays,
  addWorkingDaysToDate,
  type Calendar,
  isWorkingDay,
  nextWorkingDay,
} from "../../../kernel/calendar";
import type { SlaClass, SlaRuleSet, StageKey } from "./sla-rules";

export interface CaseClock {
  receivedAt: string;
  verifiedAt: string | null;
  slaClass: SlaClass | null;
}

export interface Deadlines {
  verifyDue: string;
  respondDue: string;
  /** Known once the case is classified (at verification). */
  resolveDue: string | null;
  /** Calendar-day dates (YYYY-MM-DD) of UU 25/2009. */
  statutoryRespondDue: string;
  statutoryDecideDue: string;
}

/** Local date (YYYY-MM-DD) of an instant in the calendar's zone. */
export function localDate(cal: Calendar, at: string | Date): string {
  return new Date(new Date(at).getTime() + cal.offsetMs).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus n calendar days. */
export function addCalendarDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function computeDeadlines(cal: Calendar, rules: SlaRuleSet, c: CaseClock): Deadlines {
  const receivedDate = localDate(cal, c.receivedAt);
  const fileComplete = c.verifiedAt ? localDate(cal, c.verifiedAt) : receivedDate;
  return {
    verifyDue: addWorkingDays(cal, c.receivedAt, rules.verify.days).toISOString(),
    respondDue: addWorkingDays(cal, c.receivedAt, rules.respond.days).toISOString(),
    resolveDue: c.slaClass
      ? addWorkingDays(cal, c.receivedAt, rules.classes[c.slaClass].days).toISOString()
      : null,
    statutoryRespondDue: addCalendarDays(receivedDate, rules.statutory.respond.days),
    statutoryDecideDue: addCalendarDays(fileComplete, rules.statutory.decide.days),
  };
}

export type SlaState = "on_time" | "near_due" | "overdue" | "met" | "late";

/**
 * Where a stage stands. Open stage: overdue after its deadline; near due when the deadline falls on
 * or before the `nearDays`-th working day from today; else on time. Finished stage: met or late.
 */
export function slaState(
  cal: Calendar,
  now: Date,
  due: string | null,
  doneAt: string | null,
  nearDays = 1,
): SlaState | null {
  if (!due) return null;
  if (doneAt) return doneAt <= due ? "met" : "late";
  if (now.toISOString() > due) return "overdue";
  const today = localDate(cal, now);
  const horizon = addWorkingDaysToDate(cal, today, nearDays);
  return localDate(cal, due) <= horizon ? "near_due" : "on_time";
}

/**
 * When the reminder of a deadline is due: the opening of the day `before` working days ahead of the
 * deadline's day (as a local date). A deadline already close at intake reminds at once.
 */
export function reminderDate(cal: Calendar, due: string, before: number): string {
  const dueDate = localDate(cal, due);
  // walk back working days: the latest working day d with addWorkingDaysToDate(d, before) >= dueDate
  let d = dueDate;
  for (let i = 0; i < before; i++) d = previousWorkingDay(cal, d);
  return d;
}

export function previousWorkingDay(cal: Calendar, date: string): string {
  let d = addCalendarDays(date, -1);
  for (let i = 0; i < 400 && !isWorkingDay(cal, d); i++) d = addCalendarDays(d, -1);
  return d;
}

/** Working days left until a deadline (0 on its day, negative once past). */
export function workingDaysLeft(cal: Calendar, now: Date, due: string): number {
  const today = localDate(cal, now);
  const dueDate = localDate(cal, due);
  if (dueDate === today) return 0;
  let n = 0;
  if (dueDate > today) {
    let d = today;
    while (d < dueDate && n < 1000) {
      d = nextWorkingDay(cal, d);
      n++;
    }
    return n;
  }
  let d = dueDate;
  while (d < today && n < 1000) {
    d = nextWorkingDay(cal, d);
    n++;
  }
  return -n;
}

/** The stage whose clock is running for a status, and its deadline. */
export function currentStage(status: string, d: Deadlines): { stage: StageKey; due: string | null } | null {
  if (status === "received") return { stage: "verify", due: d.verifyDue };
  if (status === "verified" || status === "assigned" || status === "in_progress")
    return { stage: "resolve", due: d.resolveDue };
  return null;
}
