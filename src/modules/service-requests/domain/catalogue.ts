/**
 * The service catalogue's pure rules: the four post-auction starting entries, checking a
 * submission against a service's fields and document requirements, and the release rules
 * (kutipan risalah lelang only after full payment, and for land/buildings only with the BPHTB
 * payment proof — shared/domain rules-1.md §5.3).
 *
 * The SLA numbers of the starting entries are Zona's defaults: no regulation found gives hours for
 * these services. They are marked `unconfirmed` and each unit sets its own from its service
 * standard (standar pelayanan).
 */
import {
  AUCTION_REF_FIELD,
  BPHTB_PROOF_KEY,
  OBJECT_KIND_FIELD,
  type PaymentStatus,
  SR_FILE_MIME,
  type SrCondition,
  type SrField,
  type SrFileType,
  type SrReleaseRule,
  type SrRequirement,
  type SrSlaConfig,
  type SrTemplate,
} from "./model";

export interface StarterEntry {
  key: string;
  code: string;
  name: { id: string; en: string };
  description: { id: string; en: string };
  requirements: SrRequirement[];
  fields: SrField[];
  sla: SrSlaConfig;
  handler: { roleKey: string | null; group: string | null; userId: string | null };
  template: SrTemplate;
  releaseRule: SrReleaseRule;
}

const IMG_PDF: SrFileType[] = ["pdf", "jpeg", "png"];
const ktp: SrRequirement = {
  key: "identity_card",
  name: { id: "KTP / identitas pemohon", en: "Identity card of the requester" },
  required: true,
  requiredWhen: null,
  allowedTypes: IMG_PDF,
  multiple: false,
};
const auctionRef: SrField = {
  key: AUCTION_REF_FIELD,
  label: { id: "Nomor risalah lelang", en: "Auction minutes number" },
  hint: {
    id: "Seperti tertulis pada risalah, mis. 123/45/2026",
    en: "As written on the minutes, e.g. 123/45/2026",
  },
  kind: "text",
  required: true,
  maxLength: 80,
};
const lot: SrField = {
  key: "lotNumber",
  label: { id: "Nomor lot", en: "Lot number" },
  kind: "text",
  required: false,
  maxLength: 20,
};
const auctionDate: SrField = {
  key: "auctionDate",
  label: { id: "Tanggal lelang", en: "Auction date" },
  kind: "date",
  required: true,
};
const defaultSla = (firstResponseHours: number, resolutionHours: number): SrSlaConfig => ({
  firstResponseHours,
  resolutionHours,
  warningPercent: 80,
  pauseStates: ["waiting_requester"],
  unconfirmed: true,
  source: null,
});

/** The four post-auction services, offered to every unit as starting entries (editable). */
export const STARTERS: readonly StarterEntry[] = [
  {
    key: "kutipan_risalah_lelang",
    code: "KRL",
    name: { id: "Kutipan Risalah Lelang", en: "Extract of the auction minutes" },
    description: {
      id: "Kutipan risalah lelang untuk pembeli (untuk balik nama). Diberikan setelah pelunasan tercatat; untuk tanah dan/atau bangunan wajib melampirkan bukti setor BPHTB (asli diperlihatkan saat pengambilan).",
      en: "Extract of the auction minutes for the buyer (for the title transfer). Issued after full payment is recorded; for land and/or buildings the BPHTB payment proof is required (original shown on collection).",
    },
    requirements: [
      ktp,
      {
        key: "payment_receipt",
        name: { id: "Kuitansi pelunasan lelang", en: "Receipt of full payment" },
        required: true,
        requiredWhen: null,
        allowedTypes: IMG_PDF,
        multiple: false,
      },
      {
        key: BPHTB_PROOF_KEY,
        name: { id: "Surat Setoran BPHTB (bukti bayar)", en: "BPHTB payment slip" },
        hint: {
          id: "Wajib untuk tanah dan/atau bangunan; tunjukkan aslinya saat mengambil kutipan.",
          en: "Required for land and/or buildings; show the original when collecting the extract.",
        },
        required: false,
        requiredWhen: { field: OBJECT_KIND_FIELD, equals: ["land_building"] },
        allowedTypes: IMG_PDF,
        multiple: false,
      },
    ],
    fields: [
      auctionRef,
      lot,
      auctionDate,
      {
        key: OBJECT_KIND_FIELD,
        label: { id: "Jenis objek lelang", en: "Kind of object" },
        kind: "select",
        required: true,
        options: [
          { value: "land_building", label: { id: "Tanah dan/atau bangunan", en: "Land and/or buildings" } },
          { value: "vehicle", label: { id: "Kendaraan bermotor", en: "Motor vehicle" } },
          { value: "other", label: { id: "Barang lainnya", en: "Other goods" } },
        ],
      },
      {
        key: "objectDescription",
        label: { id: "Uraian objek", en: "Description of the object" },
        kind: "textarea",
        required: true,
        maxLength: 1000,
      },
      {
        key: "buyerIdNumber",
        label: { id: "NIK pembeli", en: "Buyer's ID number (NIK)" },
        kind: "text",
        required: true,
        maxLength: 16,
      },
    ],
    sla: defaultSla(4, 16),
    handler: { roleKey: "auction_official", group: "Seksi Pelayanan Lelang", userId: null },
    template: "kutipan_risalah",
    releaseRule: "auction_payment_bphtb",
  },
  {
    key: "kuitansi_pembayaran_lelang",
    code: "KPL",
    name: { id: "Kuitansi Pembayaran Lelang", en: "Auction payment receipt" },
    description: {
      id: "Kuitansi pelunasan harga lelang dan bea lelang pembeli. Diberikan setelah pelunasan tercatat oleh bendahara penerimaan.",
      en: "Receipt of the full auction price and the buyer's auction duty. Issued once the receiving treasurer has recorded full payment.",
    },
    requirements: [
      ktp,
      {
        key: "transfer_proof",
        name: { id: "Bukti transfer pelunasan", en: "Proof of the payment transfer" },
        required: true,
        requiredWhen: null,
        allowedTypes: IMG_PDF,
        multiple: true,
      },
    ],
    fields: [
      auctionRef,
      lot,
      {
        key: "paymentDate",
        label: { id: "Tanggal pelunasan", en: "Payment date" },
        kind: "date",
        required: true,
      },
      {
        key: "amount",
        label: { id: "Jumlah yang dibayar (Rp)", en: "Amount paid (IDR)" },
        kind: "money",
        required: true,
      },
    ],
    sla: defaultSla(4, 8),
    handler: { roleKey: "treasurer", group: "Bendahara Penerimaan", userId: null },
    template: "kuitansi_pelunasan",
    releaseRule: "auction_payment",
  },
  {
    key: "formulir_bphtb",
    code: "BPHTB",
    name: { id: "Formulir / Keterangan Data BPHTB", en: "BPHTB form data" },
    description: {
      id: "Keterangan harga lelang dan data objek untuk mengisi formulir BPHTB di pemerintah daerah (BPHTB dibayar pembeli).",
      en: "Statement of the auction price and object data for the regional BPHTB form (BPHTB is paid by the buyer).",
    },
    requirements: [ktp],
    fields: [
      auctionRef,
      lot,
      {
        key: "taxObjectNumber",
        label: { id: "NOP PBB (jika ada)", en: "Land tax object number (NOP), if any" },
        kind: "text",
        required: false,
        maxLength: 30,
      },
      {
        key: "objectDescription",
        label: { id: "Uraian tanah/bangunan", en: "Description of the land/building" },
        kind: "textarea",
        required: true,
        maxLength: 1000,
      },
    ],
    sla: defaultSla(4, 8),
    handler: { roleKey: "service_officer", group: "Seksi Pelayanan Lelang", userId: null },
    template: "formulir_bphtb",
    releaseRule: "none",
  },
  {
    key: "validasi_ssp",
    code: "SSP",
    name: { id: "Validasi SSP", en: "Tax payment slip (SSP) validation" },
    description: {
      id: "Pemeriksaan dan validasi Surat Setoran Pajak (SSP) yang terkait dengan lelang.",
      en: "Check and validation of the tax payment slip (SSP) related to the auction.",
    },
    requirements: [
      ktp,
      {
        key: "ssp",
        name: {
          id: "Surat Setoran Pajak (SSP) / bukti penerimaan negara",
          en: "Tax payment slip (SSP) / state receipt",
        },
        required: true,
        requiredWhen: null,
        allowedTypes: IMG_PDF,
        multiple: false,
      },
    ],
    fields: [
      auctionRef,
      {
        key: "ntpn",
        label: { id: "NTPN", en: "State receipt number (NTPN)" },
        kind: "text",
        required: true,
        maxLength: 16,
      },
      {
        key: "amount",
        label: { id: "Jumlah setoran (Rp)", en: "Amount paid (IDR)" },
        kind: "money",
        required: true,
      },
    ],
    sla: defaultSla(4, 8),
    handler: { roleKey: "treasurer", group: "Bendahara Penerimaan", userId: null },
    template: "validasi_ssp",
    releaseRule: "none",
  },
];

export const starterByKey = (key: string) => STARTERS.find((s) => s.key === key);

// --- submissions ---------------------------------------------------------------------------------------

export interface Problem {
  code: string;
  params: Record<string, string | number>;
}

export interface ServiceShape {
  fields: readonly SrField[];
  requirements: readonly SrRequirement[];
}

export function conditionHolds(
  cond: SrCondition | null | undefined,
  fields: Record<string, string>,
): boolean {
  if (!cond) return false;
  return cond.equals.includes((fields[cond.field] ?? "").trim());
}

export function isRequired(req: SrRequirement, fields: Record<string, string>): boolean {
  return req.required || conditionHolds(req.requiredWhen, fields);
}

export const fileTypeOfMime = (mime: string): SrFileType | undefined =>
  (Object.entries(SR_FILE_MIME) as Array<[SrFileType, string]>).find(([, m]) => m === mime)?.[0];

function fieldProblem(f: SrField, raw: string): Problem | null {
  const v = raw.trim();
  const bad = (reason: string): Problem => ({ code: "SR_FIELD_INVALID", params: { field: f.key, reason } });
  if (f.maxLength && v.length > f.maxLength) return bad(`max ${f.maxLength}`);
  switch (f.kind) {
    case "number":
      return /^-?[0-9]+([.,][0-9]+)?$/.test(v) ? null : bad("number");
    case "money":
      return /^[0-9]{1,15}$/.test(v.replace(/[.\s]/g, "")) ? null : bad("rupiah");
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
        ? null
        : bad("YYYY-MM-DD");
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : bad("e-mail");
    case "phone":
      return /^\+?[0-9 -]{6,20}$/.test(v) ? null : bad("phone");
    case "select":
      return f.options?.some((o) => o.value === v) ? null : bad("option");
    default:
      return null;
  }
}

/**
 * Problems of a submission: unknown, missing or malformed fields; missing required documents
 * (conditional ones included); files of a type the requirement does not accept; unknown requirement
 * keys. Empty = acceptable. `documents` are the uploads with their sniffed mime.
 */
export function submissionProblems(
  service: ServiceShape,
  fields: Record<string, string>,
  documents: ReadonlyArray<{ requirementKey: string; mime: string }>,
): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(fields))
    if (!service.fields.some((f) => f.key === key))
      problems.push({ code: "SR_FIELD_UNKNOWN", params: { field: key } });
  for (const f of service.fields) {
    const v = (fields[f.key] ?? "").trim();
    if (!v) {
      if (f.required) problems.push({ code: "SR_FIELD_REQUIRED", params: { field: f.key } });
      continue;
    }
    const p = fieldProblem(f, v);
    if (p) problems.push(p);
  }
  const byKey = new Map<string, Array<{ mime: string }>>();
  for (const d of documents) {
    const req = service.requirements.find((r) => r.key === d.requirementKey);
    if (!req) {
      problems.push({ code: "SR_DOCUMENT_UNKNOWN", params: { requirement: d.requirementKey } });
      continue;
    }
    const type = fileTypeOfMime(d.mime);
    if (!type || !req.allowedTypes.includes(type))
      problems.push({
        code: "SR_DOCUMENT_TYPE",
        params: { requirement: req.key, allowed: req.allowedTypes.join(", ").toUpperCase() },
      });
    byKey.set(d.requirementKey, [...(byKey.get(d.requirementKey) ?? []), d]);
  }
  for (const r of service.requirements) {
    const n = byKey.get(r.key)?.length ?? 0;
    if (n === 0 && isRequired(r, fields))
      problems.push({ code: "SR_DOCUMENT_REQUIRED", params: { requirement: r.key } });
    if (n > 1 && !r.multiple) problems.push({ code: "SR_DOCUMENT_ONE_ONLY", params: { requirement: r.key } });
  }
  return problems;
}

/** Checks of a catalogue entry itself (keys unique, conditions point at select fields, …). */
export function serviceProblems(service: ServiceShape & { releaseRule: SrReleaseRule }): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const f of service.fields) {
    if (seen.has(f.key))
      problems.push({ code: "SR_SERVICE_INVALID", params: { reason: `duplicate field ${f.key}` } });
    seen.add(f.key);
    if (f.kind === "select" && !f.options?.length)
      problems.push({ code: "SR_SERVICE_INVALID", params: { reason: `field ${f.key} needs options` } });
  }
  const reqKeys = new Set<string>();
  for (const r of service.requirements) {
    if (reqKeys.has(r.key))
      problems.push({ code: "SR_SERVICE_INVALID", params: { reason: `duplicate requirement ${r.key}` } });
    reqKeys.add(r.key);
    if (r.requiredWhen && !service.fields.some((f) => f.key === r.requiredWhen!.field))
      problems.push({
        code: "SR_SERVICE_INVALID",
        params: { reason: `requirement ${r.key} depends on unknown field ${r.requiredWhen.field}` },
      });
  }
  if (service.releaseRule !== "none" && !service.fields.some((f) => f.key === AUCTION_REF_FIELD))
    problems.push({
      code: "SR_SERVICE_INVALID",
      params: { reason: `release rule ${service.releaseRule} needs the field ${AUCTION_REF_FIELD}` },
    });
  if (service.releaseRule === "auction_payment_bphtb" && !reqKeys.has(BPHTB_PROOF_KEY))
    problems.push({
      code: "SR_SERVICE_INVALID",
      params: { reason: `release rule auction_payment_bphtb needs the requirement ${BPHTB_PROOF_KEY}` },
    });
  return problems;
}

/** Normalises an auction reference for matching ("123 / 45 / 2026" → "123/45/2026"). */
export function normalizeAuctionRef(ref: string): string {
  return ref
    .trim()
    .toUpperCase()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ");
}

/**
 * The release rule: is the document allowed to be asked for / issued? Land or buildings come from
 * the payment record (the treasurer's) or the requester's own answer, whichever says so.
 */
export function releaseProblem(
  rule: SrReleaseRule,
  payment: PaymentStatus | null,
  fields: Record<string, string>,
  documentKeys: readonly string[],
): Problem | null {
  if (rule === "none") return null;
  const ref = fields[AUCTION_REF_FIELD] ?? "";
  if (!payment?.paidInFull) return { code: "SR_PAYMENT_REQUIRED", params: { auctionRef: ref } };
  if (rule === "auction_payment_bphtb") {
    const land = payment.landOrBuilding || fields[OBJECT_KIND_FIELD] === "land_building";
    if (land && !documentKeys.includes(BPHTB_PROOF_KEY))
      return { code: "SR_BPHTB_PROOF_REQUIRED", params: { auctionRef: ref } };
  }
  return null;
}
