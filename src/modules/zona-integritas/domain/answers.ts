import { z } from "zod";
import { DomainError } from "../../../kernel/http/errors";
import {
  clamp,
  div,
  type Fraction,
  frac,
  fromDecimal,
  min,
  ONE,
  sub,
  ZERO,
} from "../../../kernel/math/fraction";
import { indexRubric, type Question, type Rubric } from "./rubric";

/**
 * One answer on the worksheet, as the answer file and the API give it:
 * - `"ya"` / `"tidak"` for Ya/Tidak questions, a letter `"A"`…`"E"` for A–C, A–D and A–E questions
 *   (case-insensitive; the option's value comes from the rubric file);
 * - `{ "counts": [n, …] }` for count questions, in the order of the question's count list (or an
 *   object keyed by the count keys);
 * - a number i in 1–4 for a survey index question (value i/4, so 3.20 → 0.8 of the weight);
 * - `{ "value": v }` with 0 ≤ v ≤ 1 to give the value directly (as evaluators sometimes do);
 * - `null` for "not answered" (value 0).
 */
export type Answer =
  | string
  | number
  | null
  | { counts: number[] | Record<string, number> }
  | { value: number };

export const answerSchema: z.ZodType<Answer> = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.strictObject({ counts: z.union([z.array(z.number()), z.record(z.string(), z.number())]) }),
  z.strictObject({ value: z.number() }),
]);

export const answerFileSchema = z.object({
  answers: z.record(z.string(), answerSchema),
  /** Whether the unit already holds the WBK predicate (a WBBM gate). */
  priorWbk: z.boolean().optional(),
});
export type AnswerFile = z.infer<typeof answerFileSchema>;

function invalid(rubric: Rubric, q: Question, answer: unknown): never {
  const allowed =
    q.answerType === "counts"
      ? `{"counts": [${(q.counts ?? []).map((c) => c.key).join(", ")}]}`
      : q.answerType === "survey_index"
        ? `${q.scale?.min ?? 1}–${q.scale?.max ?? 4}`
        : q.options
            .map((o) =>
              JSON.stringify(
                o.code.toLowerCase() === "ya" || o.code.toLowerCase() === "tidak"
                  ? o.code.toLowerCase()
                  : o.code,
              ),
            )
            .join(", ");
  throw new DomainError("ZI_ANSWER_INVALID", {
    rubric: rubric.id,
    question: q.key,
    answer: JSON.stringify(answer),
    answerType: q.answerType,
    allowed: `${allowed}, {"value": 0–1}`,
  });
}

/** The value (0–1, exact) of one answer to one question. Throws `DomainError` naming the question. */
export function answerValue(rubric: Rubric, questionKey: string, answer: Answer): Fraction {
  const entry = indexRubric(rubric).questions.get(questionKey);
  if (!entry) throw new DomainError("ZI_QUESTION_UNKNOWN", { rubric: rubric.id, question: questionKey });
  const q = entry.question;
  if (answer === null) return ZERO;

  if (typeof answer === "object" && "value" in answer) {
    if (!Number.isFinite(answer.value) || answer.value < 0 || answer.value > 1)
      throw new DomainError("ZI_VALUE_OUT_OF_RANGE", { question: q.key, value: answer.value });
    return fromDecimal(answer.value);
  }

  switch (q.answerType) {
    case "yes_no":
    case "abc":
    case "abcd":
    case "abcde": {
      if (typeof answer !== "string") invalid(rubric, q, answer);
      const code = answer.trim().toLowerCase();
      const option = q.options.find((o) => o.code.toLowerCase() === code);
      if (!option) invalid(rubric, q, answer);
      return fromDecimal(option.value);
    }
    case "survey_index": {
      if (typeof answer !== "number" || !Number.isFinite(answer)) invalid(rubric, q, answer);
      const lo = q.scale?.min ?? 1;
      const hi = q.scale?.max ?? 4;
      if (answer < lo || answer > hi)
        throw new DomainError("ZI_SURVEY_INDEX_OUT_OF_RANGE", {
          question: q.key,
          index: answer,
          min: lo,
          max: hi,
        });
      // Linear conversion (rules-1 §3): points = index / 4 × weight, so 3.60 → 15.75 of 17.5.
      return div(fromDecimal(answer), frac(hi));
    }
    case "counts": {
      if (typeof answer !== "object" || !("counts" in answer)) invalid(rubric, q, answer);
      return countsValue(q, answer.counts);
    }
  }
}

function countsValue(q: Question, raw: number[] | Record<string, number>): Fraction {
  const defs = q.counts ?? [];
  const labels = defs.map((d) => `${d.key} (${d.label})`).join("; ");
  const bad = (reason: string): never => {
    throw new DomainError("ZI_COUNTS_INVALID", { question: q.key, reason, expected: defs.length, labels });
  };
  const values = new Map<string, bigint>();
  if (Array.isArray(raw)) {
    if (raw.length !== defs.length) bad(`${raw.length} number(s) given`);
    for (const [i, d] of defs.entries()) values.set(d.key, toCount(raw[i], d.key, bad));
  } else {
    for (const k of Object.keys(raw)) if (!defs.some((d) => d.key === k)) bad(`unknown count '${k}'`);
    for (const d of defs) {
      if (!Object.hasOwn(raw, d.key)) bad(`'${d.key}' missing`);
      values.set(d.key, toCount(raw[d.key], d.key, bad));
    }
  }
  const get = (k: string) => values.get(k) ?? 0n;
  const total = (ks: string[]) => ks.reduce((s, k) => s + get(k), 0n);
  for (const l of q.limits ?? []) {
    if (get(l.count) > total(l.max))
      throw new DomainError("ZI_COUNT_EXCEEDS_TOTAL", {
        question: q.key,
        count: l.count,
        value: Number(get(l.count)),
        total: l.max.join(" + "),
        totalValue: Number(total(l.max)),
      });
  }
  const c = q.compute;
  if (!c) return ZERO;
  if (c.kind === "ratio") {
    const den = total(c.denominator);
    if (den === 0n) return ZERO;
    return min(frac(total(c.numerator), den), ONE);
  }
  const prev = get(c.previous);
  if (prev === 0n) return ZERO; // unspecified by both sources; same rule as a zero denominator
  return clamp(div(sub(frac(prev), frac(get(c.current))), frac(prev)), ZERO, ONE);
}

function toCount(v: unknown, key: string, bad: (reason: string) => never): bigint {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    bad(`'${key}' must be a non-negative whole number, got ${JSON.stringify(v)}`);
  return BigInt(v as number);
}

/**
 * Values for a whole answer map, checking every answer. Unanswered questions (absent, or `null`) are
 * left out of the map, so the score reports them as not answered (value 0).
 */
export function answerValues(
  rubric: Rubric,
  answers: Readonly<Record<string, Answer>>,
): Map<string, Fraction> {
  const out = new Map<string, Fraction>();
  for (const [k, a] of Object.entries(answers)) {
    const value = answerValue(rubric, k, a); // checks the key even when the answer is null
    if (a !== null) out.set(k, value);
  }
  return out;
}
