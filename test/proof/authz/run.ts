/**
 * Runs the matrix: builds each route's request from its fixture, sends it as every matrix user (and
 * anonymously) and judges the answer.
 *
 * The rule for an answer:
 *   - a non-public route without a session → 401;
 *   - missing permission → 403;
 *   - permission held but the target is outside the caller's subtree → 403, or 404 where a module
 *     deliberately hides existence (never 2xx; a unit-filtered list may answer 2xx when no row
 *     outside the caller's subtree comes back);
 *   - allowed → 2xx, or a 4xx domain error that is NOT 403/404, not a refusal of the pipeline
 *     (UNAUTHENTICATED, SESSION_EXPIRED, CSRF_FAILED, FORBIDDEN, OUT_OF_SCOPE) and not
 *     VALIDATION_FAILED (that would be a broken fixture): authorisation passed and the domain refused (e.g. 409 "already published" for the second allowed caller of a write, or
 *     400 for a rule of the domain). Writes run in order deny-first, so a denied caller always
 *     meets the record as the fixture made it; routes that destroy their record get a fresh one
 *     per case (`fresh`).
 *   - never a 5xx.
 * Every 2xx JSON answer to a signed-in caller is also searched for `unitId` fields: each must be
 * inside the caller's subtree.
 */
import type { LightMyRequestResponse } from "fastify";
import { form } from "../../../src/kernel/testing";
import { FIXTURES, type Fixture, type Fx, type Kind, makeFx } from "./fixtures";
import { sample } from "./sample";
import { IN_SCOPE, type MatrixUser, type Req, type World } from "./world";

export interface RouteRow {
  method: string;
  url: string;
  access: string;
}

export interface Outcome {
  route: string;
  who: string;
  expected: "allow" | "deny" | "unauth" | "public";
  status: number;
  ok: boolean;
  detail: string;
}

export function uncovered(routes: RouteRow[]): string[] {
  return routes
    .filter((r) => !FIXTURES[`${r.method} ${r.url}`])
    .map(
      (r) =>
        `route ${r.method} ${r.url} is not covered by the authorisation matrix: add a fixture in test/proof/authz/fixtures.ts`,
    );
}

function declaredKind(access: string): { kind: Kind; perm?: string } {
  if (access === "public") return { kind: "public" };
  if (access === "authenticated") return { kind: "self" };
  return { kind: "scoped", perm: access.replace(/^permission:/, "") };
}

function oapiPath(url: string) {
  return url.replace(/:([A-Za-z]+)/g, "{$1}");
}

export class Matrix {
  readonly fx: Fx;
  readonly outcomes: Outcome[] = [];
  private readonly paths = new Map<string, string>();
  constructor(
    readonly w: World,
    private readonly openapi: any,
    unitPaths: Array<{ id: string; path: string }>,
  ) {
    this.fx = makeFx(w);
    for (const u of unitPaths) this.paths.set(u.id, u.path);
  }

  private hintValues?: Record<string, unknown>;
  /** Values for body properties by name, wherever they appear: records of the target unit. */
  private async hints(): Promise<Record<string, unknown>> {
    if (this.hintValues) return this.hintValues;
    const f = this.fx;
    const staff = String(
      (
        await this.w.t.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", "pegawai@zona.demo")
          .executeTakeFirstOrThrow()
      ).id,
    );
    this.hintValues = {
      unitId: f.target.id,
      fileId: await f.file(),
      serviceId: await f.id("std_services"),
      channelIds: [await f.id("media_channels")],
      textHash: "0".repeat(64),
      agree: true,
      kindId: "skm-permenpanrb-14-2017",
      elementCode: "U1",
      userId: staff,
      ownerId: staff,
      assigneeId: staff,
      userIds: [staff],
      proposalDeadline: "12-01",
      questionKeys: [
        String(
          (
            await this.w.t.db
              .selectFrom("zi_answers")
              .select("question_key")
              .where("unit_id", "=", f.target.id)
              .orderBy("question_key")
              .executeTakeFirstOrThrow()
          ).question_key,
        ),
      ],
    };
    return this.hintValues;
  }

  private op(r: RouteRow) {
    return this.openapi.paths?.[oapiPath(r.url)]?.[r.method.toLowerCase()];
  }

  async request(r: RouteRow, f: Fixture, user?: MatrixUser): Promise<Req> {
    const params = f.params ? await f.params(this.fx, user) : {};
    const url = r.url.replace(/:([A-Za-z]+)/g, (_, k) => {
      if (!(k in params)) throw new Error(`fixture for ${r.method} ${r.url} gives no :${k}`);
      return encodeURIComponent(params[k]!);
    });
    const op = this.op(r);
    const hints = { byName: await this.hints() };
    const query: Record<string, string> = {};
    for (const p of op?.parameters ?? []) {
      if (p.in !== "query") continue;
      if (p.name === "unitId") query.unitId = this.fx.target.id;
      else if (p.required) query[p.name] = String(sample(p.schema, hints, p.name));
    }
    Object.assign(query, f.query ? f.query(this.fx) : {});
    const qs = new URLSearchParams(query).toString();
    const full = qs ? `${url}?${qs}` : url;
    if (f.form) {
      const m = form(await f.form(this.fx));
      return { method: r.method, url: full, payload: m.payload, headers: m.headers };
    }
    const schema = op?.requestBody?.content?.["application/json"]?.schema;
    const generic = schema ? sample(schema, hints) : undefined;
    const body = f.body ? await f.body(this.fx, generic) : generic;
    return { method: r.method, url: full, payload: body };
  }

  /** Run every case of one route; returns its outcomes. */
  async route(r: RouteRow): Promise<Outcome[]> {
    const key = `${r.method} ${r.url}`;
    const f = FIXTURES[key]!;
    const d = declaredKind(r.access);
    const kind = f.kind ?? (f.perm || f.permAny ? "scoped" : d.kind);
    const perms = f.perm ? [f.perm].flat() : d.perm ? [d.perm] : [];
    const out: Outcome[] = [];
    const push = (o: Omit<Outcome, "route">) => {
      const full = { route: key, ...o };
      out.push(full);
      this.outcomes.push(full);
    };
    let shared: Req;
    try {
      shared = await this.request(r, f);
    } catch (e) {
      push({ who: "fixture", expected: "allow", status: 0, ok: false, detail: String(e) });
      return out;
    }
    const reqFor = async (u?: MatrixUser) => (f.fresh ? this.request(r, f, u) : shared);

    if (kind === "public") {
      const res = await this.w.send(null, await reqFor());
      const ok = res.statusCode < 500 && !AUTH_CODES.has(code(res));
      push({ who: "anonymous", expected: "public", status: res.statusCode, ok, detail: brief(res) });
      return out;
    }
    const anon = await this.w.send(null, await reqFor());
    push({
      who: "anonymous",
      expected: "unauth",
      status: anon.statusCode,
      ok: anon.statusCode === 401,
      detail: brief(anon),
    });

    const holdsAll = (u: MatrixUser) =>
      f.permAny
        ? f.permAny.some((p) => u.permissions.has(p))
        : perms.length > 0 && perms.every((p) => u.permissions.has(p));
    const expectation = (u: MatrixUser): "allow" | "deny" => {
      if (kind === "self") return "allow";
      if (!holdsAll(u)) return "deny";
      if (kind === "global") return "allow";
      if (f.ownOnly) return u.relation === "own" ? "allow" : "deny";
      return IN_SCOPE.has(u.relation) ? "allow" : "deny";
    };
    // Deny-first: a refused write must meet the record as the fixture made it.
    const users = [...this.w.users].sort(
      (a, b) => Number(expectation(a) === "allow") - Number(expectation(b) === "allow"),
    );
    for (const listed of users) {
      const u = f.throwaway ? await this.w.freshUser(listed.role, listed.unit) : listed;
      const exp = expectation(listed);
      let req: Req;
      try {
        req = await reqFor(u);
      } catch (e) {
        push({ who: listed.key, expected: exp, status: 0, ok: false, detail: `fixture: ${e}` });
        continue;
      }
      const res = await this.w.send(u, req);
      const s = res.statusCode;
      const leak = s < 300 ? this.outOfScope(res, u) : [];
      let ok: boolean;
      if (s >= 500) ok = false;
      else if (exp === "allow")
        ok =
          s !== 403 &&
          (s !== 404 || !!f.allow404) &&
          !AUTH_CODES.has(code(res)) &&
          code(res) !== "VALIDATION_FAILED";
      else if (!holdsAll(listed)) ok = s === 403;
      else ok = s === 403 || s === 404 || (!!f.list && s < 300);
      if (leak.length) ok = false;
      push({
        who: listed.key,
        expected: exp,
        status: s,
        ok,
        detail: leak.length ? `rows of units outside the caller's subtree: ${leak.join(",")}` : brief(res),
      });
    }
    return out;
  }

  /**
   * A list route as seen from KPKNL Bekasi, KPKNL Bandung and the Kanwil, by a role that holds its
   * permission: each caller filters by its own unit where the route takes a unit. Returns the rows
   * (objects carrying a unitId) per caller and those outside the caller's subtree.
   */
  async listRows(r: RouteRow): Promise<ListCount | null> {
    const key = `${r.method} ${r.url}`;
    const f = FIXTURES[key]!;
    if (!f.list || r.method !== "GET") return null;
    const d = declaredKind(r.access);
    const perms = f.perm ? [f.perm].flat() : d.perm ? [d.perm] : [];
    const role = ["head", "zi_coordinator", "admin", ...this.w.roles]
      .filter((x) => this.w.roles.includes(x))
      .find((role) =>
        f.permAny
          ? f.permAny.some((p) => this.w.user(role, "own").permissions.has(p))
          : perms.every((p) => this.w.user(role, "own").permissions.has(p)),
      );
    if (!role) return null;
    const req = await this.request(r, f);
    const counts: ListCount = { route: key, role, rows: {}, outside: [], status: {} };
    for (const rel of ["own", "sibling", "parent"] as const) {
      const u = this.w.user(role, rel);
      const url = req.url.replace(this.fx.target.id, u.unit.id);
      const res = await this.w.send(u, { ...req, url });
      counts.status[u.unit.code] = res.statusCode;
      counts.rows[u.unit.code] = f.people ? -1 : this.unitRows(res).length;
      for (const id of this.outOfScope(res, u)) counts.outside.push(`${u.unit.code} saw a row of unit ${id}`);
      if (f.sqlTable && res.statusCode < 300) {
        const items = ((res.json() as any)?.items ?? []) as unknown[];
        const inSubtree = await this.w.t.db
          .selectFrom(`${f.sqlTable} as x`)
          .innerJoin("units as u", "u.id", "x.unit_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("u.path", "like", `${u.unit.path}%`)
          .executeTakeFirstOrThrow();
        counts.rows[u.unit.code] = items.length;
        if (items.length > Number(inSubtree.n))
          counts.outside.push(
            `${u.unit.code} saw ${items.length} rows, its subtree holds ${inSubtree.n} in ${f.sqlTable}`,
          );
      }
      if (f.people) {
        const outside = await this.peopleOutside(res, u);
        counts.rows[u.unit.code] = (res.json() as any)?.items?.length ?? 0;
        for (const id of outside) counts.outside.push(`${u.unit.code} saw user ${id} of another subtree`);
      }
    }
    return counts;
  }

  /**
   * The units a JSON answer's rows belong to: every `unitId` string, every `unit: { id }` object,
   * and every unit row itself (an object with the id and `path` of a known unit).
   */
  unitRows(res: LightMyRequestResponse): string[] {
    if (!String(res.headers["content-type"] ?? "").includes("json")) return [];
    let body: unknown;
    try {
      body = res.json();
    } catch {
      return [];
    }
    const ids: string[] = [];
    const walk = (v: unknown, depth: number) => {
      if (depth > 20 || v === null || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x, depth + 1);
        return;
      }
      const o = v as Record<string, unknown>;
      if (typeof o.id === "string" && typeof o.path === "string" && this.paths.has(o.id)) ids.push(o.id);
      for (const [k, x] of Object.entries(o)) {
        if (k === "unitId" && typeof x === "string") ids.push(x);
        else if (k === "unit" && x && typeof x === "object" && typeof (x as any).id === "string")
          ids.push((x as any).id);
        else walk(x, depth + 1);
      }
    };
    walk(body, 0);
    return ids;
  }

  /** Units of rows in a JSON answer that lie outside the caller's subtree. */
  outOfScope(res: LightMyRequestResponse, u: MatrixUser): string[] {
    const bad = new Set<string>();
    for (const id of this.unitRows(res)) {
      const p = this.paths.get(id);
      if (p && !p.startsWith(u.unit.path)) bad.add(id);
    }
    return [...bad];
  }

  /** People in a staff list (`id`/`userId` of users) who hold no role inside the caller's subtree. */
  async peopleOutside(res: LightMyRequestResponse, u: MatrixUser): Promise<string[]> {
    if (!String(res.headers["content-type"] ?? "").includes("json")) return [];
    const ids = new Set<string>();
    const walk = (v: unknown, depth: number) => {
      if (depth > 20 || v === null || typeof v !== "object") return;
      if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
      else
        for (const [k, x] of Object.entries(v)) {
          if ((k === "id" || k === "userId") && typeof x === "string") ids.add(x);
          else walk(x, depth + 1);
        }
    };
    walk(res.json(), 0);
    if (!ids.size) return [];
    const rows = await this.w.t.db
      .selectFrom("role_assignments as a")
      .innerJoin("units as u", "u.id", "a.unit_id")
      .select(["a.user_id", "u.path"])
      .where("a.user_id", "in", [...ids])
      .execute();
    const inside = new Set(
      rows.filter((r) => String(r.path).startsWith(u.unit.path)).map((r) => String(r.user_id)),
    );
    const users = new Set(rows.map((r) => String(r.user_id)));
    return [...ids].filter((id) => users.has(id) && !inside.has(id));
  }
}

export interface ListCount {
  route: string;
  role: string;
  /** Rows (objects carrying a unitId) by caller unit code. */
  rows: Record<string, number>;
  status: Record<string, number>;
  outside: string[];
}

/** Refusals of the request pipeline (not of a domain rule). */
const AUTH_CODES = new Set([
  "UNAUTHENTICATED",
  "SESSION_EXPIRED",
  "CSRF_FAILED",
  "FORBIDDEN",
  "OUT_OF_SCOPE",
]);

function code(res: LightMyRequestResponse): string {
  try {
    return String((res.json() as any)?.error?.code ?? "");
  } catch {
    return "";
  }
}

function brief(res: LightMyRequestResponse): string {
  const ct = String(res.headers["content-type"] ?? "");
  if (!ct.includes("json")) return ct;
  try {
    const j = res.json() as any;
    if (!j?.error?.code) return "json";
    const issues = j.error.issues ? ` ${JSON.stringify(j.error.issues).slice(0, 200)}` : "";
    return `${j.error.code}: ${String(j.error.message ?? "").slice(0, 100)}${issues}`;
  } catch {
    return "json?";
  }
}
