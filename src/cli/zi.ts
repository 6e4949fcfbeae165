import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { DomainError, renderMessage } from "../kernel/http/errors";
import { type Fraction, fromDecimal, mul, toFixed, toNumber } from "../kernel/math/fraction";
import { type AnswerFile, answerFileSchema } from "../modules/zona-integritas/domain/answers";
import { ziErrors } from "../modules/zona-integritas/domain/errors";
import {
  assessReadiness,
  type PredicateReadiness,
  type ReadinessGate,
} from "../modules/zona-integritas/domain/readiness";
import {
  listRubrics,
  loadRubric,
  PREDICATES,
  type Rubric,
  type RubricSummary,
} from "../modules/zona-integritas/domain/rubric";
import { type LkeScore, scoreAnswers } from "../modules/zona-integritas/domain/scoring";
import { out } from "./context";

/**
 * `zona rubric list|show` and `zona compute lke`: the Zona Integritas worksheet (LKE) without a
 * database. The rubric files and the scoring are the pure domain (src/modules/zona-integritas/domain);
 * this file only reads the answer file, prints, and turns domain errors into one stderr line
 * (exit 2, through main.ts). The `--json` shapes are a stable contract (docs/cli.md).
 */

/** Messages in Indonesian when LANG says so (e.g. `LANG=id_ID.UTF-8`), English otherwise. */
function lang(): "id" | "en" {
  return /^id\b|^id_/i.test(process.env.LANG ?? "") ? "id" : "en";
}

/** A zona-integritas DomainError as the house's one-line CLI error (`<message> (<CODE>)`). */
function explain(err: unknown): never {
  if (err instanceof DomainError) {
    const spec = ziErrors[err.code];
    if (spec) throw new Error(`${renderMessage(spec[lang()], err.params)} (${err.code})`);
  }
  throw err;
}

const ANSWER_SHAPES =
  'an answer is "ya"/"tidak", a letter "A"–"E", {"counts": [n, …]}, a survey index 1–4 or {"value": 0–1}';

function fileError(reason: string): never {
  throw new DomainError("ZI_ANSWER_FILE_INVALID", { reason });
}

/** Read and check the answer file; every problem names the file and, where it can, the question. */
function readAnswerFile(path: string): AnswerFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fileError(`cannot read ${path} (${code ?? (err instanceof Error ? err.message : String(err))})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    fileError(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = answerFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const [head, key, ...rest] = i.path.map(String);
      const where =
        head === "answers" && key !== undefined
          ? `question '${key}'${rest.length ? ` (${rest.join(".")})` : ""}`
          : i.path.length
            ? i.path.join(".")
            : "(top level)";
      // An answer of the wrong shape fails every branch of the union: say what an answer can be.
      const hint = head === "answers" && key !== undefined && rest.length === 0 ? ` (${ANSWER_SHAPES})` : "";
      return `${where}: ${i.message}${hint}`;
    });
    fileError(`${path}: ${issues.join("; ")}`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------
// rubric list / show

const STATUS_ID: Record<RubricSummary["status"], string> = { complete: "lengkap", partial: "parsial" };

function rubricTree(r: Rubric) {
  return {
    id: r.id,
    title: r.title,
    components: r.components.map((c) => ({
      key: c.key,
      name: c.name,
      weight: c.weight,
      areas: c.areas.map((a) => ({
        key: a.key,
        name: a.name,
        weight: a.weight,
        subpillars: a.subpillars.map((s) => ({
          key: s.key,
          name: s.name,
          weight: s.weight,
          questions: s.questions.map((q) => ({ key: q.key, text: q.text, answerType: q.answerType })),
        })),
      })),
    })),
  };
}

function oneLine(text: string, max = 100): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function printRubric(r: Rubric) {
  out(`${r.id} — ${r.title}`);
  out(
    `${r.regulation}; status ${STATUS_ID[r.status]}${r.effectiveFrom ? `; berlaku ${r.effectiveFrom}` : ""}`,
  );
  for (const c of r.components) {
    out(`${c.key}  ${c.name}  [bobot ${c.weight}]`);
    for (const a of c.areas) {
      out(`  ${a.key}  ${a.name}  [bobot ${a.weight}]`);
      for (const s of a.subpillars) {
        out(`    ${s.key}  ${s.name}  [bobot ${s.weight}; ${s.questions.length} pertanyaan]`);
        for (const q of s.questions) out(`      ${q.key}  (${q.answerType})  ${oneLine(q.text)}`);
      }
    }
  }
  if (r.status === "partial")
    out("Catatan: rubrik parsial — hanya tingkat area; pertanyaannya belum tersedia di Zona.");
}

// ---------------------------------------------------------------------------------------------------
// compute lke

/** Threshold and value of a gate in points (area gates: share × weight), or booleans (prior WBK). */
function gatePoints(g: ReadinessGate): { threshold: Fraction | boolean; value: Fraction | boolean } {
  if (typeof g.threshold === "boolean" || typeof g.value === "boolean")
    return { threshold: g.threshold, value: g.value };
  if (g.weight) return { threshold: mul(g.threshold, g.weight), value: mul(g.value, g.weight) };
  return { threshold: g.threshold, value: g.value };
}

const num = (x: Fraction | boolean) => (typeof x === "boolean" ? x : toNumber(x));
const numOrNull = (x: Fraction | null) => (x === null ? null : toNumber(x));

function computeJson(score: LkeScore, readiness: Record<string, PredicateReadiness>) {
  return {
    total: toNumber(score.total),
    pengungkit: toNumber(score.pengungkit),
    pemenuhan: numOrNull(score.pemenuhan),
    reform: numOrNull(score.reform),
    hasil: toNumber(score.hasil),
    areas: score.areas.map((a) => ({
      key: a.key,
      name: a.name,
      weight: toNumber(a.weight),
      score: toNumber(a.score),
    })),
    readiness: Object.fromEntries(
      PREDICATES.map((p) => {
        const r = readiness[p]!;
        return [
          p,
          {
            pass: r.pass,
            gates: r.gates.map((g) => {
              const { threshold, value } = gatePoints(g);
              return { key: g.key, threshold: num(threshold), value: num(value), pass: g.pass };
            }),
          },
        ];
      }),
    ),
  };
}

/** Two decimals, Indonesian style (comma): 93.5 → "93,50". */
const id2 = (x: Fraction) => toFixed(x, 2).replace(".", ",");
const idWeight = (x: number) => id2(fromDecimal(x));

function gateLine(g: ReadinessGate): string {
  const mark = g.pass ? "✓" : "✗";
  const flags = `${g.confirmed ? "" : " [belum terkonfirmasi]"}${g.edited ? " [diubah]" : ""}`;
  if (g.kind === "priorPredicate") return `    ${mark} ${g.label}: ${g.value ? "ya" : "belum"}${flags}`;
  const { threshold, value } = gatePoints(g) as { threshold: Fraction; value: Fraction };
  const cmpText = `${id2(value)} ${g.pass ? "≥" : "<"} ${id2(threshold)}`;
  if (g.kind === "areaShare") {
    const pct = toFixed(mul(g.threshold as Fraction, fromDecimal(100)), 0);
    const name = g.label.slice(g.label.lastIndexOf(": ") + 2);
    return `    ${mark} Area ${g.target} ${name}: ${cmpText} (${pct}% × bobot ${id2(g.weight!)})${flags}`;
  }
  const survey = g.surveyIndex !== undefined ? ` (indeks survei ${idWeight(g.surveyIndex)})` : "";
  return `    ${mark} ${g.label}: ${cmpText}${survey}${flags}`;
}

function printScore(rubric: Rubric, score: LkeScore, readiness: Record<string, PredicateReadiness>) {
  const weightOf = (kind: "pengungkit" | "hasil") =>
    rubric.components.filter((c) => c.kind === kind).reduce((s, c) => s + c.weight, 0);
  const component = (key: string) => rubric.components.find((c) => c.key === key);
  out(`Rubrik: ${rubric.id} (${rubric.regulation})`);
  out(`Nilai total: ${id2(score.total)} / 100`);
  const split =
    score.pemenuhan && score.reform
      ? ` (Pemenuhan ${id2(score.pemenuhan)} / ${idWeight(component("pemenuhan")!.weight)}, Reform ${id2(score.reform)} / ${idWeight(component("reform")!.weight)})`
      : "";
  out(`  Pengungkit: ${id2(score.pengungkit)} / ${idWeight(weightOf("pengungkit"))}${split}`);
  out(`  Hasil: ${id2(score.hasil)} / ${idWeight(weightOf("hasil"))}`);
  out("Nilai per area:");
  const width = Math.max(...score.areas.map((a) => a.key.length));
  for (const a of score.areas) out(`  ${a.key.padEnd(width)}  ${id2(a.score)} / ${id2(a.weight)}  ${a.name}`);
  out("Kesiapan predikat:");
  let unconfirmed = false;
  for (const p of PREDICATES) {
    const r = readiness[p]!;
    out(`  ${p}: ${r.pass ? "MEMENUHI SYARAT" : "BELUM MEMENUHI SYARAT"}`);
    for (const g of r.gates) {
      out(gateLine(g));
      if (!g.confirmed) unconfirmed = true;
    }
  }
  if (unconfirmed)
    out(
      "[belum terkonfirmasi] = ambang dari satu sumber sekunder atau belum dipastikan; periksa terhadap peraturan.",
    );
  if (rubric.status === "partial")
    out(
      "Catatan: rubrik parsial — hanya tingkat area, tanpa pertanyaan; nilai tidak dapat dihitung dari jawaban.",
    );
}

// ---------------------------------------------------------------------------------------------------

export function registerZiCommands(program: Command) {
  const rubric = program
    .command("rubric")
    .description("Rubrik LKE Zona Integritas / Zona Integritas worksheet (LKE) rubrics");

  rubric
    .command("list")
    .description("list the rubrics (one per regulation edition)")
    .option("--json", "JSON output")
    .action((o: { json?: boolean }) => {
      const list = listRubrics();
      if (o.json) return out(JSON.stringify(list));
      const width = Math.max(...list.map((r) => r.id.length));
      for (const r of list)
        out(
          `${r.id.padEnd(width)}  ${r.regulation}  ${STATUS_ID[r.status]}  ${r.questions} pertanyaan  ${r.title}`,
        );
    });

  rubric
    .command("show <id>")
    .description("show a rubric: components, areas, sub-pillars and questions with keys and weights")
    .option("--json", "JSON output")
    .action((id: string, o: { json?: boolean }) => {
      try {
        const r = loadRubric(id);
        if (o.json) return out(JSON.stringify(rubricTree(r)));
        printRubric(r);
      } catch (err) {
        explain(err);
      }
    });

  const compute = program.command("compute").description("Hitung / compute (no database needed)");
  compute
    .command("lke")
    .description("score an LKE answer file and check WBK/WBBM readiness")
    .requiredOption("--rubric <id>", "rubric id (see `zona rubric list`)")
    .requiredOption(
      "--input <file>",
      'answer file: {"answers": {"<question key>": <answer>}, "priorWbk"?: bool}',
    )
    .option("--prior-wbk", "the unit already holds the WBK predicate (a WBBM gate)")
    .option("--json", "JSON output")
    .action((o: { rubric: string; input: string; priorWbk?: boolean; json?: boolean }) => {
      try {
        const r = loadRubric(o.rubric);
        const file = readAnswerFile(o.input);
        const score = scoreAnswers(r, file.answers);
        const readiness = assessReadiness(r, score, {
          priorWbk: o.priorWbk === true || file.priorWbk === true,
        });
        if (o.json) return out(JSON.stringify(computeJson(score, readiness)));
        printScore(r, score, readiness);
      } catch (err) {
        explain(err);
      }
    });
}
