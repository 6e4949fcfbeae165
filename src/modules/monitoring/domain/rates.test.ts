import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import {
  bucketOf,
  periodBounds,
  periodOf,
  periodsBetween,
  type RateInput,
  rateOf,
  ratesBetween,
} from "./rates";

const today = "2026-11-27";
const f = (
  dueDate: string,
  status: RateInput["status"] = "open",
  completedOn: string | null = null,
): RateInput => ({
  status,
  dueDate,
  completedOn,
});

describe("buckets", () => {
  it("sorts each follow-up into exactly one bucket as of today", () => {
    expect(bucketOf(f("2026-11-20", "done", "2026-11-20"), today)).toBe("doneOnTime");
    expect(bucketOf(f("2026-11-20", "done", "2026-11-21"), today)).toBe("doneLate");
    expect(bucketOf(f("2026-11-26"), today)).toBe("openOverdue");
    expect(bucketOf(f("2026-11-27"), today)).toBe("openNotDue");
    expect(bucketOf(f("2026-11-01", "dropped"), today)).toBe("dropped");
  });
});

describe("periods", () => {
  it("keys and bounds months, quarters and years (leap years included)", () => {
    expect(periodOf("2026-11-27", "month")).toBe("2026-11");
    expect(periodOf("2026-11-27", "quarter")).toBe("2026-Q4");
    expect(periodOf("2026-11-27", "year")).toBe("2026");
    expect(periodBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodBounds("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodBounds("2026-Q3")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(periodBounds("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(() => periodBounds("2026-13")).toThrow(DomainError);
    expect(() => periodBounds("2026-Q5")).toThrow(DomainError);
  });
  it("lists the periods covering a range", () => {
    expect(periodsBetween("2026-10-15", "2027-02-01", "month")).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    expect(periodsBetween("2026-02-10", "2027-01-05", "quarter")).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
    expect(periodsBetween("2025-06-01", "2026-01-01", "year")).toEqual(["2025", "2026"]);
    expect(periodsBetween("2026-02-01", "2026-01-01", "month")).toEqual([]);
  });
});

describe("completion rate", () => {
  it("counts a month's follow-ups by due date and leaves dropped ones out of the rates", () => {
    const items = [
      f("2026-11-03", "done", "2026-11-03"),
      f("2026-11-10", "done", "2026-11-02"),
      f("2026-11-10", "done", "2026-11-17"),
      f("2026-11-20"),
      f("2026-11-30"),
      f("2026-11-15", "dropped"),
      f("2026-10-31", "done", "2026-10-30"), // other month
    ];
    const r = rateOf("2026-11", items, today);
    expect(r).toMatchObject({
      doneOnTime: 2,
      doneLate: 1,
      openOverdue: 1,
      openNotDue: 1,
      dropped: 1,
      counted: 5,
    });
    expect(r.completionRate).toBeCloseTo(3 / 5);
    expect(r.onTimeRate).toBeCloseTo(2 / 5);
  });
  it("has no rate for a period with nothing to count", () => {
    const r = rateOf("2026-09", [f("2026-09-10", "dropped")], today);
    expect(r.counted).toBe(0);
    expect(r.completionRate).toBeNull();
    expect(r.onTimeRate).toBeNull();
  });
  it("property: per-period buckets add up to every follow-up due in the range, and rates stay in [0,1]", () => {
    const date = fc
      .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ m, d }) => `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const item = fc.record({
      status: fc.constantFrom("open" as const, "done" as const, "dropped" as const),
      dueDate: date,
      completedOn: date,
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.constantFrom("month" as const, "quarter" as const, "year" as const),
        (items, g) => {
          const rates = ratesBetween(items, { from: "2026-01-01", to: "2026-12-31" }, g, today);
          const total = rates.reduce((s, r) => s + r.counted + r.dropped, 0);
          expect(total).toBe(items.length);
          for (const r of rates) {
            if (r.completionRate !== null) {
              expect(r.completionRate).toBeGreaterThanOrEqual(0);
              expect(r.completionRate).toBeLessThanOrEqual(1);
              expect(r.onTimeRate!).toBeLessThanOrEqual(r.completionRate);
            }
          }
        },
      ),
    );
  });
});
