import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { z } from "zod";
import { AuditLog } from "../kernel/audit/audit";
import { CalendarStore } from "../kernel/calendar/server";
import { type Clock, systemClock } from "../kernel/clock";
import type { Config } from "../kernel/config/config";
import type { AppContext } from "../kernel/context";
import { type Database, migrateUp, pendingMigrations, ping } from "../kernel/db";
import { createDriver, FileService } from "../kernel/files";
import { frameworkErrors, installErrorHandler } from "../kernel/http/error-handler";
import { registerErrors } from "../kernel/http/errors";
import { installAccessHooks, type RouteInfo } from "../kernel/http/hooks";
import { livenessServerFactory } from "../kernel/http/liveness";
import { RateLimiter } from "../kernel/http/rate-limit";
import { zonaSecurityHeaders } from "../kernel/http/security-headers";
import type { ZonaApp } from "../kernel/http/types";
import { IdentityService, resolveBuiltinRoles } from "../kernel/identity";
import { createLogger } from "../kernel/logging";
import type { ServerModule } from "../kernel/module";
import { channelsFromConfig, Outbox } from "../kernel/notify";
import { OrgService } from "../kernel/org";
import { allModules } from "./modules";
import { VERSION } from "./version";

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: Logger;
  modules?: ServerModule[];
  /** Run migrations before serving (default true). */
  migrate?: boolean;
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
  /** Where the built web app is (default dist/web). */
  webRoot?: string;
}

export interface BuiltApp {
  app: ZonaApp;
  ctx: AppContext;
  routes: RouteInfo[];
}

/** Build the whole context (services over one database) without HTTP: used by the app, CLI and jobs. */
export async function buildContext(opts: BuildOptions): Promise<AppContext> {
  const { config, database } = opts;
  const modules = opts.modules ?? allModules;
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  for (const m of modules) if (m.errors) registerErrors(m.errors);
  if (opts.migrate !== false)
    await migrateUp(
      database.db,
      modules.map((m) => m.migrations ?? {}),
      database.schema,
    );

  const db = database.db;
  const audit = new AuditLog(db, database.dialect, clock);
  const rateLimiter = new RateLimiter(db, config.sessionSecret, database.dialect);
  const outbox = new Outbox(db, clock);
  for (const channel of channelsFromConfig(config, log)) outbox.use(channel);
  const org = new OrgService(db, audit, clock, database.changeStamp);
  const permissions = () => modules.flatMap((m) => m.permissions ?? []);
  const identity = new IdentityService({
    db,
    dialect: database.dialect,
    audit,
    clock,
    rateLimiter,
    outbox,
    secret: config.sessionSecret,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    publicUrl: config.publicUrl,
    permissions,
    changeStamp: database.changeStamp,
  });
  const files = new FileService({
    db,
    audit,
    clock,
    driver: createDriver(config),
    maxBytes: config.UPLOAD_MAX_BYTES,
  });
  const calendar = new CalendarStore(db, audit, clock);
  const ctx: AppContext = {
    config,
    database,
    db,
    clock,
    log,
    rateLimiter,
    audit,
    org,
    identity,
    files,
    outbox,
    calendar,
    modules,
  };
  for (const m of modules) {
    for (const [type, handler] of Object.entries(m.outboxHandlers ?? {}))
      outbox.register(type, (payload) => handler(ctx, payload));
  }
  const sensitive = new Set(
    permissions()
      .filter((p) => p.sensitive)
      .map((p) => p.key),
  );
  await identity.syncBuiltinRoles(
    resolveBuiltinRoles(
      modules.map((m) => m.grants),
      sensitive,
    ),
  );
  return ctx;
}

export async function buildApp(opts: BuildOptions): Promise<BuiltApp> {
  const ctx = await buildContext(opts);
  const { config } = ctx;
  const routes: RouteInfo[] = [];
  const securityHeaders = zonaSecurityHeaders(config.publicUrl.startsWith("https://"));

  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    // Bad percent-encoding and over-long path parameters: the error envelope, not Fastify's shape.
    frameworkErrors: frameworkErrors(securityHeaders),
    serverFactory: livenessServerFactory(),
  }).withTypeProvider<ZodTypeProvider>();

  // JSON and multipart only: a text/plain body would otherwise reach the schema as a string.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(securityHeaders);
    reply.header("x-request-id", req.id);
    done();
  });
  const webRoot = opts.webRoot ?? resolve(join(import.meta.dirname, "../../dist/web"));
  const withWeb = opts.serveWeb !== false && existsSync(join(webRoot, "index.html"));
  installErrorHandler(
    app,
    withWeb
      ? async (_req, reply) =>
          reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html")
      : undefined,
  );

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Zona API", version: VERSION, description: "Zona Integritas platform — HTTP API" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "zona_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  installAccessHooks(app, ctx, routes);

  app.get("/api/openapi.json", {
    schema: { hide: true },
    config: { access: "public" },
    handler: async () => app.swagger(),
  });
  // The document as content, not as a URL: with a URL the plugin's own /api/docs/openapi.json and
  // .yaml endpoints try to parse the URL string as a document and answer 500.
  await app.register(scalar, { routePrefix: "/api/docs", configuration: { content: () => app.swagger() } });

  app.get("/api/health", {
    schema: {
      tags: ["system"],
      summary: "Liveness",
      response: { 200: z.object({ status: z.literal("ok") }) },
    },
    config: { access: "public" },
    handler: async () => ({ status: "ok" as const }),
  });

  app.get("/api/ready", {
    schema: {
      tags: ["system"],
      summary: "Readiness: database reachable and migrations applied",
      response: {
        200: z.object({ status: z.literal("ready"), database: z.string() }),
        503: z.object({ status: z.literal("not_ready"), reason: z.string() }),
      },
    },
    config: { access: "public" },
    handler: async (_req, reply) => {
      if (!(await ping(ctx.database)))
        return reply.status(503).send({ status: "not_ready" as const, reason: "database unreachable" });
      const pending = await pendingMigrations(
        ctx.db,
        ctx.modules.map((m) => m.migrations ?? {}),
        ctx.database.schema,
      );
      if (pending.length)
        return reply
          .status(503)
          .send({ status: "not_ready" as const, reason: `${pending.length} migration(s) pending` });
      return { status: "ready" as const, database: ctx.database.lane };
    },
  });

  app.get("/api/meta", {
    schema: {
      tags: ["system"],
      summary: "Public facts about this installation (demo accounts when in demo mode)",
      response: {
        200: z.object({
          name: z.string(),
          version: z.string(),
          demo: z.boolean(),
          modules: z.array(z.string()),
          demoAccounts: z
            .array(
              z.object({
                email: z.string(),
                password: z.string(),
                roleKey: z.string(),
                roleName: z.object({ id: z.string(), en: z.string() }),
                unitName: z.string(),
              }),
            )
            .optional(),
        }),
      },
    },
    config: { access: "public" },
    handler: async () => {
      const { demoAccounts } = await import("./demo");
      return {
        name: "Zona",
        version: VERSION,
        demo: config.demo,
        modules: ctx.modules.map((m) => m.name),
        ...(config.demo ? { demoAccounts: await demoAccounts(ctx) } : {}),
      };
    },
  });

  for (const m of ctx.modules)
    if (m.routes) await app.register(async (scope) => m.routes!(scope as ZonaApp, ctx));

  if (withWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: "/",
      wildcard: true,
      index: false,
      maxAge: "1h",
    });
    // The root is the app itself (the static plugin would refuse a directory with 403).
    app.get("/", { schema: { hide: true }, config: { access: "public" } }, async (_req, reply) =>
      reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html"),
    );
  }
  await app.ready();
  return { app, ctx, routes };
}
