import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cmp, eq, type Fraction, fromDecimal, sum, toNumber } from "../../../kernel/math/fraction";
import type { Answer } from "./answers";
import { answersArb, countsFor } from "./arbitraries";
import { type GatePath, pathsToGates, rankGaps } from "./gaps";
import { assessReadiness, type ReadinessInput } from "./readiness";
import { indexRubric, loadRubric, type Rubric } from "./rubric";
import { scoreAnswers } from "./scoring";

/**
 * Gap analysis: what each question can still give (share × (1 − value)), ranked and grouped, and
 * the paths that pass a failing gate — checked by applying each path's answers and re-scoring.
 */

const rubric = loadRubric("permenpanrb-90-2021");
const d = (x: number | string) => fromDecimal(x);
const exact = (a: Fraction | undefined, b: Fraction) => expect(a && eq(a, b), `${a?.n}/${a?.d}`).toBe(true);

/** Full marks everywhere (so only what a test changes is a gap). */
function fullSheet(): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const { question: q } of indexRubric(rubric).questions.values())
    out[q.key] =
      q.answerType === "survey_index" ? 4 : q.answerType === "counts" ? { value: 1 } : q.options[0]!.code;
  return out;
}

/** The answers a path asks for, on top of the current ones. */
function applyPath(r: Rubric, answers: Record<string, Answer>, path: GatePath): Record<string, Answer> {
  const next = { ...answers };
  for (const step of path.steps) {
    const q = indexRubric(r).questions.get(step.key)!.question;
    if (q.answerType === "survey_index") next[step.key] = toNumber(step.requiredIndex!);
    else if (q.answerType === "counts") next[step.key] = countsFor(q, step.requiredValue);
    else next[step.key] = step.requiredAnswer!;
  }
  return next;
}

describe("rankGaps", () => {
  const answers = {
    ...fullSheet(),
    "hasil.pelayanan-prima.ipkp.a": 3.2, // share 17.5, value 0.8  → 17.5 × 0.2  = 3.5
    "reform.pw.mekanisme-pengendalian.a": "C", // share 2.5, value 0.5 → 2.5 × 0.5 = 1.25
    "reform.ak.capaian-kinerja.a": { counts: [8, 6] }, // share 2, value 0.75 → 2 × 0.25 = 0.5
    "pemenuhan.mp.tim-kerja.b": "B", // share 0.5/2 = 0.25, value 0.5 → 0.125
    "pemenuhan.pw.wbs.c": "B", // share 1.5/3 = 0.5, value 0.5 → 0.25
    "pemenuhan.pw.wbs.b": "B", // the same 0.25: ties keep rubric order (b before c)
  };
  const gaps = rankGaps(rubric, scoreAnswers(rubric, answers));

  it("ranks by share × (1 − value), ties in rubric order, full answers left out", () => {
    expect(gaps.items.map((i) => [i.key, toNumber(i.toGain)])).toEqual([
      ["hasil.pelayanan-prima.ipkp.a", 3.5],
      ["reform.pw.mekanisme-pengendalian.a", 1.25],
      ["reform.ak.capaian-kinerja.a", 0.5],
      ["pemenuhan.pw.wbs.b", 0.25],
      ["pemenuhan.pw.wbs.c", 0.25],
      ["pemenuhan.mp.tim-kerja.b", 0.125],
    ]);
    const ipkp = gaps.items[0]!;
    exact(ipkp.share, d(17.5));
    exact(ipkp.value, d(0.8));
    exact(ipkp.points, d(14));
    expect(gaps.items[1]!.bestAnswer).toBe("A");
    expect(gaps.items[2]!.bestAnswer).toBeNull(); // counts
  });

  it("groups by area, the area with most to gain first (ties in rubric order)", () => {
    expect(gaps.byArea.map((a) => [a.key, toNumber(a.toGain), a.items.length])).toEqual([
      ["hasil.pelayanan-prima", 3.5, 1],
      ["reform.pw", 1.25, 1],
      ["pemenuhan.pw", 0.5, 2], // ties with reform.ak: rubric order, pemenuhan first
      ["reform.ak", 0.5, 1],
      ["pemenuhan.mp", 0.125, 1],
    ]);
  });

  it("an empty sheet has all 100 points to gain, IPAK first", () => {
    const empty = rankGaps(rubric, scoreAnswers(rubric, {}));
    exact(sum(empty.items.map((i) => i.toGain)), d(100));
    expect(empty.items.slice(0, 2).map((i) => i.key)).toEqual([
      "hasil.bersih-akuntabel.ipak.a",
      "hasil.pelayanan-prima.ipkp.a",
    ]);
    expect(empty.items).toHaveLength(113);
  });
});

describe("pathsToGates", () => {
  function paths(answers: Record<string, Answer>, input: ReadinessInput = {}) {
    const score = scoreAnswers(rubric, answers);
    const readiness = assessReadiness(rubric, score, input);
    return {
      WBK: pathsToGates(rubric, score, readiness.WBK),
      WBBM: pathsToGates(rubric, score, readiness.WBBM),
    };
  }

  it("asks only for the survey index that closes the gap: IPKP 3.00 → 3.20 for WBK", () => {
    // IPKP 3.00 → 13.125 points; WBK needs 14: deficit 0.875 = 0.05 of 17.5 → index 3.20.
    const p = paths({ ...fullSheet(), "hasil.pelayanan-prima.ipkp.a": 3 }).WBK;
    expect(p.map((x) => x.gateKey)).toEqual(["hasil.ipkp"]);
    const [path] = p;
    exact(path!.deficit, d(0.875));
    expect(path!.steps).toHaveLength(1);
    exact(path!.steps[0]!.requiredIndex, d(3.2));
    exact(path!.steps[0]!.gain, d(0.875));
    expect(path!.steps[0]!.requiredAnswer).toBeNull();
  });

  it("rounds a required survey index up to a hundredth", () => {
    // Edited IPAK minimum 15.8: 15.8 / 17.5 × 4 = 3.6114… → 3.62 (3.61 would give only 15.79375).
    const answers = { ...fullSheet(), "hasil.bersih-akuntabel.ipak.a": 3 };
    const score = scoreAnswers(rubric, answers);
    const r = assessReadiness(rubric, score, { overrides: { "hasil.ipak": { WBK: 15.8 } } });
    const p = pathsToGates(rubric, score, r.WBK);
    exact(p.find((x) => x.gateKey === "hasil.ipak")!.steps[0]!.requiredIndex, d(3.62));
    // IPAK 3 also leaves bersih & akuntabel at 13.125 + 5 = 18.125 < 18.25: 0.125 more is
    // 0.125 / 17.5 × 4 = 0.0286 of an index → 3.03.
    exact(p.find((x) => x.gateKey === "hasil.bersih-akuntabel")!.steps[0]!.requiredIndex, d(3.03));
  });

  it("asks for the lowest option that is enough: capaian kinerja C for WBK, B for WBBM", () => {
    // Capaian E (0): WBK needs 2.5 of 5 → value 0.5 → C; WBBM needs 3.75 → 0.75 → B.
    const p = paths({ ...fullSheet(), "hasil.bersih-akuntabel.capaian-kinerja.a": "E" }, { priorWbk: true });
    const wbk = p.WBK.find((x) => x.gateKey === "hasil.capaian-kinerja")!;
    const wbbm = p.WBBM.find((x) => x.gateKey === "hasil.capaian-kinerja")!;
    expect(wbk.steps.map((s) => s.requiredAnswer)).toEqual(["C"]);
    expect(wbbm.steps.map((s) => s.requiredAnswer)).toEqual(["B"]);
  });

  it("takes the questions that give most first, for an area gate", () => {
    // Manajemen Perubahan (pemenuhan, 4) empty: WBK needs 2.4. The four pola-pikir questions give
    // 0.375 each (1.5), then 1/3 each from rencana-zi: three of them reach 2.5 ≥ 2.4.
    const answers = fullSheet();
    for (const k of Object.keys(answers)) if (k.startsWith("pemenuhan.mp.")) delete answers[k];
    const path = paths(answers).WBK.find((x) => x.gateKey === "area:pemenuhan.mp")!;
    exact(path.deficit, d(2.4));
    expect(path.reachable).toBe(true);
    expect(path.steps.map((s) => s.key)).toEqual([
      "pemenuhan.mp.pola-pikir-budaya-kerja.a",
      "pemenuhan.mp.pola-pikir-budaya-kerja.b",
      "pemenuhan.mp.pola-pikir-budaya-kerja.c",
      "pemenuhan.mp.pola-pikir-budaya-kerja.d",
      "pemenuhan.mp.rencana-zi.a",
      "pemenuhan.mp.rencana-zi.b",
      "pemenuhan.mp.rencana-zi.c",
    ]);
    // The last needs 2.4 − 1.5 − 2/3 = 7/30 of its 1/3 share = 0.7 → abc "A" (B gives only 0.5).
    expect(path.steps.at(-1)!.requiredAnswer).toBe("A");
  });

  it("the prior-WBK gate is an input, not a score", () => {
    const p = paths(fullSheet(), { priorWbk: false }).WBBM;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ gateKey: "prior-wbk", reachable: false, reason: "input", steps: [] });
  });

  it("detects a gate no answers can pass", () => {
    const answers = { ...fullSheet(), "hasil.pelayanan-prima.ipkp.a": 2 };
    const score = scoreAnswers(rubric, answers);
    const r = assessReadiness(rubric, score, { overrides: { total: { WBK: 101 } } });
    const path = pathsToGates(rubric, score, r.WBK).find((x) => x.gateKey === "total")!;
    expect(path.reachable).toBe(false);
    // It still lists everything that helps (IPKP 2 → 4 gives 8.75 of the 9.75 missing).
    expect(path.steps.map((s) => s.key)).toEqual(["hasil.pelayanan-prima.ipkp.a"]);
    exact(path.deficit, d(9.75));
  });

  it("every reachable path passes its gate when applied (random worksheets)", () => {
    fc.assert(
      fc.property(
        answersArb(rubric, { decimals: true }),
        fc.constantFrom<"WBK" | "WBBM">("WBK", "WBBM"),
        (answers, predicate) => {
          const score = scoreAnswers(rubric, answers);
          const readiness = assessReadiness(rubric, score, { priorWbk: true });
          for (const path of pathsToGates(rubric, score, readiness[predicate])) {
            expect(path.reachable, path.gateKey).toBe(true);
            expect(cmp(sum(path.steps.map((s) => s.gain)), path.deficit)).toBeGreaterThanOrEqual(0);
            const after = scoreAnswers(rubric, applyPath(rubric, answers, path));
            const gate = assessReadiness(rubric, after, { priorWbk: true })[predicate].gates.find(
              (g) => g.key === path.gateKey,
            )!;
            expect(gate.pass, `${predicate} ${path.gateKey}`).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
