/**
 * Reading SKM responses from CSV (the CLI's `zona compute ikm` and imports): a header row naming
 * the element columns (U1…U9; other columns are allowed and ignored), then one respondent per row
 * with whole scores 1–4. Problems name the line (as a spreadsheet numbers it: header = 1) and the
 * column.
 */
export class CsvInputError extends Error {
  constructor(
    readonly line: number | null,
    readonly column: string | null,
    readonly reason: string,
  ) {
    super(line !== null ? `row ${line}${column ? `, column ${column}` : ""}: ${reason}` : reason);
    this.name = "CsvInputError";
  }
}

/** RFC 4180 records (quotes, doubled quotes, CRLF); the separator is "," or ";" (from the header). */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: startLine, cells });
      cells = [];
      cell = "";
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvInputError(startLine, null, "a quoted value is not closed");
  if (cell !== "" || cells.length) {
    cells.push(cell);
    rows.push({ line: startLine, cells });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
}

/** Scores per respondent, in the order of `codes`. */
export function readScoresCsv(text: string, codes: readonly string[]): number[][] {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header)
    throw new CsvInputError(null, null, `the file is empty; expected a header row with ${codes.join(", ")}`);
  const names = header.cells.map((c) => c.trim().toUpperCase());
  const idx = codes.map((code) => {
    const at = names.indexOf(code.toUpperCase());
    if (at < 0) throw new CsvInputError(header.line, code, `the header has no column ${code}`);
    if (names.indexOf(code.toUpperCase(), at + 1) >= 0)
      throw new CsvInputError(header.line, code, `column ${code} appears twice`);
    return at;
  });
  if (rows.length === 0) throw new CsvInputError(null, null, "the file has no respondents (only a header)");
  return rows.map((r) =>
    idx.map((at, i) => {
      const raw = (r.cells[at] ?? "").trim();
      const code = codes[i]!;
      if (raw === "") throw new CsvInputError(r.line, code, "the score is missing");
      if (!/^[1-4]$/.test(raw))
        throw new CsvInputError(r.line, code, `'${raw.slice(0, 20)}' is not a whole score from 1 to 4`);
      return Number(raw);
    }),
  );
}
