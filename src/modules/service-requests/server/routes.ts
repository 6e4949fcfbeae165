import type { MultipartFile } from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  addStartersBody,
  assigneeSchema,
  dashboardQuery,
  dashboardSchema,
  inboxItemSchema,
  inboxQuery,
  myRequestsSchema,
  noteBody,
  otpStartBody,
  otpStartResponse,
  otpVerifyBody,
  SR_PERMISSIONS as P,
  paymentBody,
  paymentRecordSchema,
  publicCancelBody,
  publicDownloadBody,
  publicUnitSchema,
  publicUploadDocumentsBody,
  ratingBody,
  requestDetailSchema,
  requesterSessionSchema,
  SR_API,
  serviceTypeInput,
  serviceTypeSchema,
  serviceTypeUpdate,
  starterSchema,
  submitBody,
  submitResponse,
  trackBody,
  trackingViewSchema,
  transitionBody,
  uploadResponse,
  verificationViewSchema,
} from "../contract";
import { loginAddress, REQUESTER_COOKIE, REQUESTER_SESSION_DAYS, requesterSessionView } from "./requester";
import { MAX_UPLOAD_BYTES, type ServiceRequestService } from "./service";
import { dashboardXlsx } from "./xlsx";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Public routes carry no staff session: rate-limited per address (the limiter keeps only an HMAC). */
export const PUBLIC_LIMITS = {
  unit: { name: "requests.unit", max: 120, windowSeconds: 600 },
  upload: { name: "requests.upload", max: 40, windowSeconds: 3600 },
  submit: { name: "requests.submit", max: 10, windowSeconds: 3600 },
  track: { name: "requests.track", max: 20, windowSeconds: 900 },
  write: { name: "requests.public-write", max: 30, windowSeconds: 3600 },
  otp: { name: "requests.otp", max: 10, windowSeconds: 900 },
  verify: { name: "requests.verify", max: 60, windowSeconds: 600 },
} as const;

export function serviceRequestRoutes(app: ZonaApp, ctx: AppContext, svc: ServiceRequestService) {
  const tags = ["service-requests"];
  const pub = (rateLimit: (typeof PUBLIC_LIMITS)[keyof typeof PUBLIC_LIMITS]) => ({
    access: "public" as const,
    csrf: false as const,
    rateLimit: { ...rateLimit },
  });
  const cookieOf = (req: FastifyRequest) => req.cookies?.[REQUESTER_COOKIE];
  const sessionEmail = (req: FastifyRequest) => svc.sessionOf(cookieOf(req));
  const secure = (req: FastifyRequest) =>
    req.protocol === "https" || ctx.config.publicUrl.startsWith("https://");
  const sendFile = async (
    reply: FastifyReply,
    d: Awaited<ReturnType<ServiceRequestService["publicDownload"]>>,
  ) =>
    reply
      .header("content-type", d.file.mime)
      .header("content-length", String(d.file.sizeBytes))
      .header("content-disposition", contentDisposition(d.file.originalName, "attachment"))
      .header("cache-control", "private, no-store")
      .header("x-content-sha256", d.file.sha256)
      .send(d.stream);

  // --- public ------------------------------------------------------------------------------------

  app.get("/api/public/requests/units/:code", {
    schema: {
      tags,
      summary: "The services a unit offers to the public, with requirements and SLA",
      params: z.strictObject({ code: z.string().min(1).max(64) }),
      response: { 200: publicUnitSchema },
    },
    config: pub(PUBLIC_LIMITS.unit),
    handler: async (req) => svc.publicUnit(req.params.code),
  });

  app.post(SR_API.publicUpload, {
    schema: {
      tags,
      summary: "Upload a requirement document (multipart: the field unitCode FIRST, then one part 'file')",
      consumes: ["multipart/form-data"],
      body: z.unknown(),
      response: { 201: uploadResponse },
    },
    config: pub(PUBLIC_LIMITS.upload),
    handler: async (req, reply) => {
      const parts = req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 3 } });
      let unitCode: string | undefined;
      let part: MultipartFile | undefined;
      for await (const p of parts) {
        if (p.type === "file") {
          part = p;
          break;
        }
        if (p.fieldname === "unitCode" && typeof p.value === "string") unitCode = p.value.slice(0, 64);
      }
      if (!part) fail("SR_UPLOAD_MISSING", { part: "file" });
      try {
        if (!unitCode) fail("SR_UPLOAD_MISSING", { part: "unitCode" });
        return reply.status(201).send(await svc.publicUpload(unitCode, part.filename, part.file));
      } finally {
        part.file.resume();
      }
    },
  });

  app.post(SR_API.publicSubmit, {
    schema: {
      tags,
      summary: "Submit a request (no account): returns the request number and a secret shown once",
      body: submitBody,
      response: { 201: submitResponse },
    },
    config: pub(PUBLIC_LIMITS.submit),
    handler: async (req, reply) => {
      const { website, ...input } = req.body;
      if (website) {
        const now = ctx.clock.now().toISOString();
        return reply.status(201).send({
          number: "ALC-0000-0000",
          secret: "0000-0000-0000-0000",
          submittedAt: now,
          firstResponseDueAt: now,
          dueAt: now,
        });
      }
      const r = await svc.submit(input);
      return reply.status(201).send({
        number: r.number,
        secret: r.secret,
        submittedAt: r.submittedAt,
        firstResponseDueAt: r.firstResponseDueAt,
        dueAt: r.dueAt,
      });
    },
  });

  app.post(SR_API.publicTrack, {
    schema: {
      tags,
      summary:
        "A request's state, SLA clock and history by number; details with the secret or the requester login",
      body: trackBody,
      response: { 200: trackingViewSchema },
    },
    config: pub(PUBLIC_LIMITS.track),
    handler: async (req) => svc.track(req.body.number, req.body.secret, await sessionEmail(req)),
  });

  app.post(SR_API.publicDocuments, {
    schema: {
      tags,
      summary: "The requester sends the documents asked for (uploaded first); the clock resumes",
      body: publicUploadDocumentsBody,
      response: { 200: trackingViewSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) =>
      svc.publicUploadDocuments(
        req.body.number,
        req.body.secret,
        await sessionEmail(req),
        req.body.documents,
        req.body.message,
      ),
  });

  app.post(SR_API.publicCancel, {
    schema: {
      tags,
      summary: "The requester cancels an open request",
      body: publicCancelBody,
      response: { 200: trackingViewSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) =>
      svc.publicCancel(req.body.number, req.body.secret, await sessionEmail(req), req.body.reason),
  });

  app.post(SR_API.publicRate, {
    schema: {
      tags,
      summary: "One rating (1–4, the SKM scale) and a comment, once, after completion",
      body: ratingBody,
      response: { 200: trackingViewSchema },
    },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req) =>
      svc.publicRate(
        req.body.number,
        req.body.secret,
        await sessionEmail(req),
        req.body.score,
        req.body.comment,
      ),
  });

  app.post(SR_API.publicDownload, {
    schema: {
      tags,
      summary: "Download a file of the request (the produced document or the requester's uploads)",
      body: publicDownloadBody,
      produces: ["application/pdf", "application/octet-stream"],
    },
    config: pub(PUBLIC_LIMITS.track),
    handler: async (req, reply) =>
      sendFile(
        reply,
        await svc.publicDownload(req.body.number, req.body.secret, await sessionEmail(req), req.body.fileId),
      ),
  });

  app.post(SR_API.otpStart, {
    schema: {
      tags,
      summary:
        "Send a one-time sign-in code to an e-mail address or, over WhatsApp, to an Indonesian mobile number (always answers the same)",
      body: otpStartBody,
      response: { 202: otpStartResponse },
    },
    config: pub(PUBLIC_LIMITS.otp),
    handler: async (req, reply) => {
      const r = await svc.otpStart(loginAddress(req.body), req.body.lang);
      return reply.status(202).send({ sent: true as const, expiresInSeconds: r.expiresInSeconds });
    },
  });

  app.post(SR_API.otpVerify, {
    schema: {
      tags,
      summary: "Check the one-time code; sets the HttpOnly requester cookie",
      body: otpVerifyBody,
      response: { 200: requesterSessionSchema },
    },
    config: pub(PUBLIC_LIMITS.otp),
    handler: async (req, reply) => {
      const address = loginAddress(req.body);
      const r = await svc.otpVerify(address, req.body.code);
      reply.setCookie(REQUESTER_COOKIE, r.token, {
        httpOnly: true,
        sameSite: "strict",
        secure: secure(req),
        path: "/api/public/requests",
        maxAge: REQUESTER_SESSION_DAYS * 86400,
      });
      return requesterSessionView({
        email: address.email ?? null,
        phone: address.phone ?? null,
        expiresAt: r.expiresAt,
      });
    },
  });

  app.post(SR_API.logout, {
    schema: { tags, summary: "End the requester session", response: { 204: z.null() } },
    config: pub(PUBLIC_LIMITS.write),
    handler: async (req, reply) => {
      await svc.logout(cookieOf(req));
      reply.clearCookie(REQUESTER_COOKIE, { path: "/api/public/requests" });
      return reply.status(204).send(null);
    },
  });

  app.get(SR_API.mine, {
    schema: { tags, summary: "The signed-in requester's requests", response: { 200: myRequestsSchema } },
    config: pub(PUBLIC_LIMITS.track),
    handler: async (req) => {
      const s = await svc.sessionOf(cookieOf(req));
      if (!s) fail("SR_REQUESTER_UNAUTHENTICATED");
      return svc.mine(s);
    },
  });

  app.get("/api/public/documents/:code/verify", {
    schema: {
      tags,
      summary:
        "Is this document genuine? Number, date, issuing unit and the SHA-256 of the PDF (no personal data)",
      params: z.strictObject({ code: z.string().min(1).max(40) }),
      response: { 200: verificationViewSchema },
    },
    config: pub(PUBLIC_LIMITS.verify),
    handler: async (req) => svc.verify(req.params.code),
  });

  // --- staff: catalogue --------------------------------------------------------------------------

  const unitQuery = z.strictObject({ unitId: z.string().min(1).max(64) });

  app.get(SR_API.catalogue, {
    schema: {
      tags,
      summary: "A unit's service catalogue",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(serviceTypeSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.listServices(actorOf(req), req.query.unitId) }),
  });

  app.post(SR_API.catalogue, {
    schema: {
      tags,
      summary: "Add a service type",
      body: serviceTypeInput,
      response: { 201: serviceTypeSchema },
    },
    config: { access: { permission: P.configure } },
    handler: async (req, reply) => reply.status(201).send(await svc.createService(actorOf(req), req.body)),
  });

  app.get(SR_API.starters, {
    schema: {
      tags,
      summary: "The shipped starting entries (four post-auction services) and whether the unit has them",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(starterSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.starters(actorOf(req), req.query.unitId) }),
  });

  app.post(SR_API.starters, {
    schema: {
      tags,
      summary: "Add starting entries to a unit",
      body: addStartersBody,
      response: { 200: z.object({ items: z.array(serviceTypeSchema) }) },
    },
    config: { access: { permission: P.configure } },
    handler: async (req) => ({ items: await svc.addStarters(actorOf(req), req.body.unitId, req.body.keys) }),
  });

  app.get("/api/requests/catalogue/:id", {
    schema: { tags, summary: "One service type", params: idParam, response: { 200: serviceTypeSchema } },
    config: { access: { permission: P.read } },
    handler: async (req) => svc.getService(actorOf(req), req.params.id),
  });

  app.put("/api/requests/catalogue/:id", {
    schema: {
      tags,
      summary: "Change a service type (optimistic lock by version)",
      params: idParam,
      body: serviceTypeUpdate,
      response: { 200: serviceTypeSchema },
    },
    config: { access: { permission: P.configure } },
    handler: async (req) => svc.updateService(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/requests/catalogue/:id", {
    schema: {
      tags,
      summary: "Delete a service type that has no requests",
      params: idParam,
      response: { 204: z.null() },
    },
    config: { access: { permission: P.configure } },
    handler: async (req, reply) => {
      await svc.deleteService(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  // --- staff: payments, assignees, dashboard -----------------------------------------------------

  app.get(SR_API.payments, {
    schema: {
      tags,
      summary: "Auction payments recorded at a unit",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(paymentRecordSchema) }) },
    },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await svc.listPayments(actorOf(req), req.query.unitId) }),
  });

  app.post(SR_API.payments, {
    schema: {
      tags,
      summary: "Record (or correct) an auction's payment status (receiving treasurer)",
      body: paymentBody,
      response: { 200: paymentRecordSchema },
    },
    config: { access: { permission: P.payment } },
    handler: async (req) => svc.recordPayment(actorOf(req), req.body),
  });

  app.get(SR_API.assignees, {
    schema: {
      tags,
      summary: "Who may handle requests at a unit",
      querystring: unitQuery,
      response: { 200: z.object({ items: z.array(assigneeSchema) }) },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => ({
      items: (await svc.assignees(actorOf(req), req.query.unitId)).map(({ id, name, roles }) => ({
        id,
        name,
        roles,
      })),
    }),
  });

  app.get(SR_API.dashboard, {
    schema: {
      tags,
      summary: "Figures per service and period: counts, SLA compliance, average completion, breaches",
      querystring: dashboardQuery,
      response: { 200: dashboardSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => {
      const { rows: _rows, ...d } = await svc.dashboard(
        actorOf(req),
        req.query.unitId,
        req.query.from,
        req.query.to,
      );
      return d;
    },
  });

  app.get(SR_API.dashboardXlsx, {
    schema: {
      tags,
      summary: "The dashboard and its requests as a spreadsheet",
      querystring: dashboardQuery,
      produces: [XLSX_MIME],
    },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const d = await svc.dashboard(actorOf(req), req.query.unitId, req.query.from, req.query.to);
      const buffer = await dashboardXlsx(d, d.rows);
      return reply
        .header("content-type", XLSX_MIME)
        .header(
          "content-disposition",
          contentDisposition(`permohonan-layanan-${d.from}-${d.to}.xlsx`, "attachment"),
        )
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  // --- staff: requests ---------------------------------------------------------------------------

  app.get(SR_API.inbox, {
    schema: {
      tags,
      summary: "Requests in the caller's scope, open ones first by working time left",
      querystring: inboxQuery,
      response: { 200: z.object({ items: z.array(inboxItemSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.inbox(actorOf(req), req.query) }),
  });

  app.get("/api/requests/:id", {
    schema: {
      tags,
      summary: "A request with its SLA, documents and full history",
      params: idParam,
      response: { 200: requestDetailSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => svc.detail(actorOf(req), req.params.id),
  });

  app.post("/api/requests/:id/transition", {
    schema: {
      tags,
      summary: "Move a request to its next step (out-of-order steps are refused with 409)",
      params: idParam,
      body: transitionBody,
      response: { 200: requestDetailSchema },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => svc.transition(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/requests/:id/notes", {
    schema: {
      tags,
      summary: "An internal note (never shown to the requester)",
      params: idParam,
      body: noteBody,
      response: { 200: requestDetailSchema },
    },
    config: { access: { permission: P.handle } },
    handler: async (req) => svc.addNote(actorOf(req), req.params.id, req.body.body),
  });

  app.get("/api/requests/:id/files/:fileId", {
    schema: {
      tags,
      summary: "Download a file of the request (staff)",
      params: z.strictObject({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) }),
      produces: ["application/pdf", "application/octet-stream"],
    },
    config: { access: { permission: P.read } },
    handler: async (req, reply) =>
      sendFile(reply, await svc.staffFile(actorOf(req), req.params.id, req.params.fileId)),
  });
}
