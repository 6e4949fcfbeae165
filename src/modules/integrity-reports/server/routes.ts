import { z } from "zod";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import { linkRecordEvidence, recordEvidenceLinks } from "../../zona-integritas/server/index";
import {
  campaignBody,
  campaignSchema,
  challengeSchema,
  coiDeclarationSchema,
  coiDeclareBody,
  coiEvaluationSchema,
  coiFunctionBody,
  coiFunctionSchema,
  coiListQuery,
  coiReviewBody,
  evidenceBody,
  gratCreateBody,
  gratDecideBody,
  gratForwardBody,
  gratListQuery,
  gratRecapSchema,
  gratReportSchema,
  gratReviewBody,
  gratRulesSchema,
  wbsAttachmentResultSchema,
  wbsChannelSchema,
  wbsDetailSchema,
  wbsFollowAttachmentBody,
  wbsFollowBody,
  wbsFollowMessageBody,
  wbsFollowViewSchema,
  wbsHandlerMessageBody,
  wbsIdentitySchema,
  wbsListQuery,
  wbsReceiptSchema,
  wbsStatusBody,
  wbsSubmitBody,
  wbsSummarySchema,
} from "../contract";
import { GRAT_RULE_SETS } from "../domain/gratification-rules";
import { EVIDENCE_MODULE, INTEGRITY_PERMISSIONS } from "../domain/model";
import type { CoiService } from "./coi.service";
import type { GratService } from "./grat.service";
import type { WbsService } from "./wbs.service";
import { gratRegisterXlsx, wbsRegisterXlsx } from "./xlsx";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const registerQuery = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const xlsxReply = (
  reply: { header(k: string, v: string): { send(b: Buffer): unknown } } & {
    header(k: string, v: string): unknown;
  },
  filename: string,
  buffer: Buffer,
) => {
  reply.header("content-type", XLSX_MIME);
  reply.header("content-disposition", contentDisposition(filename, "attachment"));
  return reply.header("cache-control", "private, no-store").send(buffer);
};

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const P = INTEGRITY_PERMISSIONS;

/**
 * Public whistle-blowing routes: no session is read (access "public"), no CSRF (no cookie is used),
 * no address-keyed rate limit (the kernel's limiter would key an HMAC of the address); instead a
 * proof of work on every write/lookup and a per-code failure counter. `anonymous` marks them for the
 * logger: the kernel's request logs carry only method, path, status and request id anyway.
 */
const PUBLIC = { access: "public" as const, csrf: false as const, anonymous: true };
const noStore = (reply: { header(k: string, v: string): unknown }) => {
  reply.header("cache-control", "no-store");
  reply.header("referrer-policy", "no-referrer");
};

export interface IntegrityServices {
  wbs: WbsService;
  grat: GratService;
  coi: CoiService;
}

export function integrityRoutes(app: ZonaApp, ctx: AppContext, s: IntegrityServices) {
  const pub = ["integrity (public)"];
  const tags = ["integrity-reports"];

  // ------------------------------------------------------------------------------------------
  // Whistle-blowing, public

  app.get("/api/public/wbs/challenge", {
    schema: {
      tags: pub,
      summary: "A proof-of-work challenge for the next WBS request",
      response: { 200: challengeSchema },
    },
    config: PUBLIC,
    handler: async (_req, reply) => {
      noStore(reply);
      return s.wbs.challenge();
    },
  });

  app.get("/api/public/wbs/units/:code", {
    schema: {
      tags: pub,
      summary: "The WBS channel of a unit (name, who handles reports about its head)",
      params: z.strictObject({ code: z.string().min(1).max(64) }),
      response: { 200: wbsChannelSchema },
    },
    config: PUBLIC,
    handler: async (req, reply) => {
      noStore(reply);
      return s.wbs.channel(req.params.code);
    },
  });

  app.post("/api/public/wbs/units/:code/reports", {
    schema: {
      tags: pub,
      summary: "File an anonymous report; answers a code and a secret (shown once)",
      params: z.strictObject({ code: z.string().min(1).max(64) }),
      body: wbsSubmitBody,
      response: { 201: wbsReceiptSchema },
    },
    config: PUBLIC,
    handler: async (req, reply) => {
      noStore(reply);
      return reply.status(201).send(await s.wbs.submit(req.params.code, req.body));
    },
  });

  app.post("/api/public/wbs/follow", {
    schema: {
      tags: pub,
      summary: "Read a report's status and replies with its code and secret",
      body: wbsFollowBody,
      response: { 200: wbsFollowViewSchema },
    },
    config: PUBLIC,
    handler: async (req, reply) => {
      noStore(reply);
      return s.wbs.followView(req.body);
    },
  });

  app.post("/api/public/wbs/follow/messages", {
    schema: {
      tags: pub,
      summary: "Add information to a report (code and secret)",
      body: wbsFollowMessageBody,
      response: { 200: wbsFollowViewSchema },
    },
    config: PUBLIC,
    handler: async (req, reply) => {
      noStore(reply);
      return s.wbs.followMessage(req.body);
    },
  });

  app.post("/api/public/wbs/follow/attachments", {
    schema: {
      tags: pub,
      summary: "Attach a file (base64, at most 5 MB) to a report; image metadata is stripped",
      body: wbsFollowAttachmentBody,
      response: { 201: wbsAttachmentResultSchema },
    },
    bodyLimit: 8 * 1024 * 1024,
    config: PUBLIC,
    handler: async (req, reply) => {
      noStore(reply);
      return reply.status(201).send(await s.wbs.followAttachment(req.body));
    },
  });

  // ------------------------------------------------------------------------------------------
  // Whistle-blowing, handler

  app.get("/api/integrity/wbs/reports", {
    schema: {
      tags,
      summary: "WBS reports handled in the caller's scope (no reporter identity)",
      querystring: wbsListQuery,
      response: { 200: z.object({ items: z.array(wbsSummarySchema) }) },
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req) => ({ items: await s.wbs.list(actorOf(req), req.query) }),
  });

  app.get("/api/integrity/wbs/register.xlsx", {
    schema: {
      tags,
      summary:
        "The WBS register as a spreadsheet — anonymous by construction: code, dates, category, status and handling unit only",
      querystring: registerQuery,
      produces: [XLSX_MIME],
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req, reply) => {
      const year = req.query.year ?? Number(jakartaDate(ctx.clock.now()).slice(0, 4));
      const rows = await s.wbs.registerRows(actorOf(req), { unitId: req.query.unitId, year });
      const buffer = await wbsRegisterXlsx(rows, {
        title: `Register pengaduan WBS ${year}`,
        generatedOn: jakartaDate(ctx.clock.now()),
      });
      return xlsxReply(reply, `register-wbs-${year}.xlsx`, buffer);
    },
  });

  app.get("/api/integrity/wbs/reports/:id", {
    schema: {
      tags,
      summary: "A WBS case with its timeline (audited view)",
      params: idParam,
      response: { 200: wbsDetailSchema },
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req) => s.wbs.detail(actorOf(req), req.params.id),
  });

  app.post("/api/integrity/wbs/reports/:id/messages", {
    schema: {
      tags,
      summary: "Reply to the reporter, or add an internal note (internal: true)",
      params: idParam,
      body: wbsHandlerMessageBody,
      response: { 200: wbsDetailSchema },
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req) => s.wbs.post(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/integrity/wbs/reports/:id/status", {
    schema: {
      tags,
      summary: "Move a case to its next status",
      params: idParam,
      body: wbsStatusBody,
      response: { 200: wbsDetailSchema },
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req) => s.wbs.setStatus(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/integrity/wbs/reports/:id/identity", {
    schema: {
      tags,
      summary: "Decrypt the identity the reporter chose to give (audited)",
      params: idParam,
      response: { 200: wbsIdentitySchema },
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req, reply) => {
      noStore(reply);
      return s.wbs.revealIdentity(actorOf(req), req.params.id);
    },
  });

  app.get("/api/integrity/wbs/reports/:id/attachments/:attachmentId", {
    schema: {
      tags,
      summary: "Download an attachment (audited)",
      params: idParam.extend({ attachmentId: z.string().min(1).max(64) }),
    },
    config: { access: { permission: P.wbsHandle } },
    handler: async (req, reply) => {
      const { meta, bytes } = await s.wbs.download(actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .header("content-type", meta.mime)
        .header("content-disposition", contentDisposition(meta.filename, "attachment"))
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .send(bytes);
    },
  });

  // ------------------------------------------------------------------------------------------
  // Gratification

  app.get("/api/integrity/gratification/rules", {
    schema: {
      tags,
      summary: "Versioned gratification rules with sources",
      response: { 200: gratRulesSchema },
    },
    config: { access: "authenticated" },
    handler: async () =>
      GRAT_RULE_SETS.map((r) => ({
        id: r.id,
        title: r.title,
        effectiveFrom: r.effectiveFrom,
        effectiveFromConfidence: r.effectiveFromConfidence,
        reportToKpkWorkingDays: r.reportToKpkWorkingDays,
        toUpgWorkingDays: r.toUpgWorkingDays,
        upgToKpkWorkingDays: r.upgToKpkWorkingDays,
        completenessWorkingDays: r.completenessWorkingDays,
        thresholds: r.thresholds as Record<
          string,
          { value: number; source: string; confidence: "C1" | "C2" | "S" | "U" }
        >,
      })),
  });

  app.post("/api/integrity/gratification/reports", {
    schema: {
      tags,
      summary: "Report a gift received or refused",
      body: gratCreateBody,
      response: { 201: gratReportSchema },
    },
    config: { access: { permission: P.gratReport } },
    handler: async (req, reply) => reply.status(201).send(await s.grat.create(actorOf(req), req.body)),
  });

  app.get("/api/integrity/gratification/mine", {
    schema: {
      tags,
      summary: "The caller's own gratification reports",
      response: { 200: z.object({ items: z.array(gratReportSchema) }) },
    },
    config: { access: { permission: P.gratReport } },
    handler: async (req) => ({ items: await s.grat.mine(actorOf(req)) }),
  });

  app.get("/api/integrity/gratification/reports", {
    schema: {
      tags,
      summary: "The UPG register: reports in the caller's scope",
      querystring: gratListQuery,
      response: { 200: z.object({ items: z.array(gratReportSchema) }) },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req) => ({ items: await s.grat.list(actorOf(req), req.query) }),
  });

  app.get("/api/integrity/gratification/register.xlsx", {
    schema: {
      tags,
      summary:
        "The UPG's gratification register of a year as a spreadsheet (internal: names reporter and giver)",
      querystring: registerQuery,
      produces: [XLSX_MIME],
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req, reply) => {
      const year = req.query.year ?? Number(jakartaDate(ctx.clock.now()).slice(0, 4));
      const items = await s.grat.list(actorOf(req), { unitId: req.query.unitId, year });
      const buffer = await gratRegisterXlsx(items, { title: `Register gratifikasi ${year}` });
      return xlsxReply(reply, `register-gratifikasi-${year}.xlsx`, buffer);
    },
  });

  app.get("/api/integrity/gratification/reports/:id", {
    schema: {
      tags,
      summary: "One report (its reporter or a UPG reviewer)",
      params: idParam,
      response: { 200: gratReportSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => s.grat.get(actorOf(req), req.params.id),
  });

  app.post("/api/integrity/gratification/reports/:id/review", {
    schema: {
      tags,
      summary: "UPG review (with a decision: closed by the UPG)",
      params: idParam,
      body: gratReviewBody,
      response: { 200: gratReportSchema },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req) => s.grat.review(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/integrity/gratification/reports/:id/forward", {
    schema: {
      tags,
      summary: "Record the forwarding to KPK with its reference",
      params: idParam,
      body: gratForwardBody,
      response: { 200: gratReportSchema },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req) => s.grat.forward(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/integrity/gratification/reports/:id/decision", {
    schema: {
      tags,
      summary: "Record KPK's decision",
      params: idParam,
      body: gratDecideBody,
      response: { 200: gratReportSchema },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req) => s.grat.decide(actorOf(req), req.params.id, req.body),
  });

  app.get("/api/integrity/gratification/recap", {
    schema: {
      tags,
      summary: "Yearly recap of a unit",
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64),
        year: z.coerce.number().int().min(2000).max(2100),
      }),
      response: { 200: gratRecapSchema },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req) => s.grat.recap(actorOf(req), req.query.unitId, req.query.year),
  });

  app.get("/api/integrity/gratification/campaigns", {
    schema: {
      tags,
      summary: "Public campaign items of a unit",
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64),
        year: z.coerce.number().int().optional(),
      }),
      response: { 200: z.object({ items: z.array(campaignSchema) }) },
    },
    config: { access: { permission: P.gratReport } },
    handler: async (req) => ({
      items: await s.grat.campaigns(actorOf(req), req.query.unitId, req.query.year),
    }),
  });

  app.post("/api/integrity/gratification/campaigns", {
    schema: {
      tags,
      summary: "Record a public campaign item",
      body: campaignBody,
      response: { 201: campaignSchema },
    },
    config: { access: { permission: P.gratReview } },
    handler: async (req, reply) => reply.status(201).send(await s.grat.addCampaign(actorOf(req), req.body)),
  });

  app.delete("/api/integrity/gratification/campaigns/:id", {
    schema: { tags, summary: "Remove a campaign item", params: idParam },
    config: { access: { permission: P.gratReview } },
    handler: async (req, reply) => {
      await s.grat.removeCampaign(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // ------------------------------------------------------------------------------------------
  // Conflict of interest

  app.post("/api/integrity/coi/declarations", {
    schema: {
      tags,
      summary: "Declare (yearly, or for an activity)",
      body: coiDeclareBody,
      response: { 201: coiDeclarationSchema },
    },
    config: { access: { permission: P.coiDeclare } },
    handler: async (req, reply) => reply.status(201).send(await s.coi.declare(actorOf(req), req.body)),
  });

  app.get("/api/integrity/coi/mine", {
    schema: {
      tags,
      summary: "The caller's declarations",
      response: { 200: z.object({ items: z.array(coiDeclarationSchema) }) },
    },
    config: { access: { permission: P.coiDeclare } },
    handler: async (req) => ({ items: await s.coi.mine(actorOf(req)) }),
  });

  app.get("/api/integrity/coi/declarations", {
    schema: {
      tags,
      summary: "Declarations to review in the caller's scope",
      querystring: coiListQuery,
      response: { 200: z.object({ items: z.array(coiDeclarationSchema) }) },
    },
    config: { access: { permission: P.coiReview } },
    handler: async (req) => ({ items: await s.coi.list(actorOf(req), req.query) }),
  });

  app.post("/api/integrity/coi/declarations/:id/review", {
    schema: {
      tags,
      summary: "Record the handling decision",
      params: idParam,
      body: coiReviewBody,
      response: { 200: coiDeclarationSchema },
    },
    config: { access: { permission: P.coiReview } },
    handler: async (req) => s.coi.review(actorOf(req), req.params.id, req.body),
  });

  const unitYear = z.strictObject({
    unitId: z.string().min(1).max(64),
    year: z.coerce.number().int().min(2000).max(2100),
  });

  app.get("/api/integrity/coi/functions", {
    schema: {
      tags,
      summary: "Conflict-prone functions of a unit and year",
      querystring: unitYear,
      response: { 200: z.object({ items: z.array(coiFunctionSchema) }) },
    },
    config: { access: { permission: P.coiDeclare } },
    handler: async (req) => ({
      items: await s.coi.functions(actorOf(req), req.query.unitId, req.query.year),
    }),
  });

  app.post("/api/integrity/coi/functions", {
    schema: {
      tags,
      summary: "Map a conflict-prone function",
      body: coiFunctionBody,
      response: { 201: coiFunctionSchema },
    },
    config: { access: { permission: P.coiReview } },
    handler: async (req, reply) =>
      reply.status(201).send(await s.coi.saveFunction(actorOf(req), null, req.body)),
  });

  app.put("/api/integrity/coi/functions/:id", {
    schema: {
      tags,
      summary: "Update a mapped function",
      params: idParam,
      body: coiFunctionBody,
      response: { 200: coiFunctionSchema },
    },
    config: { access: { permission: P.coiReview } },
    handler: async (req) => s.coi.saveFunction(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/integrity/coi/functions/:id", {
    schema: { tags, summary: "Remove a mapped function", params: idParam },
    config: { access: { permission: P.coiReview } },
    handler: async (req, reply) => {
      await s.coi.removeFunction(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get("/api/integrity/coi/evaluation", {
    schema: {
      tags,
      summary: "Yearly evaluation: declarations submitted / employees",
      querystring: unitYear,
      response: { 200: coiEvaluationSchema },
    },
    config: { access: { permission: P.coiReview } },
    handler: async (req) => s.coi.evaluation(actorOf(req), req.query.unitId, req.query.year),
  });

  // ------------------------------------------------------------------------------------------
  // Evidence for the LKE worksheet

  app.post("/api/integrity/evidence", {
    schema: {
      tags,
      summary: "Link a campaign item or a yearly figure as evidence for LKE questions",
      body: evidenceBody,
      response: { 200: z.object({ questionKeys: z.array(z.string()) }) },
    },
    config: { access: "authenticated" },
    handler: async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      let title: string;
      let path: string;
      let unitId = b.unitId;
      if (b.type === "grat-campaign") {
        const c = await s.grat.campaignRow(b.id);
        unitId = c.unitId;
        title = `Kampanye gratifikasi: ${c.title} (${c.date})`;
        path = `/integritas/gratifikasi/register?tab=kampanye`;
      } else {
        if (!/^\d{4}$/.test(b.id)) fail("INTEGRITY_RECORD_TYPE", { type: b.type });
        const titles: Record<string, string> = {
          "wbs-summary": "Rekap WBS",
          "grat-recap": "Rekap pelaporan gratifikasi",
          "coi-functions": "Pemetaan jabatan rawan benturan kepentingan",
          "coi-evaluation": "Evaluasi deklarasi benturan kepentingan",
        };
        const paths: Record<string, string> = {
          "wbs-summary": "/integritas/wbs",
          "grat-recap": "/integritas/gratifikasi/register",
          "coi-functions": "/integritas/benturan-kepentingan/tinjau",
          "coi-evaluation": "/integritas/benturan-kepentingan/tinjau",
        };
        title = `${titles[b.type]} ${b.id}`;
        path = `${paths[b.type]}?tahun=${b.id}`;
      }
      await linkRecordEvidence(ctx, actor, {
        unitId,
        questionKeys: b.questionKeys,
        ref: {
          module: EVIDENCE_MODULE,
          type: b.type,
          id: b.type === "grat-campaign" ? b.id : `${unitId}:${b.id}`,
          title,
          path,
        },
      });
      return {
        questionKeys: await recordEvidenceLinks(ctx, {
          module: EVIDENCE_MODULE,
          type: b.type,
          id: b.type === "grat-campaign" ? b.id : `${unitId}:${b.id}`,
        }),
      };
    },
  });
}
