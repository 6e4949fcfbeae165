import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { mergeMigrations } from "../db/migrations";
import type { ServerModule } from "../module";
import { buildTestApp, type TestApp } from "../testing";

describe("route declarations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it("every registered route declares a permission or public", () => {
    expect(t.routes.length).toBeGreaterThan(30);
    const undeclared = t.routes.filter((r) => r.access === "(none)");
    expect(undeclared).toEqual([]);
    const api = t.routes.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"));
    for (const r of api) expect(r.access).toMatch(/^(public|authenticated|permission:[a-z]+(\.[a-z_]+)+)$/);
    // Every permission a route names is one some module defines.
    const known = new Set(t.ctx.modules.flatMap((m) => m.permissions ?? []).map((p) => p.key));
    for (const r of api.filter((x) => x.access.startsWith("permission:")))
      expect(known).toContain(r.access.slice(11));
  });

  it("refuses to register a route that declares nothing", async () => {
    const rogue: ServerModule = {
      name: "rogue",
      routes: (app) => {
        app.get("/api/rogue", { schema: { response: { 200: z.object({}) } } }, async () => ({}));
      },
    };
    await expect(buildTestApp({ demo: false, modules: [...t.ctx.modules, rogue] })).rejects.toThrow(
      /GET \/api\/rogue declares no access/,
    );
  });

  it("names every migration by the house rule, once", () => {
    expect(() => mergeMigrations(t.ctx.modules.map((m) => m.migrations ?? {}))).not.toThrow();
    expect(() =>
      mergeMigrations([
        { "20260101T0000_x_a": { up: async () => {} } },
        { "20260101T0000_x_a": { up: async () => {} } },
      ]),
    ).toThrow(/duplicate/);
    expect(() => mergeMigrations([{ "2026-01-01_a": { up: async () => {} } }])).toThrow(/bad migration name/);
  });

  it("publishes an OpenAPI 3 document of every API route", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/me", "/api/units", "/api/audit", "/api/files"]),
    );
    expect(
      doc.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("email");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it("health and readiness", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ method: "GET", url: "/api/ready" })).json()).toEqual({
      status: "ready",
      database: "sqlite",
    });
  });

  it("sets security headers and a request id", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("bad input gets a clear 4xx in one envelope, and nothing is written", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("units")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async () => (await t.ctx.audit.verify()).count;

  it.each([
    ["malformed JSON", '{"code": ', "application/json", 400, "MALFORMED_JSON"],
    [
      "a wrong type",
      JSON.stringify({ code: 5, name: "x", kind: "kantor", parentId: null }),
      "application/json",
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an unknown field",
      JSON.stringify({ code: "A1", name: "x", kind: "kantor", parentId: null, evil: true }),
      "application/json",
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an unknown kind",
      JSON.stringify({ code: "A1", name: "x", kind: "castle", parentId: null }),
      "application/json",
      400,
      "VALIDATION_FAILED",
    ],
    [
      "a control character",
      JSON.stringify({ code: "A1", name: "x\u0000y", kind: "kantor", parentId: null }),
      "application/json",
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an oversized body",
      JSON.stringify({ code: "A1", name: "x".repeat(1_100_000), kind: "kantor", parentId: null }),
      "application/json",
      413,
      "BODY_TOO_LARGE",
    ],
    ["a non-JSON content type", "code=A1", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"],
  ])("%s", async (_label, payload, contentType, status, code) => {
    const admin = await t.login("admin@zona.demo");
    const [units, audits] = [await count(), await auditCount()];
    const res = await admin.request({
      method: "POST",
      url: "/api/units",
      payload,
      headers: { "content-type": contentType },
    });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.error).toMatchObject({
      code,
      requestId: expect.any(String),
      params: expect.any(Object),
      issues: expect.any(Array),
    });
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await count()).toBe(units);
    expect(await auditCount()).toBe(audits);
    expect((await t.ctx.audit.verify()).ok).toBe(true);
  });

  it("validation issues name the field", async () => {
    const admin = await t.login("admin@zona.demo");
    const res = await admin.request({
      method: "POST",
      url: "/api/units",
      payload: { code: "A 1", name: "", kind: "kantor", parentId: null },
    });
    const paths = res.json().error.issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.code", "body.name"]));
  });

  it("unknown API paths are 404 in the envelope; unauthenticated calls are 401", async () => {
    const nf = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe("NOT_FOUND");
    const anon = await t.app.inject({ method: "GET", url: "/api/units" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Silakan masuk terlebih dahulu.",
    });
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: "zona_session=forged" },
    });
    expect(forged.json().error.code).toBe("SESSION_EXPIRED");
  });
});

describe("the web app is served with a fallback for its own routes", () => {
  let t: TestApp;
  beforeAll(async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const root = mkdtempSync(`${tmpdir()}/zona-web-`);
    writeFileSync(`${root}/index.html`, "<!doctype html><title>Zona</title>");
    mkdirSync(`${root}/assets`);
    writeFileSync(`${root}/assets/app.js`, "console.log(1)");
    t = await buildTestApp({ demo: false, webRoot: root });
  });
  afterAll(() => t.close());

  it.each(["/", "/masuk", "/admin/audit", "/admin/units?x=1"])(
    "GET %s answers the app's index.html",
    async (url) => {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.body).toMatch(/<title>Zona/);
    },
  );

  it("a missing asset or API path is a 404, not the app", async () => {
    const asset = await t.app.inject({ method: "GET", url: "/assets/app.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
    expect((await t.app.inject({ method: "GET", url: "/assets/nope.js" })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/nope" })).json().error.code).toBe("NOT_FOUND");
  });
});
