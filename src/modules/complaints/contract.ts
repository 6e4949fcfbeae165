/** Wire schemas of the complaints API, shared by server and web. */
import { z } from "zod";
import { type Confidence, OVERRIDE_KEYS, SLA_CLASSES } from "./domain/sla-rules";
import { CATEGORIES, COMMANDS, FORWARD_CHANNELS, REJECT_KINDS, STATUSES } from "./domain/workflow";

export const COMPLAINT_PERMISSIONS = {
  read: "complaints.read",
  handle: "complaints.handle",
  configure: "complaints.configure",
} as const;

/** Channels through which staff record a complaint received outside the public form. */
export const STAFF_INTAKE_CHANNELS = ["counter", "phone", "letter", "email"] as const;
export const INTAKE_CHANNELS = ["web", ...STAFF_INTAKE_CHANNELS] as const;

export const statusSchema = z.enum(STATUSES);
export const categorySchema = z.enum(CATEGORIES);
export const slaClassSchema = z.enum(SLA_CLASSES);
export const slaStateSchema = z.enum(["on_time", "near_due", "overdue", "met", "late"]);

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

// --- public ----------------------------------------------------------------------------------------

export const intakeBody = z.strictObject({
  unitCode: trimmed(1, 64),
  category: categorySchema,
  service: trimmed(2, 200),
  description: trimmed(10, 5000),
  contactName: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email().nullable()),
  contactPhone: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\+?[0-9 -]{6,20}$/, "phone number")
        .nullable(),
    ),
  lang: z.enum(["id", "en"]).default("id"),
  /** Honeypot: people leave it empty; a filled one is a bot (accepted silently, not stored). */
  website: z.string().max(200).optional(),
});
export type IntakeBody = z.input<typeof intakeBody>;

export const intakeResponse = z.object({
  code: z.string(),
  secret: z.string(),
  receivedAt: z.string(),
  verifyDue: z.string(),
});
export type IntakeResponse = z.infer<typeof intakeResponse>;

export const publicUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  services: z.array(z.string()),
  maxAttachmentBytes: z.number().int(),
  maxAttachments: z.number().int(),
});
export type PublicUnit = z.infer<typeof publicUnitSchema>;

export const trackBody = z.strictObject({ code: trimmed(1, 40), secret: trimmed(1, 40) });

export const publicEventSchema = z.object({
  kind: z.string(),
  at: z.string(),
  toStatus: statusSchema.nullable(),
  /** What the public may read (an answer, a rejection reason, a forward reference, a reply). */
  body: z.string().nullable(),
  fromComplainant: z.boolean(),
});

export const trackedCaseSchema = z.object({
  code: z.string(),
  unitName: z.string(),
  category: categorySchema,
  service: z.string(),
  description: z.string(),
  status: statusSchema,
  receivedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  forward: z.object({ channel: z.string(), reference: z.string() }).nullable(),
  /** The deadline the unit currently works to (ISO), if any. */
  currentDue: z.string().nullable(),
  events: z.array(publicEventSchema),
  attachments: z.array(z.object({ name: z.string(), sizeBytes: z.number().int(), at: z.string() })),
  canReply: z.boolean(),
  canRate: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
});
export type TrackedCase = z.infer<typeof trackedCaseSchema>;

export const replyBody = trackBody.extend({ message: trimmed(2, 5000) });
export const ratingBody = trackBody.extend({
  score: z.number().int().min(1).max(5),
  comment: optionalText(1000),
});

// --- staff -----------------------------------------------------------------------------------------

export const listQuery = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  status: z.union([statusSchema, z.literal("open")]).optional(),
  sla: z.enum(["on_time", "near_due", "overdue"]).optional(),
  category: categorySchema.optional(),
  assignee: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const caseListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  category: categorySchema,
  service: z.string(),
  summary: z.string(),
  status: statusSchema,
  slaClass: slaClassSchema.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: z.string(),
  currentDue: z.string().nullable(),
  sla: slaStateSchema.nullable(),
  forwardChannel: z.string().nullable(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const eventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fromStatus: statusSchema.nullable(),
  toStatus: statusSchema.nullable(),
  actorName: z.string(),
  visibility: z.enum(["public", "internal"]),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof eventSchema>;

export const stageSchema = z.object({
  stage: z.enum(["verify", "respond", "resolve", "statutoryRespond", "statutoryDecide"]),
  due: z.string().nullable(),
  doneAt: z.string().nullable(),
  state: slaStateSchema.nullable(),
  days: z.number().int(),
  kind: z.enum(["working", "calendar"]),
  source: z.string(),
  confidence: z.enum(["C1", "C2", "S", "U"]),
});
export type StageWire = z.infer<typeof stageSchema>;

export const caseDetailSchema = caseListItemSchema.extend({
  /** How it came in: the public form ("web") or recorded by staff. */
  channel: z.enum(INTAKE_CHANNELS),
  description: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decisionKind: z.string().nullable(),
  forwardReference: z.string().nullable(),
  ruleSetId: z.string(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  version: z.number().int(),
  stages: z.array(stageSchema),
  events: z.array(eventSchema),
  attachments: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      sizeBytes: z.number().int(),
      mime: z.string(),
      source: z.enum(["public", "staff"]),
      at: z.string(),
    }),
  ),
  commands: z.array(z.enum(COMMANDS)),
  canHandle: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const transitionBody = z.discriminatedUnion("command", [
  z.strictObject({
    command: z.literal("verify"),
    slaClass: slaClassSchema,
    category: categorySchema.optional(),
    note: optionalText(2000),
  }),
  z.strictObject({
    command: z.literal("assign"),
    assigneeId: z.string().min(1).max(64),
    note: optionalText(2000),
  }),
  z.strictObject({ command: z.literal("start"), note: optionalText(2000) }),
  z.strictObject({ command: z.literal("answer"), answer: trimmed(10, 10000) }),
  z.strictObject({ command: z.literal("close"), note: optionalText(2000) }),
  z.strictObject({ command: z.literal("reopen"), note: trimmed(5, 2000) }),
  z.strictObject({ command: z.literal("reject"), kind: z.enum(REJECT_KINDS), reason: trimmed(10, 2000) }),
  z.strictObject({
    command: z.literal("forward"),
    channel: z.enum(FORWARD_CHANNELS),
    reference: trimmed(2, 100),
    note: optionalText(2000),
  }),
]);
export type TransitionBody = z.input<typeof transitionBody>;
export type TransitionInput = z.infer<typeof transitionBody>;

/** A complaint received at the counter, by phone, by letter or by e-mail, recorded by staff. */
export const staffIntakeBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  channel: z.enum(STAFF_INTAKE_CHANNELS),
  /** When it was received (a letter is often registered later); at most 30 days back, never ahead. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** The letter's number and date or the caller's reference, kept with the case (internal). */
  reference: optionalText(100),
  category: categorySchema,
  service: trimmed(2, 200),
  description: trimmed(10, 5000),
  contactName: intakeBody.shape.contactName,
  contactEmail: intakeBody.shape.contactEmail,
  contactPhone: intakeBody.shape.contactPhone,
  lang: z.enum(["id", "en"]).default("id"),
});
export type StaffIntakeBody = z.input<typeof staffIntakeBody>;
export const staffIntakeResponse = intakeResponse.extend({ id: z.string() });
export type StaffIntakeResponse = z.infer<typeof staffIntakeResponse>;

export const versioned = z.object({ version: z.number().int().min(1) });
export const noteBody = z.strictObject({ body: trimmed(2, 5000) });

export const assigneeSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const ruleItemWire = z.object({
  key: z.string(),
  days: z.number().int(),
  kind: z.enum(["working", "calendar"]),
  source: z.string(),
  confidence: z.enum(["C1", "C2", "S", "U"]) as z.ZodType<Confidence>,
  confirmed: z.boolean(),
  id: z.string(),
  en: z.string(),
  /** The shipped number this unit's number replaces (equal to `days` when not overridden). */
  defaultDays: z.number().int(),
  /** The override key a unit may change; null for the statutory (UU 25/2009) limits. */
  overrideKey: z.enum(OVERRIDE_KEYS).nullable(),
});
export const rulesWire = z.object({
  ruleSetId: z.string(),
  version: z.number().int(),
  title: z.object({ id: z.string(), en: z.string() }),
  items: z.array(ruleItemWire),
  reminderWorkingDaysBefore: z.number().int(),
  defaultReminderWorkingDaysBefore: z.number().int(),
  overrides: z.record(z.string(), z.number().int()),
  /** May the caller change this unit's numbers (complaints.configure over the unit)? */
  canConfigure: z.boolean(),
});
export type RulesWire = z.infer<typeof rulesWire>;
export const rulesBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  /** Bounds and order are checked against the rule set by the service (domain overrideProblems). */
  overrides: z.partialRecord(z.enum(OVERRIDE_KEYS), z.number().int().min(1).max(120)),
});

export const periodFiguresSchema = z.object({
  received: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  open: z.number().int(),
  percentCompleted: z.number().nullable(),
  percentOnTime: z.number().nullable(),
  byStatus: z.record(z.string(), z.number().int()),
  byCategory: z.record(z.string(), z.number().int()),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
});
export type PeriodFiguresWire = z.infer<typeof periodFiguresSchema>;

export const recapQuery = z.strictObject({
  unitId: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2015).max(2100),
});
export const recapSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  total: periodFiguresSchema,
  months: z.array(periodFiguresSchema.extend({ month: z.string() })),
  evidence: z.array(z.string()),
});
export type RecapWire = z.infer<typeof recapSchema>;
export const recapEvidenceBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2015).max(2100),
  questionKeys: z.array(z.string().min(1).max(120)).min(1).max(20),
});
