import { add, type Fraction, fromDecimal, mul, sub, sum, ZERO } from "../../../kernel/math/fraction";
import { type Answer, answerValues } from "./answers";
import { type Component, indexRubric, type Rubric } from "./rubric";

/**
 * The worksheet arithmetic (rules-1 §1.7, [C2]): a question's points are its value × the sub-pillar
 * weight ÷ the number of questions in the sub-pillar; sub-pillars sum to areas, areas to components
 * (pemenuhan, reform, hasil), pemenuhan + reform = pengungkit, pengungkit + hasil = total. Every
 * number is an exact fraction; round only for display.
 */

export interface QuestionScore {
  key: string;
  answered: boolean;
  value: Fraction;
  /** The most the question can give: sub-pillar weight ÷ questions in the sub-pillar. */
  share: Fraction;
  points: Fraction;
}

export interface SubpillarScore {
  key: string;
  name: string;
  weight: Fraction;
  score: Fraction;
  questions: QuestionScore[];
}

export interface AreaScore {
  key: string;
  name: string;
  componentKey: string;
  weight: Fraction;
  score: Fraction;
  subpillars: SubpillarScore[];
}

export interface ComponentScore {
  key: string;
  name: string;
  kind: Component["kind"];
  weight: Fraction;
  score: Fraction;
  areas: AreaScore[];
}

export interface LkeScore {
  rubricId: string;
  total: Fraction;
  pengungkit: Fraction;
  hasil: Fraction;
  /** null in editions without the pemenuhan/reform split (52/2014, 10/2019). */
  pemenuhan: Fraction | null;
  reform: Fraction | null;
  components: ComponentScore[];
  /** Every area in rubric order (flattened from the components). */
  areas: AreaScore[];
  questions: Map<string, QuestionScore>;
  /** Points by node key (component, area, sub-pillar, question) and by "total", "pengungkit", "hasil". */
  points: Map<string, Fraction>;
}

/** Score a map of question values (0–1). Keys must be the rubric's; absent questions count 0. */
export function scoreValues(rubric: Rubric, values: ReadonlyMap<string, Fraction>): LkeScore {
  const idx = indexRubric(rubric);
  const questions = new Map<string, QuestionScore>();
  const points = new Map<string, Fraction>();
  const components: ComponentScore[] = rubric.components.map((c) => {
    const areas: AreaScore[] = c.areas.map((a) => {
      const subpillars: SubpillarScore[] = a.subpillars.map((s) => {
        const qs = s.questions.map((q): QuestionScore => {
          const entry = idx.questions.get(q.key)!;
          const value = values.get(q.key);
          const qs: QuestionScore = {
            key: q.key,
            answered: value !== undefined,
            value: value ?? ZERO,
            share: entry.share,
            points: mul(value ?? ZERO, entry.share),
          };
          questions.set(q.key, qs);
          points.set(q.key, qs.points);
          return qs;
        });
        const score = sum(qs.map((q) => q.points));
        points.set(s.key, score);
        return { key: s.key, name: s.name, weight: fromDecimal(s.weight), score, questions: qs };
      });
      const score = sum(subpillars.map((s) => s.score));
      points.set(a.key, score);
      return {
        key: a.key,
        name: a.name,
        componentKey: c.key,
        weight: fromDecimal(a.weight),
        score,
        subpillars,
      };
    });
    const score = sum(areas.map((a) => a.score));
    points.set(c.key, score);
    return { key: c.key, name: c.name, kind: c.kind, weight: fromDecimal(c.weight), score, areas };
  });
  const pengungkit = sum(components.filter((c) => c.kind === "pengungkit").map((c) => c.score));
  const hasil = sum(components.filter((c) => c.kind === "hasil").map((c) => c.score));
  const total = add(pengungkit, hasil);
  points.set("pengungkit", pengungkit);
  points.set("hasil", hasil);
  points.set("total", total);
  const byKey = (k: string) => components.find((c) => c.key === k)?.score ?? null;
  return {
    rubricId: rubric.id,
    total,
    pengungkit,
    hasil,
    pemenuhan: byKey("pemenuhan"),
    reform: byKey("reform"),
    components,
    areas: components.flatMap((c) => c.areas),
    questions,
    points,
  };
}

/** Score an answer map (checked answer by answer; the first bad one throws, naming its question). */
export function scoreAnswers(rubric: Rubric, answers: Readonly<Record<string, Answer>>): LkeScore {
  return scoreValues(rubric, answerValues(rubric, answers));
}

/** Points a question could still give: share × (1 − value). */
export function toGain(q: QuestionScore): Fraction {
  return sub(q.share, q.points);
}
