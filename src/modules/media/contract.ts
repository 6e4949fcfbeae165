/**
 * The media module's HTTP API (/api/media/*): wire schemas and types, shared by the server
 * (validation, OpenAPI) and the pages (types).
 */
import { z } from "zod";
import { CHANNEL_KINDS, STATUSES, THEMES } from "./domain/model";
import { REACH_FIELDS } from "./domain/reach";
import { COMMANDS } from "./domain/workflow";

export const channelKindSchema = z.enum(CHANNEL_KINDS);
export const themeSchema = z.enum(THEMES);
export const statusSchema = z.enum(STATUSES);
export const commandSchema = z.enum(COMMANDS);

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
const idSchema = z.string().min(1).max(64);
const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
      "control characters are not allowed",
    );

export const reachSchema = z.object({
  views: z.number().int(),
  likes: z.number().int(),
  comments: z.number().int(),
  shares: z.number().int(),
});
export type ReachWire = z.infer<typeof reachSchema>;
export { REACH_FIELDS };

// ------------------------------------------------------------------------------------------------
// Channels and settings

export const channelSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: channelKindSchema,
  name: z.string(),
  handle: z.string().nullable(),
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof channelSchema>;

export const createChannelBody = z.strictObject({
  unitId: idSchema,
  kind: channelKindSchema,
  name: cleanText(120).pipe(z.string().min(1)),
  handle: cleanText(120).nullable().optional(),
  url: cleanText(500).nullable().optional(),
  active: z.boolean().optional(),
});
export const updateChannelBody = z.strictObject({
  kind: channelKindSchema.optional(),
  name: cleanText(120).pipe(z.string().min(1)).optional(),
  handle: cleanText(120).nullable().optional(),
  url: cleanText(500).nullable().optional(),
  active: z.boolean().optional(),
});

export const settingsSchema = z.object({ unitId: z.string(), planWeekends: z.boolean() });
export const settingsBody = z.strictObject({ unitId: idSchema, planWeekends: z.boolean() });

// ------------------------------------------------------------------------------------------------
// Items

export const userRefSchema = z.object({ id: z.string(), name: z.string() });
export const publicationSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  url: z.string(),
  publishedOn: z.string(),
  reach: reachSchema,
  reachUpdatedAt: z.string().nullable(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const itemSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  plannedDate: z.string(),
  theme: themeSchema,
  title: z.string(),
  status: statusSchema,
  channelIds: z.array(z.string()),
  assignee: userRefSchema.nullable(),
  reach: reachSchema,
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
});

export const historySchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});

export const itemDetailSchema = itemSummarySchema.extend({
  draftText: z.string(),
  rejectReason: z.string().nullable(),
  createdBy: userRefSchema.nullable(),
  submittedBy: userRefSchema.nullable(),
  approvedBy: userRefSchema.nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publications: z.array(publicationSchema),
  attachments: z.array(attachmentSchema),
  history: z.array(historySchema),
  /** Commands the caller may run now (status, permission and authorship all allow them). */
  commands: z.array(commandSchema),
  editable: z.boolean(),
  /** LKE question keys this item is linked to as evidence. */
  evidenceKeys: z.array(z.string()),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const createItemBody = z.strictObject({
  unitId: idSchema,
  plannedDate: dateSchema,
  theme: themeSchema,
  title: cleanText(200).pipe(z.string().min(1)),
  channelIds: z.array(idSchema).min(1).max(10),
  assigneeId: idSchema.nullable().optional(),
  draftText: cleanText(10_000).optional(),
  attachmentIds: z.array(idSchema).max(20).optional(),
  /** Start as a draft (text ready) instead of an idea. */
  asDraft: z.boolean().optional(),
});
export type CreateItemInput = z.infer<typeof createItemBody>;

export const updateItemBody = z.strictObject({
  version: z.number().int(),
  plannedDate: dateSchema.optional(),
  theme: themeSchema.optional(),
  title: cleanText(200).pipe(z.string().min(1)).optional(),
  channelIds: z.array(idSchema).min(1).max(10).optional(),
  assigneeId: idSchema.nullable().optional(),
  draftText: cleanText(10_000).optional(),
  attachmentIds: z.array(idSchema).max(20).optional(),
});
export type UpdateItemInput = z.infer<typeof updateItemBody>;

export const publicationInputSchema = z.strictObject({
  channelId: idSchema,
  url: z.string().trim().max(500),
  publishedOn: dateSchema,
});

export const transitionBody = z.strictObject({
  command: commandSchema,
  version: z.number().int(),
  reason: cleanText(1000).optional(),
  publications: z.array(publicationInputSchema).max(10).optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const reachBody = z.strictObject({
  views: z.number(),
  likes: z.number(),
  comments: z.number(),
  shares: z.number(),
});

export const evidenceBody = z.strictObject({
  questionKeys: z.array(z.string().min(1).max(200)).min(1).max(30),
});
export const monthEvidenceBody = evidenceBody.extend({ unitId: idSchema });

// ------------------------------------------------------------------------------------------------
// Month view and report

export const bucketSchema = z.object({
  key: z.string(),
  items: z.number().int(),
  publications: z.number().int(),
  reach: reachSchema,
});
export type BucketWire = z.infer<typeof bucketSchema>;

export const monthDaySchema = z.object({
  date: z.string(),
  weekday: z.number().int(),
  working: z.boolean(),
  holiday: z.string().nullable(),
  required: z.boolean(),
  gap: z.boolean(),
  items: z.array(itemSummarySchema),
});
export type MonthDay = z.infer<typeof monthDaySchema>;

export const monthSchemaWire = z.object({
  unitId: z.string(),
  month: z.string(),
  planWeekends: z.boolean(),
  days: z.array(monthDaySchema),
  gapCount: z.number().int(),
  requiredDays: z.number().int(),
  statusCounts: z.record(z.string(), z.number().int()),
  byChannel: z.array(bucketSchema),
  byTheme: z.array(bucketSchema),
  reach: reachSchema,
  channels: z.array(channelSchema),
  evidenceKeys: z.array(z.string()),
});
export type MonthView = z.infer<typeof monthSchemaWire>;

export const reportSchema = z.object({
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      items: z.number().int(),
      published: z.number().int(),
      gapCount: z.number().int(),
      reach: reachSchema,
    }),
  ),
  byChannel: z.array(bucketSchema),
  byTheme: z.array(bucketSchema),
  reach: reachSchema,
  channels: z.array(channelSchema),
});
export type Report = z.infer<typeof reportSchema>;
