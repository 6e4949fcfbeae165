import { describe, expect, it } from "vitest";
import { eq, type Fraction, frac, fromDecimal, toFixed } from "../../../kernel/math/fraction";
import type { Answer } from "./answers";
import { loadRubric, questionsOf } from "./rubric";
import { scoreAnswers } from "./scoring";

/**
 * Golden cases for the LKE 90/2021 arithmetic (rules-1 §1.7–§1.9), each worked out by hand in the
 * comments: question points = value × sub-pillar weight ÷ questions in the sub-pillar, summed up the
 * tree; survey indices convert linearly (points = index ÷ 4 × 17.5). All comparisons are exact.
 */

const rubric = loadRubric("permenpanrb-90-2021");
const d = (x: number | string): Fraction => fromDecimal(x);
/** Exact equality; the message shows both sides to 10 decimals when it fails. */
function expectExact(actual: Fraction | null | undefined, expected: Fraction) {
  expect(actual, "a number, not null").toBeTruthy();
  const show = (x: Fraction) => `${toFixed(x, 10)} (${x.n}/${x.d})`;
  expect(eq(actual!, expected), `${show(actual!)} should be exactly ${show(expected)}`).toBe(true);
}

/** Counts giving full marks and zero, per count question (hand-chosen, in each question's count order). */
const COUNTS_BEST: Record<string, number[]> = {
  "reform.mp.komitmen-perubahan.a": [5, 7], // 5 agents, 7 changes: 7/5 capped at 1
  "reform.mp.komitmen-perubahan.b": [7, 7], // 7 changes, all 7 integrated
  "reform.sdm.pelanggaran-disiplin.a": [4, 0, 0], // 4 violations last year, none this year: decrease 100%
  "reform.ak.capaian-kinerja.a": [6, 6], // 6 targets, all 6 met
  "reform.pw.penanganan-pengaduan.a": [12, 0, 12], // 12 to follow up, 12 completed
  "reform.pw.laporan-harta-kekayaan.a": [1, 3, 2, 6], // 6 obliged, 6 filed
  "reform.pw.laporan-harta-kekayaan.b": [4, 9, 30, 43], // 43 obliged, 43 filed
  "reform.pp.inovasi-pelayanan.b": [10, 10], // 10 services, 10 simplified
};
const COUNTS_WORST: Record<string, number[]> = {
  "reform.mp.komitmen-perubahan.a": [5, 0],
  "reform.mp.komitmen-perubahan.b": [7, 0],
  "reform.sdm.pelanggaran-disiplin.a": [4, 6, 2], // violations went up: no decrease, value 0
  "reform.ak.capaian-kinerja.a": [6, 0],
  "reform.pw.penanganan-pengaduan.a": [12, 12, 0], // all still in process
  "reform.pw.laporan-harta-kekayaan.a": [1, 3, 2, 0],
  "reform.pw.laporan-harta-kekayaan.b": [4, 9, 30, 0],
  "reform.pp.inovasi-pelayanan.b": [10, 0],
};
const BEST_LETTER: Record<string, string> = { yes_no: "ya", abc: "A", abcd: "A", abcde: "A" };
const WORST_LETTER: Record<string, string> = { yes_no: "tidak", abc: "C", abcd: "D", abcde: "E" };

function sheet(kind: "best" | "worst", surveys: number | null): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const { question: q } of questionsOf(rubric)) {
    if (q.answerType === "counts")
      out[q.key] = { counts: (kind === "best" ? COUNTS_BEST : COUNTS_WORST)[q.key]! };
    else if (q.answerType === "survey_index") out[q.key] = surveys;
    else out[q.key] = (kind === "best" ? BEST_LETTER : WORST_LETTER)[q.answerType]!;
  }
  return out;
}

describe("whole worksheets", () => {
  it("the count fixtures cover exactly the rubric's count questions", () => {
    const counts = questionsOf(rubric)
      .filter((e) => e.question.answerType === "counts")
      .map((e) => e.question.key);
    expect(counts.sort()).toEqual(Object.keys(COUNTS_BEST).sort());
  });

  it("all best answers (surveys at 4, counts at full): pengungkit exactly 60, total exactly 100", () => {
    const s = scoreAnswers(rubric, sheet("best", 4));
    expectExact(s.pemenuhan, d(30));
    expectExact(s.reform, d(30));
    expectExact(s.pengungkit, d(60));
    expectExact(s.hasil, d(40));
    expectExact(s.total, d(100));
    for (const a of s.areas) expect(eq(a.score, a.weight), a.key).toBe(true);
  });

  it("all worst answers (counts at zero, surveys unanswered): exactly 0", () => {
    const s = scoreAnswers(rubric, sheet("worst", null));
    expectExact(s.total, d(0));
    expect(s.questions.get("hasil.bersih-akuntabel.ipak.a")!.answered).toBe(false);
    expect(s.questions.get("pemenuhan.mp.tim-kerja.a")!.answered).toBe(true);
  });

  it("all worst answers with both surveys at the bottom of the scale (1): 2 × 1/4 × 17.5 = 8.75", () => {
    const s = scoreAnswers(rubric, sheet("worst", 1));
    expectExact(s.pengungkit, d(0));
    expectExact(s.total, d(8.75));
  });

  it("no answers at all: 0, every question unanswered", () => {
    const s = scoreAnswers(rubric, {});
    expectExact(s.total, d(0));
    expect([...s.questions.values()].every((q) => !q.answered)).toBe(true);
  });

  it("a realistic finish: pengungkit full, IPAK 3.60, capaian B, IPKP 3.20 → 60 + 15.75 + 3.75 + 14 = 93.5", () => {
    const s = scoreAnswers(rubric, {
      ...sheet("best", 4),
      "hasil.bersih-akuntabel.ipak.a": 3.6, // 3.6 / 4 × 17.5 = 15.75
      "hasil.bersih-akuntabel.capaian-kinerja.a": "B", // 0.75 × 5 = 3.75
      "hasil.pelayanan-prima.ipkp.a": 3.2, // 3.2 / 4 × 17.5 = 14
    });
    expectExact(s.points.get("hasil.bersih-akuntabel"), d(19.5));
    expectExact(s.hasil, d(33.5));
    expectExact(s.total, d(93.5));
  });
});

describe("answer types", () => {
  const one = (key: string, answer: Answer) => scoreAnswers(rubric, { [key]: answer });
  const value = (key: string, answer: Answer) => one(key, answer).questions.get(key)!.value;

  it("Ya/Tidak = 1/0 (any case)", () => {
    const k = "pemenuhan.mp.tim-kerja.a";
    expectExact(value(k, "ya"), d(1));
    expectExact(value(k, "Ya"), d(1));
    expectExact(value(k, "TIDAK"), d(0));
  });

  it("A/B/C = 1/0.5/0", () => {
    const k = "pemenuhan.mp.tim-kerja.b";
    expect(["A", "B", "C"].map((a) => toFixed(value(k, a), 4))).toEqual(["1.0000", "0.5000", "0.0000"]);
    expectExact(value(k, "b"), d(0.5));
  });

  it("A–D = 1/0.67/0.33/0", () => {
    const k = "pemenuhan.mp.pemantauan-evaluasi.a";
    expect(["A", "B", "C", "D"].map((a) => toFixed(value(k, a), 4))).toEqual([
      "1.0000",
      "0.6700",
      "0.3300",
      "0.0000",
    ]);
  });

  it("A–E = 1/0.75/0.5/0.25/0", () => {
    const k = "pemenuhan.tt.sop.b";
    expect(["A", "B", "C", "D", "E"].map((a) => toFixed(value(k, a), 4))).toEqual([
      "1.0000",
      "0.7500",
      "0.5000",
      "0.2500",
      "0.0000",
    ]);
  });

  it("counts: the ratio, capped at 1; array or keyed form", () => {
    // Capaian kinerja unit (reform.ak, weight 2, one question): 6 of 8 targets met → 0.75 × 2 = 1.5.
    const s = one("reform.ak.capaian-kinerja.a", { counts: [8, 6] });
    expectExact(s.questions.get("reform.ak.capaian-kinerja.a")!.value, frac(3, 4));
    expectExact(s.points.get("reform.ak.capaian-kinerja.a"), d(1.5));
    const keyed = value("reform.ak.capaian-kinerja.a", {
      counts: { jumlah_sasaran_tercapai: 6, jumlah_sasaran: 8 },
    });
    expectExact(keyed, frac(3, 4));
    // Komitmen dalam perubahan (weight 2, two questions → 1 each): 15 changes by 10 agents caps at 1.
    expectExact(one("reform.mp.komitmen-perubahan.a", { counts: [10, 15] }).total, d(1));
    // A zero denominator gives 0, not an error.
    expectExact(value("reform.mp.komitmen-perubahan.a", { counts: [0, 3] }), d(0));
    // Penanganan pengaduan (weight 3): 15 of 20 completed (5 in process) → 0.75 × 3 = 2.25.
    expectExact(one("reform.pw.penanganan-pengaduan.a", { counts: [20, 5, 15] }).total, d(2.25));
    // LHKPN (weight 2, two questions → 1 each): 8 of 2 + 3 + 5 = 10 filed → 0.8.
    expectExact(one("reform.pw.laporan-harta-kekayaan.a", { counts: [2, 3, 5, 8] }).total, d(0.8));
  });

  it("counts: the discipline decrease (last year − this year) ÷ last year, clamped to 0–1", () => {
    const k = "reform.sdm.pelanggaran-disiplin.a"; // weight 2, one question
    expectExact(one(k, { counts: [10, 4, 4] }).total, d(1.2)); // (10 − 4) / 10 = 0.6 → 1.2 points
    expectExact(value(k, { counts: [10, 12, 3] }), d(0)); // more violations: 0, never negative
    expectExact(value(k, { counts: [0, 0, 0] }), d(0)); // nothing last year: 0 (unspecified by the sources)
  });

  it("{value: v} gives the value directly, on any question", () => {
    // Komitmen pimpinan (reform.mp, weight 1, one question): 0.4 × 1 = 0.4.
    expectExact(one("reform.mp.komitmen-pimpinan.a", { value: 0.4 }).total, d(0.4));
    expectExact(value("reform.ak.capaian-kinerja.a", { value: 0.25 }), d(0.25));
    expectExact(value("hasil.bersih-akuntabel.ipak.a", { value: 0.9 }), d(0.9));
  });

  it("survey indices: IPKP 3.20 → 14.00, IPAK 3.60 → 15.75 (index ÷ 4 × 17.5)", () => {
    expectExact(one("hasil.pelayanan-prima.ipkp.a", 3.2).total, d(14));
    expectExact(one("hasil.bersih-akuntabel.ipak.a", 3.6).total, d(15.75));
    expectExact(one("hasil.bersih-akuntabel.ipak.a", 4).total, d(17.5));
    expectExact(one("hasil.bersih-akuntabel.ipak.a", 2.87).total, d(12.55625)); // 2.87 / 4 × 17.5
  });
});

describe("question points = value × sub-pillar weight ÷ questions in the sub-pillar", () => {
  it("Penyusunan Tim Kerja (0.5 over 2 questions, 0.25 each): Ya, B → 0.25 + 0.125 = 0.375", () => {
    const s = scoreAnswers(rubric, { "pemenuhan.mp.tim-kerja.a": "ya", "pemenuhan.mp.tim-kerja.b": "B" });
    expectExact(s.questions.get("pemenuhan.mp.tim-kerja.a")!.share, d(0.25));
    expectExact(s.points.get("pemenuhan.mp.tim-kerja.a"), d(0.25));
    expectExact(s.points.get("pemenuhan.mp.tim-kerja.b"), d(0.125));
    expectExact(s.points.get("pemenuhan.mp.tim-kerja"), d(0.375));
  });

  it("Pemantauan dan Evaluasi (1.00 over 3 A–D questions): A, B, C → (1 + 0.67 + 0.33) / 3 = 2/3 exactly", () => {
    const s = scoreAnswers(rubric, {
      "pemenuhan.mp.pemantauan-evaluasi.a": "A",
      "pemenuhan.mp.pemantauan-evaluasi.b": "B",
      "pemenuhan.mp.pemantauan-evaluasi.c": "C",
    });
    expectExact(s.points.get("pemenuhan.mp.pemantauan-evaluasi.b"), frac(67, 300));
    expectExact(s.points.get("pemenuhan.mp.pemantauan-evaluasi"), frac(2, 3));
  });

  it("Pengelolaan Akuntabilitas Kinerja (2.50 over 8 questions, 0.3125 each)", () => {
    // a Ya (1), b Tidak (0), c Ya (1), d B (0.67), e Ya (1), f B (0.5), g Ya (1), h C (0)
    // Σ values = 5.17 → 5.17 × 0.3125 = 1.615625
    const s = scoreAnswers(rubric, {
      "pemenuhan.ak.pengelolaan-akuntabilitas.a": "ya",
      "pemenuhan.ak.pengelolaan-akuntabilitas.b": "tidak",
      "pemenuhan.ak.pengelolaan-akuntabilitas.c": "ya",
      "pemenuhan.ak.pengelolaan-akuntabilitas.d": "B",
      "pemenuhan.ak.pengelolaan-akuntabilitas.e": "ya",
      "pemenuhan.ak.pengelolaan-akuntabilitas.f": "B",
      "pemenuhan.ak.pengelolaan-akuntabilitas.g": "ya",
      "pemenuhan.ak.pengelolaan-akuntabilitas.h": "C",
    });
    expectExact(s.points.get("pemenuhan.ak.pengelolaan-akuntabilitas"), d(1.615625));
    expectExact(s.points.get("pemenuhan.ak"), d(1.615625));
  });

  it("the whole Manajemen Perubahan area (pemenuhan, weight 4)", () => {
    // tim-kerja     0.5/2:  Ya, B            → 0.25 × (1 + 0.5)              = 0.375
    // rencana-zi    1/3:    Ya, A, C         → (1 + 1 + 0) / 3               = 2/3
    // pemantauan    1/3:    A, B, C          → (1 + 0.67 + 0.33) / 3         = 2/3
    // pola-pikir    1.5/4:  Ya, B, A, B(A–D) → 0.375 × (1 + 0.5 + 1 + 0.67)  = 1.18875
    // area = 0.375 + 4/3 + 1.18875 = 1.56375 + 4/3 = 6953/2400 ≈ 2.8971
    const s = scoreAnswers(rubric, {
      "pemenuhan.mp.tim-kerja.a": "ya",
      "pemenuhan.mp.tim-kerja.b": "B",
      "pemenuhan.mp.rencana-zi.a": "ya",
      "pemenuhan.mp.rencana-zi.b": "A",
      "pemenuhan.mp.rencana-zi.c": "C",
      "pemenuhan.mp.pemantauan-evaluasi.a": "A",
      "pemenuhan.mp.pemantauan-evaluasi.b": "B",
      "pemenuhan.mp.pemantauan-evaluasi.c": "C",
      "pemenuhan.mp.pola-pikir-budaya-kerja.a": "ya",
      "pemenuhan.mp.pola-pikir-budaya-kerja.b": "B",
      "pemenuhan.mp.pola-pikir-budaya-kerja.c": "A",
      "pemenuhan.mp.pola-pikir-budaya-kerja.d": "B",
    });
    expectExact(s.points.get("pemenuhan.mp.pola-pikir-budaya-kerja"), d(1.18875));
    expectExact(s.points.get("pemenuhan.mp"), frac(6953, 2400));
    expectExact(s.pemenuhan, frac(6953, 2400));
    expectExact(s.total, frac(6953, 2400));
    expect(toFixed(s.total, 2)).toBe("2.90");
  });
});
