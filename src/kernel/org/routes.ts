import { z } from "zod";
import type { AppContext } from "../context";
import { idParam, text, unitKind, unitSchema, zone } from "../http/schemas";
import type { ZonaApp } from "../http/types";

export function orgRoutes(app: ZonaApp, ctx: AppContext) {
  app.get("/api/units", {
    schema: {
      tags: ["org"],
      summary: "Work units in the caller's scope",
      response: { 200: z.object({ items: z.array(unitSchema) }) },
    },
    config: { access: { permission: "org.unit.read" } },
    handler: async (req) => ({ items: await ctx.org.listInScope(req.actor!) }),
  });

  app.get("/api/units/:id", {
    schema: { tags: ["org"], params: idParam, response: { 200: unitSchema } },
    config: { access: { permission: "org.unit.read" } },
    handler: async (req) => ctx.org.getInScope(req.actor!, req.params.id),
  });

  app.get("/api/units/:id/subtree", {
    schema: { tags: ["org"], params: idParam, response: { 200: z.object({ items: z.array(unitSchema) }) } },
    config: { access: { permission: "org.unit.read" } },
    handler: async (req) => ({ items: await ctx.org.subtree(req.actor!, req.params.id) }),
  });

  app.post("/api/units", {
    schema: {
      tags: ["org"],
      body: z.strictObject({
        code: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, . _ - only"),
        name: text(200),
        kind: unitKind,
        parentId: z.string().min(1).max(64).nullable(),
        zone: zone.optional(),
      }),
      response: { 201: unitSchema },
    },
    config: { access: { permission: "org.unit.write" } },
    handler: async (req, reply) => reply.status(201).send(await ctx.org.create(req.actor!, req.body)),
  });

  app.patch("/api/units/:id", {
    schema: {
      tags: ["org"],
      params: idParam,
      body: z.strictObject({
        name: text(200).optional(),
        code: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .regex(/^[A-Za-z0-9._-]+$/)
          .optional(),
        zone: zone.optional(),
      }),
      response: { 200: unitSchema },
    },
    config: { access: { permission: "org.unit.write" } },
    handler: async (req) => ctx.org.update(req.actor!, req.params.id, req.body),
  });

  app.post("/api/units/:id/move", {
    schema: {
      tags: ["org"],
      params: idParam,
      body: z.strictObject({ parentId: z.string().min(1).max(64) }),
      response: { 200: unitSchema },
    },
    config: { access: { permission: "org.unit.write" } },
    handler: async (req) => ctx.org.move(req.actor!, req.params.id, req.body.parentId),
  });
}
