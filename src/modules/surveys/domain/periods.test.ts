import { describe, expect, it } from "vitest";
import { periodLabel, periodRange, submissionBlock } from "./periods";

describe("survey periods", () => {
  it.each([
    ["year", 2026, null, "2026-01-01", "2026-12-31"],
    ["semester", 2026, 2, "2026-07-01", "2026-12-31"],
    ["quarter", 2026, 1, "2026-01-01", "2026-03-31"],
    ["month", 2028, 2, "2028-02-01", "2028-02-29"],
  ] as const)("%s %i part %s runs %s – %s", (type, year, part, from, to) => {
    expect(periodRange(type, year, part)).toEqual({ startsOn: from, endsOn: to });
  });
  it("refuses a part outside the period type", () => {
    expect(() => periodRange("quarter", 2026, 5)).toThrow(RangeError);
    expect(() => periodRange("month", 2026, null)).toThrow(RangeError);
  });
  it("labels in both languages", () => {
    expect(periodLabel("semester", 2026, 1, "id")).toBe("Semester I 2026");
    expect(periodLabel("quarter", 2026, 3, "en")).toBe("Q3 2026");
    expect(periodLabel("month", 2026, 5, "id")).toBe("Mei 2026");
  });
  it("accepts submissions only while open and within the dates", () => {
    const p = { status: "open" as const, startsOn: "2026-01-01", endsOn: "2026-06-30" };
    expect(submissionBlock(p, "2026-03-01")).toBeNull();
    expect(submissionBlock(p, "2026-06-30")).toBeNull();
    expect(submissionBlock(p, "2026-07-01")).toBe("closed");
    expect(submissionBlock(p, "2025-12-31")).toBe("not_started");
    expect(submissionBlock({ ...p, status: "closed" }, "2026-03-01")).toBe("closed");
    expect(submissionBlock({ ...p, status: "draft" }, "2026-03-01")).toBe("not_open");
  });
});
