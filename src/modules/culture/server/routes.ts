import { z } from "zod";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  attendanceStatsSchema,
  CULTURE_PERMISSIONS,
  createProgrammeBody,
  evidenceBody,
  gspGenerateBody,
  gspGenerateResponse,
  gspMineSchema,
  gspRosterBody,
  gspScheduleQuery,
  gspScheduleSchema,
  gspTopicBody,
  leaveBody,
  leaveSchema,
  localDate,
  occurrenceListItemSchema,
  occurrenceSchema,
  occurrencesQuery,
  programmeDetailSchema,
  programmeListItemSchema,
  programmeSchema,
  queueBody,
  queueEntrySchema,
  saveOccurrenceBody,
  staffSchema,
  updateProgrammeBody,
} from "../contract";
import type { CultureService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const P = CULTURE_PERMISSIONS;
const read = { permission: P.read };
const manage = { permission: P.manage };
const unitQuery = z.strictObject({ unitId: z.string().min(1).max(64) });
const evidenceResponse = z.object({ questionKeys: z.array(z.string()) });

export function cultureRoutes(app: ZonaApp, culture: CultureService) {
  const tags = ["culture"];

  // ——— programmes ———
  app.get("/api/culture/programmes", {
    schema: {
      tags,
      summary: "The unit's culture programmes with this month's sessions and attendance",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(programmeListItemSchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await culture.listProgrammes(actorOf(req), req.query.unitId) }),
  });

  app.post("/api/culture/programmes", {
    schema: { tags, body: createProgrammeBody, response: { 201: programmeSchema } },
    config: { access: manage },
    handler: async (req, reply) =>
      reply.code(201).send(await culture.createProgramme(actorOf(req), req.body)),
  });

  app.post("/api/culture/programmes/templates", {
    schema: {
      tags,
      summary:
        "Add the five starting programmes (REPEAT, MODEL, RABU CENDEKIA, GSP, LITERASI) the unit lacks",
      body: unitQuery,
      response: { 200: z.object({ created: z.number().int() }) },
    },
    config: { access: manage },
    handler: async (req) => culture.addTemplates(actorOf(req), req.body.unitId),
  });

  app.get("/api/culture/programmes/:id", {
    schema: { tags, params: idParam, response: { 200: programmeDetailSchema } },
    config: { access: read },
    handler: async (req) => culture.programmeDetail(actorOf(req), req.params.id),
  });

  app.patch("/api/culture/programmes/:id", {
    schema: { tags, params: idParam, body: updateProgrammeBody, response: { 200: programmeSchema } },
    config: { access: manage },
    handler: async (req) => culture.updateProgramme(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/culture/programmes/:id/evidence", {
    schema: {
      tags,
      summary: "Offer the programme as LKE evidence",
      params: idParam,
      body: evidenceBody,
      response: { 200: evidenceResponse },
    },
    config: { access: manage },
    handler: async (req) =>
      culture.linkEvidence(actorOf(req), "programme", req.params.id, req.body.questionKeys),
  });

  app.delete("/api/culture/programmes/:id/evidence/:questionKey", {
    schema: {
      tags,
      params: z.strictObject({ id: z.string().min(1).max(64), questionKey: z.string().min(1).max(64) }),
      response: { 200: evidenceResponse },
    },
    config: { access: manage },
    handler: async (req) =>
      culture.unlinkEvidence(actorOf(req), "programme", req.params.id, req.params.questionKey),
  });

  // ——— occurrences ———
  app.get("/api/culture/programmes/:id/occurrences", {
    schema: {
      tags,
      params: idParam,
      querystring: occurrencesQuery,
      response: {
        200: z.object({
          items: z.array(occurrenceListItemSchema),
          /** With from and to: the dates the programme's rule plans on the unit's working calendar. */
          planned: z.array(z.string()),
        }),
      },
    },
    config: { access: read },
    handler: async (req) => culture.listOccurrences(actorOf(req), req.params.id, req.query),
  });

  app.post("/api/culture/programmes/:id/occurrences", {
    schema: {
      tags,
      summary: "Record a held session",
      params: idParam,
      body: saveOccurrenceBody,
      response: { 201: occurrenceSchema },
    },
    config: { access: manage },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await culture.saveOccurrence(actorOf(req), { programmeId: req.params.id }, req.body)),
  });

  app.get("/api/culture/occurrences/:id", {
    schema: { tags, params: idParam, response: { 200: occurrenceSchema } },
    config: { access: read },
    handler: async (req) => culture.getOccurrence(actorOf(req), req.params.id),
  });

  app.put("/api/culture/occurrences/:id", {
    schema: { tags, params: idParam, body: saveOccurrenceBody, response: { 200: occurrenceSchema } },
    config: { access: manage },
    handler: async (req) => culture.saveOccurrence(actorOf(req), { occurrenceId: req.params.id }, req.body),
  });

  app.delete("/api/culture/occurrences/:id", {
    schema: { tags, params: idParam },
    config: { access: manage },
    handler: async (req, reply) => {
      await culture.deleteOccurrence(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  });

  app.post("/api/culture/occurrences/:id/evidence", {
    schema: {
      tags,
      summary: "Offer the session as LKE evidence",
      params: idParam,
      body: evidenceBody,
      response: { 200: evidenceResponse },
    },
    config: { access: manage },
    handler: async (req) =>
      culture.linkEvidence(actorOf(req), "occurrence", req.params.id, req.body.questionKeys),
  });

  app.delete("/api/culture/occurrences/:id/evidence/:questionKey", {
    schema: {
      tags,
      params: z.strictObject({ id: z.string().min(1).max(64), questionKey: z.string().min(1).max(64) }),
      response: { 200: evidenceResponse },
    },
    config: { access: manage },
    handler: async (req) =>
      culture.unlinkEvidence(actorOf(req), "occurrence", req.params.id, req.params.questionKey),
  });

  app.get("/api/culture/stats", {
    schema: {
      tags,
      summary: "Attendance per programme per month",
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64),
        year: z.coerce.number().int().min(2000).max(2100),
      }),
      response: { 200: attendanceStatsSchema },
    },
    config: { access: read },
    handler: async (req) => culture.stats(actorOf(req), req.query.unitId, req.query.year),
  });

  // ——— Rabu Cendekia speaker queue ———
  app.get("/api/culture/programmes/:id/queue", {
    schema: { tags, params: idParam, response: { 200: z.object({ items: z.array(queueEntrySchema) }) } },
    config: { access: read },
    handler: async (req) => ({ items: await culture.queue(actorOf(req), req.params.id) }),
  });

  app.post("/api/culture/programmes/:id/queue", {
    schema: {
      tags,
      summary: "Queue an employee back from training as a speaker",
      params: idParam,
      body: queueBody,
      response: { 201: queueEntrySchema },
    },
    config: { access: manage },
    handler: async (req, reply) =>
      reply.code(201).send(await culture.enqueueSpeaker(actorOf(req), req.params.id, req.body)),
  });

  app.delete("/api/culture/queue/:id", {
    schema: { tags, params: idParam },
    config: { access: manage },
    handler: async (req, reply) => {
      await culture.dequeueSpeaker(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  });

  // ——— staff and leave ———
  app.get("/api/culture/staff", {
    schema: {
      tags,
      summary: "The unit's staff (attendance lists, speakers)",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(staffSchema) }) },
    },
    config: { access: read },
    handler: async (req) => {
      await culture.unit(actorOf(req), req.query.unitId, P.read);
      return { items: await culture.staff(req.query.unitId) };
    },
  });

  app.get("/api/culture/leaves", {
    schema: {
      tags,
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
      response: { 200: z.object({ items: z.array(leaveSchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({
      items: await culture.listLeaves(actorOf(req), req.query.unitId, req.query.from, req.query.to),
    }),
  });

  app.post("/api/culture/leaves", {
    schema: {
      tags,
      summary: "Record leave (cuti, dinas luar, sakit)",
      body: leaveBody,
      response: { 201: leaveSchema },
    },
    config: { access: manage },
    handler: async (req, reply) => reply.code(201).send(await culture.addLeave(actorOf(req), req.body)),
  });

  app.delete("/api/culture/leaves/:id", {
    schema: { tags, params: idParam },
    config: { access: manage },
    handler: async (req, reply) => {
      await culture.deleteLeave(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  });

  // ——— GSP ———
  app.get("/api/culture/gsp/mine", {
    schema: { tags, summary: "The caller's GSP turns in the next 60 days", response: { 200: gspMineSchema } },
    config: { access: "authenticated" },
    handler: async (req) => culture.mine(actorOf(req)),
  });

  app.get("/api/culture/gsp/schedule", {
    schema: { tags, querystring: gspScheduleQuery, response: { 200: gspScheduleSchema } },
    config: { access: read },
    handler: async (req) => culture.schedule(actorOf(req), req.query.unitId, req.query.from, req.query.to),
  });

  app.post("/api/culture/gsp/generate", {
    schema: {
      tags,
      summary: "(Re)generate the GSP rotation from a date: later turns replaced, earlier kept",
      body: gspGenerateBody,
      response: { 200: gspGenerateResponse },
    },
    config: { access: manage },
    handler: async (req) => culture.generate(actorOf(req), req.body.unitId, req.body.from, req.body.to),
  });

  app.put("/api/culture/gsp/roster", {
    schema: {
      tags,
      summary: "Who is left out of the rotation",
      body: gspRosterBody,
      response: { 200: z.object({ items: z.array(staffSchema.extend({ excluded: z.boolean() })) }) },
    },
    config: { access: manage },
    handler: async (req) => ({
      items: await culture.setRoster(actorOf(req), req.body.unitId, req.body.excludedUserIds),
    }),
  });

  app.patch("/api/culture/gsp/turns/:unitId/:date", {
    schema: {
      tags,
      summary: "Set the topic of a turn (the speaker or a manager)",
      params: z.strictObject({ unitId: z.string().min(1).max(64), date: localDate }),
      body: gspTopicBody,
      response: { 200: z.object({ date: z.string(), topic: z.string().nullable() }) },
    },
    config: { access: read },
    handler: async (req) =>
      culture.setTopic(actorOf(req), req.params.unitId, req.params.date, req.body.topic),
  });
}
