import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
  isWorkingDay,
  loadShippedHolidays,
} from "../../../kernel/calendar";
import { computeDeadlines, localDate, reminderDate, slaState, workingDaysLeft } from "./deadlines";
import { type FigureRow, figuresOf, monthlyFigures } from "./figures";
import {
  applyOverrides,
  isConfirmed,
  OVERRIDE_BOUNDS,
  OVERRIDE_KEYS,
  overrideProblems,
  ruleSet,
  SLA_RULE_SETS,
} from "./sla-rules";
import { ALPHABET, makeCode, makeSecret, normalizeCode, normalizeSecret } from "./tracking";
import { COMMANDS, commandsFrom, nextStatus, STATUSES, type Status, TRANSITIONS } from "./workflow";

const cal = createCalendar(DEFAULT_CALENDAR_CONFIG, loadShippedHolidays());
const rules = ruleSet();

describe("deadlines on working days", () => {
  it("counts 3 working days from a Friday to Wednesday closing", () => {
    // Fri 27 Nov 2026 09:00 WIB
    const d = computeDeadlines(cal, rules, {
      receivedAt: "2026-11-27T02:00:00Z",
      verifiedAt: null,
      slaClass: null,
    });
    expect(d.verifyDue).toBe("2026-12-02T09:00:00.000Z"); // Wed 16:00 WIB
    expect(d.resolveDue).toBeNull();
    expect(d.statutoryRespondDue).toBe("2026-12-11");
  });

  it("skips Nyepi, Idulfitri and cuti bersama (March 2026)", () => {
    // Tue 17 Mar 2026: 18–24 March are holidays and collective leave → Friday 27 March
    const d = computeDeadlines(cal, rules, {
      receivedAt: "2026-03-17T03:00:00Z",
      verifiedAt: null,
      slaClass: null,
    });
    expect(localDate(cal, d.verifyDue)).toBe("2026-03-27");
  });

  it("a complaint received on a holiday starts counting on the next working day", () => {
    const holiday = computeDeadlines(cal, rules, {
      receivedAt: "2026-03-19T03:00:00Z",
      verifiedAt: null,
      slaClass: null,
    });
    // 19 March is a holiday; 25, 26, 27 March are working days 1–3
    expect(localDate(cal, holiday.verifyDue)).toBe("2026-03-27");
  });

  it("the class sets the resolve deadline (5/14/60 working days), counted from receipt", () => {
    const base = { receivedAt: "2026-11-27T02:00:00Z", verifiedAt: "2026-11-30T02:00:00Z" };
    const info = computeDeadlines(cal, rules, { ...base, slaClass: "information" });
    const reg = computeDeadlines(cal, rules, { ...base, slaClass: "regular" });
    const sup = computeDeadlines(cal, rules, { ...base, slaClass: "supervisory" });
    expect(localDate(cal, info.resolveDue!)).toBe("2026-12-04");
    expect(info.resolveDue! < reg.resolveDue!).toBe(true);
    expect(reg.resolveDue! < sup.resolveDue!).toBe(true);
    // the statutory decision counts 60 calendar days from the complete file (verification)
    expect(sup.statutoryDecideDue).toBe("2027-01-29");
  });

  it("every deadline lands on a working day and later than receipt (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-01"), noInvalidDate: true }),
        fc.constantFrom("information", "regular", "supervisory" as const),
        (at, cls) => {
          const d = computeDeadlines(cal, rules, {
            receivedAt: at.toISOString(),
            verifiedAt: null,
            slaClass: cls,
          });
          for (const due of [d.verifyDue, d.respondDue, d.resolveDue!]) {
            expect(isWorkingDay(cal, localDate(cal, due))).toBe(true);
            expect(localDate(cal, due) > localDate(cal, at)).toBe(true);
          }
          expect(d.verifyDue <= d.respondDue).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("SLA colours: on time, near due, overdue, met, late", () => {
    const due = "2026-12-02T09:00:00.000Z";
    expect(slaState(cal, new Date("2026-11-27T02:00:00Z"), due, null)).toBe("on_time");
    expect(slaState(cal, new Date("2026-12-01T02:00:00Z"), due, null)).toBe("near_due");
    expect(slaState(cal, new Date("2026-12-02T08:59:00Z"), due, null)).toBe("near_due");
    expect(slaState(cal, new Date("2026-12-02T09:00:01Z"), due, null)).toBe("overdue");
    expect(slaState(cal, new Date("2026-12-05T00:00:00Z"), due, "2026-12-01T00:00:00Z")).toBe("met");
    expect(slaState(cal, new Date("2026-12-05T00:00:00Z"), due, "2026-12-03T00:00:00Z")).toBe("late");
    expect(slaState(cal, new Date(), null, null)).toBeNull();
  });

  it("reminds the working day before, skipping weekends", () => {
    // due Monday 7 Dec 2026 → reminder Friday 4 Dec
    expect(reminderDate(cal, "2026-12-07T09:00:00.000Z", 1)).toBe("2026-12-04");
    expect(workingDaysLeft(cal, new Date("2026-12-04T02:00:00Z"), "2026-12-07T09:00:00.000Z")).toBe(1);
    expect(workingDaysLeft(cal, new Date("2026-12-08T02:00:00Z"), "2026-12-07T09:00:00.000Z")).toBe(-1);
  });
});

describe("rule sets", () => {
  it("marks each number with a source; unconfirmed ones are flagged", () => {
    for (const s of SLA_RULE_SETS)
      for (const item of [
        s.verify,
        s.respond,
        ...Object.values(s.classes),
        s.statutory.respond,
        s.statutory.decide,
      ])
        expect(item.source.length).toBeGreaterThan(5);
    expect(isConfirmed(rules.verify)).toBe(true);
    expect(isConfirmed(rules.respond)).toBe(false); // one app-store text only [S]
    expect(rules.statutory.respond).toMatchObject({ days: 14, kind: "calendar", confidence: "C1" });
  });

  it("a unit override replaces the number and marks it local", () => {
    const o = applyOverrides(rules, { verify: 2, regular: 10 });
    expect(o.verify).toMatchObject({ days: 2, confidence: "U" });
    expect(o.classes.regular.days).toBe(10);
    expect(o.classes.supervisory).toBe(rules.classes.supervisory);
    expect(applyOverrides(rules, { verify: 3 }).verify).toBe(rules.verify);
  });
});

describe("workflow", () => {
  it("follows received → verified → assigned → in progress → answered → closed", () => {
    let s: Status = "received";
    for (const c of ["verify", "assign", "start", "answer", "close"] as const) s = nextStatus(s, c);
    expect(s).toBe("closed");
  });

  it("refuses every command outside its source statuses, naming them", () => {
    for (const status of STATUSES)
      for (const c of COMMANDS) {
        if (TRANSITIONS[c].from.includes(status)) expect(nextStatus(status, c)).toBe(TRANSITIONS[c].to);
        else
          expect(() => nextStatus(status, c)).toThrow(
            expect.objectContaining({ code: "CMP_TRANSITION_REFUSED" }),
          );
      }
    expect(commandsFrom("closed")).toEqual([]);
    expect(commandsFrom("rejected")).toEqual([]);
    expect(commandsFrom("received")).toEqual(["verify", "reject", "forward"]);
  });
});

describe("tracking codes", () => {
  it("are readable, random-looking and survive sloppy typing", () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 37);
    const code = makeCode(bytes);
    expect(code).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normalizeCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normalizeCode("ADU-1234")).toBeNull();
    const secret = makeSecret(bytes);
    expect(normalizeSecret(secret.toLowerCase())).toBe(secret);
    expect(normalizeSecret("DEMO-BKSO-0000-0001")).toBe("DEM0-BKS0-0000-0001");
  });

  it("only use the unambiguous alphabet (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (b) => {
        const s = makeSecret(b).replace(/-/g, "");
        expect([...s].every((ch) => ALPHABET.includes(ch))).toBe(true);
        expect(s).not.toMatch(/[ILOU]/);
        expect(normalizeSecret(makeSecret(b))).toBe(makeSecret(b));
        expect(normalizeCode(makeCode(b))).toBe(makeCode(b));
      }),
    );
  });
});

describe("figures", () => {
  const row = (p: Partial<FigureRow>): FigureRow => ({
    receivedDate: "2026-03-05",
    status: "closed",
    category: "pengaduan",
    finishedAt: "2026-03-10T00:00:00Z",
    dueAt: "2026-03-20T09:00:00Z",
    rating: null,
    ...p,
  });

  it("counts completed and on-time shares of what was received", () => {
    const f = figuresOf([
      row({}),
      row({ finishedAt: "2026-03-25T00:00:00Z", rating: 4 }),
      row({ status: "in_progress", finishedAt: null, rating: null }),
      row({ status: "forwarded", category: "aspirasi", rating: 2 }),
    ]);
    expect(f).toMatchObject({
      received: 4,
      completed: 3,
      completedOnTime: 2,
      open: 1,
      percentCompleted: 75,
      percentOnTime: 50,
    });
    expect(f.byCategory).toEqual({ pengaduan: 3, aspirasi: 1 });
    expect(f.averageRating).toBe(3);
    expect(figuresOf([]).percentCompleted).toBeNull();
  });

  it("splits a period by month", () => {
    const m = monthlyFigures([row({}), row({ receivedDate: "2026-05-01" })], "2026-01-01", "2026-12-31");
    expect(m).toHaveLength(12);
    expect(m[2]!.received).toBe(1);
    expect(m[4]!.received).toBe(1);
    expect(m[0]!.percentCompleted).toBeNull();
  });
});

describe("unit overrides", () => {
  it("accepts the defaults and sensible local numbers", () => {
    expect(overrideProblems(rules, {})).toEqual([]);
    expect(overrideProblems(rules, { verify: 2, regular: 10, reminder: 1 })).toEqual([]);
    expect(overrideProblems(rules, { verify: 5, respond: 5 })).toEqual([]); // equal is in order
  });

  it("names the number out of its bounds", () => {
    expect(overrideProblems(rules, { verify: 0 })).toEqual([
      { key: "verify", code: "range", min: 1, max: 30 },
    ]);
    expect(overrideProblems(rules, { reminder: 11 })[0]).toMatchObject({ key: "reminder", code: "range" });
    expect(overrideProblems(rules, { regular: 2.5 })[0]).toMatchObject({ key: "regular", code: "range" });
  });

  it("keeps the stages in order, blaming the number the unit changed", () => {
    // regular (changed) below information (default 5)
    expect(overrideProblems(rules, { regular: 3 })).toEqual([
      { key: "regular", code: "atLeast", other: "information", limit: 5 },
    ]);
    // information (changed) above regular (default 14)
    expect(overrideProblems(rules, { information: 20 })).toEqual([
      { key: "information", code: "atMost", other: "regular", limit: 14 },
    ]);
    expect(overrideProblems(rules, { verify: 6 })).toEqual([
      { key: "verify", code: "atMost", other: "respond", limit: 5 },
    ]);
    expect(overrideProblems(rules, { reminder: 3 })).toEqual([
      { key: "reminder", code: "below", other: "verify", limit: 3 },
    ]);
  });

  it("every accepted set applies with its stages in order (property)", () => {
    const day = (k: (typeof OVERRIDE_KEYS)[number]) =>
      fc.option(fc.integer({ min: OVERRIDE_BOUNDS[k].min, max: OVERRIDE_BOUNDS[k].max }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, day(k)])) as Record<
            string,
            fc.Arbitrary<number | undefined>
          >,
        ),
        (raw) => {
          const o = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
          if (overrideProblems(rules, o).length > 0) return;
          const a = applyOverrides(rules, o);
          expect(a.verify.days).toBeLessThanOrEqual(a.respond.days);
          expect(a.classes.information.days).toBeLessThanOrEqual(a.classes.regular.days);
          expect(a.classes.regular.days).toBeLessThanOrEqual(a.classes.supervisory.days);
          const shortest = Math.min(a.verify.days, a.respond.days, a.classes.information.days);
          expect(a.reminderWorkingDaysBefore === 1 || a.reminderWorkingDaysBefore < shortest).toBe(true);
        },
      ),
    );
  });
});
