import ExcelJS from "exceljs";
import type { Dashboard, InboxItem } from "../contract";

/**
 * The dashboard as a spreadsheet: a sheet per service (counts, compliance, average completion in
 * working hours, ratings), the breaches with their reasons, and every request of the period. Text
 * starting with "=", "+", "-" or "@" is prefixed with a quote so no spreadsheet reads it as a formula.
 */
const safe = (s: string | null) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const STATE_ID: Record<string, string> = {
  submitted: "Diajukan",
  in_progress: "Diproses",
  waiting_requester: "Menunggu pemohon",
  completed: "Selesai",
  rejected: "Ditolak",
  cancelled: "Dibatalkan",
};
const SLA_ID: Record<string, string> = { ok: "Aman", warning: "Mendekati batas", breached: "Melewati SLA" };

export async function dashboardXlsx(d: Dashboard, rows: InboxItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet("Per layanan", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "Kode", key: "code", width: 8 },
    { header: "Layanan", key: "name", width: 32 },
    { header: "Diajukan", key: "submitted", width: 10 },
    { header: "Selesai", key: "completed", width: 10 },
    { header: "Tepat waktu", key: "onTime", width: 12 },
    { header: "Melewati SLA", key: "breached", width: 13 },
    { header: "Ditolak", key: "rejected", width: 9 },
    { header: "Dalam proses", key: "open", width: 12 },
    { header: "Kepatuhan SLA (%)", key: "rate", width: 17, style: { numFmt: "0.0" } },
    { header: "Rata-rata penyelesaian (jam kerja)", key: "avg", width: 30, style: { numFmt: "0.0" } },
    { header: "Rata-rata kepuasan (1–4)", key: "rating", width: 22, style: { numFmt: "0.00" } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const s of d.services)
    ws.addRow({
      code: s.code,
      name: safe(s.name.id),
      submitted: s.submitted,
      completed: s.completed,
      onTime: s.completedOnTime,
      breached: s.breached,
      rejected: s.rejected,
      open: s.open,
      rate: s.complianceRate,
      avg: s.averageCompletionWorkingHours,
      rating: s.averageRating,
    });
  const t = ws.addRow({
    code: "",
    name: "Jumlah",
    submitted: d.total.submitted,
    completed: d.total.completed,
    onTime: d.total.completedOnTime,
    breached: d.total.breached,
    rejected: d.total.rejected,
    open: d.total.open,
    rate: d.total.complianceRate,
    avg: d.total.averageCompletionWorkingHours,
    rating: d.total.averageRating,
  });
  t.font = { bold: true };
  ws.addRow([]);
  ws.addRow([`${d.unitName} — periode ${d.from} s.d. ${d.to}`]);

  const b = wb.addWorksheet("Pelanggaran SLA", { views: [{ state: "frozen", ySplit: 1 }] });
  b.columns = [
    { header: "Nomor", key: "number", width: 16 },
    { header: "Layanan", key: "service", width: 28 },
    { header: "Status", key: "state", width: 16 },
    { header: "Diajukan", key: "submitted", width: 22 },
    { header: "Jatuh tempo", key: "due", width: 22 },
    { header: "Selesai", key: "completed", width: 22 },
    { header: "Terlambat (menit kerja)", key: "over", width: 22 },
    { header: "Alasan", key: "reason", width: 50 },
  ];
  b.getRow(1).font = { bold: true };
  for (const x of d.breaches)
    b.addRow({
      number: x.number,
      service: safe(x.serviceName.id),
      state: STATE_ID[x.state] ?? x.state,
      submitted: x.submittedAt,
      due: x.dueAt,
      completed: x.completedAt,
      over: x.overdueMinutes,
      reason: safe(x.reason),
    });

  const r = wb.addWorksheet("Permohonan", { views: [{ state: "frozen", ySplit: 1 }] });
  r.columns = [
    { header: "Nomor", key: "number", width: 16 },
    { header: "Layanan", key: "service", width: 28 },
    { header: "Status", key: "state", width: 16 },
    { header: "Diajukan", key: "submitted", width: 22 },
    { header: "Jatuh tempo", key: "due", width: 22 },
    { header: "Terpakai (menit kerja)", key: "elapsed", width: 20 },
    { header: "Target (menit kerja)", key: "target", width: 18 },
    { header: "SLA", key: "sla", width: 16 },
    { header: "Petugas", key: "assignee", width: 24 },
  ];
  r.getRow(1).font = { bold: true };
  for (const x of rows)
    r.addRow({
      number: x.number,
      service: safe(x.serviceName.id),
      state: STATE_ID[x.state] ?? x.state,
      submitted: x.submittedAt,
      due: x.sla.dueAt,
      elapsed: x.sla.elapsedMinutes,
      target: x.sla.targetMinutes,
      sla: SLA_ID[x.sla.state] ?? x.sla.state,
      assignee: safe(x.assigneeName),
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
