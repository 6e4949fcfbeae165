import { describe, expect, it } from "vitest";
import { DomainError, renderMessage } from "../../../kernel/http/errors";
import { type Answer, answerFileSchema, answerValue } from "./answers";
import { ziErrors } from "./errors";
import { loadRubric } from "./rubric";
import { scoreAnswers } from "./scoring";

/**
 * Bad answers are refused with a DomainError that names the question (its rubric key), and the
 * catalogue message renders with no placeholder left over, in both languages.
 */

const rubric = loadRubric("permenpanrb-90-2021");

function refusal(key: string, answer: Answer): DomainError {
  try {
    answerValue(rubric, key, answer);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error(`answer ${JSON.stringify(answer)} to ${key} was accepted`);
}

function expectRefused(key: string, answer: Answer, code: string) {
  const err = refusal(key, answer);
  expect(err.code).toBe(code);
  expect(err.params.question).toBe(key);
  for (const lang of ["id", "en"] as const) {
    const message = renderMessage(ziErrors[code]![lang], err.params);
    expect(message).toContain(`'${key}'`);
    expect(message, `${code} ${lang}: unfilled placeholder`).not.toMatch(/\{[a-zA-Z]+\}/);
  }
  return err;
}

describe("answers that do not fit the question's type", () => {
  it.each<[string, Answer]>([
    ["pemenuhan.mp.tim-kerja.a", "A"], // Ya/Tidak question answered with a letter
    ["pemenuhan.mp.tim-kerja.a", "yes"],
    ["pemenuhan.mp.tim-kerja.b", "D"], // A–C has no D
    ["pemenuhan.mp.tim-kerja.b", "ya"],
    ["pemenuhan.mp.pemantauan-evaluasi.a", "E"], // A–D has no E
    ["pemenuhan.tt.sop.b", "F"],
    ["pemenuhan.tt.sop.b", 1], // a number on a letter question
    ["pemenuhan.tt.sop.b", { counts: [1, 2] }],
    ["hasil.bersih-akuntabel.ipak.a", "3.6"], // a survey index is a number, not a string
    ["hasil.bersih-akuntabel.ipak.a", "4"],
    ["reform.ak.capaian-kinerja.a", "A"], // counts question answered with a letter
    ["reform.ak.capaian-kinerja.a", 0.5],
  ])("%s ← %j", (key, answer) => {
    const err = expectRefused(key, answer, "ZI_ANSWER_INVALID");
    expect(err.params.answer).toBe(JSON.stringify(answer));
  });

  it("lists the accepted answers of that question", () => {
    expect(refusal("pemenuhan.mp.tim-kerja.a", "A").params.allowed).toBe('"ya", "tidak", {"value": 0–1}');
    expect(refusal("pemenuhan.tt.sop.b", "F").params.allowed).toBe('"A", "B", "C", "D", "E", {"value": 0–1}');
  });
});

describe("other refusals", () => {
  it("an unknown question key", () => {
    const err = expectRefused("pemenuhan.mp.tim-kerja.z", "ya", "ZI_QUESTION_UNKNOWN");
    expect(err.params.rubric).toBe("permenpanrb-90-2021");
    // also when the answer is null: a typo in a key is never silently ignored
    expect(refusal("pemenuhan.mp.tim-kerja", null).code).toBe("ZI_QUESTION_UNKNOWN");
  });

  it("a count larger than its total", () => {
    // 7 targets met out of 6 targets
    const err = expectRefused("reform.ak.capaian-kinerja.a", { counts: [6, 7] }, "ZI_COUNT_EXCEEDS_TOTAL");
    expect(err.params).toMatchObject({ count: "jumlah_sasaran_tercapai", value: 7, totalValue: 6 });
    // LHKPN: 11 filed, but only 2 + 3 + 5 = 10 obliged
    const lhkpn = expectRefused(
      "reform.pw.laporan-harta-kekayaan.a",
      { counts: [2, 3, 5, 11] },
      "ZI_COUNT_EXCEEDS_TOTAL",
    );
    expect(lhkpn.params.totalValue).toBe(10);
  });

  it.each<[string, Answer]>([
    ["wrong number of counts", { counts: [6] }],
    ["a negative count", { counts: [6, -1] }],
    ["a fractional count", { counts: [6, 2.5] }],
    ["an unknown count key", { counts: { jumlah_sasaran: 6, jumlah_tercapai: 2 } }],
    ["a missing count key", { counts: { jumlah_sasaran: 6 } }],
  ])("counts: %s", (_, answer) => {
    expectRefused("reform.ak.capaian-kinerja.a", answer, "ZI_COUNTS_INVALID");
  });

  it.each([0, 0.99, 4.01, 5, -3])("a survey index outside 1–4: %s", (index) => {
    const err = expectRefused("hasil.pelayanan-prima.ipkp.a", index, "ZI_SURVEY_INDEX_OUT_OF_RANGE");
    expect(err.params).toMatchObject({ index, min: 1, max: 4 });
  });

  it("survey indices at the ends of the scale are accepted", () => {
    expect(() => answerValue(rubric, "hasil.pelayanan-prima.ipkp.a", 1)).not.toThrow();
    expect(() => answerValue(rubric, "hasil.pelayanan-prima.ipkp.a", 4)).not.toThrow();
  });

  it.each([-0.01, 1.01, 2, Number.POSITIVE_INFINITY, Number.NaN])(
    "a direct value outside 0–1: %s",
    (value) => {
      expectRefused("pemenuhan.mp.tim-kerja.b", { value }, "ZI_VALUE_OUT_OF_RANGE");
    },
  );

  it("scoring a whole sheet stops at the bad answer and names it", () => {
    const err = (() => {
      try {
        scoreAnswers(rubric, { "pemenuhan.mp.tim-kerja.a": "ya", "reform.mp.budaya-kerja.a": "E" });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.code).toBe("ZI_ANSWER_INVALID");
    expect(err?.params.question).toBe("reform.mp.budaya-kerja.a");
  });
});

describe("the answer file", () => {
  it("accepts every answer shape", () => {
    const ok = answerFileSchema.safeParse({
      answers: {
        a: "ya",
        b: "B",
        c: { counts: [1, 2] },
        d: { counts: { x: 1 } },
        e: 3.6,
        f: { value: 0.5 },
        g: null,
      },
      priorWbk: true,
    });
    expect(ok.success).toBe(true);
  });

  it.each([
    ["a boolean answer", { answers: { a: true } }],
    ["an object with another field", { answers: { a: { count: [1] } } }],
    ["answers as a list", { answers: ["ya"] }],
    ["no answers", {}],
    ["priorWbk as text", { answers: {}, priorWbk: "ya" }],
  ])("refuses %s", (_, file) => {
    expect(answerFileSchema.safeParse(file).success).toBe(false);
  });
});
