/**
 * The Zona Integritas HTTP API: wire schemas and their types, imported by the server (validation,
 * OpenAPI) and the web pages (types). Scores travel as unrounded JS numbers; pages round for display.
 */
import { z } from "zod";
import { COLUMNS, COMMANDS, STAGES } from "./domain/stages";

export const stageSchema = z.enum(STAGES);
export const columnSchema = z.enum(COLUMNS);
export const commandSchema = z.enum(COMMANDS);
export const predicateSchema = z.enum(["WBK", "WBBM"]);

/** One answer as the answer file gives it (see domain/answers.ts). */
export const answerWireSchema = z.union([
  z.string().max(20),
  z.number(),
  z.null(),
  z.strictObject({ counts: z.union([z.array(z.number()), z.record(z.string(), z.number())]) }),
  z.strictObject({ value: z.number() }),
]);

export const unitRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  path: z.string(),
});

export const areaScoreSchema = z.object({
  key: z.string(),
  name: z.string(),
  componentKey: z.string(),
  weight: z.number(),
  score: z.number(),
});

/** A column's score, as stored after every write (the multi-unit table reads these rows). */
export const scoreSummarySchema = z.object({
  total: z.number(),
  pengungkit: z.number(),
  pemenuhan: z.number().nullable(),
  reform: z.number().nullable(),
  hasil: z.number(),
  areas: z.array(areaScoreSchema),
  answered: z.number().int(),
  questions: z.number().int(),
  /** Questions with at least one evidence file (the unit's evidence serves every column). */
  withEvidence: z.number().int(),
});
export type ScoreSummary = z.infer<typeof scoreSummarySchema>;

export const gateWireSchema = z.object({
  key: z.string(),
  kind: z.enum(["score", "areaShare", "priorPredicate"]),
  label: z.string(),
  target: z.string().optional(),
  /** Points (score gates), a share 0–1 of the area weight (area gates), or true (prior WBK). */
  threshold: z.union([z.number(), z.boolean()]),
  value: z.union([z.number(), z.boolean()]),
  pass: z.boolean(),
  weight: z.number().optional(),
  surveyIndex: z.number().optional(),
  source: z.string(),
  confidence: z.string(),
  confirmed: z.boolean(),
  edited: z.boolean(),
  note: z.string().optional(),
});
export type GateWire = z.infer<typeof gateWireSchema>;

export const readinessWireSchema = z.object({
  WBK: z.object({ pass: z.boolean(), gates: z.array(gateWireSchema) }),
  WBBM: z.object({ pass: z.boolean(), gates: z.array(gateWireSchema) }),
});
export type ReadinessWire = z.infer<typeof readinessWireSchema>;

export const cycleSchema = z.object({
  id: z.string(),
  unit: unitRefSchema,
  year: z.number().int(),
  target: predicateSchema,
  rubricId: z.string(),
  stage: stageSchema,
  priorWbk: z.boolean(),
  /** Share of employees who signed the integrity pact (0–100), recorded by the ZI team. */
  pactPercent: z.number().nullable(),
  declarationDate: z.string().nullable(),
  declarationFileId: z.string().nullable(),
  proposalDeadline: z.string(),
  /** Set at penetapan: the predicate awarded, or "none". */
  result: z.enum(["WBK", "WBBM", "none"]).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CycleWire = z.infer<typeof cycleSchema>;

export const stageEventSchema = z.object({
  id: z.string(),
  command: commandSchema.nullable(),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const cycleListItemSchema = cycleSchema.extend({
  scores: z.object({
    unit: scoreSummarySchema.nullable(),
    tpi: scoreSummarySchema.nullable(),
    tpn: scoreSummarySchema.nullable(),
  }),
});

export const cycleDetailSchema = z.object({
  cycle: cycleSchema,
  events: z.array(stageEventSchema),
  scores: z.object({ unit: scoreSummarySchema, tpi: scoreSummarySchema, tpn: scoreSummarySchema }),
  /** Readiness of each column for both predicates. */
  readiness: z.object({ unit: readinessWireSchema, tpi: readinessWireSchema, tpn: readinessWireSchema }),
  /** The column whose readiness counts now (the most advanced one filled). */
  leadingColumn: columnSchema,
  /** The unit's latest integrity-pact round in Zona (it decides the pencanangan gate when present). */
  pact: z
    .object({
      roundId: z.string(),
      title: z.string(),
      percent: z.number(),
      signed: z.number().int(),
      total: z.number().int(),
      open: z.boolean(),
    })
    .nullable(),
  /** Per area: questions, answered (unit column), with evidence. */
  progress: z.array(
    z.object({
      areaKey: z.string(),
      name: z.string(),
      questions: z.number(),
      answered: z.number(),
      withEvidence: z.number(),
    }),
  ),
  /** Commands the caller may run now (stage and permission both allow). */
  commands: z.array(commandSchema),
  /** Columns the caller may write now. */
  editable: z.array(columnSchema),
});
export type CycleDetail = z.infer<typeof cycleDetailSchema>;

export const createCycleBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2014).max(2100),
  target: predicateSchema,
  rubricId: z.string().min(1).max(60).default("permenpanrb-90-2021"),
  priorWbk: z.boolean().default(false),
});

export const updateCycleBody = z.strictObject({
  target: predicateSchema.optional(),
  priorWbk: z.boolean().optional(),
  pactPercent: z.number().min(0).max(100).nullable().optional(),
  declarationDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
    .nullable()
    .optional(),
  declarationFileId: z.string().min(1).max(64).nullable().optional(),
  /** Optimistic concurrency: the version the caller saw. */
  version: z.number().int(),
});

export const transitionBody = z.strictObject({
  command: commandSchema,
  note: z.string().trim().max(2000).optional(),
  /** For "decide": whether the target predicate is awarded. */
  awarded: z.boolean().optional(),
});

export const fileRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});

export const recordRefSchema = z.object({
  module: z.string(),
  type: z.string(),
  id: z.string(),
  title: z.string(),
  path: z.string(),
});
export type RecordRefWire = z.infer<typeof recordRefSchema>;

export const cellSchema = z.object({
  answer: answerWireSchema,
  note: z.string(),
  source: z.string().nullable(),
  value: z.number(),
  points: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CellWire = z.infer<typeof cellSchema>;

export const worksheetSchema = z.object({
  cycleId: z.string(),
  rubricId: z.string(),
  stage: stageSchema,
  /** Per column, per question key: the filled cells (absent = not answered). */
  columns: z.object({
    unit: z.record(z.string(), cellSchema),
    tpi: z.record(z.string(), cellSchema),
    tpn: z.record(z.string(), cellSchema),
  }),
  /** Per question key: the unit's evidence files. */
  evidence: z.record(z.string(), z.array(fileRefSchema)),
  /** Per question key: records of other modules linked as evidence (activities, meetings, posts…). */
  records: z.record(z.string(), z.array(recordRefSchema)),
  editable: z.array(columnSchema),
  canLinkEvidence: z.boolean(),
});
export type WorksheetWire = z.infer<typeof worksheetSchema>;

export const saveAnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(120),
        answer: answerWireSchema,
        note: z.string().max(4000).optional(),
        /** Where a hasil input came from (e.g. "Survei IPAK 2026, Inspektorat Jenderal"). */
        source: z.string().trim().max(300).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const saveAnswersResponse = z.object({ saved: z.number().int(), score: scoreSummarySchema });

export const linkEvidenceBody = z.strictObject({
  fileId: z.string().min(1).max(64),
  questionKeys: z.array(z.string().min(1).max(120)).min(1).max(200),
});

export const historyItemSchema = z.object({
  id: z.string(),
  column: columnSchema.nullable(),
  action: z.enum(["answer", "evidence.link", "evidence.unlink", "import"]),
  answer: answerWireSchema.optional(),
  note: z.string().nullable(),
  fileName: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});

export const gapItemWireSchema = z.object({
  key: z.string(),
  text: z.string(),
  answerType: z.string(),
  areaKey: z.string(),
  value: z.number(),
  share: z.number(),
  toGain: z.number(),
  bestAnswer: z.string().nullable(),
  evidence: z.array(z.string()),
});

export const gapsSchema = z.object({
  column: columnSchema,
  predicate: predicateSchema,
  items: z.array(gapItemWireSchema),
  byArea: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      weight: z.number(),
      score: z.number(),
      toGain: z.number(),
      count: z.number(),
    }),
  ),
  paths: z.array(
    z.object({
      gateKey: z.string(),
      label: z.string(),
      deficit: z.number(),
      reachable: z.boolean(),
      reason: z.string().optional(),
      steps: z.array(
        z.object({
          key: z.string(),
          text: z.string(),
          requiredAnswer: z.string().nullable(),
          requiredValue: z.number(),
          requiredIndex: z.number().optional(),
          gain: z.number(),
          evidence: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type GapsWire = z.infer<typeof gapsSchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  rows: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string().optional(),
      question: z.string().optional(),
      message: z.string(),
    }),
  ),
});

export const overviewRowSchema = z.object({
  unit: unitRefSchema.extend({ depth: z.number().int() }),
  cycle: z
    .object({
      id: z.string(),
      year: z.number().int(),
      target: predicateSchema,
      stage: stageSchema,
      result: z.enum(["WBK", "WBBM", "none"]).nullable(),
    })
    .nullable(),
  scores: z.object({ unit: z.number().nullable(), tpi: z.number().nullable(), tpn: z.number().nullable() }),
  /** Readiness of the leading column for the cycle's target. */
  ready: z.boolean().nullable(),
  failingGates: z.array(z.string()),
  answered: z.number().int(),
  questions: z.number().int(),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;

export const overviewQuery = z.strictObject({
  rootUnitId: z.string().min(1).max(64).optional(),
  year: z.coerce.number().int().min(2014).max(2100).optional(),
});

export const rubricSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  regulation: z.string(),
  status: z.enum(["complete", "partial"]),
  effectiveFrom: z.string().optional(),
  questions: z.number().int(),
});

export const thresholdOverridesBody = z.strictObject({
  /** gate key → predicate → number (null removes the gate for that predicate). */
  overrides: z.record(
    z.string().max(80),
    z.strictObject({
      WBK: z.number().min(0).nullable().optional(),
      WBBM: z.number().min(0).nullable().optional(),
    }),
  ),
});
