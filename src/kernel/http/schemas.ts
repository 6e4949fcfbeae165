import { z } from "zod";

export const idParam = z.strictObject({ id: z.string().min(1).max(64) });
export const unitKind = z.enum(["kementerian", "eselon1", "kanwil", "kantor", "kawasan"]);
export const zone = z.enum(["WIB", "WITA", "WIT"]);
export const localized = z.object({ id: z.string(), en: z.string() });

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number().int(),
  zone,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    params: z.record(z.string(), z.unknown()),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
  }),
});

/** Text a person typed: trimmed, no control characters, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
      "must not contain control characters",
    );
