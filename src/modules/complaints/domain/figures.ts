/**
 * Figures for the LKE worksheet and the recap: how many complaints were received in a period, how
 * many the unit completed (answered, closed, rejected with reason or forwarded), and how many of
 * those within their deadline.
 */
import type { Category, Status } from "./workflow";
import { FINISHED_STATUSES } from "./workflow";

export interface FigureRow {
  receivedDate: string; // local YYYY-MM-DD
  status: Status;
  category: Category;
  /** When the unit finished its part (answer, rejection, forward), ISO. */
  finishedAt: string | null;
  /** The deadline the finish is judged against (resolve, or verify when never classified), ISO. */
  dueAt: string | null;
  rating: number | null;
}

export interface PeriodFigures {
  received: number;
  completed: number;
  completedOnTime: number;
  open: number;
  /** Percentages with one decimal; null when nothing was received. */
  percentCompleted: number | null;
  percentOnTime: number | null;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  ratings: number;
  averageRating: number | null;
}

export interface MonthFigures extends PeriodFigures {
  month: string; // YYYY-MM
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

export function figuresOf(rows: readonly FigureRow[]): PeriodFigures {
  const byStatus: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  let completed = 0;
  let onTime = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    if (FINISHED_STATUSES.includes(r.status) && r.finishedAt) {
      completed++;
      if (r.dueAt && r.finishedAt <= r.dueAt) onTime++;
    }
    if (r.rating !== null) {
      ratings++;
      ratingSum += r.rating;
    }
  }
  return {
    received: rows.length,
    completed,
    completedOnTime: onTime,
    open: rows.length - completed,
    percentCompleted: pct(completed, rows.length),
    percentOnTime: pct(onTime, rows.length),
    byStatus,
    byCategory,
    ratings,
    averageRating: ratings === 0 ? null : Math.round((ratingSum / ratings) * 100) / 100,
  };
}

/** Months (YYYY-MM) from `from` to `to` inclusive (local dates). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function monthlyFigures(rows: readonly FigureRow[], from: string, to: string): MonthFigures[] {
  return monthsBetween(from, to).map((month) => ({
    month,
    ...figuresOf(rows.filter((r) => r.receivedDate.startsWith(month))),
  }));
}
