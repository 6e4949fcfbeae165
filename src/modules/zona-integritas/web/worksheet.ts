/**
 * The worksheet's pure logic, kept apart from React so it is tested on its own: local drafts over the
 * saved cells, the live score preview (the domain's own exact arithmetic), which answers changed, and
 * how a key press or a click becomes an answer in the API's format.
 */

import { type Fraction, fromDecimal } from "../../../kernel/math/fraction";
import type { CellWire } from "../contract";
import { type Answer, answerValue } from "../domain/answers";
import { indexRubric, type Question, type Rubric } from "../domain/rubric";
import { type LkeScore, scoreValues } from "../domain/scoring";

/** A count question while typing: empty boxes are null until every box is filled. */
export type DraftAnswer = Answer | { counts: (number | null)[] };

export interface Draft {
  answer: DraftAnswer;
  note: string;
  source: string | null;
}

export type Drafts = Readonly<Record<string, Draft>>;

/** Why a local answer cannot be scored yet: a domain error code and its params, or "incomplete". */
export interface LocalProblem {
  code: string;
  params: Record<string, unknown>;
}

export function entryOf(cell: CellWire | undefined): Draft {
  return { answer: (cell?.answer ?? null) as Answer, note: cell?.note ?? "", source: cell?.source ?? null };
}

function sameAnswer(a: DraftAnswer, b: DraftAnswer): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function sameEntry(a: Draft, b: Draft): boolean {
  return sameAnswer(a.answer, b.answer) && a.note === b.note && (a.source ?? null) === (b.source ?? null);
}

/** The answer a draft stands for, or a problem when it cannot be sent as it is. */
export function completeAnswer(draft: DraftAnswer): { answer: Answer } | { problem: LocalProblem } {
  if (draft && typeof draft === "object" && "counts" in draft && Array.isArray(draft.counts)) {
    const counts = draft.counts as (number | null)[];
    if (counts.every((c) => c === null)) return { answer: null };
    if (counts.some((c) => c === null)) return { problem: { code: "INCOMPLETE", params: {} } };
    return { answer: { counts: counts as number[] } };
  }
  return { answer: draft as Answer };
}

function problemOf(e: unknown): LocalProblem {
  const err = e as { code?: unknown; params?: unknown };
  return typeof err?.code === "string"
    ? { code: err.code, params: (err.params as Record<string, unknown>) ?? {} }
    : { code: "INVALID", params: {} };
}

export interface Preview {
  score: LkeScore;
  /** Question keys whose local answer cannot be scored (shown next to the question). */
  problems: Map<string, LocalProblem>;
  /** Values per answered question (saved or drafted). */
  values: Map<string, Fraction>;
}

/**
 * Score the column as it would be after saving: saved answers with the drafts on top. An answer the
 * domain refuses counts as not answered and is reported, so typing never breaks the preview.
 */
export function previewScore(
  rubric: Rubric,
  saved: Readonly<Record<string, CellWire>>,
  drafts: Drafts,
): Preview {
  const values = new Map<string, Fraction>();
  const problems = new Map<string, LocalProblem>();
  const known = indexRubric(rubric).questions;
  const keys = new Set([...Object.keys(saved), ...Object.keys(drafts)]);
  for (const key of keys) {
    if (!known.has(key)) continue;
    const draft = drafts[key];
    if (!draft) {
      const cell = saved[key]!;
      if (cell.answer === null) continue;
      try {
        values.set(key, answerValue(rubric, key, cell.answer as Answer));
      } catch {
        values.set(key, fromDecimal(cell.value));
      }
      continue;
    }
    const complete = completeAnswer(draft.answer);
    if ("problem" in complete) {
      problems.set(key, complete.problem);
      continue;
    }
    if (complete.answer === null) continue;
    try {
      values.set(key, answerValue(rubric, key, complete.answer));
    } catch (e) {
      problems.set(key, problemOf(e));
    }
  }
  return { score: scoreValues(rubric, values), problems, values };
}

/** The answers to send: drafts that differ from the saved cell and can be sent as they are. */
export function changedAnswers(
  rubric: Rubric,
  saved: Readonly<Record<string, CellWire>>,
  drafts: Drafts,
): { key: string; answer: Answer; note: string; source?: string | null }[] {
  const idx = indexRubric(rubric).questions;
  const out: { key: string; answer: Answer; note: string; source?: string | null }[] = [];
  for (const entry of idx.values()) {
    const key = entry.question.key;
    const draft = drafts[key];
    if (!draft || sameEntry(draft, entryOf(saved[key]))) continue;
    const complete = completeAnswer(draft.answer);
    if ("problem" in complete) continue;
    const item: { key: string; answer: Answer; note: string; source?: string | null } = {
      key,
      answer: complete.answer,
      note: draft.note,
    };
    if (entry.question.answerType === "survey_index") item.source = draft.source?.trim() || null;
    out.push(item);
  }
  return out;
}

/** Drafts still differing from the saved cells (unsaved work). */
export function dirtyKeys(saved: Readonly<Record<string, CellWire>>, drafts: Drafts): string[] {
  return Object.entries(drafts)
    .filter(([k, d]) => !sameEntry(d, entryOf(saved[k])))
    .map(([k]) => k);
}

/** Option codes as the API takes them: "ya"/"tidak" for Ya/Tidak, the letter otherwise. */
export function apiCode(question: Question, code: string): string {
  return question.answerType === "yes_no" ? code.toLowerCase() : code;
}

/** The answer for the n-th option (0-based), e.g. key "1" → A / Ya; null when there is no such option. */
export function optionAnswer(question: Question, n: number): string | null {
  if (!isOptionQuestion(question)) return null;
  const option = question.options[n];
  return option ? apiCode(question, option.code) : null;
}

export function isOptionQuestion(question: Question): boolean {
  return ["yes_no", "abc", "abcd", "abcde"].includes(question.answerType);
}

/** The rubric option an answer picks (case-insensitive), if any. */
export function selectedOption(question: Question, answer: DraftAnswer) {
  if (typeof answer !== "string") return undefined;
  const code = answer.trim().toLowerCase();
  return question.options.find((o) => o.code.toLowerCase() === code);
}

/** The counts of a count answer as an array in the question's order (nulls for empty boxes). */
export function countsOf(question: Question, answer: DraftAnswer): (number | null)[] {
  const defs = question.counts ?? [];
  if (answer && typeof answer === "object" && "counts" in answer) {
    const c = answer.counts;
    if (Array.isArray(c)) return defs.map((_, i) => (c[i] as number | null | undefined) ?? null);
    return defs.map((d) => (c as Record<string, number>)[d.key] ?? null);
  }
  return defs.map(() => null);
}

export function surveyIndexOf(answer: DraftAnswer): number | null {
  if (typeof answer === "number") return answer;
  return null;
}

export function isAnswered(answer: DraftAnswer): boolean {
  if (answer === null || answer === undefined || answer === "") return false;
  if (typeof answer === "object" && "counts" in answer && Array.isArray(answer.counts))
    return answer.counts.some((c) => c !== null);
  return true;
}

/** The text of an answer for read-only cells: "Ya", "B", "3,20", "12 / 15", or "0,5" for a direct value. */
export function answerText(
  question: Question,
  answer: DraftAnswer,
  number: (v: number, o?: { decimals?: number; maxDecimals?: number }) => string,
): string | null {
  if (!isAnswered(answer)) return null;
  if (typeof answer === "string") return selectedOption(question, answer)?.code ?? answer;
  if (typeof answer === "number") return number(answer, { decimals: 2 });
  if (answer && typeof answer === "object" && "value" in answer)
    return number(answer.value, { maxDecimals: 4 });
  return countsOf(question, answer)
    .map((c) => (c === null ? "–" : number(c)))
    .join(" / ");
}
