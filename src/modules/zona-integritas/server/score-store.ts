/**
 * How a column's score is kept between requests: every node's points as exact "n/d" text. From that
 * record readiness can be judged again (thresholds or the cycle's prior-WBK flag changed) without
 * reading a single answer, and the wire summary is built without re-scoring.
 */

import { type Fraction, frac, fromDecimal, toNumber, ZERO } from "../../../kernel/math/fraction";
import type { ScoreSummary } from "../contract";
import {
  assessReadiness,
  type Readiness,
  type ReadinessGate,
  type ThresholdOverrides,
} from "../domain/readiness";
import { indexRubric, type Rubric } from "../domain/rubric";
import type { AreaScore, ComponentScore, LkeScore } from "../domain/scoring";

export const fracText = (f: Fraction): string => `${f.n}/${f.d}`;

export function parseFrac(s: string): Fraction {
  const i = s.indexOf("/");
  return i < 0 ? frac(BigInt(s)) : frac(BigInt(s.slice(0, i)), BigInt(s.slice(i + 1)));
}

/** Node points (components, areas, sub-pillars, aggregates) of a score, as stored. */
export function storedPoints(score: LkeScore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of score.points) if (!score.questions.has(k)) out[k] = fracText(v);
  return out;
}

/**
 * An LkeScore rebuilt from stored node points: enough for readiness (aggregates, areas, sub-pillar
 * targets such as IPAK) — question detail is empty.
 */
export function scoreFromPoints(rubric: Rubric, stored: Record<string, string>): LkeScore {
  const points = new Map<string, Fraction>();
  for (const [k, v] of Object.entries(stored)) points.set(k, parseFrac(v));
  const get = (k: string) => points.get(k) ?? ZERO;
  const components: ComponentScore[] = rubric.components.map((c) => {
    const areas: AreaScore[] = c.areas.map((a) => ({
      key: a.key,
      name: a.name,
      componentKey: c.key,
      weight: fromDecimal(a.weight),
      score: get(a.key),
      subpillars: a.subpillars.map((s) => ({
        key: s.key,
        name: s.name,
        weight: fromDecimal(s.weight),
        score: get(s.key),
        questions: [],
      })),
    }));
    return {
      key: c.key,
      name: c.name,
      kind: c.kind,
      weight: fromDecimal(c.weight),
      score: get(c.key),
      areas,
    };
  });
  const byKey = (k: string) => (rubric.components.some((c) => c.key === k) ? get(k) : null);
  return {
    rubricId: rubric.id,
    total: get("total"),
    pengungkit: get("pengungkit"),
    hasil: get("hasil"),
    pemenuhan: byKey("pemenuhan"),
    reform: byKey("reform"),
    components,
    areas: components.flatMap((c) => c.areas),
    questions: new Map(),
    points,
  };
}

export function summaryOf(
  rubric: Rubric,
  score: LkeScore,
  counts: { answered: number; withEvidence: number },
): ScoreSummary {
  const areas: ScoreSummary["areas"] = score.areas.map((a) => ({
    key: a.key,
    name: a.name,
    componentKey: a.componentKey,
    weight: toNumber(a.weight),
    score: toNumber(a.score),
  }));
  return {
    total: toNumber(score.total),
    pengungkit: toNumber(score.pengungkit),
    pemenuhan: score.pemenuhan ? toNumber(score.pemenuhan) : null,
    reform: score.reform ? toNumber(score.reform) : null,
    hasil: toNumber(score.hasil),
    areas,
    answered: counts.answered,
    questions: indexRubric(rubric).questions.size,
    withEvidence: counts.withEvidence,
  };
}

const num = (x: Fraction | boolean): number | boolean => (typeof x === "boolean" ? x : toNumber(x));

export function gateToWire(g: ReadinessGate) {
  return {
    key: g.key,
    kind: g.kind,
    label: g.label,
    ...(g.target ? { target: g.target } : {}),
    threshold: num(g.threshold),
    value: num(g.value),
    pass: g.pass,
    ...(g.weight ? { weight: toNumber(g.weight) } : {}),
    ...(g.surveyIndex !== undefined ? { surveyIndex: g.surveyIndex } : {}),
    source: g.source,
    confidence: g.confidence,
    confirmed: g.confirmed,
    edited: g.edited,
    ...(g.note ? { note: g.note } : {}),
  };
}

export function readinessToWire(r: Readiness) {
  return {
    WBK: { pass: r.WBK.pass, gates: r.WBK.gates.map(gateToWire) },
    WBBM: { pass: r.WBBM.pass, gates: r.WBBM.gates.map(gateToWire) },
  };
}

export function judge(
  rubric: Rubric,
  score: LkeScore,
  input: { priorWbk: boolean; overrides: ThresholdOverrides },
): Readiness {
  return assessReadiness(rubric, score, input);
}

export const failingKeys = (r: Readiness["WBK"]): string[] =>
  r.gates.filter((g) => !g.pass).map((g) => g.key);
