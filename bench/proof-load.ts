/**
 * Load figures of issue 8 (part of `npm run bench`; DESIGN.md §9: reported, never asserted). On a
 * national-scale database (bench/fixtures/national.ts: 2,500 units under the demo ministry, a year of
 * LKE worksheets, survey responses and complaints), each Zona load is driven at a FIXED rate of half
 * the bare node:http server's capacity measured in the same run, and reported as
 *
 *   <name> ratio=<achieved req/s ÷ bare capacity> p99=<ms>ms rate=<achieved req/s>
 *
 * so a load that keeps up shows ratio≈0.5 and its p99 at that rate; one that cannot shows the rate
 * it reached (and its p99 under overload). Loads:
 *   survey-submit      POST /api/public/surveys/:code/responses  a citizen's survey response, SQLite
 *                                                                 with synchronous=FULL (openSqlite's
 *                                                                 default: every 201 is on disk)
 *   complaint-track    POST /api/public/complaints/track         tracking lookup by code and secret
 *   lke-multi-unit     GET  /api/zi/overview?rootUnitId=DJKN     the LKE multi-unit table, 2,500+ units
 *                                                                 (as the TPN evaluator, national scope)
 *   staff-dashboard    GET  /api/audit?limit=10                  the head of office's home page data
 * Public loads send a different X-Forwarded-For per request (the server runs with TRUST_PROXY=1), as
 * many citizens would: otherwise the per-address rate limits answer 429 after a few requests.
 *
 * The fixture: BENCH_FIXTURE (default var/bench-national.sqlite) is copied and used if it exists;
 * otherwise it is built first (BENCH_NATIONAL_UNITS, default 2500) and kept there for the next run.
 * Knobs: BENCH_DURATION (8 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (10).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Options, type Result } from "autocannon";
import SQLite from "better-sqlite3";
import { buildNationalFixture, FIXTURE_YEAR } from "./fixtures/national";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const FIXTURE = resolve(ROOT, process.env.BENCH_FIXTURE ?? "var/bench-national.sqlite");
const UNITS = Number(process.env.BENCH_NATIONAL_UNITS ?? 2500);
const PASSWORD = "Demo-Zona-2026";

const children = new Set<ChildProcess>();
const kill = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  children.clear();
};

function start(args: string[], env: NodeJS.ProcessEnv, pattern: RegExp, timeoutMs = 120_000) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  return new Promise<{ child: ChildProcess; match: string }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${args[0]} did not start:\n${output}`)), timeoutMs);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        ok({ child, match: m[1]! });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (b: Buffer) => {
      output += b.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${args[0]} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

async function json(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function login(base: string, email: string): Promise<string> {
  const r = await json(
    base,
    "POST",
    "/api/auth/login",
    { email, password: PASSWORD },
    { "x-forwarded-for": "192.0.2.1" },
  );
  const c = r.headers.getSetCookie().find((x) => x.startsWith("zona_session="));
  if (!c) throw new Error(`no session cookie for ${email}`);
  return c.split(";")[0]!;
}

/** A different documentation-range address per request (10.x.y.z), for the per-address limits. */
function distinctAddresses(): Pick<Options, "requests"> {
  let n = 0;
  return {
    requests: [
      {
        setupRequest: (req) => {
          n++;
          req.headers = {
            ...req.headers,
            "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          };
          return req;
        },
      },
    ],
  };
}

interface Row {
  name: string;
  result: Result;
  failed: number;
}

async function run(name: string, opts: Options, rate?: number): Promise<Row> {
  const base = { connections: CONNECTIONS, timeout: 10, ...opts, ...(rate ? { overallRate: rate } : {}) };
  process.stderr.write(
    `  ${name}: warm-up ${WARMUP} s, then ${DURATION} s${rate ? ` at ${rate} req/s` : ""} … `,
  );
  const warm = await autocannon({ ...base, duration: WARMUP });
  const result = await autocannon({ ...base, duration: DURATION, title: name });
  process.stderr.write("done\n");
  return { name, result, failed: warm.errors + warm.non2xx + result.errors + result.non2xx };
}

export async function proofLoadBench(): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), "zona-bench-proof-"));
  try {
    // 1. The national fixture.
    if (!existsSync(FIXTURE)) {
      process.stderr.write(`  building the national fixture (${UNITS} units) at ${FIXTURE} …\n`);
      mkdirSync(dirname(FIXTURE), { recursive: true });
      const f = await buildNationalFixture({
        file: FIXTURE,
        units: UNITS,
        log: (l) => process.stderr.write(`${l}\n`),
      });
      process.stderr.write(`  built in ${f.seconds.toFixed(0)} s\n`);
    }
    const dbFile = join(tmp, "national.sqlite");
    copyFileSync(FIXTURE, dbFile);
    for (const s of ["-wal"]) if (existsSync(FIXTURE + s)) copyFileSync(FIXTURE + s, dbFile + s);

    const fx = new SQLite(dbFile, { readonly: true });
    const today = new Date().toISOString().slice(0, 10);
    const djkn = fx.prepare("select id from units where code = 'DJKN'").get() as { id: string } | undefined;
    const nUnits = (fx.prepare("select count(*) as n from units").get() as { n: number }).n;
    const period = fx
      .prepare(
        "select code from survey_periods where status = 'open' and starts_on <= ? and ends_on >= ? order by kind = 'skm' desc, code limit 1",
      )
      .get(today, today) as { code: string } | undefined;
    fx.close();
    if (!djkn || !period)
      throw new Error(`fixture ${FIXTURE} lacks DJKN or an open survey period (rebuild it)`);

    // 2. The servers.
    const bare = await start([join(ROOT, "bench/bare-server.mjs")], process.env, /listening (\d+)/);
    const bareUrl = `http://127.0.0.1:${bare.match}`;
    const zona = await start(
      [join(ROOT, "bin/zona.mjs"), "serve"],
      {
        ...process.env,
        NODE_ENV: "development",
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${dbFile}`,
        FILES_DIR: join(tmp, "files"),
        DEMO: "0",
        LOG_LEVEL: "warn",
        JOBS: "0",
        TRUST_PROXY: "1",
      },
      /running at\s+(http:\/\/\S+)/,
    );
    const z = zona.match;
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`${z}/api/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const head = await login(z, "kepala.bekasi@zona.demo");
    const tpn = await login(z, "tpn@zona.demo");
    const form = (await json(z, "GET", `/api/public/surveys/${period.code}`)).body;
    const scores = Object.fromEntries(
      (form.kind.elements as Array<{ code: string }>).map((e, i) => [e.code, 1 + (i % 4)]),
    );
    const surveyBody = JSON.stringify({ scores, serviceType: (form.serviceTypes as string[])[0] });
    const filed = (
      await json(
        z,
        "POST",
        "/api/public/complaints",
        {
          unitCode: "KPKNL-BEKASI",
          category: "pengaduan",
          service: "Lelang",
          description: "Uang jaminan lelang belum kembali setelah dua minggu.",
        },
        { "x-forwarded-for": "192.0.2.2" },
      )
    ).body as { code: string; secret: string };
    const overviewPath = `/api/zi/overview?rootUnitId=${encodeURIComponent(djkn.id)}&year=${FIXTURE_YEAR}`;
    const overview = (await json(z, "GET", overviewPath, undefined, { cookie: tpn })).body as {
      items: unknown[];
    };

    console.log(
      `\nProof loads — fixture ${nUnits} units (${overview.items.length} rows in the LKE multi-unit table), SQLite synchronous=FULL, rate = 0.5 × bare capacity`,
    );

    // 3. Capacity of the bare server, then each load at half of it.
    const bareRow = await run("bare", { url: `${bareUrl}/` });
    const capacity = bareRow.result.requests.average;
    const rate = Math.max(1, Math.round(capacity / 2));
    const rows: Row[] = [bareRow];
    rows.push(
      await run(
        "survey-submit",
        {
          url: `${z}/api/public/surveys/${period.code}/responses`,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: surveyBody,
          ...distinctAddresses(),
        },
        rate,
      ),
    );
    rows.push(
      await run(
        "complaint-track",
        {
          url: `${z}/api/public/complaints/track`,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: filed.code, secret: filed.secret }),
          ...distinctAddresses(),
        },
        rate,
      ),
    );
    rows.push(await run("lke-multi-unit", { url: `${z}${overviewPath}`, headers: { cookie: tpn } }, rate));
    rows.push(
      await run("staff-dashboard", { url: `${z}/api/audit?limit=10`, headers: { cookie: head } }, rate),
    );
    kill();

    console.log(
      `bare capacity=${capacity.toFixed(0)} req/s p99=${bareRow.result.latency.p99}ms → target rate ${rate} req/s`,
    );
    for (const r of rows.slice(1)) {
      const achieved = r.result.requests.average;
      const kept = achieved >= rate * 0.95 ? "kept up" : "below target rate";
      console.log(
        `${r.name} ratio=${(achieved / capacity).toFixed(3)} p99=${r.result.latency.p99}ms rate=${achieved.toFixed(0)} (${kept}; p50=${r.result.latency.p50}ms, ${r.result["2xx"]} answered)`,
      );
    }
    const failed = rows.filter((r) => r.failed > 0);
    for (const r of failed)
      console.error(
        `FAILED REQUESTS on ${r.name}: errors=${r.result.errors} timeouts=${r.result.timeouts} non2xx=${r.result.non2xx} status=${JSON.stringify(r.result.statusCodeStats)}`,
      );
    return failed.length ? 1 : 0;
  } finally {
    kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}
