import { z } from "zod";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  activityDetailSchema,
  addMemberBody,
  agentsSchema,
  changeSchema,
  countsQuery,
  countsSchema,
  createActivityBody,
  createAgentDecreeBody,
  createChangeBody,
  createRoleModelBody,
  createTeamDecreeBody,
  linkQuestionsBody,
  myActivitiesSchema,
  personSchema,
  planSchema,
  recordQuestionsSchema,
  roleModelSchema,
  teamHistorySchema,
  teamSchema,
  unitQuery,
  updateActivityBody,
  updateChangeBody,
  updateMemberBody,
} from "../contract";
import { CM_PERMISSIONS } from "../domain/model";
import { agentsXlsx } from "./agents-xlsx";
import type { CmService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const read = { permission: CM_PERMISSIONS.read };
const manage = { permission: CM_PERMISSIONS.manage };

export function cmRoutes(app: ZonaApp, cm: CmService) {
  const tags = ["change-management"];

  app.get("/api/cm/people", {
    schema: {
      tags,
      summary: "Employees of a unit (for team, person-in-charge and agent pickers)",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(personSchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await cm.people(actorOf(req), req.query.unitId) }),
  });

  // ---- team ----

  app.get("/api/cm/team", {
    schema: {
      tags,
      summary: "The ZI team: current decree and members, and every decree before it",
      querystring: unitQuery,
      response: { 200: teamSchema },
    },
    config: { access: read },
    handler: async (req) => cm.team(actorOf(req), req.query.unitId),
  });

  app.post("/api/cm/team/decrees", {
    schema: {
      tags,
      summary: "Record a new team decree (SK Tim Kerja ZI) with its members; it replaces the previous team",
      body: createTeamDecreeBody,
      response: { 201: teamSchema },
    },
    config: { access: manage },
    handler: async (req, reply) => reply.status(201).send(await cm.createTeamDecree(actorOf(req), req.body)),
  });

  app.post("/api/cm/team/members", {
    schema: {
      tags,
      summary: "Add a member to the current decree",
      body: addMemberBody,
      response: { 200: teamSchema },
    },
    config: { access: manage },
    handler: async (req) => cm.addMember(actorOf(req), req.body),
  });

  app.patch("/api/cm/team/members/:id", {
    schema: { tags, params: idParam, body: updateMemberBody, response: { 200: teamSchema } },
    config: { access: manage },
    handler: async (req) => cm.updateMember(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/cm/team/members/:id", {
    schema: { tags, params: idParam, response: { 200: teamSchema } },
    config: { access: manage },
    handler: async (req) => cm.removeMember(actorOf(req), req.params.id),
  });

  app.get("/api/cm/team/history", {
    schema: {
      tags,
      summary: "Every change of the team's membership, newest first",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(teamHistorySchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await cm.teamHistory(actorOf(req), req.query.unitId) }),
  });

  // ---- work plan ----

  app.get("/api/cm/activities", {
    schema: {
      tags,
      summary: "The work plan of a unit: activities (overdue flagged) and progress per lever area",
      querystring: unitQuery,
      response: { 200: planSchema },
    },
    config: { access: read },
    handler: async (req) => cm.plan(actorOf(req), req.query.unitId),
  });

  app.get("/api/cm/activities/mine", {
    schema: {
      tags,
      summary: "Activities where the caller is the person in charge",
      response: { 200: myActivitiesSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await cm.mine(actorOf(req)) }),
  });

  app.post("/api/cm/activities", {
    schema: { tags, body: createActivityBody, response: { 201: activityDetailSchema } },
    config: { access: manage },
    handler: async (req, reply) => reply.status(201).send(await cm.createActivity(actorOf(req), req.body)),
  });

  app.get("/api/cm/activities/:id", {
    schema: {
      tags,
      summary: "One activity with its evidence files and linked LKE questions",
      params: idParam,
      response: { 200: activityDetailSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => cm.activity(actorOf(req), req.params.id),
  });

  app.patch("/api/cm/activities/:id", {
    schema: {
      tags,
      summary: "Change an activity (manager), or report its progress (person in charge)",
      params: idParam,
      body: updateActivityBody,
      response: { 200: activityDetailSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => cm.updateActivity(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/cm/activities/:id", {
    schema: { tags, params: idParam },
    config: { access: manage },
    handler: async (req, reply) => {
      await cm.deleteActivity(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.post("/api/cm/activities/:id/files", {
    schema: {
      tags,
      summary: "Attach an uploaded evidence file (POST /api/files first)",
      params: idParam,
      body: z.strictObject({ fileId: z.string().min(1).max(64) }),
      response: { 200: activityDetailSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => cm.attachFile(actorOf(req), req.params.id, req.body.fileId),
  });

  app.delete("/api/cm/activities/:id/files/:fileId", {
    schema: {
      tags,
      params: idParam.extend({ fileId: z.string().min(1).max(64) }),
      response: { 200: activityDetailSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => cm.detachFile(actorOf(req), req.params.id, req.params.fileId),
  });

  app.put("/api/cm/activities/:id/questions", {
    schema: {
      tags,
      summary: "The LKE questions this activity is evidence for (replaces the set)",
      params: idParam,
      body: linkQuestionsBody,
      response: { 200: activityDetailSchema },
    },
    config: { access: manage },
    handler: async (req) => cm.setQuestions(actorOf(req), req.params.id, req.body.questionKeys),
  });

  // ---- decrees and changes as LKE evidence ----

  app.get("/api/cm/decrees/:id/questions", {
    schema: {
      tags,
      summary: "The LKE questions a decree (SK Tim Kerja ZI or SK Agen Perubahan) is evidence for",
      params: idParam,
      response: { 200: recordQuestionsSchema },
    },
    config: { access: manage },
    handler: async (req) => cm.decreeQuestions(actorOf(req), req.params.id),
  });

  app.put("/api/cm/decrees/:id/questions", {
    schema: {
      tags,
      summary: "Link a decree to LKE questions (replaces the set; needs zi.worksheet.write too)",
      params: idParam,
      body: linkQuestionsBody,
      response: { 200: recordQuestionsSchema },
    },
    config: { access: manage },
    handler: async (req) => cm.setDecreeQuestions(actorOf(req), req.params.id, req.body.questionKeys),
  });

  app.put("/api/cm/changes/:id/questions", {
    schema: {
      tags,
      summary: "Link a change agent's concrete change to LKE questions (replaces the set)",
      params: idParam,
      body: linkQuestionsBody,
      response: { 200: changeSchema },
    },
    config: { access: manage },
    handler: async (req) => cm.setChangeQuestions(actorOf(req), req.params.id, req.body.questionKeys),
  });

  // ---- change agents ----

  app.get("/api/cm/agents", {
    schema: {
      tags,
      summary: "Change agents on the current decree with their changes and role-model activities",
      querystring: unitQuery,
      response: { 200: agentsSchema },
    },
    config: { access: read },
    handler: async (req) => cm.agents(actorOf(req), req.query.unitId),
  });

  app.post("/api/cm/agents/decrees", {
    schema: {
      tags,
      summary: "Record a new change-agent decree (SK Agen Perubahan); it replaces the previous one",
      body: createAgentDecreeBody,
      response: { 201: agentsSchema },
    },
    config: { access: manage },
    handler: async (req, reply) => reply.status(201).send(await cm.createAgentDecree(actorOf(req), req.body)),
  });

  app.get("/api/cm/agents/counts", {
    schema: {
      tags,
      summary: "LKE reform counts: agents, changes made, changes integrated (one year)",
      querystring: countsQuery,
      response: { 200: countsSchema },
    },
    config: { access: read },
    handler: async (req) => cm.counts(actorOf(req), req.query.unitId, req.query.year),
  });

  app.get("/api/cm/agents/export.xlsx", {
    schema: {
      tags,
      summary: "Change agents and their changes as a spreadsheet",
      querystring: countsQuery,
      produces: [XLSX_MIME],
    },
    config: { access: read },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const counts = await cm.counts(actor, req.query.unitId, req.query.year);
      const data = await cm.agents(actor, req.query.unitId);
      const buffer = await agentsXlsx(data, counts);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", contentDisposition(`agen-perubahan-${counts.year}.xlsx`, "attachment"))
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  app.post("/api/cm/agents/:id/changes", {
    schema: { tags, params: idParam, body: createChangeBody, response: { 201: changeSchema } },
    config: { access: read },
    handler: async (req, reply) =>
      reply.status(201).send(await cm.addChange(actorOf(req), req.params.id, req.body)),
  });

  app.patch("/api/cm/changes/:id", {
    schema: { tags, params: idParam, body: updateChangeBody, response: { 200: changeSchema } },
    config: { access: read },
    handler: async (req) => cm.updateChange(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/cm/changes/:id", {
    schema: { tags, params: idParam },
    config: { access: read },
    handler: async (req, reply) => {
      await cm.deleteChange(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.post("/api/cm/agents/:id/role-models", {
    schema: { tags, params: idParam, body: createRoleModelBody, response: { 201: roleModelSchema } },
    config: { access: read },
    handler: async (req, reply) =>
      reply.status(201).send(await cm.addRoleModel(actorOf(req), req.params.id, req.body)),
  });

  app.delete("/api/cm/role-models/:id", {
    schema: { tags, params: idParam },
    config: { access: read },
    handler: async (req, reply) => {
      await cm.deleteRoleModel(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
