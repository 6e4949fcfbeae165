/**
 * Monitoring and evaluation (monev) rules: meeting kinds, follow-up (tindak lanjut) states and their
 * transitions, date order, and which open follow-ups a new meeting carries over. Pure: the caller
 * passes "today" (the unit's local date) wherever time matters.
 *
 * LKE (PermenPAN-RB 90/2021), Manajemen Perubahan › Pemantauan: "monitoring dan evaluasi pembangunan
 * ZI dilakukan secara berkala" and "hasil monitoring dan evaluasi telah ditindaklanjuti".
 */

import { isValidLocalDate } from "../../../kernel/calendar";
import { fail } from "../../../kernel/http/errors";

export const MONEV_PERMISSIONS = {
  read: "monev.read",
  manage: "monev.manage",
} as const;

/** Weekly MODEL (Monday evaluation), monthly, quarterly Dialog Kinerja Organisasi, ad hoc. */
export const MEETING_KINDS = ["weekly", "monthly", "quarterly", "ad_hoc"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const FOLLOW_UP_STATUSES = ["open", "done", "dropped"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export function assertDate(field: string, value: string): void {
  if (!isValidLocalDate(value)) fail("MONEV_DATE_INVALID", { field, value });
}

/** A follow-up is due on or after the day of the meeting that decided it. */
export function assertDueDate(meetingDate: string, dueDate: string): void {
  assertDate("dueDate", dueDate);
  if (dueDate < meetingDate) fail("MONEV_DUE_BEFORE_MEETING", { dueDate, meetingDate });
}

/** A meeting's date may move only while every follow-up it decided stays due on or after it. */
export function assertMeetingDateFits(meetingDate: string, dueDates: readonly string[]): void {
  assertDate("date", meetingDate);
  const earliest = [...dueDates].sort()[0];
  if (earliest !== undefined && earliest < meetingDate)
    fail("MONEV_MEETING_AFTER_DUE", { date: meetingDate, earliestDue: earliest });
}

export type StatusChange =
  | { status: "done"; completedOn: string; note?: string | undefined }
  | { status: "dropped"; reason: string }
  | { status: "open" };

export interface FollowUpState {
  status: FollowUpStatus;
  meetingDate: string;
}

/**
 * Check one status change. open → done (completion date between the meeting and today) or dropped
 * (with a reason); done/dropped → open reopens. Anything else (done → done, dropped → done) is refused:
 * reopen first, so the record of what happened is never silently rewritten.
 */
export function checkStatusChange(current: FollowUpState, change: StatusChange, today: string): void {
  const allowed = current.status === "open" ? change.status !== "open" : change.status === "open";
  if (!allowed) fail("MONEV_STATUS_CHANGE", { from: current.status, to: change.status });
  if (change.status === "done") {
    assertDate("completedOn", change.completedOn);
    if (change.completedOn < current.meetingDate)
      fail("MONEV_COMPLETED_BEFORE_MEETING", {
        completedOn: change.completedOn,
        meetingDate: current.meetingDate,
      });
    if (change.completedOn > today)
      fail("MONEV_COMPLETED_IN_FUTURE", { completedOn: change.completedOn, today });
  }
  if (change.status === "dropped" && change.reason.trim() === "") fail("MONEV_DROP_REASON_REQUIRED", {});
}

/** An open follow-up whose due date has passed (due today is not yet overdue). */
export function isOverdue(f: { status: FollowUpStatus; dueDate: string }, today: string): boolean {
  return f.status === "open" && f.dueDate < today;
}

export interface CarryCandidate {
  id: string;
  status: FollowUpStatus;
  /** The origin meeting. */
  meetingId: string;
  meetingDate: string;
  /** How many meetings it was carried into so far. */
  carryCount: number;
}

/**
 * The follow-ups a new meeting (id, date) carries over: every follow-up still open that was decided
 * in an earlier meeting of the unit — a meeting on an earlier date, or on the same date but already
 * recorded. A meeting recorded afterwards for an earlier date does not take later decisions back in
 * time. Each keeps its origin and its carry count grows by one; the order is oldest decision first.
 */
export function carryOver(
  target: { id: string; date: string },
  candidates: readonly CarryCandidate[],
): Array<{ id: string; carryCount: number }> {
  return candidates
    .filter((c) => c.status === "open" && c.meetingId !== target.id && c.meetingDate <= target.date)
    .sort((a, b) =>
      a.meetingDate === b.meetingDate ? a.id.localeCompare(b.id) : a.meetingDate < b.meetingDate ? -1 : 1,
    )
    .map((c) => ({ id: c.id, carryCount: c.carryCount + 1 }));
}

/** The dedupe key of the one overdue reminder per follow-up and due date. */
export function reminderKey(followUpId: string, dueDate: string): string {
  return `monev:follow-up:${followUpId}:overdue:${dueDate}`;
}
