import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import { eq, type Fraction, frac, fromDecimal, sum } from "../../../kernel/math/fraction";
import {
  indexRubric,
  listRubrics,
  loadRubric,
  parseRubric,
  questionsOf,
  RUBRIC_IDS,
  type Rubric,
  validateRubric,
} from "./rubric";

/**
 * The rubric files against the regulation's numbers (rules-1 §1.4–§1.7), recomputed here from the
 * raw data with exact fractions, and `validateRubric` against deliberately broken copies.
 */

const w = (x: number): Fraction => fromDecimal(x);
const total = (xs: number[]) => sum(xs.map(w));
const same = (a: Fraction, b: number) => eq(a, w(b));

/** The value table of the worksheet (rules-1 §1.7), written out independently of the code. */
const VALUE_TABLE: Record<string, Array<[string, number]>> = {
  yes_no: [
    ["Ya", 1],
    ["Tidak", 0],
  ],
  abc: [
    ["A", 1],
    ["B", 0.5],
    ["C", 0],
  ],
  abcd: [
    ["A", 1],
    ["B", 0.67],
    ["C", 0.33],
    ["D", 0],
  ],
  abcde: [
    ["A", 1],
    ["B", 0.75],
    ["C", 0.5],
    ["D", 0.25],
    ["E", 0],
  ],
};
const TYPES = ["yes_no", "abc", "abcd", "abcde", "counts", "survey_index"];

function allKeys(r: Rubric): string[] {
  return r.components.flatMap((c) => [
    c.key,
    ...c.areas.flatMap((a) => [
      a.key,
      ...a.subpillars.flatMap((s) => [s.key, ...s.questions.map((q) => q.key)]),
    ]),
  ]);
}

const copy = (): Rubric => structuredClone(loadRubric("permenpanrb-90-2021"));

describe("every rubric file", () => {
  it("lists the three editions", () => {
    expect([...RUBRIC_IDS].sort()).toEqual([
      "permenpanrb-10-2019",
      "permenpanrb-52-2014",
      "permenpanrb-90-2021",
    ]);
  });

  describe.each(RUBRIC_IDS)("%s", (id) => {
    const r = loadRubric(id);

    it("parses, validates and declares its own id", () => {
      expect(r.id).toBe(id);
      expect(validateRubric(r)).toEqual([]);
    });

    it("adds up: pengungkit 60 + hasil 40 = 100, each area to its component", () => {
      const byKind = (k: string) => total(r.components.filter((c) => c.kind === k).map((c) => c.weight));
      expect(same(byKind("pengungkit"), 60)).toBe(true);
      expect(same(byKind("hasil"), 40)).toBe(true);
      expect(same(total(r.components.map((c) => c.weight)), 100)).toBe(true);
      for (const c of r.components)
        expect(same(total(c.areas.map((a) => a.weight)), c.weight), c.key).toBe(true);
      for (const a of r.components.flatMap((c) => c.areas))
        if (a.subpillars.length)
          expect(same(total(a.subpillars.map((s) => s.weight)), a.weight), a.key).toBe(true);
    });

    it("has unique keys, each under its parent", () => {
      const keys = allKeys(r);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of r.components)
        for (const a of c.areas) {
          expect(a.key.startsWith(`${c.key}.`)).toBe(true);
          for (const s of a.subpillars) {
            expect(s.key.startsWith(`${a.key}.`)).toBe(true);
            for (const q of s.questions) expect(q.key.startsWith(`${s.key}.`)).toBe(true);
          }
        }
    });

    it("gives every question a known answer type and the worksheet's option values", () => {
      for (const { question: q } of questionsOf(r)) {
        expect(TYPES).toContain(q.answerType);
        const table = VALUE_TABLE[q.answerType];
        if (table)
          expect(
            q.options.map((o) => [o.code, o.value]),
            q.key,
          ).toEqual(table);
        if (q.answerType === "counts") {
          expect(q.options, q.key).toEqual([]);
          expect(q.counts?.length, q.key).toBeGreaterThan(0);
          expect(q.compute, q.key).toBeDefined();
        }
        if (q.answerType === "survey_index") expect(q.scale, q.key).toEqual({ min: 1, max: 4 });
      }
    });

    it("flags every gate whose source is a single secondary source or unconfirmed", () => {
      for (const g of r.thresholds.gates)
        if (g.confidence === "S" || g.confidence === "U") expect(g.confirmed, g.key).toBe(false);
    });
  });
});

describe("PermenPAN-RB 90/2021", () => {
  const r = loadRubric("permenpanrb-90-2021");
  const component = (k: string) => r.components.find((c) => c.key === k)!;

  it("splits pengungkit into pemenuhan 30 + reform 30, each with the six areas of rules-1 §1.4", () => {
    expect(component("pemenuhan").weight).toBe(30);
    expect(component("reform").weight).toBe(30);
    expect(component("hasil").weight).toBe(40);
    const areas = (k: string) => component(k).areas.map((a) => [a.key.split(".")[1], a.weight]);
    const expected = [
      ["mp", 4],
      ["tt", 3.5],
      ["sdm", 5],
      ["ak", 5],
      ["pw", 7.5],
      ["pp", 5],
    ];
    expect(areas("pemenuhan")).toEqual(expected);
    expect(areas("reform")).toEqual(expected);
    // Hasil (rules-1 §1.4, §1.8): bersih & akuntabel 22.5 = IPAK 17.5 + capaian kinerja 5; IPKP 17.5.
    expect(component("hasil").areas.map((a) => [a.key, a.weight])).toEqual([
      ["hasil.bersih-akuntabel", 22.5],
      ["hasil.pelayanan-prima", 17.5],
    ]);
  });

  it("has 113 items: 87 pemenuhan + 23 reform + 3 hasil, in 42 + 3 sub-pillars", () => {
    const count = (k: string) => questionsOf(r).filter((e) => e.component.key === k).length;
    expect([count("pemenuhan"), count("reform"), count("hasil")]).toEqual([87, 23, 3]);
    const subpillars = r.components.flatMap((c) => c.areas.flatMap((a) => a.subpillars));
    expect(subpillars).toHaveLength(45);
    const byType: Record<string, number> = {};
    for (const { question } of questionsOf(r))
      byType[question.answerType] = (byType[question.answerType] ?? 0) + 1;
    expect(byType).toEqual({ yes_no: 17, abc: 36, abcd: 33, abcde: 17, counts: 8, survey_index: 2 });
  });

  it("has IPAK and IPKP as the only survey-index questions, IPAK first", () => {
    const surveys = questionsOf(r).filter((e) => e.question.answerType === "survey_index");
    expect(surveys.map((e) => e.question.key)).toEqual([
      "hasil.bersih-akuntabel.ipak.a",
      "hasil.pelayanan-prima.ipkp.a",
    ]);
    expect(surveys.map((e) => e.subpillar.weight)).toEqual([17.5, 17.5]);
  });

  it("splits each sub-pillar's weight equally among its questions", () => {
    const idx = indexRubric(r);
    // Pengelolaan akuntabilitas kinerja: 2.50 over 8 questions = 0.3125 each.
    expect(eq(idx.questions.get("pemenuhan.ak.pengelolaan-akuntabilitas.a")!.share, frac(5, 16))).toBe(true);
    // Pemantauan dan evaluasi: 1.00 over 3 questions = 1/3 each (kept exact, never 0.333…).
    expect(eq(idx.questions.get("pemenuhan.mp.pemantauan-evaluasi.b")!.share, frac(1, 3))).toBe(true);
    // IPAK alone in its sub-pillar: the whole 17.5.
    expect(eq(idx.questions.get("hasil.bersih-akuntabel.ipak.a")!.share, w(17.5))).toBe(true);
  });

  it("carries the WBK/WBBM minimums of rules-1 §1.9", () => {
    const gates = Object.fromEntries(r.thresholds.gates.map((g) => [g.key, [g.wbk, g.wbbm]]));
    expect(gates).toEqual({
      total: [75, 85],
      pengungkit: [40, 48],
      area: [0.6, 0.75],
      "hasil.bersih-akuntabel": [18.25, 19.5],
      "hasil.ipak": [15.75, 15.75],
      "hasil.capaian-kinerja": [2.5, 3.75],
      "hasil.ipkp": [14, 15.75],
      "prior-wbk": [null, "WBK"],
    });
  });
});

describe("listRubrics / loadRubric", () => {
  it("summarises each rubric with its question count", () => {
    const list = listRubrics();
    expect(list.map((r) => [r.id, r.status, r.questions])).toEqual([
      ["permenpanrb-90-2021", "complete", 113],
      ["permenpanrb-10-2019", "partial", 0],
      ["permenpanrb-52-2014", "partial", 0],
    ]);
    for (const r of list) expect(r.regulation).toMatch(/^PermenPAN-RB \d+\/\d{4}$/);
  });

  it("refuses an unknown id, including names inherited from Object", () => {
    for (const id of ["nope", "toString", "__proto__"]) {
      const err = (() => {
        try {
          loadRubric(id);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe("ZI_RUBRIC_NOT_FOUND");
      expect((err as DomainError).params.rubric).toBe(id);
    }
  });
});

describe("validateRubric catches a broken copy", () => {
  it("a duplicate question key", () => {
    const r = copy();
    const sp = r.components[0]!.areas[0]!.subpillars[0]!;
    sp.questions[1]!.key = sp.questions[0]!.key;
    expect(validateRubric(r)).toContain(`duplicate key ${sp.questions[0]!.key}`);
  });

  it("sub-pillar weights that no longer add up to the area", () => {
    const r = copy();
    r.components[0]!.areas[0]!.subpillars[0]!.weight = 0.75; // 0.75 + 1 + 1 + 1.5 = 4.25 ≠ 4
    expect(validateRubric(r)).toContain("sub-pillars of pemenuhan.mp sum to 17/4, not 4");
  });

  it("weight moved from hasil to pengungkit (total still 100)", () => {
    const r = copy();
    r.components[0]!.weight = 35;
    r.components[0]!.areas[0]!.weight = 9;
    r.components[0]!.areas[0]!.subpillars[0]!.weight = 5.5;
    r.components[2]!.weight = 35;
    r.components[2]!.areas[0]!.weight = 17.5;
    r.components[2]!.areas[0]!.subpillars[0]!.weight = 12.5;
    const problems = validateRubric(r);
    expect(problems).toContain("pengungkit components sum to 65, not 60");
    expect(problems).toContain("hasil components sum to 35, not 40");
    expect(problems.some((p) => p.startsWith("component weights"))).toBe(false);
  });

  it("an option value off the value table, and a missing option", () => {
    const r = copy();
    const q = r.components[0]!.areas[0]!.subpillars[2]!.questions[0]!; // abcd
    q.options[1]!.value = 0.66;
    const q2 = r.components[0]!.areas[0]!.subpillars[0]!.questions[1]!; // abc
    q2.options.pop();
    const problems = validateRubric(r);
    expect(problems.some((p) => p.startsWith(`${q.key}: options`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${q2.key}: options`))).toBe(true);
  });

  it("a counts formula naming a count that does not exist", () => {
    const r = copy();
    const q = questionsOf(r).find((e) => e.question.key === "reform.ak.capaian-kinerja.a")!.question;
    if (q.compute?.kind === "ratio") q.compute.numerator = ["jumlah_sasaran_tercapi"];
    expect(validateRubric(r)).toContain(
      "reform.ak.capaian-kinerja.a: formula names unknown count jumlah_sasaran_tercapi",
    );
  });

  it("gates: unknown target, threshold beyond reach, WBBM below WBK, [S] marked confirmed", () => {
    const r = copy();
    const gate = (k: string) => r.thresholds.gates.find((g) => g.key === k)!;
    const ipak = gate("hasil.ipak");
    if (ipak.kind === "score") ipak.wbk = 157.5;
    const ipkp = gate("hasil.ipkp");
    if (ipkp.kind === "score") ipkp.target = "hasil.pelayanan-prima.ipkq";
    const area = gate("area");
    if (area.kind === "areaShare") area.wbbm = 0.5;
    gate("total").confirmed = true;
    const problems = validateRubric(r);
    expect(problems).toContain(
      "gate hasil.ipak asks 157.5, more than hasil.bersih-akuntabel.ipak can reach (35/2)",
    );
    expect(problems).toContain("gate hasil.ipak: the WBBM threshold 15.75 is below the WBK threshold 157.5");
    expect(problems).toContain("gate hasil.ipkp targets unknown node hasil.pelayanan-prima.ipkq");
    expect(problems).toContain("gate area: the WBBM threshold 0.5 is below the WBK threshold 0.6");
    expect(problems).toContain("gate total has confidence S but is marked confirmed");
  });

  it("parseRubric rejects a shape error and names the path", () => {
    const raw = copy() as unknown as { components: Array<{ areas: Array<{ subpillars: any[] }> }> };
    raw.components[0]!.areas[0]!.subpillars[0]!.questions[0].answerType = "yes_or_no";
    expect(() => parseRubric(raw)).toThrow(
      /components\.0\.areas\.0\.subpillars\.0\.questions\.0\.answerType/,
    );
  });
});
