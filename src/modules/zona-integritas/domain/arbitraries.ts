import fc from "fast-check";
import type { Fraction } from "../../../kernel/math/fraction";
import type { Answer } from "./answers";
import { type Question, questionsOf, type Rubric } from "./rubric";

/**
 * Test support only (imported by the *.test.ts files next to it, never by product code): fast-check
 * generators of valid answers for a rubric, and the answer that reaches a given value, so tests can
 * apply a gap path and re-score.
 */

/** Whole numbers for counts, clamped afterwards so every `limits` rule of the question holds. */
function countsArb(q: Question): fc.Arbitrary<Answer> {
  const defs = q.counts ?? [];
  return fc.array(fc.nat({ max: 40 }), { minLength: defs.length, maxLength: defs.length }).map((ns) => {
    const byKey = new Map(defs.map((d, i) => [d.key, ns[i]!]));
    for (const l of q.limits ?? []) {
      const cap = l.max.reduce((s, k) => s + (byKey.get(k) ?? 0), 0);
      if ((byKey.get(l.count) ?? 0) > cap) byKey.set(l.count, cap);
    }
    return { counts: defs.map((d) => byKey.get(d.key)!) };
  });
}

export interface AnswerArbOptions {
  /**
   * Direct values and survey indices as short decimals only (what a person types), rather than any
   * double in range (5e-324, 0.30000000000000004…). Default false.
   */
  decimals?: boolean;
}

/** Any valid answer to one question (option codes in any case, counts, indices, direct values). */
export function answerArb(q: Question, opts: AnswerArbOptions = {}): fc.Arbitrary<Answer> {
  const unit = opts.decimals
    ? fc.integer({ min: 0, max: 10_000 }).map((i) => i / 10_000)
    : fc.double({ min: 0, max: 1, noNaN: true });
  const direct = unit.map((value) => ({ value }));
  switch (q.answerType) {
    case "counts":
      return fc.oneof({ arbitrary: countsArb(q), weight: 4 }, { arbitrary: direct, weight: 1 });
    case "survey_index":
      return fc.oneof(
        { arbitrary: fc.integer({ min: 100, max: 400 }).map((h) => h / 100), weight: 3 },
        {
          arbitrary: opts.decimals
            ? fc.integer({ min: 1000, max: 4000 }).map((i) => i / 1000)
            : fc.double({ min: 1, max: 4, noNaN: true }),
          weight: 1,
        },
        { arbitrary: direct, weight: 1 },
      );
    default: {
      const codes = q.options.flatMap((o) => [o.code, o.code.toLowerCase()]);
      return fc.oneof({ arbitrary: fc.constantFrom(...codes), weight: 6 }, { arbitrary: direct, weight: 1 });
    }
  }
}

/** A random answer map: each question answered or not (`null` sometimes, absent sometimes). */
export function answersArb(
  rubric: Rubric,
  opts: AnswerArbOptions = {},
): fc.Arbitrary<Record<string, Answer>> {
  const model: Record<string, fc.Arbitrary<Answer>> = {};
  for (const { question } of questionsOf(rubric))
    model[question.key] = fc.oneof(
      { arbitrary: answerArb(question, opts), weight: 8 },
      { arbitrary: fc.constant(null), weight: 1 },
    );
  // With no required keys fast-check types each entry as possibly undefined; absent keys are simply
  // left out of the object.
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, Answer>>;
}

/**
 * Counts that give exactly `value` (n/d, 0 ≤ value ≤ 1) on a counts question: for a ratio the first
 * numerator count is n and the first denominator count d; for a decrease last year is d and this
 * year d − n. Every other count is 0, so the limits hold.
 */
export function countsFor(q: Question, value: Fraction): Answer {
  const n = Number(value.n);
  const d = Number(value.d);
  const set = new Map<string, number>();
  const c = q.compute!;
  if (c.kind === "ratio") {
    set.set(c.denominator[0]!, d);
    set.set(c.numerator[0]!, n);
  } else {
    set.set(c.previous, d);
    set.set(c.current, d - n);
  }
  return { counts: (q.counts ?? []).map((def) => set.get(def.key) ?? 0) };
}
