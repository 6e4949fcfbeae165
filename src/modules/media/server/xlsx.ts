import ExcelJS from "exceljs";
import type { Report } from "../contract";
import { CHANNEL_KIND_LABELS, THEME_LABELS } from "../domain/labels";
import type { Theme } from "../domain/model";

/** The media report as a workbook: per month, per channel and per theme (counts and reach). */
export async function reportXlsx(r: Report, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const reachCols = [
    { header: "Tayangan", key: "views", width: 12 },
    { header: "Suka", key: "likes", width: 10 },
    { header: "Komentar", key: "comments", width: 10 },
    { header: "Dibagikan", key: "shares", width: 10 },
  ];
  const months = wb.addWorksheet("Per bulan", { views: [{ state: "frozen", ySplit: 1 }] });
  months.columns = [
    { header: "Bulan", key: "month", width: 10 },
    { header: "Konten direncanakan", key: "items", width: 12 },
    { header: "Terbit", key: "published", width: 10 },
    { header: "Hari kosong", key: "gaps", width: 12 },
    ...reachCols,
  ];
  for (const m of r.months)
    months.addRow({ month: m.month, items: m.items, published: m.published, gaps: m.gapCount, ...m.reach });

  const channels = wb.addWorksheet("Per kanal", { views: [{ state: "frozen", ySplit: 1 }] });
  channels.columns = [
    { header: "Kanal", key: "name", width: 28 },
    { header: "Jenis", key: "kind", width: 16 },
    { header: "Konten direncanakan", key: "items", width: 12 },
    { header: "Publikasi", key: "publications", width: 10 },
    ...reachCols,
  ];
  for (const b of r.byChannel) {
    const ch = r.channels.find((c) => c.id === b.key);
    channels.addRow({
      name: ch?.name ?? b.key,
      kind: ch ? CHANNEL_KIND_LABELS[ch.kind] : "",
      items: b.items,
      publications: b.publications,
      ...b.reach,
    });
  }

  const themes = wb.addWorksheet("Per tema", { views: [{ state: "frozen", ySplit: 1 }] });
  themes.columns = [
    { header: "Tema", key: "theme", width: 24 },
    { header: "Konten direncanakan", key: "items", width: 12 },
    { header: "Publikasi", key: "publications", width: 10 },
    ...reachCols,
  ];
  for (const b of r.byTheme)
    themes.addRow({
      theme: THEME_LABELS[b.key as Theme] ?? b.key,
      items: b.items,
      publications: b.publications,
      ...b.reach,
    });
  for (const ws of [months, channels, themes]) ws.getRow(1).font = { bold: true };
  wb.title = `Laporan media ${unitName} ${r.from}–${r.to}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
