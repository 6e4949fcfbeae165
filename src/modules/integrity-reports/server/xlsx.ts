/**
 * Spreadsheet exports of the integrity registers.
 *
 * The WBS register is anonymous BY CONSTRUCTION: `WbsRegisterRow` has only the code, dates,
 * category, status and handling unit (and handling dates derived from the status trail). The rows
 * are read by `WbsService.registerRows`, whose query selects exactly those columns — never the
 * subject, description, time/place of the incident, the sealed identity, message bodies or
 * attachments, nor the origin unit or the "about the head" flag (which together would tell a reader
 * of an upper unit's register that a head of office was reported). Anything the reporter typed is
 * therefore not in memory when the workbook is written.
 *
 * The gratification register is the UPG's internal register: it names the reporting employee and the
 * giver by design (Perkom/PerKPK reporting form); it is served only to gratification.review.
 *
 * Cell values are plain text/numbers; text starting with "=", "+", "-", "@" gets a leading quote so
 * a spreadsheet application never reads it as a formula.
 */
import ExcelJS from "exceljs";
import type { GratReport } from "../contract";
import id from "../i18n/id.json";

const safe = (s: string | null) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const label = (group: Record<string, string>, key: string | null) => (key ? (group[key] ?? key) : null);

export interface WbsRegisterRow {
  code: string;
  submittedOn: string;
  category: string;
  status: string;
  handlingUnit: string;
  firstResponseOn: string | null;
  closedOn: string | null;
  lastActivityOn: string;
}

/** The columns of the WBS register, in order (tests assert exactly these). */
export const WBS_REGISTER_HEADERS = [
  "Kode",
  "Tanggal diterima",
  "Kategori",
  "Status",
  "Unit penanganan",
  "Tanggapan pertama",
  "Hari sampai tanggapan",
  "Tanggal ditutup",
  "Aktivitas terakhir",
] as const;

const daysBetween = (from: string, to: string | null) =>
  to ? Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) : null;

export async function wbsRegisterXlsx(
  rows: readonly WbsRegisterRow[],
  meta: { title: string; generatedOn: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet("Register WBS", { views: [{ state: "frozen", ySplit: 1 }] });
  const keys = ["code", "submitted", "category", "status", "unit", "first", "days", "closed", "last"];
  const widths = [16, 16, 30, 26, 28, 18, 12, 16, 18];
  ws.columns = WBS_REGISTER_HEADERS.map((header, i) => ({ header, key: keys[i]!, width: widths[i]! }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow({
      code: r.code,
      submitted: r.submittedOn,
      category: label(id.wbsCategory, r.category),
      status: label(id.wbsStatus, r.status),
      unit: safe(r.handlingUnit),
      first: r.firstResponseOn,
      days: daysBetween(r.submittedOn, r.firstResponseOn),
      closed: r.closedOn,
      last: r.lastActivityOn,
    });
  ws.autoFilter = { from: "A1", to: "I1" };
  const about = wb.addWorksheet("Keterangan");
  about.columns = [{ key: "a", width: 110 }];
  for (const line of [
    meta.title,
    `Dibuat ${meta.generatedOn}. Register ini anonim: tidak memuat identitas pelapor, pihak yang dilaporkan, uraian, lampiran, atau isi pesan.`,
    "Tanggal dalam waktu setempat (YYYY-MM-DD). 'Hari sampai tanggapan' = hari kalender dari diterima sampai balasan pertama petugas kepada pelapor.",
  ])
    about.addRow({ a: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The columns of the gratification register, in order. */
export const GRAT_REGISTER_HEADERS = [
  "Nomor",
  "Unit",
  "Pelapor",
  "Pemberi",
  "Hubungan dengan pemberi",
  "Peristiwa",
  "Bentuk",
  "Uraian",
  "Nilai (Rp)",
  "Tanggal diterima/ditolak",
  "Tanggal dilaporkan",
  "Tindakan",
  "Status",
  "Batas lapor ke UPG",
  "Batas lapor ke KPK",
  "Batas UPG meneruskan",
  "Dilaporkan tepat waktu",
  "Nomor KPK",
  "Diteruskan",
  "Keputusan",
  "Tanggal keputusan",
  "Aturan",
] as const;

export async function gratRegisterXlsx(
  reports: readonly GratReport[],
  meta: { title: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet("Register gratifikasi", { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = [18, 22, 24, 24, 24, 22, 14, 40, 14, 14, 14, 12, 20, 14, 14, 14, 10, 18, 12, 26, 14, 18];
  ws.columns = GRAT_REGISTER_HEADERS.map((header, i) => ({
    header,
    key: `c${i}`,
    width: widths[i]!,
    ...(i === 8 ? { style: { numFmt: "#,##0" } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of reports)
    ws.addRow([
      r.number,
      safe(r.unitName),
      safe(r.reporterName),
      safe(r.giverName),
      safe(r.giverRelation),
      label(id.gratOccasion, r.occasion),
      label(id.gratForm, r.form),
      safe(r.description),
      r.valueIdr,
      r.receivedOn,
      r.reportedOn,
      label(id.gratAction, r.action),
      label(id.gratStatus, r.status),
      r.deadlines.reportToUpgBy,
      r.deadlines.reportToKpkBy,
      r.deadlines.upgForwardBy,
      r.reportedOnTime ? "Ya" : "Tidak",
      safe(r.kpkReference),
      r.forwardedOn,
      label(id.gratDecision, r.decision),
      r.decidedOn,
      r.deadlines.ruleSetId,
    ]);
  ws.autoFilter = { from: "A1", to: "V1" };
  const about = wb.addWorksheet("Keterangan");
  about.columns = [{ key: "a", width: 110 }];
  about.addRow({ a: meta.title });
  about.addRow({
    a: "Register internal UPG (memuat nama pelapor dan pemberi). Batas waktu dalam hari kerja kalender unit; nilai dalam rupiah.",
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
