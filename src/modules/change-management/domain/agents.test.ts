import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertChange, reformCounts, reformRatios, yearPeriod } from "./agents";

const y2026 = yearPeriod(2026);

describe("LKE reform counts (PRA1A, PRA1B)", () => {
  it("counts distinct agents, changes realised in the year, and the integrated ones among them", () => {
    const counts = reformCounts(
      [{ userId: "a" }, { userId: "b" }, { userId: "a" }],
      [
        { realisedDate: "2026-04-15", integrated: true },
        { realisedDate: "2026-12-31", integrated: false },
        { realisedDate: "2026-01-01", integrated: true },
        { realisedDate: null, integrated: false }, // only planned
        { realisedDate: "2025-12-31", integrated: true }, // last year
        { realisedDate: "2027-01-01", integrated: true }, // next year
      ],
      y2026,
    );
    expect(counts).toEqual({
      jumlah_agen_perubahan: 2,
      jumlah_perubahan: 3,
      jumlah_perubahan_terintegrasi: 2,
    });
    expect(reformRatios(counts)).toEqual({ changesPerAgent: 1, integratedShare: 2 / 3 });
  });

  it("gives zeros, not NaN, when there are no agents or no changes", () => {
    const counts = reformCounts([], [], y2026);
    expect(counts).toEqual({
      jumlah_agen_perubahan: 0,
      jumlah_perubahan: 0,
      jumlah_perubahan_terintegrasi: 0,
    });
    expect(reformRatios(counts)).toEqual({ changesPerAgent: 0, integratedShare: 0 });
    expect(
      reformRatios({ jumlah_agen_perubahan: 4, jumlah_perubahan: 1, jumlah_perubahan_terintegrasi: 0 }),
    ).toEqual({
      changesPerAgent: 0.25,
      integratedShare: 0,
    });
  });

  it("never counts more integrated changes than changes made; ratios stay within 0–1", () => {
    const change = fc.record({
      realisedDate: fc.option(
        fc.constantFrom("2025-06-01", "2026-01-01", "2026-07-15", "2026-12-31", "2027-02-01"),
      ),
      integrated: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ userId: fc.constantFrom("a", "b", "c", "d") })),
        fc.array(change),
        (agents, changes) => {
          const c = reformCounts(agents, changes, y2026);
          expect(c.jumlah_perubahan_terintegrasi).toBeLessThanOrEqual(c.jumlah_perubahan);
          expect(c.jumlah_agen_perubahan).toBeLessThanOrEqual(4);
          const r = reformRatios(c);
          for (const v of Object.values(r)) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe("integration of a change into the management system", () => {
  it("needs the change realised and the SOP or decision named", () => {
    expect(() => assertChange({ realisedDate: null, integrated: true, integrationRef: "SOP" })).toThrow(
      expect.objectContaining({ code: "CM_INTEGRATION_NEEDS_REALISATION" }),
    );
    expect(() =>
      assertChange({ realisedDate: "2026-01-02", integrated: true, integrationRef: "  " }),
    ).toThrow(expect.objectContaining({ code: "CM_INTEGRATION_REF_REQUIRED" }));
    expect(() =>
      assertChange({ realisedDate: "2026-01-02", integrated: true, integrationRef: "SOP-1" }),
    ).not.toThrow();
    expect(() => assertChange({ realisedDate: null, integrated: false, integrationRef: "" })).not.toThrow();
  });
});
