import { z } from "zod";
import type { AppContext } from "../context";
import { fail } from "../http/errors";
import type { ZonaApp } from "../http/types";
import { assertScope, scopeRoots } from "../identity/actor";

const eventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorLabel: z.string(),
  unitId: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export function auditRoutes(app: ZonaApp, ctx: AppContext) {
  app.get("/api/audit", {
    schema: {
      tags: ["audit"],
      summary: "The audit trail of the units in scope, newest first",
      querystring: z.strictObject({
        unitId: z.string().max(64).optional(),
        action: z.string().max(100).optional(),
        actorId: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        beforeSeq: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: {
        200: z.object({ items: z.array(eventSchema), nextBeforeSeq: z.number().int().nullable() }),
      },
    },
    config: { access: { permission: "audit.read" } },
    handler: async (req) => {
      const { unitId, ...q } = req.query;
      let unitPaths = scopeRoots(req.actor!, "audit.read");
      if (unitId) {
        const unit = (await ctx.org.get(unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
        assertScope(req.actor!, "audit.read", unit);
        unitPaths = [unit.path];
      }
      const items = await ctx.audit.list({ ...q, unitPaths: unitPaths.includes("/") ? "all" : unitPaths });
      return {
        items: items.map(({ prevHash: _p, actorId: _a, ...e }) => e),
        nextBeforeSeq: items.length === q.limit ? items[items.length - 1]!.seq : null,
      };
    },
  });
}
