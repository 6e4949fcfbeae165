import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testLanes } from "../testing";
import { nulAt } from "./hooks";

/**
 * Found by the fuzz proof (test/proof/fuzz.test.ts): PostgreSQL text cannot hold U+0000, so a NUL in
 * a path parameter, a query value or a JSON string made the query fail and the route answer 500 on
 * PostgreSQL (SQLite stored it). Refused with 400 before validation, on every lane alike.
 */
describe("nulAt", () => {
  it("finds NUL in values and keys at any depth, and only there", () => {
    expect(nulAt({ a: [{ b: "x\u0000" }] }, "body")).toBe("body.a.0.b");
    expect(nulAt({ "k\u0000": 1 }, "body")).toBe("body");
    expect(nulAt("\u0000", "params")).toBe("params");
    expect(nulAt({ a: ["ok", 1, null, { b: "fine" }] }, "body")).toBeNull();
    expect(nulAt(Buffer.from([0, 0]), "body")).toBeNull();
    let deep: unknown = "\u0000";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(nulAt(deep, "body")).toMatch(/^body(\.0)+$/);
  });
});

describe.each(testLanes())("NUL in request input ($name)", (lane) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ lane });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ["GET", "/api/public/units/%00/standards", undefined, "params.code"],
    ["GET", "/api/public/units/KPKNL-BEKASI/standards?x=a%00", undefined, "querystring.x"],
    ["POST", "/api/public/complaints", { unitCode: "KPKNL-BEKASI\u0000" }, "body.unitCode"],
  ])("%s %s answers 400 naming where", async (method, url, payload, path) => {
    const res = await t.app.inject({ method: method as "GET", url, payload, remoteAddress: "10.7.7.7" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path }] });
  });

  it("a signed-in write with NUL in an id answers 400, not 500", async () => {
    const s = await t.login("kepala.bekasi@zona.demo");
    const res = await s.request({ method: "PUT", url: "/api/pact/rounds/a%00b/questions", payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("params.id");
  });
});
