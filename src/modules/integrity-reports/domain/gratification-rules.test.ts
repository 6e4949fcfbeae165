import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar, isWorkingDay, loadShippedHolidays } from "../../../kernel/calendar";
import {
  GRAT_RULE_SETS,
  gratDeadlines,
  remindersDue,
  reportedOnTime,
  ruleSetFor,
  thresholdHint,
} from "./gratification-rules";

const cal = createCalendar(undefined, loadShippedHolidays());

describe("gratification rule sets", () => {
  it("selects the set in force on the receipt date", () => {
    expect(ruleSetFor("2025-12-31").id).toBe("perkom-kpk-2-2019");
    expect(ruleSetFor("2026-01-27").id).toBe("perkom-kpk-2-2019");
    expect(ruleSetFor("2026-01-28").id).toBe("perkpk-1-2026");
    expect(ruleSetFor("2026-11-02").id).toBe("perkpk-1-2026");
    expect(ruleSetFor("2010-05-05").id).toBe("perkom-kpk-2-2019");
  });

  it("carries a source and confidence for every number, and flags the unconfirmed ones", () => {
    for (const s of GRAT_RULE_SETS) {
      for (const v of [
        s.reportToKpkWorkingDays,
        s.toUpgWorkingDays,
        s.upgToKpkWorkingDays,
        s.completenessWorkingDays,
        ...Object.values(s.thresholds),
      ]) {
        expect(v!.source.length).toBeGreaterThan(10);
        expect(["C1", "C2", "S", "U"]).toContain(v!.confidence);
      }
      expect(s.reportToKpkWorkingDays).toMatchObject({ value: 30, confidence: "C1" });
    }
    const y2026 = ruleSetFor("2026-06-01");
    expect(y2026.effectiveFromConfidence).toBe("U");
    expect(y2026.completenessWorkingDays.value).toBe(20);
    expect(ruleSetFor("2025-06-01").completenessWorkingDays.value).toBe(30);
  });

  it("uses the 2026 thresholds (Rp1.5m weddings, Rp500k colleagues, no Rp300k farewell class)", () => {
    expect(thresholdHint("2026-05-04", "pernikahan_keagamaan_adat", 1_500_000)).toMatchObject({
      belowThreshold: true,
      thresholdIdr: 1_500_000,
    });
    expect(thresholdHint("2025-05-05", "pernikahan_keagamaan_adat", 1_500_000)).toMatchObject({
      belowThreshold: false,
      thresholdIdr: 1_000_000,
    });
    expect(thresholdHint("2026-05-04", "antar_rekan_kerja", 400_000).belowThreshold).toBe(true);
    expect(thresholdHint("2025-05-05", "antar_rekan_kerja", 400_000).belowThreshold).toBe(false);
    expect(thresholdHint("2025-05-05", "pisah_sambut_pensiun_ulang_tahun", 250_000).belowThreshold).toBe(
      true,
    );
    expect(thresholdHint("2026-05-04", "pisah_sambut_pensiun_ulang_tahun", 250_000)).toMatchObject({
      belowThreshold: false,
      thresholdIdr: null,
    });
    expect(thresholdHint("2026-05-04", "lainnya", 1).belowThreshold).toBe(false);
  });
});

describe("gratification deadlines in working days", () => {
  it("counts 30 working days on the calendar, skipping weekends and holidays", () => {
    // Received Monday 2 Nov 2026: 30 working days later skips 6 weekends (no national holiday in Nov–mid Dec).
    const d = gratDeadlines(cal, {
      receivedOn: "2026-11-02",
      reportedOn: "2026-11-04",
      upgReceivedOn: "2026-11-04",
    });
    expect(d.ruleSetId).toBe("perkpk-1-2026");
    expect(d.reportToUpgBy).toBe("2026-11-16");
    expect(d.upgForwardBy).toBe("2026-11-18");
    expect(d.reportToKpkBy).toBe("2026-12-14");
    expect(d.completeBy).toBe("2026-12-02");
    expect(reportedOnTime(d, "2026-12-14")).toBe(true);
    expect(reportedOnTime(d, "2026-12-15")).toBe(false);
  });

  it("skips Idul Fitri collective leave", () => {
    // 2026 Idul Fitri (20–21 March) with cuti bersama around it: 10 working days from 16 March land in April.
    const d = gratDeadlines(cal, { receivedOn: "2026-03-16" });
    expect(d.reportToUpgBy >= "2026-04-01").toBe(true);
    expect(isWorkingDay(cal, d.reportToUpgBy)).toBe(true);
  });

  it("always lands on a working day after receipt, and later receipts never get earlier deadlines", () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const dx = gratDeadlines(cal, { receivedOn: x });
        const dy = gratDeadlines(cal, { receivedOn: y });
        expect(isWorkingDay(cal, dx.reportToKpkBy)).toBe(true);
        expect(dx.reportToKpkBy > x).toBe(true);
        expect(dx.reportToUpgBy < dx.reportToKpkBy).toBe(true);
        expect(dx.reportToKpkBy <= dy.reportToKpkBy).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("gratification reminders", () => {
  const base = {
    status: "reported",
    receivedOn: "2026-11-02",
    upgReceivedOn: "2026-11-04",
    action: "diterima",
  };
  it("is quiet early, warns two working days before the UPG's limit, then flags overdue", () => {
    expect(remindersDue(cal, base, "2026-11-05")).toEqual([]);
    expect(remindersDue(cal, base, "2026-11-16")).toEqual(["upg-forward-due-soon"]);
    expect(remindersDue(cal, base, "2026-11-19")).toEqual(["upg-forward-overdue"]);
    expect(remindersDue(cal, base, "2026-12-15")).toEqual(["upg-forward-overdue", "report-kpk-overdue"]);
  });
  it("never reminds about forwarded, decided or closed reports", () => {
    for (const status of ["forwarded", "decided", "closed"])
      expect(remindersDue(cal, { ...base, status }, "2026-12-30")).toEqual([]);
  });
});
