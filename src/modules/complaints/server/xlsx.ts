import ExcelJS from "exceljs";
import type { CaseListItem, RecapWire } from "../contract";
import { CATEGORY_LABELS, STATUS_LABELS } from "./labels";

/**
 * The recap as a spreadsheet: a month sheet (received, completed, on time, percentages) and a case
 * sheet. Cell values are plain text/numbers — ExcelJS never evaluates text, and text that starts
 * with "=", "+", "-" or "@" is prefixed with a quote so a spreadsheet app never reads it as a formula.
 */
const safe = (s: string | null) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export async function recapXlsx(recap: Omit<RecapWire, "evidence">, cases: CaseListItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet(`Rekap ${recap.year}`, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "Bulan", key: "month", width: 10 },
    { header: "Diterima", key: "received", width: 10 },
    { header: "Selesai", key: "completed", width: 10 },
    { header: "Selesai tepat waktu", key: "onTime", width: 18 },
    { header: "Dalam proses", key: "open", width: 12 },
    { header: "% selesai", key: "pc", width: 10, style: { numFmt: "0.0" } },
    { header: "% tepat waktu", key: "pt", width: 14, style: { numFmt: "0.0" } },
    { header: "Rata-rata penilaian", key: "rating", width: 18, style: { numFmt: "0.00" } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const m of recap.months)
    ws.addRow({
      month: m.month,
      received: m.received,
      completed: m.completed,
      onTime: m.completedOnTime,
      open: m.open,
      pc: m.percentCompleted,
      pt: m.percentOnTime,
      rating: m.averageRating,
    });
  const total = ws.addRow({
    month: "Jumlah",
    received: recap.total.received,
    completed: recap.total.completed,
    onTime: recap.total.completedOnTime,
    open: recap.total.open,
    pc: recap.total.percentCompleted,
    pt: recap.total.percentOnTime,
    rating: recap.total.averageRating,
  });
  total.font = { bold: true };

  const cs = wb.addWorksheet("Pengaduan", { views: [{ state: "frozen", ySplit: 1 }] });
  cs.columns = [
    { header: "Kode", key: "code", width: 16 },
    { header: "Diterima", key: "received", width: 22 },
    { header: "Kategori", key: "category", width: 22 },
    { header: "Layanan", key: "service", width: 28 },
    { header: "Ringkasan", key: "summary", width: 60 },
    { header: "Status", key: "status", width: 18 },
    { header: "Penanggung jawab", key: "assignee", width: 24 },
    { header: "Batas waktu", key: "due", width: 22 },
  ];
  cs.getRow(1).font = { bold: true };
  for (const c of cases)
    cs.addRow({
      code: c.code,
      received: c.receivedAt,
      category: CATEGORY_LABELS[c.category],
      service: safe(c.service),
      summary: safe(c.summary),
      status: STATUS_LABELS[c.status],
      assignee: c.assigneeName,
      due: c.currentDue,
    });
  cs.autoFilter = { from: "A1", to: "H1" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
