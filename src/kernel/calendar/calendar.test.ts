import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  addWorkingDaysToDate,
  addWorkingHours,
  addWorkingMinutes,
  type Calendar,
  clockStart,
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
  endOfWorkingDay,
  holidayOn,
  isWorkingDay,
  isWorkingTime,
  loadShippedHolidays,
  localToInstant,
  nextWorkingDay,
  officeHours,
  toLocal,
  workingTimeBetween,
  workingTimeExcluding,
} from "./index";

const holidays = loadShippedHolidays();
/** Jam layanan 08:00–16:00 Senin–Jumat, WIB, with the shipped 2025–2027 holidays and cuti bersama. */
const layanan = createCalendar(officeHours("08:00", "16:00", [1, 2, 3, 4, 5]), holidays);
/** Same, with a 12:00–13:00 break (ISHOMA). */
const withBreak = createCalendar(
  officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { rest: { start: "12:00", end: "13:00" } }),
  holidays,
);
/** Kemenkeu default: Mon–Thu 07:30–16:00, Fri 07:30–16:30. */
const kemenkeu = createCalendar(DEFAULT_CALENDAR_CONFIG, holidays);

/** 'YYYY-MM-DD HH:MM' local → instant. */
const at = (cal: Calendar, local: string) =>
  localToInstant(cal, local.slice(0, 10), local.slice(11, 16) || "00:00");
/** instant → 'YYYY-MM-DD HH:MM' local. */
const show = (cal: Calendar, instant: Date) => {
  const p = toLocal(cal, instant);
  return `${p.date} ${p.time}`;
};

describe("addWorkingHours — SLA in jam kerja (08:00–16:00 Senin–Jumat)", () => {
  it.each([
    ["diajukan Jumat 15:30, SLA 4 jam → Senin 11:30", "2026-11-27 15:30", 4, "2026-11-30 11:30"],
    ["masuk Jumat 16:30 (sudah tutup), 8 jam → Senin 16:00", "2026-11-27 16:30", 8, "2026-11-30 16:00"],
    ["masuk Sabtu 10:00, 1 jam → Senin 09:00", "2026-11-28 10:00", 1, "2026-11-30 09:00"],
    ["masuk Senin 06:00 (belum buka), 1 jam → Senin 09:00", "2026-11-30 06:00", 1, "2026-11-30 09:00"],
    ["masuk Jumat tepat 16:00 (jam tutup), 1 jam → Senin 09:00", "2026-11-27 16:00", 1, "2026-11-30 09:00"],
    [
      "masuk Jumat 15:00, 1 jam → Jumat 16:00 (habis saat tutup, tidak pindah ke Senin)",
      "2026-11-27 15:00",
      1,
      "2026-11-27 16:00",
    ],
    ["masuk Rabu 10:00, 0 jam → Rabu 10:00", "2026-11-25 10:00", 0, "2026-11-25 10:00"],
    ["masuk Sabtu, 0 jam → Senin 08:00 (saat jam mulai berjalan)", "2026-11-28 10:00", 0, "2026-11-30 08:00"],
    ["masuk Jumat 16:00, 0 jam → Senin 08:00", "2026-11-27 16:00", 0, "2026-11-30 08:00"],
    ["masuk Rabu 10:00, 1,5 jam → Rabu 11:30", "2026-11-25 10:00", 1.5, "2026-11-25 11:30"],
    [
      "Selasa 17 Mar 2026 15:00, 2 jam → Rabu 25 Mar 09:00 (Nyepi, Idulfitri, cuti bersama 18–24 Mar)",
      "2026-03-17 15:00",
      2,
      "2026-03-25 09:00",
    ],
    [
      "Rabu 23 Des 2026 14:00, 4 jam → Senin 28 Des 10:00 (cuti bersama 24, Natal 25)",
      "2026-12-23 14:00",
      4,
      "2026-12-28 10:00",
    ],
    [
      "Jumat 14 Agu 2026 15:00, 2 jam → Selasa 18 Agu 09:00 (17 Agustus libur)",
      "2026-08-14 15:00",
      2,
      "2026-08-18 09:00",
    ],
    [
      "Senin 16 Mar 2026 08:00, 40 jam → Jumat 27 Mar 16:00 (lima hari kerja melewati Lebaran)",
      "2026-03-16 08:00",
      40,
      "2026-03-27 16:00",
    ],
  ] as const)("%s", (_, start, hours, due) => {
    expect(show(layanan, addWorkingHours(layanan, at(layanan, start), hours))).toBe(due);
  });
});

describe("addWorkingHours with a lunch break (12:00–13:00)", () => {
  it.each([
    ["masuk Senin 12:30 (istirahat), 1 jam → 14:00", "2026-11-30 12:30", 1, "2026-11-30 14:00"],
    [
      "masuk Senin 11:30, 1 jam → 13:30 (istirahat tidak dihitung)",
      "2026-11-30 11:30",
      1,
      "2026-11-30 13:30",
    ],
    [
      "masuk Senin 11:00, 1 jam → 12:00 (habis saat istirahat mulai)",
      "2026-11-30 11:00",
      1,
      "2026-11-30 12:00",
    ],
    ["masuk Senin 15:30, 1 jam → Selasa 08:30", "2026-11-30 15:30", 1, "2026-12-01 08:30"],
    ["masuk Senin 08:00, 7 jam → Senin 16:00 (satu hari penuh)", "2026-11-30 08:00", 7, "2026-11-30 16:00"],
  ] as const)("%s", (_, start, hours, due) => {
    expect(show(withBreak, addWorkingHours(withBreak, at(withBreak, start), hours))).toBe(due);
  });
});

describe("addWorkingDays — batas waktu dalam hari kerja (hari penerimaan tidak dihitung)", () => {
  it.each([
    ["diterima Jumat, 3 hari kerja → Rabu pukul 16:00", "2026-11-27 10:00", 3, "2026-12-02 16:00"],
    ["diterima Sabtu, 3 hari kerja → Rabu (sama dengan Jumat)", "2026-11-28 10:00", 3, "2026-12-02 16:00"],
    ["diterima Minggu malam, 1 hari kerja → Senin", "2026-11-29 23:00", 1, "2026-11-30 16:00"],
    ["diterima Senin 07:00 (belum buka), 1 hari kerja → Selasa", "2026-11-30 07:00", 1, "2026-12-01 16:00"],
    ["diterima Senin 23:00 (sudah tutup), 1 hari kerja → Selasa", "2026-11-30 23:00", 1, "2026-12-01 16:00"],
    [
      "diterima Selasa 17 Mar 2026, 3 hari kerja → Jumat 27 Mar (libur Nyepi–Lebaran)",
      "2026-03-17 09:00",
      3,
      "2026-03-27 16:00",
    ],
    [
      "diterima Jumat 13 Mar 2026, 14 hari kerja → Jumat 10 Apr (Lebaran, Wafat Yesus 3 Apr)",
      "2026-03-13 09:00",
      14,
      "2026-04-10 16:00",
    ],
    ["diterima Rabu 23 Des 2026, 1 hari kerja → Senin 28 Des", "2026-12-23 09:00", 1, "2026-12-28 16:00"],
    [
      "diterima Rabu 13 Mei 2026, 2 hari kerja → Selasa 19 Mei (Kenaikan + cuti bersama)",
      "2026-05-13 09:00",
      2,
      "2026-05-19 16:00",
    ],
    [
      "diterima Kamis 31 Des 2026, 1 hari kerja → Senin 4 Jan 2027 (Tahun Baru)",
      "2026-12-31 09:00",
      1,
      "2027-01-04 16:00",
    ],
    ["0 hari kerja, diterima Rabu → Rabu pukul tutup", "2026-11-25 09:00", 0, "2026-11-25 16:00"],
    ["0 hari kerja, diterima Sabtu → Senin pukul tutup", "2026-11-28 09:00", 0, "2026-11-30 16:00"],
  ] as const)("%s", (_, received, n, due) => {
    expect(show(layanan, addWorkingDays(layanan, at(layanan, received), n))).toBe(due);
  });

  it("Kemenkeu hours: a deadline on Friday ends at 16:30, Monday–Thursday at 16:00", () => {
    expect(show(kemenkeu, addWorkingDays(kemenkeu, at(kemenkeu, "2026-11-24 09:00"), 3))).toBe(
      "2026-11-27 16:30",
    );
    expect(show(kemenkeu, addWorkingDays(kemenkeu, at(kemenkeu, "2026-11-24 09:00"), 2))).toBe(
      "2026-11-26 16:00",
    );
  });

  it("counts 60 working days across a year boundary and holidays", () => {
    // Oct 2026 gives 21, Nov 21, Dec 1–23 another 17 = 59; 24–25 Dec are off, so the 60th is Mon 28 Dec.
    let d = "2026-10-01";
    for (let i = 0; i < 60; i++) d = nextWorkingDay(layanan, d);
    expect(addWorkingDaysToDate(layanan, "2026-10-01", 60)).toBe(d);
    expect(addWorkingDaysToDate(layanan, "2026-10-01", 60)).toBe("2026-12-28");
  });

  it("rejects negative or fractional day counts", () => {
    expect(() => addWorkingDays(layanan, at(layanan, "2026-11-25 09:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(layanan, at(layanan, "2026-11-25 09:00"), 1.5)).toThrow(RangeError);
  });
});

describe("working days", () => {
  it.each([
    ["2026-03-20", false, "cuti bersama Idulfitri"],
    ["2026-03-21", false, "Idulfitri (Sabtu)"],
    ["2026-03-25", true, "hari kerja pertama setelah Lebaran"],
    ["2026-11-28", false, "Sabtu"],
    ["2026-11-27", true, "Jumat biasa"],
    ["2026-08-17", false, "Proklamasi Kemerdekaan"],
    ["2027-01-01", false, "Tahun Baru 2027"],
  ] as const)("%s → %s (%s)", (date, working, _why) => {
    expect(isWorkingDay(layanan, date)).toBe(working);
  });

  it("nextWorkingDay skips weekends and holiday clusters", () => {
    expect(nextWorkingDay(layanan, "2026-11-27")).toBe("2026-11-30");
    expect(nextWorkingDay(layanan, "2026-03-17")).toBe("2026-03-25");
    expect(nextWorkingDay(layanan, "2026-12-23")).toBe("2026-12-28");
  });

  it("holidayOn names the holiday", () => {
    expect(holidayOn(layanan, "2026-03-21")?.name).toBe("Idulfitri 1447 Hijriah");
    expect(holidayOn(layanan, "2026-03-23")?.kind).toBe("cuti_bersama");
    expect(holidayOn(layanan, "2026-03-25")).toBeUndefined();
  });

  it("a unit that stays open on cuti bersama filters them out", () => {
    const open = createCalendar(
      officeHours("08:00", "16:00"),
      holidays.filter((h) => h.kind !== "cuti_bersama"),
    );
    expect(isWorkingDay(open, "2026-03-20")).toBe(true);
    expect(isWorkingDay(open, "2026-03-19")).toBe(false);
  });

  it("accepts plain dates as extra closed days (e.g. a regional holiday)", () => {
    const cal = createCalendar(officeHours("08:00", "16:00"), [...holidays, "2026-11-30"]);
    expect(nextWorkingDay(cal, "2026-11-27")).toBe("2026-12-01");
  });

  it("endOfWorkingDay gives the closing instant, or undefined on a day off", () => {
    expect(show(kemenkeu, endOfWorkingDay(kemenkeu, "2026-11-27")!)).toBe("2026-11-27 16:30");
    expect(endOfWorkingDay(kemenkeu, "2026-11-28")).toBeUndefined();
  });
});

describe("workingTimeBetween (minutes)", () => {
  it.each([
    ["Jumat 15:00 → Senin 09:00", "2026-11-27 15:00", "2026-11-30 09:00", 120],
    ["Selasa 17 Mar 08:00 → Rabu 25 Mar 08:00 (Lebaran)", "2026-03-17 08:00", "2026-03-25 08:00", 480],
    ["sama persis → 0", "2026-11-25 10:00", "2026-11-25 10:00", 0],
    ["terbalik → 0", "2026-11-25 11:00", "2026-11-25 10:00", 0],
    ["Sabtu → Minggu → 0", "2026-11-28 00:00", "2026-11-29 23:59", 0],
    ["satu minggu penuh", "2026-11-30 00:00", "2026-12-07 00:00", 5 * 480],
    ["seluruh 2026: 240 hari kerja", "2026-01-01 00:00", "2027-01-01 00:00", 240 * 480],
  ] as const)("%s = %i", (_, from, to, minutes) => {
    expect(workingTimeBetween(layanan, at(layanan, from), at(layanan, to))).toBe(minutes);
  });

  it("rounds partial minutes down", () => {
    expect(workingTimeBetween(layanan, "2026-11-25T01:00:30Z", "2026-11-25T01:01:00Z")).toBe(0);
    expect(workingTimeBetween(layanan, "2026-11-25T01:00:30Z", "2026-11-25T01:02:00Z")).toBe(1);
  });

  it("accepts ISO strings and Dates alike, and refuses strings without a zone", () => {
    expect(workingTimeBetween(layanan, "2026-11-25T01:00:00Z", new Date("2026-11-25T02:00:00Z"))).toBe(60);
    expect(workingTimeBetween(layanan, "2026-11-25T08:00:00+07:00", "2026-11-25T09:00:00+07:00")).toBe(60);
    expect(() => workingTimeBetween(layanan, "2026-11-25T08:00:00", "2026-11-25T09:00:00Z")).toThrow(
      RangeError,
    );
  });

  it("Kemenkeu hours over 2025–2027", () => {
    expect(workingTimeBetween(kemenkeu, at(kemenkeu, "2025-01-01"), at(kemenkeu, "2028-01-01"))).toBe(
      370_830,
    );
  });
});

describe("workingTimeExcluding — SLA clock with pauses", () => {
  // Senin 30 Nov 08:00 → Rabu 2 Des 16:00 = 3 working days = 1440 minutes.
  const from = at(layanan, "2026-11-30 08:00");
  const to = at(layanan, "2026-12-02 16:00");
  const p = (a: string, b?: string | null) => ({ from: at(layanan, a), to: b == null ? b : at(layanan, b) });
  it.each([
    ["tanpa jeda", [], 1440],
    ["jeda Selasa seharian", [p("2026-12-01 08:00", "2026-12-01 16:00")], 960],
    [
      "jeda bertumpuk dihitung sekali",
      [p("2026-12-01 08:00", "2026-12-01 12:00"), p("2026-12-01 10:00", "2026-12-01 16:00")],
      960,
    ],
    [
      "jeda dimulai sebelum periode (Minggu → Senin 10:00)",
      [p("2026-11-29 12:00", "2026-11-30 10:00")],
      1320,
    ],
    ["jeda masih berjalan sejak Rabu 12:00", [p("2026-12-02 12:00", null)], 1200],
    ["jeda masih berjalan (to tidak diisi)", [p("2026-12-02 12:00")], 1200],
    ["jeda di luar periode", [p("2026-12-03 08:00", "2026-12-03 16:00")], 1440],
    ["jeda di luar jam kerja tidak mengurangi", [p("2026-11-30 16:00", "2026-12-01 08:00")], 1440],
    [
      "dua jeda terpisah",
      [p("2026-11-30 08:00", "2026-11-30 09:00"), p("2026-12-02 15:00", "2026-12-02 17:00")],
      1320,
    ],
  ] as const)("%s → %i", (_, pauses, minutes) => {
    expect(workingTimeExcluding(layanan, from, to, pauses)).toBe(minutes);
  });

  it("is 0 when to <= from", () => {
    expect(workingTimeExcluding(layanan, to, from, [])).toBe(0);
  });
});

describe("time zones", () => {
  const wita = createCalendar(officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { zone: "WITA" }), holidays);
  const wit = createCalendar(officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { zone: "WIT" }), holidays);

  it("WITA (UTC+8): Jumat 15:30 WITA + 4 jam → Senin 11:30 WITA", () => {
    const start = new Date("2026-11-27T07:30:00Z");
    expect(toLocal(wita, start)).toMatchObject({ date: "2026-11-27", time: "15:30", zoneLabel: "WITA" });
    expect(addWorkingHours(wita, start, 4).toISOString()).toBe("2026-11-30T03:30:00.000Z");
  });

  it("the same instant is open in WIT but not yet in WIB", () => {
    const instant = "2026-11-25T00:30:00Z"; // 07:30 WIB, 09:30 WIT
    expect(isWorkingTime(layanan, instant)).toBe(false);
    expect(isWorkingTime(wit, instant)).toBe(true);
    expect(clockStart(layanan, instant).toISOString()).toBe("2026-11-25T01:00:00.000Z");
  });

  it("a local date is a WIB/WITA date, not a UTC one", () => {
    // Saturday 2026-11-28 05:00 WIB is still Friday 22:00 UTC; the day of receipt is Saturday.
    expect(show(layanan, addWorkingDays(layanan, "2026-11-27T22:00:00Z", 1))).toBe("2026-11-30 16:00");
  });
});

describe("configuration", () => {
  it("default is Kemenkeu office hours in WIB: 43 hours a week", () => {
    expect(kemenkeu.zone).toBe("WIB");
    expect(kemenkeu.ms.week / 3_600_000).toBe(43);
  });

  it("rejects bad configs", () => {
    expect(() => createCalendar({ zone: "WIB", week: {} })).toThrow();
    expect(() => createCalendar({ zone: "WIB", week: { 1: [{ start: "16:00", end: "08:00" }] } })).toThrow();
    expect(() => createCalendar({ zone: "WIB", week: { 1: [{ start: "8:00", end: "16:00" }] } })).toThrow();
    expect(() =>
      createCalendar({
        zone: "WIB",
        week: {
          1: [
            { start: "08:00", end: "12:00" },
            { start: "11:00", end: "16:00" },
          ],
        },
      }),
    ).toThrow();
    expect(() => createCalendar(officeHours("08:00", "16:00"), ["2026-02-30"])).toThrow(RangeError);
  });

  it("allows a shift that ends at midnight and a weekend service day", () => {
    const cal = createCalendar({ zone: "WIB", week: { 6: [{ start: "20:00", end: "24:00" }] } }, []);
    expect(show(cal, addWorkingMinutes(cal, at(cal, "2026-11-28 23:00"), 90))).toBe("2026-12-05 20:30");
  });
});
