/**
 * Culture programmes (program budaya kerja) of a unit building its integrity zone: the five starting
 * templates of KPKNL Bekasi, their schedule rules, the dates a rule plans, and attendance rates.
 * Pure: no I/O, no clock.
 */
import { z } from "zod";
import { addDays, dateRange, type LocalDate } from "./rotation";

export const PROGRAMME_KINDS = ["repeat", "model", "knowledge", "rally", "outreach", "other"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** When a programme is held. Weekdays are ISO (1 = Monday … 5 = Friday). */
export const scheduleRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("working_days") }),
  z.strictObject({ kind: z.literal("weekly"), weekday: z.number().int().min(1).max(7) }),
  z.strictObject({ kind: z.literal("monthly"), day: z.number().int().min(1).max(28) }),
  z.strictObject({ kind: z.literal("ad_hoc") }),
]);
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

export interface ProgrammeTemplate {
  code: string;
  kind: ProgrammeKind;
  name: string;
  description: string;
  schedule: ScheduleRule;
  /** REPEAT: the items each round checks (fasilitas, SDM, prosedur). */
  checklist: string[];
}

/** The five programmes a new unit starts with (editable; more can be added). */
export const PROGRAMME_TEMPLATES: readonly ProgrammeTemplate[] = [
  {
    code: "REPEAT",
    kind: "repeat",
    name: "REPEAT — Revitalisasi Pelayanan Terpadu",
    description:
      "Revitalisasi ruang pelayanan terpadu: pemeriksaan fasilitas, sumber daya manusia dan prosedur layanan, dengan perbaikan yang dicatat setiap putaran.",
    schedule: { kind: "monthly", day: 1 },
    checklist: [
      "Fasilitas: ruang tunggu bersih dan nyaman",
      "Fasilitas: sarana bagi penyandang disabilitas tersedia",
      "Fasilitas: papan informasi standar pelayanan terpasang",
      "SDM: petugas layanan berseragam dan beridentitas",
      "SDM: petugas memahami janji layanan",
      "Prosedur: SOP layanan terbaru tersedia di loket",
      "Prosedur: kotak/kanal pengaduan berfungsi",
    ],
  },
  {
    code: "MODEL",
    kind: "model",
    name: "MODEL — Monday Evaluation of Last Week",
    description:
      "Rapat evaluasi setiap Senin atas capaian dan kendala pekan sebelumnya, dengan tindak lanjutnya.",
    schedule: { kind: "weekly", weekday: 1 },
    checklist: [],
  },
  {
    code: "RABU_CENDEKIA",
    kind: "knowledge",
    name: "RABU CENDEKIA",
    description:
      "Berbagi pengetahuan setiap Rabu: topik, narasumber, materi dan daftar hadir. Pegawai yang baru kembali dari diklat dapat diantrekan sebagai narasumber.",
    schedule: { kind: "weekly", weekday: 3 },
    checklist: [],
  },
  {
    code: "GSP",
    kind: "rally",
    name: "GSP — Gerakan Semangat Pagi",
    description:
      "Apel pagi setiap hari kerja: pembacaan janji layanan dan berbagi informasi singkat oleh petugas yang bergiliran.",
    schedule: { kind: "working_days" },
    checklist: [],
  },
  {
    code: "LITERASI",
    kind: "outreach",
    name: "LITERASI",
    description: "Kegiatan sosialisasi, edukasi publik dan CSR beserta dokumentasinya.",
    schedule: { kind: "monthly", day: 15 },
    checklist: [],
  },
];

function isoWeekday(date: LocalDate): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The dates a rule plans in [from, to]. Weekly and daily rules keep only working days; a monthly
 * rule whose day is not a working day moves to the next working day (still inside the month).
 */
export function plannedDates(
  rule: ScheduleRule,
  from: LocalDate,
  to: LocalDate,
  isWorkingDay: (date: LocalDate) => boolean,
): LocalDate[] {
  const days = dateRange(from, to);
  switch (rule.kind) {
    case "ad_hoc":
      return [];
    case "working_days":
      return days.filter(isWorkingDay);
    case "weekly":
      return days.filter((d) => isoWeekday(d) === rule.weekday && isWorkingDay(d));
    case "monthly": {
      const out: LocalDate[] = [];
      for (const d of days) {
        if (Number(d.slice(8, 10)) !== rule.day) continue;
        let x = d;
        while (!isWorkingDay(x) && x.slice(0, 7) === d.slice(0, 7)) x = addDays(x, 1);
        if (x.slice(0, 7) === d.slice(0, 7) && x <= to) out.push(x);
      }
      return out;
    }
  }
}

export interface AttendanceCount {
  expected: number;
  present: number;
}

/** Present ÷ expected as a percentage with one decimal; null when nobody was expected. */
export function attendanceRate(a: AttendanceCount): number | null {
  if (a.expected <= 0) return null;
  return Math.round((a.present / a.expected) * 1000) / 10;
}

/** Sum attendance per month ('YYYY-MM') over occurrences. */
export function monthlyAttendance(
  occurrences: readonly { date: LocalDate; expected: number; present: number }[],
): Array<{ month: string; occurrences: number; expected: number; present: number; rate: number | null }> {
  const by = new Map<string, { occurrences: number; expected: number; present: number }>();
  for (const o of occurrences) {
    const m = o.date.slice(0, 7);
    const cur = by.get(m) ?? { occurrences: 0, expected: 0, present: 0 };
    cur.occurrences++;
    cur.expected += o.expected;
    cur.present += o.present;
    by.set(m, cur);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, v]) => ({ month, ...v, rate: attendanceRate(v) }));
}

export const CHECK_STATES = ["ok", "improve", "na"] as const;
export type CheckState = (typeof CHECK_STATES)[number];
export const LEAVE_KINDS = ["cuti", "dinas_luar", "sakit"] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
