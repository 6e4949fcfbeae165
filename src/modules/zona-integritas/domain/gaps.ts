import {
  add,
  cmp,
  div,
  type Fraction,
  frac,
  fromDecimal,
  max,
  mul,
  sub,
  sum,
  ZERO,
} from "../../../kernel/math/fraction";
import type { PredicateReadiness, ReadinessGate } from "./readiness";
import { indexRubric, type Predicate, type QuestionEntry, type Rubric } from "./rubric";
import { type LkeScore, toGain } from "./scoring";

/**
 * Gap analysis: which questions can still give points (share × (1 − value)), ranked, grouped by
 * area; and for each failing gate the cheapest path to pass it — the fewest questions, taken greedily
 * by the points they can still give, each step naming the answer it needs and the evidence to show.
 */

export interface GapItem {
  key: string;
  text: string;
  answerType: string;
  areaKey: string;
  subpillarKey: string;
  value: Fraction;
  share: Fraction;
  points: Fraction;
  toGain: Fraction;
  /** The best answer code (e.g. "Ya", "A", "4"), or null for count questions. */
  bestAnswer: string | null;
  evidence: string[];
}

export interface AreaGaps {
  key: string;
  name: string;
  weight: Fraction;
  score: Fraction;
  toGain: Fraction;
  items: GapItem[];
}

export interface Gaps {
  /** Every question with points still to gain, most first (ties in rubric order). */
  items: GapItem[];
  /** The same, grouped by area; areas with most to gain first. */
  byArea: AreaGaps[];
}

function gapItem(entry: QuestionEntry, score: LkeScore): GapItem {
  const q = score.questions.get(entry.question.key)!;
  const best = entry.question.options[0];
  return {
    key: entry.question.key,
    text: entry.question.text,
    answerType: entry.question.answerType,
    areaKey: entry.area.key,
    subpillarKey: entry.subpillar.key,
    value: q.value,
    share: q.share,
    points: q.points,
    toGain: toGain(q),
    bestAnswer: entry.question.answerType === "counts" ? null : (best?.code ?? null),
    evidence: entry.question.evidence,
  };
}

function ranked(entries: QuestionEntry[], score: LkeScore): GapItem[] {
  return entries
    .map((e) => ({ e, item: gapItem(e, score) }))
    .filter(({ item }) => item.toGain.n > 0n)
    .sort((a, b) => cmp(b.item.toGain, a.item.toGain) || a.e.order - b.e.order)
    .map(({ item }) => item);
}

export function rankGaps(rubric: Rubric, score: LkeScore): Gaps {
  const entries = [...indexRubric(rubric).questions.values()];
  const items = ranked(entries, score);
  const byArea = score.areas
    .map((a, i) => {
      const areaItems = items.filter((it) => it.areaKey === a.key);
      return {
        i,
        area: {
          key: a.key,
          name: a.name,
          weight: a.weight,
          score: a.score,
          toGain: sum(areaItems.map((it) => it.toGain)),
          items: areaItems,
        },
      };
    })
    .filter(({ area }) => area.items.length > 0)
    .sort((x, y) => cmp(y.area.toGain, x.area.toGain) || x.i - y.i)
    .map(({ area }) => area);
  return { items, byArea };
}

export interface PathStep {
  key: string;
  text: string;
  /** The question's value now and the value this step needs (1 unless a smaller answer suffices). */
  value: Fraction;
  requiredValue: Fraction;
  /** The lowest answer that reaches requiredValue: an option code, or null (counts, survey index). */
  requiredAnswer: string | null;
  /** Survey questions: the index that gives requiredValue. */
  requiredIndex?: Fraction;
  /** Points this step adds. */
  gain: Fraction;
  evidence: string[];
}

export interface GatePath {
  predicate: Predicate;
  gateKey: string;
  label: string;
  /** Points missing to pass. */
  deficit: Fraction;
  /** False when even full marks on every question that counts toward the gate do not pass it. */
  reachable: boolean;
  /** Why there is no question path (the prior-predicate gate is an input, not a score). */
  reason?: "input" | "no_questions";
  steps: PathStep[];
}

function contributes(entry: QuestionEntry, target: string): boolean {
  if (target === "total") return true;
  if (target === "pengungkit" || target === "hasil") return entry.component.kind === target;
  return [entry.component.key, entry.area.key, entry.subpillar.key, entry.question.key].includes(target);
}

/** The points a failing gate is short by (0 when it passes). */
export function gateDeficit(gate: ReadinessGate): Fraction {
  if (typeof gate.threshold === "boolean" || typeof gate.value === "boolean") return ZERO;
  const needed = gate.weight ? mul(gate.threshold, gate.weight) : gate.threshold;
  const have = gate.weight ? mul(gate.value, gate.weight) : gate.value;
  const d = sub(needed, have);
  return d.n > 0n ? d : ZERO;
}

/** For every failing gate of a predicate: the cheapest set of questions that would pass it. */
export function pathsToGates(rubric: Rubric, score: LkeScore, readiness: PredicateReadiness): GatePath[] {
  const entries = [...indexRubric(rubric).questions.values()];
  return readiness.gates
    .filter((g) => !g.pass)
    .map((gate) => {
      const base = { predicate: readiness.predicate, gateKey: gate.key, label: gate.label };
      if (gate.kind === "priorPredicate")
        return { ...base, deficit: ZERO, reachable: false, reason: "input" as const, steps: [] };
      const deficit = gateDeficit(gate);
      const candidates = ranked(
        entries.filter((e) => contributes(e, gate.target!)),
        score,
      );
      if (candidates.length === 0)
        return { ...base, deficit, reachable: false, reason: "no_questions" as const, steps: [] };
      const steps: PathStep[] = [];
      let remaining = deficit;
      for (const item of candidates) {
        if (remaining.n <= 0n) break;
        const entry = indexRubric(rubric).questions.get(item.key)!;
        const step = stepFor(entry, item, remaining);
        steps.push(step);
        remaining = sub(remaining, step.gain);
      }
      return { ...base, deficit, reachable: remaining.n <= 0n, steps };
    });
}

function stepFor(entry: QuestionEntry, item: GapItem, remaining: Fraction): PathStep {
  const q = entry.question;
  const full: PathStep = {
    key: item.key,
    text: item.text,
    value: item.value,
    requiredValue: frac(1),
    requiredAnswer: item.bestAnswer,
    gain: item.toGain,
    evidence: item.evidence,
  };
  const survey = q.answerType === "survey_index";
  const hi = fromDecimal(q.scale?.max ?? 4);
  const lo = fromDecimal(q.scale?.min ?? 1);
  // A survey question is answered with its index (a number), never with the reference option code.
  if (survey) {
    full.requiredAnswer = null;
    full.requiredIndex = hi;
  }
  if (cmp(item.toGain, remaining) <= 0) return full;

  // This question covers more than what is missing: ask only for the value that closes the gap.
  const needed = add(item.value, div(remaining, item.share));
  if (q.answerType === "counts")
    return { ...full, requiredValue: needed, requiredAnswer: null, gain: remaining };
  if (survey) {
    // Survey indices are published to two decimals and start at the scale's minimum: round the
    // index up to a hundredth (never below the minimum), so the step is an index a survey can give.
    const index = max(lo, ceilTo(mul(needed, hi), 100n));
    const value = div(index, hi);
    return {
      ...full,
      requiredIndex: index,
      requiredValue: value,
      gain: mul(sub(value, item.value), item.share),
    };
  }
  // Lowest option (by value) that reaches the needed value.
  const options = [...q.options].sort((a, b) => a.value - b.value);
  const option = options.find((o) => cmp(fromDecimal(o.value), needed) >= 0) ?? q.options[0]!;
  const v = fromDecimal(option.value);
  return {
    ...full,
    requiredValue: v,
    requiredAnswer: option.code,
    gain: mul(sub(v, item.value), item.share),
  };
}

/** The smallest multiple of 1/per that is ≥ x (x ≥ 0). */
function ceilTo(x: Fraction, per: bigint): Fraction {
  const scaled = x.n * per;
  return frac((scaled + x.d - 1n) / x.d, per);
}
