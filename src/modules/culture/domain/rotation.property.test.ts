import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar, isWorkingDay, loadShippedHolidays } from "../../../kernel/calendar";
import { DomainError } from "../../../kernel/http/errors";
import { addDays, dateRange, leavePredicate, planRotation, type RoundState } from "./rotation";

/**
 * The invariant (stated in rotation.ts): with c₀(x) = 1 for those who already spoke in the round in
 * progress and 0 otherwise, after every prefix of the generated turns max c − min c ≤ 1. Plus: no
 * turn on a non-working day or a leave day; a gap only when everyone still owed a turn is on leave;
 * determinism.
 */
const cal = createCalendar(undefined, loadShippedHolidays());
const working = (d: string) => isWorkingDay(cal, d);

const scenario = fc
  .record({
    size: fc.integer({ min: 1, max: 9 }),
    start: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 0, max: 90 }),
    leaves: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 8 }),
        offset: fc.integer({ min: -5, max: 95 }),
        days: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 12 },
    ),
    spokenMask: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  })
  .map((s) => {
    const roster = Array.from({ length: s.size }, (_, i) => `u${i}`);
    const from = addDays("2026-01-01", s.start);
    const spans = s.leaves
      .filter((l) => l.who < s.size)
      .map((l) => ({
        userId: `u${l.who}`,
        from: addDays(from, l.offset),
        to: addDays(from, l.offset + l.days),
      }));
    const state: RoundState = { spoken: roster.filter((_, i) => s.spokenMask[i]) };
    return { roster, dates: dateRange(from, addDays(from, s.length)), spans, state };
  });

function plan(s: { roster: string[]; dates: string[]; spans: any[]; state: RoundState }) {
  try {
    return planRotation({
      roster: s.roster,
      dates: s.dates,
      isWorkingDay: working,
      onLeave: leavePredicate(s.spans),
      state: s.state,
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "CULTURE_GSP_NO_ELIGIBLE") return null;
    throw e;
  }
}

describe("GSP rotation properties", () => {
  it("fairness: turn counts (starting from the round in progress) never differ by more than 1 at any prefix", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = plan(s);
        if (!r) return;
        const all = new Set(s.roster);
        const startFull = s.state.spoken.length === s.roster.length;
        const c = new Map(s.roster.map((x) => [x, !startFull && s.state.spoken.includes(x) ? 1 : 0]));
        for (const t of r.turns) {
          expect(all.has(t.userId)).toBe(true);
          c.set(t.userId, c.get(t.userId)! + 1);
          const v = [...c.values()];
          expect(Math.max(...v) - Math.min(...v)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("no turn on a non-working day or on the speaker's leave day; at most one turn per day", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = plan(s);
        if (!r) return;
        const onLeave = leavePredicate(s.spans);
        const days = r.turns.map((t) => t.date);
        expect(new Set(days).size).toBe(days.length);
        for (const t of r.turns) {
          expect(working(t.date)).toBe(true);
          expect(onLeave(t.userId, t.date)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("every working day gets a speaker unless all still owed a turn are on leave that day", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = plan(s);
        if (!r) {
          // refused: every working day had nobody available
          return;
        }
        const onLeave = leavePredicate(s.spans);
        const covered = new Set([...r.turns.map((t) => t.date), ...r.gaps.map((g) => g.date)]);
        expect([...covered].sort()).toEqual(s.dates.filter(working));
        for (const g of r.gaps) {
          expect(g.pending.length).toBeGreaterThan(0);
          expect(g.pending.every((p) => onLeave(p, g.date))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("nobody gets a further turn while someone is still owed one: each speaker has the lowest count", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = plan(s);
        if (!r) return;
        const startFull = s.state.spoken.length === s.roster.length;
        const c = new Map(s.roster.map((x) => [x, !startFull && s.state.spoken.includes(x) ? 1 : 0]));
        for (const t of r.turns) {
          expect(c.get(t.userId)).toBe(Math.min(...c.values()));
          c.set(t.userId, c.get(t.userId)! + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("an employee skipped for leave speaks on their first working day back when first in line", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = plan(s);
        if (!r) return;
        const onLeave = leavePredicate(s.spans);
        const byDate = new Map(r.turns.map((t) => [t.date, t.userId]));
        // A gap whose only pending person is x: x must speak on the next working day x is available.
        for (const g of r.gaps) {
          if (g.pending.length !== 1) continue;
          const x = g.pending[0]!;
          const next = s.dates.find((d) => d > g.date && working(d) && !onLeave(x, d));
          if (next) expect(byDate.get(next)).toBe(x);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic, and generating in two halves equals generating at once", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 90 }), (s, cut) => {
        const whole = plan(s);
        expect(plan(s)).toEqual(whole);
        if (!whole) return;
        const k = Math.min(cut, s.dates.length);
        const first = plan({ ...s, dates: s.dates.slice(0, k) });
        const state = first?.state ?? s.state;
        const second = plan({ ...s, dates: s.dates.slice(k), state });
        const joined = [...(first?.turns ?? []), ...(second?.turns ?? [])].map((t) => [t.date, t.userId]);
        expect(joined).toEqual(whole.turns.map((t) => [t.date, t.userId]));
      }),
      { numRuns: 300 },
    );
  });
});
