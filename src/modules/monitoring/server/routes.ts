import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  createFollowUpBody,
  createMeetingBody,
  evidenceBody,
  followUpSchema,
  listFollowUpsQuery,
  listMeetingsQuery,
  meetingDetailSchema,
  meetingSummarySchema,
  myFollowUpsSchema,
  personSchema,
  ratesQuery,
  ratesSchema,
  statusChangeBody,
  updateFollowUpBody,
  updateMeetingBody,
} from "../contract";
import { MONEV_PERMISSIONS as P } from "../domain/rules";
import type { MonevService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const read = { permission: P.read };
const manage = { permission: P.manage };

export function monevRoutes(app: ZonaApp, _ctx: AppContext, monev: MonevService) {
  const tags = ["monev"];

  app.get("/api/monev/meetings", {
    schema: {
      tags,
      summary: "A unit's monitoring and evaluation meetings, newest first",
      querystring: listMeetingsQuery,
      response: { 200: z.object({ items: z.array(meetingSummarySchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await monev.listMeetings(actorOf(req), req.query) }),
  });

  app.post("/api/monev/meetings", {
    schema: {
      tags,
      summary: "Record a meeting; open follow-ups of earlier meetings are carried into it",
      body: createMeetingBody,
      response: { 201: meetingDetailSchema },
    },
    config: { access: manage },
    handler: async (req, reply) => reply.status(201).send(await monev.createMeeting(actorOf(req), req.body)),
  });

  app.get("/api/monev/meetings/:id", {
    schema: {
      tags,
      summary: "A meeting: agenda, minutes, decisions, people, files, follow-ups new and carried over",
      params: idParam,
      response: { 200: meetingDetailSchema },
    },
    config: { access: read },
    handler: async (req) => monev.detail(actorOf(req), req.params.id),
  });

  app.patch("/api/monev/meetings/:id", {
    schema: {
      tags,
      summary: "Edit a meeting (optimistic version)",
      params: idParam,
      body: updateMeetingBody,
      response: { 200: meetingDetailSchema },
    },
    config: { access: manage },
    handler: async (req) => monev.updateMeeting(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/monev/meetings/:id/follow-ups", {
    schema: {
      tags,
      summary: "Add a follow-up (owner required; due on or after the meeting date)",
      params: idParam,
      body: createFollowUpBody,
      response: { 201: followUpSchema },
    },
    config: { access: manage },
    handler: async (req, reply) =>
      reply.status(201).send(await monev.addFollowUp(actorOf(req), req.params.id, req.body)),
  });

  app.post("/api/monev/meetings/:id/evidence", {
    schema: {
      tags,
      summary: "Offer the meeting as evidence (data dukung) for LKE questions",
      params: idParam,
      body: evidenceBody,
      response: { 200: z.object({ evidence: z.array(z.string()) }) },
    },
    config: { access: read },
    handler: async (req) => ({
      evidence: await monev.linkEvidence(actorOf(req), req.params.id, req.body.questionKeys),
    }),
  });

  app.delete("/api/monev/meetings/:id/evidence/:questionKey", {
    schema: {
      tags,
      summary: "Withdraw the meeting as evidence for one LKE question",
      params: z.strictObject({ id: z.string().min(1).max(64), questionKey: z.string().min(1).max(100) }),
      response: { 200: z.object({ evidence: z.array(z.string()) }) },
    },
    config: { access: read },
    handler: async (req) => ({
      evidence: await monev.unlinkEvidence(actorOf(req), req.params.id, req.params.questionKey),
    }),
  });

  app.get("/api/monev/follow-ups", {
    schema: {
      tags,
      summary: "A unit's follow-ups (by due date), filtered by status and owner",
      querystring: listFollowUpsQuery,
      response: { 200: z.object({ items: z.array(followUpSchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await monev.listFollowUps(actorOf(req), req.query) }),
  });

  app.get("/api/monev/follow-ups/mine", {
    schema: {
      tags,
      summary: "The caller's own follow-ups, open first (the personal page reads this)",
      response: { 200: myFollowUpsSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => monev.mine(actorOf(req)),
  });

  app.patch("/api/monev/follow-ups/:id", {
    schema: {
      tags,
      summary: "Edit a follow-up's text, owner or due date",
      params: idParam,
      body: updateFollowUpBody,
      response: { 200: followUpSchema },
    },
    config: { access: manage },
    handler: async (req) => monev.updateFollowUp(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/monev/follow-ups/:id/status", {
    schema: {
      tags,
      summary: "Close (done/dropped) or reopen a follow-up — the unit's managers or its owner",
      params: idParam,
      body: statusChangeBody,
      response: { 200: followUpSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => monev.changeStatus(actorOf(req), req.params.id, req.body),
  });

  app.get("/api/monev/rates", {
    schema: {
      tags,
      summary: "Follow-up completion rate per month, quarter or year (by due date)",
      querystring: ratesQuery,
      response: { 200: ratesSchema },
    },
    config: { access: read },
    handler: async (req) => monev.rates(actorOf(req), req.query),
  });

  app.get("/api/monev/units/:id/people", {
    schema: {
      tags,
      summary: "People of a unit who can chair, attend and own follow-ups",
      params: idParam,
      response: { 200: z.object({ items: z.array(personSchema) }) },
    },
    config: { access: read },
    handler: async (req) => ({ items: await monev.peopleFor(actorOf(req), req.params.id) }),
  });
}
