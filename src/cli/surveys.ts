import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { toFixed, toNumber } from "../kernel/math/fraction";
import { addScores, computeIndex, emptyTotals, PERFORMANCE } from "../modules/surveys/domain/compute";
import { CsvInputError, readScoresCsv } from "../modules/surveys/domain/csv";
import { builtInKind, SKM_KIND_ID } from "../modules/surveys/domain/kinds";
import { sampleSize } from "../modules/surveys/domain/sample";
import { out } from "./context";

/**
 * `zona compute ikm` and `zona compute sample-size`: the SKM computation of PermenPAN-RB 14/2017
 * without a database (pure domain in src/modules/surveys/domain). The `--json` shapes are a stable
 * contract. Register after the Zona Integritas commands: both add subcommands to `zona compute`.
 */
function computeGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "compute") ??
    program.command("compute").description("Hitung / compute (no database needed)")
  );
}

export function registerSurveyCommands(program: Command) {
  const compute = computeGroup(program);
  compute
    .command("ikm")
    .description(
      "compute the IKM (SKM, PermenPAN-RB 14/2017) from a CSV of responses (columns U1…U9, scores 1–4)",
    )
    .requiredOption(
      "--input <file>",
      "CSV file: header with U1…U9 (other columns allowed), one respondent per row",
    )
    .option("--json", "JSON output")
    .action((o: { input: string; json?: boolean }) => {
      const kind = builtInKind(SKM_KIND_ID)!;
      const codes = kind.elements.map((e) => e.code);
      let text: string;
      try {
        text = readFileSync(o.input, "utf8");
      } catch (err) {
        throw new Error(
          `${o.input}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? "error"})`,
        );
      }
      let rows: number[][];
      try {
        rows = readScoresCsv(text, codes);
      } catch (err) {
        if (err instanceof CsvInputError) throw new Error(`${o.input}: ${err.message}`);
        throw err;
      }
      const t = emptyTotals(codes.length);
      for (const r of rows) addScores(t, r);
      const r = computeIndex(codes, t);
      const grade = r.grade!;
      if (o.json)
        return out(
          JSON.stringify({
            respondents: r.respondents,
            elements: r.elements.map((e) => ({ code: e.code, nrr: toNumber(e.nrr) })),
            index: toNumber(r.index!),
            ikm: Number(r.ikmRounded),
            grade,
            performance: PERFORMANCE[grade].id,
          }),
        );
      out(`${kind.title.id} — ${kind.regulation}`);
      out(`Responden: ${r.respondents}`);
      for (const [i, e] of r.elements.entries())
        out(`${e.code.padEnd(3)} ${kind.elements[i]!.label.id.padEnd(42)} NRR ${toFixed(e.nrr, 3)}`);
      out(`Indeks (NRR tertimbang, bobot 1/${codes.length}): ${toFixed(r.index!, 4)}`);
      out(`IKM: ${r.ikmRounded}  Mutu: ${grade}  Kinerja: ${PERFORMANCE[grade].id}`);
    });

  compute
    .command("sample-size")
    .description("required sample for a population (Krejcie–Morgan, as PermenPAN-RB 14/2017 refers to)")
    .requiredOption("--population <N>", "number of service users in the period (whole number ≥ 1)")
    .option("--json", "JSON output")
    .action((o: { population: string; json?: boolean }) => {
      const n = Number(o.population);
      if (!/^\d+$/.test(o.population.trim()) || !Number.isSafeInteger(n) || n < 1)
        throw new Error(`--population must be a whole number ≥ 1, got '${o.population}'`);
      const s = sampleSize(n);
      if (o.json) return out(JSON.stringify({ population: n, sample: s }));
      out(`Populasi ${n} → sampel minimal ${s} responden (Krejcie–Morgan, λ² 3,841, d 0,05)`);
    });
}
