/**
 * DESIGN.md §8: app nodes hold no state of their own. Two `zona serve` processes (NODE_ID a and b)
 * over one PostgreSQL database must behave as one installation: a session made on one is valid on
 * the other, a scheduled job runs once per slot across both, and the login throttle and the per-IP
 * rate limit count hits from both. Runs only against a real PostgreSQL server (DATABASE_URL =
 * postgres://…, as CI sets it); each suite creates its own database and drops it afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  call,
  login,
  postgresUrl,
  type ScratchDatabase,
  scratchDatabase,
  sleep,
  startNode,
  stopAllNodes,
  type ZonaNode,
} from "./nodes";

const serverUrl = postgresUrl();
if (!serverUrl) {
  console.log(
    "two-nodes: skipped — DATABASE_URL is not a postgres:// URL (CI sets it to a real PostgreSQL server; see DESIGN.md §9)",
  );
}
const onPostgres = serverUrl ? describe : describe.skip;

const HEAD = "kepala.bekasi@zona.demo";
const START_TIMEOUT = 240_000;

/** Stop the nodes, then drop the database and the files directory; never throws. */
async function teardown(
  nodes: Array<ZonaNode | undefined>,
  db: ScratchDatabase | undefined,
  filesDir: string | undefined,
) {
  await Promise.allSettled(nodes.map((n) => n?.stop()));
  await stopAllNodes(); // also any node still starting when a hook timed out
  if (db) await db.drop().catch((err) => console.error(`two-nodes: could not drop ${db.name}: ${err}`));
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
}

function expectError(res: Answer, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
}

onPostgres("two app nodes over one PostgreSQL database", () => {
  let db: ScratchDatabase;
  let filesDir: string;
  let a: ZonaNode;
  let b: ZonaNode;
  let bothUp = 0;

  beforeAll(async () => {
    db = await scratchDatabase(serverUrl!);
    filesDir = mkdtempSync(join(tmpdir(), "zona-2n-files-"));
    // One after the other: the first migrates and loads the demo office, the second finds both done.
    a = await startNode({ id: "a", databaseUrl: db.url, filesDir });
    b = await startNode({ id: "b", databaseUrl: db.url, filesDir });
    bothUp = Date.now();
  }, START_TIMEOUT);

  afterAll(async () => {
    await teardown([a, b], db, filesDir);
  }, 60_000);

  it("both nodes answer, each on its own port, on the same database", async () => {
    expect(a.url).not.toBe(b.url);
    for (const n of [a, b]) {
      const res = await call(n, "GET", "/api/ready");
      expect(res).toMatchObject({ status: 200, body: { status: "ready", database: "postgres" } });
    }
  });

  it("a session made on node A is valid on node B, and logging out on B ends it on A", async () => {
    const s = await login(a, HEAD);
    expect(s.status).toBe(200);
    expect(s.cookie).toMatch(/^zona_session=./);

    const onB = await call(b, "GET", "/api/me", { cookie: s.cookie });
    expect(onB.status).toBe(200);
    expect(onB.body.user.email).toBe(HEAD);
    expect(onB.body.csrfToken).toBe(s.csrf);
    expect((await call(a, "GET", "/api/me/units", { cookie: s.cookie })).status).toBe(200);

    const out = await call(b, "POST", "/api/auth/logout", { cookie: s.cookie, csrf: s.csrf });
    expect(out.status).toBe(204);

    expectError(await call(a, "GET", "/api/me", { cookie: s.cookie }), 401, "SESSION_EXPIRED");
    expectError(await call(b, "GET", "/api/me", { cookie: s.cookie }), 401, "SESSION_EXPIRED");
  });

  it("runs the scheduled heartbeat exactly once per slot across both nodes", async () => {
    // Each node's scheduler ticks every 5 s and a heartbeat slot lasts HEARTBEAT_SECONDS (7 s), so
    // every slot since both nodes are up is claimed by both and must still run once. The slot edge
    // moves 2 s against the ticks each slot, so which node wins changes over time.
    const contended = <T extends { slot: string }>(rows: T[]) =>
      rows.filter((r) => Date.parse(r.slot) >= bothUp);
    const started = Date.now();
    let slots: Array<{ slot: string; n: number }> = [];
    let winners = new Set<string>();
    while (Date.now() - started < 50_000) {
      await sleep(1000);
      slots = await db.query<{ slot: string; n: number }>(
        "select slot, count(*)::int as n from system_heartbeats group by slot order by slot",
      );
      winners = new Set(
        contended(
          await db.query<{ slot: string; node: string }>("select slot, node from system_heartbeats"),
        ).map((r) => r.node),
      );
      if (Date.now() - started >= 7_000 && contended(slots).length >= 3 && winners.size === 2) break;
    }

    expect(contended(slots).length).toBeGreaterThanOrEqual(2);
    expect(slots.filter((s) => s.n !== 1)).toEqual([]); // a slot run twice would show here
    if (winners.size < 2) {
      console.log(
        `two-nodes: only node ${[...winners].join()} won a heartbeat slot in ${contended(slots).length} contended slots`,
      );
    }

    // Every beat matches the scheduler's claim of its slot: same slot, same node.
    const beats = await db.query<{
      slot: string;
      node: string;
      claimed_by: string | null;
      status: string | null;
    }>(
      `select h.slot, h.node, j.node as claimed_by, j.status
         from system_heartbeats h
         left join job_runs j on j.name = 'system.heartbeat' and j.slot = h.slot`,
    );
    expect(beats.length).toBe(slots.length);
    for (const beat of beats) {
      expect(["a", "b"]).toContain(beat.node);
      expect(beat.claimed_by).toBe(beat.node);
      expect(["running", "done"]).toContain(beat.status);
    }
  }, 90_000);

  it("counts failed logins across both nodes: five, alternating, lock the account everywhere", async () => {
    const email = "media@zona.demo";
    for (let i = 0; i < 5; i++) {
      const node = i % 2 === 0 ? a : b;
      expectError(await login(node, email, "not-the-password"), 401, "AUTH_INVALID_CREDENTIALS");
    }
    expectError(await login(b, email), 423, "AUTH_LOCKED");
    expectError(await login(a, email), 423, "AUTH_LOCKED");

    const [user] = await db.query<{ locked_until: string | null }>(
      "select locked_until from users where email = $1",
      [email],
    );
    expect(user?.locked_until).not.toBeNull();
  }, 60_000);

  // Last: it uses up this address's login budget for the current 15-minute window.
  it("counts the per-IP login rate limit across both nodes: 429 from whichever answers once it is spent", async () => {
    const max = 30;
    const seen: Array<{ node: string; status: number; remaining: number | null; code?: string }> = [];
    let first429 = -1;
    for (let i = 0; i < max + 10 && first429 < 0; i++) {
      const node = i % 2 === 0 ? a : b;
      const res = await login(node, `nobody.${i}@zona.demo`, "not-the-password");
      const remaining = res.headers.get("x-ratelimit-remaining");
      seen.push({
        node: node.id,
        status: res.status,
        remaining: remaining === null ? null : Number(remaining),
        code: res.body?.error?.code,
      });
      expect(res.headers.get("x-ratelimit-limit")).toBe(String(max));
      if (res.status === 429) first429 = i;
      else expect(res.status).toBe(401);
    }
    expect(first429, JSON.stringify(seen)).toBeGreaterThan(0);

    // One counter for both nodes: each answer, from alternating nodes, has one hit fewer left than
    // the one before (unless a fixed window ended mid-way and the count started again).
    const answered = seen.slice(0, first429);
    for (let i = 1; i < answered.length; i++) {
      const prev = answered[i - 1]!.remaining!;
      const cur = answered[i]!.remaining!;
      if (cur > prev) continue; // new window
      expect(cur, JSON.stringify(seen)).toBe(prev - 1);
    }
    expect(answered.at(-1)!.remaining).toBe(0);
    expect(seen[first429]).toMatchObject({ status: 429, code: "RATE_LIMITED", remaining: 0 });

    // Both nodes refuse now, with a Retry-After.
    for (const node of [a, b]) {
      const res = await login(node, "nobody@zona.demo", "not-the-password");
      expectError(res, 429, "RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Even the right password of an unlocked account is refused on either node.
    expectError(await login(b, HEAD), 429, "RATE_LIMITED");
  }, 120_000);

  it("neither node crashed along the way", () => {
    for (const n of [a, b]) expect(n.alive(), n.output()).toBe(true);
  });
});

onPostgres("two app nodes starting at the same time on an empty database", () => {
  let db: ScratchDatabase;
  let filesDir: string;
  let nodes: ZonaNode[] = [];

  beforeAll(async () => {
    db = await scratchDatabase(serverUrl!);
    filesDir = mkdtempSync(join(tmpdir(), "zona-2n-files-"));
  });

  afterAll(async () => {
    await teardown(nodes, db, filesDir);
  }, 60_000);

  it(
    "both start (migrations and the demo office are applied once) and serve the same data",
    async () => {
      const started = await Promise.allSettled(
        ["a", "b"].map((id) => startNode({ id, databaseUrl: db.url, filesDir })),
      );
      nodes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
      const failures = started.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : []));
      expect(failures).toEqual([]);

      const [migrations] = await db.query<{ n: number; distinct_names: number }>(
        "select count(*)::int as n, count(distinct name)::int as distinct_names from zona_migrations",
      );
      expect(migrations!.n).toBe(migrations!.distinct_names);
      const [units] = await db.query<{ n: number }>(
        "select count(*)::int as n from units where code = 'KEMENKEU'",
      );
      expect(units!.n).toBe(1);

      // The demo office loaded once and completely: the head of office logs in on either node.
      for (const n of nodes) {
        const s = await login(n, HEAD);
        expect(s.status).toBe(200);
        const units = await call(n, "GET", "/api/me/units", { cookie: s.cookie });
        expect(units.status).toBe(200);
        expect(units.body.items.length).toBeGreaterThan(0);
      }
      await sleep(500);
      for (const n of nodes) expect(n.alive(), n.output()).toBe(true);
    },
    START_TIMEOUT,
  );
});
