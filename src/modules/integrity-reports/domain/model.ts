/**
 * The integrity-reports vocabulary: permissions, whistle-blowing categories and states, the
 * gratification and conflict-of-interest enums. Pure data shared by server, web and tests.
 */
export const INTEGRITY_PERMISSIONS = {
  wbsHandle: "wbs.handle",
  gratReport: "gratification.report",
  gratReview: "gratification.review",
  coiDeclare: "coi.declare",
  coiReview: "coi.review",
} as const;

/** Staff roles that report gratification and declare conflicts of interest. */
export const STAFF_ROLES = [
  "head",
  "zi_coordinator",
  "zi_member",
  "change_agent",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
] as const;

export const WBS_CATEGORIES = [
  "korupsi",
  "gratifikasi",
  "pungli",
  "penyalahgunaan_wewenang",
  "kecurangan",
  "benturan_kepentingan",
  "pelanggaran_kode_etik",
  "pelanggaran_disiplin",
  "lainnya",
] as const;
export type WbsCategory = (typeof WBS_CATEGORIES)[number];

export const WBS_STATUSES = [
  "received",
  "in_review",
  "investigating",
  "closed_substantiated",
  "closed_unsubstantiated",
  "closed_insufficient",
] as const;
export type WbsStatus = (typeof WBS_STATUSES)[number];

export const GRAT_FORMS = ["uang", "barang", "makanan", "voucher", "fasilitas", "jasa", "lainnya"] as const;
export type GratForm = (typeof GRAT_FORMS)[number];

/** The occasion decides which not-reportable threshold (if any) may apply. */
export const GRAT_OCCASIONS = [
  "pernikahan_keagamaan_adat",
  "musibah_bencana",
  "antar_rekan_kerja",
  "pisah_sambut_pensiun_ulang_tahun",
  "kedinasan",
  "lainnya",
] as const;
export type GratOccasion = (typeof GRAT_OCCASIONS)[number];

export const GRAT_ACTIONS = ["ditolak", "diterima"] as const;
export type GratAction = (typeof GRAT_ACTIONS)[number];

export const GRAT_STATUSES = ["reported", "reviewed", "forwarded", "decided", "closed"] as const;
export type GratStatus = (typeof GRAT_STATUSES)[number];

export const GRAT_DECISIONS = [
  "milik_negara",
  "milik_penerima",
  "dikembalikan_ke_pemberi",
  "disalurkan_sosial",
  "bukan_gratifikasi_wajib_lapor",
] as const;
export type GratDecision = (typeof GRAT_DECISIONS)[number];

export const COI_KINDS = ["annual", "adhoc"] as const;
export type CoiKind = (typeof COI_KINDS)[number];

export const COI_DECISIONS = [
  "tidak_ada_benturan",
  "dicatat_dipantau",
  "mengundurkan_diri_dari_kegiatan",
  "dialihkan_ke_pejabat_lain",
  "lainnya",
] as const;
export type CoiDecision = (typeof COI_DECISIONS)[number];

export const RISK_LEVELS = ["rendah", "sedang", "tinggi"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** LKE question keys (PermenPAN-RB 90/2021) a record of this module may be linked to. */
export const LKE_KEYS = {
  wbs: ["pemenuhan.pw.wbs.a", "pemenuhan.pw.wbs.b", "pemenuhan.pw.wbs.c"],
  gratification: ["pemenuhan.pw.gratifikasi.a", "pemenuhan.pw.gratifikasi.b"],
  coi: [
    "pemenuhan.pw.benturan-kepentingan.a",
    "pemenuhan.pw.benturan-kepentingan.b",
    "pemenuhan.pw.benturan-kepentingan.c",
    "pemenuhan.pw.benturan-kepentingan.d",
    "pemenuhan.pw.benturan-kepentingan.e",
  ],
} as const;

export const EVIDENCE_MODULE = "integrity-reports";
