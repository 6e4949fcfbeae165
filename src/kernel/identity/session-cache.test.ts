import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, openSqlite } from "../db/database";
import { buildTestApp, type Session, type TestApp } from "../testing";

// On SQLite, sessions and the caller's units are answered from memory until any row is written
// (StampedCache). These are the ways a cached answer could outlive the truth; each must not.
// Writes by another process are seen within 200 ms (sqliteChangeStamp); this waits that long.
const OTHER_PROCESS_MS = 250;

describe("session cache on a SQLite file", () => {
  let dir: string;
  let path: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zona-session-cache-"));
    path = join(dir, "zona.db");
    t = await buildTestApp({ lane: { name: "sqlite", create: async () => createDatabase(`file:${path}`) } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const units = (request: Session["request"]) => request({ method: "GET", url: "/api/me/units" });

  it("a logout ends the session at the next request, though the session was served from memory", async () => {
    const s = await t.login("pegawai@zona.demo");
    expect((await units(s.request)).statusCode).toBe(200);
    expect((await units(s.request)).statusCode).toBe(200);
    expect((await s.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await units(s.request)).statusCode).toBe(401);
  });

  it("a user disabled by another process on the same file (the zona CLI) is refused within 200 ms", async () => {
    const s = await t.login("media@zona.demo");
    expect((await units(s.request)).statusCode).toBe(200);
    const cli = openSqlite(path);
    cli.prepare("update users set status = 'disabled' where email = ?").run("media@zona.demo");
    cli.close();
    await new Promise((r) => setTimeout(r, OTHER_PROCESS_MS));
    expect((await units(s.request)).statusCode).toBe(401);
  });

  it("roles removed by another process change the units the caller sees within 200 ms", async () => {
    const s = await t.login("kepala.kanwil@zona.demo");
    const before = (await units(s.request)).json().items.length;
    expect(before).toBeGreaterThan(1);
    const cli = openSqlite(path);
    cli
      .prepare("delete from role_assignments where user_id = (select id from users where email = ?)")
      .run("kepala.kanwil@zona.demo");
    cli.close();
    await new Promise((r) => setTimeout(r, OTHER_PROCESS_MS));
    expect((await units(s.request)).json().items).toEqual([]);
  });

  it("a unit renamed through the API shows its new name in the next units list", async () => {
    const admin = await t.login("admin@zona.demo");
    const s = await t.login("kepala.bekasi@zona.demo");
    const listed = (await units(s.request)).json().items as Array<{ id: string; name: string }>;
    const bekasi = listed.find((u) => u.name === "KPKNL Bekasi")!;
    const r = await admin.request({
      method: "PATCH",
      url: `/api/units/${bekasi.id}`,
      payload: { name: "KPKNL Bekasi (baru)" },
    });
    expect(r.statusCode).toBe(200);
    const after = (await units(s.request)).json().items as Array<{ id: string; name: string }>;
    expect(after.find((u) => u.id === bekasi.id)!.name).toBe("KPKNL Bekasi (baru)");
  });
});
