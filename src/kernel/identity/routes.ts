import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context";
import { idParam, localized, text, unitSchema } from "../http/schemas";
import type { ZonaApp } from "../http/types";
import { ROLE_KEYS } from "./roles";

export const SESSION_COOKIE = "zona_session";

const email = z.string().trim().toLowerCase().max(254).email();
const roleKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);
const assignmentSchema = z.object({
  id: z.string(),
  roleKey: z.string(),
  roleName: localized,
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
});
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(["active", "disabled"]),
  totpEnabled: z.boolean(),
});
const meSchema = z.object({
  user: userSchema,
  assignments: z.array(assignmentSchema),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  demo: z.boolean(),
});
const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
const nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/, "NIP has 18 digits")
  .nullable()
  .optional();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 -]{6,20}$/, "phone number")
  .nullable()
  .optional();

function secureCookie(ctx: AppContext, req: FastifyRequest): boolean {
  return req.protocol === "https" || ctx.config.publicUrl.startsWith("https://");
}

export function setSessionCookie(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookie(ctx, req),
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function identityRoutes(app: ZonaApp, ctx: AppContext) {
  const noContent = { 204: z.null() };

  app.post("/api/auth/login", {
    schema: {
      tags: ["auth"],
      summary: "Sign in with e-mail and password (and TOTP code when enabled); sets the session cookie",
      body: z.strictObject({
        email: z.string().trim().max(254),
        password: z.string().min(1).max(256),
        totp: z.string().max(10).optional(),
      }),
      response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
    },
    config: { access: "public", csrf: false, rateLimit: { name: "login", max: 30, windowSeconds: 900 } },
    handler: async (req, reply) => {
      const r = await ctx.identity.login({ ...req.body, userAgent: req.headers["user-agent"] });
      setSessionCookie(ctx, req, reply, r.token, r.session.expiresAt);
      return { user: r.user, csrfToken: r.session.csrfToken };
    },
  });

  app.post("/api/auth/logout", {
    schema: { tags: ["auth"], response: noContent },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.logout(req.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  });

  app.post("/api/auth/logout-all", {
    schema: { tags: ["auth"], summary: "End every session of the current user", response: noContent },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.logoutEverywhere(req.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  });

  app.post("/api/auth/password-reset/request", {
    schema: {
      tags: ["auth"],
      body: z.strictObject({ email: z.string().trim().max(254) }),
      response: { 202: z.object({ ok: z.literal(true) }) },
    },
    config: {
      access: "public",
      csrf: false,
      rateLimit: { name: "password-reset", max: 5, windowSeconds: 900 },
    },
    handler: async (req, reply) => {
      await ctx.identity.requestPasswordReset(req.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  });

  app.post("/api/auth/password-reset/confirm", {
    schema: {
      tags: ["auth"],
      body: z.strictObject({ token: z.string().min(10).max(200), password: z.string().min(1).max(256) }),
      response: noContent,
    },
    config: {
      access: "public",
      csrf: false,
      rateLimit: { name: "password-reset-confirm", max: 10, windowSeconds: 900 },
    },
    handler: async (req, reply) => {
      await ctx.identity.confirmPasswordReset(req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  });

  app.post("/api/auth/password", {
    schema: {
      tags: ["auth"],
      summary: "Change my password",
      body: z.strictObject({ current: z.string().min(1).max(256), password: z.string().min(1).max(256) }),
      response: noContent,
    },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.changeOwnPassword(req.actor!, req.body.current, req.body.password);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  });

  app.post("/api/auth/totp/setup", {
    schema: { tags: ["auth"], response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) } },
    config: { access: "authenticated" },
    handler: async (req) => ctx.identity.totpSetup(req.actor!),
  });
  app.post("/api/auth/totp/enable", {
    schema: {
      tags: ["auth"],
      body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
      response: noContent,
    },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.totpEnable(req.actor!, req.body.code);
      return reply.status(204).send(null);
    },
  });
  app.post("/api/auth/totp/disable", {
    schema: {
      tags: ["auth"],
      body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
      response: noContent,
    },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.totpDisable(req.actor!, req.body.code);
      return reply.status(204).send(null);
    },
  });

  app.get("/api/auth/tokens", {
    schema: { tags: ["auth"], response: { 200: z.object({ items: z.array(tokenSchema) }) } },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await ctx.identity.listTokens(req.actor!) }),
  });
  app.post("/api/auth/tokens", {
    schema: {
      tags: ["auth"],
      summary: "Create a scoped API token (shown once)",
      body: z.strictObject({
        name: text(100),
        scopes: z.array(z.string().max(100)).min(1).max(100),
        expiresInDays: z.number().int().min(1).max(730).optional(),
      }),
      response: { 201: z.object({ token: z.string(), item: tokenSchema }) },
    },
    config: { access: "authenticated" },
    handler: async (req, reply) =>
      reply.status(201).send(await ctx.identity.createToken(req.actor!, req.body)),
  });
  app.delete("/api/auth/tokens/:id", {
    schema: { tags: ["auth"], params: idParam, response: noContent },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      await ctx.identity.revokeToken(req.actor!, req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get("/api/me", {
    schema: {
      tags: ["auth"],
      summary: "The current user with role assignments",
      response: { 200: meSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => {
      const me = await ctx.identity.me(req.actor!);
      return { ...me, csrfToken: req.session?.csrfToken ?? "", demo: ctx.config.demo };
    },
  });

  app.get("/api/me/units", {
    schema: {
      tags: ["auth"],
      summary: "Work units the current user can see, in tree order",
      response: { 200: z.object({ items: z.array(unitSchema) }) },
    },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await ctx.org.listInScope(req.actor!) }),
  });

  // ----- users and roles administration -----

  app.get("/api/users", {
    schema: {
      tags: ["users"],
      querystring: z.strictObject({
        unitId: z.string().max(64).optional(),
        q: z.string().max(100).optional(),
      }),
      response: {
        200: z.object({ items: z.array(userSchema.extend({ assignments: z.array(assignmentSchema) })) }),
      },
    },
    config: { access: { permission: "identity.user.read" } },
    handler: async (req) => ({ items: await ctx.identity.listUsers(req.actor!, req.query) }),
  });

  app.post("/api/users", {
    schema: {
      tags: ["users"],
      body: z.strictObject({
        email,
        name: text(200),
        nip,
        phone,
        password: z.string().min(1).max(256).nullable().optional(),
        roleKey,
        unitId: z.string().min(1).max(64),
      }),
      response: { 201: userSchema },
    },
    config: { access: { permission: "identity.user.write" } },
    handler: async (req, reply) =>
      reply.status(201).send(await ctx.identity.createUser(req.actor!, req.body)),
  });

  app.patch("/api/users/:id", {
    schema: {
      tags: ["users"],
      params: idParam,
      body: z.strictObject({
        name: text(200).optional(),
        nip,
        phone,
        status: z.enum(["active", "disabled"]).optional(),
      }),
      response: { 200: userSchema },
    },
    config: { access: { permission: "identity.user.write" } },
    handler: async (req) => ctx.identity.updateUser(req.actor!, req.params.id, req.body),
  });

  app.post("/api/users/:id/assignments", {
    schema: {
      tags: ["users"],
      params: idParam,
      body: z.strictObject({ roleKey, unitId: z.string().min(1).max(64) }),
      response: { 201: z.object({ id: z.string() }) },
    },
    config: { access: { permission: "identity.user.write" } },
    handler: async (req, reply) =>
      reply.status(201).send({
        id: await ctx.identity.addAssignment(req.actor!, req.params.id, req.body.roleKey, req.body.unitId),
      }),
  });

  app.delete("/api/users/:id/assignments/:assignmentId", {
    schema: {
      tags: ["users"],
      params: z.strictObject({ id: z.string().max(64), assignmentId: z.string().max(64) }),
      response: noContent,
    },
    config: { access: { permission: "identity.user.write" } },
    handler: async (req, reply) => {
      await ctx.identity.removeAssignment(req.actor!, req.params.id, req.params.assignmentId);
      return reply.status(204).send(null);
    },
  });

  app.get("/api/roles", {
    schema: {
      tags: ["users"],
      response: {
        200: z.object({
          items: z.array(
            z.object({
              key: z.string(),
              name: localized,
              permissions: z.array(z.string()),
              builtin: z.boolean(),
            }),
          ),
        }),
      },
    },
    config: { access: "authenticated" },
    handler: async () => ({ items: await ctx.identity.listRoles() }),
  });

  app.put("/api/roles/:key", {
    schema: {
      tags: ["users"],
      summary: "Create or update a custom role",
      params: z.strictObject({ key: roleKey.refine((k) => !ROLE_KEYS.includes(k), "built-in role") }),
      body: z.strictObject({
        name: z.strictObject({ id: text(100), en: text(100) }),
        permissions: z.array(z.string().max(100)).max(500),
      }),
      response: noContent,
    },
    config: { access: { permission: "identity.role.write" } },
    handler: async (req, reply) => {
      await ctx.identity.saveCustomRole(req.actor!, { key: req.params.key, ...req.body });
      return reply.status(204).send(null);
    },
  });

  app.get("/api/permissions", {
    schema: {
      tags: ["users"],
      response: {
        200: z.object({ items: z.array(z.object({ key: z.string(), id: z.string(), en: z.string() })) }),
      },
    },
    config: { access: "authenticated" },
    handler: async () => ({ items: ctx.modules.flatMap((m) => m.permissions ?? []) }),
  });
}
