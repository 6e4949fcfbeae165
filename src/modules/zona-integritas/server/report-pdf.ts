import PDFDocument from "pdfkit";
import { div, type Fraction, frac, mul, sum, toFixed, toNumber } from "../../../kernel/math/fraction";
import type { Gaps, GatePath } from "../domain/gaps";
import type { Readiness, ReadinessGate } from "../domain/readiness";
import { indexRubric, type Rubric } from "../domain/rubric";
import type { LkeScore } from "../domain/scoring";

/**
 * The one-page-or-so summary of an LKE assessment as a PDF (A4, Indonesian): scores per area for the
 * three columns, the readiness gates of the target predicate, a bar chart of area scores against the
 * 60% / 75% lines and the next steps. Text uses pdfkit's built-in Helvetica, whose WinAnsi encoding
 * has no ✓ or ≥: check marks are drawn as vector shapes (with LULUS/BELUM beside them) and minimums
 * are written "min.". Numbers are rounded to 2 decimals for display only, with a decimal comma.
 */

export interface SummaryReportInput {
  rubric: Rubric;
  unit: { code: string; name: string };
  year: number;
  target: "WBK" | "WBBM";
  /** Already a human label (e.g. "Penilaian TPI"). */
  stage: string;
  scores: { unit: LkeScore; tpi: LkeScore | null; tpn: LkeScore | null };
  /** Readiness of the most advanced column available. */
  readiness: Readiness;
  readinessColumn: "unit" | "tpi" | "tpn";
  gaps: Gaps;
  /** Paths to the failing gates of the target predicate. */
  paths: GatePath[];
  /** Shown in Asia/Jakarta time (WIB). */
  generatedAt: Date;
}

type ColumnKey = SummaryReportInput["readinessColumn"];
const COLUMN_LABEL: Record<ColumnKey, string> = { unit: "Unit", tpi: "TPI", tpn: "TPN" };
const COLUMN_COLOR: Record<ColumnKey, string> = { unit: "#5b9bd5", tpi: "#ed7d31", tpn: "#70ad47" };

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** "5 Mei 2025 pukul 14.03 WIB" (Asia/Jakarta is UTC+7 all year, without daylight saving). */
export function formatJakarta(d: Date): string {
  const j = new Date(d.getTime() + 7 * 3600_000);
  const hh = String(j.getUTCHours()).padStart(2, "0");
  const mm = String(j.getUTCMinutes()).padStart(2, "0");
  return `${j.getUTCDate()} ${MONTHS[j.getUTCMonth()]} ${j.getUTCFullYear()} pukul ${hh}.${mm} WIB`;
}

/** Two decimals, decimal comma: 75,25. */
export function formatNumber(x: Fraction | number, places = 2): string {
  const f = typeof x === "number" ? frac(Math.round(x * 1e6), 1e6) : x;
  return toFixed(f, places).replace(".", ",");
}

const fmt = (x: Fraction | null | undefined) => (x ? formatNumber(x) : "–");
const pctOf = (score: Fraction, weight: Fraction) =>
  weight.n === 0n ? null : mul(div(score, weight), frac(100));

// WinAnsi (cp1252) beyond Latin-1: what the standard fonts can show.
const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACE: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "✓": "v", "✗": "x", "−": "-" };

/** Text the built-in fonts can encode: known symbols spelled out, anything else as "?". */
export function winAnsi(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 32 && c < 127) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (c === 9) out += " ";
    else out += REPLACE[ch] ?? "?";
  }
  return out;
}

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const OBLIQUE = "Helvetica-Oblique";
const MARGIN = { top: 50, bottom: 60, left: 50, right: 50 };
const GREY = "#595959";
const LINE = "#bfbfbf";

interface TableCol {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}
interface TableRow {
  cells: string[];
  bold?: boolean;
  fill?: string;
}

export async function renderSummaryPdf(input: SummaryReportInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: "id-ID",
    info: {
      Title: `Ringkasan Penilaian Zona Integritas — ${input.unit.name} ${input.year}`,
      Author: "Zona",
      Subject: input.rubric.title,
      CreationDate: input.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(s), opts);
  /** A section heading, kept with at least `keep` points of what follows. */
  const heading = (s: string, keep = 40) => {
    ensure(keep + 30);
    doc.moveDown(0.8);
    doc.font(BOLD).fontSize(12).fillColor("black");
    text(s, { width });
    doc
      .moveTo(left, doc.y + 1)
      .lineTo(left + width, doc.y + 1)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.moveDown(0.4);
    doc.font(FONT).fontSize(9);
  };

  const table = (cols: TableCol[], rows: TableRow[]) => {
    const pad = 3;
    const drawRow = (cells: string[], opts: { bold?: boolean; fill?: string; header?: boolean }) => {
      doc.font(opts.bold || opts.header ? BOLD : FONT).fontSize(8.5);
      const heights = cells.map((c, i) =>
        doc.heightOfString(winAnsi(c), { width: cols[i]!.width - 2 * pad, lineGap: 0 }),
      );
      const h = Math.max(...heights) + 2 * pad;
      const y = doc.y;
      const fill = opts.header ? "#305496" : opts.fill;
      if (fill) doc.rect(left, y, width, h).fillColor(fill).fill();
      let x = left;
      cells.forEach((c, i) => {
        const col = cols[i]!;
        doc.fillColor(opts.header ? "white" : "black");
        doc.text(winAnsi(c), x + pad, y + pad, {
          width: col.width - 2 * pad,
          align: opts.header ? (col.align === "right" ? "right" : "left") : (col.align ?? "left"),
          lineGap: 0,
        });
        x += col.width;
      });
      doc
        .moveTo(left, y + h)
        .lineTo(left + width, y + h)
        .lineWidth(0.3)
        .strokeColor(LINE)
        .stroke();
      doc.x = left;
      doc.y = y + h;
      return h;
    };
    const measure = (cells: string[], bold: boolean) => {
      doc.font(bold ? BOLD : FONT).fontSize(8.5);
      return (
        Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: cols[i]!.width - 6 }))) + 6
      );
    };
    const header = cols.map((c) => c.header);
    ensure(measure(header, true) + measure(rows[0]?.cells ?? [""], false));
    drawRow(header, { header: true });
    for (const r of rows) {
      const h = measure(r.cells, r.bold ?? false);
      if (doc.y + h > bottom()) {
        doc.addPage();
        drawRow(header, { header: true });
      }
      drawRow(r.cells, r);
    }
    doc.fillColor("black").font(FONT).fontSize(9);
  };

  const columns = (["unit", "tpi", "tpn"] as const).filter((c) => input.scores[c] !== null);
  const scoreOf = (c: ColumnKey) => input.scores[c];
  const main = input.scores[input.readinessColumn] ?? input.scores.unit;
  const idx = indexRubric(input.rubric);

  // --- Title block -----------------------------------------------------------------------------------
  doc.font(BOLD).fontSize(18).fillColor("black");
  text("Ringkasan Penilaian Zona Integritas", { width });
  doc.font(FONT).fontSize(10).fillColor(GREY);
  text(`${input.rubric.title} (${input.rubric.regulation})`, { width });
  doc.moveDown(0.6);
  const info: [string, string][] = [
    ["Unit kerja", `${input.unit.name} (${input.unit.code})`],
    ["Tahun penilaian", String(input.year)],
    [
      "Target predikat",
      input.target === "WBK"
        ? "WBK (Wilayah Bebas dari Korupsi)"
        : "WBBM (Wilayah Birokrasi Bersih dan Melayani)",
    ],
    ["Tahap", input.stage],
    ["Nilai total", `${fmt(main.total)} dari 100 (kolom ${COLUMN_LABEL[input.readinessColumn]})`],
  ];
  for (const [k, v] of info) {
    const y = doc.y;
    doc.font(BOLD).fontSize(10).fillColor("black");
    doc.text(winAnsi(k), left, y, { width: 110 });
    doc.font(FONT);
    doc.text(winAnsi(v), left + 115, y, { width: width - 115 });
    doc.x = left;
  }

  // --- Scores per area ---------------------------------------------------------------------------------
  heading("Nilai per area");
  const pctLabel = `% bobot (${COLUMN_LABEL[input.readinessColumn]})`;
  const scoreCols: TableCol[] = [
    { header: "Kode", width: 38 },
    { header: "Komponen / area", width: width - 38 - 45 - 3 * 52 - 58 },
    { header: "Bobot", width: 45, align: "right" },
    ...(["unit", "tpi", "tpn"] as const).map(
      (c): TableCol => ({ header: COLUMN_LABEL[c], width: 52, align: "right" }),
    ),
    { header: pctLabel, width: 58, align: "right" },
  ];
  const nodeCells = (key: string, weight: Fraction) => {
    const cells = (["unit", "tpi", "tpn"] as const).map((c) => fmt(scoreOf(c)?.points.get(key)));
    const p = pctOf(main.points.get(key) ?? frac(0), weight);
    return [fmt(weight), ...cells, p ? `${formatNumber(p)}%` : "–"];
  };
  const rows: TableRow[] = [];
  for (const component of input.rubric.components) {
    const cs = main.components.find((c) => c.key === component.key)!;
    rows.push({
      cells: ["", component.name.toUpperCase(), ...nodeCells(component.key, cs.weight)],
      bold: true,
      fill: "#ddebf7",
    });
    for (const area of component.areas) {
      const as = main.areas.find((a) => a.key === area.key)!;
      rows.push({ cells: [area.sourceId ?? "", area.name, ...nodeCells(area.key, as.weight)] });
    }
  }
  table(scoreCols, rows);

  doc.moveDown(0.6);
  const weightOf = (kind: "pengungkit" | "hasil") =>
    sum(main.components.filter((c) => c.kind === kind).map((c) => c.weight));
  const summaryRows: TableRow[] = [];
  const summaryRow = (label: string, key: string, weight: Fraction, bold = false) =>
    summaryRows.push({
      cells: ["", label, ...nodeCells(key, weight)],
      bold,
      ...(bold ? { fill: "#fce4d6" } : {}),
    });
  for (const c of main.components)
    if (c.key === "pemenuhan" || c.key === "reform") summaryRow(c.name, c.key, c.weight);
  summaryRow("Pengungkit", "pengungkit", weightOf("pengungkit"));
  summaryRow("Hasil", "hasil", weightOf("hasil"));
  summaryRow("Total (pengungkit + hasil)", "total", sum([weightOf("pengungkit"), weightOf("hasil")]), true);
  table(
    scoreCols.map((c, i) => (i === 1 ? { ...c, header: "Rekapitulasi" } : c)),
    summaryRows,
  );

  // --- Readiness -----------------------------------------------------------------------------------------
  const pr = input.readiness[input.target];
  heading(`Kesiapan predikat ${input.target} (kolom ${COLUMN_LABEL[input.readinessColumn]})`);
  const failing = pr.gates.filter((g) => !g.pass).length;
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor(pr.pass ? "#2e7d32" : "#c62828");
  text(
    pr.pass
      ? `MEMENUHI semua ${pr.gates.length} syarat ${input.target}.`
      : `BELUM MEMENUHI: ${failing} dari ${pr.gates.length} syarat ${input.target} belum tercapai.`,
    { width },
  );
  doc.fillColor("black").moveDown(0.3);
  let group = "";
  for (const g of pr.gates) {
    // Area gates (one per area) come under one heading naming the rule.
    const base = g.key.split(":")[0]!;
    if (g.kind === "areaShare" && base !== group) {
      const def = input.rubric.thresholds.gates.find((d) => d.key === base);
      const label = `${def?.label ?? g.label}:`;
      doc.font(BOLD).fontSize(9);
      ensure(doc.heightOfString(winAnsi(label), { width }) + 30);
      doc.fillColor("black");
      doc.text(winAnsi(label), left, doc.y, { width, continued: !g.confirmed });
      if (!g.confirmed) doc.font(OBLIQUE).fillColor("#b26a00").text(" (belum terkonfirmasi)");
      doc.x = left;
      doc.y += 3;
    }
    group = g.kind === "areaShare" ? base : "";
    gateLine(g, g.kind === "areaShare" ? 12 : 0);
  }

  function gateLine(g: ReadinessGate, indent: number) {
    const { detail } = describeGate(g);
    const label = gateTitle(input.rubric, g.key, g.label);
    // Area gates carry the unconfirmed mark on their group heading.
    const unconfirmed = !g.confirmed && g.kind !== "areaShare";
    const iconW = 16;
    const statusW = 44;
    const textW = width - indent - iconW - statusW;
    const x = left + indent;
    doc.font(BOLD).fontSize(9);
    const title = `${label}${unconfirmed ? " (belum terkonfirmasi)" : ""}`;
    const h =
      doc.heightOfString(winAnsi(title), { width: textW }) +
      doc.font(FONT).fontSize(8.5).heightOfString(winAnsi(detail), { width: textW }) +
      5;
    ensure(h);
    const y = doc.y;
    drawMark(doc, x + 2, y + 1, g.pass);
    doc.font(BOLD).fontSize(9).fillColor("black");
    doc.text(winAnsi(label), x + iconW, y, { width: textW, continued: unconfirmed });
    if (unconfirmed) doc.font(OBLIQUE).fillColor("#b26a00").text(" (belum terkonfirmasi)");
    doc.font(FONT).fontSize(8.5).fillColor(GREY);
    doc.text(winAnsi(detail), x + iconW, doc.y, { width: textW });
    const endY = doc.y;
    doc
      .font(BOLD)
      .fontSize(9)
      .fillColor(g.pass ? "#2e7d32" : "#c62828");
    doc.text(g.pass ? "LULUS" : "BELUM", x + iconW + textW, y, { width: statusW, align: "right" });
    doc.fillColor("black");
    doc.x = left;
    doc.y = Math.max(endY, y + 12) + 4;
  }

  const paths = input.paths.filter((p) => p.predicate === input.target);
  if (paths.length > 0) {
    doc.moveDown(0.3);
    doc.font(BOLD).fontSize(9).fillColor("black");
    ensure(30);
    text("Kekurangan per syarat", { width });
    doc.font(FONT).fontSize(8.5);
    for (const p of paths) {
      const label = gateTitle(input.rubric, p.gateKey, p.label);
      const line =
        p.reason === "input"
          ? `• ${label}: syarat berupa status predikat sebelumnya, bukan nilai.`
          : p.reason === "no_questions"
            ? `• ${label}: kurang ${formatNumber(p.deficit)} poin; tidak ada pertanyaan yang dapat menambah nilai.`
            : `• ${label}: kurang ${formatNumber(p.deficit)} poin; ${p.steps.length} pertanyaan perlu diperbaiki${p.reachable ? "" : " (belum cukup walau semua dijawab penuh)"}.`;
      ensure(doc.heightOfString(winAnsi(line), { width }) + 2);
      text(line, { width });
    }
  }

  // --- Bar chart -------------------------------------------------------------------------------------------
  const labelW = 150;
  const barH = 5;
  const barGap = 1.5;
  const legendH = 14;
  doc.font(FONT).fontSize(7.5);
  const chartRowH = main.areas.map((a) => {
    const label = `${idxArea(a.key)} ${a.name}`.trim();
    const lh = doc.heightOfString(winAnsi(label), { width: labelW });
    return Math.max(lh, columns.length * (barH + barGap)) + 5;
  });
  const chartH = legendH + 12 + chartRowH.reduce((s, h) => s + h, 0) + 14;
  heading("Capaian area (% dari bobot)", Math.min(chartH, bottom() - MARGIN.top - 60));
  drawChart();

  function drawChart() {
    const valueW = 40;
    const x0 = left + labelW + 6;
    const chartW = width - labelW - 6 - valueW;
    const barH = 5;
    const gap = barGap;
    const areas = main.areas;
    const rowH = chartRowH;

    // Legend.
    let lx = left;
    const ly = doc.y;
    for (const c of columns) {
      doc
        .rect(lx, ly + 1, 8, 6)
        .fillColor(COLUMN_COLOR[c])
        .fill();
      doc.fillColor("black").font(FONT).fontSize(8);
      doc.text(COLUMN_LABEL[c], lx + 11, ly, { lineBreak: false });
      lx += 50;
    }
    doc.strokeColor("#c62828").lineWidth(0.8).dash(2, { space: 2 });
    doc
      .moveTo(lx, ly + 4)
      .lineTo(lx + 14, ly + 4)
      .stroke();
    doc.undash();
    doc.fillColor("black").text("min. 60% (WBK)", lx + 17, ly, { lineBreak: false });
    lx += 90;
    doc.strokeColor("#6a1b9a").lineWidth(0.8).dash(4, { space: 2 });
    doc
      .moveTo(lx, ly + 4)
      .lineTo(lx + 14, ly + 4)
      .stroke();
    doc.undash();
    doc.fillColor("black").text("min. 75% (WBBM)", lx + 17, ly, { lineBreak: false });

    // Axis ticks.
    const top = ly + legendH + 10;
    doc.font(FONT).fontSize(7).fillColor(GREY);
    for (const t of [0, 25, 50, 75, 100]) {
      const x = x0 + (chartW * t) / 100;
      doc.text(`${t}%`, x - 12, top - 9, { width: 24, align: "center", lineBreak: false });
    }
    let y = top;
    const startY = y;
    areas.forEach((a, i) => {
      if (y + rowH[i]! > bottom()) {
        refLines(startY, y);
        doc.addPage();
        y = doc.y;
      }
      doc.font(FONT).fontSize(7.5).fillColor("black");
      doc.text(winAnsi(`${idxArea(a.key)} ${a.name}`.trim()), left, y + 1, { width: labelW });
      columns.forEach((c, j) => {
        const s = scoreOf(c)!;
        const as = s.areas.find((x) => x.key === a.key)!;
        const p = pctOf(as.score, as.weight);
        const v = p ? Math.min(Math.max(toNumber(p), 0), 100) : 0;
        const by = y + 2 + j * (barH + gap);
        doc.rect(x0, by, chartW, barH).fillColor("#f2f2f2").fill();
        if (v > 0)
          doc
            .rect(x0, by, (chartW * v) / 100, barH)
            .fillColor(COLUMN_COLOR[c])
            .fill();
        doc.font(FONT).fontSize(6.5).fillColor(GREY);
        doc.text(p ? `${formatNumber(p, 1)}%` : "–", x0 + chartW + 3, by - 1, {
          width: valueW - 3,
          lineBreak: false,
        });
      });
      y += rowH[i]!;
    });
    refLines(startY, y);
    doc.x = left;
    doc.y = y + 4;
    doc.fillColor("black");

    function refLines(from: number, to: number) {
      doc.lineWidth(0.3).strokeColor(LINE);
      doc
        .moveTo(x0, from - 1)
        .lineTo(x0, to)
        .stroke();
      for (const [t, color, dash] of [
        [60, "#c62828", 2],
        [75, "#6a1b9a", 4],
      ] as const) {
        const x = x0 + (chartW * t) / 100;
        doc.strokeColor(color).lineWidth(0.8).dash(dash, { space: 2 });
        doc
          .moveTo(x, from - 1)
          .lineTo(x, to)
          .stroke();
        doc.undash();
      }
    }
  }

  function idxArea(key: string): string {
    for (const c of input.rubric.components)
      for (const a of c.areas) if (a.key === key) return a.sourceId ?? "";
    return "";
  }

  // --- Next steps -------------------------------------------------------------------------------------------
  heading("Langkah berikutnya");
  const top = input.gaps.items.slice(0, 10);
  if (top.length === 0) {
    text("Semua pertanyaan telah memperoleh nilai penuh.", { width });
  } else {
    doc.font(FONT).fontSize(8.5).fillColor(GREY);
    text(
      `Sepuluh pertanyaan dengan tambahan nilai terbesar (kolom ${COLUMN_LABEL[input.readinessColumn]}), dari ${input.gaps.items.length} pertanyaan yang belum bernilai penuh.`,
      { width },
    );
    doc.moveDown(0.4);
  }
  const numW = 18;
  top.forEach((g, i) => {
    const q = idx.questions.get(g.key);
    const code = q?.question.sourceId ? `[${q.question.sourceId}] ` : "";
    const areaName = q?.area.name ?? g.areaKey;
    const target =
      g.answerType === "survey_index"
        ? `indeks survei ${g.bestAnswer ?? "4"}`
        : g.bestAnswer !== null
          ? `jawaban ${g.bestAnswer}`
          : "capaian jumlah 100%";
    const meta = `${areaName} · tambahan nilai ${formatNumber(g.toGain)} poin (nilai kini ${formatNumber(g.points)} dari ${formatNumber(g.share)}) · target: ${target}`;
    const evidence = g.evidence.length > 0 ? `Data dukung: ${g.evidence.join("; ")}` : "";
    const w = width - numW;
    doc.font(BOLD).fontSize(9);
    let h = doc.heightOfString(winAnsi(code + g.text), { width: w });
    doc.font(FONT).fontSize(8);
    h += doc.heightOfString(winAnsi(meta), { width: w });
    if (evidence) h += doc.heightOfString(winAnsi(evidence), { width: w });
    ensure(h + 6);
    const y = doc.y;
    doc.font(BOLD).fontSize(9).fillColor("black");
    doc.text(`${i + 1}.`, left, y, { width: numW });
    doc.text(winAnsi(code + g.text), left + numW, y, { width: w });
    doc.font(FONT).fontSize(8).fillColor(GREY);
    doc.text(winAnsi(meta), left + numW, doc.y, { width: w });
    if (evidence) doc.text(winAnsi(evidence), left + numW, doc.y, { width: w });
    doc.x = left;
    doc.y += 5;
  });

  // --- Footer on every page -----------------------------------------------------------------------------
  const range = doc.bufferedPageRange();
  const stamp = `Dibuat ${formatJakarta(input.generatedAt)} · Zona · ${input.unit.code} ${input.year}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = doc.page.height - 40;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc.font(FONT).fontSize(7.5).fillColor(GREY);
    doc.text(winAnsi(stamp), left, y, { width: width - 90, lineBreak: false });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, left + width - 90, y, {
      width: 90,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}

/** A short title for a gate: area gates ("area:pemenuhan.mp") name their area and component. */
function gateTitle(rubric: Rubric, key: string, label: string): string {
  const i = key.indexOf(":");
  if (i < 0) return label;
  const areaKey = key.slice(i + 1);
  for (const c of rubric.components)
    for (const a of c.areas)
      if (a.key === areaKey) return `${a.sourceId ? `${a.sourceId} ` : ""}${a.name} (${c.name})`;
  return label;
}

/** The gate's label and its "min. … · nilai …" line. */
function describeGate(g: ReadinessGate): { label: string; detail: string } {
  if (typeof g.threshold === "boolean" || typeof g.value === "boolean") {
    return {
      label: g.label,
      detail: `Syarat: sudah memperoleh predikat WBK · status: ${g.value === true ? "sudah" : "belum"}`,
    };
  }
  if (g.kind === "areaShare" && g.weight) {
    const need = mul(g.threshold, g.weight);
    const have = mul(g.value, g.weight);
    return {
      label: g.label,
      detail: `Syarat: min. ${formatNumber(mul(g.threshold, frac(100)), 0)}% dari bobot ${formatNumber(g.weight)} = ${formatNumber(need)} poin · nilai: ${formatNumber(have)} poin (${formatNumber(mul(g.value, frac(100)))}%)`,
    };
  }
  const survey = g.surveyIndex !== undefined ? ` (setara indeks survei ${formatNumber(g.surveyIndex)})` : "";
  return {
    label: g.label,
    detail: `Syarat: min. ${formatNumber(g.threshold)} poin${survey} · nilai: ${formatNumber(g.value)} poin`,
  };
}

/** A vector check mark (green) or cross (red) in a 10×10 box at (x, y). */
function drawMark(doc: PDFKit.PDFDocument, x: number, y: number, pass: boolean) {
  doc.save();
  doc.lineWidth(1.6).lineCap("round").lineJoin("round");
  if (pass) {
    doc
      .strokeColor("#2e7d32")
      .moveTo(x, y + 5)
      .lineTo(x + 3.5, y + 9)
      .lineTo(x + 10, y + 1)
      .stroke();
  } else {
    doc
      .strokeColor("#c62828")
      .moveTo(x + 1, y + 1)
      .lineTo(x + 9, y + 9)
      .moveTo(x + 9, y + 1)
      .lineTo(x + 1, y + 9)
      .stroke();
  }
  doc.restore();
}
