import { describe, expect, it } from "vitest";
import { eq, toNumber } from "../../../kernel/math/fraction";
import { scoreAnswers } from "../domain/scoring";
import { cellsOf, entries, rubric } from "./test/fixtures";
import { changedAnswers, countsOf, dirtyKeys, optionAnswer, previewScore } from "./worksheet";

const yesNo = entries.find((e) => e.question.answerType === "yes_no")!.question;
const abcd = entries.find((e) => e.question.answerType === "abcd")!.question;
const counts = entries.find(
  (e) => e.question.answerType === "counts" && e.question.compute?.kind === "ratio",
)!.question;
const survey = entries.find((e) => e.question.answerType === "survey_index")!.question;

describe("worksheet logic", () => {
  it("previews the score of saved answers with the drafts on top, exactly as the domain scores them", () => {
    const saved = cellsOf({ [yesNo.key]: "tidak", [abcd.key]: "C" });
    const preview = previewScore(rubric, saved, {
      [yesNo.key]: { answer: "ya", note: "", source: null },
      [survey.key]: { answer: 3.2, note: "", source: "Survei IPAK 2026" },
    });
    const expected = scoreAnswers(rubric, { [yesNo.key]: "ya", [abcd.key]: "C", [survey.key]: 3.2 });
    expect(eq(preview.score.total, expected.total)).toBe(true);
    expect(preview.problems.size).toBe(0);
  });

  it("reports a draft the domain refuses instead of throwing, and leaves it out of the score", () => {
    const limited = entries.find((e) => (e.question.limits ?? []).length > 0)!.question;
    const defs = limited.counts!;
    const over = defs.map((d) => (d.key === limited.limits![0]!.count ? 9 : 1));
    const preview = previewScore(
      rubric,
      {},
      {
        [limited.key]: { answer: { counts: over }, note: "", source: null },
        [counts.key]: { answer: { counts: [4, null] }, note: "", source: null },
      },
    );
    expect(preview.problems.get(limited.key)?.code).toBe("ZI_COUNT_EXCEEDS_TOTAL");
    expect(preview.problems.get(counts.key)?.code).toBe("INCOMPLETE");
    expect(toNumber(preview.score.total)).toBe(0);
  });

  it("sends only changed, complete answers, in rubric order, with the source for survey questions", () => {
    const saved = cellsOf({ [yesNo.key]: "ya", [abcd.key]: "B" });
    const drafts = {
      [survey.key]: { answer: 3.6, note: "", source: " Survei IPAK 2026 " },
      [yesNo.key]: { answer: "ya", note: "", source: null }, // unchanged
      [abcd.key]: { answer: "A", note: "naik setelah reviu", source: null },
      [counts.key]: { answer: { counts: [null, 2] }, note: "", source: null }, // incomplete
    };
    expect(changedAnswers(rubric, saved, drafts)).toEqual([
      { key: abcd.key, answer: "A", note: "naik setelah reviu" },
      { key: survey.key, answer: 3.6, note: "", source: "Survei IPAK 2026" },
    ]);
    expect(dirtyKeys(saved, drafts).sort()).toEqual([abcd.key, counts.key, survey.key].sort());
  });

  it("maps key presses 1–5 to the API's option codes", () => {
    expect(optionAnswer(yesNo, 0)).toBe("ya");
    expect(optionAnswer(yesNo, 1)).toBe("tidak");
    expect(optionAnswer(yesNo, 2)).toBeNull();
    expect(optionAnswer(abcd, 3)).toBe("D");
    expect(optionAnswer(counts, 0)).toBeNull();
    expect(
      countsOf(counts, { counts: { [counts.counts![1]!.key]: 5, [counts.counts![0]!.key]: 7 } }),
    ).toEqual([7, 5]);
  });
});
