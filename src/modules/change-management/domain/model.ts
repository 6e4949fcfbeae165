/**
 * The vocabulary of change management (PermenPAN-RB 90/2021, area "Manajemen Perubahan"): the six
 * lever areas (area pengungkit) the ZI team works on, the roles in the team decree, activity states.
 */
export const CM_PERMISSIONS = {
  read: "cm.read",
  manage: "cm.manage",
} as const;

/** The six lever areas of the integrity zone, in the regulation's order. */
export const LEVER_AREAS = [
  "manajemen_perubahan",
  "tatalaksana",
  "sdm",
  "akuntabilitas",
  "pengawasan",
  "pelayanan_publik",
] as const;
export type LeverArea = (typeof LEVER_AREAS)[number];

/** The LKE area key (rubric permenpanrb-90-2021) each lever area answers to, pemenuhan and reform. */
export const LKE_AREA_SUFFIX: Record<LeverArea, string> = {
  manajemen_perubahan: "mp",
  tatalaksana: "tt",
  sdm: "sdm",
  akuntabilitas: "ak",
  pengawasan: "pw",
  pelayanan_publik: "pp",
};

/** Roles in the team decree (SK Tim Kerja ZI). */
export const TEAM_ROLES = ["penanggung_jawab", "koordinator", "ketua_area", "anggota"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Roles that lead the whole team rather than one area: they need no area. */
export const TEAM_WIDE_ROLES: readonly TeamRole[] = ["penanggung_jawab", "koordinator"];

export const ACTIVITY_STATUSES = ["belum_mulai", "berjalan", "selesai", "tertunda"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** YYYY-MM-DD: a calendar date, compared as text (the format sorts like the dates). */
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
