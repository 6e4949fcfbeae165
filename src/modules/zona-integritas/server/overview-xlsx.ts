import ExcelJS from "exceljs";
import type { OverviewRow } from "../contract";
import { STAGE_LABELS } from "./labels";

/** The multi-unit table as a spreadsheet: one row per unit, numbers unrounded (2-decimal format). */
export async function overviewXlsx(data: { year: number; items: OverviewRow[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet(`ZI ${data.year}`, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "Kode", key: "code", width: 16 },
    { header: "Unit kerja", key: "name", width: 40 },
    { header: "Tahun", key: "year", width: 8 },
    { header: "Target", key: "target", width: 8 },
    { header: "Tahap", key: "stage", width: 24 },
    { header: "Nilai unit", key: "unit", width: 11, style: { numFmt: "0.00" } },
    { header: "Nilai TPI", key: "tpi", width: 11, style: { numFmt: "0.00" } },
    { header: "Nilai TPN", key: "tpn", width: 11, style: { numFmt: "0.00" } },
    { header: "Memenuhi syarat", key: "ready", width: 16 },
    { header: "Syarat belum terpenuhi", key: "failing", width: 50 },
    { header: "Terjawab", key: "answered", width: 10 },
    { header: "Jumlah pertanyaan", key: "questions", width: 10 },
    { header: "Predikat", key: "result", width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of data.items) {
    ws.addRow({
      code: r.unit.code,
      name: `${"  ".repeat(r.unit.depth)}${r.unit.name}`,
      year: r.cycle?.year ?? null,
      target: r.cycle?.target ?? null,
      stage: r.cycle ? STAGE_LABELS[r.cycle.stage].id : "Belum ada siklus",
      unit: r.scores.unit,
      tpi: r.scores.tpi,
      tpn: r.scores.tpn,
      ready: r.ready === null ? null : r.ready ? "Ya" : "Belum",
      failing: r.failingGates.join(", "),
      answered: r.cycle ? r.answered : null,
      questions: r.cycle ? r.questions : null,
      result: r.cycle?.result === "none" ? "Tidak" : (r.cycle?.result ?? null),
    });
  }
  ws.autoFilter = { from: "A1", to: "M1" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
