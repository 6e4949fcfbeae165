import { cmp, div, type Fraction, frac, mul, sum, toFixed, toNumber } from "../../../kernel/math/fraction";

/**
 * SKM / IKM computation (PermenPAN-RB 14/2017), exact:
 *   NRR per element   = Σ scores of that element / respondents
 *   weighted NRR      = NRR × 1/n   (n = number of elements; 1/9 for the SKM — never 0.111)
 *   index             = Σ weighted NRR   (on the 1–4 scale)
 *   IKM               = index × 25
 * IKM is rounded to two decimals FIRST and the rounded value is classified (A ≥ 88.31, B ≥ 76.61,
 * C ≥ 65.00, else D), which closes the gaps the published bands leave (64.99/65.00 …).
 * Perception surveys (IPAK/IPKP) use the same averages; their LKE points are index ÷ 4 × 17.5.
 */

/** Integer sums per element over `count` respondents who answered every element. */
export interface Totals {
  count: number;
  sums: number[];
}

export const emptyTotals = (elements: number): Totals => ({ count: 0, sums: new Array(elements).fill(0) });

export function addScores(t: Totals, scores: readonly number[]): void {
  t.count += 1;
  for (let i = 0; i < t.sums.length; i++) t.sums[i]! += scores[i]!;
}

export function mergeTotals(a: Totals, b: Totals): Totals {
  return { count: a.count + b.count, sums: a.sums.map((s, i) => s + b.sums[i]!) };
}

export type Grade = "A" | "B" | "C" | "D";
export const PERFORMANCE: Record<Grade, { id: string; en: string }> = {
  A: { id: "Sangat Baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Kurang Baik", en: "Fair" },
  D: { id: "Tidak Baik", en: "Poor" },
};
/** Lower bounds of the bands, in hundredths of IKM. */
const BANDS: [Grade, bigint][] = [
  ["A", 8831n],
  ["B", 7661n],
  ["C", 6500n],
  ["D", 0n],
];

/** Half-up rounding to hundredths, as a count of hundredths. */
export function hundredths(x: Fraction): bigint {
  const n = x.n < 0n ? -x.n : x.n;
  const q = (2n * n * 100n + x.d) / (2n * x.d);
  return x.n < 0n ? -q : q;
}

/** Grade of an IKM value: round to two decimals, then classify. */
export function gradeOf(ikm: Fraction): Grade {
  const h = hundredths(ikm);
  for (const [g, lo] of BANDS) if (h >= lo) return g;
  return "D";
}

export interface ElementResult {
  code: string;
  /** Σ scores / respondents. */
  nrr: Fraction;
  /** NRR × 1/n. */
  weighted: Fraction;
}

export interface IndexResult {
  respondents: number;
  weight: Fraction;
  elements: ElementResult[];
  /** Σ weighted NRR on the 1–4 scale (null with no respondents). */
  index: Fraction | null;
  /** index × 25. */
  ikm: Fraction | null;
  /** IKM rounded half up to two decimals, e.g. "82.35". */
  ikmRounded: string | null;
  grade: Grade | null;
  /** index ÷ 4 × 17.5 — LKE points of a perception survey. */
  points: Fraction | null;
}

export const LKE_SURVEY_WEIGHT = frac(35, 2);

export function computeIndex(codes: readonly string[], t: Totals): IndexResult {
  const n = codes.length;
  if (n === 0) throw new RangeError("a survey needs at least one element");
  if (t.sums.length !== n) throw new RangeError(`expected ${n} element sums, got ${t.sums.length}`);
  const weight = frac(1, n);
  if (t.count === 0)
    return {
      respondents: 0,
      weight,
      elements: codes.map((code) => ({ code, nrr: frac(0), weighted: frac(0) })),
      index: null,
      ikm: null,
      ikmRounded: null,
      grade: null,
      points: null,
    };
  const elements = codes.map((code, i) => {
    const nrr = frac(t.sums[i]!, t.count);
    return { code, nrr, weighted: mul(nrr, weight) };
  });
  const index = sum(elements.map((e) => e.weighted));
  const ikm = mul(index, frac(25));
  return {
    respondents: t.count,
    weight,
    elements,
    index,
    ikm,
    ikmRounded: toFixed(ikm, 2),
    grade: gradeOf(ikm),
    points: mul(div(index, frac(4)), LKE_SURVEY_WEIGHT),
  };
}

/** Elements ordered weakest first (ties by code), for charts and the follow-up plan. */
export function weakestFirst(elements: readonly ElementResult[]): ElementResult[] {
  return [...elements].sort((a, b) => cmp(a.nrr, b.nrr) || a.code.localeCompare(b.code));
}

/** Plain numbers for the wire: NRR to 4 decimals is what SKM reports print; raw values too. */
export function toWire(codes: readonly string[], r: IndexResult) {
  return {
    respondents: r.respondents,
    weight: `${r.weight.n}/${r.weight.d}`,
    elements: r.elements.map((e, i) => ({
      code: codes[i]!,
      nrr: r.respondents ? toNumber(e.nrr) : null,
      nrrRounded: r.respondents ? toFixed(e.nrr, 3) : null,
      weighted: r.respondents ? toNumber(e.weighted) : null,
      ikm: r.respondents ? toFixed(mul(e.nrr, frac(25)), 2) : null,
    })),
    index: r.index ? toNumber(r.index) : null,
    indexRounded: r.index ? toFixed(r.index, 4) : null,
    ikm: r.ikm ? Number(toFixed(r.ikm, 2)) : null,
    grade: r.grade,
    performance: r.grade ? PERFORMANCE[r.grade] : null,
    points: r.points ? Number(toFixed(r.points, 2)) : null,
  };
}

/** Group totals by a key (service type, profile answer); the key "" stands for "not stated". */
export class GroupedTotals {
  readonly groups = new Map<string, Totals>();
  constructor(private readonly elements: number) {}
  add(key: string, scores: readonly number[]): void {
    let t = this.groups.get(key);
    if (!t) {
      t = emptyTotals(this.elements);
      this.groups.set(key, t);
    }
    addScores(t, scores);
  }
  addTotals(key: string, totals: Totals): void {
    const t = this.groups.get(key);
    this.groups.set(key, t ? mergeTotals(t, totals) : { count: totals.count, sums: [...totals.sums] });
  }
}
