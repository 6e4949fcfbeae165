import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../domain/answers";
import { loadRubric, type Question, questionsOf, type Rubric } from "../domain/rubric";
import {
  COLUMNS,
  type Column,
  exportWorksheetXlsx,
  HEADERS,
  type ImportResult,
  importWorksheetXlsx,
  LKE_SHEET,
  type WorksheetCell,
  type WorksheetData,
} from "./xlsx";

const rubric: Rubric = loadRubric("permenpanrb-90-2021");
const entries = questionsOf(rubric);
const HEADER_ROW = 9;

/** A valid answer of every kind, varied by the question's position and the column. */
function answerFor(q: Question, i: number, c: Column): Answer | null {
  const shift = COLUMNS.indexOf(c);
  const k = i + shift;
  if (k % 11 === 5) return null; // not answered
  if (k % 13 === 7) return { value: [0.8, 0.25, 1][shift]! };
  switch (q.answerType) {
    case "yes_no":
      return k % 2 === 0 ? "ya" : "tidak";
    case "abc":
    case "abcd":
    case "abcde":
      return q.options[k % q.options.length]!.code;
    case "survey_index":
      return [3.2, 3.6, 4][shift]!;
    case "counts": {
      // Equal counts satisfy every limit (a count never exceeds a sum it is part of).
      const n = (q.counts ?? []).length;
      const counts = Array.from({ length: n }, (_, j) => 5 + shift + (j === 0 ? 3 : 0));
      if (k % 3 === 1) {
        const keyed: Record<string, number> = {};
        (q.counts ?? []).forEach((d, j) => {
          keyed[d.key] = counts[j]!;
        });
        return { counts: keyed };
      }
      return { counts };
    }
  }
}

function sampleData(): WorksheetData {
  const columns = { unit: {}, tpi: {}, tpn: {} } as Record<Column, Record<string, WorksheetCell>>;
  for (const c of COLUMNS) {
    entries.forEach((e, i) => {
      if ((i + COLUMNS.indexOf(c)) % 17 === 3) return; // absent from the map altogether
      const answer = answerFor(e.question, i, c);
      const note =
        i % 4 === 0
          ? `Catatan ${c} ${i}: dokumen "SK" lengkap;\nbaris kedua`
          : i % 9 === 0
            ? "=SUM(A1:A2) bukan rumus"
            : "";
      columns[c][e.question.key] = { answer, note };
    });
  }
  return {
    rubric,
    unit: { code: "BPS-3171", name: "BPS Kota Jakarta Selatan" },
    year: 2025,
    target: "WBK",
    columns,
    evidence: {
      [entries[0]!.question.key]: [{ name: "SK Tim ZI", url: "https://files.example.go.id/sk-tim.pdf" }],
      [entries[1]!.question.key]: [
        { name: "Undangan", url: "https://files.example.go.id/undangan.pdf" },
        { name: "Notulen", url: "https://files.example.go.id/notulen.pdf" },
      ],
    },
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

const colNo = (h: string) => HEADERS.indexOf(h) + 1;

/** The row number of a question key on the LKE sheet. */
function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === key) return r;
  throw new Error(`no row for ${key}`);
}

const keyOfType = (t: Question["answerType"], nth = 0) =>
  entries.filter((e) => e.question.answerType === t)[nth]!.question;

/** Edit the exported file as a person would, then import one column. */
async function editAndImport(
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
  column: Column = "unit",
  r: Rubric = rubric,
): Promise<ImportResult> {
  const wb = await load(exported);
  edit(wb.getWorksheet(LKE_SHEET)!, wb);
  return importWorksheetXlsx(r, await save(wb), column);
}

let data: WorksheetData;
let exported: Buffer;

beforeAll(async () => {
  data = sampleData();
  exported = await exportWorksheetXlsx(data);
});

describe("exportWorksheetXlsx", () => {
  it("writes one row per question in rubric order with the LKE headers", async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    const header = HEADERS.map((_, i) => ws.getRow(HEADER_ROW).getCell(i + 1).value);
    expect(header).toEqual([...HEADERS]);
    expect(HEADERS).toEqual(
      expect.arrayContaining([
        "Kunci",
        "Kode",
        "Pertanyaan",
        "Jawaban TPI",
        "Skor TPN",
        "Bobot",
        "Data dukung",
      ]),
    );
    const keys = new Set(entries.map((e) => e.question.key));
    const questionRows: string[] = [];
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const k = String(ws.getRow(r).getCell(1).value ?? "");
      if (keys.has(k)) questionRows.push(k);
    }
    expect(questionRows.length).toBe(entries.length);
    expect(questionRows).toEqual(entries.map((e) => e.question.key));

    // Title block, section rows, codes, weights and totals.
    expect(String(ws.getCell("C2").value)).toContain("BPS Kota Jakarta Selatan");
    expect(ws.getCell("C4").value).toBe("WBK");
    const first = entries[0]!;
    const row = ws.getRow(rowOf(ws, first.question.key));
    expect(row.getCell(colNo("Kode")).value).toBe(first.question.sourceId);
    expect(row.getCell(colNo("Bobot")).value).toBeCloseTo(0.25, 10);
    expect(row.getCell(colNo("Bobot")).numFmt).toBe("0.00");
    const area = ws.getRow(rowOf(ws, "pemenuhan.mp"));
    expect(area.getCell(colNo("Kode")).value).toBe("PPA");
    expect(area.getCell(colNo("Pertanyaan")).font?.bold).toBe(true);
    expect(area.getCell(colNo("Bobot")).value).toBe(4);
    expect(typeof ws.getRow(rowOf(ws, "total")).getCell(colNo("Skor Unit")).value).toBe("number");
    // One link → a hyperlink; the answer cells of option questions carry a drop-down list.
    expect(row.getCell(colNo("Data dukung")).value).toMatchObject({
      hyperlink: "https://files.example.go.id/sk-tim.pdf",
    });
    expect(row.getCell(colNo("Jawaban Unit")).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Ya,Tidak"'],
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    expect(wb.getWorksheet("Petunjuk")).toBeDefined();
    expect(wb.getWorksheet("_zona")?.state).toBe("veryHidden");
  });

  it("stores unrounded values and points", async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    // An abcd question answered B is worth 0.67 of its share, kept unrounded.
    const e = entries.find(
      (x) => x.question.answerType === "abcd" && data.columns.unit[x.question.key]?.answer === "B",
    );
    expect(e).toBeDefined();
    const row = ws.getRow(rowOf(ws, e!.question.key));
    expect(row.getCell(colNo("Nilai Unit")).value).toBe(0.67);
    const share = row.getCell(colNo("Bobot")).value as number;
    expect(row.getCell(colNo("Skor Unit")).value).toBeCloseTo(0.67 * share, 12);
  });
});

describe("importWorksheetXlsx", () => {
  it("round-trips every column: identical answers and notes", async () => {
    for (const c of COLUMNS) {
      const result = await importWorksheetXlsx(rubric, exported, c);
      expect(result.errors).toEqual([]);
      expect(result.rows).toBe(entries.length);
      for (const e of entries) {
        const k = e.question.key;
        const want = data.columns[c][k] ?? { answer: null, note: "" };
        expect(result.answers[k], `${c} ${k}`).toEqual(want);
      }
    }
  });

  it("covers every answer kind in the sample", () => {
    const kinds = new Set<string>();
    for (const c of COLUMNS)
      for (const cell of Object.values(data.columns[c])) {
        const a = cell.answer;
        kinds.add(
          a === null
            ? "null"
            : typeof a === "object"
              ? "value" in a
                ? "value"
                : Array.isArray(a.counts)
                  ? "counts[]"
                  : "counts{}"
              : typeof a,
        );
      }
    expect([...kinds].sort()).toEqual(["counts[]", "counts{}", "null", "number", "string", "value"]);
  });

  it("reads a file edited by hand (lower case, decimal comma, semicolons, direct value)", async () => {
    const yn = keyOfType("yes_no");
    const abc = keyOfType("abc");
    const survey = keyOfType("survey_index");
    const counts = keyOfType("counts");
    const value = keyOfType("abcde");
    const cleared = keyOfType("abcd");
    const result = await editAndImport((ws) => {
      const set = (key: string, v: ExcelJS.CellValue, note?: string) => {
        const row = ws.getRow(rowOf(ws, key));
        row.getCell(colNo("Jawaban Unit")).value = v;
        if (note !== undefined) row.getCell(colNo("Catatan Unit")).value = note;
      };
      set(yn.key, " ya ", "sudah dicek");
      set(abc.key, "b");
      set(survey.key, "3,40");
      set(counts.key, `${(counts.counts ?? []).map((_, j) => 4 - j).join(";")}`);
      set(value.key, "nilai: 0,5");
      set(cleared.key, null);
    });
    expect(result.errors).toEqual([]);
    expect(result.answers[yn.key]).toEqual({ answer: "ya", note: "sudah dicek" });
    expect(result.answers[abc.key]?.answer).toBe("B");
    expect(result.answers[survey.key]?.answer).toBe(3.4);
    expect(result.answers[counts.key]?.answer).toEqual({ counts: [4, 3] });
    expect(result.answers[value.key]?.answer).toEqual({ value: 0.5 });
    expect(result.answers[cleared.key]?.answer).toBeNull();
  });

  it("tolerates sorted rows (answers follow the Kunci column)", async () => {
    const a = entries[0]!.question.key;
    const b = entries[2]!.question.key;
    const result = await editAndImport((ws) => {
      const ra = ws.getRow(rowOf(ws, a));
      const rb = ws.getRow(rowOf(ws, b));
      const va = HEADERS.map((_, i) => ra.getCell(i + 1).value);
      const vb = HEADERS.map((_, i) => rb.getCell(i + 1).value);
      va.forEach((v, i) => {
        rb.getCell(i + 1).value = v;
      });
      vb.forEach((v, i) => {
        ra.getCell(i + 1).value = v;
      });
    });
    expect(result.errors).toEqual([]);
    expect(result.answers[a]).toEqual(data.columns.unit[a] ?? { answer: null, note: "" });
    expect(result.answers[b]).toEqual(data.columns.unit[b] ?? { answer: null, note: "" });
  });

  it("refuses shuffled columns, naming the columns out of place", async () => {
    const result = await editAndImport((ws) => {
      const a = ws.getColumn(colNo("Jawaban Unit"));
      const b = ws.getColumn(colNo("Catatan Unit"));
      const av = a.values.slice();
      const bv = b.values.slice();
      a.values = bv;
      b.values = av;
    });
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.answers).toEqual({});
    const text = result.errors.map((e) => e.message.id).join("\n");
    expect(text).toContain("Kolom 'Jawaban Unit' berada di kolom I, seharusnya di kolom F");
    expect(text).toContain("Kolom 'Catatan Unit' berada di kolom F, seharusnya di kolom I");
    expect(result.errors[0]!.row).toBe(HEADER_ROW);
    expect(result.errors.map((e) => e.message.en).join("\n")).toContain(
      "Column 'Jawaban Unit' is in column I",
    );
  });

  it("refuses a missing column, naming it", async () => {
    const result = await editAndImport((ws) => {
      ws.spliceColumns(colNo("Jenis jawaban"), 1);
    });
    expect(result.answers).toEqual({});
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message.id).toContain(
      "Kolom 'Jenis jawaban' tidak ditemukan (seharusnya di kolom D)",
    );
    expect(result.errors[0]!.message.en).toContain("Column 'Jenis jawaban' is missing");
  });

  it("refuses an unknown question key, naming row and key", async () => {
    let row = 0;
    const result = await editAndImport((ws) => {
      row = rowOf(ws, entries[3]!.question.key);
      ws.getRow(row).getCell(1).value = "pemenuhan.mp.tidak-ada.z";
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ row, question: "pemenuhan.mp.tidak-ada.z", column: "A" }),
    ]);
    expect(result.errors[0]!.message.id).toBe(
      `Baris ${row}: kunci pertanyaan 'pemenuhan.mp.tidak-ada.z' tidak ada dalam rubrik permenpanrb-90-2021. Jangan mengubah kolom Kunci.`,
    );
  });

  it("refuses duplicate key rows", async () => {
    let row = 0;
    let first = 0;
    const key = entries[0]!.question.key;
    const result = await editAndImport((ws) => {
      first = rowOf(ws, key);
      row = rowOf(ws, entries[1]!.question.key);
      ws.getRow(row).getCell(1).value = key;
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row, question: key });
    expect(result.errors[0]!.message.id).toContain(`sudah ada di baris ${first}`);
  });

  it("lists every invalid answer with its row and question (and applies nothing)", async () => {
    const yn = keyOfType("yes_no");
    const abc = keyOfType("abc", 1);
    const prd1a = entries.find((e) => e.question.sourceId === "PRD1A")!.question;
    const survey = keyOfType("survey_index", 1);
    const rows: Record<string, number> = {};
    const result = await editAndImport((ws) => {
      const set = (q: Question, v: ExcelJS.CellValue) => {
        rows[q.key] = rowOf(ws, q.key);
        ws.getRow(rows[q.key]!).getCell(colNo("Jawaban TPI")).value = v;
      };
      set(yn, "mungkin");
      set(abc, "D");
      set(prd1a, "10; 12"); // 12 targets reached out of 10
      set(survey, 5);
    }, "tpi");
    expect(result.errors).toHaveLength(4);
    const byKey = Object.fromEntries(result.errors.map((e) => [e.question, e]));
    for (const q of [yn, abc, prd1a, survey]) {
      const e = byKey[q.key]!;
      expect(e.row).toBe(rows[q.key]);
      expect(e.column).toBe("J");
      expect(e.message.id).toContain(`Baris ${rows[q.key]}, pertanyaan ${q.sourceId} (${q.key})`);
      expect(e.message.en).toContain(`Row ${rows[q.key]}, question ${q.sourceId} (${q.key})`);
    }
    expect(byKey[yn.key]!.message.id).toContain('Jawaban "mungkin" tidak sah');
    expect(byKey[abc.key]!.message.en).toContain('Answer "D" is not valid');
    expect(byKey[prd1a.key]!.message.id).toContain("melebihi jumlahnya 'jumlah_sasaran' (10)");
    expect(byKey[survey.key]!.message.id).toContain("harus antara 1 dan 4; diterima 5");
  });

  it("refuses unreadable counts", async () => {
    const counts = keyOfType("counts");
    const result = await editAndImport((ws) => {
      ws.getRow(rowOf(ws, counts.key)).getCell(colNo("Jawaban Unit")).value = "12/15";
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message.en).toContain("'12/15' is not a number");
  });

  it("refuses an answer typed on a section row or a row without a key", async () => {
    const result = await editAndImport((ws) => {
      ws.getRow(rowOf(ws, "pemenuhan.mp")).getCell(colNo("Jawaban Unit")).value = "A";
      ws.getRow(ws.rowCount + 2).getCell(colNo("Jawaban Unit")).value = "Ya";
    });
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]!.message.id).toContain("'pemenuhan.mp' adalah baris bagian/jumlah");
    expect(result.errors[1]!.message.id).toContain("kolom Kunci kosong");
  });

  it("refuses a file of another rubric, a workbook that is not an LKE export, and a non-xlsx file", async () => {
    const wrong = await importWorksheetXlsx(loadRubric("permenpanrb-10-2019"), exported, "unit");
    expect(wrong.answers).toEqual({});
    expect(wrong.errors).toHaveLength(1);
    expect(wrong.errors[0]!.message.id).toContain(
      "Berkas ini dibuat untuk rubrik 'permenpanrb-90-2021', bukan 'permenpanrb-10-2019'",
    );

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("LKE").getCell("A1").value = "Kunci";
    const notLke = await importWorksheetXlsx(rubric, await save(plain), "unit");
    expect(notLke.errors[0]!.message.id).toContain("bukan hasil ekspor LKE dari Zona");

    const garbage = await importWorksheetXlsx(rubric, Buffer.from("not a workbook"), "unit");
    expect(garbage.errors[0]!.message.en).toContain("cannot be read as an Excel workbook");
  });
});
