import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context";
import { holds } from "../identity/actor";
import { SESSION_COOKIE } from "../identity/routes";
import { describeAccess } from "./access";
import { DomainError } from "./errors";
import { pickLang } from "./request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RouteInfo {
  method: string;
  url: string;
  access: string;
}

/**
 * Route declarations and the request pipeline:
 * - every /api route must declare `config.access` (refused at registration otherwise);
 * - onRequest: language, rate limit, authentication (cookie session or Bearer token), permission,
 *   CSRF for cookie-authenticated writes — all before the body is read, so a refused upload costs
 *   nothing.
 */
export function installAccessHooks(app: FastifyInstance, ctx: AppContext, routes: RouteInfo[]): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.decorateRequest("lang", "id");

  app.addHook("onRoute", (opts) => {
    const url = opts.url ?? opts.path ?? "";
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    let access = opts.config?.access;
    if (!access && (!url.startsWith("/api") || url.startsWith("/api/docs"))) {
      // Static web assets and the API reference page are public by nature.
      access = "public";
      opts.config = { ...opts.config, access };
    }
    if (!access) throw new Error(`route ${methods.join(",")} ${url} declares no access (config.access)`);
    for (const m of methods)
      if (m !== "HEAD") routes.push({ method: m, url, access: describeAccess(access) });
  });

  // A callback hook, not an async one: public routes without a rate limit (health, static files)
  // then pay no promise round-trip.
  app.addHook("onRequest", (req, reply, done) => {
    req.lang = pickLang(req.headers["accept-language"], req.cookies?.zona_lang);
    const cfg = req.routeOptions.config;
    if (!cfg?.rateLimit && (!cfg?.access || cfg.access === "public")) return done();
    guard(req, reply).then(() => done(), done);
  });

  // PostgreSQL text cannot hold U+0000 (the query fails: a 500), SQLite stores it: refuse it in any
  // parameter, query value or JSON body string on both, before validation and the services see it.
  app.addHook("preValidation", (req, _reply, done) => {
    const where = nulAt(req.params, "params") ?? nulAt(req.query, "querystring") ?? nulAt(req.body, "body");
    if (!where) return done();
    done(
      new DomainError("VALIDATION_FAILED", {}, [{ path: where, message: "must not contain NUL (U+0000)" }]),
    );
  });

  async function guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const cfg = req.routeOptions.config;
    const access = cfg?.access;

    if (cfg?.rateLimit) {
      const rl = cfg.rateLimit;
      const subject = rl.key === "ip+path" ? `${req.ip}|${req.url}` : req.ip;
      const key = ctx.rateLimiter.keyFor(rl.name, subject);
      const hit = await ctx.rateLimiter.hit(key, rl.windowSeconds, ctx.clock.now());
      reply.header("x-ratelimit-limit", String(rl.max));
      reply.header("x-ratelimit-remaining", String(Math.max(0, rl.max - hit.count)));
      if (hit.count > rl.max) throw new DomainError("RATE_LIMITED", { retryAfter: hit.retryAfter });
    }

    if (!access || access === "public") return;
    await authenticate(ctx, req);
    if (!req.actor)
      throw new DomainError(req.cookies?.[SESSION_COOKIE] ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
    if (typeof access === "object" && !holds(req.actor, access.permission)) {
      throw new DomainError("FORBIDDEN", { permission: access.permission });
    }
    if (req.session && !SAFE_METHODS.has(req.method) && cfg?.csrf !== false) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || sent !== req.session.csrfToken) throw new DomainError("CSRF_FAILED");
    }
  }
}

async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    req.actor = await ctx.identity.actorFromToken(auth.slice(7).trim());
    return;
  }
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return;
  const found = await ctx.identity.actorFromSession(token);
  if (found) {
    req.actor = found.actor;
    req.session = found.session;
  }
}

/**
 * Path of the first string (value or key) holding U+0000 in a parsed request part, or null. Walks
 * with its own stack: a body may nest 10,000 levels deep.
 */
export function nulAt(value: unknown, root: string): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path;
    } else if (Array.isArray(v) || (v && typeof v === "object" && isPlain(v))) {
      // Plain parsed data only: never walk into a Buffer, a stream or anything cyclic.
      for (const [k, x] of Object.entries(v as object)) {
        if (k.includes("\u0000")) return path;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/** A plain or prototype-less object (fast-querystring's result has an empty prototype chain). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}
