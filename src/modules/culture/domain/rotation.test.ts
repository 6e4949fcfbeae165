import { describe, expect, it } from "vitest";
import { createCalendar, isWorkingDay, loadShippedHolidays } from "../../../kernel/calendar";
import { DomainError } from "../../../kernel/http/errors";
import { dateRange, leavePredicate, planRotation, roundFromHistory, turnCounts } from "./rotation";

const cal = createCalendar(undefined, loadShippedHolidays());
const working = (d: string) => isWorkingDay(cal, d);
const noLeave = () => false;

describe("GSP rotation", () => {
  it("gives one speaker per working day, in roster order, skipping weekends and public holidays", () => {
    // 2026-12-21 Mon … 2027-01-08 Fri: Christmas (25 Dec) and collective leave (24 Dec) are closed.
    const dates = dateRange("2026-12-21", "2026-12-31");
    const r = planRotation({ roster: ["a", "b", "c"], dates, isWorkingDay: working, onLeave: noLeave });
    expect(r.turns.every((t) => working(t.date))).toBe(true);
    expect(r.turns.map((t) => t.date)).not.toContain("2026-12-25");
    expect(r.turns.map((t) => t.date)).not.toContain("2026-12-26");
    expect(r.turns.map((t) => t.userId)).toEqual(r.turns.map((_, i) => ["a", "b", "c"][i % 3]));
    expect(r.turns.length).toBe(dates.filter(working).length);
  });

  it("skips an employee on leave for that day only: they keep their place and speak on their first day back", () => {
    // Mon 2026-11-02 … Fri 2026-11-13 (no holidays). b is on leave Tue–Wed of week one.
    const onLeave = leavePredicate([{ userId: "b", from: "2026-11-03", to: "2026-11-04" }]);
    const r = planRotation({
      roster: ["a", "b", "c", "d"],
      dates: dateRange("2026-11-02", "2026-11-13"),
      isWorkingDay: working,
      onLeave,
    });
    expect(r.turns.slice(0, 5).map((t) => [t.date, t.userId])).toEqual([
      ["2026-11-02", "a"],
      ["2026-11-03", "c"],
      ["2026-11-04", "d"],
      ["2026-11-05", "b"], // first day back: b before anyone's second turn
      ["2026-11-06", "a"],
    ]);
    expect(r.gaps).toEqual([]);
  });

  it("leaves a day without speaker rather than giving anyone a second turn early", () => {
    const onLeave = leavePredicate([{ userId: "c", from: "2026-11-04", to: "2026-11-05" }]);
    const r = planRotation({
      roster: ["a", "b", "c"],
      dates: dateRange("2026-11-02", "2026-11-06"),
      isWorkingDay: working,
      onLeave,
    });
    expect(r.turns.map((t) => [t.date, t.userId])).toEqual([
      ["2026-11-02", "a"],
      ["2026-11-03", "b"],
      ["2026-11-06", "c"],
    ]);
    expect(r.gaps).toEqual([
      { date: "2026-11-04", reason: "all_pending_on_leave", pending: ["c"] },
      { date: "2026-11-05", reason: "all_pending_on_leave", pending: ["c"] },
    ]);
  });

  it("continues the round in progress from history", () => {
    const state = roundFromHistory(["a", "b", "c", "d"], ["a", "b", "c", "d", "a", "c"]);
    expect(state).toEqual({ spoken: ["a", "c"], round: 2 });
    const r = planRotation({
      roster: ["a", "b", "c", "d"],
      dates: dateRange("2026-11-02", "2026-11-04"),
      isWorkingDay: working,
      onLeave: noLeave,
      state,
    });
    expect(r.turns.map((t) => t.userId)).toEqual(["b", "d", "a"]);
    expect(r.turns.map((t) => t.round)).toEqual([2, 2, 3]);
    expect(r.state).toEqual({ spoken: ["a"], round: 3 });
  });

  it("ignores former employees in history and lets a new employee in before any second turn", () => {
    const state = roundFromHistory(["a", "b", "new"], ["x", "a", "b"]);
    expect(state.spoken).toEqual(["a", "b"]);
    const r = planRotation({
      roster: ["a", "b", "new"],
      dates: dateRange("2026-11-02", "2026-11-02"),
      isWorkingDay: working,
      onLeave: noLeave,
      state,
    });
    expect(r.turns[0]!.userId).toBe("new");
  });

  it("refuses an empty roster and a range where everyone is on leave throughout", () => {
    const run =
      (roster: string[], onLeave = noLeave) =>
      () =>
        planRotation({
          roster,
          dates: dateRange("2026-11-02", "2026-11-06"),
          isWorkingDay: working,
          onLeave,
        });
    expect(run([])).toThrow(DomainError);
    try {
      run(["a"], () => true)();
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("CULTURE_GSP_NO_ELIGIBLE");
    }
  });

  it("a range with only non-working days yields an empty schedule", () => {
    const r = planRotation({
      roster: ["a"],
      dates: dateRange("2026-11-07", "2026-11-08"),
      isWorkingDay: working,
      onLeave: noLeave,
    });
    expect(r).toEqual({ turns: [], gaps: [], state: { spoken: [], round: 1 } });
  });

  it("counts turns per roster member", () => {
    const counts = turnCounts(["a", "b"], [{ userId: "a" }, { userId: "a" }, { userId: "x" }]);
    expect([...counts]).toEqual([
      ["a", 2],
      ["b", 0],
    ]);
  });
});
