import { describe, expect, it } from "vitest";
import raw from "./data/holidays-id.json" with { type: "json" };
import { isValidLocalDate } from "./dates";
import { holidayFileSchema, holidaySchema, loadShippedHolidays, shippedHolidayYears } from "./holidays";

describe("shipped holiday data (SKB libur nasional & cuti bersama)", () => {
  const list = loadShippedHolidays();

  it("validates against the file schema", () => {
    expect(() => holidayFileSchema.parse(raw)).not.toThrow();
  });

  it("has 2025, 2026 and 2027, each with its decree", () => {
    const years = shippedHolidayYears();
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const y of years) {
      expect(y.decree).toMatch(/^SKB/);
      expect(y.count).toBeGreaterThan(20);
    }
  });

  it("every entry has a real date in its year, a name and a valid kind", () => {
    for (const h of list) {
      expect(isValidLocalDate(h.date), h.date).toBe(true);
      expect(["libur", "cuti_bersama"]).toContain(h.kind);
      expect(h.name.length).toBeGreaterThan(0);
      expect(() => holidaySchema.parse(h)).not.toThrow();
    }
  });

  it("has no duplicate dates and is sorted", () => {
    const dates = list.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it("matches the counts stated in the decrees", () => {
    const count = (year: string, kind: string) =>
      list.filter((h) => h.date.startsWith(year) && h.kind === kind).length;
    expect([count("2025", "libur"), count("2025", "cuti_bersama")]).toEqual([17, 11]);
    expect([count("2026", "libur"), count("2026", "cuti_bersama")]).toEqual([17, 8]);
    expect([count("2027", "libur"), count("2027", "cuti_bersama")]).toEqual([18, 8]);
  });

  it("carries provenance onto each holiday", () => {
    const idulfitri = list.find((h) => h.date === "2026-03-21")!;
    expect(idulfitri).toMatchObject({ name: "Idulfitri 1447 Hijriah", kind: "libur", confidence: "C2" });
    expect(idulfitri.decree).toContain("Tahun 2026");
  });

  it("returns a fresh array each call", () => {
    const a = loadShippedHolidays();
    a.pop();
    expect(loadShippedHolidays().length).toBe(list.length);
  });

  it("rejects an invalid file", () => {
    const bad = structuredClone(raw) as any;
    bad.years["2026"].holidays[0].date = "2026-02-30";
    expect(() => holidayFileSchema.parse(bad)).toThrow();
    const wrongYear = structuredClone(raw) as any;
    wrongYear.years["2026"].holidays[0].date = "2025-01-01";
    expect(() => holidayFileSchema.parse(wrongYear)).toThrow();
  });
});
