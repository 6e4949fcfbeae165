/**
 * The monitoring and evaluation (monev) HTTP API: wire schemas and their types, imported by the server
 * (validation, OpenAPI) and by web pages — this module's and others' (`myFollowUpsSchema` is the
 * shape of GET /api/monev/follow-ups/mine that the personal page reads).
 */
import { z } from "zod";
import { GRANULARITIES } from "./domain/rates";
import { FOLLOW_UP_STATUSES, MEETING_KINDS } from "./domain/rules";

export const meetingKindSchema = z.enum(MEETING_KINDS);
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export const granularitySchema = z.enum(GRANULARITIES);

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const id = z.string().min(1).max(64);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const clean = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), "must not contain control characters");
const required = (max: number) => clean(max).pipe(z.string().min(1));

// ------------------------------------------------------------------------------------------------
// GET /api/monev/follow-ups/mine — shared with the personal page ("my page"); keep this shape.

export const myFollowUpSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  text: z.string(),
  dueDate: z.string(),
  status: followUpStatusSchema,
  overdue: z.boolean(),
});
export const myFollowUpsSchema = z.object({ items: z.array(myFollowUpSchema) });
export type MyFollowUp = z.infer<typeof myFollowUpSchema>;
export type MyFollowUps = z.infer<typeof myFollowUpsSchema>;

// ------------------------------------------------------------------------------------------------

export const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Person = z.infer<typeof personSchema>;

export const meetingRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  kind: meetingKindSchema,
});

export const followUpSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  meeting: meetingRefSchema,
  text: z.string(),
  owner: personSchema,
  dueDate: z.string(),
  status: followUpStatusSchema,
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  dropReason: z.string().nullable(),
  /** The meeting in which it was closed, when closed from a meeting page. */
  closedInMeetingId: z.string().nullable(),
  /** How many later meetings it was carried into. */
  carryCount: z.number().int(),
  overdue: z.boolean(),
  /** The caller may change its status (manager of the unit, or its owner). */
  canUpdateStatus: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const carriedFollowUpSchema = followUpSchema.extend({
  /** The carry number in this meeting (1 = first meeting after the one that decided it). */
  carryNumber: z.number().int(),
});
export type CarriedFollowUp = z.infer<typeof carriedFollowUpSchema>;

export const fileRefSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: meetingKindSchema,
  date: z.string(),
  title: z.string(),
  chair: personSchema.nullable(),
  participantCount: z.number().int(),
  followUps: z.object({ total: z.number().int(), open: z.number().int(), carried: z.number().int() }),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingDetailSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  kind: meetingKindSchema,
  date: z.string(),
  title: z.string(),
  chair: personSchema.nullable(),
  participants: z.array(personSchema),
  agenda: z.array(z.string()),
  minutes: z.string(),
  decisions: z.array(z.string()),
  files: z.array(fileRefSchema),
  followUps: z.array(followUpSchema),
  carriedOver: z.array(carriedFollowUpSchema),
  /** LKE question keys this meeting is linked to as evidence. */
  evidence: z.array(z.string()),
  canManage: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const listMeetingsQuery = z.strictObject({
  unitId: id,
  kind: meetingKindSchema.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

export const createMeetingBody = z.strictObject({
  unitId: id,
  kind: meetingKindSchema,
  date: localDate,
  title: required(200),
  chairId: id.nullable().optional(),
  participantIds: z.array(id).max(500).default([]),
  agenda: z.array(required(500)).max(50).default([]),
  minutes: clean(50_000).default(""),
  decisions: z.array(required(1000)).max(100).default([]),
  fileIds: z.array(id).max(50).default([]),
});
export type CreateMeetingInput = z.input<typeof createMeetingBody>;

export const updateMeetingBody = z.strictObject({
  version: z.number().int(),
  kind: meetingKindSchema.optional(),
  date: localDate.optional(),
  title: required(200).optional(),
  chairId: id.nullable().optional(),
  participantIds: z.array(id).max(500).optional(),
  agenda: z.array(required(500)).max(50).optional(),
  minutes: clean(50_000).optional(),
  decisions: z.array(required(1000)).max(100).optional(),
  fileIds: z.array(id).max(50).optional(),
});
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;

export const createFollowUpBody = z.strictObject({
  text: required(1000),
  /** Required: a follow-up nobody owns is not followed up. */
  ownerId: id,
  dueDate: localDate,
});
export type CreateFollowUpInput = z.input<typeof createFollowUpBody>;

export const updateFollowUpBody = z.strictObject({
  text: required(1000).optional(),
  ownerId: id.optional(),
  dueDate: localDate.optional(),
});

export const statusChangeBody = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("done"),
    completedOn: localDate,
    note: clean(2000).optional(),
    meetingId: id.optional(),
  }),
  z.strictObject({ status: z.literal("dropped"), reason: required(2000), meetingId: id.optional() }),
  z.strictObject({ status: z.literal("open"), meetingId: id.optional() }),
]);
export type StatusChangeInput = z.input<typeof statusChangeBody>;

export const listFollowUpsQuery = z.strictObject({
  unitId: id,
  status: followUpStatusSchema.optional(),
  ownerId: id.optional(),
});

export const ratesQuery = z.strictObject({
  unitId: id,
  granularity: granularitySchema.default("month"),
  from: localDate.optional(),
  to: localDate.optional(),
});

export const periodRateSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  openOverdue: z.number().int(),
  openNotDue: z.number().int(),
  dropped: z.number().int(),
  counted: z.number().int(),
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export type PeriodRateWire = z.infer<typeof periodRateSchema>;
export const ratesSchema = z.object({
  granularity: granularitySchema,
  today: z.string(),
  periods: z.array(periodRateSchema),
});
export type RatesWire = z.infer<typeof ratesSchema>;

export const evidenceBody = z.strictObject({
  questionKeys: z.array(z.string().min(1).max(100)).min(1).max(50),
});
