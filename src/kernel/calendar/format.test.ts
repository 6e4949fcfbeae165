import { describe, expect, it } from "vitest";
import {
  createCalendar,
  formatLocal,
  formatLocalDate,
  jakartaDate,
  localDate,
  officeHours,
  toLocal,
} from "./index";

const wib = createCalendar(officeHours("08:00", "16:00"), []);
const wita = createCalendar(officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { zone: "WITA" }), []);
const wit = createCalendar(officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { zone: "WIT" }), []);

describe("toLocal", () => {
  it.each([
    [wib, "2026-11-27T09:30:00Z", { date: "2026-11-27", time: "16:30", weekday: 5, zoneLabel: "WIB" }],
    [wib, "2026-12-31T17:00:00Z", { date: "2027-01-01", time: "00:00", weekday: 5, zoneLabel: "WIB" }],
    [wita, "2026-12-31T16:59:59Z", { date: "2027-01-01", time: "00:59", weekday: 5, zoneLabel: "WITA" }],
    [wit, "2026-11-27T15:00:00Z", { date: "2026-11-28", time: "00:00", weekday: 6, zoneLabel: "WIT" }],
  ] as const)("%#: %s", (cal, instant, parts) => {
    expect(toLocal(cal, instant)).toEqual(parts);
  });
});

describe("formatLocal", () => {
  it.each([
    [wib, "id", {}, "27 November 2026 16.30 WIB"],
    [wib, "en", {}, "27 November 2026 16:30 WIB"],
    [wib, "id", { weekday: true }, "Jumat, 27 November 2026 16.30 WIB"],
    [wib, "en", { weekday: true }, "Friday, 27 November 2026 16:30 WIB"],
    [wita, "id", {}, "27 November 2026 17.30 WITA"],
    [wit, "id", {}, "27 November 2026 18.30 WIT"],
  ] as const)("%#: %s → %s", (cal, lang, opts, text) => {
    expect(formatLocal("2026-11-27T09:30:00Z", cal, lang, opts)).toBe(text);
  });

  it("uses Indonesian month names", () => {
    const months = [
      "Januari",
      "Februari",
      "Maret",
      "April",
      "Mei",
      "Juni",
      "Juli",
      "Agustus",
      "September",
      "Oktober",
      "November",
      "Desember",
    ];
    months.forEach((m, i) => {
      expect(formatLocalDate(`2026-${String(i + 1).padStart(2, "0")}-01`)).toBe(`1 ${m} 2026`);
    });
    expect(formatLocalDate("2026-03-21", "id", { weekday: true })).toBe("Sabtu, 21 Maret 2026");
  });
});

describe("localDate: 'today' in an Indonesian zone", () => {
  it.each([
    ["2026-12-01T16:59:59.999Z", "WIB", "2026-12-01"],
    ["2026-12-01T17:00:00.000Z", "WIB", "2026-12-02"],
    ["2026-12-01T15:59:59.000Z", "WITA", "2026-12-01"],
    ["2026-12-01T16:00:00.000Z", "WITA", "2026-12-02"],
    ["2026-12-01T15:00:00.000Z", "WIT", "2026-12-02"],
    ["2026-12-31T17:00:00.000Z", "WIB", "2027-01-01"],
  ] as const)("%s in %s is %s", (at, zone, date) => {
    expect(localDate(at, zone)).toBe(date);
  });
  it("jakartaDate is the WIB date", () => {
    expect(jakartaDate(new Date("2026-02-28T17:30:00.000Z"))).toBe("2026-03-01");
  });
});
