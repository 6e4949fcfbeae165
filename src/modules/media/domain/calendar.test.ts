import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
  isWorkingDay,
  loadShippedHolidays,
} from "../../../kernel/calendar";
import { daysOfMonth, gapsOf, isoWeekday, planMonth, shiftMonth } from "./calendar";

const cal = createCalendar(DEFAULT_CALENDAR_CONFIG, loadShippedHolidays());
const working = (d: string) => isWorkingDay(cal, d);

describe("month plan and gaps", () => {
  it("lists the days of a month, leap years included", () => {
    expect(daysOfMonth("2026-11")).toHaveLength(30);
    expect(daysOfMonth("2028-02")).toHaveLength(29);
    expect(daysOfMonth("2026-02").at(-1)).toBe("2026-02-28");
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });

  it("on working days only: skips weekends and the Christmas holiday and its cuti bersama", () => {
    const days = planMonth("2026-12", ["2026-12-01", "2026-12-02", "2026-12-05"], working, false);
    const gaps = gapsOf(days);
    expect(gaps).not.toContain("2026-12-01");
    expect(gaps).not.toContain("2026-12-05"); // Saturday: not required
    expect(gaps).not.toContain("2026-12-06"); // Sunday
    expect(gaps).not.toContain("2026-12-25"); // Natal
    expect(gaps).toContain("2026-12-03");
    const sat = days.find((d) => d.date === "2026-12-05")!;
    expect(sat).toMatchObject({ working: false, required: false, planned: 1, gap: false });
    // 23 weekdays in December 2026 minus Natal (25) and its cuti bersama (24) = 21 working days.
    expect(days.filter((d) => d.required)).toHaveLength(21);
    expect(gaps).toHaveLength(19);
  });

  it("with 'plan weekends' every day of the month is required", () => {
    const days = planMonth("2026-12", ["2026-12-01"], working, true);
    expect(days.every((d) => d.required)).toBe(true);
    expect(gapsOf(days)).toHaveLength(30);
    expect(gapsOf(days)).toContain("2026-12-25");
  });

  it("property: gaps are exactly the required days with nothing planned; planning a gap day removes it", () => {
    const month = fc.record({ y: fc.integer({ min: 2025, max: 2027 }), m: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(
        month,
        fc.array(fc.integer({ min: 1, max: 28 }), { maxLength: 40 }),
        fc.boolean(),
        (mm, ds, we) => {
          const key = `${mm.y}-${String(mm.m).padStart(2, "0")}`;
          const planned = ds.map((d) => `${key}-${String(d).padStart(2, "0")}`);
          const days = planMonth(key, planned, working, we);
          const gaps = gapsOf(days);
          for (const d of days) {
            expect(d.gap).toBe(d.required && !planned.includes(d.date));
            expect(d.planned).toBe(planned.filter((p) => p === d.date).length);
          }
          expect(days.reduce((s, d) => s + d.planned, 0)).toBe(planned.length);
          if (gaps.length > 0) {
            const after = gapsOf(planMonth(key, [...planned, gaps[0]!], working, we));
            expect(after).toEqual(gaps.slice(1));
          }
          // Planning weekends can only add gaps, never remove them.
          const weekendsToo = gapsOf(planMonth(key, planned, working, true));
          for (const g of gapsOf(planMonth(key, planned, working, false))) expect(weekendsToo).toContain(g);
        },
      ),
    );
  });
});
