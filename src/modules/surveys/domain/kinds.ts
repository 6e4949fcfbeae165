import { z } from "zod";
import ipak from "./kinds/ipak-zi-v1.json" with { type: "json" };
import ipkp from "./kinds/ipkp-zi-v1.json" with { type: "json" };
import skm from "./kinds/skm-permenpanrb-14-2017.json" with { type: "json" };

/**
 * Survey kinds as data: each file in ./kinds is one versioned questionnaire with its regulation
 * reference. A new edition is a new file (and its golden tests), not a code change. A survey period
 * keeps a snapshot of its kind, so a later edition never changes a closed period's result.
 */
const text = z.strictObject({ id: z.string().min(1).max(400), en: z.string().min(1).max(400) });

export const MAX_ELEMENTS = 20;
export const SCALE_MIN = 1;
export const SCALE_MAX = 4;

export const surveyKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  kind: z.enum(["skm", "ipak", "ipkp", "custom"]),
  version: z.number().int().min(1),
  regulation: z.string().min(1).max(200),
  confidence: z.enum(["C1", "C2", "S", "U"]),
  sources: z.array(z.string()),
  title: text,
  /** "ikm": IKM = index × 25 with grade A–D; "perception": index 1–4 and LKE points. */
  result: z.enum(["ikm", "perception"]),
  points: z.strictObject({ weight: z.string() }).optional(),
  scale: z.strictObject({ min: z.literal(1), max: z.literal(4) }),
  elements: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/),
        label: text,
        question: text,
        options: z.array(text).length(4),
      }),
    )
    .min(1)
    .max(MAX_ELEMENTS),
});
export type SurveyKind = z.infer<typeof surveyKindSchema>;
export type SurveyElement = SurveyKind["elements"][number];

const BUILT_IN: SurveyKind[] = [skm, ipak, ipkp].map((k) => surveyKindSchema.parse(k));

export function builtInKinds(): SurveyKind[] {
  return BUILT_IN;
}

export function builtInKind(id: string): SurveyKind | undefined {
  return BUILT_IN.find((k) => k.id === id);
}

export const SKM_KIND_ID = "skm-permenpanrb-14-2017";

/** Agree/disagree options for custom surveys (1 = worst … 4 = best). */
export const AGREE_OPTIONS: SurveyElement["options"] = [
  { id: "Tidak setuju", en: "Disagree" },
  { id: "Kurang setuju", en: "Somewhat disagree" },
  { id: "Setuju", en: "Agree" },
  { id: "Sangat setuju", en: "Strongly agree" },
];

/** Respondent profile questions (all optional for the respondent; nothing identifying). */
export const PROFILE = {
  ageGroup: ["<20", "20-29", "30-39", "40-49", "50-59", "60+"],
  sex: ["L", "P"],
  education: ["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2-S3"],
  occupation: ["PNS", "TNI/Polri", "Swasta", "Wirausaha", "Pelajar/Mahasiswa", "Lainnya"],
} as const;
export type ProfileField = keyof typeof PROFILE;
export const PROFILE_FIELDS = Object.keys(PROFILE) as ProfileField[];

export const PROFILE_LABELS: Record<string, { id: string; en: string }> = {
  L: { id: "Laki-laki", en: "Male" },
  P: { id: "Perempuan", en: "Female" },
  "<20": { id: "Di bawah 20 tahun", en: "Under 20" },
  "20-29": { id: "20–29 tahun", en: "20–29" },
  "30-39": { id: "30–39 tahun", en: "30–39" },
  "40-49": { id: "40–49 tahun", en: "40–49" },
  "50-59": { id: "50–59 tahun", en: "50–59" },
  "60+": { id: "60 tahun ke atas", en: "60 and over" },
  SD: { id: "SD atau sederajat", en: "Primary school" },
  SMP: { id: "SMP atau sederajat", en: "Junior high school" },
  SMA: { id: "SMA atau sederajat", en: "Senior high school" },
  "D1-D3": { id: "Diploma (D1–D3)", en: "Diploma (D1–D3)" },
  "D4-S1": { id: "Sarjana (D4/S1)", en: "Bachelor (D4/S1)" },
  "S2-S3": { id: "Pascasarjana (S2/S3)", en: "Postgraduate" },
  PNS: { id: "PNS/ASN", en: "Civil servant" },
  "TNI/Polri": { id: "TNI/Polri", en: "Military/police" },
  Swasta: { id: "Pegawai swasta", en: "Private employee" },
  Wirausaha: { id: "Wirausaha", en: "Self-employed" },
  "Pelajar/Mahasiswa": { id: "Pelajar/Mahasiswa", en: "Student" },
  Lainnya: { id: "Lainnya", en: "Other" },
};
