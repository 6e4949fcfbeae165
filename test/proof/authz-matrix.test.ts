/**
 * Proof part 3 (issue 8): the authorisation matrix. Every route of the app's route table × every
 * built-in role × every unit relation (own, parent, child, sibling, none — see authz/world.ts),
 * plus an anonymous caller, judged by the rule in authz/run.ts; and every list route counted from
 * KPKNL Bandung, KPKNL Bekasi and the Kanwil so no row of another subtree comes back.
 * A route the fixture table does not know fails the test: a new route cannot slip through.
 *
 * The rule (in full in authz/run.ts):
 *   anonymous on a non-public route → 401; missing permission → 403;
 *   permission held, target outside the caller's subtree (child, sibling, none) → 403, or 404
 *     where a module hides existence — never 2xx (a unit-filtered list may answer 2xx only if no
 *     row of another subtree is in it);
 *   allowed (own unit, or the parent: a role covers its subtree) → 2xx, or a 4xx domain error
 *     that is NOT 401/403/404 and not VALIDATION_FAILED — authorisation passed and a domain rule
 *     refused (e.g. 409 "not a draft"); denied callers run first, and routes that destroy their
 *     record get a fresh one per case, so every caller meets the fixture as it was made;
 *   never a 5xx; and no 2xx JSON answer carries a row of a unit outside the caller's subtree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteLane, sqliteLane, testLanes } from "../../src/kernel/testing";
import { allModules } from "../../src/server/modules";
import { FIXTURES } from "./authz/fixtures";
import { Matrix, uncovered } from "./authz/run";
import { buildWorld, RELATIONS, ROLES, type World } from "./authz/world";

const FILTER = process.env.AUTHZ_ROUTE ? new RegExp(process.env.AUTHZ_ROUTE) : null;
/**
 * Lanes: the full matrix on in-memory SQLite. PGlite (in-process PostgreSQL) answers each request
 * about four times slower, so there the matrix runs with three roles that between them hold every
 * kind of grant (head: scoped managers; zi_coordinator: WBS/gratification review; employee: little)
 * — enough to prove the PostgreSQL scope queries (path LIKE) and dialect paths. AUTHZ_ALL_LANES=1
 * runs every role on every lane (a real PostgreSQL too when DATABASE_URL is set; PGlite then takes
 * 2–6 minutes depending on load).
 */
const FULL = !!process.env.AUTHZ_ALL_LANES;
const lanes = FULL ? testLanes() : [sqliteLane, pgliteLane];
const rolesFor = (lane: string) =>
  FULL || lane === "sqlite" ? ROLES : ["head", "zi_coordinator", "employee"];
// Development aid only: leave out modules by name (e.g. one whose seed is mid-rewrite).
const WITHOUT = process.env.AUTHZ_WITHOUT ? new RegExp(process.env.AUTHZ_WITHOUT) : null;

describe.each(lanes)("authorisation matrix on $name", (lane) => {
  let w: World;
  let m: Matrix;

  beforeAll(async () => {
    w = await buildWorld(lane, {
      modules: WITHOUT ? allModules.filter((mod) => !WITHOUT.test(mod.name)) : undefined,
      roles: rolesFor(lane.name),
    });
    const openapi = (await w.send(null, { method: "GET", url: "/api/openapi.json" })).json();
    const units = await w.t.db.selectFrom("units").select(["id", "path"]).execute();
    m = new Matrix(w, openapi, units as Array<{ id: string; path: string }>);
  });
  afterAll(async () => w?.t.close());

  it("covers every route of the route table", () => {
    expect(uncovered(w.t.routes)).toEqual([]);
  });

  it("allows and denies every route as its permission and the unit scope say", async () => {
    const started = Date.now();
    const routes = w.t.routes.filter((r) => !FILTER || FILTER.test(`${r.method} ${r.url}`));
    // Routes that change what other fixtures use (closing the open pact round) go last.
    const last = (r: { method: string; url: string }) => Number(!!FIXTURES[`${r.method} ${r.url}`]?.last);
    routes.sort((a, b) => last(a) - last(b));
    for (const r of routes) if (!uncovered([r]).length) await m.route(r);
    const bad = m.outcomes.filter((o) => !o.ok);
    const allowedCases = m.outcomes.filter((o) => o.expected === "allow");
    const allowed = `${allowedCases.length} allowed (${allowedCases.filter((o) => o.status < 300).length} answered 2xx, the rest a domain 4xx)`;
    const denied = m.outcomes.filter((o) => o.expected === "deny").length;
    console.log(
      `authz matrix (${lane.name}): ${routes.length} routes × ${w.roles.length} roles × ${RELATIONS.length} relations; ` +
        `${m.outcomes.length} cases (${allowed}, ${denied} denied, ` +
        `${m.outcomes.filter((o) => o.expected === "unauth").length} anonymous, ` +
        `${m.outcomes.filter((o) => o.expected === "public").length} public); ${bad.length} wrong; ${Date.now() - started} ms`,
    );
    const never2xx = [...new Set(allowedCases.map((o) => o.route))].filter(
      (r) => !allowedCases.some((o) => o.route === r && o.status < 300),
    );
    console.log(
      `routes whose allowed callers all met a domain 4xx (authorisation passed, the domain refused):\n${never2xx
        .map(
          (r) =>
            `  ${r}: ${[...new Set(allowedCases.filter((o) => o.route === r).map((o) => `${o.status} ${o.detail.split(":")[0]}`))].join(", ")}`,
        )
        .join("\n")}`,
    );
    const listed2xx = new Map<string, Set<string>>();
    for (const o of m.outcomes)
      if (o.expected === "deny" && o.status < 300) {
        const l = listed2xx.get(o.route) ?? new Set<string>();
        l.add(`${o.status} ${o.detail}`);
        listed2xx.set(o.route, l);
      }
    console.log(
      `unit-filtered lists that answered an out-of-scope caller with 2xx (no out-of-scope row in it):\n${[
        ...listed2xx,
      ]
        .map(([r, l]) => `  ${r}: ${[...l].join(", ")}`)
        .join("\n")}`,
    );
    const byRoute = new Map<string, string[]>();
    for (const o of bad) {
      const l = byRoute.get(o.route) ?? [];
      l.push(`${o.who} expected ${o.expected} got ${o.status} ${o.detail}`);
      byRoute.set(o.route, l);
    }
    const report = [...byRoute].map(([r, l]) => `${r}: ${l.length} wrong, e.g. ${l.slice(0, 3).join(" | ")}`);
    if (report.length) console.log(report.join("\n"));
    expect(report).toEqual([]);
  }, 900_000);

  it("list routes return only rows of the caller's subtree (Bekasi, Bandung, Kanwil)", async () => {
    const lines: string[] = [];
    const outside: string[] = [];
    for (const r of w.t.routes) {
      if (FILTER && !FILTER.test(`${r.method} ${r.url}`)) continue;
      if (uncovered([r]).length) continue;
      const c = await m.listRows(r);
      if (!c) continue;
      lines.push(
        `${c.route} as ${c.role}: ${Object.entries(c.rows)
          .map(([u, n]) => `${u}=${n} (${c.status[u]})`)
          .join(" ")}`,
      );
      outside.push(...c.outside.map((o) => `${c.route}: ${o}`));
    }
    console.log(`list routes (rows carrying a unitId, per caller unit):\n${lines.join("\n")}`);
    if (!FILTER) expect(lines.length).toBeGreaterThan(40);
    expect(outside).toEqual([]);
  }, 300_000);
});
