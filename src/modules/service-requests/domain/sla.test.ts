import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar, officeHours } from "../../../kernel/calendar";
import { formatRemaining, formatWorkingMinutes, type SrState } from "./model";
import { dueSkippingPauses, rulesFromHours, type SlaLog, slaSnapshot } from "./sla";

/** Jam layanan 08:00–16:00, Senin–Jumat, WIB. */
const cal = createCalendar(officeHours("08:00", "16:00"), ["2026-12-25"]);
/** Local WIB wall time → ISO instant ("2026-11-27 15:30" → "2026-11-27T08:30:00.000Z"). */
const wib = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`).toISOString();
const rules = (hours: number, pauseStates: SrState[] = ["waiting_requester"], first = 2) =>
  rulesFromHours({ firstResponseHours: first, resolutionHours: hours, warningPercent: 80, pauseStates });
const log = (
  submitted: string,
  changes: Array<[string, SrState]> = [],
  first: string | null = null,
): SlaLog => ({
  submittedAt: wib(submitted),
  transitions: changes.map(([at, to]) => ({ at: wib(at), to })),
  firstResponseAt: first ? wib(first) : null,
});

describe("due time in users' terms (jam layanan 08:00–16:00)", () => {
  it.each([
    // [case, submitted, SLA hours, due (WIB)]
    ["diajukan Jumat 15:30, SLA 4 jam kerja → Senin 11:30", "2026-11-27 15:30", 4, "2026-11-30 11:30"],
    ["diajukan Senin 09:00, 4 jam → Senin 13:00", "2026-11-30 09:00", 4, "2026-11-30 13:00"],
    [
      "diajukan Jumat 16:30 (sudah tutup), 8 jam → Senin 16:00 (tepat jam tutup)",
      "2026-11-27 16:30",
      8,
      "2026-11-30 16:00",
    ],
    ["diajukan Sabtu 10:00, 2 jam → Senin 10:00", "2026-11-28 10:00", 2, "2026-11-30 10:00"],
    ["diajukan Senin 06:00 (sebelum buka), 1 jam → Senin 09:00", "2026-11-30 06:00", 1, "2026-11-30 09:00"],
    [
      "berakhir tepat jam tutup: Senin 12:00 + 4 jam → Senin 16:00, bukan Selasa 08:00",
      "2026-11-30 12:00",
      4,
      "2026-11-30 16:00",
    ],
    [
      "libur Natal: Kamis 24 Des 14:00 + 4 jam → Senin 28 Des 10:00",
      "2026-12-24 14:00",
      4,
      "2026-12-28 10:00",
    ],
    ["16 jam kerja (dua hari) dari Rabu 08:00 → Kamis 16:00", "2026-12-02 08:00", 16, "2026-12-03 16:00"],
  ])("%s", (_name, submitted, hours, due) => {
    const s = slaSnapshot(cal, log(submitted), rules(hours), wib(submitted));
    expect(s.dueAt).toBe(wib(due));
  });
});

describe("elapsed, remaining, warning and breach", () => {
  it("counts only working time: Jumat 15:30 → Senin 09:00 is 1 jam 30 menit", () => {
    const s = slaSnapshot(cal, log("2026-11-27 15:30"), rules(4), wib("2026-11-30 09:00"));
    expect(s.elapsedMinutes).toBe(90);
    expect(s.remainingMinutes).toBe(150);
    expect(s.percent).toBe(37);
    expect(s.state).toBe("ok");
    expect(formatRemaining(s)).toBe("sisa waktu 2 jam 30 menit kerja");
  });

  it("warns at 80% of the time and breaches after the due time", () => {
    const l = log("2026-11-30 08:00");
    expect(slaSnapshot(cal, l, rules(10), wib("2026-11-30 15:59")).state).toBe("ok"); // 479/600 = 79%
    expect(slaSnapshot(cal, l, rules(10), wib("2026-12-01 08:00")).state).toBe("warning"); // 480 = 80%
    const due = slaSnapshot(cal, l, rules(10), wib("2026-12-01 10:00"));
    expect(due.state).toBe("warning");
    expect(due.remainingMinutes).toBe(0);
    expect(due.dueAt).toBe(wib("2026-12-01 10:00"));
    const late = slaSnapshot(cal, l, rules(10), wib("2026-12-01 11:20"));
    expect(late.state).toBe("breached");
    expect(late.remainingMinutes).toBe(-80);
    expect(formatRemaining(late)).toBe("terlambat 1 jam 20 menit kerja");
  });

  it("a request completed exactly at its due time is on time; a minute later is breached", () => {
    const onTime = log("2026-11-30 12:00", [
      ["2026-11-30 12:10", "in_progress"],
      ["2026-11-30 16:00", "completed"],
    ]);
    const s = slaSnapshot(cal, onTime, rules(4), wib("2026-12-10 09:00"));
    expect(s).toMatchObject({ stopped: true, remainingMinutes: 0, state: "ok", elapsedMinutes: 240 });
    const late = log("2026-11-30 12:00", [["2026-12-01 08:01", "completed"]]);
    expect(slaSnapshot(cal, late, rules(4), wib("2026-12-10 09:00")).state).toBe("breached");
  });

  it("the clock stops at completion: later instants show the same figures", () => {
    const l = log("2026-11-30 08:00", [
      ["2026-11-30 09:00", "in_progress"],
      ["2026-11-30 11:00", "completed"],
    ]);
    const a = slaSnapshot(cal, l, rules(8), wib("2026-11-30 12:00"));
    const b = slaSnapshot(cal, l, rules(8), wib("2026-12-15 12:00"));
    expect(a).toEqual(b);
    expect(a.elapsedMinutes).toBe(180);
    expect(a.stoppedAt).toBe(wib("2026-11-30 11:00"));
  });
});

describe("pauses (waiting for the requester's documents)", () => {
  const paused = log("2026-11-30 08:00", [
    ["2026-11-30 09:00", "in_progress"],
    ["2026-11-30 10:00", "waiting_requester"],
  ]);

  it("stops the clock while waiting: elapsed stays, the due time is unknown", () => {
    const at11 = slaSnapshot(cal, paused, rules(4), wib("2026-11-30 11:00"));
    const nextDay = slaSnapshot(cal, paused, rules(4), wib("2026-12-01 15:00"));
    expect(at11.elapsedMinutes).toBe(120);
    expect(nextDay.elapsedMinutes).toBe(120);
    expect(nextDay.paused).toBe(true);
    expect(nextDay.dueAt).toBeNull();
    expect(formatRemaining(nextDay)).toBe("dijeda (sisa waktu 2 jam kerja)");
  });

  it("moves the due time by the paused working time once resumed", () => {
    const resumed = log("2026-11-30 08:00", [
      ["2026-11-30 09:00", "in_progress"],
      ["2026-11-30 10:00", "waiting_requester"],
      ["2026-12-01 14:00", "in_progress"],
    ]);
    const s = slaSnapshot(cal, resumed, rules(4), wib("2026-12-01 14:30"));
    // 2 h used before the pause, 2 h left from Tuesday 14:00 → Tuesday 16:00 (closing, not Wednesday)
    expect(s.dueAt).toBe(wib("2026-12-01 16:00"));
    expect(s.elapsedMinutes).toBe(150);
    expect(s.paused).toBe(false);
  });

  it("a state not listed as a pause state keeps the clock running", () => {
    const s = slaSnapshot(cal, paused, rules(4, []), wib("2026-11-30 13:00"));
    expect(s.elapsedMinutes).toBe(300);
    expect(s.state).toBe("breached");
  });

  it("dueSkippingPauses ignores a pause after the due time", () => {
    const due = dueSkippingPauses(cal, wib("2026-11-30 08:00"), 60, [
      { from: wib("2026-11-30 10:00"), to: null },
    ]);
    expect(due?.toISOString()).toBe(wib("2026-11-30 09:00"));
  });
});

describe("calendar edits", () => {
  it("a holiday added later moves the due time (recomputed from the log)", () => {
    const l = log("2026-12-01 14:00");
    const before = slaSnapshot(cal, l, rules(8), wib("2026-12-01 14:00"));
    expect(before.dueAt).toBe(wib("2026-12-02 14:00"));
    const withClosure = createCalendar(officeHours("08:00", "16:00"), ["2026-12-25", "2026-12-02"]);
    const after = slaSnapshot(withClosure, l, rules(8), wib("2026-12-01 14:00"));
    expect(after.dueAt).toBe(wib("2026-12-03 14:00"));
  });

  it("longer opening hours shorten the calendar time to the due", () => {
    const long = createCalendar(officeHours("07:00", "17:00"), []);
    expect(slaSnapshot(long, log("2026-11-27 15:30"), rules(4), wib("2026-11-27 15:30")).dueAt).toBe(
      wib("2026-11-30 09:30"),
    );
  });
});

describe("first response", () => {
  it("is on time when staff answer within the target, breached otherwise", () => {
    const ok = log("2026-11-30 08:00", [["2026-11-30 09:00", "in_progress"]], "2026-11-30 09:00");
    const s = slaSnapshot(cal, ok, rules(8), wib("2026-11-30 12:00"));
    expect(s.firstResponseDueAt).toBe(wib("2026-11-30 10:00"));
    expect(s.firstResponseBreached).toBe(false);
    const none = log("2026-11-30 08:00");
    expect(slaSnapshot(cal, none, rules(8), wib("2026-11-30 10:01")).firstResponseBreached).toBe(true);
  });
});

describe("formatting", () => {
  it.each([
    [200, "id", "3 jam 20 menit kerja"],
    [60, "id", "1 jam kerja"],
    [0, "id", "0 menit kerja"],
    [45, "en", "45 minutes"],
    [61, "en", "1 working hour 1 minute"],
    [-30, "en", "30 minutes overdue"],
  ] as const)("%i → %s", (m, lang, text) => {
    expect(formatWorkingMinutes(m, lang)).toBe(text);
  });
});

describe("property: remaining time never grows while the clock runs", () => {
  const base = new Date("2026-11-23T00:00:00.000Z").getTime();
  const instant = fc
    .integer({ min: 0, max: 30 * 24 * 60 })
    .map((m) => new Date(base + m * 60_000).toISOString());
  it("t1 < t2 ⇒ remaining(t2) ≤ remaining(t1) (non-paused states)", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 60 * 40 }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.integer({ min: 1, max: 10 * 24 * 60 }),
        (submitted, minutes, d1, d2) => {
          const t1 = new Date(new Date(submitted).getTime() + d1 * 60_000).toISOString();
          const t2 = new Date(new Date(t1).getTime() + d2 * 60_000).toISOString();
          const l: SlaLog = {
            submittedAt: submitted,
            transitions: [{ at: submitted, to: "in_progress" }],
            firstResponseAt: null,
          };
          const r = {
            firstResponseMinutes: 60,
            resolutionMinutes: minutes,
            warningPercent: 80,
            pauseStates: ["waiting_requester"] as SrState[],
          };
          const a = slaSnapshot(cal, l, r, t1);
          const b = slaSnapshot(cal, l, r, t2);
          return b.remainingMinutes <= a.remainingMinutes && b.elapsedMinutes >= a.elapsedMinutes;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with a pause in the past, the due time is where the working time runs out", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 60 * 20 }),
        fc.integer({ min: 1, max: 5 * 24 * 60 }),
        fc.integer({ min: 1, max: 5 * 24 * 60 }),
        (submitted, minutes, toPause, pauseLength) => {
          const from = new Date(new Date(submitted).getTime() + toPause * 60_000).toISOString();
          const to = new Date(new Date(from).getTime() + pauseLength * 60_000).toISOString();
          const l: SlaLog = {
            submittedAt: submitted,
            transitions: [
              { at: from, to: "waiting_requester" },
              { at: to, to: "in_progress" },
            ],
            firstResponseAt: null,
          };
          const r = {
            firstResponseMinutes: 60,
            resolutionMinutes: minutes,
            warningPercent: 80,
            pauseStates: ["waiting_requester"] as SrState[],
          };
          const far = new Date(new Date(to).getTime() + 60 * 24 * 3600_000).toISOString();
          const s = slaSnapshot(cal, l, r, far);
          // at the due instant exactly the target has been used
          const atDue = slaSnapshot(cal, l, r, s.dueAt!);
          return atDue.elapsedMinutes === minutes;
        },
      ),
      { numRuns: 200 },
    );
  });
});
