import ExcelJS from "exceljs";
import type { AgentsWire, CountsWire } from "../contract";

/**
 * The change agents as a workbook: the LKE counts first (as the worksheet asks them), then one row
 * per change with its agent, dates and integration, then the role-model activities.
 */
export async function agentsXlsx(data: AgentsWire, counts: CountsWire): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";

  const summary = wb.addWorksheet("Ringkasan LKE");
  summary.columns = [
    { header: "Isian LKE", key: "label", width: 64 },
    { header: "Jumlah", key: "value", width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRows([
    { label: `Periode`, value: `${counts.from} s.d. ${counts.to}` },
    { label: "SK Agen Perubahan", value: data.decree ? `${data.decree.number} (${data.decree.date})` : "-" },
    { label: "Jumlah agen perubahan", value: counts.counts.jumlah_agen_perubahan },
    { label: "Jumlah perubahan yang dibuat", value: counts.counts.jumlah_perubahan },
    {
      label: "Jumlah perubahan yang telah diintegrasikan dalam sistem manajemen",
      value: counts.counts.jumlah_perubahan_terintegrasi,
    },
  ]);

  const changes = wb.addWorksheet("Perubahan", { views: [{ state: "frozen", ySplit: 1 }] });
  changes.columns = [
    { header: "Agen perubahan", key: "agent", width: 28 },
    { header: "Perubahan", key: "title", width: 40 },
    { header: "Uraian", key: "description", width: 50 },
    { header: "Rencana", key: "planned", width: 12 },
    { header: "Realisasi", key: "realised", width: 12 },
    { header: "Terintegrasi", key: "integrated", width: 12 },
    { header: "SOP/keputusan yang mengintegrasikan", key: "ref", width: 40 },
  ];
  changes.getRow(1).font = { bold: true };
  for (const a of data.agents)
    for (const c of a.changes)
      changes.addRow({
        agent: a.name,
        title: c.title,
        description: c.description,
        planned: c.plannedDate,
        realised: c.realisedDate,
        integrated: c.integrated ? "Ya" : "Belum",
        ref: c.integrationRef,
      });
  changes.autoFilter = { from: "A1", to: "G1" };

  const models = wb.addWorksheet("Role model");
  models.columns = [
    { header: "Agen perubahan", key: "agent", width: 28 },
    { header: "Tanggal", key: "date", width: 12 },
    { header: "Kegiatan", key: "title", width: 40 },
    { header: "Uraian", key: "description", width: 50 },
  ];
  models.getRow(1).font = { bold: true };
  for (const a of data.agents)
    for (const m of a.roleModels)
      models.addRow({ agent: a.name, date: m.date, title: m.title, description: m.description });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
