import ExcelJS from "exceljs";
import type { ResultsWire } from "../contract";
import type { PeriodRow } from "./service";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Raw responses, anonymous: the day, channel, service, profile answers, scores and comment. */
export async function responsesXlsx(data: {
  period: PeriodRow;
  unit: { code: string; name: string };
  rows: {
    date: string;
    channel: string;
    serviceType: string | null;
    ageGroup: string | null;
    sex: string | null;
    education: string | null;
    occupation: string | null;
    comment: string | null;
    scores: number[];
  }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet("Jawaban");
  const codes = data.period.kind.elements.map((e) => e.code);
  ws.addRow([`${data.period.title} — ${data.unit.name}`]);
  ws.addRow([
    `${data.period.startsOn} s.d. ${data.period.endsOn}; ${data.rows.length} responden; tanpa identitas responden`,
  ]);
  ws.addRow([]);
  const header = ws.addRow([
    "No",
    "Tanggal",
    "Kanal",
    "Jenis layanan",
    "Usia",
    "Jenis kelamin",
    "Pendidikan",
    "Pekerjaan",
    ...codes,
    "Saran/komentar",
  ]);
  header.font = { bold: true };
  for (const [i, r] of data.rows.entries())
    ws.addRow([
      i + 1,
      r.date,
      r.channel,
      r.serviceType ?? "",
      r.ageGroup ?? "",
      r.sex ?? "",
      r.education ?? "",
      r.occupation ?? "",
      ...r.scores,
      r.comment ?? "",
    ]);
  ws.views = [{ state: "frozen", ySplit: 4 }];
  ws.getColumn(4).width = 28;
  ws.getColumn(9 + codes.length).width = 60;
  return toBuffer(wb);
}

/** The computation: per element sum, NRR, weight, weighted NRR; index, IKM, grade; breakdowns. */
export async function resultsXlsx(r: ResultsWire): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  const ws = wb.addWorksheet("Perhitungan");
  const n = r.overall.respondents;
  ws.addRow([r.period.title]);
  ws.addRow([`${r.period.unit.name} — ${r.kind.regulation}`]);
  ws.addRow([`Responden: ${n}`, "", `Sampel minimal: ${r.period.requiredSample ?? "-"}`]);
  ws.addRow([]);
  const h = ws.addRow(["Unsur", "Uraian", "Jumlah nilai", "NRR", "Bobot", "NRR tertimbang", "IKM unsur"]);
  h.font = { bold: true };
  r.kind.elements.forEach((e, i) => {
    const el = r.overall.elements[i]!;
    ws.addRow([
      e.code,
      e.label.id,
      el.nrr === null ? null : Math.round(el.nrr * n),
      el.nrr,
      r.overall.weight,
      el.weighted,
      el.ikm === null ? null : Number(el.ikm),
    ]);
  });
  ws.addRow([]);
  ws.addRow(["Indeks (Σ NRR tertimbang)", "", "", r.overall.index]);
  if (r.kind.result === "ikm") {
    ws.addRow(["IKM (indeks × 25)", "", "", r.overall.ikm]);
    ws.addRow(["Mutu pelayanan", "", "", r.overall.grade ?? "-"]);
    ws.addRow(["Kinerja unit", "", "", r.overall.performance?.id ?? "-"]);
  } else ws.addRow(["Nilai LKE (indeks ÷ 4 × 17,5)", "", "", r.overall.points]);
  ws.getColumn(2).width = 42;
  ws.getColumn(4).numFmt = "0.0000";
  ws.getColumn(6).numFmt = "0.0000";

  const b = wb.addWorksheet("Rincian");
  const codes = r.kind.elements.map((e) => e.code);
  const bh = b.addRow(["Kelompok", "Nilai", "Responden", ...codes, "Indeks", "IKM", "Mutu"]);
  bh.font = { bold: true };
  const rows = [
    ["Jenis layanan", r.byService] as const,
    ...Object.entries(r.byProfile).map(([k, v]) => [k, v] as const),
  ];
  for (const [group, list] of rows)
    for (const row of list)
      b.addRow([
        group,
        row.key || "(tidak diisi)",
        row.respondents,
        ...row.elements.map((e) => e.nrr),
        row.index,
        row.ikm,
        row.grade ?? "",
      ]);
  b.getColumn(2).width = 30;
  return toBuffer(wb);
}
