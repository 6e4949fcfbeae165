/**
 * Wire schemas of the culture API (/api/culture/*), shared by the server (route schemas) and the web
 * app (types and form validation). Dates are local 'YYYY-MM-DD' (Asia/Jakarta); instants UTC ISO.
 */
import { z } from "zod";
import { isValidLocalDate } from "../../kernel/calendar/dates";
import { CHECK_STATES, LEAVE_KINDS, PROGRAMME_KINDS, scheduleRuleSchema } from "./domain/programmes";

export { scheduleRuleSchema } from "./domain/programmes";

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine(isValidLocalDate, "not a calendar date (YYYY-MM-DD)");
const id = z.string().min(1).max(64);

export const CULTURE_PERMISSIONS = {
  read: "culture.read",
  manage: "culture.manage",
} as const;

// ——— programmes ———

export const programmeSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  code: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  name: z.string(),
  description: z.string(),
  schedule: scheduleRuleSchema,
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  checklist: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgrammeWire = z.infer<typeof programmeSchema>;

export const programmeListItemSchema = programmeSchema.extend({
  occurrencesThisMonth: z.number().int(),
  lastHeld: z.string().nullable(),
  attendanceRateThisMonth: z.number().nullable(),
});
export type ProgrammeListItem = z.infer<typeof programmeListItemSchema>;

export const createProgrammeBody = z.strictObject({
  unitId: id,
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Z0-9_]+$/, "A–Z, 0–9, _"),
  kind: z.enum(PROGRAMME_KINDS),
  name: z.string().trim().min(3).max(160),
  description: z.string().trim().max(4000).default(""),
  schedule: scheduleRuleSchema,
  ownerUserId: id.nullable().default(null),
  checklist: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
});
export type CreateProgrammeInput = z.input<typeof createProgrammeBody>;

export const updateProgrammeBody = z.strictObject({
  name: z.string().trim().min(3).max(160).optional(),
  description: z.string().trim().max(4000).optional(),
  schedule: scheduleRuleSchema.optional(),
  ownerUserId: id.nullable().optional(),
  checklist: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  active: z.boolean().optional(),
});
export type UpdateProgrammeInput = z.input<typeof updateProgrammeBody>;

// ——— occurrences ———

export const checklistEntrySchema = z.strictObject({
  item: z.string().trim().min(1).max(300),
  state: z.enum(CHECK_STATES),
  improvement: z.string().trim().max(2000).default(""),
});
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

export const attendeeSchema = z.object({ userId: z.string(), name: z.string(), present: z.boolean() });

export const fileRefSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});

export const occurrenceSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  date: z.string(),
  topic: z.string().nullable(),
  speakerUserId: z.string().nullable(),
  speakerName: z.string().nullable(),
  notes: z.string(),
  files: z.array(fileRefSchema),
  checklist: z.array(checklistEntrySchema),
  attendance: z.array(attendeeSchema),
  expected: z.number().int(),
  present: z.number().int(),
  rate: z.number().nullable(),
  evidence: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OccurrenceWire = z.infer<typeof occurrenceSchema>;

export const occurrenceListItemSchema = occurrenceSchema.omit({
  attendance: true,
  checklist: true,
  files: true,
});
export type OccurrenceListItem = z.infer<typeof occurrenceListItemSchema>;

export const saveOccurrenceBody = z.strictObject({
  date: localDate,
  topic: z.string().trim().max(300).nullable().default(null),
  speakerUserId: id.nullable().default(null),
  notes: z.string().trim().max(10_000).default(""),
  fileIds: z.array(id).max(30).default([]),
  checklist: z.array(checklistEntrySchema).max(50).default([]),
  /** Everyone expected (the unit's staff by default) with whether they were present. */
  attendance: z
    .array(z.strictObject({ userId: id, present: z.boolean() }))
    .max(500)
    .default([]),
  /** Rabu Cendekia: the speaker-queue entry this session fulfils. */
  queueEntryId: id.nullable().default(null),
});
export type SaveOccurrenceInput = z.input<typeof saveOccurrenceBody>;

export const occurrencesQuery = z.strictObject({
  from: localDate.optional(),
  to: localDate.optional(),
});

export const monthStatSchema = z.object({
  month: z.string(),
  occurrences: z.number().int(),
  expected: z.number().int(),
  present: z.number().int(),
  rate: z.number().nullable(),
});
export const programmeDetailSchema = z.object({
  programme: programmeSchema,
  monthly: z.array(monthStatSchema),
  evidence: z.array(z.string()),
});

export const attendanceStatsSchema = z.object({
  year: z.number().int(),
  programmes: z.array(
    z.object({
      programmeId: z.string(),
      code: z.string(),
      name: z.string(),
      months: z.array(monthStatSchema),
    }),
  ),
});
export type AttendanceStats = z.infer<typeof attendanceStatsSchema>;

// ——— Rabu Cendekia speaker queue ———

export const queueEntrySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  programmeId: z.string(),
  userId: z.string(),
  userName: z.string(),
  training: z.string(),
  returnedOn: z.string().nullable(),
  status: z.enum(["queued", "done"]),
  occurrenceId: z.string().nullable(),
  createdAt: z.string(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;
export const queueBody = z.strictObject({
  userId: id,
  training: z.string().trim().min(3).max(300),
  returnedOn: localDate.nullable().default(null),
});

// ——— evidence ———

export const evidenceBody = z.strictObject({
  questionKeys: z.array(z.string().min(1).max(64)).min(1).max(30),
});

// ——— staff, leave, GSP ———

export const staffSchema = z.object({ userId: z.string(), name: z.string(), nip: z.string().nullable() });
export type StaffMember = z.infer<typeof staffSchema>;

export const leaveSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  userId: z.string(),
  userName: z.string(),
  from: z.string(),
  to: z.string(),
  kind: z.enum(LEAVE_KINDS),
  note: z.string(),
  createdAt: z.string(),
});
export type LeaveWire = z.infer<typeof leaveSchema>;
export const leaveBody = z.strictObject({
  unitId: id,
  userId: id,
  from: localDate,
  to: localDate,
  kind: z.enum(LEAVE_KINDS),
  note: z.string().trim().max(500).default(""),
});

export const gspTurnSchema = z.object({
  date: z.string(),
  userId: z.string(),
  name: z.string(),
  topic: z.string().nullable(),
  round: z.number().int(),
});
export type GspTurn = z.infer<typeof gspTurnSchema>;
export const gspGapSchema = z.object({ date: z.string(), pending: z.array(z.string()) });

export const gspScheduleSchema = z.object({
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  roster: z.array(staffSchema.extend({ excluded: z.boolean() })),
  turns: z.array(gspTurnSchema),
  gaps: z.array(gspGapSchema),
  /** Closed days in the range (weekends are implied): public holidays and collective leave. */
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  leaves: z.array(leaveSchema),
  /** Turn counts per eligible employee over all turns kept for the unit (proof of fairness). */
  counts: z.array(z.object({ userId: z.string(), name: z.string(), turns: z.number().int() })),
});
export type GspSchedule = z.infer<typeof gspScheduleSchema>;

export const gspScheduleQuery = z.strictObject({ unitId: id, from: localDate, to: localDate });

export const gspGenerateBody = z.strictObject({
  unitId: id,
  /** First day to (re)generate: on or after today. Turns from here on are replaced; earlier ones kept. */
  from: localDate,
  to: localDate,
});
export const gspGenerateResponse = z.object({
  created: z.number().int(),
  replaced: z.number().int(),
  gaps: z.array(gspGapSchema),
});

export const gspRosterBody = z.strictObject({ unitId: id, excludedUserIds: z.array(id).max(500) });
export const gspTopicBody = z.strictObject({ topic: z.string().trim().max(300).nullable() });

/**
 * GET /api/culture/gsp/mine — the caller's upcoming GSP turns (next 60 days). Another module's
 * "my page" reads exactly this shape: keep it stable.
 */
export const gspMineItemSchema = z.object({
  date: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.literal("speaker"),
  topic: z.string().nullable(),
});
export const gspMineSchema = z.object({ items: z.array(gspMineItemSchema) });
export type GspMine = z.infer<typeof gspMineSchema>;
export type GspMineItem = z.infer<typeof gspMineItemSchema>;
