import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testLanes } from "../testing";

describe.each(testLanes())("work units and scope on $name", (lane) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ lane });
  });
  afterAll(() => t.close());

  it("a KPKNL Bekasi user sees only its own unit; the Kanwil evaluator sees both KPKNLs", async () => {
    const bekasi = await t.login("kepala.bekasi@zona.demo");
    const codes = (await bekasi.request({ method: "GET", url: "/api/me/units" }))
      .json()
      .items.map((u: any) => u.code);
    expect(codes).toEqual(["KPKNL-BEKASI"]);
    const tpi = await t.login("tpi@zona.demo");
    const tpiCodes = (await tpi.request({ method: "GET", url: "/api/units" }))
      .json()
      .items.map((u: any) => u.code)
      .sort();
    expect(tpiCodes).toEqual(["KANWIL-JABAR", "KPKNL-BANDUNG", "KPKNL-BEKASI"]);
  });

  it("refuses the sibling KPKNL's data with 403 OUT_OF_SCOPE", async () => {
    const bekasi = await t.login("kepala.bekasi@zona.demo");
    const own = await bekasi.request({ method: "GET", url: `/api/units/${t.units["KPKNL-BEKASI"]}` });
    expect(own.statusCode).toBe(200);
    const sibling = await bekasi.request({ method: "GET", url: `/api/units/${t.units["KPKNL-BANDUNG"]}` });
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json().error.code).toBe("OUT_OF_SCOPE");
    const audit = await bekasi.request({
      method: "GET",
      url: `/api/audit?unitId=${t.units["KPKNL-BANDUNG"]}`,
    });
    expect(audit.statusCode).toBe(403);
    const users = await bekasi.request({
      method: "GET",
      url: `/api/users?unitId=${t.units["KPKNL-BANDUNG"]}`,
    });
    expect(users.statusCode).toBe(403);
  });

  it("lists only users and audit rows in scope", async () => {
    const bekasi = await t.login("kepala.bekasi@zona.demo");
    const users = (await bekasi.request({ method: "GET", url: "/api/users" })).json().items;
    expect(users.length).toBe(11);
    expect(users.map((u: any) => u.email)).not.toContain("kepala.bandung@zona.demo");
    const events = (await bekasi.request({ method: "GET", url: "/api/audit?limit=200" })).json().items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: any) => e.unitId === t.units["KPKNL-BEKASI"])).toBe(true);
  });

  it("an employee without org.unit.write cannot create units (403 FORBIDDEN)", async () => {
    const s = await t.login("pegawai@zona.demo");
    const r = await s.request({
      method: "POST",
      url: "/api/units",
      payload: { code: "X", name: "X", kind: "kantor", parentId: t.units["KPKNL-BEKASI"] },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe("FORBIDDEN");
  });

  it("the administrator creates, renames and moves units; a cycle is refused", async () => {
    const admin = await t.login("admin@zona.demo");
    const created = await admin.request({
      method: "POST",
      url: "/api/units",
      payload: {
        code: "KANWIL-DKI",
        name: "Kanwil DJKN DKI Jakarta",
        kind: "kanwil",
        parentId: t.units.DJKN,
      },
    });
    expect(created.statusCode).toBe(201);
    const kanwil = created.json();
    expect(kanwil).toMatchObject({ depth: 2, zone: "WIB" });
    const kpknl = (
      await admin.request({
        method: "POST",
        url: "/api/units",
        payload: { code: "KPKNL-JKT1", name: "KPKNL Jakarta I", kind: "kantor", parentId: kanwil.id },
      })
    ).json();
    const dup = await admin.request({
      method: "POST",
      url: "/api/units",
      payload: { code: "KPKNL-JKT1", name: "dup", kind: "kantor", parentId: kanwil.id },
    });
    expect(dup.statusCode).toBe(409);
    const renamed = await admin.request({
      method: "PATCH",
      url: `/api/units/${kpknl.id}`,
      payload: { name: "KPKNL Jakarta I (baru)" },
    });
    expect(renamed.json().name).toBe("KPKNL Jakarta I (baru)");
    // Move the Kanwil (with its KPKNL) under the ministry directly; the child's path follows.
    const moved = await admin.request({
      method: "POST",
      url: `/api/units/${kanwil.id}/move`,
      payload: { parentId: t.units.KEMENKEU },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().depth).toBe(1);
    const child = (await admin.request({ method: "GET", url: `/api/units/${kpknl.id}` })).json();
    expect(child.path.startsWith(moved.json().path)).toBe(true);
    expect(child.depth).toBe(2);
    const cycle = await admin.request({
      method: "POST",
      url: `/api/units/${kanwil.id}/move`,
      payload: { parentId: kpknl.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe("ORG_MOVE_CYCLE");
    const subtree = (await admin.request({ method: "GET", url: `/api/units/${kanwil.id}/subtree` })).json()
      .items;
    expect(subtree.map((u: any) => u.code)).toEqual(["KANWIL-DKI", "KPKNL-JKT1"]);
    expect((await t.ctx.audit.verify()).ok).toBe(true);
  });

  it("user administration: create in scope, no role escalation, no writes outside the unit", async () => {
    const admin = await t.login("admin@zona.demo");
    const created = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "Baru@Zona.Demo",
        name: "Pegawai Baru",
        nip: "199001012020121001",
        roleKey: "employee",
        unitId: t.units["KPKNL-BEKASI"],
        password: "Sandi-Pegawai-2026x",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe("baru@zona.demo");
    const id = created.json().id;
    const dup = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "baru@zona.demo", name: "x", roleKey: "employee", unitId: t.units["KPKNL-BEKASI"] },
    });
    expect(dup.statusCode).toBe(409);
    const assign = await admin.request({
      method: "POST",
      url: `/api/users/${id}/assignments`,
      payload: { roleKey: "change_agent", unitId: t.units["KPKNL-BEKASI"] },
    });
    expect(assign.statusCode).toBe(201);
    const me = await t.login("baru@zona.demo", "Sandi-Pegawai-2026x");
    expect(
      (await me.request({ method: "GET", url: "/api/me" }))
        .json()
        .assignments.map((a: any) => a.roleKey)
        .sort(),
    ).toEqual(["change_agent", "employee"]);
    // The head of office has no identity.user.write: creating users is refused.
    const head = await t.login("kepala.bekasi@zona.demo");
    const refused = await head.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "y@zona.demo", name: "y", roleKey: "admin", unitId: t.units["KPKNL-BEKASI"] },
    });
    expect(refused.statusCode).toBe(403);
    const removed = await admin.request({
      method: "DELETE",
      url: `/api/users/${id}/assignments/${assign.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    const disabled = await admin.request({
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { status: "disabled" },
    });
    expect(disabled.json().status).toBe("disabled");
    expect((await me.request({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });

  it("a unit administrator cannot grant a role above their own", async () => {
    const admin = await t.login("admin@zona.demo");
    // A custom role at KPKNL level that may manage users but not roles.
    const role = await admin.request({
      method: "PUT",
      url: "/api/roles/unit_admin",
      payload: {
        name: { id: "Admin Unit", en: "Unit admin" },
        permissions: ["org.unit.read", "identity.user.read", "identity.user.write"],
      },
    });
    expect(role.statusCode).toBe(204);
    await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "admin.unit@zona.demo",
        name: "Admin Unit",
        roleKey: "unit_admin",
        unitId: t.units["KPKNL-BEKASI"],
        password: "Admin-Unit-Sandi",
      },
    });
    const ua = await t.login("admin.unit@zona.demo", "Admin-Unit-Sandi");
    const up = await ua.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "z@zona.demo", name: "z", roleKey: "admin", unitId: t.units["KPKNL-BEKASI"] },
    });
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe("IDENTITY_ROLE_ESCALATION");
    const elsewhere = await ua.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "z@zona.demo", name: "z", roleKey: "unit_admin", unitId: t.units["KPKNL-BANDUNG"] },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe("OUT_OF_SCOPE");
    const ok = await ua.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "z@zona.demo", name: "z", roleKey: "unit_admin", unitId: t.units["KPKNL-BEKASI"] },
    });
    expect(ok.statusCode).toBe(201);
  });
});
