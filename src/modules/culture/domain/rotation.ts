/**
 * GSP (Gerakan Semangat Pagi) speaker rotation: one speaker per working day, assigned FAIRLY.
 *
 * Rule (the unit's agreement on the morning rally, as the ZI team runs it):
 * - The eligible employees form an ordered roster. A *round* gives each of them exactly one turn;
 *   nobody gets a second turn before everyone in the roster has had one (the round is complete).
 * - Within a round the next speaker is the first person, in roster order, who has not yet spoken in
 *   this round and is not on leave that day. Someone on leave is skipped for that day only and keeps
 *   their place at the front: they speak on their first working day back.
 * - If every person still owed a turn in the round is on leave that day, the day gets no speaker
 *   (a *gap*, reported with its reason) rather than giving someone a second turn early.
 * - Non-working days (weekends, public holidays, collective leave) get no turn at all.
 * - A schedule continues from the past: the round in progress is rebuilt from who already spoke.
 *
 * Invariant proven by the property tests (rotation.property.test.ts): let c₀(x) be 1 when x has
 * already spoken in the round in progress and 0 otherwise; after every prefix of the generated
 * turns, max c(x) − min c(x) ≤ 1 over the roster, whatever the leave. Leave can only create gaps,
 * never unfairness. Besides: no turn on a non-working day or on the speaker's leave day; and the
 * result is a pure function of its inputs (same input → same schedule).
 *
 * Pure: no I/O, no clock. Dates are local 'YYYY-MM-DD' strings (Asia/Jakarta).
 */
import { DomainError } from "../../../kernel/http/errors";

export type LocalDate = string;

export interface RoundState {
  /** Roster members who already spoke in the round in progress. */
  spoken: string[];
  /** The round in progress, 1-based (1 when unknown). */
  round?: number;
}

export interface RotationInput {
  /** Eligible employees in rotation order (ids, unique). */
  roster: readonly string[];
  /** Candidate dates in ascending order (the range); non-working ones are skipped. */
  dates: readonly LocalDate[];
  isWorkingDay: (date: LocalDate) => boolean;
  /** Is this person on leave (cuti, dinas luar, sakit) that day? */
  onLeave: (userId: string, date: LocalDate) => boolean;
  /** The round in progress before the first date (see `roundFromHistory`). */
  state?: RoundState;
}

export interface Turn {
  date: LocalDate;
  userId: string;
  /** 1-based round number (continues `state.round`). */
  round: number;
}

export interface Gap {
  date: LocalDate;
  reason: "all_pending_on_leave";
  /** Who was still owed a turn (all on leave that day). */
  pending: string[];
}

export interface RotationResult {
  turns: Turn[];
  gaps: Gap[];
  /** The round in progress after the last date: feed it to the next generation. */
  state: RoundState;
}

/** Days from `from` to `to` inclusive ('YYYY-MM-DD'), ascending. Empty when from > to. */
export function dateRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return out;
  for (let t = start; t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The round in progress after a history of speakers (chronological). People no longer in the
 * roster are ignored; a round closes as soon as every current roster member has spoken in it.
 */
export function roundFromHistory(roster: readonly string[], speakers: readonly string[]): RoundState {
  const members = new Set(roster);
  let spoken = new Set<string>();
  let round = 1;
  for (const s of speakers) {
    if (!members.has(s)) continue;
    spoken.add(s);
    if (spoken.size === members.size) {
      spoken = new Set();
      round++;
    }
  }
  return { spoken: roster.filter((r) => spoken.has(r)), round };
}

/**
 * Assign one speaker per working day. Throws CULTURE_GSP_NO_ELIGIBLE when the roster is empty, or
 * when the range has working days but nobody could be given one (everyone on leave throughout).
 */
export function planRotation(input: RotationInput): RotationResult {
  const roster = [...new Set(input.roster)];
  if (roster.length === 0) throw new DomainError("CULTURE_GSP_NO_ELIGIBLE", { reason: "roster" });
  const members = new Set(roster);
  let spoken = new Set((input.state?.spoken ?? []).filter((s) => members.has(s)));
  let round = input.state?.round ?? 1;
  if (spoken.size === roster.length) {
    spoken = new Set();
    round++;
  }
  const turns: Turn[] = [];
  const gaps: Gap[] = [];
  let workingDays = 0;
  for (const date of input.dates) {
    if (!input.isWorkingDay(date)) continue;
    workingDays++;
    const pending = roster.filter((r) => !spoken.has(r));
    const speaker = pending.find((p) => !input.onLeave(p, date));
    if (speaker === undefined) {
      gaps.push({ date, reason: "all_pending_on_leave", pending });
      continue;
    }
    turns.push({ date, userId: speaker, round });
    spoken.add(speaker);
    if (spoken.size === roster.length) {
      spoken = new Set();
      round++;
    }
  }
  if (workingDays > 0 && turns.length === 0) {
    throw new DomainError("CULTURE_GSP_NO_ELIGIBLE", { reason: "leave" });
  }
  return { turns, gaps, state: { spoken: roster.filter((r) => spoken.has(r)), round } };
}

/** Turn counts per roster member (0 for those without a turn), in roster order. */
export function turnCounts(roster: readonly string[], turns: readonly { userId: string }[]) {
  const counts = new Map(roster.map((r) => [r, 0]));
  for (const t of turns) if (counts.has(t.userId)) counts.set(t.userId, (counts.get(t.userId) ?? 0) + 1);
  return counts;
}

export interface LeaveSpan {
  userId: string;
  from: LocalDate;
  to: LocalDate;
}

/** A leave predicate over inclusive date spans ('YYYY-MM-DD' compares as text). */
export function leavePredicate(spans: readonly LeaveSpan[]): (userId: string, date: LocalDate) => boolean {
  const byUser = new Map<string, LeaveSpan[]>();
  for (const s of spans) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
  return (userId, date) => (byUser.get(userId) ?? []).some((s) => s.from <= date && date <= s.to);
}
