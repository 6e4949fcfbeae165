import { add, div, type Fraction, frac, mul, sub } from "../../../kernel/math/fraction";

/**
 * Required sample size for a population, Krejcie & Morgan (1970), which PermenPAN-RB 14/2017
 * points to: S = λ²·N·P·Q / (d²·(N−1) + λ²·P·Q) with λ² = 3.841 (χ², df 1, 5 %), P = Q = 0.5,
 * d = 0.05, computed exactly and rounded half up (N = 100 → 80, 1,000 → 278, 10,000 → 370).
 */
const CHI2 = frac(3841, 1000);
const PQ = frac(1, 4);
const D2 = frac(1, 400);

export function sampleSizeExact(population: number): Fraction {
  if (!Number.isSafeInteger(population) || population < 1)
    throw new RangeError(`population must be a whole number ≥ 1, got ${population}`);
  const n = frac(population);
  return div(mul(mul(CHI2, n), PQ), add(mul(D2, sub(n, frac(1))), mul(CHI2, PQ)));
}

export function sampleSize(population: number): number {
  const s = sampleSizeExact(population);
  // half up: floor(s + 1/2)
  const twice = add(s, frac(1, 2));
  const rounded = Number(twice.n / twice.d);
  return Math.min(population, rounded);
}
