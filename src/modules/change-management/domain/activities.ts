import { DomainError } from "../../../kernel/http/errors";
import { type ActivityStatus, LEVER_AREAS, type LeverArea } from "./model";

/**
 * Work-plan rules (rencana kerja pembangunan ZI, LKE "Rencana Pembangunan Zona Integritas" and
 * "Pemantauan dan Evaluasi": every activity executed as planned).
 */

export interface ActivityFacts {
  dueDate: string;
  status: ActivityStatus;
}

/**
 * Overdue: the due date has passed (it is before today, in the office's calendar) and the activity
 * is not done. Due today is not overdue yet; a postponed (tertunda) activity past its date is.
 */
export function isOverdue(a: ActivityFacts, today: string): boolean {
  return a.status !== "selesai" && a.dueDate < today;
}

/** The due date may not precede the start date (same day is allowed). */
export function assertDates(startDate: string, dueDate: string): void {
  if (dueDate < startDate) throw new DomainError("CM_DUE_BEFORE_START", { startDate, dueDate });
}

/**
 * Keep progress and status telling the same story:
 * - "selesai" means 100%; 100% means "selesai" unless it was explicitly postponed;
 * - any progress moves "belum mulai" to "berjalan";
 * - going back below 100% from "selesai" reopens the activity as "berjalan".
 * `changed` says which of the two the caller set, so the one they set wins.
 */
export function reconcile(
  input: { status: ActivityStatus; progress: number },
  changed: "status" | "progress" | "both",
): { status: ActivityStatus; progress: number } {
  let { status, progress } = input;
  if (!Number.isInteger(progress) || progress < 0 || progress > 100)
    throw new DomainError("CM_PROGRESS_RANGE", { progress });
  if (status === "selesai" && progress < 100) {
    if (changed === "progress") status = progress > 0 ? "berjalan" : "belum_mulai";
    else progress = 100;
  }
  if (progress === 100 && (status === "belum_mulai" || status === "berjalan")) status = "selesai";
  if (progress > 0 && status === "belum_mulai") status = "berjalan";
  return { status, progress };
}

export interface AreaProgress {
  areaKey: LeverArea;
  total: number;
  done: number;
  overdue: number;
  /** Mean progress of the area's activities, 0–100 (0 when the area has none). */
  progress: number;
}

/** Per lever area, in the regulation's order (areas without activities included, with zeros). */
export function progressByArea(
  items: Array<ActivityFacts & { areaKey: LeverArea; progress: number }>,
  today: string,
): AreaProgress[] {
  return LEVER_AREAS.map((areaKey) => {
    const mine = items.filter((a) => a.areaKey === areaKey);
    const sum = mine.reduce((s, a) => s + a.progress, 0);
    return {
      areaKey,
      total: mine.length,
      done: mine.filter((a) => a.status === "selesai").length,
      overdue: mine.filter((a) => isOverdue(a, today)).length,
      progress: mine.length ? Math.round((sum / mine.length) * 10) / 10 : 0,
    };
  });
}

/** The one reminder an overdue activity gets for one due date (moving the date earns a new one). */
export function reminderKey(activityId: string, dueDate: string): string {
  return `cm.activity.overdue:${activityId}:${dueDate}`;
}
