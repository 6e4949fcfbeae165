/**
 * Exact rational numbers (bigint numerator / positive bigint denominator, always reduced), so the
 * worksheet arithmetic never drifts: 0.67 × 0.5 ÷ 2 is 67/400, not a binary approximation.
 * Numbers become JS numbers only at the edge (`toNumber`), and are rounded only for display.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function frac(n: bigint | number, d: bigint | number = 1n): Fraction {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("fraction with a zero denominator");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = frac(0);
export const ONE = frac(1);

/**
 * The exact value of a decimal as written: `fromDecimal(0.67)` is 67/100 and `fromDecimal("17.5")`
 * is 35/2. A JS number is read through its shortest round-trip string, which is what the JSON said.
 */
export function fromDecimal(x: number | string): Fraction {
  const s = typeof x === "number" ? String(x) : x.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a finite decimal: ${s}`);
  const sign = m[1] === "-" ? -1n : 1n;
  const int = m[2] ?? "";
  const dec = m[3] ?? "";
  const exp = Number(m[4] ?? "0") - dec.length;
  const digits = BigInt(`${int}${dec}` || "0") * sign;
  return exp >= 0 ? frac(digits * 10n ** BigInt(exp)) : frac(digits, 10n ** BigInt(-exp));
}

export const add = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.n, a.d * b.d);
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError("division by zero");
  return frac(a.n * b.d, a.d * b.n);
}
/** -1, 0 or 1. */
export function cmp(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const eq = (a: Fraction, b: Fraction) => cmp(a, b) === 0;
export const min = (a: Fraction, b: Fraction) => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Fraction, b: Fraction) => (cmp(a, b) >= 0 ? a : b);
export const clamp = (x: Fraction, lo: Fraction, hi: Fraction) => max(lo, min(hi, x));
export const sum = (xs: Iterable<Fraction>): Fraction => {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
};

/** The nearest JS number (exact when the fraction is a short decimal such as 15.75). */
export function toNumber(x: Fraction): number {
  const SAFE = 2n ** 53n;
  if (x.n < SAFE && -x.n < SAFE && x.d < SAFE) return Number(x.n) / Number(x.d);
  // Large terms: scale to 20 significant decimals in bigint, then let Number parse the string.
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  const scale = 10n ** 20n;
  const q = (n * scale) / x.d;
  const s = q.toString().padStart(21, "0");
  return (neg ? -1 : 1) * Number(`${s.slice(0, -20)}.${s.slice(-20)}`);
}

/** Half-up rounding to `places` decimals, as a string (for display only). */
export function toFixed(x: Fraction, places = 2): string {
  const scale = 10n ** BigInt(places);
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  const q = (2n * n * scale + x.d) / (2n * x.d);
  const s = q.toString().padStart(places + 1, "0");
  const out = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return neg && q !== 0n ? `-${out}` : out;
}
