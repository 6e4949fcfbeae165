/**
 * Surveys speed (reported, never asserted; the lead wires this into bench/run.ts):
 *
 *   submit     public submissions per second through SurveyService.submit on SQLite with
 *              synchronous=FULL — the real path: period lookup, checks, then ONE transaction with the
 *              address-wide and the period's rate-limit upserts, the device mark and the response —
 *              against the minimum work for the same rows (target ≥ 0.5). The baseline is a raw
 *              better-sqlite3 connection with the same pragmas (openSqlite) on copies of the same
 *              tables and indexes (DDL read from the app database), doing per submission ONE
 *              transaction of prepared statements: the same two rate-limit upserts (same keys, same
 *              SQL as the kernel RateLimiter), the same device-mark insert and the same response row.
 *              The two sides run interleaved in 20 chunks so a load swing on the machine hits both.
 *   compute    computing a period of 100,000 responses (SurveyService.overallTotals + the exact IKM,
 *              what the public results and the ZI perception indices do), against ONE plain SQL AVG
 *              per element (target ratio ≤ 2); the averages are compared before timing. The results
 *              page's breakdowns (SurveyService.totals: one aggregate grouped by service × profile)
 *              are timed too and reported for information; their overall sums must equal the plain
 *              aggregate's.
 *
 * Knobs: BENCH_SURVEY_SUBMITS (2000), BENCH_SURVEY_RESPONSES (100000).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { loadConfig } from "../src/kernel/config/config";
import { createDatabase, openSqlite } from "../src/kernel/db/database";
import { newId } from "../src/kernel/db/ids";
import { systemActor } from "../src/kernel/identity/actor";
import { createLogger } from "../src/kernel/logging";
import { computeIndex, toWire } from "../src/modules/surveys/domain/compute";
import { surveyService } from "../src/modules/surveys/server";
import { buildContext } from "../src/server/app";

const SUBMITS = Number(process.env.BENCH_SURVEY_SUBMITS ?? 2000);
const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 100_000);
const U = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(runs / 2)]!;
}

export async function surveysBench(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "zona-bench-surveys-"));
  let failures = 0;
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
      name: "Bench",
      kind: "kantor",
      parentId: null,
    });
    const svc = surveyService(ctx);
    const year = Number(ctx.clock.now().toISOString().slice(0, 4));
    const open = await svc.createPeriod(system, {
      unitId: root.id,
      kindId: "skm-permenpanrb-14-2017",
      periodType: "year",
      year,
      serviceTypes: ["Lelang"],
      onePerDevice: true,
      rateMax: 10_000_000,
      rateWindowMinutes: 1440,
      status: "open",
    });

    // 1. submissions
    const scores = Object.fromEntries(U.map((c, i) => [c, 1 + (i % 4)]));
    const address = (i: number) => `10.0.${i % 250}.1`;
    let appMs = 0;
    let appDone = 0;
    const appChunk = async (n: number) => {
      const t0 = performance.now();
      for (let k = 0; k < n; k++, appDone++)
        await svc.submit(
          open.code,
          { scores, serviceType: "Lelang", sex: appDone % 2 ? "L" : "P" },
          { address: address(appDone) },
        );
      appMs += performance.now() - t0;
    };

    const raw = openSqlite(join(dir, "raw.db"));
    const tables = ["survey_periods", "survey_responses", "survey_devices", "rate_limits"];
    const ddl = await sql<{ sql: string }>`select sql from sqlite_master where tbl_name in (${sql.join(
      tables,
    )}) and sql is not null order by type desc`.execute(ctx.db);
    for (const { sql: stmt } of ddl.rows) raw.exec(stmt);
    const periodRow = await ctx.db
      .selectFrom("survey_periods")
      .selectAll()
      .where("id", "=", open.id)
      .executeTakeFirstOrThrow();
    raw.pragma("foreign_keys = OFF"); // the period's unit is not copied
    raw
      .prepare(
        `insert into survey_periods (${Object.keys(periodRow).join(",")}) values (${Object.keys(periodRow)
          .map(() => "?")
          .join(",")})`,
      )
      .run(...Object.values(periodRow));
    raw.pragma("foreign_keys = ON");
    const upsert = raw.prepare(
      "insert into rate_limits (key, window_start, count, expires_at) values (?, ?, 1, ?) on conflict (key, window_start) do update set count = rate_limits.count + 1 returning count",
    );
    const mark = raw.prepare(
      "insert into survey_devices (period_id, device_hash, unit_id) values (?, ?, ?) on conflict (period_id, device_hash) do nothing",
    );
    const scoreCols = U.map((_, k) => `s${k + 1}`);
    const respond = raw.prepare(
      `insert into survey_responses (id, period_id, unit_id, submitted_on, channel, service_type, age_group, sex, education, occupation, comment, ${scoreCols.join(",")}) values (${[...Array(11 + U.length)].map(() => "?").join(",")})`,
    );
    const scoreValues = U.map((c) => scores[c]!);
    const keys = [...Array(250)].map((_, k) => [
      ctx.rateLimiter.keyFor("survey.submit", address(k)),
      ctx.rateLimiter.keyFor(`survey:${open.id}`, address(k)),
    ]);
    const windowStart = (ms: number) => Math.floor(Date.now() / ms) * ms;
    const submitRaw = raw.transaction((i: number) => {
      const [addressKey, periodKey] = keys[i % 250]!;
      const w1 = windowStart(60_000);
      upsert.get(addressKey, w1, w1 + 60_000);
      const w2 = windowStart(1440 * 60_000);
      upsert.get(periodKey, w2, w2 + 1440 * 60_000);
      mark.run(open.id, randomBytes(32).toString("base64url").slice(0, 43), root.id);
      respond.run(
        newId(),
        open.id,
        root.id,
        "2026-01-01",
        "web",
        "Lelang",
        null,
        i % 2 ? "L" : "P",
        null,
        null,
        null,
        ...scoreValues,
      );
    });
    let rawMs = 0;
    let rawDone = 0;
    const rawChunk = (n: number) => {
      const t0 = performance.now();
      for (let k = 0; k < n; k++, rawDone++) submitRaw(rawDone);
      rawMs += performance.now() - t0;
    };
    const CHUNKS = 20;
    for (let c = 0; c < CHUNKS; c++) {
      const n = Math.floor(SUBMITS / CHUNKS);
      await appChunk(n);
      rawChunk(n);
    }
    const appRate = appDone / (appMs / 1000);
    const rawRate = rawDone / (rawMs / 1000);
    const rawRows = raw.prepare("select count(*) as n from survey_responses").get() as { n: number };
    raw.close();
    if (rawRows.n !== rawDone) {
      failures++;
      console.log(`submit    baseline wrote ${rawRows.n} responses, expected ${rawDone}`);
    }
    const r1 = appRate / rawRate;
    console.log(
      `submit    ${appRate.toFixed(0)} submissions/s (synchronous=FULL)   raw 1 tx (2 limit upserts + mark + response) ${rawRate.toFixed(0)}/s   ratio=${r1.toFixed(2)} target ≥ 0.5 ${r1 >= 0.5 ? "PASS" : "BELOW"}`,
    );

    // 2. compute a period of RESPONSES responses
    const big = await svc.createPeriod(system, {
      unitId: root.id,
      kindId: "skm-permenpanrb-14-2017",
      periodType: "semester",
      year,
      part: 1,
      serviceTypes: ["Lelang", "Piutang", "Kekayaan"],
      onePerDevice: false,
      rateMax: 20,
      rateWindowMinutes: 60,
      status: "draft",
    });
    const sexes = ["L", "P", null];
    for (let i = 0; i < RESPONSES; i += 500) {
      const rows = [];
      for (let k = i; k < Math.min(RESPONSES, i + 500); k++) {
        const row: Record<string, unknown> = {
          id: newId(),
          period_id: big.id,
          unit_id: root.id,
          submitted_on: `${year}-03-01`,
          channel: "web",
          service_type: ["Lelang", "Piutang", "Kekayaan"][k % 3],
          age_group: ["20-29", "30-39", "40-49", null][k % 4],
          sex: sexes[k % 3],
          education: ["SMA", "D4-S1", null][k % 3],
          occupation: ["Swasta", "PNS", "Wirausaha", "Lainnya"][k % 4],
        };
        for (let e = 0; e < 9; e++) row[`s${e + 1}`] = 1 + ((k * 7 + e * 3) % 4);
        rows.push(row);
      }
      await ctx.db.insertInto("survey_responses").values(rows).execute();
    }
    const period = await svc.periodRow(ctx.db, big.id);
    const appCompute = async () => toWire(U, computeIndex(U, await svc.overallTotals(period)));
    const sqlCompute = async () =>
      (
        await sql<
          Record<string, number>
        >`select ${sql.raw(U.map((_, i) => `avg(s${i + 1}) as a${i + 1}`).join(", "))} from survey_responses where period_id = ${big.id}`.execute(
          ctx.db,
        )
      ).rows[0]!;
    const breakdowns = () => svc.totals(period);
    const a = await appCompute();
    const b = await sqlCompute();
    const same = a.elements.every((e, i) => Math.abs(e.nrr! - Number(b[`a${i + 1}`])) < 1e-9);
    if (!same || a.respondents !== RESPONSES) {
      failures++;
      console.log("compute   MISMATCH between the service's averages and the SQL aggregate");
    }
    const plain = await svc.overallTotals(period);
    const grouped = (await breakdowns()).overall;
    if (grouped.count !== plain.count || grouped.sums.some((x, i) => x !== plain.sums[i])) {
      failures++;
      console.log("compute   MISMATCH between the grouped breakdowns' overall and the plain aggregate");
    }
    const tApp = await median(appCompute);
    const tSql = await median(sqlCompute);
    const tBreak = await median(breakdowns);
    const r2 = tApp / tSql;
    console.log(
      `compute   ${tApp.toFixed(1)} ms for ${RESPONSES} responses (overall sums + exact IKM ${a.ikm})   SQL AVG ${tSql.toFixed(1)} ms   ratio=${r2.toFixed(2)} target ≤ 2 ${r2 <= 2 ? "PASS" : "BELOW"}`,
    );
    console.log(
      `results   ${tBreak.toFixed(1)} ms for the breakdowns by service × profile (results page; info, no target)   ratio=${(tBreak / tSql).toFixed(2)}`,
    );
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}
