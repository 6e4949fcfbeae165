import type { MultipartFile } from "@fastify/multipart";
import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import { linkRecordEvidence, recordEvidenceLinks } from "../../zona-integritas/server";
import {
  assigneeSchema,
  caseDetailSchema,
  caseListItemSchema,
  intakeBody,
  intakeResponse,
  listQuery,
  noteBody,
  COMPLAINT_PERMISSIONS as P,
  publicUnitSchema,
  ratingBody,
  recapEvidenceBody,
  recapQuery,
  recapSchema,
  replyBody,
  rulesBody,
  rulesWire,
  staffIntakeBody,
  staffIntakeResponse,
  trackBody,
  trackedCaseSchema,
  transitionBody,
} from "../contract";
import { type ComplaintService, MAX_ATTACHMENT_BYTES } from "./service";
import { recapXlsx } from "./xlsx";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Public routes carry no session: rate-limited per address (the limiter keeps only an HMAC). */
export const PUBLIC_LIMITS = {
  unit: { name: "complaints.unit", max: 120, windowSeconds: 600 },
  intake: { name: "complaints.intake", max: 10, windowSeconds: 3600 },
  track: { name: "complaints.track", max: 20, windowSeconds: 900 },
  write: { name: "complaints.public-write", max: 20, windowSeconds: 3600 },
} as const;

export const recapRef = (unitId: string, year: number, unitName: string) => ({
  module: "complaints",
  type: "recap",
  id: `${unitId}:${year}`,
  title: `Rekap pengaduan masyarakat ${year} — ${unitName}`,
  path: `/layanan/pengaduan/rekap?unit=${encodeURIComponent(unitId)}&tahun=${year}`,
});

export function complaintRoutes(app: ZonaApp, ctx: AppContext, svc: ComplaintService) {
  const tags = ["complaints"];
  const pub = (rateLimit: (typeof PUBLIC_LIMITS)[keyof typeof PUBLIC_LIMITS]) => ({
    access: "public" as const,
    csrf: false as const,
    rateLimit: { ...rateLimit },
  });

  // --- public ------------------------------------------------------------------------------------

  app.get("/api/public/complaints/units/:code", {
    schema: {
      tags,
      summary: "The unit a public complaint form is for",
      params: z.strictObject({ code: z.string().min(1).max(64) }),
      response: { 200: publicUnitSchema },
    },
    config: pub(PUBLIC_LIMITS.unit),
    handler: async (req) => svc.publicUnit(req.params.code),
  });

  app.post("/api/public/complaints", {
    schema: {
      tags,
      summary: "File a complaint (no account): returns a tracking code and a secret shown once",
      body: intakeBody,
      response: { 201: intakeResponse },
    },
    config: pub(PUBLIC_LIMITS.intake),
    handler: async (req, reply) => {
      const { website, ...input } = req.body;
      if (website) {
        // a bot filled the hidden field: answer like a success, store nothing
        return reply.status(201).send({
          code: "ADU-0000-0000",
          secret: "0000-0000-0000-0000",
          receivedAt: ctx.clock.now().toISOString(),
          verifyDue: ctx.clock.now().toISOString(),
        });
      }
      const r = await svc.intake(input);
      return reply
        .status(201)
        .send({ code: r.code, secret: r.secret, receivedAt: r.receivedAt, verifyDue: r.verifyDue });
    },
  });

  app.post("/api/public/complaints/track", {
    schema: {
      tags,
      summary: "A complaint's status and answer, by tracking code and secret",
      body: trackBody,
      response: { 200: trackedCaseSchema },
    },
    config: pub(PUBLIC_LIMITS.track),
    handler: async (req) => svc.track(req.body.code, req.body.secret),
  });

  app.post("/api/public/complaints/track/reply", {
    schema: {
      tags,
      summary: "The complainant adds information",
      body: replyBody,
      response: { 200: trackedCaseSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) => svc.publicReply(req.body.code, req.body.secret, req.body.message),
  });

  app.post("/api/public/complaints/track/rating", {
    schema: {
      tags,
      summary: "The complainant rates the answer (1–5)",
      body: ratingBody,
      response: { 200: trackedCaseSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) => svc.publicRate(req.body.code, req.body.secret, req.body.score, req.body.comment),
  });

  app.post("/api/public/complaints/track/attachments", {
    schema: {
      tags,
      summary:
        "The complainant attaches a file: multipart with the fields code and secret FIRST, then one part 'file'",
      consumes: ["multipart/form-data"],
      body: z.unknown(),
      response: { 200: trackedCaseSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) => {
      const parts = req.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 4 } });
      const fields: Record<string, string> = {};
      let part: MultipartFile | undefined;
      for await (const p of parts) {
        if (p.type === "file") {
          part = p;
          break;
        }
        if ((p.fieldname === "code" || p.fieldname === "secret") && typeof p.value === "string")
          fields[p.fieldname] = p.value.slice(0, 40);
      }
      if (!part) fail("CMP_ATTACHMENT_MISSING", { part: "file" });
      try {
        if (!fields.code) fail("CMP_ATTACHMENT_MISSING", { part: "code" });
        if (!fields.secret) fail("CMP_ATTACHMENT_MISSING", { part: "secret" });
        return await svc.publicAttach(fields.code, fields.secret, part.filename, part.file);
      } finally {
        part.file.resume();
      }
    },
  });

  // --- staff -------------------------------------------------------------------------------------

  app.get("/api/complaints", {
    schema: {
      tags,
      summary: "Complaints in the caller's scope, with SLA state",
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(caseListItemSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.list(actorOf(req), req.query) }),
  });

  app.post("/api/complaints/intake", {
    schema: {
      tags,
      summary:
        "Record a complaint received at the counter, by phone, by letter or by e-mail; returns the code and a secret for the complainant's receipt",
      body: staffIntakeBody,
      response: { 201: staffIntakeResponse },
    },
    config: { access: { permission: P.handle } },
    handler: async (req, reply) => {
      const r = await svc.staffIntake(actorOf(req), req.body);
      return reply.status(201).send({
        id: r.id,
        code: r.code,
        secret: r.secret,
        receivedAt: r.receivedAt,
        verifyDue: r.verifyDue,
      });
    },
  });

  app.get("/api/complaints/assignees", {
    schema: {
      tags,
      summary: "Who may receive a disposition at a unit",
      querystring: z.strictObject({ unitId: z.string().min(1).max(64) }),
      response: { 200: z.object({ items: z.array(assigneeSchema) }) },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => ({ items: await svc.assignees(actorOf(req), req.query.unitId) }),
  });

  app.get("/api/complaints/rules", {
    schema: {
      tags,
      summary: "The SLA rule set in force for a unit, each number with its source",
      querystring: z.strictObject({ unitId: z.string().min(1).max(64) }),
      response: { 200: rulesWire },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => svc.rulesWire(actorOf(req), req.query.unitId),
  });

  app.put("/api/complaints/rules", {
    schema: {
      tags,
      summary: "A unit's own limits (working days), replacing the shipped defaults",
      body: rulesBody,
      response: { 200: rulesWire },
    },
    config: { access: { permission: P.configure } },
    handler: async (req) => {
      await svc.setRules(actorOf(req), req.body.unitId, req.body.overrides);
      return svc.rulesWire(actorOf(req), req.body.unitId);
    },
  });

  app.get("/api/complaints/recap", {
    schema: {
      tags,
      summary: "Monthly and yearly figures of a unit",
      querystring: recapQuery,
      response: { 200: recapSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => {
      const r = await svc.recap(actorOf(req), req.query.unitId, req.query.year);
      const evidence = await recordEvidenceLinks(ctx, {
        module: "complaints",
        type: "recap",
        id: `${r.unitId}:${r.year}`,
      });
      return { ...r, evidence };
    },
  });

  app.get("/api/complaints/recap.xlsx", {
    schema: {
      tags,
      summary: "The recap and its cases as a spreadsheet",
      querystring: recapQuery,
      produces: [XLSX_MIME],
    },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const r = await svc.recap(actor, req.query.unitId, req.query.year);
      const cases = await svc.list(actor, {
        unitId: r.unitId,
        from: `${r.year}-01-01`,
        to: `${r.year}-12-31`,
      });
      const buffer = await recapXlsx(
        r,
        cases.filter((c) => c.unitId === r.unitId),
      );
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", contentDisposition(`rekap-pengaduan-${r.year}.xlsx`, "attachment"))
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  app.post("/api/complaints/recap/evidence", {
    schema: {
      tags,
      summary: "Offer a year's recap as evidence for LKE questions",
      body: recapEvidenceBody,
      response: { 200: z.object({ linked: z.number().int(), evidence: z.array(z.string()) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => {
      const actor = actorOf(req);
      const r = await svc.recap(actor, req.body.unitId, req.body.year);
      const ref = recapRef(r.unitId, r.year, r.unitName);
      const { linked } = await linkRecordEvidence(ctx, actor, {
        unitId: r.unitId,
        questionKeys: req.body.questionKeys,
        ref,
      });
      return { linked, evidence: await recordEvidenceLinks(ctx, ref) };
    },
  });

  app.get("/api/complaints/:id", {
    schema: {
      tags,
      summary: "A complaint with its deadlines and full timeline",
      params: idParam,
      response: { 200: caseDetailSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => svc.detail(actorOf(req), req.params.id),
  });

  app.post("/api/complaints/:id/transitions", {
    schema: {
      tags,
      summary: "Move a complaint to its next step (out-of-order steps are refused)",
      params: idParam,
      body: transitionBody,
      response: { 200: caseDetailSchema },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => svc.transition(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/complaints/:id/notes", {
    schema: {
      tags,
      summary: "An internal note (never shown to the complainant)",
      params: idParam,
      body: noteBody,
      response: { 200: caseDetailSchema },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => svc.addNote(actorOf(req), req.params.id, req.body.body),
  });

  app.post("/api/complaints/:id/attachments", {
    schema: {
      tags,
      summary: "Attach an evidence file uploaded via /api/files",
      params: idParam,
      body: z.strictObject({ fileId: z.string().min(1).max(64) }),
      response: { 200: caseDetailSchema },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => svc.attachFile(actorOf(req), req.params.id, req.body.fileId),
  });
}
