/**
 * The authorisation matrix's world: the demo office plus one extra unit under KPKNL Bekasi (so a
 * "child" relation exists) and one unit in an unrelated branch of the ministry ("none"), and one
 * user per built-in role × unit relation, each created through the kernel's identity service with
 * exactly one role at one unit.
 *
 * The target of every case is KPKNL Bekasi (the seeded demo office, which holds data for every
 * module). The relation names where the *user's* role sits, seen from the target:
 *   own      the role is at KPKNL Bekasi itself                → in scope
 *   parent   the role is at Kanwil DJKN Jawa Barat (the parent) → in scope (a role covers its subtree)
 *   child    the role is at a unit below KPKNL Bekasi           → out of scope
 *   sibling  the role is at KPKNL Bandung                       → out of scope
 *   none     the role is at a unit in another branch            → out of scope
 */
import type { LightMyRequestResponse } from "fastify";
import { randomToken, sha256hex } from "../../../src/kernel/crypto";
import { type Actor, systemActor } from "../../../src/kernel/identity/actor";
import { builtinRoles } from "../../../src/kernel/identity/roles";
import type { ServerModule } from "../../../src/kernel/module";
import { buildTestApp, type Lane, type TestApp } from "../../../src/kernel/testing";

export const RELATIONS = ["own", "parent", "child", "sibling", "none"] as const;
export type Relation = (typeof RELATIONS)[number];
export const IN_SCOPE: ReadonlySet<Relation> = new Set(["own", "parent"]);
export const ROLES = builtinRoles.map((r) => r.key);

export interface UnitRef {
  id: string;
  code: string;
  path: string;
}

export interface MatrixUser {
  key: string;
  role: string;
  relation: Relation;
  userId: string;
  email: string;
  unit: UnitRef;
  permissions: ReadonlySet<string>;
  cookie: string;
  csrf: string;
}

export interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface World {
  t: TestApp;
  /** The roles the matrix users hold (all built-in roles unless narrowed). */
  roles: readonly string[];
  system: ReturnType<typeof systemActor>;
  /** The target (KPKNL Bekasi) and the unit of each relation. */
  target: UnitRef;
  units: Record<Relation, UnitRef> & { bandung: UnitRef; kanwil: UnitRef; bekasi: UnitRef };
  users: MatrixUser[];
  user(role: string, relation: Relation): MatrixUser;
  /** A request as `user` (null: without a session). Each call comes from its own address so the
   * public rate limits do not trip over the matrix's volume. */
  send(user: MatrixUser | null, req: Req): Promise<LightMyRequestResponse>;
  /** A signed-in session for a new user with `role` at `unitId` (for routes that end sessions). */
  freshUser(role: string, unit: UnitRef): Promise<MatrixUser>;
  /** The kernel's Actor for a matrix user (as its session resolves). */
  actorOf(u: MatrixUser): Promise<Actor>;
}

let seq = 0;

export async function buildWorld(
  lane: Lane,
  opts: { modules?: ServerModule[]; roles?: readonly string[] } = {},
): Promise<World> {
  const { modules, roles: roleKeys = ROLES } = opts;
  const t = await buildTestApp({ lane, modules });
  const system = systemActor("authz-matrix");
  const unitRef = async (code: string): Promise<UnitRef> => {
    const u = (await t.ctx.org.byCode(code))!;
    return { id: u.id, code: u.code, path: u.path };
  };
  const bekasi = await unitRef("KPKNL-BEKASI");
  const kanwil = await unitRef("KANWIL-JABAR");
  const bandung = await unitRef("KPKNL-BANDUNG");
  const child = await t.ctx.org.create(system, {
    code: "KPKNL-BEKASI-POS",
    name: "Pos Pelayanan KPKNL Bekasi di Cikarang",
    kind: "kawasan",
    parentId: bekasi.id,
  });
  const djp = await t.ctx.org.create(system, {
    code: "DJP",
    name: "Direktorat Jenderal Pajak",
    kind: "eselon1",
    parentId: t.units.KEMENKEU!,
  });
  const none = await t.ctx.org.create(system, {
    code: "KPP-BEKASI-UTARA",
    name: "KPP Pratama Bekasi Utara",
    kind: "kantor",
    parentId: djp.id,
  });
  const units = {
    own: bekasi,
    parent: kanwil,
    child: { id: child.id, code: child.code, path: child.path },
    sibling: bandung,
    none: { id: none.id, code: none.code, path: none.path },
    bandung,
    kanwil,
    bekasi,
  };

  const roles = new Map((await t.ctx.identity.listRoles()).map((r) => [r.key, r.permissions]));
  const now = () => t.clock.now();

  const makeUser = async (role: string, relation: Relation, unit: UnitRef): Promise<MatrixUser> => {
    const email = `m${++seq}.${role.replace(/_/g, "-")}.${relation}@matrix.test`;
    const created = await t.ctx.identity.createUser(system, {
      email,
      name: `Matrix ${role} ${relation}`,
      roleKey: role,
      unitId: unit.id,
    });
    // A session as POST /api/auth/login would write it (without paying argon2 seventy times).
    const token = randomToken(32);
    const csrf = randomToken(24);
    const at = now();
    await t.db
      .insertInto("sessions")
      .values({
        id: sha256hex(token),
        user_id: created.id,
        csrf_token: csrf,
        created_at: at.toISOString(),
        last_seen_at: at.toISOString(),
        expires_at: new Date(at.getTime() + 30 * 24 * 3600_000).toISOString(),
        user_agent: "authz-matrix",
      })
      .execute();
    return {
      key: `${role}@${relation}`,
      role,
      relation,
      userId: created.id,
      email,
      unit,
      permissions: new Set(roles.get(role) ?? []),
      cookie: `zona_session=${token}`,
      csrf,
    };
  };

  const users: MatrixUser[] = [];
  for (const role of roleKeys) for (const rel of RELATIONS) users.push(await makeUser(role, rel, units[rel]));
  const byKey = new Map(users.map((u) => [u.key, u]));

  let addr = 0;
  const send = (user: MatrixUser | null, r: Req) => {
    addr++;
    return t.app.inject({
      method: r.method as any,
      url: r.url,
      payload: r.payload as any,
      remoteAddress: `10.${(addr >> 16) & 255}.${(addr >> 8) & 255}.${addr & 255}`,
      headers: user ? { cookie: user.cookie, "x-csrf-token": user.csrf, ...r.headers } : r.headers,
    });
  };

  return {
    t,
    roles: roleKeys,
    system,
    target: bekasi,
    units,
    users,
    user: (role, rel) => byKey.get(`${role}@${rel}`)!,
    send,
    freshUser: (role, unit) => makeUser(role, "own", unit),
    actorOf: async (u) =>
      (await t.ctx.identity.actorFromSession(u.cookie.slice("zona_session=".length)))!.actor,
  };
}
