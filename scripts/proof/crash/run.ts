/** The crash proof itself (see scripts/proof/crash.ts for what it proves and its options). */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { checkDatabase } from "./check";
import type { Tally } from "./driver";
import { rng } from "./rng";
import { type Server, serverEnv, startServer } from "./server";
import { SUBMITTERS, type Targets } from "./submitters";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const UNIT = "KPKNL-BEKASI";

export interface CrashOptions {
  cycles: number;
  seed: number;
  concurrency: number;
  minMs: number;
  maxMs: number;
  early: number;
  jobs: boolean;
  keep: boolean;
  log: (line: string) => void;
}

export interface CrashResult {
  cycles: number;
  acknowledged: number;
  lost: number;
  byKind: Record<string, number>;
  /** Kinds whose module has no public route yet (see Submitter.available). */
  skipped: string[];
  broken: string[];
  tally: Tally;
  startMs: { mean: number; max: number; count: number };
  secondsPerCycle: number;
}

export const DEFAULTS: Omit<CrashOptions, "log"> = {
  cycles: 200,
  seed: 1,
  concurrency: 4,
  minMs: 100,
  maxMs: 1500,
  early: 0.1,
  jobs: true,
  keep: false,
};

export function parseArgs(argv: string[]): Omit<CrashOptions, "log"> {
  const o = { ...DEFAULTS };
  const num = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) throw new Error(`--${name} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? (a.split("=", 2) as [string, string]) : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--cycles":
        o.cycles = Math.max(1, Math.floor(num("cycles", value())));
        break;
      case "--seed":
        o.seed = Math.floor(num("seed", value()));
        break;
      case "--concurrency":
        o.concurrency = Math.max(1, Math.floor(num("concurrency", value())));
        break;
      case "--min-ms":
        o.minMs = num("min-ms", value());
        break;
      case "--max-ms":
        o.maxMs = num("max-ms", value());
        break;
      case "--early":
        o.early = num("early", value());
        break;
      case "--jobs":
        o.jobs = num("jobs", value()) !== 0;
        break;
      case "--keep":
        o.keep = true;
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  if (o.maxMs < o.minMs) throw new Error("--max-ms must not be below --min-ms");
  return o;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Jakarta's calendar date today (survey periods are in local dates). */
function jakartaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

function discoverTargets(dbFile: string): Targets {
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const today = jakartaToday();
    const surveyCodes = db
      .prepare(
        "select p.code from survey_periods p join units u on u.id = p.unit_id where u.code = ? and p.status = 'open' and p.starts_on <= ? and p.ends_on >= ? order by p.code",
      )
      .pluck()
      .all(UNIT, today, today) as string[];
    if (!surveyCodes.length) throw new Error(`the demo office has no survey period open today (${today})`);
    return { unitCode: UNIT, surveyCodes };
  } finally {
    db.close();
  }
}

interface Driver {
  child: ChildProcess;
  start(baseUrl: string, targets: Targets, kinds: string[]): void;
  stop(): Promise<Tally>;
}

function startDriver(o: Omit<CrashOptions, "log">, onAck: (kind: string, id: string) => void): Driver {
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin/tsx.mjs"), join(ROOT, "scripts/proof/crash/driver.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DRIVER_CONCURRENCY: String(o.concurrency),
        DRIVER_SEED: String(o.seed),
        DRIVER_TAG: `s${o.seed}-${process.pid}`,
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  let waiting: ((t: Tally) => void) | null = null;
  let failed: ((e: Error) => void) | null = null;
  child.on("message", (m: { type: string; kind?: string; id?: string; tally?: Tally }) => {
    if (m.type === "ack") onAck(m.kind!, m.id!);
    else if (m.type === "stopped") {
      waiting?.(m.tally ?? {});
      waiting = null;
    }
  });
  child.once("exit", (code, signal) => failed?.(new Error(`the driver exited (${code ?? signal})`)));
  return {
    child,
    start: (baseUrl, targets, kinds) => child.send({ type: "start", baseUrl, targets, kinds }),
    stop: () =>
      new Promise<Tally>((ok, fail) => {
        waiting = ok;
        failed = fail;
        child.send({ type: "stop" });
      }),
  };
}

/** `node bin/zona.mjs audit verify` on the proof's database: exit code and output. */
function auditVerifyCommand(
  o: Parameters<typeof serverEnv>[0],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/zona.mjs"), "audit", "verify"], {
    cwd: ROOT,
    env: { ...serverEnv(o), LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => {
    output += b.toString();
  });
  child.stderr!.on("data", (b: Buffer) => {
    output += b.toString();
  });
  return new Promise((r) => child.once("exit", (code) => r({ code, output })));
}

function addTally(into: Tally, t: Tally) {
  for (const [kind, statuses] of Object.entries(t)) {
    const k = into[kind] ?? {};
    for (const [s, n] of Object.entries(statuses)) k[s] = (k[s] ?? 0) + n;
    into[kind] = k;
  }
}

export async function runCrashProof(opts: CrashOptions): Promise<CrashResult> {
  const { log } = opts;
  const random = rng(opts.seed);
  const tmp = mkdtempSync(join(tmpdir(), "zona-crash-"));
  const dbFile = join(tmp, "zona.db");
  const serverOpts = { root: ROOT, dbFile, filesDir: join(tmp, "files"), jobs: opts.jobs };
  const acknowledged = new Map<string, Set<string>>(SUBMITTERS.map((s) => [s.kind, new Set<string>()]));
  const tally: Tally = {};
  const broken: string[] = [];
  const starts: number[] = [];
  const skipped: string[] = [];
  let lost = 0;
  let cycles = 0;
  let server: Server | null = null;
  const began = Date.now();
  const driver = startDriver(opts, (kind, id) => acknowledged.get(kind)?.add(id));
  const ackCount = () => [...acknowledged.values()].reduce((n, s) => n + s.size, 0);

  try {
    log(`crash proof: ${opts.cycles} cycles, seed ${opts.seed}, database ${dbFile}`);
    let t0 = Date.now();
    server = startServer(serverOpts);
    const first = server;
    let url = await first.ready.catch((err: Error) => {
      throw new Error(`first start failed: ${err.message}\n${first.output()}`);
    });
    log(`first start (migrations and demo office): ${Date.now() - t0} ms`);
    const targets = discoverTargets(dbFile);
    for (const s of SUBMITTERS) if (s.available && !(await s.available(url, targets))) skipped.push(s.kind);
    if (skipped.length) log(`skipped (public route not registered yet): ${skipped.join(" ")}`);
    const kinds = SUBMITTERS.map((s) => s.kind).filter((k) => !skipped.includes(k));

    for (let cycle = 1; cycle <= opts.cycles; cycle++) {
      const before = ackCount();
      let what: string;
      if (cycle > 1) {
        const early = random() < opts.early;
        const earlyDelay = random() * (starts.length ? Math.max(...starts) : 3000);
        t0 = Date.now();
        server = startServer(serverOpts);
        if (early) {
          const settled = await Promise.race([
            server.ready.then(
              () => "ready",
              () => "failed",
            ),
            sleep(earlyDelay).then(() => "timer"),
          ]);
          if (settled === "failed") throw new Error(`start-up failed:\n${server.output()}`);
          await server.kill();
          what = `killed ${Math.round(earlyDelay)} ms into start-up`;
        } else {
          try {
            url = await server.ready;
          } catch (err) {
            throw new Error(`restart ${cycle} failed: ${(err as Error).message}\n${server.output()}`);
          }
          starts.push(Date.now() - t0);
          what = "";
        }
      } else what = "";

      if (!what) {
        const delay = opts.minMs + random() * (opts.maxMs - opts.minMs);
        driver.start(url, targets, kinds);
        await sleep(delay);
        await server.kill();
        addTally(tally, await driver.stop());
        what = `killed ${Math.round(delay)} ms into load`;
      }
      cycles = cycle;

      const t1 = Date.now();
      const r = checkDatabase(dbFile, acknowledged, serverOpts.filesDir);
      const lostNow = Object.values(r.lost).reduce((n, ids) => n + ids.length, 0);
      const status = r.broken.length || lostNow ? "FAILED" : "ok";
      log(
        `cycle ${cycle}/${opts.cycles}: ${what}; acknowledged +${ackCount() - before} (${ackCount()}), audit events ${r.auditEvents}, checked in ${Date.now() - t1} ms: ${status}`,
      );
      for (const b of r.broken) log(`  BROKEN ${b}`);
      for (const [kind, ids] of Object.entries(r.lost))
        log(`  LOST ${ids.length} ${kind}: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`);
      if (r.broken.length || lostNow) {
        broken.push(...r.broken.map((b) => `cycle ${cycle}: ${b}`));
        lost = lostNow;
        break; // the file is evidence now: stop here (with --keep it stays for inspection)
      }
    }
    // A live server answering 5xx to a well-formed submission is a fault of its own (the kill only
    // ever shows as "no answer").
    const errors = Object.entries(tally).flatMap(([kind, st]) =>
      Object.entries(st)
        .filter(([code]) => Number(code) >= 500)
        .map(([code, n]) => `${kind} answered ${code} ${n} time(s)`),
    );
    broken.push(...errors);
    if (!broken.length && !lost) {
      // The operator's own command on the file as the last kill left it (the chain was checked after
      // every cycle with the same kernel verifier; this proves the CLI path agrees).
      const v = await auditVerifyCommand(serverOpts);
      log(`zona audit verify: ${v.output.trim()}`);
      if (v.code !== 0) broken.push(`zona audit verify exited ${v.code}: ${v.output.trim()}`);
    }
  } catch (err) {
    broken.push(`cycle ${cycles + 1}: ${(err as Error).message}`);
    log(`  ERROR ${(err as Error).message}`);
  } finally {
    await server?.kill();
    driver.child.disconnect?.();
    driver.child.kill("SIGKILL");
    if (opts.keep || broken.length || lost) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  const byKind = Object.fromEntries(
    [...acknowledged].filter(([k]) => !skipped.includes(k)).map(([k, s]) => [k, s.size]),
  );
  const mean = starts.length ? starts.reduce((a, b) => a + b, 0) / starts.length : 0;
  return {
    cycles,
    acknowledged: ackCount(),
    lost,
    byKind,
    skipped,
    broken,
    tally,
    startMs: { mean: Math.round(mean), max: starts.length ? Math.max(...starts) : 0, count: starts.length },
    secondsPerCycle: cycles ? (Date.now() - began) / 1000 / cycles : 0,
  };
}
