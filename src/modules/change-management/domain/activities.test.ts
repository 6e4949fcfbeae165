import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertDates, isOverdue, progressByArea, reconcile, reminderKey } from "./activities";
import { ACTIVITY_STATUSES, LEVER_AREAS } from "./model";

describe("overdue rule", () => {
  it.each([
    ["2026-11-26", "berjalan", true],
    ["2026-11-26", "belum_mulai", true],
    ["2026-11-26", "tertunda", true],
    ["2026-11-26", "selesai", false],
    ["2026-11-27", "berjalan", false], // due today: not yet
    ["2026-12-31", "belum_mulai", false],
  ] as const)("due %s, %s → overdue %s (today 2026-11-27)", (dueDate, status, expected) => {
    expect(isOverdue({ dueDate, status }, "2026-11-27")).toBe(expected);
  });

  it("a finished activity is never overdue; an unfinished one is exactly when its date has passed", () => {
    const date = fc
      .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.constantFrom(...ACTIVITY_STATUSES), (due, today, status) => {
        const o = isOverdue({ dueDate: due, status }, today);
        if (status === "selesai") expect(o).toBe(false);
        else expect(o).toBe(new Date(due) < new Date(today));
      }),
    );
  });
});

describe("dates", () => {
  it("refuses a due date before the start, accepts the same day", () => {
    expect(() => assertDates("2026-12-10", "2026-12-09")).toThrow(
      expect.objectContaining({
        code: "CM_DUE_BEFORE_START",
        params: { startDate: "2026-12-10", dueDate: "2026-12-09" },
      }),
    );
    expect(() => assertDates("2026-12-10", "2026-12-10")).not.toThrow();
  });
});

describe("progress and status agree", () => {
  it.each([
    [{ status: "selesai", progress: 30 }, "status", { status: "selesai", progress: 100 }],
    [{ status: "selesai", progress: 30 }, "progress", { status: "berjalan", progress: 30 }],
    [{ status: "selesai", progress: 0 }, "progress", { status: "belum_mulai", progress: 0 }],
    [{ status: "berjalan", progress: 100 }, "progress", { status: "selesai", progress: 100 }],
    [{ status: "belum_mulai", progress: 10 }, "progress", { status: "berjalan", progress: 10 }],
    [{ status: "tertunda", progress: 100 }, "status", { status: "tertunda", progress: 100 }],
    [{ status: "tertunda", progress: 40 }, "both", { status: "tertunda", progress: 40 }],
  ] as const)("%o (%s set) → %o", (input, changed, expected) => {
    expect(reconcile(input, changed)).toEqual(expected);
  });

  it("refuses progress outside 0–100 or not whole", () => {
    for (const p of [-1, 101, 12.5])
      expect(() => reconcile({ status: "berjalan", progress: p }, "progress")).toThrow(
        expect.objectContaining({ code: "CM_PROGRESS_RANGE" }),
      );
  });

  it("never leaves 'selesai' below 100 or 'belum mulai' above 0", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIVITY_STATUSES),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("status", "progress", "both") as fc.Arbitrary<"status" | "progress" | "both">,
        (status, progress, changed) => {
          const r = reconcile({ status, progress }, changed);
          if (r.status === "selesai") expect(r.progress).toBe(100);
          if (r.status === "belum_mulai") expect(r.progress).toBe(0);
          // Reconciling again changes nothing.
          expect(reconcile(r, "both")).toEqual(r);
        },
      ),
    );
  });
});

describe("progress per area", () => {
  it("averages each area, counts done and overdue, and lists all six areas in order", () => {
    const rows = progressByArea(
      [
        { areaKey: "sdm", progress: 100, status: "selesai", dueDate: "2026-01-01" },
        { areaKey: "sdm", progress: 25, status: "berjalan", dueDate: "2026-01-01" },
        { areaKey: "sdm", progress: 0, status: "belum_mulai", dueDate: "2027-01-01" },
        { areaKey: "pengawasan", progress: 50, status: "tertunda", dueDate: "2026-11-01" },
      ],
      "2026-11-27",
    );
    expect(rows.map((r) => r.areaKey)).toEqual([...LEVER_AREAS]);
    expect(rows.find((r) => r.areaKey === "sdm")).toEqual({
      areaKey: "sdm",
      total: 3,
      done: 1,
      overdue: 1,
      progress: 41.7,
    });
    expect(rows.find((r) => r.areaKey === "pengawasan")).toMatchObject({
      total: 1,
      overdue: 1,
      progress: 50,
    });
    expect(rows.find((r) => r.areaKey === "tatalaksana")).toEqual({
      areaKey: "tatalaksana",
      total: 0,
      done: 0,
      overdue: 0,
      progress: 0,
    });
  });

  it("the reminder key changes with the due date only", () => {
    expect(reminderKey("a1", "2026-11-10")).toBe("cm.activity.overdue:a1:2026-11-10");
    expect(reminderKey("a1", "2026-11-10")).not.toBe(reminderKey("a1", "2026-11-20"));
  });
});
