import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing";

// Over real HTTP (inject does not pass through the server factory): the liveness answer given by
// the server itself has the route's status and body, a request id, and the headers that matter for
// a JSON body; the document headers (CSP…) stay on every other answer.
describe("liveness answered by the HTTP server", () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp({ demo: false });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => t.close());

  const headersOf = (r: Response) => {
    const h: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      h[k] = v;
    });
    return h;
  };

  it("gives the route's status and body with the JSON headers and a fresh request id each time", async () => {
    const fast = await fetch(`${base}/api/health`);
    const routed = await fetch(`${base}/api/health?via=fastify`); // not the exact path: Fastify answers
    expect(fast.status).toBe(200);
    expect(routed.status).toBe(200);
    expect(await fast.json()).toEqual({ status: "ok" });
    expect(await routed.json()).toEqual({ status: "ok" });
    const a = headersOf(fast);
    const b = headersOf(routed);
    expect(a["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(a["x-request-id"]).not.toBe(b["x-request-id"]);
    for (const name of ["content-type", "x-content-type-options", "connection", "keep-alive"])
      expect(a[name], name).toBe(b[name]);
    expect(a["x-content-type-options"]).toBe("nosniff");
    expect(a["cache-control"]).toBe("no-store");
    expect(a["keep-alive"]).toBe("timeout=72");
    expect(a["set-cookie"]).toBeUndefined();
    // The routed answer (and every other one) keeps the document headers.
    expect(b["content-security-policy"]).toContain("default-src 'self'");
    expect(b["x-frame-options"]).toBe("SAMEORIGIN");
    const again = await fetch(`${base}/api/health`);
    expect(again.headers.get("x-request-id")).not.toBe(fast.headers.get("x-request-id"));
  });

  it("leaves every other request to Fastify (other methods, other paths)", async () => {
    const post = await fetch(`${base}/api/health`, { method: "POST" });
    expect(post.status).toBe(404);
    expect((await post.json()).error.code).toBe("NOT_FOUND");
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe("ready");
  });
});
