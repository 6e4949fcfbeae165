import { describe, expect, it } from "vitest";
import { calendarConfigSchema } from "./calendar";

/**
 * Found by the fuzz proof (test/proof/fuzz.test.ts): Zod runs an object's refinement even when one
 * of its fields already failed, so a malformed time reached parseTime (which throws) and
 * PUT /api/units/:id/hours answered 500 instead of 400.
 */
describe("calendarConfigSchema with malformed times", () => {
  it.each([
    [{ start: "%2e%2e", end: "16:00" }],
    [{ start: "07:30", end: "25:99" }],
    [{ start: "", end: "" }],
  ])("refuses %o with issues instead of throwing", (interval) => {
    const r = calendarConfigSchema.safeParse({
      zone: "WIB",
      week: { "1": [interval, { start: "08:00", end: "09:00" }] },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.some((i) => i.message === "must be HH:MM")).toBe(true);
  });

  it("still refuses a start after the end, and overlapping intervals", () => {
    const backwards = calendarConfigSchema.safeParse({
      zone: "WIB",
      week: { "1": [{ start: "16:00", end: "08:00" }] },
    });
    expect(backwards.error!.issues.map((i) => i.message)).toContain("start must be before end");
    const overlap = calendarConfigSchema.safeParse({
      zone: "WIB",
      week: {
        "1": [
          { start: "08:00", end: "12:00" },
          { start: "11:00", end: "13:00" },
        ],
      },
    });
    expect(overlap.error!.issues.map((i) => i.message)).toContain("intervals overlap");
  });
});
