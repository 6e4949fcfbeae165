import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, buildUrl, configureApi, getCsrfToken, issuesByPath, setCsrfToken } from "./api";

function respond(status: number, body?: unknown, contentType = "application/json") {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), {
        status,
        headers: { "content-type": contentType },
      }),
  );
}

function headersOf(fetchMock: ReturnType<typeof respond>, call = 0): Headers {
  return new Headers(fetchMock.mock.calls[call]?.[1]?.headers);
}

afterEach(() => {
  setCsrfToken(null);
  configureApi({ onUnauthorized: undefined, getLanguage: () => "id" });
});

describe("api client", () => {
  it("sends JSON with same-origin credentials and the UI language", async () => {
    const f = respond(200, { ok: true });
    configureApi({ fetch: f as unknown as typeof fetch, getLanguage: () => "en" });
    await expect(api.post("/api/things", { a: 1 })).resolves.toEqual({ ok: true });
    const init = f.mock.calls[0]![1]!;
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(init.body).toBe('{"a":1}');
    expect(headersOf(f).get("content-type")).toBe("application/json");
    expect(headersOf(f).get("accept-language")).toBe("en");
  });

  it("remembers the CSRF token from /api/me and sends it on writes only", async () => {
    const me = respond(200, { user: {}, csrfToken: "tok-1" });
    configureApi({ fetch: me as unknown as typeof fetch });
    await api.get("/api/me");
    expect(getCsrfToken()).toBe("tok-1");
    expect(headersOf(me).get("x-csrf-token")).toBeNull();

    const w = respond(204);
    configureApi({ fetch: w as unknown as typeof fetch });
    await api.patch("/api/users/1", { name: "x" });
    await api.delete("/api/users/1/assignments/2");
    await api.get("/api/users");
    expect(headersOf(w, 0).get("x-csrf-token")).toBe("tok-1");
    expect(headersOf(w, 1).get("x-csrf-token")).toBe("tok-1");
    expect(headersOf(w, 2).get("x-csrf-token")).toBeNull();
  });

  it("sends no body and no content type on a bare POST", async () => {
    const f = respond(204);
    configureApi({ fetch: f as unknown as typeof fetch });
    await expect(api.post("/api/auth/logout")).resolves.toBeUndefined();
    expect(f.mock.calls[0]![1]!.body).toBeUndefined();
    expect(headersOf(f).get("content-type")).toBeNull();
  });

  it("throws ApiError carrying the server's envelope", async () => {
    const f = respond(409, {
      error: {
        code: "ORG_CODE_TAKEN",
        message: "Kode unit X sudah dipakai unit lain.",
        params: { code: "X" },
        issues: [{ path: "body.code", message: "dipakai" }],
        requestId: "r-1",
      },
    });
    configureApi({ fetch: f as unknown as typeof fetch });
    const err = (await api.post("/api/units", {}).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.code).toBe("ORG_CODE_TAKEN");
    expect(err.message).toBe("Kode unit X sudah dipakai unit lain.");
    expect(err.params).toEqual({ code: "X" });
    expect(err.requestId).toBe("r-1");
    expect(err.fromServer).toBe(true);
    expect(issuesByPath(err)).toEqual({ code: "dipakai" });
  });

  it("turns a non-JSON failure and a network failure into client-side codes", async () => {
    configureApi({ fetch: respond(502, "<html>Bad gateway</html>", "text/html") as unknown as typeof fetch });
    const bad = (await api.get("/api/x").catch((e) => e)) as ApiError;
    expect(bad.code).toBe("HTTP_502");
    expect(bad.fromServer).toBe(false);

    configureApi({
      fetch: vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }) as unknown as typeof fetch,
    });
    const net = (await api.get("/api/x").catch((e) => e)) as ApiError;
    expect(net.code).toBe("NETWORK_ERROR");
    expect(net.status).toBe(0);
  });

  it("reports a 401 as 'session ended' only when there was a session, and not for login", async () => {
    const onUnauthorized = vi.fn();
    const unauth = { error: { code: "SESSION_EXPIRED", message: "Sesi berakhir", requestId: "r" } };
    configureApi({ fetch: respond(401, unauth) as unknown as typeof fetch, onUnauthorized });

    await api.get("/api/me").catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled(); // no session yet: just not signed in

    setCsrfToken("tok");
    await api.post("/api/auth/login", { email: "a", password: "b" }).catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled(); // wrong password is not a session ending

    configureApi({
      fetch: respond(401, {
        error: { code: "AUTH_TOTP_INVALID", message: "Kode salah" },
      }) as unknown as typeof fetch,
    });
    await api.post("/api/auth/totp/enable", { code: "000000" }).catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled(); // a wrong code is not a session ending either
    expect(getCsrfToken()).toBe("tok");

    configureApi({ fetch: respond(401, unauth) as unknown as typeof fetch });
    await api.get("/api/audit").catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(getCsrfToken()).toBeNull();

    await api.get("/api/units").catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1); // only once per ended session
  });

  it("builds query strings without empty values", () => {
    expect(buildUrl("/api/audit", { unitId: "", action: "org.", limit: 10, beforeSeq: undefined })).toBe(
      "/api/audit?action=org.&limit=10",
    );
    expect(buildUrl("/api/users", {})).toBe("/api/users");
  });
});
