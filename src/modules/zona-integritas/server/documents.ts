/**
 * The worksheet's files: the LKE spreadsheet (export, import) and the PDF summary, glued to the
 * service. The formats themselves live in xlsx.ts and report-pdf.ts.
 */
import type { AppContext } from "../../../kernel/context";
import { DomainError, fail } from "../../../kernel/http/errors";
import type { Actor } from "../../../kernel/identity/actor";
import { assertScope } from "../../../kernel/identity/actor";
import type { Answer } from "../domain/answers";
import { pathsToGates, rankGaps } from "../domain/gaps";
import { COLUMN_RULES, type Column, columnOpen, leadingColumn } from "../domain/stages";
import { STAGE_LABELS } from "./labels";
import { renderSummaryPdf } from "./report-pdf";
import { judge } from "./score-store";
import type { ZiService } from "./service";
import { exportWorksheetXlsx, importWorksheetXlsx, type WorksheetCell } from "./xlsx";

/** One spelling per answer ("Ya" and "ya", "b" and "B" are the same answer). */
function canonical(a: Answer | null): Answer | null {
  if (typeof a !== "string") return a;
  const t = a.trim();
  return /^(ya|tidak)$/i.test(t) ? t.toLowerCase() : t.toUpperCase();
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "");

export async function worksheetFile(ctx: AppContext, zi: ZiService, actor: Actor, id: string) {
  const { cycle, unit, rubric, sheet } = await zi.exportData(actor, id);
  const columns = { unit: {}, tpi: {}, tpn: {} } as Record<Column, Record<string, WorksheetCell>>;
  for (const col of ["unit", "tpi", "tpn"] as const)
    for (const [k, c] of Object.entries(sheet.columns[col]))
      columns[col][k] = { answer: c.answer, note: c.note };
  const evidence: Record<string, { name: string; url: string }[]> = {};
  for (const [k, files] of Object.entries(sheet.evidence))
    evidence[k] = files.map((f) => ({
      name: f.name,
      url: `${ctx.config.publicUrl}/api/files/${f.id}/download`,
    }));
  const buffer = await exportWorksheetXlsx({
    rubric,
    unit: { code: unit.code, name: unit.name },
    year: cycle.year,
    target: cycle.target,
    columns,
    evidence,
  });
  return { buffer, filename: `LKE-${safe(unit.code)}-${cycle.year}.xlsx` };
}

/** Import one column from a spreadsheet: any row error refuses the whole file, listing every row. */
export async function importWorksheet(
  zi: ZiService,
  actor: Actor,
  id: string,
  col: Column,
  file: Buffer,
  acceptLanguage: string | undefined,
) {
  const { cycle, unit } = await zi.cycleFor(actor, id);
  assertScope(actor, COLUMN_RULES[col].permission, unit);
  // Checked before reading the file, so a locked column says so even when nothing would change.
  if (!columnOpen(col, cycle.stage))
    fail("ZI_COLUMN_LOCKED", { column: col.toUpperCase(), stage: cycle.stage });
  const result = await importWorksheetXlsx((await zi.exportData(actor, id)).rubric, file, col);
  const lang = acceptLanguage?.toLowerCase().startsWith("en") ? "en" : "id";
  const errors = result.errors.map((e) => ({
    row: e.row,
    ...(e.column ? { column: e.column } : {}),
    ...(e.question ? { question: e.question } : {}),
    message: e.message[lang],
  }));
  if (errors.length > 0) {
    throw new DomainError("ZI_IMPORT_INVALID", {
      count: errors.length,
      first: errors[0]!.message,
      errors: errors.slice(0, 200),
    });
  }
  // Only the rows that differ from what is stored are written (unchanged rows add no history).
  const current = (await zi.worksheet(actor, id)).columns[col];
  const items = Object.entries(result.answers)
    .filter(([k, c]) => {
      const was = current[k];
      const same = was
        ? JSON.stringify(canonical(was.answer)) === JSON.stringify(canonical(c.answer)) && was.note === c.note
        : c.answer === null;
      return !same;
    })
    .map(([key, c]) => ({ key, answer: c.answer, note: c.note }));
  if (items.length > 0) await zi.saveAnswers(actor, cycle.id, col, items, { action: "import" });
  return { imported: items.length, rows: result.rows, errors: [] };
}

export async function summaryPdf(zi: ZiService, actor: Actor, id: string) {
  const { cycle, unit, rubric, scores, overrides } = await zi.exportData(actor, id);
  const lead = leadingColumn(cycle.stage);
  const readiness = judge(rubric, scores[lead], { priorWbk: cycle.priorWbk, overrides });
  const has = (c: Column) =>
    scores[c].questions.size > 0 && [...scores[c].questions.values()].some((q) => q.answered);
  const buffer = await renderSummaryPdf({
    rubric,
    unit: { code: unit.code, name: unit.name },
    year: cycle.year,
    target: cycle.target,
    stage: STAGE_LABELS[cycle.stage].id,
    scores: { unit: scores.unit, tpi: has("tpi") ? scores.tpi : null, tpn: has("tpn") ? scores.tpn : null },
    readiness,
    readinessColumn: lead,
    gaps: rankGaps(rubric, scores[lead]),
    paths: pathsToGates(rubric, scores[lead], readiness[cycle.target]),
    generatedAt: zi.now(),
  });
  return { buffer, filename: `Ringkasan-ZI-${safe(unit.code)}-${cycle.year}.pdf` };
}
