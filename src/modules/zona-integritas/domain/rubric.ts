import { z } from "zod";
import { DomainError } from "../../../kernel/http/errors";
import { cmp, div, eq, type Fraction, frac, fromDecimal, sum } from "../../../kernel/math/fraction";
import rubric10 from "./rubrics/permenpanrb-10-2019.json" with { type: "json" };
import rubric52 from "./rubrics/permenpanrb-52-2014.json" with { type: "json" };
import rubric90 from "./rubrics/permenpanrb-90-2021.json" with { type: "json" };

/**
 * Rubrics as data: one file per regulation edition (DESIGN.md §0 "the regulation is data"). The
 * schema checks the shape; `validateRubric` checks the meaning (weights add up, keys unique, options
 * match the answer type, formulas name real counts, gates name real nodes).
 */

export const ANSWER_TYPES = ["yes_no", "abc", "abcd", "abcde", "counts", "survey_index"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];
export type Predicate = "WBK" | "WBBM";
export const PREDICATES: readonly Predicate[] = ["WBK", "WBBM"];

const key = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case key (a-z, 0-9, '.', '-', '_')");
const weight = z.number().nonnegative();
const confidence = z.enum(["C1", "C2", "S", "U"]);

const optionSchema = z.object({ code: z.string().min(1), text: z.string(), value: z.number().min(0).max(1) });
const countSchema = z.object({ key: z.string().min(1), label: z.string().min(1) });
const computeSchema = z.discriminatedUnion("kind", [
  /** min(Σ numerator / Σ denominator, 1); 0 when the denominator is 0. */
  z.object({
    kind: z.literal("ratio"),
    numerator: z.array(z.string()).min(1),
    denominator: z.array(z.string()).min(1),
  }),
  /** clamp((previous − current) / previous, 0, 1); 0 when previous is 0. */
  z.object({ kind: z.literal("decrease"), previous: z.string(), current: z.string() }),
]);
const limitSchema = z.object({ count: z.string(), max: z.array(z.string()).min(1) });

export const questionSchema = z.object({
  key,
  sourceId: z.string().optional(),
  text: z.string().min(1),
  answerType: z.enum(ANSWER_TYPES),
  options: z.array(optionSchema).default([]),
  counts: z.array(countSchema).optional(),
  formula: z.string().optional(),
  compute: computeSchema.optional(),
  limits: z.array(limitSchema).optional(),
  scale: z.object({ min: z.number(), max: z.number().positive() }).optional(),
  conversion: z.literal("linear").optional(),
  evidence: z.array(z.string()).default([]),
});

export const subpillarSchema = z.object({
  key,
  sourceId: z.string().optional(),
  name: z.string().min(1),
  weight,
  questions: z.array(questionSchema),
});

export const areaSchema = z.object({
  key,
  sourceId: z.string().optional(),
  name: z.string().min(1),
  weight,
  confidence: confidence.optional(),
  source: z.string().optional(),
  note: z.string().optional(),
  subpillars: z.array(subpillarSchema),
});

export const componentSchema = z.object({
  key,
  name: z.string().min(1),
  kind: z.enum(["pengungkit", "hasil"]),
  weight,
  areas: z.array(areaSchema).min(1),
});

const gateCommon = {
  key: z.string().min(1),
  label: z.string().min(1),
  source: z.string().min(1),
  confidence,
  /** false when the sources mark the number unconfirmed ([S]/[U], one secondary source): shown flagged. */
  confirmed: z.boolean(),
  note: z.string().optional(),
};
const threshold = z.number().nonnegative().nullable();
export const gateSchema = z.discriminatedUnion("kind", [
  /** A node's points (or total/pengungkit/hasil/pemenuhan/reform) must reach the threshold. */
  z.object({
    ...gateCommon,
    kind: z.literal("score"),
    target: z.string().min(1),
    wbk: threshold,
    wbbm: threshold,
    surveyIndex: z.object({ wbk: z.number(), wbbm: z.number() }).optional(),
  }),
  /** Every area of the listed components must reach this share (0–1) of its weight. */
  z.object({
    ...gateCommon,
    kind: z.literal("areaShare"),
    components: z.array(z.string()).min(1),
    wbk: z.number().min(0).max(1).nullable(),
    wbbm: z.number().min(0).max(1).nullable(),
    storedAreaMinimums: z.array(z.looseObject({ key: z.string() })).optional(),
  }),
  /** The unit must already hold the named predicate (an input, not a score). */
  z.object({
    ...gateCommon,
    kind: z.literal("priorPredicate"),
    wbk: z.literal("WBK").nullable(),
    wbbm: z.literal("WBK").nullable(),
  }),
]);

export const rubricSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  regulation: z.string().min(1),
  status: z.enum(["complete", "partial"]),
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  sources: z.array(z.looseObject({ id: z.string().min(1), role: z.string().min(1) })).min(1),
  scoring: z.looseObject({}).optional(),
  components: z.array(componentSchema).min(1),
  thresholds: z.object({ rule: z.string().optional(), gates: z.array(gateSchema) }),
  notes: z.array(z.string()).optional(),
});

export type Rubric = z.infer<typeof rubricSchema>;
export type Component = Rubric["components"][number];
export type Area = Component["areas"][number];
export type Subpillar = Area["subpillars"][number];
export type Question = Subpillar["questions"][number];
export type Gate = z.infer<typeof gateSchema>;
export type Option = Question["options"][number];

/** The value table of the worksheet (rules-1 §1.7, [C2]): the data must agree with it. */
export const EXPECTED_OPTIONS: Record<
  Exclude<AnswerType, "counts">,
  ReadonlyArray<readonly [string, number]>
> = {
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
  // Reference only: survey questions are answered with the index itself (linear, value = i / 4).
  survey_index: [
    ["4", 1],
    ["3", 0.67],
    ["2", 0.33],
    ["1", 0],
  ],
};

/** The whole LKE is worth 100 in every edition (pengungkit 60 + hasil 40; rules-1 §1.4). */
export const RUBRIC_TOTAL = 100;
/** What the components of each kind add up to, in every edition (rules-1 §1.4). */
export const KIND_TOTALS: Readonly<Record<Component["kind"], number>> = { pengungkit: 60, hasil: 40 };
/** Score targets that are not node keys. */
export const AGGREGATES = ["total", "pengungkit", "hasil"] as const;

export function validateRubric(r: Rubric): string[] {
  const problems: string[] = [];
  const w = (x: number): Fraction => fromDecimal(x);
  const seen = new Set<string>();
  const unique = (k: string) => {
    if (seen.has(k)) problems.push(`duplicate key ${k}`);
    seen.add(k);
  };

  const componentSum = sum(r.components.map((c) => w(c.weight)));
  if (!eq(componentSum, w(RUBRIC_TOTAL)))
    problems.push(`component weights sum to ${show(componentSum)}, not ${RUBRIC_TOTAL}`);
  for (const kind of ["pengungkit", "hasil"] as const) {
    const ofKind = r.components.filter((c) => c.kind === kind);
    if (ofKind.length === 0) problems.push(`no ${kind} component`);
    const kindSum = sum(ofKind.map((c) => w(c.weight)));
    if (!eq(kindSum, w(KIND_TOTALS[kind])))
      problems.push(`${kind} components sum to ${show(kindSum)}, not ${KIND_TOTALS[kind]}`);
  }

  for (const c of r.components) {
    unique(c.key);
    const areaSum = sum(c.areas.map((a) => w(a.weight)));
    if (!eq(areaSum, w(c.weight)))
      problems.push(`areas of ${c.key} sum to ${show(areaSum)}, not ${c.weight}`);
    for (const a of c.areas) {
      unique(a.key);
      if (!a.key.startsWith(`${c.key}.`)) problems.push(`area ${a.key} is not under ${c.key}`);
      if (a.subpillars.length === 0) {
        if (r.status === "complete") problems.push(`area ${a.key} has no sub-pillars in a complete rubric`);
        continue;
      }
      const spSum = sum(a.subpillars.map((s) => w(s.weight)));
      if (!eq(spSum, w(a.weight)))
        problems.push(`sub-pillars of ${a.key} sum to ${show(spSum)}, not ${a.weight}`);
      for (const s of a.subpillars) {
        unique(s.key);
        if (!s.key.startsWith(`${a.key}.`)) problems.push(`sub-pillar ${s.key} is not under ${a.key}`);
        if (s.questions.length === 0 && r.status === "complete")
          problems.push(`sub-pillar ${s.key} has no questions in a complete rubric`);
        for (const q of s.questions) {
          unique(q.key);
          if (!q.key.startsWith(`${s.key}.`)) problems.push(`question ${q.key} is not under ${s.key}`);
          problems.push(...questionProblems(q));
        }
      }
    }
  }

  // The most each score target can reach, so a threshold above it (a typo such as 175 for 17.5) shows.
  const maxima = new Map<string, Fraction>([
    ["total", componentSum],
    ...(["pengungkit", "hasil"] as const).map(
      (k) => [k, sum(r.components.filter((c) => c.kind === k).map((c) => w(c.weight)))] as const,
    ),
  ]);
  for (const c of r.components) {
    maxima.set(c.key, w(c.weight));
    for (const a of c.areas) {
      maxima.set(a.key, w(a.weight));
      for (const s of a.subpillars) maxima.set(s.key, w(s.weight));
    }
  }
  const gateKeys = new Set<string>();
  for (const g of r.thresholds.gates) {
    if (gateKeys.has(g.key)) problems.push(`duplicate gate ${g.key}`);
    gateKeys.add(g.key);
    if ((g.confidence === "S" || g.confidence === "U") && g.confirmed)
      problems.push(`gate ${g.key} has confidence ${g.confidence} but is marked confirmed`);
    if (g.kind === "score" && !(AGGREGATES as readonly string[]).includes(g.target) && !seen.has(g.target))
      problems.push(`gate ${g.key} targets unknown node ${g.target}`);
    if (g.kind === "score") {
      const most = maxima.get(g.target);
      for (const t of [g.wbk, g.wbbm])
        if (most && t !== null && cmp(w(t), most) > 0)
          problems.push(`gate ${g.key} asks ${t}, more than ${g.target} can reach (${show(most)})`);
    }
    // The stricter predicate never asks less (BPS-EZI's 1.50 WBBM minimum under a 3.00 WBK one was a typo).
    if (g.kind !== "priorPredicate" && g.wbk !== null && g.wbbm !== null && g.wbbm < g.wbk)
      problems.push(`gate ${g.key}: the WBBM threshold ${g.wbbm} is below the WBK threshold ${g.wbk}`);
    if (g.kind === "areaShare")
      for (const ck of g.components)
        if (!r.components.some((c) => c.key === ck))
          problems.push(`gate ${g.key} names unknown component ${ck}`);
  }
  return problems;
}

function show(f: Fraction): string {
  return f.d === 1n ? String(f.n) : `${f.n}/${f.d}`;
}

function questionProblems(q: Question): string[] {
  const p: string[] = [];
  if (q.answerType === "counts") {
    const keys = new Set((q.counts ?? []).map((c) => c.key));
    if (keys.size === 0) p.push(`${q.key}: counts question without counts`);
    if (keys.size !== (q.counts ?? []).length) p.push(`${q.key}: duplicate count keys`);
    if (q.options.length > 0) p.push(`${q.key}: counts question with options`);
    if (!q.compute) p.push(`${q.key}: counts question without a compute formula`);
    const refs = [
      ...(q.compute?.kind === "ratio"
        ? [...q.compute.numerator, ...q.compute.denominator]
        : q.compute
          ? [q.compute.previous, q.compute.current]
          : []),
      ...(q.limits ?? []).flatMap((l) => [l.count, ...l.max]),
    ];
    for (const ref of refs) if (!keys.has(ref)) p.push(`${q.key}: formula names unknown count ${ref}`);
    return p;
  }
  if (q.counts || q.compute || q.limits) p.push(`${q.key}: counts fields on a ${q.answerType} question`);
  const expected = EXPECTED_OPTIONS[q.answerType];
  if (q.answerType === "survey_index") {
    if (q.scale?.min !== 1 || q.scale.max !== 4) p.push(`${q.key}: survey index needs scale 1–4`);
    if (q.options.length === 0) return p; // the discrete options are reference only
  }
  const got = q.options.map((o) => [o.code, o.value] as const);
  const same =
    got.length === expected.length &&
    got.every(([c, v], i) => c === expected[i]?.[0] && eq(fromDecimal(v), fromDecimal(expected[i]![1])));
  if (!same)
    p.push(
      `${q.key}: options ${JSON.stringify(got)} do not match ${q.answerType} ${JSON.stringify(expected)}`,
    );
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Loading and indexing

export interface QuestionEntry {
  question: Question;
  subpillar: Subpillar;
  area: Area;
  component: Component;
  /** The question's maximum points: sub-pillar weight ÷ number of questions in the sub-pillar. */
  share: Fraction;
  /** Position in rubric order, for stable sorting. */
  order: number;
}

export interface RubricIndex {
  questions: Map<string, QuestionEntry>;
  /** Keys of every component, area and sub-pillar. */
  nodes: Set<string>;
}

const indexes = new WeakMap<Rubric, RubricIndex>();

export function indexRubric(r: Rubric): RubricIndex {
  const cached = indexes.get(r);
  if (cached) return cached;
  const questions = new Map<string, QuestionEntry>();
  const nodes = new Set<string>();
  let order = 0;
  for (const component of r.components) {
    nodes.add(component.key);
    for (const area of component.areas) {
      nodes.add(area.key);
      for (const subpillar of area.subpillars) {
        nodes.add(subpillar.key);
        const n = subpillar.questions.length;
        const sw = fromDecimal(subpillar.weight);
        for (const question of subpillar.questions) {
          questions.set(question.key, {
            question,
            subpillar,
            area,
            component,
            share: div(sw, frac(n)),
            order: order++,
          });
        }
      }
    }
  }
  const idx = { questions, nodes };
  indexes.set(r, idx);
  return idx;
}

const RAW: Record<string, unknown> = {
  "permenpanrb-90-2021": rubric90,
  "permenpanrb-10-2019": rubric10,
  "permenpanrb-52-2014": rubric52,
};

const parsed = new Map<string, Rubric>();

/** Parse one raw rubric file, throwing with every problem listed when it is not valid. */
export function parseRubric(raw: unknown): Rubric {
  const result = rubricSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `invalid rubric: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const problems = validateRubric(result.data);
  if (problems.length) throw new Error(`invalid rubric ${result.data.id}: ${problems.join("; ")}`);
  return result.data;
}

export const RUBRIC_IDS = Object.keys(RAW);

export function loadRubric(id: string): Rubric {
  const hit = parsed.get(id);
  if (hit) return hit;
  const raw = Object.hasOwn(RAW, id) ? RAW[id] : undefined;
  if (raw === undefined)
    throw new DomainError("ZI_RUBRIC_NOT_FOUND", { rubric: id, known: RUBRIC_IDS.join(", ") });
  const r = parseRubric(raw);
  if (r.id !== id) throw new Error(`rubric file ${id} declares id ${r.id}`);
  parsed.set(id, r);
  return r;
}

export interface RubricSummary {
  id: string;
  title: string;
  regulation: string;
  status: "complete" | "partial";
  effectiveFrom?: string;
  questions: number;
}

export function listRubrics(): RubricSummary[] {
  return RUBRIC_IDS.map((id) => {
    const r = loadRubric(id);
    return {
      id: r.id,
      title: r.title,
      regulation: r.regulation,
      status: r.status,
      ...(r.effectiveFrom ? { effectiveFrom: r.effectiveFrom } : {}),
      questions: indexRubric(r).questions.size,
    };
  });
}

/** Every question in rubric order. */
export function questionsOf(r: Rubric): QuestionEntry[] {
  return [...indexRubric(r).questions.values()];
}
