/**
 * Issue 8, part 4a — abuse limits hold across two app nodes on one PostgreSQL. Two `zona serve`
 * processes (test/two-nodes/nodes.ts: scratch database, real CLI) share the rate-limit counters in
 * the database; requests alternate between the nodes until the declared limit, and the request after
 * it gets 429 in the error envelope (with Retry-After) from whichever node answers. Each limit trips
 * at exactly its declared max, and another address (or, for the whistle-blowing follow-up, another
 * report code) is not affected.
 *
 * Limits covered (declared in the code, imported here so a change is followed):
 *   login                    POST /api/auth/login                       30 / 15 min per address
 *   complaint form           POST /api/public/complaints                PUBLIC_LIMITS.intake per address
 *   complaint tracking       POST /api/public/complaints/track          PUBLIC_LIMITS.track per address
 *   survey form              POST /api/public/surveys/:code/responses   the period's rate_max per address
 *                                                                       (under SUBMIT_LIMIT address-wide)
 *   service-request tracking POST /api/public/requests/track            REQUEST_LIMITS.track per address
 *   whistle-blowing follow   POST /api/public/wbs/follow                FOLLOW_MAX_FAILURES wrong secrets per code
 *
 * The limiter keys by the client address; the nodes run with TRUST_PROXY=1 so each scenario can use
 * its own X-Forwarded-For address (without it every request from this test has the same address and
 * the scenarios would spend one budget). Skipped without a postgres:// DATABASE_URL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_LIMITS } from "../../src/modules/complaints/server/routes";
import { solveChallenge } from "../../src/modules/integrity-reports/server/secrets";
import {
  FOLLOW_MAX_FAILURES,
  FOLLOW_WINDOW_SECONDS,
} from "../../src/modules/integrity-reports/server/wbs.service";
import { DEMO_NUMBER, DEMO_SECRET } from "../../src/modules/service-requests/server/demo";
import { PUBLIC_LIMITS as REQUEST_LIMITS } from "../../src/modules/service-requests/server/routes";
import { SUBMIT_LIMIT } from "../../src/modules/surveys/server/service";
import {
  postgresUrl,
  type ScratchDatabase,
  scratchDatabase,
  startNode,
  stopAllNodes,
  type ZonaNode,
} from "../two-nodes/nodes";
import { type NodeAnswer, send } from "./abuse/helpers";

const serverUrl = postgresUrl();
if (!serverUrl) {
  console.log("abuse-two-nodes: skipped — DATABASE_URL is not a postgres:// URL (CI sets it)");
}
const onPostgres = serverUrl ? describe : describe.skip;

/** src/kernel/identity/routes.ts: `rateLimit: { name: "login", max: 30, windowSeconds: 900 }`. */
const LOGIN = { max: 30, windowSeconds: 900 };
const START_TIMEOUT = 240_000;

let addressSeq = 0;
/** A fresh documentation-range address (RFC 5737) per scenario. */
const freshAddress = () => `198.51.100.${++addressSeq}`;

interface Trip {
  /** 1-based number of the first request answered 429 (or the limit's own refusal), -1 if none. */
  trippedAt: number;
  answers: Array<{ node: string; status: number; code?: string }>;
  refusal: NodeAnswer | null;
  /** The run crossed a fixed-window boundary (its count restarted): rerun with a fresh key. */
  crossedWindow: boolean;
}

onPostgres("abuse limits across two app nodes on one PostgreSQL", () => {
  let db: ScratchDatabase;
  let filesDir: string;
  let a: ZonaNode;
  let b: ZonaNode;
  const nodes = () => [a, b] as const;

  beforeAll(async () => {
    db = await scratchDatabase(serverUrl!);
    filesDir = mkdtempSync(join(tmpdir(), "zona-abuse-files-"));
    const env = { TRUST_PROXY: "1", WBS_POW_BITS: "8", JOBS: "0" };
    a = await startNode({ id: "a", databaseUrl: db.url, filesDir, env });
    b = await startNode({ id: "b", databaseUrl: db.url, filesDir, env });
  }, START_TIMEOUT);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await stopAllNodes();
    if (db)
      await db.drop().catch((err) => console.error(`abuse-two-nodes: could not drop ${db.name}: ${err}`));
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  }, 60_000);

  /**
   * Send up to max + 2 requests, alternating nodes (request i goes to node i % 2), and record where
   * the limit trips. `refused` says whether an answer is the limit's refusal.
   */
  async function drive(
    max: number,
    windowSeconds: number,
    request: (node: ZonaNode, i: number) => Promise<NodeAnswer>,
    refused: (r: NodeAnswer) => boolean = (r) => r.status === 429,
  ): Promise<Trip> {
    const windowMs = windowSeconds * 1000;
    const t0 = Date.now();
    const answers: Trip["answers"] = [];
    let trippedAt = -1;
    let refusal: NodeAnswer | null = null;
    for (let i = 0; i < max + 2 && trippedAt < 0; i++) {
      const node = nodes()[i % 2]!;
      const r = await request(node, i);
      answers.push({ node: node.id, status: r.status, code: r.body?.error?.code });
      if (refused(r)) {
        trippedAt = i + 1;
        refusal = r;
      }
    }
    const crossedWindow = Math.floor(t0 / windowMs) !== Math.floor(Date.now() / windowMs);
    return { trippedAt, answers, refusal, crossedWindow };
  }

  /** Run a scenario; once more with a fresh key if it straddled a window boundary. */
  async function tripOnce(run: () => Promise<Trip>): Promise<Trip> {
    const first = await run();
    return first.crossedWindow ? run() : first;
  }

  function expectRateLimited(r: NodeAnswer | null, max: number) {
    expect(r?.status).toBe(429);
    expect(r?.body?.error).toMatchObject({ code: "RATE_LIMITED", message: expect.any(String) });
    expect(Number(r?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(r?.headers.get("x-ratelimit-limit")).toBe(String(max));
    expect(r?.headers.get("x-ratelimit-remaining")).toBe("0");
  }

  it("login: the 31st attempt from one address is 429 on either node; another address still gets in", async () => {
    let address = "";
    const trip = await tripOnce(() => {
      address = freshAddress();
      return drive(LOGIN.max, LOGIN.windowSeconds, (node, i) =>
        send(node.url, "POST", "/api/auth/login", {
          // unknown accounts: the per-account lock (5 failures) never interferes
          json: { email: `nobody.${address}.${i}@zona.demo`, password: "not-the-password" },
          headers: { "x-forwarded-for": address },
        }),
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(LOGIN.max + 1);
    expect(trip.answers.slice(0, LOGIN.max).every((x) => x.status === 401)).toBe(true);
    expect(new Set(trip.answers.map((x) => x.node))).toEqual(new Set(["a", "b"]));
    expectRateLimited(trip.refusal, LOGIN.max);
    // both nodes refuse this address now, even with the right password
    for (const node of nodes()) {
      const r = await send(node.url, "POST", "/api/auth/login", {
        json: { email: "kepala.bekasi@zona.demo", password: "Demo-Zona-2026" },
        headers: { "x-forwarded-for": address },
      });
      expectRateLimited(r, LOGIN.max);
    }
    // another address is not affected, on either node
    const other = freshAddress();
    for (const node of nodes()) {
      const r = await send(node.url, "POST", "/api/auth/login", {
        json: { email: "kepala.bekasi@zona.demo", password: "Demo-Zona-2026" },
        headers: { "x-forwarded-for": other },
      });
      expect(r.status).toBe(200);
    }
  }, 120_000);

  const complaint = (i: number) => ({
    unitCode: "KPKNL-BEKASI",
    category: "pengaduan",
    service: "Lelang",
    description: `Uang jaminan lelang belum kembali setelah dua minggu (uji batas ${i}).`,
  });

  it("complaint form: the request after PUBLIC_LIMITS.intake is 429 from whichever node; nothing stored for it", async () => {
    const { max, windowSeconds } = PUBLIC_LIMITS.intake;
    const countCases = async () =>
      Number((await db.query<{ n: number }>("select count(*)::int as n from cmp_cases"))[0]!.n);
    let before = 0;
    let address = "";
    const trip = await tripOnce(async () => {
      address = freshAddress();
      before = await countCases();
      return drive(max, windowSeconds, (node, i) =>
        send(node.url, "POST", "/api/public/complaints", {
          json: complaint(i),
          headers: { "x-forwarded-for": address },
        }),
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(max + 1);
    expect(trip.answers.slice(0, max).every((x) => x.status === 201)).toBe(true);
    expectRateLimited(trip.refusal, max);
    // every accepted complaint is stored once, the refused one is not
    expect((await countCases()) - before).toBe(max);
    const fresh = await send(b.url, "POST", "/api/public/complaints", {
      json: complaint(999),
      headers: { "x-forwarded-for": freshAddress() },
    });
    expect(fresh.status).toBe(201);
  }, 120_000);

  it("complaint tracking: the lookup after PUBLIC_LIMITS.track is 429, also for the right code and secret", async () => {
    const { max, windowSeconds } = PUBLIC_LIMITS.track;
    const made = await send(a.url, "POST", "/api/public/complaints", {
      json: complaint(1000),
      headers: { "x-forwarded-for": freshAddress() },
    });
    expect(made.status).toBe(201);
    const { code, secret } = made.body as { code: string; secret: string };
    let address = "";
    const trip = await tripOnce(() => {
      address = freshAddress();
      return drive(max, windowSeconds, (node, i) =>
        send(node.url, "POST", "/api/public/complaints/track", {
          // guessing: wrong secrets, with the right one every fifth time
          json: { code, secret: i % 5 === 0 ? secret : "AAAA-AAAA-AAAA-AAAA" },
          headers: { "x-forwarded-for": address },
        }),
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(max + 1);
    expect(trip.answers.slice(0, max).every((x) => x.status === 200 || x.status === 404)).toBe(true);
    expectRateLimited(trip.refusal, max);
    for (const node of nodes()) {
      const r = await send(node.url, "POST", "/api/public/complaints/track", {
        json: { code, secret },
        headers: { "x-forwarded-for": address },
      });
      expectRateLimited(r, max);
    }
    const other = await send(b.url, "POST", "/api/public/complaints/track", {
      json: { code, secret },
      headers: { "x-forwarded-for": freshAddress() },
    });
    expect(other.status).toBe(200);
    expect(other.body.code).toBe(code);
  }, 120_000);

  it("service-request tracking (ALASCA): guessing numbers stops at REQUEST_LIMITS.track on either node", async () => {
    const { max, windowSeconds } = REQUEST_LIMITS.track;
    let address = "";
    const trip = await tripOnce(() => {
      address = freshAddress();
      return drive(max, windowSeconds, (node, i) =>
        send(node.url, "POST", "/api/public/requests/track", {
          // guessing neighbouring numbers, with a wrong secret
          json: { number: DEMO_NUMBER(1 + (i % 9)), secret: "AAAA-AAAA-AAAA-AAAA" },
          headers: { "x-forwarded-for": address },
        }),
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(max + 1);
    expect(trip.answers.slice(0, max).every((x) => x.status === 200 || x.status === 404)).toBe(true);
    expectRateLimited(trip.refusal, max);
    for (const node of nodes()) {
      const r = await send(node.url, "POST", "/api/public/requests/track", {
        json: { number: DEMO_NUMBER(1), secret: DEMO_SECRET(1) },
        headers: { "x-forwarded-for": address },
      });
      expectRateLimited(r, max);
    }
    const other = await send(a.url, "POST", "/api/public/requests/track", {
      json: { number: DEMO_NUMBER(1), secret: DEMO_SECRET(1) },
      headers: { "x-forwarded-for": freshAddress() },
    });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ number: DEMO_NUMBER(1), detailed: true });
  }, 120_000);

  it("survey form: submissions from one address stop at the period's limit on both nodes; refused ones write nothing", async () => {
    const [period] = await db.query<{
      id: string;
      code: string;
      rate_max: number;
      rate_window_minutes: number;
    }>(
      `select id, code, rate_max, rate_window_minutes from survey_periods
        where status = 'open' and starts_on <= $1 and ends_on >= $1 order by code limit 1`,
      [new Date().toISOString().slice(0, 10)],
    );
    expect(period, "the demo office has an open survey period").toBeDefined();
    const form = await send(a.url, "GET", `/api/public/surveys/${period!.code}`);
    expect(form.status).toBe(200);
    expect(form.body.state).toBe("open");
    const scores = Object.fromEntries(
      (form.body.kind.elements as Array<{ code: string }>).map((e) => [e.code, 4]),
    );
    const serviceType = (form.body.serviceTypes as string[])[0];
    const max = Math.min(period!.rate_max, SUBMIT_LIMIT.max);
    const windowSeconds =
      period!.rate_max <= SUBMIT_LIMIT.max ? period!.rate_window_minutes * 60 : SUBMIT_LIMIT.windowSeconds;
    const countResponses = async () =>
      Number(
        (
          await db.query<{ n: number }>(
            "select count(*)::int as n from survey_responses where period_id = $1",
            [period!.id],
          )
        )[0]!.n,
      );
    let before = 0;
    let address = "";
    const trip = await tripOnce(async () => {
      address = freshAddress();
      before = await countResponses();
      return drive(max, windowSeconds, (node) =>
        // no device cookie: every submission is a new device, so only the rate limit stops them
        send(node.url, "POST", `/api/public/surveys/${period!.code}/responses`, {
          json: { scores, ...(serviceType ? { serviceType } : {}) },
          headers: { "x-forwarded-for": address },
        }),
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(max + 1);
    expect(trip.answers.slice(0, max).every((x) => x.status === 201)).toBe(true);
    expect(trip.refusal?.status).toBe(429);
    expect(trip.refusal?.body?.error?.code).toBe("RATE_LIMITED");
    expect(Number(trip.refusal?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await countResponses()) - before).toBe(max); // the refused submission wrote nothing
    const other = await send(b.url, "POST", `/api/public/surveys/${period!.code}/responses`, {
      json: { scores, ...(serviceType ? { serviceType } : {}) },
      headers: { "x-forwarded-for": freshAddress() },
    });
    expect(other.status).toBe(201);
  }, 120_000);

  it("whistle-blowing follow-up: after FOLLOW_MAX_FAILURES wrong secrets for a code, both nodes refuse it; another code is fine", async () => {
    const pow = async (node: ZonaNode) => {
      const c = await send(node.url, "GET", "/api/public/wbs/challenge");
      expect(c.status).toBe(200);
      return { challenge: c.body.challenge as string, nonce: solveChallenge(c.body.challenge) };
    };
    const report = async (node: ZonaNode) => {
      const r = await send(node.url, "POST", "/api/public/wbs/units/KPKNL-BEKASI/reports", {
        json: {
          pow: await pow(node),
          category: "pungli",
          subject: "Petugas loket",
          description: "Diminta uang tambahan untuk mempercepat salinan risalah lelang.",
        },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as { code: string; secret: string };
    };
    let target = { code: "", secret: "" };
    const trip = await tripOnce(async () => {
      target = await report(a);
      return drive(
        FOLLOW_MAX_FAILURES,
        FOLLOW_WINDOW_SECONDS,
        async (node) =>
          send(node.url, "POST", "/api/public/wbs/follow", {
            json: { pow: await pow(node), code: target.code, secret: "salah-salah-salah" },
            // a different address each time: this limit is per report code, not per address
            headers: { "x-forwarded-for": freshAddress() },
          }),
        (r) => r.status === 429,
      );
    });
    expect(trip.trippedAt, JSON.stringify(trip.answers)).toBe(FOLLOW_MAX_FAILURES + 1);
    expect(trip.answers.slice(0, FOLLOW_MAX_FAILURES).every((x) => x.code === "WBS_ACCESS_DENIED")).toBe(
      true,
    );
    expect(trip.refusal?.body?.error?.code).toBe("WBS_TOO_MANY_ATTEMPTS");
    // locked on both nodes, even with the right secret
    for (const node of nodes()) {
      const r = await send(node.url, "POST", "/api/public/wbs/follow", {
        json: { pow: await pow(node), code: target.code, secret: target.secret },
      });
      expect(r.status).toBe(429);
      expect(r.body?.error?.code).toBe("WBS_TOO_MANY_ATTEMPTS");
    }
    // another report opens normally
    const other = await report(b);
    const ok = await send(a.url, "POST", "/api/public/wbs/follow", {
      json: { pow: await pow(a), code: other.code, secret: other.secret },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.code).toBe(other.code);
  }, 180_000);

  it("neither node crashed along the way", () => {
    for (const n of nodes()) expect(n.alive(), n.output()).toBe(true);
  });
});
