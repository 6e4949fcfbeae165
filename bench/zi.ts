/**
 * Zona Integritas speed (part of `npm run bench`; DESIGN.md §9: reported, never asserted):
 *
 *   score-one     scoring one full 90/2021 worksheet with the exact engine, against the same sum in
 *                 plain floating point (the cost of exact arithmetic)
 *   multi-unit    the multi-unit table for 2,500 units (ZiService.overview: stored scores + readiness),
 *                 against ONE hand-written SQL aggregate over the answers that yields the same totals
 *                 (target: ratio ≤ 2); the totals are compared before timing
 *   xlsx-export   the LKE spreadsheet of one full worksheet, against a plain exceljs sheet with the
 *                 same rows and no styling
 *
 * Everything runs in this process on a fresh SQLite file. Knob: BENCH_ZI_UNITS (2500).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { loadConfig } from "../src/kernel/config/config";
import { createDatabase } from "../src/kernel/db/database";
import { newId } from "../src/kernel/db/ids";
import { systemActor } from "../src/kernel/identity/actor";
import { createLogger } from "../src/kernel/logging";
import { mul, toNumber } from "../src/kernel/math/fraction";
import { type Answer, answerValue } from "../src/modules/zona-integritas/domain/answers";
import { loadRubric, questionsOf } from "../src/modules/zona-integritas/domain/rubric";
import { scoreAnswers } from "../src/modules/zona-integritas/domain/scoring";
import { ziService } from "../src/modules/zona-integritas/server";
import { fracText } from "../src/modules/zona-integritas/server/score-store";
import { exportWorksheetXlsx, type WorksheetCell } from "../src/modules/zona-integritas/server/xlsx";
import { buildContext } from "../src/server/app";

const UNITS = Number(process.env.BENCH_ZI_UNITS ?? 2500);
const rubric = loadRubric("permenpanrb-90-2021");
const questions = questionsOf(rubric);

function answerFor(i: number, salt: number): Answer {
  const q = questions[i]!.question;
  if (q.answerType === "survey_index") return 3 + ((i + salt) % 10) / 10;
  if (q.answerType === "counts") return { value: ((i + salt) % 5) / 4 };
  const o = q.options[(i + salt) % q.options.length]!;
  return o.code;
}
const fullSheet = (salt: number) =>
  Object.fromEntries(questions.map((e, i) => [e.question.key, answerFor(i, salt)]));

/** Median wall time (ms) of `fn` over `runs` runs after `warm` warm-up runs. */
async function time(fn: () => unknown, runs: number, warm = 2): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

export async function ziBench(): Promise<number> {
  const lines: string[] = [];
  // 1. Pure scoring.
  const sheet = fullSheet(1);
  const shares = questions.map((e) => toNumber(e.share));
  const values = questions.map((e) => toNumber(answerValue(rubric, e.question.key, sheet[e.question.key]!)));
  let sink = 0;
  const exact = await time(() => {
    for (let k = 0; k < 20; k++) sink += toNumber(scoreAnswers(rubric, sheet).total);
  }, 15);
  const float = await time(() => {
    for (let k = 0; k < 20; k++) {
      let s = 0;
      for (let i = 0; i < values.length; i++) s += values[i]! * shares[i]!;
      sink += s;
    }
  }, 15);
  lines.push(
    `score-one     ${fmt(exact / 20)} per worksheet (${questions.length} questions, exact)   float baseline ${fmt(float / 20)}   ratio=${(exact / float).toFixed(0)}x (informational)${sink < 0 ? "" : ""}`,
  );

  // 2. The multi-unit table from the database.
  const dir = mkdtempSync(join(tmpdir(), "zona-bench-zi-"));
  try {
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: `file:${join(dir, "zona.db")}`,
      FILES_DIR: join(dir, "files"),
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
      DEMO: "0",
      LOG_LEVEL: "warn",
    });
    const database = createDatabase(config.DATABASE_URL);
    const ctx = await buildContext({ config, database, logger: createLogger("warn") });
    const system = systemActor("bench");
    const root = await ctx.org.create(system, {
      code: "BENCH",
      name: "Bench root",
      kind: "kementerian",
      parentId: null,
    });
    const zi = ziService(ctx);
    const t0 = performance.now();
    const year = 2027;
    const at = new Date().toISOString();
    const shareByKey = new Map(questions.map((e) => [e.question.key, e.share]));
    for (let u = 0; u < UNITS; u++) {
      const unit = await ctx.org.create(system, {
        code: `U${u}`,
        name: `Unit ${u}`,
        kind: "kantor",
        parentId: root.id,
      });
      const cycleId = newId();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("zi_cycles")
          .values({
            id: cycleId,
            unit_id: unit.id,
            year,
            target: u % 3 ? "WBK" : "WBBM",
            rubric_id: rubric.id,
            stage: "tpi_review",
            prior_wbk: u % 2,
            version: 1,
            created_at: at,
            updated_at: at,
          })
          .execute();
        const rows = [];
        for (const col of ["unit", "tpi"] as const) {
          const s = fullSheet(u + (col === "tpi" ? 7 : 0));
          for (const [key, answer] of Object.entries(s)) {
            const v = answerValue(rubric, key, answer);
            const p = mul(v, shareByKey.get(key)!);
            rows.push({
              cycle_id: cycleId,
              col,
              question_key: key,
              unit_id: unit.id,
              answer: JSON.stringify(answer),
              value_exact: fracText(v),
              points_exact: fracText(p),
              points_num: toNumber(p),
              note: "",
              updated_at: at,
            });
          }
        }
        for (let i = 0; i < rows.length; i += 100)
          await trx
            .insertInto("zi_answers")
            .values(rows.slice(i, i + 100))
            .execute();
      });
      await zi.rescore(cycleId);
    }
    const loadMs = performance.now() - t0;

    const table = () => zi.overview(system, { rootUnitId: root.id, year });
    const aggregate = () =>
      sql<{ unit_id: string; col: string; total: number }>`
        select c.unit_id, a.col, sum(a.points_num) as total
        from zi_answers a join zi_cycles c on c.id = a.cycle_id join units u on u.id = c.unit_id
        where u.path like ${`${root.path}%`} and c.year = ${year}
        group by c.unit_id, a.col`.execute(ctx.db);
    // Same totals first.
    const ours = await table();
    const theirs = (await aggregate()).rows;
    let mismatches = 0;
    for (const r of theirs) {
      const row = ours.items.find((x) => x.unit.id === r.unit_id)!;
      const mine = row.scores[r.col as "unit" | "tpi"];
      if (mine === null || Math.abs(mine - Number(r.total)) > 1e-9) mismatches++;
    }
    const tTable = await time(table, 9);
    const tAgg = await time(aggregate, 9);
    const ratio = tTable / tAgg;
    lines.push(
      `multi-unit    ${UNITS} units (${theirs.length} unit×column totals, ${mismatches} mismatches; loaded in ${(loadMs / 1000).toFixed(1)} s)   table ${fmt(tTable)}   SQL aggregate ${fmt(tAgg)}   ratio=${ratio.toFixed(2)} target<=2 ${ratio <= 2 ? "PASS" : "ABOVE"}`,
    );

    // 3. XLSX export of one full worksheet.
    const cells = (salt: number) => {
      const out: Record<string, WorksheetCell> = {};
      for (const [k, a] of Object.entries(fullSheet(salt))) out[k] = { answer: a, note: "catatan" };
      return out;
    };
    const data = {
      rubric,
      unit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
      year,
      target: "WBBM" as const,
      columns: { unit: cells(1), tpi: cells(2), tpn: cells(3) },
      evidence: {},
    };
    const tX = await time(() => exportWorksheetXlsx(data), 7);
    const tPlain = await time(async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("LKE");
      for (const e of questions)
        ws.addRow([e.question.key, e.question.text, "A", 1, 1, "", "A", 1, 1, "", "A", 1, 1, "", 1, ""]);
      await wb.xlsx.writeBuffer();
    }, 7);
    lines.push(
      `xlsx-export   ${fmt(tX)} per worksheet   plain exceljs sheet ${fmt(tPlain)}   ratio=${(tX / tPlain).toFixed(2)} (informational)`,
    );
    await database.close();
    console.log(`\nZona Integritas\n${lines.join("\n")}\n`);
    return mismatches > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
