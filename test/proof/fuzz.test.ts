/**
 * Proof: hostile input breaks nothing (issue 8, part 2). Property-based fuzzing with fast-check over
 * every public route, every JSON request body in the OpenAPI document and every signed-in query
 * string — the list comes from the app's own route table, so a new route is fuzzed the day it is
 * added. Each answer must be a 2xx (or a 3xx from the docs page) or a 4xx in the error envelope,
 * never a 5xx or a hang; a 4xx must leave every table's row count unchanged; no `__proto__` key may
 * reach Object.prototype. See test/proof/fuzz/runner.ts.
 *
 * Seeded: FUZZ_SEED (default below) and FUZZ_RUNS (total cases, default 3000) from the environment.
 * The long run is `npm run proof:fuzz -- --runs N`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, pgliteLane, type TestApp } from "../../src/kernel/testing";
import { type FuzzReport, runFuzz, seedFromEnv, summaryLine } from "./fuzz/runner";
import { fuzzTargets } from "./fuzz/targets";

const SEED = seedFromEnv();
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

function explain(r: FuzzReport): string {
  return r.failures
    .map(
      (f) => `${f.kind} ${f.target} ${f.status ?? ""} ${f.detail}\n    ${f.request.method} ${f.request.url}`,
    )
    .join("\n");
}

describe(`fuzz (seed ${SEED}; reproduce with FUZZ_SEED=${SEED})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("aims at every public route and every JSON body the app declares", () => {
    const targets = fuzzTargets(t.routes, t.app.swagger() as any);
    const ids = new Set(targets.map((x) => x.id));
    const publicRoutes = t.routes.filter((r) => r.access === "public" && r.method !== "HEAD");
    for (const r of publicRoutes) expect(ids, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
    const withBody = targets.filter((x) => x.body);
    expect(withBody.length).toBeGreaterThan(50);
    // Known citizen-facing forms are there with their body schema.
    expect(targets.find((x) => x.id === "POST /api/public/complaints")?.body).toBeDefined();
    expect(targets.find((x) => x.id === "POST /api/auth/login")?.body).toBeDefined();
  });

  it(`${RUNS} seeded cases: only 2xx or enveloped 4xx, no half-writes, no pollution`, async () => {
    const report = await runFuzz(t, { runs: RUNS, seed: SEED, timeoutMs: 15_000 });
    console.log(
      `fuzz seed=${SEED} ${summaryLine(report)} ${JSON.stringify(report.statuses)} in ${(report.ms / 1000).toFixed(1)} s`,
    );
    expect(report.failures, explain(report)).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(RUNS);
    expect(report.statuses["2xx"] ?? 0, "some cases must get through validation").toBeGreaterThan(0);
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
  }, 240_000);

  // Named regressions: each was a finding of this fuzzer, fixed at its source.
  describe("findings", () => {
    const isEnvelope = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }) => {
      const body = res.json();
      expect(Object.keys(body)).toEqual(["error"]);
      expect(Object.keys(body.error).sort()).toEqual(["code", "issues", "message", "params", "requestId"]);
      expect(body.error.requestId).toBe(res.headers["x-request-id"]);
      return body.error;
    };

    it.each([
      "/api/units/%zz",
      "/api/units/%C0%AE%C0%AE/subtree",
      "/api/public/surveys/a%ED%A0%80",
      "/api/units/%",
    ])("a path that is not valid percent-encoding (%s) answers 400 in the envelope", async (url) => {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(isEnvelope(res)).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "url" }] });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    });

    it("an over-long path parameter answers 400 in the envelope (was Fastify's own 414 shape)", async () => {
      const res = await t.app.inject({ method: "GET", url: `/api/public/surveys/${"x".repeat(201)}` });
      expect(res.statusCode).toBe(400);
      expect(isEnvelope(res).code).toBe("VALIDATION_FAILED");
    });

    it("the API reference's own document endpoints answer (were 500 for every request)", async () => {
      const json = await t.app.inject({
        method: "GET",
        url: "/api/docs/openapi.json?__proto__[polluted]=yes",
      });
      expect(json.statusCode).toBe(200);
      expect(json.json().paths["/api/health"]).toBeDefined();
      const yaml = await t.app.inject({ method: "GET", url: "/api/docs/openapi.yaml" });
      expect(yaml.statusCode).toBe(200);
      expect(yaml.body).toContain("/api/health");
      const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
    });

    it("office hours with a malformed time answer 400 naming the field (was 500: parseTime threw)", async () => {
      const admin = await t.login("admin@zona.demo");
      const res = await admin.request({
        method: "PUT",
        url: `/api/units/${t.units["KPKNL-BEKASI"]}/hours`,
        payload: { zone: "WIB", week: { "1": [{ start: "%2e%2e", end: "16:00" }] } },
      });
      expect(res.statusCode).toBe(400);
      const err = isEnvelope(res);
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.issues.map((i: { path: string }) => i.path)).toContain("body.week.1.0.start");
    });

    it.each(["/api/public/complaints/track/attachments", "/api/public/requests/uploads"])(
      "an upload to %s without a multipart boundary answers 400 (was 500)",
      async (url) => {
        if (!t.routes.some((r) => r.url === url)) return; // the module is not in this build
        const res = await t.app.inject({
          method: "POST",
          url,
          headers: { "content-type": "multipart/form-data" },
          payload: "{}",
          remoteAddress: "10.9.9.8",
        });
        expect(res.statusCode).toBe(400);
        expect(isEnvelope(res)).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "body" }] });
      },
    );

    it("__proto__ and constructor.prototype in a body are refused and pollute nothing", async () => {
      for (const payload of [
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
      ]) {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/public/complaints",
          headers: { "content-type": "application/json" },
          payload,
          remoteAddress: "10.9.9.9",
        });
        expect(res.statusCode).toBe(400);
        isEnvelope(res);
      }
      expect(({} as any).polluted).toBeUndefined();
    });
  });
});

// A smaller seeded run on PostgreSQL (PGlite): other SQL, other failure modes (type errors in
// parameters, overflow of integer columns).
describe(`fuzz on PGlite (seed ${SEED})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ lane: pgliteLane });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a smaller seeded run: only 2xx or enveloped 4xx, no half-writes", async () => {
    const runs = Math.max(200, Math.floor(RUNS / 5));
    const report = await runFuzz(t, { runs, seed: SEED + 1, timeoutMs: 15_000 });
    console.log(`fuzz pglite seed=${SEED + 1} ${summaryLine(report)} in ${(report.ms / 1000).toFixed(1)} s`);
    expect(report.failures, explain(report)).toEqual([]);
  }, 240_000);
});
