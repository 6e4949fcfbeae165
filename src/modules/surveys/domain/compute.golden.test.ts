import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { div, eq, frac, fromDecimal, mul, sum, toFixed } from "../../../kernel/math/fraction";
import { addScores, computeIndex, emptyTotals, gradeOf, toWire, weakestFirst } from "./compute";
import { readScoresCsv } from "./csv";
import { builtInKind, SKM_KIND_ID } from "./kinds";
import { sampleSize } from "./sample";

const U = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

/** Totals with the given sums per element over `count` respondents. */
const totals = (count: number, sums: number[]) => ({ count, sums });

describe("IKM golden cases (PermenPAN-RB 14/2017), hand-checked", () => {
  it("ten respondents: NRR per element, exact 1/9 weight, IKM 79.17 grade B", () => {
    // Sums per element over 10 respondents; NRR = sum / 10.
    const r = computeIndex(U, totals(10, [32, 30, 28, 40, 31, 33, 35, 29, 27]));
    expect(r.elements.map((e) => toFixed(e.nrr, 1))).toEqual([
      "3.2",
      "3.0",
      "2.8",
      "4.0",
      "3.1",
      "3.3",
      "3.5",
      "2.9",
      "2.7",
    ]);
    expect(r.weight).toEqual(frac(1, 9));
    // Σ NRR = 28.5; index = 28.5 / 9 = 19/6 exactly; IKM = 19/6 × 25 = 475/6 = 79.1666…
    expect(r.index).toEqual(frac(19, 6));
    expect(r.ikm).toEqual(frac(475, 6));
    expect(r.ikmRounded).toBe("79.17");
    expect(r.grade).toBe("B");
    // A rounded weight of 0.111 would have given 28.5 × 0.111 × 25 = 79.09 — not what we publish.
    expect(toFixed(mul(mul(fromDecimal("28.5"), fromDecimal("0.111")), frac(25)), 2)).toBe("79.09");
    expect(toWire(U, r)).toMatchObject({ ikm: 79.17, grade: "B", performance: { id: "Baik" } });
  });

  it("every respondent answering 4 gives IKM 100 (A), every respondent answering 1 gives 25 (D)", () => {
    expect(computeIndex(U, totals(3, Array(9).fill(12))).ikmRounded).toBe("100.00");
    expect(computeIndex(U, totals(3, Array(9).fill(12))).grade).toBe("A");
    const low = computeIndex(U, totals(3, Array(9).fill(3)));
    expect(low.ikmRounded).toBe("25.00");
    expect(low.grade).toBe("D");
  });

  // 100 respondents × 9 elements: IKM = 25 × S / 900 = S / 36, where S is the sum of all 900 scores.
  const withTotal = (s: number) => {
    const base = Math.floor(s / 9);
    const sums = Array(9).fill(base);
    for (let i = 0; i < s - base * 9; i++) sums[i] += 1;
    return computeIndex(U, totals(100, sums));
  };
  it.each([
    [2339, "64.97", "D"],
    [2340, "65.00", "C"],
    [2757, "76.58", "C"],
    [2758, "76.61", "B"], // 76.6111… rounds to 76.61 → B
    [3178, "88.28", "B"],
    [3179, "88.31", "A"], // 88.3055… is below 88.31 unrounded, but the rule rounds first
  ])("grade boundary: total %i over 100 respondents → IKM %s grade %s", (s, ikm, grade) => {
    const r = withTotal(s);
    expect(r.ikmRounded).toBe(ikm);
    expect(r.grade).toBe(grade);
  });

  it.each([
    ["64.99", "D"],
    ["64.994999", "D"],
    ["64.995", "C"],
    ["65.00", "C"],
    ["76.60", "C"],
    ["76.604", "C"],
    ["76.605", "B"],
    ["76.61", "B"],
    ["88.30", "B"],
    ["88.3049", "B"],
    ["88.305", "A"],
    ["88.31", "A"],
    ["100", "A"],
    ["25", "D"],
  ])("gradeOf(%s) = %s (round to two decimals, then classify)", (v, g) => {
    expect(gradeOf(fromDecimal(v))).toBe(g);
  });

  it("perception survey: IPAK index 3.6 gives exactly 15.75 LKE points, IPKP 3.2 gives 14.00", () => {
    const ipak = builtInKind("ipak-zi-v1")!;
    const codes = ipak.elements.map((e) => e.code);
    expect(codes).toHaveLength(5);
    const r = computeIndex(codes, totals(10, [36, 36, 36, 36, 36]));
    expect(r.index).toEqual(frac(18, 5));
    expect(r.points).toEqual(fromDecimal("15.75"));
    const ipkp = builtInKind("ipkp-zi-v1")!;
    expect(ipkp.elements).toHaveLength(8);
    const q = computeIndex(
      ipkp.elements.map((e) => e.code),
      totals(5, [16, 16, 16, 16, 16, 16, 16, 16]),
    );
    expect(q.points).toEqual(fromDecimal("14"));
  });

  it("no respondents: no index and no grade (not a zero)", () => {
    const r = computeIndex(U, emptyTotals(9));
    expect(r.index).toBeNull();
    expect(r.grade).toBeNull();
    expect(toWire(U, r).elements[0]!.nrr).toBeNull();
  });

  it("weakest first orders by NRR then code", () => {
    const r = computeIndex(U, totals(10, [32, 30, 28, 40, 31, 33, 35, 29, 27]));
    expect(
      weakestFirst(r.elements)
        .map((e) => e.code)
        .slice(0, 3),
    ).toEqual(["U9", "U3", "U8"]);
  });
});

describe("SKM kind file", () => {
  it("has the nine elements U1 persyaratan … U9 penanganan pengaduan on a 1–4 scale", () => {
    const k = builtInKind(SKM_KIND_ID)!;
    expect(k.regulation).toBe("PermenPAN-RB 14/2017");
    expect(k.elements.map((e) => e.code)).toEqual(U);
    expect(k.elements[0]!.label.id).toBe("Persyaratan");
    expect(k.elements[8]!.label.id).toMatch(/^Penanganan pengaduan/);
    expect(k.scale).toEqual({ min: 1, max: 4 });
  });
});

describe("IKM properties", () => {
  const respondents = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), {
    minLength: 1,
    maxLength: 60,
  });
  it("index = mean of the NRR, weight exactly 1/9, IKM within 25–100, grade agrees with the bands", () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        const t = emptyTotals(9);
        for (const r of rows) addScores(t, r);
        const res = computeIndex(U, t);
        const mean = div(sum(res.elements.map((e) => e.nrr)), frac(9));
        expect(eq(res.index!, mean)).toBe(true);
        for (const e of res.elements) expect(eq(e.weighted, div(e.nrr, frac(9)))).toBe(true);
        const ikm = Number(res.ikmRounded);
        expect(ikm).toBeGreaterThanOrEqual(25);
        expect(ikm).toBeLessThanOrEqual(100);
        const g = ikm >= 88.31 ? "A" : ikm >= 76.61 ? "B" : ikm >= 65 ? "C" : "D";
        expect(res.grade).toBe(g);
      }),
    );
  });
});

describe("Krejcie–Morgan sample size", () => {
  it.each([
    [100, 80],
    [200, 132],
    [300, 169],
    [500, 217],
    [1000, 278],
    [2000, 322],
    [5000, 357],
    [10000, 370],
    [50000, 381],
    [1000000, 384],
  ])("N = %i → %i", (n, s) => {
    expect(sampleSize(n)).toBe(s);
  });
  it("never more than the population, and refuses nonsense", () => {
    expect(sampleSize(1)).toBe(1);
    expect(sampleSize(10)).toBe(10);
    expect(() => sampleSize(0)).toThrow(RangeError);
    expect(() => sampleSize(2.5)).toThrow(RangeError);
  });
  it("grows with the population", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        expect(sampleSize(n + 1)).toBeGreaterThanOrEqual(sampleSize(n));
        expect(sampleSize(n)).toBeLessThanOrEqual(384);
      }),
    );
  });
});

describe("CSV input", () => {
  it("reads U1…U9 among other columns, in any order, with ; separators", () => {
    const csv = "no;U9;nama;U1;U2;U3;U4;U5;U6;U7;U8\n1;4;x;3;3;3;3;3;3;3;2\n";
    expect(readScoresCsv(csv, U)).toEqual([[3, 3, 3, 3, 3, 3, 3, 2, 4]]);
  });
  it("names the row and the column of a bad score", () => {
    const csv = `${U.join(",")}\n4,4,4,4,4,4,4,4,4\n4,4,5,4,4,4,4,4,4\n`;
    expect(() => readScoresCsv(csv, U)).toThrow("row 3, column U3: '5' is not a whole score from 1 to 4");
    expect(() => readScoresCsv(`${U.join(",")}\n4,4,4,4,,4,4,4,4\n`, U)).toThrow("row 2, column U5");
    expect(() => readScoresCsv("U1,U2\n1,2\n", U)).toThrow("column U3");
    expect(() => readScoresCsv(`${U.join(",")}\n`, U)).toThrow("no respondents");
    expect(() => readScoresCsv(`${U.join(",")}\n4,4,4,4,4,4,4,4,3.5\n`, U)).toThrow("row 2, column U9");
  });
  it("handles quoted cells with separators and newlines", () => {
    const csv = `komentar,${U.join(",")}\r\n"baik, ""cepat""\nsekali",1,2,3,4,1,2,3,4,1\r\n`;
    expect(readScoresCsv(csv, U)).toEqual([[1, 2, 3, 4, 1, 2, 3, 4, 1]]);
  });
});
