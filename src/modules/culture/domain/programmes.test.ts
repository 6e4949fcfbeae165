import { describe, expect, it } from "vitest";
import { createCalendar, isWorkingDay, loadShippedHolidays } from "../../../kernel/calendar";
import {
  attendanceRate,
  monthlyAttendance,
  PROGRAMME_TEMPLATES,
  plannedDates,
  scheduleRuleSchema,
} from "./programmes";

const cal = createCalendar(undefined, loadShippedHolidays());
const working = (d: string) => isWorkingDay(cal, d);

describe("culture programmes", () => {
  it("ships the five starting templates with valid schedule rules", () => {
    expect(PROGRAMME_TEMPLATES.map((t) => t.code)).toEqual([
      "REPEAT",
      "MODEL",
      "RABU_CENDEKIA",
      "GSP",
      "LITERASI",
    ]);
    for (const t of PROGRAMME_TEMPLATES) expect(scheduleRuleSchema.parse(t.schedule)).toEqual(t.schedule);
    expect(PROGRAMME_TEMPLATES.find((t) => t.code === "REPEAT")!.checklist.length).toBeGreaterThan(3);
  });

  it("plans weekly sessions on working days only (MODEL on Mondays, none on a holiday Monday)", () => {
    expect(plannedDates({ kind: "weekly", weekday: 1 }, "2026-11-01", "2026-11-30", working)).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    // 2026-12-25 (Friday) is Christmas: no Friday session that day
    expect(plannedDates({ kind: "weekly", weekday: 5 }, "2026-12-01", "2026-12-31", working)).not.toContain(
      "2026-12-25",
    );
  });

  it("moves a monthly session off a closed day to the next working day of the same month", () => {
    // 2026-11-01 is a Sunday → Monday 2 November
    expect(plannedDates({ kind: "monthly", day: 1 }, "2026-11-01", "2026-11-30", working)).toEqual([
      "2026-11-02",
    ]);
    expect(plannedDates({ kind: "monthly", day: 15 }, "2026-10-01", "2026-12-31", working)).toEqual([
      "2026-10-15",
      "2026-11-16",
      "2026-12-15",
    ]);
  });

  it("plans every working day for daily rules and nothing for ad-hoc ones", () => {
    const days = plannedDates({ kind: "working_days" }, "2026-12-21", "2026-12-27", working);
    expect(days).toEqual(days.filter(working));
    expect(days).not.toContain("2026-12-25");
    expect(days).not.toContain("2026-12-26");
    expect(plannedDates({ kind: "ad_hoc" }, "2026-12-01", "2026-12-31", working)).toEqual([]);
  });

  it("computes attendance rates per session and per month", () => {
    expect(attendanceRate({ expected: 0, present: 0 })).toBeNull();
    expect(attendanceRate({ expected: 3, present: 2 })).toBe(66.7);
    expect(
      monthlyAttendance([
        { date: "2026-11-02", expected: 10, present: 9 },
        { date: "2026-10-05", expected: 10, present: 5 },
        { date: "2026-11-09", expected: 10, present: 7 },
      ]),
    ).toEqual([
      { month: "2026-10", occurrences: 1, expected: 10, present: 5, rate: 50 },
      { month: "2026-11", occurrences: 2, expected: 20, present: 16, rate: 80 },
    ]);
  });
});
