/**
 * Follow-up completion rate per period (month, quarter, year). A follow-up belongs to the period of its
 * due date and is counted, as of `today`, in exactly one bucket:
 *   done on time  — done, completed on or before the due date
 *   done late     — done, completed after the due date
 *   open overdue  — still open, due date before today
 *   open not due  — still open, due today or later
 *   dropped       — dropped with a reason; shown, but left out of the rates (nothing left to follow up)
 * completionRate = (on time + late) / counted; onTimeRate = on time / counted, where counted excludes
 * dropped. A period with nothing counted has no rate (null), not 0 % or 100 %.
 */
import { fail } from "../../../kernel/http/errors";
import type { FollowUpStatus } from "./rules";

export const GRANULARITIES = ["month", "quarter", "year"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export type Bucket = "doneOnTime" | "doneLate" | "openOverdue" | "openNotDue" | "dropped";

export interface RateInput {
  status: FollowUpStatus;
  dueDate: string;
  completedOn: string | null;
}

export interface PeriodRate {
  /** "2026-11", "2026-Q4" or "2026". */
  period: string;
  from: string;
  to: string;
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
  openNotDue: number;
  dropped: number;
  /** Follow-ups counted in the rates (all but dropped). */
  counted: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

export function bucketOf(f: RateInput, today: string): Bucket {
  if (f.status === "dropped") return "dropped";
  if (f.status === "done")
    return f.completedOn !== null && f.completedOn > f.dueDate ? "doneLate" : "doneOnTime";
  return f.dueDate < today ? "openOverdue" : "openNotDue";
}

const pad = (n: number) => String(n).padStart(2, "0");
function lastDay(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
}

/** The period key a date falls in. */
export function periodOf(date: string, g: Granularity): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (g === "year") return y;
  if (g === "month") return `${y}-${pad(m)}`;
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** First and last date of a period key. */
export function periodBounds(period: string): { from: string; to: string } {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12)
      return { from: `${m[1]}-${pad(mo)}-01`, to: `${m[1]}-${pad(mo)}-${lastDay(y, mo)}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const endMonth = q * 3;
    return {
      from: `${m[1]}-${pad(endMonth - 2)}-01`,
      to: `${m[1]}-${pad(endMonth)}-${lastDay(y, endMonth)}`,
    };
  }
  return fail("MONEV_PERIOD_INVALID", { period });
}

/** The periods of one granularity covering [from, to], in order. */
export function periodsBetween(from: string, to: string, g: Granularity): string[] {
  if (to < from) return [];
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = periodOf(to, g);
  for (let guard = 0; guard < 1200; guard++) {
    const p = periodOf(`${y}-${pad(m)}-01`, g);
    if (out[out.length - 1] !== p) out.push(p);
    if (p === last) break;
    const step = g === "month" ? 1 : g === "quarter" ? 3 : 12;
    m += step;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
    if (g === "quarter") m = Math.floor((m - 1) / 3) * 3 + 1;
    if (g === "year") m = 1;
  }
  return out;
}

export function rateOf(period: string, items: readonly RateInput[], today: string): PeriodRate {
  const { from, to } = periodBounds(period);
  const r: PeriodRate = {
    period,
    from,
    to,
    doneOnTime: 0,
    doneLate: 0,
    openOverdue: 0,
    openNotDue: 0,
    dropped: 0,
    counted: 0,
    completionRate: null,
    onTimeRate: null,
  };
  for (const f of items) {
    if (f.dueDate < from || f.dueDate > to) continue;
    r[bucketOf(f, today)] += 1;
  }
  r.counted = r.doneOnTime + r.doneLate + r.openOverdue + r.openNotDue;
  if (r.counted > 0) {
    r.completionRate = (r.doneOnTime + r.doneLate) / r.counted;
    r.onTimeRate = r.doneOnTime / r.counted;
  }
  return r;
}

/** One rate per period between `from` and `to` (inclusive), by due date. */
export function ratesBetween(
  items: readonly RateInput[],
  range: { from: string; to: string },
  g: Granularity,
  today: string,
): PeriodRate[] {
  return periodsBetween(range.from, range.to, g).map((p) => rateOf(p, items, today));
}
