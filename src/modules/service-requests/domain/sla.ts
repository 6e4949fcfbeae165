/**
 * The SLA engine (pure): from a request's event log — when it was submitted, every state change
 * (including the pause states), the first staff response and the end — it computes the working
 * time used, the time left, the due times and whether the clock is ok, near its end or breached.
 *
 * Everything is recomputed from the log on the unit's kernel calendar (working hours, holidays),
 * so a calendar edit or a pause is always reflected consistently; nothing stored can go stale.
 *
 * Conventions (the kernel calendar's): the clock runs only in working intervals; work arriving
 * after hours starts at the next opening; an amount that runs out exactly at closing is due at
 * closing. Paused intervals (states listed in the service's `pauseStates`) do not count and push
 * the due time later. The first-response target is counted from submission without pauses (the
 * first response — accepting, asking for documents, rejecting or completing — is what ends it).
 */
import {
  addWorkingMinutes,
  type Calendar,
  clockStart,
  type Pause,
  workingTimeBetween,
  workingTimeExcluding,
} from "../../../kernel/calendar";
import { FINAL_STATES, type SlaSnapshot, type SlaState, type SrState } from "./model";

export interface SlaTransition {
  at: string;
  to: SrState;
}

export interface SlaRules {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warningPercent: number;
  pauseStates: readonly SrState[];
}

export interface SlaLog {
  submittedAt: string;
  /** State changes after submission, in any order (sorted here). */
  transitions: readonly SlaTransition[];
  /** The first staff response, or null. */
  firstResponseAt: string | null;
}

/** Hours in the catalogue (may be fractional, e.g. 0.5) → whole working minutes. */
export function hoursToMinutes(hours: number): number {
  return Math.max(1, Math.round(hours * 60));
}

export function rulesFromHours(sla: {
  firstResponseHours: number;
  resolutionHours: number;
  warningPercent: number;
  pauseStates: readonly SrState[];
}): SlaRules {
  return {
    firstResponseMinutes: hoursToMinutes(sla.firstResponseHours),
    resolutionMinutes: hoursToMinutes(sla.resolutionHours),
    warningPercent: sla.warningPercent,
    pauseStates: sla.pauseStates,
  };
}

const ms = (iso: string) => new Date(iso).getTime();

interface Timeline {
  /** Closed and open pauses (open: `to` null), in order. */
  pauses: Array<{ from: string; to: string | null }>;
  /** When a final state was entered, or null. */
  stoppedAt: string | null;
  /** The state at `now` (or the final one). */
  state: SrState;
}

/** Replays the state changes up to `now`: pauses and the stop. Changes after `now` are ignored. */
export function replay(log: SlaLog, pauseStates: readonly SrState[], now: string): Timeline {
  const changes = [...log.transitions].filter((t) => ms(t.at) <= ms(now)).sort((a, b) => ms(a.at) - ms(b.at));
  let state: SrState = "submitted";
  let pauseFrom: string | null = pauseStates.includes("submitted") ? log.submittedAt : null;
  const pauses: Timeline["pauses"] = [];
  let stoppedAt: string | null = null;
  for (const c of changes) {
    if (stoppedAt) break;
    const pausedNow = pauseStates.includes(c.to) && !FINAL_STATES.includes(c.to);
    if (pauseFrom && !pausedNow) {
      pauses.push({ from: pauseFrom, to: c.at });
      pauseFrom = null;
    } else if (!pauseFrom && pausedNow) pauseFrom = c.at;
    state = c.to;
    if (FINAL_STATES.includes(c.to)) stoppedAt = c.at;
  }
  if (pauseFrom) pauses.push({ from: pauseFrom, to: null });
  return { pauses, stoppedAt, state };
}

/**
 * The instant at which `minutes` of working time have run from `start`, skipping the pauses.
 * Null when an open pause is reached before the amount runs out (the due time is unknown until it ends).
 */
export function dueSkippingPauses(
  cal: Calendar,
  start: string,
  minutes: number,
  pauses: ReadonlyArray<{ from: string; to: string | null }>,
): Date | null {
  let cursor = clockStart(cal, start);
  let budget = minutes;
  const sorted = [...pauses].sort((a, b) => ms(a.from) - ms(b.from));
  for (const p of sorted) {
    const pTo = p.to == null ? null : new Date(p.to);
    if (pTo && pTo.getTime() <= cursor.getTime()) continue;
    const pFrom = new Date(Math.max(ms(p.from), cursor.getTime()));
    const candidate = addWorkingMinutes(cal, cursor, budget);
    if (candidate.getTime() <= pFrom.getTime()) return candidate;
    budget -= workingTimeBetween(cal, cursor, pFrom);
    if (!pTo) return null;
    cursor = clockStart(cal, pTo);
  }
  return addWorkingMinutes(cal, cursor, budget);
}

/** The SLA snapshot of a request at `now`. */
export function slaSnapshot(cal: Calendar, log: SlaLog, rules: SlaRules, now: string): SlaSnapshot {
  const tl = replay(log, rules.pauseStates, now);
  const end = tl.stoppedAt ?? now;
  const pauses: Pause[] = tl.pauses.map((p) => ({ from: p.from, to: p.to ?? end }));
  const elapsed = workingTimeExcluding(cal, log.submittedAt, end, pauses);
  const target = rules.resolutionMinutes;
  const remaining = target - elapsed;
  const paused = !tl.stoppedAt && tl.pauses.some((p) => p.to == null);
  const due = dueSkippingPauses(cal, log.submittedAt, target, tl.pauses);
  const firstDue = addWorkingMinutes(cal, log.submittedAt, rules.firstResponseMinutes);
  const firstAt = log.firstResponseAt && ms(log.firstResponseAt) <= ms(now) ? log.firstResponseAt : null;
  const firstEnd = firstAt ?? end;
  const percent = Math.floor((elapsed * 100) / target);
  let state: SlaState = "ok";
  if (remaining < 0) state = "breached";
  else if (percent >= rules.warningPercent && !tl.stoppedAt) state = "warning";
  return {
    state,
    elapsedMinutes: elapsed,
    remainingMinutes: remaining,
    targetMinutes: target,
    percent,
    dueAt: paused ? null : (due?.toISOString() ?? null),
    firstResponseDueAt: firstDue.toISOString(),
    firstResponseAt: firstAt,
    firstResponseBreached: ms(firstEnd) > firstDue.getTime(),
    paused,
    stopped: !!tl.stoppedAt,
    stoppedAt: tl.stoppedAt,
    warningPercent: rules.warningPercent,
  };
}

/** Was a finished request completed within its resolution target? (null while open) */
export function completedOnTime(s: SlaSnapshot): boolean | null {
  if (!s.stopped) return null;
  return s.remainingMinutes >= 0;
}
