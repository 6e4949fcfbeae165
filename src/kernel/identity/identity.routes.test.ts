import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testLanes } from "../testing";
import { totp } from "./totp";

describe.each(testLanes())("identity routes on $name", (lane) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ lane });
  });
  afterAll(() => t.close());

  it("logs in, returns the user with role assignments, and logs out", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "Kepala.Bekasi@zona.demo", password: "Demo-Zona-2026" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "zona_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.secure).toBeFalsy();
    const headers = { cookie: `zona_session=${cookie.value}` };
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("kepala.bekasi@zona.demo");
    expect(me.json().assignments).toEqual([
      expect.objectContaining({
        roleKey: "head",
        unitCode: "KPKNL-BEKASI",
        roleName: { id: "Pimpinan (Kepala Kantor)", en: "Head of office" },
      }),
    ]);
    expect(me.json().permissions).toContain("audit.read");
    expect(me.json().demo).toBe(true);
    const csrf = me.json().csrfToken;
    // A cookie-authenticated write without the CSRF header is refused.
    expect((await t.app.inject({ method: "POST", url: "/api/auth/logout", headers })).json().error.code).toBe(
      "CSRF_FAILED",
    );
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/me", headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("SESSION_EXPIRED");
  });

  it("sets Secure cookies behind HTTPS", async () => {
    const https = await buildTestApp({ lane, env: { PUBLIC_URL: "https://zona.example.go.id" }, demo: true });
    try {
      const res = await https.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "pegawai@zona.demo", password: "Demo-Zona-2026" },
      });
      expect(res.cookies.find((c) => c.name === "zona_session")!.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it("answers wrong credentials with 401 in Indonesian, or English when asked", async () => {
    const id = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "tidak.ada@zona.demo", password: "salah-salah-salah" },
    });
    expect(id.statusCode).toBe(401);
    expect(id.json().error).toMatchObject({
      code: "AUTH_INVALID_CREDENTIALS",
      message: "E-mail atau kata sandi salah.",
    });
    expect(id.json().error.requestId).toBe(id.headers["x-request-id"]);
    const en = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en-US,en;q=0.9" },
      payload: { email: "x@zona.demo", password: "wrong-password" },
    });
    expect(en.json().error.message).toBe("Wrong e-mail or password.");
  });

  it("locks an account after five failures, across the whole database", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "media@zona.demo", password: `wrong-${i}-password` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "media@zona.demo", password: "Demo-Zona-2026" },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({ code: "AUTH_LOCKED", params: { minutes: 15 } });
    t.clock.advance(16 * 60_000);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "media@zona.demo", password: "Demo-Zona-2026" },
    });
    expect(ok.statusCode).toBe(200);
    const events = await t.ctx.audit.list({ unitPaths: "all", action: "identity.user.locked" });
    expect(events).toHaveLength(1);
  });

  it("throttles login attempts per client address", async () => {
    const limited = await buildTestApp({ lane, demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 32; i++) {
        const r = await limited.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: `u${i}@x.id`, password: "whatever-pass" },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
      expect(codes.slice(30)).toEqual([429, 429]);
      const r = await limited.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "a@x.id", password: "whatever-pass" },
      });
      expect(r.headers["retry-after"]).toBeDefined();
      expect(r.json().error.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });

  it("logout-everywhere ends every session of the user", async () => {
    const a = await t.login("anggota.zi@zona.demo");
    const b = await t.login("anggota.zi@zona.demo");
    expect((await b.request({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    expect((await a.request({ method: "POST", url: "/api/auth/logout-all" })).statusCode).toBe(204);
    expect((await b.request({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });

  it("expires idle sessions", async () => {
    const s = await t.login("bendahara@zona.demo");
    t.clock.advance(13 * 3600_000);
    const r = await s.request({ method: "GET", url: "/api/me" });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe("SESSION_EXPIRED");
  });

  it("enrols TOTP and then requires the code at login", async () => {
    const s = await t.login("koordinator.zi@zona.demo");
    const setup = await s.request({ method: "POST", url: "/api/auth/totp/setup" });
    expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.json().secret as string;
    expect(
      (await s.request({ method: "POST", url: "/api/auth/totp/enable", payload: { code: "000000" } }))
        .statusCode,
    ).toBe(401);
    const enable = await s.request({
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: totp(secret, t.clock.now()) },
    });
    expect(enable.statusCode).toBe(204);
    // The secret is sealed in the database, not stored in clear.
    const row = await t.db
      .selectFrom("users")
      .select("totp_secret")
      .where("email", "=", "koordinator.zi@zona.demo")
      .executeTakeFirstOrThrow();
    expect(String(row.totp_secret)).not.toContain(secret);
    const noCode = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "koordinator.zi@zona.demo", password: "Demo-Zona-2026" },
    });
    expect(noCode.json().error.code).toBe("AUTH_TOTP_REQUIRED");
    const withCode = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: {
        email: "koordinator.zi@zona.demo",
        password: "Demo-Zona-2026",
        totp: totp(secret, t.clock.now()),
      },
    });
    expect(withCode.statusCode).toBe(200);
  });

  it("issues scoped API tokens that cannot exceed the user's permissions", async () => {
    const s = await t.login("kepala.bekasi@zona.demo");
    const tooMuch = await s.request({
      method: "POST",
      url: "/api/auth/tokens",
      payload: { name: "x", scopes: ["org.unit.write"] },
    });
    expect(tooMuch.statusCode).toBe(403);
    expect(tooMuch.json().error.code).toBe("IDENTITY_TOKEN_SCOPE");
    const created = await s.request({
      method: "POST",
      url: "/api/auth/tokens",
      payload: { name: "dashboard", scopes: ["org.unit.read"], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: "GET", url: "/api/units", headers: bearer })).statusCode).toBe(200);
    // audit.read is the head's permission but not the token's scope.
    expect((await t.app.inject({ method: "GET", url: "/api/audit", headers: bearer })).statusCode).toBe(403);
    // Bearer requests need no CSRF token, and a revoked token stops working.
    const list = await s.request({ method: "GET", url: "/api/auth/tokens" });
    expect(list.json().items[0]).toMatchObject({ name: "dashboard", scopes: ["org.unit.read"] });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(
      (await s.request({ method: "DELETE", url: `/api/auth/tokens/${created.json().item.id}` })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: "GET", url: "/api/units", headers: bearer })).statusCode).toBe(401);
  });

  it("resets a password through an e-mailed link, without revealing unknown addresses", async () => {
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: "nobody@zona.demo" },
    });
    expect(unknown.statusCode).toBe(202);
    // Only mails enqueued by these requests count (the demo modules queue their own).
    const before = new Set(
      (await t.db.selectFrom("outbox").select("id").where("type", "=", "email").execute()).map((r) => r.id),
    );
    const known = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: "kekayaan@zona.demo" },
    });
    expect(known.statusCode).toBe(202);
    const mails = (await t.db.selectFrom("outbox").selectAll().where("type", "=", "email").execute()).filter(
      (m) => !before.has(m.id),
    );
    expect(mails).toHaveLength(1);
    const payload = JSON.parse(String(mails[0]!.payload));
    expect(payload.to).toBe("kekayaan@zona.demo");
    const token = decodeURIComponent(/token=([^\s]+)/.exec(payload.text)![1]!);
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "short" },
    });
    expect(weak.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "Kata-Sandi-Baru-2026" },
    });
    expect(ok.statusCode).toBe(204);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "Kata-Sandi-Baru-2027" },
    });
    expect(again.json().error.code).toBe("AUTH_RESET_INVALID");
    await t.login("kekayaan@zona.demo", "Kata-Sandi-Baru-2026");
  });
});

describe("logs hold no secrets", () => {
  it("a login and an authenticated request leave no password, session token or CSRF token in the logs", async () => {
    const t = await buildTestApp();
    try {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "pegawai@zona.demo", password: "Demo-Zona-2026" },
      });
      const token = res.cookies.find((c) => c.name === "zona_session")!.value;
      const csrf = res.json().csrfToken as string;
      await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "pegawai@zona.demo", password: "Salah-Sandi-123" },
      });
      await t.app.inject({
        method: "GET",
        url: "/api/me?secret=abc",
        headers: {
          cookie: `zona_session=${token}`,
          "user-agent": "Agent/1.0",
          "x-forwarded-for": "10.1.2.3",
        },
      });
      const all = t.logs.join("\n");
      expect(t.logs.length).toBeGreaterThan(3);
      for (const secret of [
        "Demo-Zona-2026",
        "Salah-Sandi-123",
        token,
        csrf,
        "secret=abc",
        "Agent/1.0",
        "127.0.0.1",
        "10.1.2.3",
      ]) {
        expect(all).not.toContain(secret);
      }
      expect(all).toContain('"path":"/api/me"');
    } finally {
      await t.close();
    }
  });
});
