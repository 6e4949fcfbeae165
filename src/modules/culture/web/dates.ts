import { addDays, dateRange } from "../domain/rotation";

/** Month arithmetic for the calendar views ('YYYY-MM' and 'YYYY-MM-DD', no time zone involved). */

export const isMonth = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const next = addMonths(month, 1);
  return { from, to: addDays(`${next}-01`, -1) };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

export const isWeekend = (date: string) => isoWeekday(date) >= 6;

/** The month as weeks (Monday first) of dates, null for padding cells. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const { from, to } = monthBounds(month);
  const cells: Array<string | null> = [];
  for (let i = 1; i < isoWeekday(from); i++) cells.push(null);
  cells.push(...dateRange(from, to));
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
