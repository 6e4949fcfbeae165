import { cmp, div, type Fraction, fromDecimal, mul, ZERO } from "../../../kernel/math/fraction";
import { type Gate as GateDef, PREDICATES, type Predicate, type Rubric } from "./rubric";
import type { LkeScore } from "./scoring";

/**
 * WBK / WBBM readiness (rules-1 §1.9): every gate the rubric's thresholds define, with its
 * threshold, the unit's value and pass/fail. Gates whose numbers the sources do not confirm carry
 * `confirmed: false` and are shown flagged; every threshold can be overridden per rubric
 * (editable configuration), and an overridden gate says so.
 */

export interface ReadinessGate {
  /** e.g. "total", "pengungkit", "area:pemenuhan.mp", "hasil.ipak", "prior-wbk". */
  key: string;
  kind: GateDef["kind"];
  label: string;
  /** The node whose points are compared (score and area gates). */
  target?: string;
  /**
   * Points for score gates; a share of the area's weight (0–1) for area gates; `true` for the
   * prior-predicate gate.
   */
  threshold: Fraction | boolean;
  value: Fraction | boolean;
  pass: boolean;
  /** Area gates: the area's weight, so share × weight gives the points needed. */
  weight?: Fraction;
  /** Survey-index equivalent of the threshold, when the gate is a survey (IPAK, IPKP). */
  surveyIndex?: number;
  source: string;
  confidence: GateDef["confidence"];
  confirmed: boolean;
  /** True when the threshold comes from an override rather than the rubric file. */
  edited: boolean;
  note?: string;
}

export interface PredicateReadiness {
  predicate: Predicate;
  pass: boolean;
  gates: ReadinessGate[];
}

export type Readiness = Record<Predicate, PredicateReadiness>;

/**
 * Threshold overrides by gate key (for area gates, the `area` gate's key; for them the number is a
 * share 0–1 of each area's weight): null removes the gate. For the prior-predicate gate any number
 * requires it and null removes it.
 */
export type ThresholdOverrides = Readonly<Record<string, Partial<Record<Predicate, number | null>>>>;

export interface ReadinessInput {
  /** Does the unit already hold the WBK predicate? (the WBBM gate "prior-wbk"). Default false. */
  priorWbk?: boolean;
  overrides?: ThresholdOverrides;
}

export function assessReadiness(rubric: Rubric, score: LkeScore, input: ReadinessInput = {}): Readiness {
  const out = {} as Readiness;
  for (const predicate of PREDICATES) {
    const gates = rubric.thresholds.gates.flatMap((g) => gatesFor(score, g, predicate, input));
    out[predicate] = { predicate, pass: gates.every((g) => g.pass), gates };
  }
  return out;
}

function gatesFor(score: LkeScore, g: GateDef, predicate: Predicate, input: ReadinessInput): ReadinessGate[] {
  const field = predicate === "WBK" ? "wbk" : "wbbm";
  const override = input.overrides?.[g.key];
  const edited = override !== undefined && predicate in override;
  const common = {
    kind: g.kind,
    label: g.label,
    source: g.source,
    confidence: g.confidence,
    confirmed: g.confirmed,
    edited,
    ...(g.note ? { note: g.note } : {}),
  };

  if (g.kind === "priorPredicate") {
    // An override can remove the requirement (null) or add it (any number) for this predicate.
    const required = edited ? override?.[predicate] !== null : g[field] !== null;
    if (!required) return [];
    const value = input.priorWbk === true;
    return [{ key: g.key, ...common, threshold: true, value, pass: value }];
  }

  const num = edited ? (override?.[predicate] ?? null) : g[field];
  if (num === null || num === undefined) return [];
  const threshold = fromDecimal(num);

  if (g.kind === "score") {
    const value = score.points.get(g.target) ?? ZERO;
    return [
      {
        key: g.key,
        ...common,
        target: g.target,
        threshold,
        value,
        pass: cmp(value, threshold) >= 0,
        // The stored survey-index equivalent belongs to the stored threshold, not to an edited one.
        ...(g.surveyIndex && !edited ? { surveyIndex: g.surveyIndex[field] } : {}),
      },
    ];
  }

  // areaShare: one gate per area of the listed components, comparing points ≥ share × weight exactly.
  return score.areas
    .filter((a) => g.components.includes(a.componentKey))
    .map((a) => {
      const value = a.weight.n === 0n ? ZERO : div(a.score, a.weight);
      return {
        key: `${g.key}:${a.key}`,
        ...common,
        label: `${g.label}: ${a.name}`,
        target: a.key,
        threshold,
        value,
        weight: a.weight,
        pass: cmp(a.score, mul(threshold, a.weight)) >= 0,
      };
    });
}
