/**
 * Wire schemas of the service-standards API, shared by the server (validation, responses) and the
 * web app (types). Staff routes live under /api/standards, public ones under /api/public/units/:code.
 */
import { z } from "zod";
import {
  ACCESSIBILITY_FLAGS,
  COMPONENTS,
  COST_KINDS,
  EVIDENCE_TYPES,
  FACILITY_KINDS,
  INTERNAL_COMPONENTS,
  PUBLIC_COMPONENTS,
  TIME_UNITS,
} from "./domain/model";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Typed text: trimmed, bounded, no control characters; empty allowed. */
const free = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), "must not contain control characters");
/** Typed text that must not be empty. */
const required = (max: number) => free(max).pipe(z.string().min(1, "must not be empty"));
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a real calendar date");
const id = z.string().min(1).max(64);
const lines = (maxItems: number, maxLen: number) =>
  z
    .array(free(maxLen))
    .max(maxItems)
    .transform((l) => l.filter((s) => s.length > 0));

export const componentSchema = z.enum(COMPONENTS as [string, ...string[]]);
export const publicComponentSchema = z.enum(PUBLIC_COMPONENTS);
export const internalComponentSchema = z.enum(INTERNAL_COMPONENTS);
export const facilityKindSchema = z.enum(FACILITY_KINDS);
export const accessibilityFlagSchema = z.enum(ACCESSIBILITY_FLAGS);

export const timeSchema = z.strictObject({
  value: z.number().int().min(1).max(100_000),
  unit: z.enum(TIME_UNITS),
  note: free(300).default(""),
});
export const costSchema = z
  .strictObject({
    kind: z.enum(COST_KINDS),
    amountIdr: z.number().int().min(1).max(1_000_000_000_000).nullable().default(null),
    note: free(500).default(""),
    legalBasis: free(300).default(""),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "fixed" && c.amountIdr === null)
      ctx.addIssue({
        code: "custom",
        path: ["amountIdr"],
        message: "a fixed tariff needs amountIdr in rupiah",
      });
    if (c.kind !== "fixed" && c.amountIdr !== null)
      ctx.addIssue({ code: "custom", path: ["amountIdr"], message: "only a fixed tariff has amountIdr" });
  });

/** The 14 components; every field optional on input (a draft may be partly filled). */
export const contentInput = z.strictObject({
  requirements: lines(60, 500).default([]),
  procedure: lines(60, 500).default([]),
  time: timeSchema.nullable().default(null),
  cost: costSchema.nullable().default(null),
  products: lines(20, 300).default([]),
  complaints: free(2000).default(""),
  legalBasis: lines(40, 300).default([]),
  facilities: free(2000).default(""),
  competence: free(2000).default(""),
  supervision: free(2000).default(""),
  staffCount: z.number().int().min(1).max(10_000).nullable().default(null),
  serviceGuarantee: free(2000).default(""),
  securityGuarantee: free(2000).default(""),
  evaluation: free(2000).default(""),
});
export const contentSchema = z.object({
  requirements: z.array(z.string()),
  procedure: z.array(z.string()),
  time: z.object({ value: z.number().int(), unit: z.enum(TIME_UNITS), note: z.string() }).nullable(),
  cost: z
    .object({
      kind: z.enum(COST_KINDS),
      amountIdr: z.number().int().nullable(),
      note: z.string(),
      legalBasis: z.string(),
    })
    .nullable(),
  products: z.array(z.string()),
  complaints: z.string(),
  legalBasis: z.array(z.string()),
  facilities: z.string(),
  competence: z.string(),
  supervision: z.string(),
  staffCount: z.number().int().nullable(),
  serviceGuarantee: z.string(),
  securityGuarantee: z.string(),
  evaluation: z.string(),
});
export const publicStandardSchema = contentSchema.pick({
  requirements: true,
  procedure: true,
  time: true,
  cost: true,
  products: true,
  complaints: true,
});

const serviceCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes (e.g. permohonan-lelang)")
  .max(60);

export const createServiceBody = z.strictObject({
  unitId: id,
  code: serviceCode,
  nameId: required(200),
  nameEn: free(200).default(""),
  descriptionId: free(2000).default(""),
  descriptionEn: free(2000).default(""),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const updateServiceBody = z.strictObject({
  code: serviceCode.optional(),
  nameId: required(200).optional(),
  nameEn: free(200).optional(),
  descriptionId: free(2000).optional(),
  descriptionEn: free(2000).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const versionStateSchema = z.enum(["draft", "scheduled", "current", "superseded"]);
export const missingSchema = z.object({
  public: z.array(publicComponentSchema),
  internal: z.array(internalComponentSchema),
});

export const versionSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  unitId: z.string(),
  number: z.number().int(),
  status: z.enum(["draft", "published"]),
  state: versionStateSchema,
  effectiveDate: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeFileId: z.string().nullable(),
  changeNote: z.string(),
  content: contentSchema,
  missing: missingSchema,
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VersionWire = z.infer<typeof versionSchema>;

export const updateVersionBody = z.strictObject({
  content: contentInput.optional(),
  effectiveDate: localDate.nullable().optional(),
  decreeNumber: free(120).nullable().optional(),
  decreeDate: localDate.nullable().optional(),
  decreeFileId: id.nullable().optional(),
  changeNote: free(1000).optional(),
});

export const sopSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  serviceId: z.string(),
  number: z.string(),
  title: z.string(),
  fileId: z.string().nullable(),
  effectiveDate: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SopWire = z.infer<typeof sopSchema>;
export const createSopBody = z.strictObject({
  serviceId: id,
  number: required(120),
  title: required(300),
  fileId: id.nullable().default(null),
  effectiveDate: localDate,
});
export const updateSopBody = z.strictObject({
  number: required(120).optional(),
  title: required(300).optional(),
  fileId: id.nullable().optional(),
  effectiveDate: localDate.optional(),
});

export const serviceSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  code: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  descriptionId: z.string(),
  descriptionEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceWire = z.infer<typeof serviceSchema>;

export const serviceCheckSchema = z.enum([
  "standard_in_force",
  "public_components",
  "internal_components",
  "decree_file",
  "sop",
]);
export const serviceCompletenessSchema = z.object({
  serviceId: z.string(),
  failing: z.array(serviceCheckSchema),
  missing: missingSchema,
  complete: z.boolean(),
});

export const serviceListItemSchema = serviceSchema.extend({
  currentVersion: z
    .object({ id: z.string(), number: z.number().int(), effectiveDate: z.string() })
    .nullable(),
  hasDraft: z.boolean(),
  scheduled: z.object({ number: z.number().int(), effectiveDate: z.string() }).nullable(),
  sopCount: z.number().int(),
  completeness: serviceCompletenessSchema,
});
export type ServiceListItem = z.infer<typeof serviceListItemSchema>;

export const serviceDetailSchema = z.object({
  service: serviceSchema,
  versions: z.array(versionSchema),
  sops: z.array(sopSchema),
  completeness: serviceCompletenessSchema,
  evidenceKeys: z.array(z.string()),
  today: z.string(),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

export const pledgeSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  status: z.enum(["draft", "published"]),
  inForce: z.boolean(),
  text: z.string(),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
  signedDate: z.string(),
  fileId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PledgeWire = z.infer<typeof pledgeSchema>;
export const createPledgeBody = z.strictObject({
  unitId: id,
  text: required(5000),
  signatoryName: required(200),
  signatoryTitle: required(200),
  signedDate: localDate,
  fileId: id.nullable().default(null),
});
export const updatePledgeBody = z.strictObject({
  text: required(5000).optional(),
  signatoryName: required(200).optional(),
  signatoryTitle: required(200).optional(),
  signedDate: localDate.optional(),
  fileId: id.nullable().optional(),
});

export const photoSchema = z.object({
  fileId: z.string(),
  caption: z.string(),
  sortOrder: z.number().int(),
});
export const facilitySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: facilityKindSchema,
  name: z.string(),
  description: z.string(),
  location: z.string(),
  accessibility: z.array(accessibilityFlagSchema),
  published: z.boolean(),
  sortOrder: z.number().int(),
  photos: z.array(photoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FacilityWire = z.infer<typeof facilitySchema>;
const flags = z
  .array(accessibilityFlagSchema)
  .max(ACCESSIBILITY_FLAGS.length)
  .transform((l) => [...new Set(l)]);
export const createFacilityBody = z.strictObject({
  unitId: id,
  kind: facilityKindSchema,
  name: required(200),
  description: free(2000).default(""),
  location: free(300).default(""),
  accessibility: flags.default([]),
  published: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const updateFacilityBody = z.strictObject({
  kind: facilityKindSchema.optional(),
  name: required(200).optional(),
  description: free(2000).optional(),
  location: free(300).optional(),
  accessibility: flags.optional(),
  published: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export const addPhotoBody = z.strictObject({
  fileId: id,
  /** Alternative text for screen readers: what the photo shows. */
  caption: required(300),
});

export const profileSchema = z.object({
  unitId: z.string(),
  address: z.string(),
  phone: z.string(),
  whatsapp: z.string(),
  email: z.string(),
  website: z.string(),
  serviceHours: z.string(),
  updatedAt: z.string().nullable(),
});
export type ProfileWire = z.infer<typeof profileSchema>;
export const updateProfileBody = z.strictObject({
  address: free(500).default(""),
  phone: free(60).default(""),
  whatsapp: free(60).default(""),
  email: z.union([z.literal(""), z.email().max(200)]).default(""),
  website: z.union([z.literal(""), z.url({ protocol: /^https?$/ }).max(300)]).default(""),
  serviceHours: free(500).default(""),
});

export const unitCheckSchema = z.enum([
  "services_defined",
  "all_services_standardised",
  "pledge_in_force",
  "pledge_file",
  "facilities_published",
  "facility_photos",
  "contact",
]);
export const completenessSchema = z.object({
  unitId: z.string(),
  today: z.string(),
  services: z.array(
    serviceCompletenessSchema.extend({ code: z.string(), nameId: z.string(), nameEn: z.string() }),
  ),
  checks: z.array(z.object({ key: unitCheckSchema, ok: z.boolean() })),
  standardised: z.number().int(),
  activeServices: z.number().int(),
  complete: z.boolean(),
  evidence: z.object({ pledge: z.array(z.string()), facilities: z.array(z.string()) }),
});
export type CompletenessWire = z.infer<typeof completenessSchema>;

export const evidenceTypeSchema = z.enum(Object.keys(EVIDENCE_TYPES) as ["service", "pledge", "facilities"]);
export const linkEvidenceBody = z.strictObject({
  unitId: id,
  type: evidenceTypeSchema,
  /** The service or pledge id; for "facilities" the unit's facility list is the record (omit). */
  id: id.optional(),
  questionKeys: z.array(z.string().min(1).max(120)).min(1).max(20),
});
export const unlinkEvidenceBody = z.strictObject({
  unitId: id,
  type: evidenceTypeSchema,
  id: id.optional(),
  questionKey: z.string().min(1).max(120),
});

// ----- public -----------------------------------------------------------------------------------

export const publicServiceSchema = z.object({
  code: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  descriptionId: z.string(),
  descriptionEn: z.string(),
  standard: publicStandardSchema,
  version: z.object({
    number: z.number().int(),
    effectiveDate: z.string(),
    decreeNumber: z.string(),
    decreeDate: z.string(),
  }),
  sops: z.array(z.object({ number: z.string(), title: z.string(), effectiveDate: z.string() })),
});
export type PublicService = z.infer<typeof publicServiceSchema>;

export const publicPortalSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), zone: z.enum(["WIB", "WITA", "WIT"]) }),
  contact: profileSchema.omit({ unitId: true, updatedAt: true }),
  today: z.string(),
  services: z.array(publicServiceSchema),
  pledge: z
    .object({
      text: z.string(),
      signatoryName: z.string(),
      signatoryTitle: z.string(),
      signedDate: z.string(),
    })
    .nullable(),
  facilities: z.array(
    z.object({
      id: z.string(),
      kind: facilityKindSchema,
      name: z.string(),
      description: z.string(),
      location: z.string(),
      accessibility: z.array(accessibilityFlagSchema),
      photos: z.array(z.object({ url: z.string(), caption: z.string() })),
    }),
  ),
  links: z.object({ survey: z.string(), complaint: z.string() }),
});
export type PublicPortal = z.infer<typeof publicPortalSchema>;
