/**
 * The integrity-reports HTTP API: whistle-blowing (public /api/public/wbs and staff
 * /api/integrity/wbs), gratification (/api/integrity/gratification) and conflict of interest
 * (/api/integrity/coi). Shared by the server (validation, OpenAPI) and the web pages.
 * Dates are "YYYY-MM-DD" (Asia/Jakarta); instants UTC ISO; money integer rupiah.
 */
import { z } from "zod";
import {
  COI_DECISIONS,
  COI_KINDS,
  GRAT_ACTIONS,
  GRAT_DECISIONS,
  GRAT_FORMS,
  GRAT_OCCASIONS,
  GRAT_STATUSES,
  RISK_LEVELS,
  WBS_CATEGORIES,
  WBS_STATUSES,
} from "./domain/model";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const str = (max: number) => z.string().trim().min(1).max(max);
const optStr = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const wbsCategorySchema = z.enum(WBS_CATEGORIES);
export const wbsStatusSchema = z.enum(WBS_STATUSES);

// ---------------------------------------------------------------------------------------------
// Whistle-blowing, public side

export const powSchema = z.strictObject({
  challenge: z.string().min(10).max(300),
  nonce: z.string().min(1).max(40),
});
export type PowToken = z.infer<typeof powSchema>;

export const challengeSchema = z.object({ challenge: z.string(), bits: z.number().int() });
export type Challenge = z.infer<typeof challengeSchema>;

export const wbsChannelSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  /** The parent unit that handles reports about the head, or null at the top. */
  parentName: z.string().nullable(),
  categories: z.array(wbsCategorySchema),
});
export type WbsChannel = z.infer<typeof wbsChannelSchema>;

export const wbsSubmitBody = z.strictObject({
  pow: powSchema,
  category: wbsCategorySchema,
  aboutHead: z.boolean().default(false),
  /** Who is reported (name, position, section) — free text. */
  subject: str(300),
  /** When and where it happened, as the reporter knows it. */
  when: optStr(200),
  where: optStr(300),
  description: str(10_000),
  identity: z
    .strictObject({ name: optStr(200), contact: optStr(200) })
    .optional()
    .transform((v) => (v && (v.name || v.contact) ? v : undefined)),
});
export type WbsSubmitInput = z.input<typeof wbsSubmitBody>;

export const wbsReceiptSchema = z.object({
  code: z.string(),
  secret: z.string(),
  handledByParent: z.boolean(),
});
export type WbsReceipt = z.infer<typeof wbsReceiptSchema>;

export const wbsFollowBody = z.strictObject({
  pow: powSchema,
  code: z.string().trim().min(1).max(40),
  secret: z.string().trim().min(1).max(100),
});
export const wbsFollowMessageBody = wbsFollowBody.extend({ body: str(5000) });
export const wbsFollowAttachmentBody = wbsFollowBody.extend({
  filename: str(160),
  contentBase64: z.string().min(4).max(8_000_000),
});

export const wbsPublicMessageSchema = z.object({
  seq: z.number().int(),
  author: z.enum(["reporter", "handler"]),
  kind: z.enum(["message", "status"]),
  body: z.string(),
  status: wbsStatusSchema.nullable(),
  on: z.string(),
});
export const wbsAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  metadata: z.enum(["stripped", "clean", "warn"]),
  fromReporter: z.boolean(),
  createdAt: z.string(),
});
export type WbsAttachment = z.infer<typeof wbsAttachmentSchema>;

export const wbsFollowViewSchema = z.object({
  code: z.string(),
  category: wbsCategorySchema,
  status: wbsStatusSchema,
  submittedOn: z.string(),
  subject: z.string(),
  description: z.string(),
  messages: z.array(wbsPublicMessageSchema),
  attachments: z.array(
    wbsAttachmentSchema.pick({ id: true, filename: true, metadata: true, sizeBytes: true }),
  ),
});
export type WbsFollowView = z.infer<typeof wbsFollowViewSchema>;

export const wbsAttachmentResultSchema = z.object({
  id: z.string(),
  filename: z.string(),
  metadata: z.enum(["stripped", "clean", "warn"]),
});

// ---------------------------------------------------------------------------------------------
// Whistle-blowing, handler side

export const wbsSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  originUnitName: z.string(),
  aboutHead: z.boolean(),
  category: wbsCategorySchema,
  status: wbsStatusSchema,
  subject: z.string(),
  hasIdentity: z.boolean(),
  submittedOn: z.string(),
  lastActivityAt: z.string(),
  awaitingHandler: z.boolean(),
});
export type WbsSummary = z.infer<typeof wbsSummarySchema>;

export const wbsMessageSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  author: z.enum(["reporter", "handler"]),
  kind: z.enum(["message", "note", "status"]),
  body: z.string(),
  status: wbsStatusSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type WbsMessage = z.infer<typeof wbsMessageSchema>;

export const wbsDetailSchema = wbsSummarySchema.extend({
  when: z.string().nullable(),
  where: z.string().nullable(),
  description: z.string(),
  messages: z.array(wbsMessageSchema),
  attachments: z.array(wbsAttachmentSchema),
  nextStatuses: z.array(wbsStatusSchema),
});
export type WbsDetail = z.infer<typeof wbsDetailSchema>;

export const wbsListQuery = z.strictObject({
  unitId: z.string().max(64).optional(),
  status: z.enum(["open", "closed", "all"]).default("open"),
});
export const wbsHandlerMessageBody = z.strictObject({
  body: str(5000),
  internal: z.boolean().default(false),
});
export const wbsStatusBody = z.strictObject({ status: wbsStatusSchema, note: optStr(2000) });
export const wbsIdentitySchema = z.object({ name: z.string().nullable(), contact: z.string().nullable() });

// ---------------------------------------------------------------------------------------------
// Gratification

export const gratStatusSchema = z.enum(GRAT_STATUSES);
export const gratCreateBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  giverName: str(200),
  giverRelation: str(200),
  giverAddress: optStr(300),
  occasion: z.enum(GRAT_OCCASIONS),
  form: z.enum(GRAT_FORMS),
  description: str(3000),
  valueIdr: z.number().int().min(0).max(1_000_000_000_000),
  receivedOn: date,
  place: optStr(300),
  action: z.enum(GRAT_ACTIONS),
});
export type GratCreateInput = z.input<typeof gratCreateBody>;

export const gratReviewBody = z.strictObject({
  note: str(3000),
  decision: z.enum(GRAT_DECISIONS).optional(),
});
export const gratForwardBody = z.strictObject({
  kpkReference: z.string().trim().max(100),
  forwardedOn: date,
});
export const gratDecideBody = z.strictObject({
  decision: z.enum(GRAT_DECISIONS),
  decidedOn: date,
  decisionReference: optStr(200),
  note: optStr(2000),
});

export const ruleValueSchema = z.object({
  value: z.number(),
  source: z.string(),
  confidence: z.enum(["C1", "C2", "S", "U"]),
});

export const gratDeadlinesSchema = z.object({
  ruleSetId: z.string(),
  reportToKpkBy: z.string(),
  reportToUpgBy: z.string(),
  upgForwardBy: z.string().nullable(),
  completeBy: z.string().nullable(),
});

export const gratReportSchema = z.object({
  id: z.string(),
  number: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reporterName: z.string(),
  reporterUserId: z.string().nullable(),
  giverName: z.string(),
  giverRelation: z.string(),
  giverAddress: z.string().nullable(),
  occasion: z.enum(GRAT_OCCASIONS),
  form: z.enum(GRAT_FORMS),
  description: z.string(),
  valueIdr: z.number().int(),
  receivedOn: z.string(),
  reportedOn: z.string(),
  place: z.string().nullable(),
  action: z.enum(GRAT_ACTIONS),
  status: gratStatusSchema,
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  kpkReference: z.string().nullable(),
  forwardedOn: z.string().nullable(),
  decision: z.enum(GRAT_DECISIONS).nullable(),
  decidedOn: z.string().nullable(),
  decisionReference: z.string().nullable(),
  deadlines: gratDeadlinesSchema,
  reportedOnTime: z.boolean(),
  forwardOverdue: z.boolean(),
  threshold: z.object({
    belowThreshold: z.boolean(),
    thresholdIdr: z.number().nullable(),
    confidence: z.enum(["C1", "C2", "S", "U"]).nullable(),
    ruleSetId: z.string(),
  }),
});
export type GratReport = z.infer<typeof gratReportSchema>;

export const gratListQuery = z.strictObject({
  unitId: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const gratRecapSchema = z.object({
  year: z.number().int(),
  total: z.number().int(),
  refused: z.number().int(),
  accepted: z.number().int(),
  forwardedToKpk: z.number().int(),
  reportedOnTime: z.number().int(),
  totalValueIdr: z.number().int(),
  byMonth: z.array(
    z.object({ month: z.number().int(), refused: z.number().int(), accepted: z.number().int() }),
  ),
  byDecision: z.record(z.string(), z.number().int()),
  campaigns: z.number().int(),
});
export type GratRecap = z.infer<typeof gratRecapSchema>;

export const campaignBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  title: str(300),
  date,
  channel: str(100),
  fileId: z.string().max(64).optional(),
  url: z.url().max(500).optional(),
});
export const campaignSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  title: z.string(),
  date: z.string(),
  channel: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const gratRulesSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    effectiveFrom: z.string(),
    effectiveFromConfidence: z.enum(["C1", "C2", "S", "U"]),
    reportToKpkWorkingDays: ruleValueSchema,
    toUpgWorkingDays: ruleValueSchema,
    upgToKpkWorkingDays: ruleValueSchema,
    completenessWorkingDays: ruleValueSchema,
    thresholds: z.record(z.string(), ruleValueSchema),
  }),
);

// ---------------------------------------------------------------------------------------------
// Conflict of interest

export const coiDeclareBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  kind: z.enum(COI_KINDS),
  year: z.number().int().min(2000).max(2100),
  hasConflict: z.boolean(),
  details: optStr(5000),
  activityName: optStr(300),
  activityDate: date.optional(),
});
export type CoiDeclareInput = z.input<typeof coiDeclareBody>;

export const coiDeclarationSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(COI_KINDS),
  year: z.number().int(),
  hasConflict: z.boolean(),
  details: z.string().nullable(),
  activityName: z.string().nullable(),
  activityDate: z.string().nullable(),
  status: z.enum(["submitted", "reviewed"]),
  decision: z.enum(COI_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CoiDeclaration = z.infer<typeof coiDeclarationSchema>;

export const coiReviewBody = z.strictObject({ decision: z.enum(COI_DECISIONS), note: optStr(2000) });
export const coiListQuery = z.strictObject({
  unitId: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const coiFunctionBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  name: str(300),
  description: optStr(2000),
  riskLevel: z.enum(RISK_LEVELS),
  controls: optStr(2000),
});
export const coiFunctionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  controls: z.string().nullable(),
  updatedAt: z.string(),
});
export type CoiFunction = z.infer<typeof coiFunctionSchema>;

export const coiEvaluationSchema = z.object({
  year: z.number().int(),
  employees: z.number().int(),
  declared: z.number().int(),
  withConflict: z.number().int(),
  percent: z.number(),
  adhoc: z.number().int(),
  reviewed: z.number().int(),
  pendingReview: z.number().int(),
  functionsMapped: z.number().int(),
  highRiskFunctions: z.number().int(),
  missing: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type CoiEvaluationWire = z.infer<typeof coiEvaluationSchema>;

// ---------------------------------------------------------------------------------------------
// Evidence for the LKE

export const evidenceBody = z.strictObject({
  type: z.enum(["wbs-summary", "grat-campaign", "grat-recap", "coi-functions", "coi-evaluation"]),
  /** Record id (campaign), or the year for yearly figures. */
  id: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  questionKeys: z.array(z.string().min(1).max(200)).min(1).max(10),
});
