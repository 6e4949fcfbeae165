import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatTime,
  localDateOf,
  normaliseLang,
  zonedDayStart,
} from "./format";

describe("formatRupiah", () => {
  it.each([
    [1234567, "id", "Rp1.234.567"],
    [0, "id", "Rp0"],
    [500, "id", "Rp500"],
    [-2500000, "id", "-Rp2.500.000"],
    [1234567, "en", "Rp1,234,567"],
    [1234567.4, "id", "Rp1.234.567"],
  ] as const)("%s (%s) → %s", (value, lang, expected) => {
    expect(formatRupiah(value, lang)).toBe(expected);
  });

  it("shows decimals only when asked", () => {
    expect(formatRupiah(1500.5, "id", { decimals: 2 })).toBe("Rp1.500,50");
  });

  it("never shows '-Rp0'", () => {
    expect(formatRupiah(-0.2)).toBe("Rp0");
  });
});

describe("formatNumber", () => {
  it("uses a decimal comma in Indonesian and a point in English", () => {
    expect(formatNumber(81.71, "id")).toBe("81,71");
    expect(formatNumber(81.71, "en")).toBe("81.71");
  });
  it("groups thousands", () => {
    expect(formatNumber(1234567.5, "id")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });
  it("honours a fixed number of decimals", () => {
    expect(formatNumber(75, "id", { decimals: 2 })).toBe("75,00");
    expect(formatNumber(1.23456, "en", { decimals: 3 })).toBe("1.235");
  });
  it("uses a plain minus and a dash for non-numbers", () => {
    expect(formatNumber(-3.5, "id")).toBe("-3,5");
    expect(formatNumber(Number.NaN)).toBe("–");
  });
  it("formats percentages", () => {
    expect(formatPercent(81.7, "id")).toBe("81,7%");
  });
});

describe("dates and times", () => {
  // 2026-11-27 09:30 UTC = 16:30 WIB = 17:30 WITA = 18:30 WIT
  const instant = "2026-11-27T09:30:00.000Z";

  it("formats dates as '27 November 2026'", () => {
    expect(formatDate(instant, "id")).toBe("27 November 2026");
    expect(formatDate(instant, "en")).toBe("27 November 2026");
    expect(formatDate("2026-08-17", "id")).toBe("17 Agustus 2026");
    expect(formatDate("2026-08-17", "en")).toBe("17 August 2026");
  });

  it("adds the weekday when asked", () => {
    expect(formatDate("2026-11-27", "id", { weekday: true })).toBe("Jumat, 27 November 2026");
    expect(formatDate("2026-11-27", "en", { weekday: true })).toBe("Friday, 27 November 2026");
  });

  it("formats times as '16.30 WIB' in Indonesian and '16:30 WIB' in English", () => {
    expect(formatTime(instant, "id")).toBe("16.30 WIB");
    expect(formatTime(instant, "en")).toBe("16:30 WIB");
  });

  it("converts to the unit's zone", () => {
    expect(formatTime(instant, "id", { zone: "WITA" })).toBe("17.30 WITA");
    expect(formatTime(instant, "id", { zone: "WIT" })).toBe("18.30 WIT");
  });

  it("uses the local date, not the UTC date", () => {
    // 2026-11-27 20:00 UTC is already 28 November in Jakarta
    expect(formatDate("2026-11-27T20:00:00Z", "id")).toBe("28 November 2026");
    expect(formatTime("2026-11-27T17:00:00Z", "id")).toBe("00.00 WIB");
  });

  it("formats a date and time together", () => {
    expect(formatDateTime(instant, "id")).toBe("27 November 2026 16.30 WIB");
    expect(formatDateTime(instant, "en")).toBe("27 November 2026 16:30 WIB");
  });

  it("shows a dash for invalid input", () => {
    expect(formatDate("not a date")).toBe("–");
    expect(formatTime("nope")).toBe("–");
  });

  it("converts local days to instants and back", () => {
    expect(zonedDayStart("2026-11-27", "WIB")).toBe("2026-11-26T17:00:00.000Z");
    expect(zonedDayStart("2026-11-27", "WIB", true)).toBe("2026-11-27T17:00:00.000Z");
    expect(localDateOf("2026-11-26T17:00:00.000Z", "WIB")).toBe("2026-11-27");
    expect(localDateOf("2026-11-26T16:59:59.000Z", "WIB")).toBe("2026-11-26");
  });
});

describe("normaliseLang", () => {
  it("maps anything English to en and the rest to id", () => {
    expect(normaliseLang("en-US")).toBe("en");
    expect(normaliseLang("id")).toBe("id");
    expect(normaliseLang(undefined)).toBe("id");
  });
});
