/**
 * Wire schemas and names shared by the server and the web of the service-requests module (ALASCA:
 * post-auction service requests with working-hour SLAs, public tracking and generated documents).
 *
 * Stable: after the first version only additions are made here (never renames or removals).
 */
import { z } from "zod";
import {
  SLA_STATES,
  SR_COMMANDS,
  SR_FIELD_KINDS,
  SR_FILE_TYPES,
  SR_RELEASE_RULES,
  SR_STATES,
  SR_TEMPLATES,
} from "./domain/model";

export {
  AUCTION_REF_FIELD,
  BPHTB_PROOF_KEY,
  commandsFrom,
  FINAL_STATES,
  formatRemaining,
  formatWorkingMinutes,
  maskEmail,
  maskPhone,
  OBJECT_KIND_FIELD,
  OPEN_STATES,
  PAUSABLE_STATES,
  SLA_STATES,
  type SlaState,
  SR_COMMANDS,
  SR_FIELD_KINDS,
  SR_FILE_MIME,
  SR_FILE_TYPES,
  SR_RELEASE_RULES,
  SR_STATES,
  SR_TEMPLATES,
  SR_TRANSITIONS,
  type SrActorCommand,
  type SrCommand,
  type SrFieldKind,
  type SrFileType,
  type SrReleaseRule,
  type SrState,
  type SrTemplate,
} from "./domain/model";

export const SR_PERMISSIONS = {
  read: "requests.read",
  handle: "requests.handle",
  configure: "requests.configure",
  /** Record auction payment status (the receiving treasurer) until an auctions module supplies it. */
  payment: "requests.payment",
} as const;

// --- states, commands, transitions ------------------------------------------------------------------

export const srStateSchema = z.enum(SR_STATES);
export const srCommandSchema = z.enum(SR_COMMANDS);

// --- small helpers -----------------------------------------------------------------------------------

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
export const localizedSchema = z.object({ id: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;
const localizedInput = z.strictObject({ id: trimmed(1, 300), en: trimmed(1, 300) });
const localizedLongInput = z.strictObject({
  id: z.string().trim().max(2000),
  en: z.string().trim().max(2000),
});

// --- catalogue -----------------------------------------------------------------------------------------

/** A condition on a field's value, e.g. the BPHTB proof is required when objectKind = land_building. */
export const conditionSchema = z.object({
  field: z.string().min(1).max(60),
  equals: z.array(z.string().max(100)).min(1).max(20),
});
export type SrCondition = z.infer<typeof conditionSchema>;

export const requirementSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, "lowercase key"),
  name: localizedSchema,
  hint: localizedSchema.optional(),
  required: z.boolean(),
  /** Required only when this condition holds (e.g. land/buildings); `required` must be false then. */
  requiredWhen: conditionSchema.nullable().optional(),
  allowedTypes: z.array(z.enum(SR_FILE_TYPES)).min(1),
  /** Several files for one requirement (e.g. pages photographed separately). */
  multiple: z.boolean().default(false),
});
export type SrRequirement = z.infer<typeof requirementSchema>;

export const fieldOptionSchema = z.object({ value: z.string().min(1).max(100), label: localizedSchema });
export const fieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{1,59}$/, "field key"),
  label: localizedSchema,
  hint: localizedSchema.optional(),
  kind: z.enum(SR_FIELD_KINDS),
  required: z.boolean(),
  maxLength: z.number().int().min(1).max(5000).optional(),
  options: z.array(fieldOptionSchema).max(50).optional(),
});
export type SrField = z.infer<typeof fieldSchema>;

export const slaConfigSchema = z.object({
  /** Working hours until the first staff response (accept, ask for documents, reject or complete). */
  firstResponseHours: z.number().min(0.25).max(2000),
  /** Working hours until completion (paused states excluded). */
  resolutionHours: z.number().min(0.25).max(5000),
  /** Warning at this share of the resolution time used (e.g. 80). */
  warningPercent: z.number().int().min(10).max(99),
  /** States in which the clock stops. */
  pauseStates: z.array(z.enum(SR_STATES)).max(3),
  /** True when the numbers are Zona defaults, not set by a regulation or the unit's service standard. */
  unconfirmed: z.boolean(),
  /** Where the numbers come from (service standard, SOP number …), free text. */
  source: z.string().max(300).nullable(),
});
export type SrSlaConfig = z.infer<typeof slaConfigSchema>;

export const handlerSchema = z.object({
  /** Built-in role key that handles it (e.g. "service_officer", "auction_official"). */
  roleKey: z.string().max(60).nullable(),
  /** A named group/desk shown to staff (e.g. "Seksi Pelayanan Lelang"). */
  group: z.string().max(120).nullable(),
  /** Default assignee (user id) or null. */
  userId: z.string().max(64).nullable(),
});

export const serviceTypeSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  code: z.string(),
  name: localizedSchema,
  description: localizedSchema,
  requirements: z.array(requirementSchema),
  fields: z.array(fieldSchema),
  sla: slaConfigSchema,
  handler: handlerSchema,
  template: z.enum(SR_TEMPLATES),
  releaseRule: z.enum(SR_RELEASE_RULES),
  /** Starter entry it was created from (null for custom ones). */
  starterKey: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Number of requests made under it (a service with requests cannot be deleted, only deactivated). */
  requestCount: z.number().int(),
});
export type ServiceType = z.infer<typeof serviceTypeSchema>;

const serviceCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{1,19}$/, "uppercase code, e.g. KRL");
export const serviceTypeInput = z.strictObject({
  unitId: z.string().min(1).max(64),
  code: serviceCode,
  name: localizedInput,
  description: localizedLongInput.default({ id: "", en: "" }),
  requirements: z.array(requirementSchema).max(20),
  fields: z.array(fieldSchema).max(30),
  sla: slaConfigSchema,
  handler: handlerSchema,
  template: z.enum(SR_TEMPLATES),
  releaseRule: z.enum(SR_RELEASE_RULES).default("none"),
  active: z.boolean().default(true),
});
export type ServiceTypeInput = z.input<typeof serviceTypeInput>;
/** PUT body: everything but the unit, plus the version read (optimistic lock). */
export const serviceTypeUpdate = serviceTypeInput
  .omit({ unitId: true })
  .extend({ version: z.number().int().min(1) });
export type ServiceTypeUpdate = z.input<typeof serviceTypeUpdate>;

/** A shipped starting entry (the four post-auction services), offered to any unit. */
export const starterSchema = serviceTypeSchema
  .pick({
    code: true,
    name: true,
    description: true,
    requirements: true,
    fields: true,
    sla: true,
    handler: true,
    template: true,
    releaseRule: true,
  })
  .extend({ key: z.string(), alreadyAdded: z.boolean() });
export type Starter = z.infer<typeof starterSchema>;
export const addStartersBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  keys: z.array(z.string().min(1).max(60)).min(1).max(10),
});

// --- SLA snapshot ----------------------------------------------------------------------------------

export const slaSnapshotSchema = z.object({
  state: z.enum(SLA_STATES),
  /** Working minutes counted so far (paused time excluded). */
  elapsedMinutes: z.number().int(),
  /** Working minutes left; negative = overdue by that many working minutes. */
  remainingMinutes: z.number().int(),
  targetMinutes: z.number().int(),
  /** elapsed / target × 100, rounded down (may exceed 100). */
  percent: z.number().int(),
  /** Due time of the resolution (ISO), moved later by paused intervals. Null while paused. */
  dueAt: z.string().nullable(),
  firstResponseDueAt: z.string(),
  firstResponseAt: z.string().nullable(),
  firstResponseBreached: z.boolean(),
  paused: z.boolean(),
  /** True when the clock stopped for good (completed, rejected, cancelled). */
  stopped: z.boolean(),
  /** When the clock stopped (final state) or null. */
  stoppedAt: z.string().nullable(),
  warningPercent: z.number().int(),
});
export type SlaSnapshot = z.infer<typeof slaSnapshotSchema>;

// --- requests ------------------------------------------------------------------------------------------

export const documentSourceSchema = z.enum(["requester", "staff", "produced"]);
export const requestDocumentSchema = z.object({
  fileId: z.string(),
  requirementKey: z.string().nullable(),
  name: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  source: documentSourceSchema,
  at: z.string(),
});
export type RequestDocument = z.infer<typeof requestDocumentSchema>;

export const producedDocumentSchema = z.object({
  docCode: z.string(),
  number: z.string(),
  title: localizedSchema,
  issuedAt: z.string(),
  fileId: z.string(),
  sha256: z.string(),
  verifyUrl: z.string(),
});
export type ProducedDocument = z.infer<typeof producedDocumentSchema>;

export const requesterSchema = z.object({
  name: z.string(),
  /** Full contact: staff detail only (null elsewhere). */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  emailMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});

export const eventKinds = [
  "submitted",
  "accepted",
  "assigned",
  "note",
  "documents_requested",
  "documents_uploaded",
  "resumed",
  "completed",
  "rejected",
  "cancelled",
  "rated",
  "sla_warning",
  "sla_breached",
] as const;
export type SrEventKind = (typeof eventKinds)[number];

export const requestEventSchema = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  fromState: srStateSchema.nullable(),
  toState: srStateSchema.nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
  visibility: z.enum(["public", "internal"]),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

export const paymentStatusSchema = z.object({
  auctionRef: z.string(),
  paidInFull: z.boolean(),
  paidAt: z.string().nullable(),
  amount: z.number().int().nullable(),
  landOrBuilding: z.boolean(),
  /** "staff" (recorded by the treasurer here) or the module that supplied it (e.g. "auctions"). */
  source: z.string(),
});
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const inboxItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  serviceId: z.string(),
  serviceCode: z.string(),
  serviceName: localizedSchema,
  state: srStateSchema,
  requesterName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  submittedAt: z.string(),
  sla: slaSnapshotSchema,
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxQuery = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  state: z.union([srStateSchema, z.literal("open")]).optional(),
  serviceId: z.string().min(1).max(64).optional(),
  sla: z.enum(SLA_STATES).optional(),
  /** A user id, or "me", or "none" (unassigned). */
  assignee: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(100).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const requestDetailSchema = inboxItemSchema.extend({
  fields: z.record(z.string(), z.string()),
  /** The service's field and requirement definitions at the time (for labels). */
  service: serviceTypeSchema,
  requester: requesterSchema,
  documents: z.array(requestDocumentSchema),
  /** Requirement keys the staff asked for (while waiting_requester) and their message. */
  documentsRequested: z.object({ keys: z.array(z.string()), message: z.string() }).nullable(),
  produced: producedDocumentSchema.nullable(),
  rejectReason: z.string().nullable(),
  payment: paymentStatusSchema.nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
  events: z.array(requestEventSchema),
  commands: z.array(srCommandSchema),
  canHandle: z.boolean(),
  version: z.number().int(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const transitionBody = z.discriminatedUnion("command", [
  z.strictObject({
    command: z.literal("accept"),
    version: z.number().int().min(1),
    note: optionalText(2000),
  }),
  z.strictObject({
    command: z.literal("assign"),
    version: z.number().int().min(1),
    assigneeId: z.string().min(1).max(64),
    note: optionalText(2000),
  }),
  z.strictObject({
    command: z.literal("request_documents"),
    version: z.number().int().min(1),
    /** Requirement keys of the service, or "other" with the message saying what. */
    keys: z.array(z.string().min(1).max(60)).min(1).max(20),
    message: trimmed(5, 2000),
  }),
  z.strictObject({
    command: z.literal("resume"),
    version: z.number().int().min(1),
    note: optionalText(2000),
  }),
  z.strictObject({
    command: z.literal("complete"),
    version: z.number().int().min(1),
    /** Text printed in the produced document (e.g. the extract's object description). */
    documentText: optionalText(5000),
    note: optionalText(2000),
  }),
  z.strictObject({
    command: z.literal("reject"),
    version: z.number().int().min(1),
    reason: trimmed(10, 2000),
  }),
]);
export type TransitionBody = z.input<typeof transitionBody>;
export type TransitionInput = z.infer<typeof transitionBody>;

export const noteBody = z.strictObject({ body: trimmed(2, 5000) });
export const assigneeSchema = z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) });

// --- payments (until an auctions module supplies them) ------------------------------------------------

export const paymentRecordSchema = paymentStatusSchema.extend({
  id: z.string(),
  unitId: z.string(),
  buyerName: z.string(),
  objectDescription: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;
export const paymentBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  /** Risalah lelang number (and lot), as written on it, e.g. "123/45/2026" or "123/45/2026 lot 2". */
  auctionRef: trimmed(3, 80),
  buyerName: trimmed(2, 200),
  objectDescription: trimmed(2, 500),
  amount: z.number().int().min(1).max(1e15),
  paidInFull: z.boolean(),
  paidAt: z.iso.date().nullable(),
  landOrBuilding: z.boolean(),
});
export type PaymentBody = z.input<typeof paymentBody>;

// --- public: unit services, uploads, submission, tracking ---------------------------------------------

/** A service as the public sees it (no handler or internal ids beyond what submitting needs). */
export const publicServiceSchema = serviceTypeSchema.pick({
  code: true,
  name: true,
  description: true,
  requirements: true,
  fields: true,
  sla: true,
  releaseRule: true,
});
export type PublicService = z.infer<typeof publicServiceSchema>;
export const publicUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  services: z.array(publicServiceSchema),
  maxUploadBytes: z.number().int(),
  /** Working hours of the unit, for "jam layanan" (ISO weekday → intervals). */
  hours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
});
export type PublicUnit = z.infer<typeof publicUnitSchema>;

/** POST multipart (fields `unitCode`, then `file`) → an upload that a submission can reference. */
export const uploadResponse = z.object({
  uploadId: z.string(),
  /** Proof that the caller made the upload; send it back with the submission. */
  token: z.string(),
  name: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

export const uploadRef = z.strictObject({
  requirementKey: z.string().min(1).max(60),
  uploadId: z.string().min(1).max(64),
  token: z.string().min(1).max(128),
});
export type UploadRef = z.infer<typeof uploadRef>;

const emailInput = z
  .string()
  .trim()
  .max(254)
  .transform((v) => v.toLowerCase())
  .pipe(z.email());
const phoneInput = z
  .string()
  .trim()
  .max(20)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .pipe(
    z
      .string()
      .regex(/^\+?[0-9 -]{6,20}$/, "phone number")
      .nullable(),
  );

export const submitBody = z.strictObject({
  unitCode: trimmed(1, 64),
  serviceCode: trimmed(1, 20),
  fields: z.record(z.string().max(60), z.string().max(5000)),
  documents: z.array(uploadRef).max(40),
  requester: z.strictObject({ name: trimmed(2, 120), email: emailInput, phone: phoneInput }),
  lang: z.enum(["id", "en"]).default("id"),
  /** Honeypot: leave empty. */
  website: z.string().max(200).optional(),
});
export type SubmitBody = z.input<typeof submitBody>;

export const submitResponse = z.object({
  number: z.string(),
  /** Shown once; needed (with the number) to see details without logging in. */
  secret: z.string(),
  submittedAt: z.string(),
  firstResponseDueAt: z.string(),
  dueAt: z.string(),
});
export type SubmitResponse = z.infer<typeof submitResponse>;

/** Tracking by number; with the secret (or the requester cookie) the details come too. */
export const trackBody = z.strictObject({
  number: trimmed(1, 40),
  secret: z.string().trim().max(64).optional(),
});
export type TrackBody = z.input<typeof trackBody>;

export const publicEventSchema = z.object({
  kind: z.enum(eventKinds),
  at: z.string(),
  toState: srStateSchema.nullable(),
  /** Public text (documents asked for, rejection reason) — only with the secret; null otherwise. */
  body: z.string().nullable(),
});

export const trackingViewSchema = z.object({
  number: z.string(),
  /** The unit's code: the requester's later uploads (documents asked for) name it. */
  unitCode: z.string(),
  unitName: z.string(),
  /** Largest file the public upload takes, in bytes. */
  maxUploadBytes: z.number().int(),
  serviceCode: z.string(),
  serviceName: localizedSchema,
  state: srStateSchema,
  submittedAt: z.string(),
  sla: slaSnapshotSchema,
  history: z.array(publicEventSchema),
  /** True when the caller proved ownership (secret or requester login): `details` is then present. */
  detailed: z.boolean(),
  details: z
    .object({
      requesterName: z.string(),
      fields: z.record(z.string(), z.string()),
      service: publicServiceSchema,
      documents: z.array(requestDocumentSchema),
      documentsRequested: z.object({ keys: z.array(z.string()), message: z.string() }).nullable(),
      produced: producedDocumentSchema.nullable(),
      rejectReason: z.string().nullable(),
      canUpload: z.boolean(),
      canCancel: z.boolean(),
      canRate: z.boolean(),
      rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
    })
    .nullable(),
});
export type TrackingView = z.infer<typeof trackingViewSchema>;

/** Requester proof: the secret, or nothing when the requester cookie is present. */
const proof = { number: trimmed(1, 40), secret: z.string().trim().max(64).optional() };
export const publicUploadDocumentsBody = z.strictObject({
  ...proof,
  documents: z.array(uploadRef).min(1).max(20),
  message: optionalText(2000),
});
export const publicCancelBody = z.strictObject({ ...proof, reason: optionalText(1000) });
export const publicDownloadBody = z.strictObject({ ...proof, fileId: z.string().min(1).max(64) });

/** Satisfaction: 1–4 (the SKM scale: tidak puas, kurang puas, puas, sangat puas), once per request. */
export const RATING_MIN = 1;
export const RATING_MAX = 4;
export const ratingBody = z.strictObject({
  ...proof,
  score: z.number().int().min(RATING_MIN).max(RATING_MAX),
  comment: optionalText(1000),
});

// --- requester login (one-time code by e-mail or by WhatsApp) ---------------------------------------------

/**
 * An Indonesian mobile number in E.164 (`+628…`), from what people type: `0812-3456-7890`,
 * `62 812 3456 7890`, `+62 812 3456 7890` (spaces, dashes, dots and brackets ignored). Mobile
 * numbers only (8 after the country code, then 8–11 digits) — a landline
 * cannot receive WhatsApp. Anything else → null.
 */
export function normalizeIdPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/[\s\-().]/g, "");
  const m = /^(?:\+62|62|0)(8[0-9]{8,11})$/.exec(s);
  return m ? `+62${m[1]}` : null;
}

/** What the sign-in form may send as a phone (checked and normalised by the server: SR_PHONE_INVALID). */
const loginPhoneInput = z.string().trim().min(1).max(30);
const otpCodeInput = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, "6 digits");
const oneAddress = (b: { email?: string | undefined; phone?: string | undefined }) =>
  (b.email === undefined) !== (b.phone === undefined);
const oneAddressMessage = { message: "send exactly one of email or phone", path: ["email"] };

/** `{ email }` or `{ phone }` (exactly one); a phone code goes out over WhatsApp. */
export const otpStartBody = z
  .strictObject({
    email: emailInput.optional(),
    phone: loginPhoneInput.optional(),
    lang: z.enum(["id", "en"]).default("id"),
  })
  .refine(oneAddress, oneAddressMessage);
export type OtpStartBody = z.input<typeof otpStartBody>;
export const otpStartResponse = z.object({ sent: z.literal(true), expiresInSeconds: z.number().int() });
/** `{ email, code }` or `{ phone, code }` (exactly one address). */
export const otpVerifyBody = z
  .strictObject({
    email: emailInput.optional(),
    phone: loginPhoneInput.optional(),
    code: otpCodeInput,
  })
  .refine(oneAddress, oneAddressMessage);
export type OtpVerifyBody = z.input<typeof otpVerifyBody>;
export const REQUESTER_CHANNELS = ["email", "phone"] as const;
export type RequesterChannel = (typeof REQUESTER_CHANNELS)[number];
export const requesterSessionSchema = z.object({
  /** Null for a session opened with a phone code. */
  email: z.string().nullable(),
  emailMasked: z.string().nullable(),
  expiresAt: z.string(),
  /** How the requester signed in; "mine" lists the requests with that e-mail or that phone. */
  channel: z.enum(REQUESTER_CHANNELS).default("email"),
  /** E.164 (+628…), for a session opened with a phone code; else null. */
  phone: z.string().nullable().default(null),
  phoneMasked: z.string().nullable().default(null),
});
export type RequesterSession = z.infer<typeof requesterSessionSchema>;
export const myRequestItemSchema = z.object({
  number: z.string(),
  unitName: z.string(),
  serviceName: localizedSchema,
  state: srStateSchema,
  submittedAt: z.string(),
  sla: slaSnapshotSchema,
});
export const myRequestsSchema = z.object({
  session: requesterSessionSchema,
  items: z.array(myRequestItemSchema),
});
export type MyRequests = z.infer<typeof myRequestsSchema>;

// --- public document verification ---------------------------------------------------------------------

export const verificationViewSchema = z.object({
  valid: z.literal(true),
  docCode: z.string(),
  documentNumber: z.string(),
  title: localizedSchema,
  issuedAt: z.string(),
  issuingUnit: z.object({ code: z.string(), name: z.string() }),
  serviceName: localizedSchema,
  /** SHA-256 (hex) of the PDF as issued: compare with the file you hold. */
  sha256: z.string(),
});
export type VerificationView = z.infer<typeof verificationViewSchema>;

// --- dashboard ------------------------------------------------------------------------------------------

export const dashboardQuery = z.strictObject({
  unitId: z.string().min(1).max(64),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const serviceFiguresSchema = z.object({
  serviceId: z.string(),
  code: z.string(),
  name: localizedSchema,
  submitted: z.number().int(),
  completed: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  open: z.number().int(),
  /** Finished (completed) within the resolution SLA. */
  completedOnTime: z.number().int(),
  /** Breached: completed late, or still open past the due time. */
  breached: z.number().int(),
  /** completedOnTime / completed × 100 (one decimal), null when none completed. */
  complianceRate: z.number().nullable(),
  firstResponseOnTimeRate: z.number().nullable(),
  /** Average working hours from submission to completion (paused time excluded), one decimal. */
  averageCompletionWorkingHours: z.number().nullable(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
});
export type ServiceFigures = z.infer<typeof serviceFiguresSchema>;

export const breachSchema = z.object({
  requestId: z.string(),
  number: z.string(),
  serviceCode: z.string(),
  serviceName: localizedSchema,
  state: srStateSchema,
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  overdueMinutes: z.number().int(),
  /** The latest internal note or the rejection reason, as the reason for the delay (null if none). */
  reason: z.string().nullable(),
});
export type Breach = z.infer<typeof breachSchema>;

export const dashboardSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  total: serviceFiguresSchema.omit({ serviceId: true, code: true, name: true }),
  services: z.array(serviceFiguresSchema),
  /** Requests submitted per month (YYYY-MM) in the period. */
  months: z.array(
    z.object({
      month: z.string(),
      submitted: z.number().int(),
      completed: z.number().int(),
      breached: z.number().int(),
    }),
  ),
  breaches: z.array(breachSchema),
  ratingDistribution: z.record(z.string(), z.number().int()),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Satisfaction figures (for the surveys module / LKE): see `requestSatisfaction` in server/index.ts. */
export const satisfactionFiguresSchema = z.object({
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  ratings: z.number().int(),
  average: z.number().nullable(),
  /** Share of ratings 3 or 4 (puas / sangat puas), one decimal. */
  satisfiedPercent: z.number().nullable(),
  distribution: z.record(z.string(), z.number().int()),
  scaleMax: z.number().int(),
});
export type SatisfactionFigures = z.infer<typeof satisfactionFiguresSchema>;

// --- API paths ------------------------------------------------------------------------------------------

const enc = encodeURIComponent;
export const SR_API = {
  // staff
  catalogue: "/api/requests/catalogue", // GET ?unitId, POST
  catalogueItem: (id: string) => `/api/requests/catalogue/${enc(id)}`, // GET, PUT, DELETE
  starters: "/api/requests/catalogue/starters", // GET ?unitId, POST {unitId, keys}
  inbox: "/api/requests", // GET ?InboxQuery
  detail: (id: string) => `/api/requests/${enc(id)}`, // GET
  transition: (id: string) => `/api/requests/${enc(id)}/transition`, // POST TransitionBody
  notes: (id: string) => `/api/requests/${enc(id)}/notes`, // POST {body}
  staffFile: (id: string, fileId: string) => `/api/requests/${enc(id)}/files/${enc(fileId)}`, // GET bytes
  assignees: "/api/requests/assignees", // GET ?unitId
  payments: "/api/requests/payments", // GET ?unitId, POST PaymentBody
  dashboard: "/api/requests/dashboard", // GET ?unitId&from&to
  dashboardXlsx: "/api/requests/dashboard.xlsx", // GET ?unitId&from&to
  // public
  publicUnit: (unitCode: string) => `/api/public/requests/units/${enc(unitCode)}`, // GET
  publicUpload: "/api/public/requests/uploads", // POST multipart unitCode, file
  publicSubmit: "/api/public/requests", // POST SubmitBody
  publicTrack: "/api/public/requests/track", // POST TrackBody
  publicDocuments: "/api/public/requests/documents", // POST (answer a request for documents)
  publicCancel: "/api/public/requests/cancel", // POST
  publicDownload: "/api/public/requests/download", // POST {number, secret?, fileId} → bytes
  publicRate: "/api/public/requests/rate", // POST
  otpStart: "/api/public/requests/login/start", // POST {email} | {phone}
  otpVerify: "/api/public/requests/login/verify", // POST {email | phone, code} → sets cookie
  logout: "/api/public/requests/logout", // POST
  mine: "/api/public/requests/mine", // GET (cookie)
  verify: (docCode: string) => `/api/public/documents/${enc(docCode)}/verify`, // GET
} as const;

/** Web path of the public verification page printed in the QR code: `${PUBLIC_URL}/verifikasi/<docCode>`. */
export const verifyPagePath = (docCode: string) => `/verifikasi/${enc(docCode)}`;
