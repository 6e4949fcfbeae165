import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, cmp, type Fraction, fromDecimal, ZERO } from "../../../kernel/math/fraction";
import type { Answer } from "./answers";
import { answersArb } from "./arbitraries";
import { loadRubric, type Question, questionsOf } from "./rubric";
import { scoreAnswers } from "./scoring";

/**
 * Invariants of the LKE arithmetic over random answer maps on the 90/2021 rubric: the score stays in
 * 0–100 (and every node within its weight), the parts add up, and improving one answer never lowers
 * anything.
 */

const rubric = loadRubric("permenpanrb-90-2021");
const questions = questionsOf(rubric).map((e) => e.question);
const w = (x: number) => fromDecimal(x);
const within = (x: Fraction, hi: Fraction) => cmp(x, ZERO) >= 0 && cmp(x, hi) <= 0;

/**
 * A worse and a better answer to one question, ordered by the regulation's own order (option A
 * before B…, Ya before Tidak, a higher survey index, more targets met) rather than by the code's
 * values. `undefined` as the worse answer means "not answered".
 */
function improvementArb(q: Question): fc.Arbitrary<[Answer | undefined, Answer]> {
  const pair = <T>(a: fc.Arbitrary<T>) =>
    fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);
  const direct = pair(fc.double({ min: 0, max: 1, noNaN: true })).map(
    ([lo, hi]) => [{ value: lo }, { value: hi }] as [Answer, Answer],
  );
  let specific: fc.Arbitrary<[Answer | undefined, Answer]>;
  switch (q.answerType) {
    case "survey_index":
      specific = pair(fc.integer({ min: 100, max: 400 })).map(([lo, hi]) => [lo / 100, hi / 100]);
      break;
    case "counts":
      // Capaian kinerja style: more targets met out of the same number of targets.
      specific =
        q.key === "reform.ak.capaian-kinerja.a"
          ? fc
              .integer({ min: 1, max: 30 })
              .chain((n) => pair(fc.integer({ min: 0, max: n })).map(([lo, hi]) => [n, lo, hi] as const))
              .map(([n, lo, hi]) => [{ counts: [n, lo] }, { counts: [n, hi] }])
          : direct;
      break;
    default:
      // Options are stored best first (rubric.test.ts checks them against the value table).
      specific = pair(fc.integer({ min: 0, max: q.options.length - 1 })).map(([better, worse]) => [
        q.options[worse]!.code,
        q.options[better]!.code,
      ]);
  }
  return fc.oneof(
    specific,
    direct,
    specific.map(([, better]) => [undefined, better] as [Answer | undefined, Answer]),
  );
}

const improvement = fc
  .constantFrom(...questions)
  .chain((q) => improvementArb(q).map(([worse, better]) => ({ key: q.key, worse, better })));

describe("LKE score invariants (fast-check)", () => {
  it("stays within 0–100, every node within its weight, and the parts add up", () => {
    fc.assert(
      fc.property(answersArb(rubric), (answers) => {
        const s = scoreAnswers(rubric, answers);
        expect(within(s.total, w(100))).toBe(true);
        expect(within(s.pengungkit, w(60))).toBe(true);
        expect(within(s.hasil, w(40))).toBe(true);
        expect(cmp(add(s.pengungkit, s.hasil), s.total)).toBe(0);
        expect(cmp(add(s.pemenuhan!, s.reform!), s.pengungkit)).toBe(0);
        for (const a of s.areas) {
          expect(within(a.score, a.weight), a.key).toBe(true);
          for (const sp of a.subpillars) expect(within(sp.score, sp.weight), sp.key).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never decreases anywhere when one answer improves", () => {
    fc.assert(
      fc.property(answersArb(rubric), improvement, (answers, { key, worse, better }) => {
        const before = { ...answers };
        if (worse === undefined) delete before[key];
        else before[key] = worse;
        const lo = scoreAnswers(rubric, before);
        const hi = scoreAnswers(rubric, { ...answers, [key]: better });
        expect(cmp(hi.total, lo.total)).toBeGreaterThanOrEqual(0);
        for (const [node, points] of lo.points)
          expect(cmp(hi.points.get(node)!, points), node).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("an unanswered question, a null answer and a zero value all score the same", () => {
    fc.assert(
      fc.property(answersArb(rubric), fc.constantFrom(...questions), (answers, q) => {
        const without = { ...answers };
        delete without[q.key];
        const a = scoreAnswers(rubric, without).total;
        expect(cmp(scoreAnswers(rubric, { ...answers, [q.key]: null }).total, a)).toBe(0);
        expect(cmp(scoreAnswers(rubric, { ...answers, [q.key]: { value: 0 } }).total, a)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
