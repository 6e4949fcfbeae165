/**
 * The integrity pact HTTP API (/api/pact): wire schemas and their types, shared by the server
 * (validation, OpenAPI) and the web pages. Dates are "YYYY-MM-DD" (Asia/Jakarta); instants UTC ISO.
 */
import { z } from "zod";

export const roundStatusSchema = z.enum(["scheduled", "open", "closed"]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
export const textHashSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "SHA-256 as 64 hex digits")
  .transform((s) => s.toLowerCase());

export const completionSchema = z.object({
  signed: z.number().int(),
  total: z.number().int(),
  /** 0–100, from the counts, rounded down to two decimals (100 only when everyone signed). */
  percent: z.number(),
});

/** A round as lists show it (without its text). */
export const roundSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  textHash: z.string(),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  status: roundStatusSchema,
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  completion: completionSchema,
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundSchema = roundSummarySchema.extend({ body: z.string() });
export type RoundWire = z.infer<typeof roundSchema>;

export const signerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  /** Role names (Indonesian) held at the round's unit. */
  roles: z.array(z.string()),
  signedAt: z.string().nullable(),
  /** Last reminder queued for this person in this round. */
  remindedAt: z.string().nullable(),
  /** false: signed while at the unit, no longer staff there (not counted in the completion). */
  staff: z.boolean(),
  verification: z.string().nullable(),
});
export type Signer = z.infer<typeof signerSchema>;

export const roundDetailSchema = z.object({
  round: roundSchema,
  signers: z.array(signerSchema),
  canManage: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const listRoundsQuery = z.strictObject({ unitId: z.string().min(1).max(64).optional() });

export const createRoundBody = z.strictObject({
  unitId: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(25_000),
  opensOn: date,
  closesOn: date.nullable().optional(),
});
export type CreateRoundInput = z.input<typeof createRoundBody>;

export const signBody = z.strictObject({
  /** SHA-256 of the exact text the signer's screen displayed. */
  textHash: textHashSchema,
  /** The statement checkbox ("Saya telah membaca dan menyetujui…"). */
  agree: z.boolean(),
});

export const signatureSchema = z.object({
  roundId: z.string(),
  userId: z.string(),
  signedAt: z.string(),
  textHash: z.string(),
  statement: z.string(),
  verification: z.string(),
});
export type SignatureWire = z.infer<typeof signatureSchema>;

export const reminderResultSchema = z.object({
  /** E-mails queued now. */
  queued: z.number().int(),
  /** Unsigned people already reminded today for this round (not e-mailed again). */
  alreadyToday: z.number().int(),
});
export type ReminderResult = z.infer<typeof reminderResultSchema>;

/**
 * GET /api/pact/mine — the caller's rounds (rounds of the units where they are staff, plus any round
 * they signed). `openedAt` is the round's opening date and `closesAt` its closing date, both
 * "YYYY-MM-DD"; rounds that have not opened yet are left out. Used by the employee's "my page".
 */
export const mineItemSchema = z.object({
  roundId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  openedAt: z.string(),
  closesAt: z.string().nullable(),
  status: z.enum(["open", "closed"]),
  signedAt: z.string().nullable(),
});
export const mineResponseSchema = z.object({ items: z.array(mineItemSchema) });
export type MineItem = z.infer<typeof mineItemSchema>;
export type MineResponse = z.infer<typeof mineResponseSchema>;

/** GET /api/pact/mine/:roundId — what the signing page shows. */
export const mineRoundSchema = z.object({
  round: roundSchema.pick({
    id: true,
    unitId: true,
    unitName: true,
    title: true,
    body: true,
    textHash: true,
    opensOn: true,
    closesOn: true,
    status: true,
  }),
  statement: z.string(),
  signer: z.object({ userId: z.string(), name: z.string(), nip: z.string().nullable() }),
  /** true when the caller is staff of the unit (may sign while the round is open). */
  canSign: z.boolean(),
  signature: signatureSchema.nullable(),
});
export type MineRound = z.infer<typeof mineRoundSchema>;

// ---------------------------------------------------------------------------------------------
// A round as LKE evidence (Zona Integritas worksheet)

/** PUT /api/pact/rounds/:id/questions: the set of LKE question keys the round proves (replaces). */
export const linkQuestionsBody = z.strictObject({
  questionKeys: z.array(z.string().min(1).max(120)).max(50),
});
export type LinkQuestionsInput = z.infer<typeof linkQuestionsBody>;

export const roundQuestionsSchema = z.object({ questionKeys: z.array(z.string()) });
export type RoundQuestions = z.infer<typeof roundQuestionsSchema>;
