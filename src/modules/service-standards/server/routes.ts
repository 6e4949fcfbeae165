import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentKey } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  addPhotoBody,
  completenessSchema,
  createFacilityBody,
  createPledgeBody,
  createServiceBody,
  createSopBody,
  facilitySchema,
  linkEvidenceBody,
  pledgeSchema,
  profileSchema,
  publicPortalSchema,
  serviceDetailSchema,
  serviceListItemSchema,
  serviceSchema,
  sopSchema,
  unlinkEvidenceBody,
  updateFacilityBody,
  updatePledgeBody,
  updateProfileBody,
  updateServiceBody,
  updateSopBody,
  updateVersionBody,
  versionSchema,
} from "../contract";
import { STD_PERMISSIONS as P } from "../domain/model";
import type { StandardsService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const unitQuery = z.strictObject({ unitId: z.string().min(1).max(64) });
const codeParam = z.strictObject({ code: z.string().min(1).max(64) });
const read = { access: { permission: P.read } } as const;
const manage = { access: { permission: P.manage } } as const;

export function stdRoutes(app: ZonaApp, ctx: AppContext, std: StandardsService) {
  const tags = ["service-standards"];

  // ----- services and standards ------------------------------------------------------------------

  app.get("/api/standards/services", {
    schema: {
      tags,
      summary: "The unit's service types with their standard's state and completeness",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(serviceListItemSchema) }) },
    },
    config: read,
    handler: async (req) => ({ items: await std.listServices(actorOf(req), req.query.unitId) }),
  });

  app.post("/api/standards/services", {
    schema: {
      tags,
      summary: "Add a service type",
      body: createServiceBody,
      response: { 201: serviceSchema },
    },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await std.createService(actorOf(req), req.body)),
  });

  app.get("/api/standards/services/:id", {
    schema: {
      tags,
      summary: "A service: every version of its standard, its SOPs, completeness and LKE links",
      params: idParam,
      response: { 200: serviceDetailSchema },
    },
    config: read,
    handler: async (req) => std.serviceDetail(actorOf(req), req.params.id),
  });

  app.patch("/api/standards/services/:id", {
    schema: { tags, params: idParam, body: updateServiceBody, response: { 200: serviceSchema } },
    config: manage,
    handler: async (req) => std.updateService(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/standards/services/:id/versions", {
    schema: {
      tags,
      summary: "Start a new draft of the standard (copied from the newest version)",
      params: idParam,
      response: { 201: versionSchema },
    },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await std.createDraft(actorOf(req), req.params.id)),
  });

  app.patch("/api/standards/versions/:id", {
    schema: {
      tags,
      summary: "Edit a draft: components, decree and effective date",
      params: idParam,
      body: updateVersionBody,
      response: { 200: versionSchema },
    },
    config: manage,
    handler: async (req) => std.updateVersion(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/standards/versions/:id/publish", {
    schema: {
      tags,
      summary: "Publish a draft (decree and all public components required); frozen afterwards",
      params: idParam,
      response: { 200: versionSchema },
    },
    config: manage,
    handler: async (req) => std.publishVersion(actorOf(req), req.params.id),
  });

  app.delete("/api/standards/versions/:id", {
    schema: { tags, summary: "Delete a draft", params: idParam },
    config: manage,
    handler: async (req, reply) => {
      await std.deleteDraft(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // ----- SOPs ---------------------------------------------------------------------------------

  app.get("/api/standards/sops", {
    schema: { tags, querystring: unitQuery, response: { 200: z.object({ items: z.array(sopSchema) }) } },
    config: read,
    handler: async (req) => ({ items: await std.listSops(actorOf(req), req.query.unitId) }),
  });

  app.post("/api/standards/sops", {
    schema: {
      tags,
      summary: "Record an SOP of a service",
      body: createSopBody,
      response: { 201: sopSchema },
    },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await std.createSop(actorOf(req), req.body)),
  });

  app.patch("/api/standards/sops/:id", {
    schema: { tags, params: idParam, body: updateSopBody, response: { 200: sopSchema } },
    config: manage,
    handler: async (req) => std.updateSop(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/standards/sops/:id", {
    schema: { tags, params: idParam },
    config: manage,
    handler: async (req, reply) => {
      await std.deleteSop(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // ----- pledge ---------------------------------------------------------------------------------

  app.get("/api/standards/pledges", {
    schema: {
      tags,
      summary: "The unit's service pledges (maklumat pelayanan), newest first, with the one in force",
      querystring: unitQuery,
      response: {
        200: z.object({ items: z.array(pledgeSchema), evidence: z.record(z.string(), z.array(z.string())) }),
      },
    },
    config: read,
    handler: async (req) => std.listPledges(actorOf(req), req.query.unitId),
  });

  app.post("/api/standards/pledges", {
    schema: { tags, body: createPledgeBody, response: { 201: pledgeSchema } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await std.createPledge(actorOf(req), req.body)),
  });

  app.patch("/api/standards/pledges/:id", {
    schema: { tags, params: idParam, body: updatePledgeBody, response: { 200: pledgeSchema } },
    config: manage,
    handler: async (req) => std.updatePledge(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/standards/pledges/:id/publish", {
    schema: { tags, params: idParam, response: { 200: pledgeSchema } },
    config: manage,
    handler: async (req) => std.publishPledge(actorOf(req), req.params.id),
  });

  app.delete("/api/standards/pledges/:id", {
    schema: { tags, params: idParam },
    config: manage,
    handler: async (req, reply) => {
      await std.deletePledge(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // ----- facilities -----------------------------------------------------------------------------

  app.get("/api/standards/facilities", {
    schema: {
      tags,
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(facilitySchema), evidenceKeys: z.array(z.string()) }) },
    },
    config: read,
    handler: async (req) => std.listFacilities(actorOf(req), req.query.unitId),
  });

  app.post("/api/standards/facilities", {
    schema: { tags, body: createFacilityBody, response: { 201: facilitySchema } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await std.createFacility(actorOf(req), req.body)),
  });

  app.patch("/api/standards/facilities/:id", {
    schema: { tags, params: idParam, body: updateFacilityBody, response: { 200: facilitySchema } },
    config: manage,
    handler: async (req) => std.updateFacility(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/standards/facilities/:id", {
    schema: { tags, params: idParam },
    config: manage,
    handler: async (req, reply) => {
      await std.deleteFacility(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.post("/api/standards/facilities/:id/photos", {
    schema: {
      tags,
      summary: "Attach an uploaded image (PNG, JPEG or WebP of the same unit) as a public photo",
      params: idParam,
      body: addPhotoBody,
      response: { 201: facilitySchema },
    },
    config: manage,
    handler: async (req, reply) =>
      reply.status(201).send(await std.addPhoto(actorOf(req), req.params.id, req.body)),
  });

  app.delete("/api/standards/facilities/:id/photos/:fileId", {
    schema: {
      tags,
      params: idParam.extend({ fileId: z.string().min(1).max(64) }),
      response: { 200: facilitySchema },
    },
    config: manage,
    handler: async (req) => std.removePhoto(actorOf(req), req.params.id, req.params.fileId),
  });

  // ----- contact card, completeness, evidence ------------------------------------------------------

  app.get("/api/standards/profile", {
    schema: { tags, querystring: unitQuery, response: { 200: profileSchema } },
    config: read,
    handler: async (req) => std.profile(actorOf(req), req.query.unitId),
  });

  app.put("/api/standards/profile", {
    schema: {
      tags,
      summary: "The unit's public contact card",
      querystring: unitQuery,
      body: updateProfileBody,
      response: { 200: profileSchema },
    },
    config: manage,
    handler: async (req) => std.setProfile(actorOf(req), req.query.unitId, req.body),
  });

  app.get("/api/standards/completeness", {
    schema: {
      tags,
      summary: "What is missing: per service (components, decree, SOP) and for the unit (pledge, facilities)",
      querystring: unitQuery,
      response: { 200: completenessSchema },
    },
    config: read,
    handler: async (req) => std.completeness(actorOf(req), req.query.unitId),
  });

  app.post("/api/standards/evidence", {
    schema: {
      tags,
      summary: "Offer a standard, a pledge or the facility list as LKE evidence (needs zi.worksheet.write)",
      body: linkEvidenceBody,
      response: { 200: z.object({ questionKeys: z.array(z.string()) }) },
    },
    config: read,
    handler: async (req) => ({ questionKeys: await std.linkEvidence(actorOf(req), req.body) }),
  });

  app.post("/api/standards/evidence/unlink", {
    schema: {
      tags,
      body: unlinkEvidenceBody,
      response: { 200: z.object({ questionKeys: z.array(z.string()) }) },
    },
    config: read,
    handler: async (req) => ({ questionKeys: await std.unlinkEvidence(actorOf(req), req.body) }),
  });

  // ----- public ---------------------------------------------------------------------------------

  app.get("/api/public/units/:code/standards", {
    schema: {
      tags,
      summary: "Public: the unit's services with the standards in force, its pledge and facilities",
      params: codeParam,
      response: { 200: publicPortalSchema },
    },
    config: {
      access: "public",
      csrf: false,
      rateLimit: { name: "standards.public", max: 120, windowSeconds: 60 },
    },
    handler: async (req, reply) => {
      const data = await std.portal(req.params.code);
      return reply.header("cache-control", "public, max-age=60").send(data);
    },
  });

  app.get("/api/public/units/:code/facility-photos/:fileId", {
    schema: {
      tags,
      summary: "Public: a photo of a published facility (images only; nothing else is served)",
      params: codeParam.extend({ fileId: z.string().min(1).max(64) }),
      produces: ["image/png", "image/jpeg", "image/webp"],
    },
    config: {
      access: "public",
      csrf: false,
      rateLimit: { name: "standards.photo", max: 600, windowSeconds: 60 },
    },
    handler: async (req, reply) => {
      const file = await std.publicPhoto(req.params.code, req.params.fileId);
      const stream = await ctx.files.driver.get(contentKey(file.sha256));
      return reply
        .headers({
          "content-type": file.mime,
          "content-length": String(file.sizeBytes),
          "content-disposition": "inline",
          "x-content-type-options": "nosniff",
          "content-security-policy": "default-src 'none'; sandbox",
          "cache-control": "public, max-age=3600",
          etag: `"${file.sha256}"`,
        })
        .send(stream);
    },
  });
}
