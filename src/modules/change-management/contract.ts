/**
 * Wire schemas of the change-management API (/api/cm/*), shared by the server (route schemas) and
 * the web app (types). Dates are YYYY-MM-DD (Asia/Jakarta), instants UTC ISO-8601.
 */
import { z } from "zod";
import { ACTIVITY_STATUSES, DATE_RE, LEVER_AREAS, TEAM_ROLES } from "./domain/model";

export const areaKeySchema = z.enum(LEVER_AREAS);
export const teamRoleSchema = z.enum(TEAM_ROLES);
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export const dateSchema = z.string().regex(DATE_RE, "YYYY-MM-DD");
const idSchema = z.string().min(1).max(64);
/** Control characters other than tab and line breaks (pasted from other systems by accident). */
const hasControl = (s: string) =>
  [...s].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127;
  });
/** Text a person typed: trimmed, not empty, no control characters, bounded. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControl(s), "must not contain control characters");
const optionalText = (max: number) => z.string().trim().max(max);

export const unitQuery = z.strictObject({ unitId: idSchema });

export const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type PersonWire = z.infer<typeof personSchema>;

export const fileRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});
export type FileRefWire = z.infer<typeof fileRefSchema>;

// ---------------------------------------------------------------------------------------------
// Team (Tim Kerja ZI)

export const decreeSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  number: z.string(),
  date: z.string(),
  file: fileRefSchema.nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  replacedAt: z.string().nullable(),
});
export type DecreeWire = z.infer<typeof decreeSchema>;

export const memberSchema = z.object({
  id: z.string(),
  decreeId: z.string(),
  userId: z.string(),
  name: z.string(),
  role: teamRoleSchema,
  areaKey: areaKeySchema.nullable(),
});
export type MemberWire = z.infer<typeof memberSchema>;

export const teamSchema = z.object({
  decree: decreeSchema.nullable(),
  members: z.array(memberSchema),
  decrees: z.array(decreeSchema.extend({ memberCount: z.number().int() })),
});
export type TeamWire = z.infer<typeof teamSchema>;

const memberInput = z.strictObject({
  userId: idSchema,
  role: teamRoleSchema,
  areaKey: areaKeySchema.nullable().optional(),
});

export const decreeInput = {
  unitId: idSchema,
  number: text(120),
  date: dateSchema,
  fileId: idSchema.nullable().optional(),
};

export const createTeamDecreeBody = z.strictObject({
  ...decreeInput,
  members: z.array(memberInput).min(1).max(200),
});
export const addMemberBody = memberInput.extend({ unitId: idSchema });
export const updateMemberBody = z.strictObject({
  role: teamRoleSchema.optional(),
  areaKey: areaKeySchema.nullable().optional(),
});

export const teamHistorySchema = z.object({
  id: z.string(),
  decreeId: z.string(),
  decreeNumber: z.string(),
  action: z.enum(["decree", "added", "removed", "changed"]),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  role: teamRoleSchema.nullable(),
  areaKey: areaKeySchema.nullable(),
  previousRole: teamRoleSchema.nullable(),
  previousAreaKey: areaKeySchema.nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type TeamHistoryWire = z.infer<typeof teamHistorySchema>;

// ---------------------------------------------------------------------------------------------
// Work plan (rencana kerja)

export const activitySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  areaKey: areaKeySchema,
  title: z.string(),
  target: z.string(),
  output: z.string(),
  picUserId: z.string(),
  picName: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  progress: z.number().int(),
  status: activityStatusSchema,
  note: z.string(),
  overdue: z.boolean(),
  fileCount: z.number().int(),
  updatedAt: z.string(),
});
export type ActivityWire = z.infer<typeof activitySchema>;

export const areaProgressSchema = z.object({
  areaKey: areaKeySchema,
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  progress: z.number(),
});
export type AreaProgressWire = z.infer<typeof areaProgressSchema>;

export const planSchema = z.object({
  today: z.string(),
  items: z.array(activitySchema),
  areas: z.array(areaProgressSchema),
});
export type PlanWire = z.infer<typeof planSchema>;

export const activityDetailSchema = activitySchema.extend({
  files: z.array(fileRefSchema),
  questionKeys: z.array(z.string()),
  /** What the caller may do: edit everything (manager), or report progress (person in charge). */
  canManage: z.boolean(),
  canReport: z.boolean(),
});
export type ActivityDetailWire = z.infer<typeof activityDetailSchema>;

export const createActivityBody = z.strictObject({
  unitId: idSchema,
  areaKey: areaKeySchema,
  title: text(300),
  target: optionalText(1000).default(""),
  output: optionalText(1000).default(""),
  picUserId: idSchema,
  startDate: dateSchema,
  dueDate: dateSchema,
  progress: z.number().int().min(0).max(100).default(0),
  status: activityStatusSchema.default("belum_mulai"),
  note: optionalText(2000).default(""),
});
export type CreateActivityInput = z.input<typeof createActivityBody>;

export const updateActivityBody = z.strictObject({
  areaKey: areaKeySchema.optional(),
  title: text(300).optional(),
  target: optionalText(1000).optional(),
  output: optionalText(1000).optional(),
  picUserId: idSchema.optional(),
  startDate: dateSchema.optional(),
  dueDate: dateSchema.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  status: activityStatusSchema.optional(),
  note: optionalText(2000).optional(),
});
export type UpdateActivityInput = z.input<typeof updateActivityBody>;

export const linkQuestionsBody = z.strictObject({
  questionKeys: z.array(z.string().min(1).max(120)).max(50),
});

/** GET|PUT /api/cm/decrees/:id/questions: the LKE questions a decree (SK) is evidence for. */
export const recordQuestionsSchema = z.object({
  questionKeys: z.array(z.string()),
});
export type RecordQuestionsWire = z.infer<typeof recordQuestionsSchema>;

/** GET /api/cm/activities/mine: the caller's own activities (person in charge), any unit. */
export const myActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  areaKey: areaKeySchema,
  dueDate: z.string(),
  status: activityStatusSchema,
  progress: z.number().int(),
  overdue: z.boolean(),
});
export const myActivitiesSchema = z.object({ items: z.array(myActivitySchema) });
export type MyActivityWire = z.infer<typeof myActivitySchema>;
export type MyActivitiesWire = z.infer<typeof myActivitiesSchema>;

// ---------------------------------------------------------------------------------------------
// Change agents (agen perubahan)

export const changeSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  title: z.string(),
  description: z.string(),
  plannedDate: z.string().nullable(),
  realisedDate: z.string().nullable(),
  integrated: z.boolean(),
  integrationRef: z.string(),
  integrationFile: fileRefSchema.nullable(),
  /** The LKE questions this change is linked to as evidence (Zona Integritas worksheet). */
  questionKeys: z.array(z.string()),
});
export type ChangeWire = z.infer<typeof changeSchema>;

export const roleModelSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  title: z.string(),
  description: z.string(),
  date: z.string(),
});
export type RoleModelWire = z.infer<typeof roleModelSchema>;

export const agentSchema = z.object({
  id: z.string(),
  decreeId: z.string(),
  userId: z.string(),
  name: z.string(),
  changes: z.array(changeSchema),
  roleModels: z.array(roleModelSchema),
});
export type AgentWire = z.infer<typeof agentSchema>;

export const agentsSchema = z.object({
  decree: decreeSchema.nullable(),
  agents: z.array(agentSchema),
  decrees: z.array(decreeSchema.extend({ memberCount: z.number().int() })),
  /** Whether the caller may change the decree and every agent's records. */
  canManage: z.boolean(),
});
export type AgentsWire = z.infer<typeof agentsSchema>;

export const createAgentDecreeBody = z.strictObject({
  ...decreeInput,
  userIds: z.array(idSchema).min(1).max(200),
});

const changeFields = {
  title: text(300),
  description: optionalText(4000).default(""),
  plannedDate: dateSchema.nullable().optional(),
  realisedDate: dateSchema.nullable().optional(),
  integrated: z.boolean().default(false),
  integrationRef: optionalText(300).default(""),
  integrationFileId: idSchema.nullable().optional(),
};
export const createChangeBody = z.strictObject(changeFields);
export const updateChangeBody = z.strictObject({
  title: text(300).optional(),
  description: optionalText(4000).optional(),
  plannedDate: dateSchema.nullable().optional(),
  realisedDate: dateSchema.nullable().optional(),
  integrated: z.boolean().optional(),
  integrationRef: optionalText(300).optional(),
  integrationFileId: idSchema.nullable().optional(),
});
export type ChangeInput = z.input<typeof createChangeBody>;

export const createRoleModelBody = z.strictObject({
  title: text(300),
  description: optionalText(2000).default(""),
  date: dateSchema,
});

export const countsQuery = z.strictObject({
  unitId: idSchema,
  year: z.coerce.number().int().min(2014).max(2100).optional(),
});
export const countsSchema = z.object({
  unitId: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  counts: z.object({
    jumlah_agen_perubahan: z.number().int(),
    jumlah_perubahan: z.number().int(),
    jumlah_perubahan_terintegrasi: z.number().int(),
  }),
  /** The LKE values the counts give: min(changes / agents, 1) and min(integrated / changes, 1). */
  ratios: z.object({ changesPerAgent: z.number(), integratedShare: z.number() }),
  questionKeys: z.object({ made: z.string(), integrated: z.string() }),
});
export type CountsWire = z.infer<typeof countsSchema>;
