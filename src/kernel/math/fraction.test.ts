import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, cmp, div, eq, frac, fromDecimal, mul, sub, toFixed, toNumber } from "./fraction";

describe("exact fractions", () => {
  it("reads decimals as written", () => {
    expect(fromDecimal(0.67)).toEqual({ n: 67n, d: 100n });
    expect(fromDecimal("17.5")).toEqual({ n: 35n, d: 2n });
    expect(fromDecimal(3.2)).toEqual({ n: 16n, d: 5n });
    expect(fromDecimal(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
    expect(fromDecimal("-2.50")).toEqual({ n: -5n, d: 2n });
    expect(() => fromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => fromDecimal("1/3")).toThrow(RangeError);
  });

  it("does the worksheet's arithmetic without drift", () => {
    // 0.1 + 0.2 is 0.3 here; 0.67 × 0.5 ÷ 2 is 67/400.
    expect(eq(add(fromDecimal(0.1), fromDecimal(0.2)), fromDecimal(0.3))).toBe(true);
    expect(div(mul(fromDecimal(0.67), fromDecimal(0.5)), frac(2))).toEqual({ n: 67n, d: 400n });
    expect(eq(mul(div(fromDecimal(3.6), frac(4)), fromDecimal(17.5)), fromDecimal(15.75))).toBe(true);
    expect(() => div(frac(1), frac(0))).toThrow(RangeError);
  });

  it("rounds half up for display only", () => {
    expect(toFixed(fromDecimal(2.625), 2)).toBe("2.63");
    expect(toFixed(fromDecimal(2.624), 2)).toBe("2.62");
    expect(toFixed(frac(2, 3), 2)).toBe("0.67");
    expect(toFixed(frac(-1, 3), 2)).toBe("-0.33");
    expect(toFixed(frac(-1, 1000), 2)).toBe("0.00");
    expect(toFixed(fromDecimal(93.5), 0)).toBe("94");
  });

  it("round-trips short decimals through toNumber exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (i, places) => {
          const x = i / 10 ** places;
          expect(toNumber(fromDecimal(x))).toBe(x);
        },
      ),
    );
  });

  it("keeps a + b − b = a and orders consistently", () => {
    const f = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
      .map(([n, d]) => frac(n, d));
    fc.assert(
      fc.property(f, f, (a, b) => {
        expect(eq(sub(add(a, b), b), a)).toBe(true);
        expect(cmp(a, b)).toBe(-cmp(b, a) as -1 | 0 | 1);
        // The order agrees with the numbers' when both are far enough apart to tell.
        if (Math.abs(toNumber(a) - toNumber(b)) > 1e-6)
          expect(cmp(a, b)).toBe(Math.sign(toNumber(a) - toNumber(b)));
      }),
    );
  });
});
