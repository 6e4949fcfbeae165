import ExcelJS from "exceljs";
import { DomainError, renderMessage } from "../../../kernel/http/errors";
import { type Fraction, toNumber } from "../../../kernel/math/fraction";
import { type Answer, answerValue } from "../domain/answers";
import { ziErrors } from "../domain/errors";
import { indexRubric, type Question, type Rubric } from "../domain/rubric";
import { type LkeScore, scoreValues } from "../domain/scoring";

/**
 * The LKE (Lembar Kerja Evaluasi) as an Excel workbook, in the layout evaluators know: one row per
 * question in rubric order, bold section rows for component / area / sub-pillar, and for each of the
 * three columns (Unit = self-assessment, TPI = internal assessors, TPN = national assessors) the
 * answer, its value (0–1), its points and a note.
 *
 * Answers in the "Jawaban" cells (text, what a person types; parsed back by `importWorksheetXlsx`):
 * - Ya/Tidak questions: `Ya` or `Tidak` (any case);
 * - A–C, A–D, A–E questions: the letter, `A` … `E` (any case);
 * - survey index questions: the index as a number, 1–4 (`3.2` or `3,20`);
 * - count questions: the counts in the order the "Pilihan" cell lists them, separated by semicolons,
 *   e.g. `12; 15` (a semicolon, never a comma or slash: "12,15" reads as a decimal and "12/15" as a
 *   date in Indonesian Excel). The keyed form `jumlah_sasaran=12; jumlah_sasaran_tercapai=15` is also
 *   accepted and is what an answer stored keyed ({counts: {key: n}}) exports as;
 * - a value given directly (the answer `{value: v}`): `nilai=0.8` (0–1; `nilai: 0,8` also reads).
 *   Never a leading "=", which Excel would take for a formula;
 * - an empty cell: not answered (null).
 * Imported answers are canonical: `"ya"` / `"tidak"`, upper-case letters, numbers for survey indexes.
 *
 * A very hidden, protected sheet `_zona` carries a marker, the layout version and the rubric id, so an
 * import can tell a Zona LKE export (of the right rubric) from any other workbook.
 */

export type Column = "unit" | "tpi" | "tpn";
export const COLUMNS: readonly Column[] = ["unit", "tpi", "tpn"];

export interface WorksheetCell {
  answer: Answer | null;
  note: string;
}

export interface WorksheetData {
  rubric: Rubric;
  unit: { code: string; name: string };
  year: number;
  target: "WBK" | "WBBM";
  /** By column, then by question key. */
  columns: Record<Column, Record<string, WorksheetCell>>;
  /** Evidence links by question key. */
  evidence: Record<string, { name: string; url: string }[]>;
}

export interface ImportRowError {
  /** The worksheet row (1-based, as Excel shows it); 0 for errors about the whole file. */
  row: number;
  /** The column letter (e.g. "F") when the error is about one cell or one header. */
  column?: string;
  /** The question key, when the row is a question's. */
  question?: string;
  message: { id: string; en: string };
}

export interface ImportResult {
  /**
   * By question key, every question row read (an empty answer cell gives `answer: null`). Questions
   * whose row is missing from the file are absent. Apply nothing when `errors` is non-empty.
   */
  answers: Record<string, WorksheetCell>;
  errors: ImportRowError[];
  /** Question rows read. */
  rows: number;
}

/** Bumped whenever the columns or the marker change; an import refuses any other version. */
export const LAYOUT_VERSION = 1;
export const LKE_SHEET = "LKE";
export const GUIDE_SHEET = "Petunjuk";
const META_SHEET = "_zona";
const MARKER = "zona-lke";

const COLUMN_LABEL: Record<Column, string> = { unit: "Unit", tpi: "TPI", tpn: "TPN" };
const COLUMN_TITLE: Record<Column, string> = {
  unit: "Penilaian mandiri unit kerja (Unit)",
  tpi: "Tim Penilai Internal (TPI)",
  tpn: "Tim Penilai Nasional (TPN)",
};
const PER_COLUMN = ["Jawaban", "Nilai", "Skor", "Catatan"] as const;
type PerColumn = (typeof PER_COLUMN)[number];

/** The header row, in order: the import refuses a file whose header differs. */
export const HEADERS: readonly string[] = [
  "Kunci",
  "Kode",
  "Pertanyaan",
  "Jenis jawaban",
  "Pilihan",
  ...COLUMNS.flatMap((c) => PER_COLUMN.map((p) => `${p} ${COLUMN_LABEL[c]}`)),
  "Bobot",
  "Data dukung",
];

/** 1-based column number of a header. */
function col(header: string): number {
  const i = HEADERS.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
}
const colOf = (c: Column, p: PerColumn) => col(`${p} ${COLUMN_LABEL[c]}`);

function letter(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

const ANSWER_TYPE_LABEL: Record<Question["answerType"], string> = {
  yes_no: "Ya/Tidak",
  abc: "A/B/C",
  abcd: "A/B/C/D",
  abcde: "A/B/C/D/E",
  counts: "Jumlah",
  survey_index: "Indeks survei",
};

// ---------------------------------------------------------------------------------------------------
// Answer encoding

const VALUE_RE = /^(?:nilai|value)\s*[=:]?\s*([0-9]+(?:[.,][0-9]+)?)$/i;
const NUMBER_RE = /^[+-]?[0-9]+(?:[.,][0-9]+)?$/;

function parseDecimal(s: string): number {
  return Number(s.replace(",", "."));
}

/** The text (or number) an answer is written as in a Jawaban cell. */
export function encodeAnswer(answer: Answer | null): string | number | null {
  if (answer === null) return null;
  if (typeof answer === "number") return answer;
  if (typeof answer === "string") {
    const t = answer.trim();
    if (t.toLowerCase() === "ya") return "Ya";
    if (t.toLowerCase() === "tidak") return "Tidak";
    return t.length === 1 ? t.toUpperCase() : t;
  }
  if ("value" in answer) return `nilai=${answer.value}`;
  const counts = answer.counts;
  if (Array.isArray(counts)) return counts.join("; ");
  return Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

/**
 * The answer a Jawaban cell holds, for a question (canonical form), before domain validation. Text
 * that does not fit the question is passed through for `answerValue` to refuse with its message.
 */
export function decodeAnswer(q: Question, raw: string | number | null): Answer {
  if (raw === null) return null;
  if (typeof raw === "string") {
    const v = VALUE_RE.exec(raw);
    if (v) return { value: parseDecimal(v[1]!) };
  }
  switch (q.answerType) {
    case "yes_no":
    case "abc":
    case "abcd":
    case "abcde": {
      if (typeof raw !== "string") return raw;
      const option = q.options.find((o) => o.code.toLowerCase() === raw.toLowerCase());
      if (!option) return raw;
      return q.answerType === "yes_no" ? option.code.toLowerCase() : option.code.toUpperCase();
    }
    case "survey_index":
      if (typeof raw === "string" && NUMBER_RE.test(raw)) return parseDecimal(raw);
      return raw;
    case "counts":
      return { counts: typeof raw === "number" ? [raw] : parseCounts(q, raw) };
  }
}

function parseCounts(q: Question, raw: string): number[] | Record<string, number> {
  const parts = raw
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const bad = (reason: string): never => {
    const defs = q.counts ?? [];
    throw new DomainError("ZI_COUNTS_INVALID", {
      question: q.key,
      reason,
      expected: defs.length,
      labels: defs.map((d) => `${d.key} (${d.label})`).join("; "),
    });
  };
  const num = (s: string): number => {
    const t = s.trim();
    if (!NUMBER_RE.test(t)) bad(`'${t}' is not a number`);
    return parseDecimal(t);
  };
  const keyed = parts.map((p) => /^([a-z0-9_.-]+)\s*[=:]\s*(.*)$/i.exec(p));
  if (parts.length > 0 && keyed.every((m) => m !== null)) {
    const out: Record<string, number> = {};
    for (const m of keyed) {
      if (m![1]! in out) bad(`'${m![1]}' given twice`);
      out[m![1]!] = num(m![2]!);
    }
    return out;
  }
  if (keyed.some((m) => m !== null)) bad("mixed 'key=n' and plain numbers");
  return parts.map(num);
}

/** A cell's content as text or number (formulas give their result); null when blank. */
function cellContent(v: ExcelJS.CellValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return cellContent(v.richText.map((r) => r.text).join(""));
    if ("formula" in v || "sharedFormula" in v)
      return cellContent((v as { result?: ExcelJS.CellValue }).result);
    if ("text" in v) return cellContent((v as { text: string }).text);
    if ("error" in v) return String(v.error);
  }
  return null;
}

const cellText = (v: ExcelJS.CellValue | undefined): string => {
  const c = cellContent(v);
  return c === null ? "" : String(c);
};

// ---------------------------------------------------------------------------------------------------
// Export

const num = (f: Fraction) => toNumber(f);

function valuesOf(rubric: Rubric, cells: Record<string, WorksheetCell>): Map<string, Fraction> {
  const values = new Map<string, Fraction>();
  for (const [key, cell] of Object.entries(cells)) {
    if (cell.answer === null || cell.answer === undefined) continue;
    try {
      values.set(key, answerValue(rubric, key, cell.answer));
    } catch {
      // A stored answer the rubric no longer accepts: shown as written, without a value.
    }
  }
  return values;
}

function optionsText(q: Question): string {
  if (q.answerType === "counts") {
    const defs = q.counts ?? [];
    return [
      `Isikan ${defs.length} bilangan bulat dipisah titik koma (;), berurutan:`,
      ...defs.map((d, i) => `${i + 1}. ${d.label}`),
    ].join("\n");
  }
  if (q.answerType === "survey_index") {
    const lo = q.scale?.min ?? 1;
    const hi = q.scale?.max ?? 4;
    return `Isikan nilai indeks ${lo}–${hi} (mis. 3,20); nilai = indeks ÷ ${hi}.`;
  }
  return q.options.map((o) => `${o.code}: ${o.text}`).join("\n");
}

const WRAPPED = new Set([
  col("Pertanyaan"),
  col("Pilihan"),
  ...COLUMNS.map((c) => colOf(c, "Catatan")),
  col("Data dukung"),
]);

const FILL = {
  component: "FF1F4E79",
  area: "FFBDD7EE",
  subpillar: "FFDDEBF7",
  header: "FF305496",
  group: "FFD9E1F2",
  total: "FFFCE4D6",
} as const;

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

export async function exportWorksheetXlsx(data: WorksheetData): Promise<Buffer> {
  const { rubric } = data;
  const scores = {} as Record<Column, LkeScore>;
  const values = {} as Record<Column, Map<string, Fraction>>;
  for (const c of COLUMNS) {
    values[c] = valuesOf(rubric, data.columns[c] ?? {});
    scores[c] = scoreValues(rubric, values[c]);
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona";
  wb.title = `LKE ${data.unit.code} ${data.year}`;
  wb.subject = rubric.title;
  const ws = wb.addWorksheet(LKE_SHEET, { properties: { defaultRowHeight: 15 } });

  // Title block.
  ws.getCell("A1").value = rubric.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const info: [string, string | number][] = [
    ["Unit kerja", `${data.unit.code} — ${data.unit.name}`],
    ["Tahun", data.year],
    ["Target predikat", data.target],
    ["Rubrik", `${rubric.regulation} (${rubric.id})`],
  ];
  info.forEach(([label, value], i) => {
    const r = ws.getRow(2 + i);
    r.getCell(1).value = label;
    r.getCell(1).font = { bold: true };
    r.getCell(3).value = value;
    r.getCell(3).alignment = { horizontal: "left" };
  });
  ws.getCell("A6").value =
    "Isi kolom Jawaban dan Catatan untuk kolom penilaian Anda, lalu impor kembali ke Zona. Jangan mengubah kolom Kunci, urutan kolom, atau judul kolom. Lihat lembar Petunjuk.";
  ws.getCell("A6").font = { italic: true, color: { argb: "FF595959" } };

  // Column groups (row 8) and the header (row 9).
  const groupRow = 8;
  const headerRow = 9;
  for (const c of COLUMNS) {
    const from = colOf(c, "Jawaban");
    ws.mergeCells(groupRow, from, groupRow, from + PER_COLUMN.length - 1);
    const cell = ws.getCell(groupRow, from);
    cell.value = COLUMN_TITLE[c];
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center" };
    cell.fill = fill(FILL.group);
  }
  const hr = ws.getRow(headerRow);
  HEADERS.forEach((h, i) => {
    const cell = hr.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = fill(FILL.header);
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = thin;
  });
  hr.height = 30;

  const widths: Record<string, number> = {
    Kunci: 24,
    Kode: 8,
    Pertanyaan: 60,
    "Jenis jawaban": 12,
    Pilihan: 45,
    Jawaban: 12,
    Nilai: 8,
    Skor: 8,
    Catatan: 30,
    Bobot: 8,
    "Data dukung": 45,
  };
  HEADERS.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[h] ?? widths[h.split(" ")[0]!] ?? 12;
  });
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: headerRow, topLeftCell: "D10", activeCell: "F10" }];

  let rowNo = headerRow;
  const sectionRow = (
    level: keyof typeof FILL,
    key: string,
    code: string | undefined,
    name: string,
    weight: number,
    points: (c: Column) => number,
  ) => {
    rowNo++;
    const r = ws.getRow(rowNo);
    r.getCell(col("Kunci")).value = key;
    r.getCell(col("Kode")).value = code ?? null;
    r.getCell(col("Pertanyaan")).value = name;
    for (const c of COLUMNS) {
      const cell = r.getCell(colOf(c, "Skor"));
      cell.value = points(c);
      cell.numFmt = "0.00";
    }
    r.getCell(col("Bobot")).value = weight;
    r.getCell(col("Bobot")).numFmt = "0.00";
    const white = level === "component";
    for (let i = 1; i <= HEADERS.length; i++) {
      const cell = r.getCell(i);
      cell.font = { bold: true, ...(white ? { color: { argb: "FFFFFFFF" } } : {}) };
      cell.fill = fill(FILL[level]);
      cell.border = thin;
      cell.alignment = { vertical: "top", wrapText: i === col("Pertanyaan") };
    }
  };

  const answerCols = COLUMNS.map((c) => colOf(c, "Jawaban"));
  for (const component of rubric.components) {
    sectionRow(
      "component",
      component.key,
      undefined,
      `KOMPONEN ${component.name.toUpperCase()}`,
      component.weight,
      (c) => num(scores[c].points.get(component.key)!),
    );
    for (const area of component.areas) {
      sectionRow("area", area.key, area.sourceId, area.name, area.weight, (c) =>
        num(scores[c].points.get(area.key)!),
      );
      for (const sp of area.subpillars) {
        sectionRow("subpillar", sp.key, sp.sourceId, sp.name, sp.weight, (c) =>
          num(scores[c].points.get(sp.key)!),
        );
        for (const q of sp.questions) {
          rowNo++;
          const r = ws.getRow(rowNo);
          const share = scores.unit.questions.get(q.key)!.share;
          r.getCell(col("Kunci")).value = q.key;
          r.getCell(col("Kode")).value = q.sourceId ?? null;
          r.getCell(col("Pertanyaan")).value = q.text;
          r.getCell(col("Jenis jawaban")).value = ANSWER_TYPE_LABEL[q.answerType];
          r.getCell(col("Pilihan")).value = optionsText(q);
          for (const c of COLUMNS) {
            const cell = data.columns[c]?.[q.key];
            const answer = cell?.answer ?? null;
            r.getCell(colOf(c, "Jawaban")).value = encodeAnswer(answer);
            const v = values[c].get(q.key);
            if (answer !== null && v) {
              r.getCell(colOf(c, "Nilai")).value = num(v);
              r.getCell(colOf(c, "Skor")).value = num(scores[c].questions.get(q.key)!.points);
            }
            r.getCell(colOf(c, "Nilai")).numFmt = "0.00";
            r.getCell(colOf(c, "Skor")).numFmt = "0.00";
            r.getCell(colOf(c, "Catatan")).value = cell?.note ? cell.note : null;
          }
          r.getCell(col("Bobot")).value = num(share);
          r.getCell(col("Bobot")).numFmt = "0.00";
          const links = data.evidence[q.key] ?? [];
          const evCell = r.getCell(col("Data dukung"));
          if (links.length === 1) {
            const l = links[0]!;
            evCell.value = { text: `${l.name} <${l.url}>`, hyperlink: l.url };
            evCell.font = { color: { argb: "FF0563C1" }, underline: true };
          } else if (links.length > 1) {
            evCell.value = links.map((l) => `${l.name} <${l.url}>`).join("\n");
          }
          for (let i = 1; i <= HEADERS.length; i++) {
            const cell = r.getCell(i);
            cell.border = thin;
            cell.alignment = { vertical: "top", wrapText: WRAPPED.has(i) };
          }
          // Drop-down lists on the answer cells (warning only, so `nilai=0.8` can still be typed).
          const validation = answerValidation(q);
          if (validation) for (const ac of answerCols) r.getCell(ac).dataValidation = validation;
        }
      }
    }
  }

  // Totals.
  const weightOf = (kind: "pengungkit" | "hasil") =>
    rubric.components.filter((c) => c.kind === kind).reduce((s, c) => s + c.weight, 0);
  const totals: [string, string, number][] = [
    ["pengungkit", "NILAI PENGUNGKIT", weightOf("pengungkit")],
    ["hasil", "NILAI HASIL", weightOf("hasil")],
    ["total", "NILAI TOTAL (PENGUNGKIT + HASIL)", weightOf("pengungkit") + weightOf("hasil")],
  ];
  for (const [key, label, weight] of totals)
    sectionRow("total", key, undefined, label, weight, (c) => num(scores[c].points.get(key)!));

  addGuide(wb, data);
  await addMeta(wb, data);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}

function answerValidation(q: Question): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Jawaban tidak dikenal",
    showInputMessage: false,
  } as const;
  if (q.answerType === "survey_index")
    return {
      ...common,
      type: "decimal",
      operator: "between",
      formulae: [q.scale?.min ?? 1, q.scale?.max ?? 4],
      error: `Isikan indeks ${q.scale?.min ?? 1}–${q.scale?.max ?? 4}.`,
    };
  if (q.answerType === "counts" || q.options.length === 0) return null;
  const codes = q.options.map((o) => o.code);
  return {
    ...common,
    type: "list",
    formulae: [`"${codes.join(",")}"`],
    error: `Pilih salah satu: ${codes.join(", ")} (atau tulis nilai=0..1).`,
  };
}

function addGuide(wb: ExcelJS.Workbook, data: WorksheetData) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 120;
  const lines: [string, "title" | "head" | "text"][] = [
    ["Petunjuk pengisian dan impor LKE", "title"],
    [`${data.rubric.title} — ${data.rubric.regulation}`, "text"],
    ["Cara mengisi", "head"],
    [
      "1. Isi hanya kolom Jawaban dan Catatan milik penilaian Anda: Unit (penilaian mandiri), TPI atau TPN. Kolom Nilai, Skor dan baris bagian dihitung ulang oleh Zona setelah impor.",
      "text",
    ],
    [
      "2. Jangan mengubah kolom Kunci, menyisipkan, menghapus atau memindah kolom, atau mengubah judul kolom. Baris boleh diurutkan atau disaring; Zona mencocokkan jawaban melalui Kunci.",
      "text",
    ],
    ["3. Bentuk jawaban menurut jenisnya:", "text"],
    ["   • Ya/Tidak: tulis Ya atau Tidak.", "text"],
    ["   • A/B/C, A/B/C/D, A/B/C/D/E: tulis hurufnya (A sampai E); daftar pilihan tersedia di sel.", "text"],
    [
      "   • Jumlah: tulis bilangan bulat sesuai urutan pada kolom Pilihan, dipisah titik koma, mis. 12; 15. Bentuk berkunci juga diterima: jumlah_sasaran=12; jumlah_sasaran_tercapai=15.",
      "text",
    ],
    ["   • Indeks survei: tulis nilai indeks 1–4, mis. 3,20 (nilai = indeks ÷ 4).", "text"],
    [
      "   • Nilai langsung (0–1), bila penilai menetapkan nilai: tulis nilai=0,8. Jangan diawali tanda '='.",
      "text",
    ],
    ["   • Kosongkan sel untuk pertanyaan yang belum dijawab.", "text"],
    ["Cara mengimpor", "head"],
    [
      "4. Simpan berkas dalam format .xlsx, lalu unggah pada halaman LKE di Zona dan pilih kolom yang diimpor (Unit, TPI atau TPN). Hanya kolom Jawaban dan Catatan dari kolom itu yang dibaca.",
      "text",
    ],
    [
      "5. Bila ada kesalahan (kunci tidak dikenal, jawaban tidak sah, baris ganda, kolom berubah), Zona menolak seluruh berkas dan menampilkan setiap baris yang bermasalah. Tidak ada jawaban yang disimpan sampai semua kesalahan diperbaiki.",
      "text",
    ],
    [
      "6. Berkas ini hanya dapat diimpor untuk rubrik yang sama. Lembar tersembunyi '_zona' adalah penanda berkas; jangan dihapus.",
      "text",
    ],
    ["How to fill in and re-import (English)", "head"],
    [
      "Fill in only the Jawaban (answer) and Catatan (note) cells of your column. Answers: Ya/Tidak; letters A–E; counts as integers separated by semicolons in the listed order (12; 15); survey index 1–4; a direct value as nilai=0.8; empty = not answered. Do not move, insert, delete or rename columns, and keep the Kunci (key) column. Save as .xlsx and upload it in Zona, choosing the column. Any error rejects the whole file, listing every row to fix.",
      "text",
    ],
  ];
  lines.forEach(([text, kind], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (kind === "title") cell.font = { bold: true, size: 14 };
    if (kind === "head") cell.font = { bold: true, size: 12 };
  });
}

async function addMeta(wb: ExcelJS.Workbook, data: WorksheetData) {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  const rows: [string, string | number][] = [
    ["format", MARKER],
    ["versi", LAYOUT_VERSION],
    ["rubrik", data.rubric.id],
    ["unit", data.unit.code],
    ["tahun", data.year],
    ["target", data.target],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 2).value = v;
  });
  await ws.protect("", { selectLockedCells: false, selectUnlockedCells: false });
}

// ---------------------------------------------------------------------------------------------------
// Import

type Msg = { id: string; en: string };

const MSG = {
  notXlsx: (): Msg => ({
    id: "Berkas tidak dapat dibaca sebagai buku kerja Excel (.xlsx).",
    en: "The file cannot be read as an Excel workbook (.xlsx).",
  }),
  notLke: (): Msg => ({
    id: "Berkas ini bukan hasil ekspor LKE dari Zona (penanda lembar '_zona' tidak ditemukan). Unduh LKE dari Zona, isi, lalu impor kembali.",
    en: "This file is not an LKE export from Zona (the '_zona' marker sheet is missing). Download the LKE from Zona, fill it in and import it again.",
  }),
  layout: (got: string): Msg => ({
    id: `Versi tata letak berkas (${got || "kosong"}) tidak didukung; yang diharapkan versi ${LAYOUT_VERSION}. Unduh ulang LKE dari Zona.`,
    en: `The file's layout version (${got || "empty"}) is not supported; version ${LAYOUT_VERSION} is expected. Download the LKE from Zona again.`,
  }),
  wrongRubric: (got: string, want: string): Msg => ({
    id: `Berkas ini dibuat untuk rubrik '${got}', bukan '${want}'. Unduh LKE untuk rubrik yang sedang dinilai.`,
    en: `This file was made for rubric '${got}', not '${want}'. Download the LKE of the rubric being assessed.`,
  }),
  noSheet: (): Msg => ({
    id: `Lembar '${LKE_SHEET}' tidak ditemukan dalam berkas.`,
    en: `The sheet '${LKE_SHEET}' is not in the file.`,
  }),
  noHeader: (): Msg => ({
    id: `Baris judul kolom (berisi 'Kunci') tidak ditemukan pada lembar ${LKE_SHEET}.`,
    en: `The header row (with 'Kunci') was not found on sheet ${LKE_SHEET}.`,
  }),
  headerMissing: (h: string, at: string): Msg => ({
    id: `Kolom '${h}' tidak ditemukan (seharusnya di kolom ${at}). Jangan menghapus atau mengganti judul kolom; unduh ulang LKE bila perlu.`,
    en: `Column '${h}' is missing (expected in column ${at}). Do not delete or rename columns; download the LKE again if needed.`,
  }),
  headerMoved: (h: string, at: string, found: string): Msg => ({
    id: `Kolom '${h}' berada di kolom ${found}, seharusnya di kolom ${at}. Urutan kolom tidak boleh diubah.`,
    en: `Column '${h}' is in column ${found}, expected in column ${at}. The column order must not change.`,
  }),
  headerUnexpected: (got: string, at: string): Msg => ({
    id: `Kolom ${at} berjudul '${got}', yang bukan kolom LKE. Jangan menyisipkan kolom.`,
    en: `Column ${at} is headed '${got}', which is not an LKE column. Do not insert columns.`,
  }),
  unknownKey: (row: number, key: string, rubric: string): Msg => ({
    id: `Baris ${row}: kunci pertanyaan '${key}' tidak ada dalam rubrik ${rubric}. Jangan mengubah kolom Kunci.`,
    en: `Row ${row}: question key '${key}' is not in rubric ${rubric}. Do not edit the Kunci column.`,
  }),
  duplicate: (row: number, key: string, first: number): Msg => ({
    id: `Baris ${row}: pertanyaan '${key}' sudah ada di baris ${first}. Hapus salah satu baris.`,
    en: `Row ${row}: question '${key}' already appears in row ${first}. Remove one of the rows.`,
  }),
  sectionAnswer: (row: number, key: string, header: string): Msg => ({
    id: `Baris ${row}: '${key}' adalah baris bagian/jumlah; kolom '${header}' harus kosong.`,
    en: `Row ${row}: '${key}' is a section/total row; column '${header}' must be empty.`,
  }),
  noKey: (row: number, header: string): Msg => ({
    id: `Baris ${row}: kolom '${header}' berisi, tetapi kolom Kunci kosong. Isi jawaban hanya pada baris pertanyaan.`,
    en: `Row ${row}: column '${header}' is filled but the Kunci column is empty. Answer only on question rows.`,
  }),
  answer: (row: number, cell: string, q: Question, id: string, en: string): Msg => {
    const name = q.sourceId ? `${q.sourceId} (${q.key})` : q.key;
    return {
      id: `Baris ${row}, pertanyaan ${name}, sel ${cell}: ${id}`,
      en: `Row ${row}, question ${name}, cell ${cell}: ${en}`,
    };
  },
};

function domainMessage(e: unknown): Msg {
  if (e instanceof DomainError) {
    const spec = ziErrors[e.code];
    if (spec) return { id: renderMessage(spec.id, e.params), en: renderMessage(spec.en, e.params) };
    return { id: e.code, en: e.code };
  }
  const m = e instanceof Error ? e.message : String(e);
  return { id: m, en: m };
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

function fileError(message: Msg): ImportResult {
  return { answers: {}, errors: [{ row: 0, message }], rows: 0 };
}

export async function importWorksheetXlsx(
  rubric: Rubric,
  file: Buffer,
  column: Column,
): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return fileError(MSG.notXlsx());
  }

  const meta = wb.getWorksheet(META_SHEET);
  if (!meta || cellText(meta.getCell("B1").value) !== MARKER) return fileError(MSG.notLke());
  const version = cellText(meta.getCell("B2").value);
  if (version !== String(LAYOUT_VERSION)) return fileError(MSG.layout(version));
  const fileRubric = cellText(meta.getCell("B3").value);
  if (fileRubric !== rubric.id) return fileError(MSG.wrongRubric(fileRubric, rubric.id));

  const ws = wb.getWorksheet(LKE_SHEET);
  if (!ws) return fileError(MSG.noSheet());

  // The header row: the first row (of the first 30) with a cell reading "Kunci".
  let headerRow = 0;
  for (let r = 1; r <= Math.min(30, ws.rowCount) && !headerRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.max(HEADERS.length, row.cellCount); c++)
      if (norm(cellText(row.getCell(c).value)) === "kunci") {
        headerRow = r;
        break;
      }
  }
  if (!headerRow) return fileError(MSG.noHeader());

  const errors: ImportRowError[] = [];
  const hr = ws.getRow(headerRow);
  const width = Math.max(HEADERS.length, hr.cellCount);
  const actual: string[] = [];
  for (let c = 1; c <= width; c++) actual.push(cellText(hr.getCell(c).value));
  const found = actual.map(norm);
  const expected = HEADERS.map(norm);
  // Missing and foreign headers first; only when every header is present is the order checked, so a
  // deleted column reports the deletion, not every column after it. Shuffles are refused, not guessed.
  HEADERS.forEach((h, i) => {
    if (!found.includes(expected[i]!))
      errors.push({ row: headerRow, column: letter(i + 1), message: MSG.headerMissing(h, letter(i + 1)) });
  });
  found.forEach((h, i) => {
    if (h !== "" && !expected.includes(h))
      errors.push({
        row: headerRow,
        column: letter(i + 1),
        message: MSG.headerUnexpected(actual[i]!, letter(i + 1)),
      });
  });
  if (errors.length === 0)
    HEADERS.forEach((h, i) => {
      if (found[i] === expected[i]) return;
      errors.push({
        row: headerRow,
        column: letter(i + 1),
        message: MSG.headerMoved(h, letter(i + 1), letter(found.indexOf(expected[i]!) + 1)),
      });
    });
  if (errors.length > 0) return { answers: {}, errors, rows: 0 };

  const idx = indexRubric(rubric);
  const sectionKeys = new Set<string>([...idx.nodes, "total", "pengungkit", "hasil"]);
  const answerCol = colOf(column, "Jawaban");
  const noteCol = colOf(column, "Catatan");
  const answerHeader = HEADERS[answerCol - 1]!;
  const noteHeader = HEADERS[noteCol - 1]!;
  const answers: Record<string, WorksheetCell> = {};
  const firstRow = new Map<string, number>();
  let rows = 0;

  // Only rows that exist in the file (a stray format at row 1 048 576 must not mean a million reads).
  const dataRows: ExcelJS.Row[] = [];
  ws.eachRow((row, r) => {
    if (r > headerRow) dataRows.push(row);
  });
  for (const row of dataRows) {
    const r = row.number;
    const key = cellText(row.getCell(col("Kunci")).value);
    const raw = cellContent(row.getCell(answerCol).value);
    const note = cellText(row.getCell(noteCol).value);
    const cellRef = `${letter(answerCol)}${r}`;
    if (key === "") {
      if (raw !== null)
        errors.push({ row: r, column: letter(answerCol), message: MSG.noKey(r, answerHeader) });
      else if (note !== "")
        errors.push({ row: r, column: letter(noteCol), message: MSG.noKey(r, noteHeader) });
      continue;
    }
    if (sectionKeys.has(key)) {
      if (raw !== null)
        errors.push({ row: r, column: letter(answerCol), message: MSG.sectionAnswer(r, key, answerHeader) });
      continue;
    }
    const entry = idx.questions.get(key);
    if (!entry) {
      errors.push({ row: r, column: "A", question: key, message: MSG.unknownKey(r, key, rubric.id) });
      continue;
    }
    const first = firstRow.get(key);
    if (first !== undefined) {
      errors.push({ row: r, column: "A", question: key, message: MSG.duplicate(r, key, first) });
      continue;
    }
    firstRow.set(key, r);
    rows++;
    const q = entry.question;
    try {
      const answer = decodeAnswer(q, raw);
      answerValue(rubric, key, answer);
      answers[key] = { answer, note };
    } catch (e) {
      const m = domainMessage(e);
      errors.push({
        row: r,
        column: letter(answerCol),
        question: key,
        message: MSG.answer(r, cellRef, q, m.id, m.en),
      });
    }
  }
  return { answers, errors, rows };
}
