/**
 * The month view's rules: which days must carry content and which of those have none (gaps).
 * A unit either plans on working days only (the default: weekends, public holidays and cuti
 * bersama of the office calendar are skipped) or on every day of the month ("plan weekends").
 */
import { isValidDate } from "./workflow";

export interface DayPlan {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  working: boolean;
  /** Content is expected on this day under the unit's setting. */
  required: boolean;
  planned: number;
  gap: boolean;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isValidMonth = (m: string): boolean => MONTH_RE.test(m);

/** Every YYYY-MM-DD of a month ("2026-11"). */
export function daysOfMonth(month: string): string[] {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const n = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

export function isoWeekday(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`not a date: ${date}`);
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The month's first day shifted by `delta` months ("2026-12", 1 → "2027-01"). */
export function shiftMonth(month: string, delta: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const idx = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/**
 * Plan a month: for each day whether content is required (working day, or any day when
 * `planWeekends`), how many items are planned and whether it is a gap (required, nothing planned).
 * Rejected items still count as planned (they return to draft); the caller passes every item.
 */
export function planMonth(
  month: string,
  plannedDates: readonly string[],
  isWorkingDay: (date: string) => boolean,
  planWeekends: boolean,
): DayPlan[] {
  const counts = new Map<string, number>();
  for (const d of plannedDates) counts.set(d, (counts.get(d) ?? 0) + 1);
  return daysOfMonth(month).map((date) => {
    const working = isWorkingDay(date);
    const required = planWeekends || working;
    const planned = counts.get(date) ?? 0;
    return { date, weekday: isoWeekday(date), working, required, planned, gap: required && planned === 0 };
  });
}

export const gapsOf = (days: readonly DayPlan[]): string[] => days.filter((d) => d.gap).map((d) => d.date);
