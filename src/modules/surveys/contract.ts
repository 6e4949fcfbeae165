/**
 * The surveys HTTP API: wire schemas shared by the server (validation, OpenAPI) and the web pages.
 * Scores travel as JS numbers computed from exact fractions; IKM is already rounded to two decimals.
 */
import { z } from "zod";
import { text } from "../../kernel/http/schemas";
import { PROFILE, surveyKindSchema } from "./domain/kinds";
import { PERIOD_TYPES } from "./domain/periods";

export { surveyKindSchema };
export const gradeSchema = z.enum(["A", "B", "C", "D"]);
export const periodTypeSchema = z.enum(PERIOD_TYPES);
export const periodStatusSchema = z.enum(["draft", "open", "closed"]);
const localized = z.object({ id: z.string(), en: z.string() });
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "YYYY-MM-DD");

export const kindSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(["skm", "ipak", "ipkp", "custom"]),
  version: z.number(),
  regulation: z.string(),
  confidence: z.string(),
  title: localized,
  result: z.enum(["ikm", "perception"]),
  elements: z.array(z.object({ code: z.string(), label: localized })),
  unitId: z.string().nullable(),
});
export type KindSummary = z.infer<typeof kindSummarySchema>;

export const createKindBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  title: z.strictObject({ id: text(200), en: text(200) }),
  elements: z
    .array(
      z.strictObject({
        label: z.strictObject({ id: text(120), en: text(120) }),
        question: z.strictObject({ id: text(400), en: text(400) }),
      }),
    )
    .min(1)
    .max(20),
});

export const periodSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  kindId: z.string(),
  kind: z.enum(["skm", "ipak", "ipkp", "custom"]),
  kindTitle: localized,
  result: z.enum(["ikm", "perception"]),
  title: z.string(),
  periodType: periodTypeSchema,
  year: z.number().int(),
  part: z.number().int().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  serviceTypes: z.array(z.string()),
  population: z.number().int().nullable(),
  requiredSample: z.number().int().nullable(),
  responses: z.number().int(),
  status: periodStatusSchema,
  code: z.string(),
  onePerDevice: z.boolean(),
  rateMax: z.number().int(),
  rateWindowMinutes: z.number().int(),
  published: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PeriodWire = z.infer<typeof periodSchema>;

const serviceTypes = z.array(text(120)).max(20);
export const createPeriodBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  kindId: z.string().min(1).max(64),
  title: text(200).optional(),
  periodType: periodTypeSchema,
  year: z.number().int().min(2017).max(2100),
  part: z.number().int().min(1).max(12).nullable().optional(),
  serviceTypes: serviceTypes.default([]),
  population: z.number().int().min(1).max(100_000_000).nullable().optional(),
  onePerDevice: z.boolean().default(true),
  rateMax: z.number().int().min(1).max(10_000).default(20),
  rateWindowMinutes: z.number().int().min(1).max(1440).default(60),
  status: z.enum(["draft", "open"]).default("draft"),
});

export const updatePeriodBody = z.strictObject({
  version: z.number().int().min(1),
  title: text(200).optional(),
  serviceTypes: serviceTypes.optional(),
  population: z.number().int().min(1).max(100_000_000).nullable().optional(),
  onePerDevice: z.boolean().optional(),
  rateMax: z.number().int().min(1).max(10_000).optional(),
  rateWindowMinutes: z.number().int().min(1).max(1440).optional(),
  status: periodStatusSchema.optional(),
  published: z.boolean().optional(),
});

export const indexSchema = z.object({
  respondents: z.number().int(),
  weight: z.string(),
  elements: z.array(
    z.object({
      code: z.string(),
      nrr: z.number().nullable(),
      nrrRounded: z.string().nullable(),
      weighted: z.number().nullable(),
      ikm: z.string().nullable(),
    }),
  ),
  index: z.number().nullable(),
  indexRounded: z.string().nullable(),
  ikm: z.number().nullable(),
  grade: gradeSchema.nullable(),
  performance: localized.nullable(),
  points: z.number().nullable(),
});
export type IndexWire = z.infer<typeof indexSchema>;

export const followUpStatusSchema = z.enum(["planned", "in_progress", "done"]);
export const followUpSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  elementCode: z.string(),
  action: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: followUpStatusSchema,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUpWire = z.infer<typeof followUpSchema>;
export const createFollowUpBody = z.strictObject({
  elementCode: z.string().min(1).max(8),
  action: text(1000),
  owner: text(120),
  dueDate: isoDate,
  status: followUpStatusSchema.default("planned"),
  note: z.string().trim().max(1000).default(""),
});
export const updateFollowUpBody = z.strictObject({
  action: text(1000).optional(),
  owner: text(120).optional(),
  dueDate: isoDate.optional(),
  status: followUpStatusSchema.optional(),
  note: z.string().trim().max(1000).optional(),
});

const breakdownRow = indexSchema.extend({ key: z.string() });
export const resultsSchema = z.object({
  period: periodSchema,
  kind: surveyKindSchema,
  overall: indexSchema,
  byService: z.array(breakdownRow),
  byProfile: z.record(z.string(), z.array(breakdownRow)),
  comments: z.array(z.object({ date: z.string(), serviceType: z.string().nullable(), text: z.string() })),
  followUps: z.array(followUpSchema),
  /**
   * SKM periods only, when the service-requests module (ALASCA) is installed: the one-tap ratings
   * requesters gave completed post-auction requests of this unit within the period's dates.
   */
  serviceRequests: z
    .object({
      ratings: z.number().int(),
      average: z.number().nullable(),
      satisfiedPercent: z.number().nullable(),
      scaleMax: z.number().int(),
    })
    .nullable(),
});
export type ResultsWire = z.infer<typeof resultsSchema>;

// ---- public -------------------------------------------------------------------------------------

export const publicFormSchema = z.object({
  code: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  title: z.string(),
  periodType: periodTypeSchema,
  year: z.number(),
  part: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(["open", "closed", "not_started", "not_open"]),
  kind: surveyKindSchema,
  serviceTypes: z.array(z.string()),
  profile: z.record(z.string(), z.array(z.string())),
  alreadySubmitted: z.boolean(),
});
export type PublicForm = z.infer<typeof publicFormSchema>;

export const submitBody = z.strictObject({
  scores: z.record(z.string().max(8), z.number().int().min(1).max(4)),
  serviceType: z.string().trim().max(120).optional(),
  ageGroup: z.enum(PROFILE.ageGroup).optional(),
  sex: z.enum(PROFILE.sex).optional(),
  education: z.enum(PROFILE.education).optional(),
  occupation: z.enum(PROFILE.occupation).optional(),
  comment: z.string().trim().max(1000).optional(),
});
export type SubmitBody = z.infer<typeof submitBody>;

export const publicResultsSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  periods: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      kind: z.enum(["skm", "ipak", "ipkp", "custom"]),
      result: z.enum(["ikm", "perception"]),
      periodType: periodTypeSchema,
      year: z.number(),
      part: z.number().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      respondents: z.number(),
      ikm: z.number().nullable(),
      index: z.number().nullable(),
      grade: gradeSchema.nullable(),
      elements: z.array(z.object({ code: z.string(), label: localized, nrr: z.number().nullable() })),
      followUps: z.array(
        z.object({
          elementCode: z.string(),
          action: z.string(),
          dueDate: z.string(),
          status: followUpStatusSchema,
        }),
      ),
    }),
  ),
});
export type PublicResults = z.infer<typeof publicResultsSchema>;
