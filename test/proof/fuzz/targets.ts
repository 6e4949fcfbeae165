/**
 * What the fuzzer aims at, read from the app itself so that a new route is fuzzed without anyone
 * listing it: the route table (`BuiltApp.routes`, every route with its declared access) joined
 * with the OpenAPI document the app serves (`app.swagger()`: parameter and body schemas).
 *
 * Targets: (a) every public route; (b) every operation with a JSON request body, and every upload
 * (multipart body); (c) every signed-in GET with query parameters (where arrays and hostile strings
 * in the query string go).
 */
import type { JsonSchema } from "./arbitraries";

export interface RouteRow {
  method: string;
  url: string;
  access: string;
}

export interface Param {
  name: string;
  schema?: JsonSchema;
}

export interface Target {
  /** "POST /api/public/complaints" — the route as the route table names it. */
  id: string;
  method: string;
  url: string;
  access: string;
  why: "public" | "json-body" | "multipart" | "query";
  params: Param[];
  query: Param[];
  /** JSON Schema of the JSON body, when the operation takes one. */
  body?: JsonSchema;
  /** The operation takes a multipart body (file uploads). */
  multipart: boolean;
}

type OpenApiOp = {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/** "/api/units/:id" → "/api/units/{id}" (the OpenAPI spelling). */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, "{$1}");
}

export function pathParamNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? "*");
}

export function fuzzTargets(routes: RouteRow[], doc: { paths?: Record<string, any> }): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const r of routes) {
    const id = `${r.method} ${r.url}`;
    if (seen.has(id) || r.method === "HEAD" || r.method === "OPTIONS") continue;
    seen.add(id);
    const op: OpenApiOp | undefined = doc.paths?.[openApiPath(r.url)]?.[r.method.toLowerCase()];
    const content = op?.requestBody?.content ?? {};
    const body = content["application/json"]?.schema;
    const multipart = "multipart/form-data" in content;
    const byName = new Map(
      (op?.parameters ?? []).filter((p) => p.in === "path").map((p) => [p.name, p.schema]),
    );
    const params = pathParamNames(r.url).map((name) => ({ name, schema: byName.get(name) }));
    const query = (op?.parameters ?? [])
      .filter((p) => p.in === "query")
      .map((p) => ({ name: p.name, schema: p.schema }));
    const why =
      r.access === "public"
        ? "public"
        : body
          ? "json-body"
          : multipart
            ? "multipart"
            : r.method === "GET" && query.length
              ? "query"
              : null;
    if (!why) continue;
    out.push({ id, method: r.method, url: r.url, access: r.access, why, params, query, body, multipart });
  }
  return out;
}

/** Seeded per target, so adding a route does not change the cases other routes get. */
export function targetSeed(seed: number, id: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h | 0;
}
