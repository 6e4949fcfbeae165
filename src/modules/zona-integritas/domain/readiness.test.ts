import { describe, expect, it } from "vitest";
import { eq, type Fraction, frac, fromDecimal } from "../../../kernel/math/fraction";
import { answerValue } from "./answers";
import { assessReadiness, type PredicateReadiness, type ReadinessInput } from "./readiness";
import { loadRubric, questionsOf } from "./rubric";
import { scoreValues } from "./scoring";

/**
 * WBK/WBBM gates of 90/2021 (rules-1 §1.9) at and around their thresholds. Scores are built from
 * question values: every pengungkit question at one value v puts every area at exactly v of its
 * weight and pengungkit at 60v; the hasil items are answered as a unit would.
 */

const rubric = loadRubric("permenpanrb-90-2021");
const d = (x: number | string) => fromDecimal(x);
const IPAK = "hasil.bersih-akuntabel.ipak.a";
const CAPAIAN = "hasil.bersih-akuntabel.capaian-kinerja.a";
const IPKP = "hasil.pelayanan-prima.ipkp.a";

interface Sheet {
  /** Value of every pengungkit question (default 1). */
  pengungkit?: Fraction;
  /** Per-area override of that value, by area key. */
  areas?: Record<string, Fraction>;
  ipak?: number;
  capaian?: string;
  ipkp?: number;
}

function score(s: Sheet = {}) {
  const values = new Map<string, Fraction>();
  for (const e of questionsOf(rubric))
    if (e.component.kind === "pengungkit")
      values.set(e.question.key, s.areas?.[e.area.key] ?? s.pengungkit ?? d(1));
  values.set(IPAK, answerValue(rubric, IPAK, s.ipak ?? 4));
  values.set(CAPAIAN, answerValue(rubric, CAPAIAN, s.capaian ?? "A"));
  values.set(IPKP, answerValue(rubric, IPKP, s.ipkp ?? 4));
  return scoreValues(rubric, values);
}

function readiness(s: Sheet = {}, input: ReadinessInput = { priorWbk: true }) {
  return assessReadiness(rubric, score(s), input);
}

const failing = (p: PredicateReadiness) => p.gates.filter((g) => !g.pass).map((g) => g.key);
const gate = (p: PredicateReadiness, key: string) => {
  const g = p.gates.find((x) => x.key === key);
  if (!g) throw new Error(`no gate ${key} in ${p.predicate}`);
  return g;
};
const AREAS = rubric.components
  .filter((c) => c.kind === "pengungkit")
  .flatMap((c) => c.areas.map((a) => a.key));

describe("a full worksheet", () => {
  it("passes every gate of both predicates (with a prior WBK)", () => {
    const r = readiness();
    expect(r.WBK.pass).toBe(true);
    expect(r.WBBM.pass).toBe(true);
    const keys = [
      "total",
      "pengungkit",
      ...AREAS.map((a) => `area:${a}`),
      "hasil.bersih-akuntabel",
      "hasil.ipak",
      "hasil.capaian-kinerja",
      "hasil.ipkp",
    ];
    expect(r.WBK.gates.map((g) => g.key)).toEqual(keys);
    expect(r.WBBM.gates.map((g) => g.key)).toEqual([...keys, "prior-wbk"]);
    expect(AREAS).toHaveLength(12);
  });

  it("uses the thresholds of rules-1 §1.9", () => {
    const r = readiness();
    const t = (p: PredicateReadiness, k: string) => gate(p, k).threshold as Fraction;
    for (const [key, wbk, wbbm] of [
      ["total", 75, 85],
      ["pengungkit", 40, 48],
      ["area:pemenuhan.mp", 0.6, 0.75],
      ["hasil.bersih-akuntabel", 18.25, 19.5],
      ["hasil.ipak", 15.75, 15.75],
      ["hasil.capaian-kinerja", 2.5, 3.75],
      ["hasil.ipkp", 14, 15.75],
    ] as const) {
      expect(eq(t(r.WBK, key), d(wbk)), `${key} WBK`).toBe(true);
      expect(eq(t(r.WBBM, key), d(wbbm)), `${key} WBBM`).toBe(true);
    }
    expect(gate(r.WBK, "hasil.ipak").surveyIndex).toBe(3.6);
    expect(gate(r.WBK, "hasil.ipkp").surveyIndex).toBe(3.2);
    expect(gate(r.WBBM, "hasil.ipkp").surveyIndex).toBe(3.6);
  });
});

describe("thresholds, at and just below", () => {
  // Lowest hasil that still passes WBK: IPAK 3.60 (15.75) + capaian C (2.5) + IPKP 3.20 (14) = 32.25.
  const lowHasil = { ipak: 3.6, capaian: "C", ipkp: 3.2 } as const;

  it("total ≥ 75 for WBK: pengungkit 42.75 + hasil 32.25 = 75 passes; a hair less fails only that gate", () => {
    // 60v + 32.25 = 75 → v = 0.7125
    const at = readiness({ pengungkit: d(0.7125), ...lowHasil });
    expect(eq(gate(at.WBK, "total").value as Fraction, d(75))).toBe(true);
    expect(at.WBK.pass).toBe(true);
    const below = readiness({ pengungkit: d(0.7124), ...lowHasil });
    expect(failing(below.WBK)).toEqual(["total"]);
  });

  it("total ≥ 85 for WBBM: pengungkit 49.75 + the lowest passing hasil 35.25 = 85", () => {
    // WBBM hasil at its minimums: IPAK 3.60 (15.75) + capaian B (3.75) + IPKP 3.60 (15.75) = 35.25.
    // 60v = 85 − 35.25 = 49.75 → v = 199/240 (areas at 82.9%, pengungkit ≥ 48).
    const wbbmHasil = { ipak: 3.6, capaian: "B", ipkp: 3.6 } as const;
    const at = readiness({ pengungkit: frac(199, 240), ...wbbmHasil });
    expect(eq(gate(at.WBBM, "total").value as Fraction, d(85))).toBe(true);
    expect(at.WBBM.pass).toBe(true);
    // v = 0.829: pengungkit 49.74, total 84.99.
    expect(failing(readiness({ pengungkit: d(0.829), ...wbbmHasil }).WBBM)).toEqual(["total"]);
  });

  it("pengungkit ≥ 40 (WBK) and ≥ 48 (WBBM)", () => {
    // v = 2/3: pengungkit exactly 40, areas at 66.7% (≥ 60%): pengungkit passes for WBK.
    const r = readiness({ pengungkit: frac(2, 3) });
    expect(eq(gate(r.WBK, "pengungkit").value as Fraction, d(40))).toBe(true);
    expect(gate(r.WBK, "pengungkit").pass).toBe(true);
    // v = 0.6: pengungkit 36 fails, while every area at exactly 60% still passes.
    const low = readiness({ pengungkit: d(0.6) });
    expect(failing(low.WBK)).toEqual(["pengungkit"]);
    // v = 0.8: pengungkit 48 passes WBBM exactly.
    expect(gate(readiness({ pengungkit: d(0.8) }).WBBM, "pengungkit").pass).toBe(true);
    expect(gate(readiness({ pengungkit: d(0.7999) }).WBBM, "pengungkit").pass).toBe(false);
  });

  it("each area ≥ 60% (WBK) / 75% (WBBM) of its own weight", () => {
    // Penguatan Pengawasan reform (7.5) at 59%: 4.425 < 4.5 — only that area fails for WBK.
    const r = readiness({ areas: { "reform.pw": d(0.59) } });
    expect(failing(r.WBK)).toEqual(["area:reform.pw"]);
    const g = gate(r.WBK, "area:reform.pw");
    expect(eq(g.weight!, d(7.5))).toBe(true);
    expect(eq(g.value as Fraction, d(0.59))).toBe(true);
    // Tatalaksana pemenuhan (3.5) at exactly 75%: 2.625 passes WBBM (not BPS-EZI's rounded 2.60).
    expect(gate(readiness({ areas: { "pemenuhan.tt": d(0.75) } }).WBBM, "area:pemenuhan.tt").pass).toBe(true);
    // At 74.5% (2.6075, above BPS-EZI's 2.60) it fails.
    expect(gate(readiness({ areas: { "pemenuhan.tt": d(0.745) } }).WBBM, "area:pemenuhan.tt").pass).toBe(
      false,
    );
  });

  it("hasil bersih & akuntabel ≥ 18.25 / 19.5, capaian kinerja ≥ 2.5 / 3.75", () => {
    // IPAK 3.60 (15.75) + capaian C (2.5) = 18.25: WBK passes; WBBM fails bersih and capaian.
    const c = readiness({ ipak: 3.6, capaian: "C" });
    expect(failing(c.WBK)).toEqual([]);
    expect(failing(c.WBBM)).toEqual(["hasil.bersih-akuntabel", "hasil.capaian-kinerja"]);
    // capaian B (3.75): 19.5 passes WBBM.
    expect(failing(readiness({ ipak: 3.6, capaian: "B" }).WBBM)).toEqual([]);
    // capaian D (1.25) with IPAK 4 (17.5): bersih 18.75 passes, capaian fails for both.
    const dd = readiness({ capaian: "D" });
    expect(failing(dd.WBK)).toEqual(["hasil.capaian-kinerja"]);
  });

  it("IPAK ≥ 15.75 (survey 3.60) for both predicates", () => {
    // IPAK 3.59 → 15.70625; capaian A keeps bersih & akuntabel at 20.70625 ≥ 19.5.
    const r = readiness({ ipak: 3.59 });
    expect(failing(r.WBK)).toEqual(["hasil.ipak"]);
    expect(failing(r.WBBM)).toEqual(["hasil.ipak"]);
  });

  it("IPKP ≥ 14.00 (survey 3.20) for WBK, ≥ 15.75 (3.60) for WBBM", () => {
    const at = readiness({ ipkp: 3.2 });
    expect(gate(at.WBK, "hasil.ipkp").pass).toBe(true);
    expect(failing(at.WBBM)).toEqual(["hasil.ipkp"]);
    expect(failing(readiness({ ipkp: 3.19 }).WBK)).toEqual(["hasil.ipkp"]);
    expect(readiness({ ipkp: 3.6 }).WBBM.pass).toBe(true);
  });

  it("WBBM needs a prior WBK predicate; WBK does not", () => {
    const r = readiness({}, {});
    expect(r.WBK.pass).toBe(true);
    expect(r.WBBM.pass).toBe(false);
    const g = gate(r.WBBM, "prior-wbk");
    expect([g.threshold, g.value, g.pass]).toEqual([true, false, false]);
    expect(r.WBK.gates.some((x) => x.key === "prior-wbk")).toBe(false);
  });
});

describe("confirmation flags and overrides", () => {
  it("flags the single-source gates (total, pengungkit, prior WBK) as unconfirmed", () => {
    const r = readiness();
    expect(r.WBBM.gates.filter((g) => !g.confirmed).map((g) => g.key)).toEqual([
      "total",
      "pengungkit",
      "prior-wbk",
    ]);
    for (const g of r.WBBM.gates) expect(g.source.length, g.key).toBeGreaterThan(0);
  });

  it("flags every gate of the older editions as unconfirmed", () => {
    for (const id of ["permenpanrb-52-2014", "permenpanrb-10-2019"]) {
      const old = loadRubric(id);
      const r = assessReadiness(old, scoreValues(old, new Map()), {});
      expect(r.WBBM.gates.map((g) => [g.key, g.confirmed])).toEqual([
        ["total", false],
        ["prior-wbk", false],
      ]);
    }
  });

  it("an edited threshold replaces the rubric's for that predicate only and says so", () => {
    const r = readiness({ pengungkit: d(0.78) }, { priorWbk: true, overrides: { total: { WBK: 90 } } });
    // total = 60 × 0.78 + 40 = 86.8: fails the edited WBK 90, passes the stored WBBM 85.
    expect(gate(r.WBK, "total")).toMatchObject({ edited: true, pass: false });
    expect(eq(gate(r.WBK, "total").threshold as Fraction, d(90))).toBe(true);
    expect(gate(r.WBBM, "total")).toMatchObject({ edited: false, pass: true });
    expect(gate(r.WBK, "pengungkit").edited).toBe(false);
  });

  it("an edited area share applies to every area; an edited survey gate drops the stale index", () => {
    const r = readiness(
      { pengungkit: d(0.55), ipak: 3.4 },
      { overrides: { area: { WBK: 0.5 }, "hasil.ipak": { WBK: 14.875 } } },
    );
    const areaGates = r.WBK.gates.filter((g) => g.kind === "areaShare");
    expect(areaGates).toHaveLength(12);
    for (const g of areaGates) expect(g).toMatchObject({ edited: true, pass: true });
    // IPAK 3.4 → 14.875: passes the edited 14.875 exactly; no survey index for the edited number.
    expect(gate(r.WBK, "hasil.ipak")).toMatchObject({ edited: true, pass: true });
    expect(gate(r.WBK, "hasil.ipak").surveyIndex).toBeUndefined();
    expect(gate(r.WBBM, "hasil.ipak").surveyIndex).toBe(3.6);
  });

  it("null removes a gate (the prior-WBK requirement too)", () => {
    const r = readiness(
      { pengungkit: d(0.5) },
      { overrides: { pengungkit: { WBK: null }, "prior-wbk": { WBBM: null } } },
    );
    expect(r.WBK.gates.some((g) => g.key === "pengungkit")).toBe(false);
    expect(r.WBBM.gates.some((g) => g.key === "pengungkit")).toBe(true);
    expect(r.WBBM.gates.some((g) => g.key === "prior-wbk")).toBe(false);
  });

  it("a number on the prior-WBK gate adds the requirement where the rubric has none", () => {
    const r = readiness({}, { overrides: { "prior-wbk": { WBK: 1 } } });
    expect(gate(r.WBK, "prior-wbk")).toMatchObject({ edited: true, pass: false });
  });
});
