import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import {
  assertDueDate,
  assertMeetingDateFits,
  type CarryCandidate,
  carryOver,
  checkStatusChange,
  isOverdue,
  reminderKey,
} from "./rules";

const code = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return null;
};

describe("follow-up dates", () => {
  it("accepts a due date on or after the meeting day and refuses one before it", () => {
    expect(code(() => assertDueDate("2026-11-02", "2026-11-02"))).toBeNull();
    expect(code(() => assertDueDate("2026-11-02", "2026-11-30"))).toBeNull();
    expect(code(() => assertDueDate("2026-11-02", "2026-11-01"))).toBe("MONEV_DUE_BEFORE_MEETING");
    expect(code(() => assertDueDate("2026-11-02", "2026-02-30"))).toBe("MONEV_DATE_INVALID");
    expect(code(() => assertDueDate("2026-11-02", "30/11/2026"))).toBe("MONEV_DATE_INVALID");
  });

  it("lets a meeting move only while its follow-ups stay due on or after it", () => {
    expect(code(() => assertMeetingDateFits("2026-11-10", ["2026-11-20", "2026-11-10"]))).toBeNull();
    expect(code(() => assertMeetingDateFits("2026-11-11", ["2026-11-20", "2026-11-10"]))).toBe(
      "MONEV_MEETING_AFTER_DUE",
    );
    expect(code(() => assertMeetingDateFits("2026-11-31", []))).toBe("MONEV_DATE_INVALID");
  });

  it("is overdue only when open and past its due day (due today is not overdue)", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-11-26" }, "2026-11-27")).toBe(true);
    expect(isOverdue({ status: "open", dueDate: "2026-11-27" }, "2026-11-27")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-11-01" }, "2026-11-27")).toBe(false);
    expect(isOverdue({ status: "dropped", dueDate: "2026-11-01" }, "2026-11-27")).toBe(false);
  });
});

describe("status changes", () => {
  const open = { status: "open" as const, meetingDate: "2026-11-02" };
  it("closes an open follow-up as done with a completion date between the meeting and today", () => {
    expect(
      code(() => checkStatusChange(open, { status: "done", completedOn: "2026-11-02" }, "2026-11-27")),
    ).toBeNull();
    expect(
      code(() => checkStatusChange(open, { status: "done", completedOn: "2026-11-27" }, "2026-11-27")),
    ).toBeNull();
    expect(
      code(() => checkStatusChange(open, { status: "done", completedOn: "2026-11-01" }, "2026-11-27")),
    ).toBe("MONEV_COMPLETED_BEFORE_MEETING");
    expect(
      code(() => checkStatusChange(open, { status: "done", completedOn: "2026-11-28" }, "2026-11-27")),
    ).toBe("MONEV_COMPLETED_IN_FUTURE");
  });
  it("drops only with a reason", () => {
    expect(code(() => checkStatusChange(open, { status: "dropped", reason: "  " }, "2026-11-27"))).toBe(
      "MONEV_DROP_REASON_REQUIRED",
    );
    expect(
      code(() => checkStatusChange(open, { status: "dropped", reason: "Tidak relevan lagi" }, "2026-11-27")),
    ).toBeNull();
  });
  it("reopens closed follow-ups but never rewrites a closed one directly", () => {
    const done = { status: "done" as const, meetingDate: "2026-11-02" };
    const dropped = { status: "dropped" as const, meetingDate: "2026-11-02" };
    expect(code(() => checkStatusChange(done, { status: "open" }, "2026-11-27"))).toBeNull();
    expect(code(() => checkStatusChange(dropped, { status: "open" }, "2026-11-27"))).toBeNull();
    expect(code(() => checkStatusChange(done, { status: "dropped", reason: "x" }, "2026-11-27"))).toBe(
      "MONEV_STATUS_CHANGE",
    );
    expect(
      code(() => checkStatusChange(dropped, { status: "done", completedOn: "2026-11-20" }, "2026-11-27")),
    ).toBe("MONEV_STATUS_CHANGE");
    expect(code(() => checkStatusChange(open, { status: "open" }, "2026-11-27"))).toBe("MONEV_STATUS_CHANGE");
  });
});

describe("carry-over", () => {
  const c = (
    id: string,
    meetingId: string,
    meetingDate: string,
    status: CarryCandidate["status"] = "open",
    carryCount = 0,
  ) => ({
    id,
    meetingId,
    meetingDate,
    status,
    carryCount,
  });

  it("carries every open follow-up of earlier meetings, oldest first, counting one more carry", () => {
    const out = carryOver({ id: "m3", date: "2026-11-16" }, [
      c("f2", "m2", "2026-11-09", "open", 1),
      c("f1", "m1", "2026-11-02", "open", 1),
      c("f3", "m1", "2026-11-02", "done"),
      c("f4", "m2", "2026-11-09", "dropped"),
      c("f5", "m0", "2026-11-16"), // same day, recorded earlier
    ]);
    expect(out).toEqual([
      { id: "f1", carryCount: 2 },
      { id: "f2", carryCount: 2 },
      { id: "f5", carryCount: 1 },
    ]);
  });

  it("does not carry a meeting's own follow-ups nor decisions made after the meeting's date", () => {
    const out = carryOver({ id: "m1", date: "2026-11-02" }, [
      c("own", "m1", "2026-11-02"),
      c("later", "m9", "2026-11-20"),
    ]);
    expect(out).toEqual([]);
  });

  it("property: carries exactly the open ones from meetings dated on or before the new one", () => {
    const date = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, "0")}`);
    const cand = fc.record({
      id: fc.uuid(),
      meetingId: fc.constantFrom("a", "b", "c", "new"),
      meetingDate: date,
      status: fc.constantFrom("open" as const, "done" as const, "dropped" as const),
      carryCount: fc.nat(20),
    });
    fc.assert(
      fc.property(date, fc.uniqueArray(cand, { selector: (x) => x.id, maxLength: 30 }), (d, cands) => {
        const out = carryOver({ id: "new", date: d }, cands);
        const expected = cands.filter(
          (x) => x.status === "open" && x.meetingId !== "new" && x.meetingDate <= d,
        );
        expect(out.map((o) => o.id).sort()).toEqual(expected.map((x) => x.id).sort());
        for (const o of out) expect(o.carryCount).toBe(cands.find((x) => x.id === o.id)!.carryCount + 1);
      }),
    );
  });

  it("names one reminder per follow-up and due date", () => {
    expect(reminderKey("f1", "2026-11-20")).toBe("monev:follow-up:f1:overdue:2026-11-20");
    expect(reminderKey("f1", "2026-11-21")).not.toBe(reminderKey("f1", "2026-11-20"));
  });
});
