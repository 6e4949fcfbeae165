import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  channelSchema,
  createChannelBody,
  createItemBody,
  evidenceBody,
  itemDetailSchema,
  monthEvidenceBody,
  monthSchema,
  monthSchemaWire,
  publicationInputSchema,
  publicationSchema,
  reachBody,
  reportSchema,
  settingsBody,
  settingsSchema,
  transitionBody,
  updateChannelBody,
  updateItemBody,
  userRefSchema,
} from "../contract";
import { MEDIA_PERMISSIONS as P } from "../domain/model";
import type { MediaService } from "./service";
import { reportXlsx } from "./xlsx";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const unitQuery = z.strictObject({ unitId: z.string().min(1).max(64) });
const keysOut = z.object({ questionKeys: z.array(z.string()) });

export function mediaRoutes(app: ZonaApp, ctx: AppContext, media: MediaService) {
  const tags = ["media"];

  // --- channels and settings -------------------------------------------------------------------

  app.get("/api/media/channels", {
    schema: {
      tags,
      summary: "The unit's media channels",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(channelSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await media.listChannels(actorOf(req), req.query.unitId) }),
  });

  app.post("/api/media/channels", {
    schema: { tags, summary: "Add a channel", body: createChannelBody, response: { 201: channelSchema } },
    config: { access: { permission: P.plan } },
    handler: async (req, reply) => reply.code(201).send(await media.createChannel(actorOf(req), req.body)),
  });

  app.patch("/api/media/channels/:id", {
    schema: {
      tags,
      summary: "Change or deactivate a channel",
      params: idParam,
      body: updateChannelBody,
      response: { 200: channelSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req) => media.updateChannel(actorOf(req), req.params.id, req.body),
  });

  app.get("/api/media/settings", {
    schema: { tags, querystring: unitQuery, response: { 200: settingsSchema } },
    config: { access: { permission: P.read } },
    handler: async (req) => media.settings(actorOf(req), req.query.unitId),
  });

  app.put("/api/media/settings", {
    schema: {
      tags,
      summary: "Planning setting: content every day (planWeekends) or on working days only",
      body: settingsBody,
      response: { 200: settingsSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req) => media.setSettings(actorOf(req), req.body.unitId, req.body.planWeekends),
  });

  app.get("/api/media/assignees", {
    schema: {
      tags,
      summary: "Staff of the unit who can be assigned content",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(userRefSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await media.assignees(actorOf(req), req.query.unitId) }),
  });

  // --- month view and report -------------------------------------------------------------------

  app.get("/api/media/month", {
    schema: {
      tags,
      summary: "A month's content calendar with gaps, counts and reach",
      querystring: z.strictObject({ unitId: z.string().min(1).max(64), month: monthSchema }),
      response: { 200: monthSchemaWire },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => media.month(actorOf(req), req.query.unitId, req.query.month),
  });

  const reportQuery = z.strictObject({
    unitId: z.string().min(1).max(64),
    from: monthSchema,
    to: monthSchema,
  });
  app.get("/api/media/report", {
    schema: {
      tags,
      summary: "Counts and reach per month, channel and theme",
      querystring: reportQuery,
      response: { 200: reportSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => media.report(actorOf(req), req.query.unitId, req.query.from, req.query.to),
  });

  app.get("/api/media/report.xlsx", {
    schema: { tags, querystring: reportQuery, produces: [XLSX_MIME] },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const report = await media.report(actor, req.query.unitId, req.query.from, req.query.to);
      const unit = await ctx.org.get(report.unitId);
      const buffer = await reportXlsx(report, unit?.name ?? "");
      return reply
        .header("content-type", XLSX_MIME)
        .header(
          "content-disposition",
          contentDisposition(`media-${unit?.code ?? "unit"}-${report.from}-${report.to}.xlsx`, "attachment"),
        )
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  app.post("/api/media/months/:month/evidence", {
    schema: {
      tags,
      summary: "Offer a month's media plan as LKE evidence (needs zi.worksheet.write)",
      params: z.strictObject({ month: monthSchema }),
      body: monthEvidenceBody,
      response: { 200: keysOut },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({
      questionKeys: await media.linkMonthEvidence(
        actorOf(req),
        req.body.unitId,
        req.params.month,
        req.body.questionKeys,
      ),
    }),
  });

  app.delete("/api/media/months/:month/evidence/:questionKey", {
    schema: {
      tags,
      params: z.strictObject({ month: monthSchema, questionKey: z.string().min(1).max(200) }),
      querystring: unitQuery,
      response: { 200: keysOut },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({
      questionKeys: await media.unlinkMonthEvidence(
        actorOf(req),
        req.query.unitId,
        req.params.month,
        req.params.questionKey,
      ),
    }),
  });

  // --- items -----------------------------------------------------------------------------------

  app.post("/api/media/items", {
    schema: {
      tags,
      summary: "Plan a content item",
      body: createItemBody,
      response: { 201: itemDetailSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req, reply) => reply.code(201).send(await media.createItem(actorOf(req), req.body)),
  });

  app.get("/api/media/items/:id", {
    schema: { tags, params: idParam, response: { 200: itemDetailSchema } },
    config: { access: { permission: P.read } },
    handler: async (req) => media.detail(actorOf(req), req.params.id),
  });

  app.patch("/api/media/items/:id", {
    schema: {
      tags,
      summary: "Edit an idea, draft or rejected item",
      params: idParam,
      body: updateItemBody,
      response: { 200: itemDetailSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req) => media.updateItem(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/media/items/:id", {
    schema: { tags, summary: "Delete an idea or draft", params: idParam },
    config: { access: { permission: P.plan } },
    handler: async (req, reply) => {
      await media.deleteItem(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  });

  app.post("/api/media/items/:id/transitions", {
    schema: {
      tags,
      summary: "Run a workflow command (submit, approve, reject, publish …)",
      params: idParam,
      body: transitionBody,
      response: { 200: itemDetailSchema },
    },
    // The command decides the permission (plan or approve); the service checks it over the unit.
    config: { access: "authenticated" },
    handler: async (req) => media.transition(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/media/items/:id/publications", {
    schema: {
      tags,
      summary: "Add the link of another planned channel to a published item",
      params: idParam,
      body: publicationInputSchema,
      response: { 200: itemDetailSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req) => media.addPublication(actorOf(req), req.params.id, req.body),
  });

  app.put("/api/media/publications/:id/reach", {
    schema: {
      tags,
      summary: "Enter reach figures of a publication (non-negative whole numbers)",
      params: idParam,
      body: reachBody,
      response: { 200: publicationSchema },
    },
    config: { access: { permission: P.plan } },
    handler: async (req) => media.setReach(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/media/items/:id/evidence", {
    schema: {
      tags,
      summary: "Offer an item as LKE evidence (needs zi.worksheet.write)",
      params: idParam,
      body: evidenceBody,
      response: { 200: keysOut },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({
      questionKeys: await media.linkItemEvidence(actorOf(req), req.params.id, req.body.questionKeys),
    }),
  });

  app.delete("/api/media/items/:id/evidence/:questionKey", {
    schema: {
      tags,
      params: z.strictObject({ id: z.string().min(1).max(64), questionKey: z.string().min(1).max(200) }),
      response: { 200: keysOut },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({
      questionKeys: await media.unlinkItemEvidence(actorOf(req), req.params.id, req.params.questionKey),
    }),
  });
}
