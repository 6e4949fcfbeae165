/**
 * The fuzz runner: for every target (see targets.ts) it draws seeded cases with fast-check, sends
 * each through `app.inject` and checks the answer:
 *   - never a 5xx, and never a hang (each request races a timeout);
 *   - every 4xx from /api is the error envelope (DESIGN.md §6) with the request id it was sent with;
 *   - a 4xx writes nothing: the row count of every table is the same before and after (the one
 *     exception, `rate_limits`, counts hits before the body is even read, by design);
 *   - no `__proto__` / `constructor.prototype` key ever reaches Object.prototype;
 *   - the app still answers /api/health at the end (nothing crashed).
 * Failures are collected, not thrown, so one run reports every finding with the request that
 * provoked it.
 */
import fc from "fast-check";
import { sql } from "kysely";
import { errorEnvelopeSchema } from "../../../src/kernel/http/schemas";
import type { TestApp } from "../../../src/kernel/testing";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../src/server/demo";
import {
  fromSchema,
  hostileValue,
  type Json,
  mutated,
  type Pools,
  pathParam,
  queryString,
} from "./arbitraries";
import { fuzzTargets, type Target, targetSeed } from "./targets";
import { RAW_BODIES } from "./values";

/** Tables a refused request may still change, and why. */
export const MAY_CHANGE_ON_4XX: Record<string, string> = {
  rate_limits: "rate limits count every hit in onRequest, before the body is read (a refused request counts)",
};

/**
 * Audit rows a refused request may write on purpose: a record of the refusal itself (a security
 * log), never of the refused change.
 */
export const AUDIT_ON_4XX = /(\.access\.refused|^identity\.user\.locked)$/;

/** Who signs in for a route: the office head first, then the administrator, then anyone who can. */
const PREFERENCE = [
  "kepala.bekasi@zona.demo",
  "admin@zona.demo",
  ...DEMO_USERS.map((u) => u.email).filter((e) => e !== "kepala.bekasi@zona.demo" && e !== "admin@zona.demo"),
];

export interface FuzzOptions {
  /** Total number of cases, spread evenly over the targets (at least one each). */
  runs: number;
  seed: number;
  /** Per-request limit; a request that takes longer is a hang. */
  timeoutMs?: number;
  /** Only targets whose id contains this text. */
  only?: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface FuzzFailure {
  target: string;
  kind: "5xx" | "envelope" | "half-write" | "hang" | "error" | "pollution" | "status";
  status?: number;
  /** The error code of the answer, when it had one. */
  code?: string;
  detail: string;
  request: { method: string; url: string; contentType?: string; body?: string };
}

export interface FuzzReport {
  seed: number;
  routes: number;
  cases: number;
  failures: FuzzFailure[];
  /** Answers by status class, e.g. { "2xx": 812, "4xx": 2190 }. */
  statuses: Record<string, number>;
  /** Targets that never answered 2xx (their valid path was never reached). */
  never2xx: string[];
  ms: number;
}

interface Case {
  path: string[];
  query: string;
  body: { text: string; contentType: string } | null;
  ip: [number, number, number];
  lang: string;
}

interface Actor {
  cookie: string;
  csrf: string;
  permissions: Set<string>;
}

/** Row counts of every table, as one query. */
async function tableCounter(t: TestApp): Promise<() => Promise<Map<string, number>>> {
  const names =
    t.database.dialect === "sqlite"
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db)
        ).rows.map((r) => r.name);
  const q = names.map((n) => `select '${n}' as t, count(*) as n from "${n}"`).join(" union all ");
  return async () => {
    const rows = (await sql.raw<{ t: string; n: unknown }>(q).execute(t.db)).rows;
    return new Map(rows.map((r) => [r.t, Number(r.n)]));
  };
}

function diffCounts(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of b) {
    if (k in MAY_CHANGE_ON_4XX) continue;
    const before = a.get(k) ?? 0;
    if (before !== n) out.push(`${k}: ${before} → ${n}`);
  }
  return out;
}

/** Known-good ids and codes from the seeded database. */
async function collectPools(t: TestApp): Promise<Pools> {
  const counts = await (await tableCounter(t))();
  const ids = new Set<string>();
  const byTable: Record<string, string[]> = {};
  const skip = /^(zona_migrations|sessions|api_tokens|password_resets|rate_limits|audit_events|outbox)/;
  for (const table of counts.keys()) {
    if (skip.test(table) || !counts.get(table)) continue;
    try {
      const rows = (await sql.raw<{ id: unknown }>(`select id from "${table}" limit 5`).execute(t.db)).rows;
      byTable[table] = rows.flatMap((r) => (typeof r.id === "string" ? [r.id] : []));
      for (const id of byTable[table]!.slice(0, 3)) ids.add(id);
    } catch {
      // A table without an id column.
    }
  }
  const codes = new Set(Object.keys(t.units));
  try {
    const rows = (await sql.raw<{ code: unknown }>(`select code from "survey_periods" limit 5`).execute(t.db))
      .rows;
    for (const r of rows) if (typeof r.code === "string") codes.add(r.code);
  } catch {
    // No survey module in this build.
  }
  return { ids: [...ids], unitIds: Object.values(t.units), codes: [...codes], byTable };
}

function bodyArb(target: Target, pools: Pools): fc.Arbitrary<Case["body"]> {
  const json = (v: Json) => ({ text: JSON.stringify(v) ?? "null", contentType: "application/json" });
  const raw = fc.constantFrom(...RAW_BODIES).map((r) => ({ text: r.body, contentType: r.contentType }));
  if (target.body) {
    const valid = fromSchema(target.body, pools);
    return fc.oneof(
      { arbitrary: valid.map(json), weight: 4 },
      { arbitrary: mutated(valid).map(json), weight: 5 },
      { arbitrary: hostileValue.map(json), weight: 1 },
      { arbitrary: raw, weight: 2 },
    );
  }
  if (target.method === "GET")
    return fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: raw, weight: 1 });
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: hostileValue.map(json), weight: 2 },
    { arbitrary: raw, weight: 2 },
  );
}

function caseArb(target: Target, pools: Pools): fc.Arbitrary<Case> {
  // The accounts the fuzzer signs in with must survive: no real user ids on the user routes.
  const pathPools = target.url.startsWith("/api/users") ? { ...pools, ids: [], byTable: {} } : pools;
  return fc.record({
    path: fc.tuple(...target.params.map((p) => pathParam(p.schema, pathPools, p.name, target.url))),
    query: queryString(target.query, pools),
    body: bodyArb(target, pools),
    ip: fc.tuple(
      fc.integer({ min: 1, max: 254 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 1, max: 254 }),
    ),
    lang: fc.constantFrom("id", "en", "xx", "*", "en;q=abc, id;q=2", "\u0000"),
  });
}

function buildUrl(target: Target, c: Case): string {
  let i = 0;
  const path = target.url.replace(/:(\w+)|\*/g, () => c.path[i++] ?? "x");
  return `${path}${c.query}`;
}

function errorCode(res: { json(): any }): string | undefined {
  try {
    return res.json()?.error?.code;
  } catch {
    return undefined;
  }
}

/** The error the app logged for a request (message and where it was thrown). */
function loggedError(t: TestApp, requestId: unknown): string {
  for (let i = t.logs.length - 1; i >= 0 && i >= t.logs.length - 200; i--) {
    const line = t.logs[i]!;
    if (!line.includes(String(requestId)) || !line.includes('"err"')) continue;
    try {
      const err = JSON.parse(line).err;
      const at = String(err.stack ?? "")
        .split("\n")
        .filter((l: string) => l.includes("/src/"))
        .slice(0, 2)
        .map((l: string) => l.trim());
      return `${err.type}: ${err.message} ${at.join(" ")}`;
    } catch {
      return line.slice(0, 300);
    }
  }
  return "(nothing logged)";
}

function preview(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}

export async function runFuzz(t: TestApp, opts: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const log = opts.log ?? (() => {});
  const targets = fuzzTargets(t.routes, t.app.swagger() as any)
    .filter((x) => !opts.only || x.id.includes(opts.only))
    .sort((a, b) => (a.why === b.why ? a.id.localeCompare(b.id) : a.why === "public" ? -1 : 1));
  const pools = await collectPools(t);
  const counts = await tableCounter(t);
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).join(",");
  const failures: FuzzFailure[] = [];
  const seenFailure = new Set<string>();
  const statuses: Record<string, number> = {};
  const got2xx = new Set<string>();
  let cases = 0;
  let loginNo = 0;

  let before: Map<string, number> | null = null;
  const actors = new Map<string, Actor>();
  const signIn = async (email: string): Promise<Actor> => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: DEMO_PASSWORD },
      remoteAddress: `10.255.${Math.floor(loginNo / 250)}.${(loginNo++ % 250) + 1}`,
    });
    if (res.statusCode !== 200) throw new Error(`fuzz: login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = `zona_session=${res.cookies.find((c) => c.name === "zona_session")!.value}`;
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    const actor = { cookie, csrf: res.json().csrfToken, permissions: new Set<string>(me.json().permissions) };
    actors.set(email, actor);
    // Signing in writes a session and an audit row: take a fresh snapshot before the next case.
    before = null;
    return actor;
  };
  const actorFor = async (access: string): Promise<{ email: string; actor: Actor } | null> => {
    if (access === "public") return null;
    const needed = access.startsWith("permission:") ? access.slice("permission:".length) : null;
    for (const email of PREFERENCE) {
      const actor = actors.get(email) ?? (await signIn(email));
      if (!needed || actor.permissions.has(needed)) return { email, actor };
    }
    return { email: PREFERENCE[0]!, actor: actors.get(PREFERENCE[0]!)! };
  };

  const fail = (f: FuzzFailure) => {
    // One entry per target, kind and status/code: a bug found 40 times is still one finding.
    const key = `${f.target}|${f.kind}|${f.status}|${f.code ?? f.detail.slice(0, 60)}`;
    if (seenFailure.has(key)) return;
    seenFailure.add(key);
    failures.push(f);
    log(
      `FAIL ${f.kind} ${f.target} ${f.status ?? ""} ${f.detail}\n  ${f.request.method} ${preview(f.request.url)}`,
    );
  };

  const perTarget = Math.max(1, Math.ceil(opts.runs / Math.max(1, targets.length)));
  for (const target of targets) {
    const who = await actorFor(target.access);
    const seed = targetSeed(opts.seed, target.id);
    const property = fc.asyncProperty(caseArb(target, pools), async (c) => {
      cases++;
      const url = buildUrl(target, c);
      const headers: Record<string, string> = { "accept-language": c.lang };
      if (c.body) headers["content-type"] = c.body.contentType;
      if (who) {
        headers.cookie = who.actor.cookie;
        headers["x-csrf-token"] = who.actor.csrf;
      }
      const request = {
        method: target.method,
        url: preview(url)!,
        contentType: c.body?.contentType,
        body: preview(c.body?.text),
      };
      const base = before ?? (await counts());
      let timer: NodeJS.Timeout | undefined;
      let res: Awaited<ReturnType<TestApp["app"]["inject"]>>;
      try {
        res = await Promise.race([
          t.app.inject({
            method: target.method as any,
            url,
            headers,
            payload: c.body?.text,
            remoteAddress: `10.${c.ip.join(".")}`,
          }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (err) {
        const hang = String(err).includes("no answer within");
        fail({ target: target.id, kind: hang ? "hang" : "error", detail: String(err), request });
        before = null;
        return true;
      } finally {
        clearTimeout(timer);
      }
      const cls = `${Math.floor(res.statusCode / 100)}xx`;
      statuses[cls] = (statuses[cls] ?? 0) + 1;
      if (
        ({} as any).polluted !== undefined ||
        Object.getOwnPropertyNames(Object.prototype).join(",") !== protoKeys
      )
        fail({ target: target.id, kind: "pollution", detail: "Object.prototype changed", request });

      if (res.statusCode >= 500) {
        const code = errorCode(res);
        fail({
          target: target.id,
          kind: "5xx",
          status: res.statusCode,
          code,
          detail: `${code ?? res.body.slice(0, 200)}: ${loggedError(t, res.headers["x-request-id"])}`,
          request,
        });
        before = null;
        return true;
      }
      if (res.statusCode < 200) {
        fail({
          target: target.id,
          kind: "status",
          status: res.statusCode,
          detail: "unexpected status",
          request,
        });
        before = null;
        return true;
      }
      if (res.statusCode < 400) {
        if (res.statusCode < 300) got2xx.add(target.id);
        before = null;
        return true;
      }

      // A refusal: the envelope, and nothing written.
      const isApi = target.url.startsWith("/api/") && !target.url.startsWith("/api/docs");
      if (isApi) {
        let body: unknown;
        try {
          body = res.json();
        } catch {
          body = undefined;
        }
        const parsed = errorEnvelopeSchema.safeParse(body);
        if (!parsed.success)
          fail({
            target: target.id,
            kind: "envelope",
            status: res.statusCode,
            detail: `not an error envelope: ${res.body.slice(0, 200)}`,
            request,
          });
        else if (parsed.data.error.requestId !== res.headers["x-request-id"])
          fail({
            target: target.id,
            kind: "envelope",
            status: res.statusCode,
            detail: "requestId differs from x-request-id",
            request,
          });
      }
      const after = await counts();
      const changed = diffCounts(base, after);
      const audited = (after.get("audit_events") ?? 0) - (base.get("audit_events") ?? 0);
      if (audited > 0 && changed.length === 1 && changed[0]!.startsWith("audit_events:")) {
        // Only audit rows: fine when each records the refusal itself.
        const rows = (
          await sql<{
            action: string;
          }>`select action from audit_events order by seq desc limit ${audited}`.execute(t.db)
        ).rows;
        if (rows.every((r) => AUDIT_ON_4XX.test(r.action))) changed.length = 0;
        else changed[0] += ` (${rows.map((r) => r.action).join(", ")})`;
      }
      if (changed.length)
        fail({
          target: target.id,
          kind: "half-write",
          status: res.statusCode,
          code: errorCode(res),
          detail: `${errorCode(res)} wrote ${changed.join(", ")}`,
          request,
        });
      before = after;
      const code = errorCode(res);
      if (who && (code === "UNAUTHENTICATED" || code === "SESSION_EXPIRED")) {
        // The fuzzer's own session ended (a fuzzed write signed it out): sign in again.
        log(`note: ${who.email} was signed out by ${target.id}; signing in again`);
        who.actor = await signIn(who.email);
      }
      return true;
    });
    await fc.check(property, { seed, numRuns: perTarget });
    log(`${target.why.padEnd(9)} ${target.id}`);
  }

  const health = await t.app.inject({ method: "GET", url: "/api/health" });
  if (health.statusCode !== 200)
    failures.push({
      target: "GET /api/health",
      kind: "error",
      status: health.statusCode,
      detail: "the app no longer answers after the run",
      request: { method: "GET", url: "/api/health" },
    });
  return {
    seed: opts.seed,
    routes: targets.length,
    cases,
    failures,
    statuses,
    never2xx: targets.filter((x) => !got2xx.has(x.id)).map((x) => x.id),
    ms: Date.now() - started,
  };
}

export function summaryLine(r: FuzzReport): string {
  return `routes=${r.routes} cases=${r.cases} failures=${r.failures.length}`;
}

/** FUZZ_SEED from the environment, or a fixed default. */
export function seedFromEnv(fallback = 20261127): number {
  const s = process.env.FUZZ_SEED;
  const n = s === undefined || s === "" ? fallback : Number(s);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${s}`);
  return n;
}
