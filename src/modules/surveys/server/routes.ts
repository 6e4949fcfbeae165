import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { DomainError, fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  createFollowUpBody,
  createKindBody,
  createPeriodBody,
  followUpSchema,
  kindSummarySchema,
  periodSchema,
  publicFormSchema,
  publicResultsSchema,
  resultsSchema,
  submitBody,
  updateFollowUpBody,
  updatePeriodBody,
} from "../contract";
import { sampleSize } from "../domain/sample";
import { posterSvg } from "./poster";
import { ASSET_CSS, ASSET_JS, FORM_CSS, FORM_JS, formPage, type Lang, notFoundPage } from "./public-page";
import { reportPdf } from "./report-pdf";
import { DEVICE_COOKIE, SURVEY_PERMISSIONS, type SurveyService } from "./service";
import { responsesXlsx, resultsXlsx } from "./xlsx";

const P = SURVEY_PERMISSIONS;
const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const codeParam = z.strictObject({ code: z.string().regex(/^[a-z0-9]{4,16}$/) });

function download(reply: FastifyReply, mime: string, filename: string, body: Buffer | string) {
  return reply
    .header("content-type", mime)
    .header("content-disposition", contentDisposition(filename, "attachment"))
    .header("cache-control", "private, no-cache")
    .send(body);
}

export function surveyRoutes(app: ZonaApp, ctx: AppContext, svc: SurveyService) {
  const tags = ["surveys"];

  app.get("/api/surveys/kinds", {
    schema: {
      tags,
      summary: "Survey kinds: SKM (PermenPAN-RB 14/2017), IPAK, IPKP and the units' custom surveys",
      querystring: z.strictObject({ unitId: z.string().min(1).max(64).optional() }),
      response: { 200: z.object({ items: z.array(kindSummarySchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.listKinds(actorOf(req), req.query.unitId) }),
  });

  app.post("/api/surveys/kinds", {
    schema: {
      tags,
      summary: "Add a custom survey (1–4 agree scale)",
      body: createKindBody,
      response: { 201: kindSummarySchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req, reply) => reply.status(201).send(await svc.createKind(actorOf(req), req.body)),
  });

  app.get("/api/surveys/sample-size", {
    schema: {
      tags,
      summary: "Required sample for a population (Krejcie–Morgan)",
      querystring: z.strictObject({ population: z.coerce.number().int().min(1).max(100_000_000) }),
      response: { 200: z.object({ population: z.number(), sample: z.number() }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ population: req.query.population, sample: sampleSize(req.query.population) }),
  });

  app.get("/api/surveys/periods", {
    schema: {
      tags,
      summary: "Survey periods in the caller's scope, with responses and the required sample",
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64).optional(),
        year: z.coerce.number().int().min(2017).max(2100).optional(),
      }),
      response: { 200: z.object({ items: z.array(periodSchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await svc.listPeriods(actorOf(req), req.query) }),
  });

  app.post("/api/surveys/periods", {
    schema: {
      tags,
      summary: "Start a survey period for a unit",
      body: createPeriodBody,
      response: { 201: periodSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req, reply) => reply.status(201).send(await svc.createPeriod(actorOf(req), req.body)),
  });

  app.get("/api/surveys/periods/:id", {
    schema: { tags, params: idParam, response: { 200: periodSchema } },
    config: { access: { permission: P.read } },
    handler: async (req) => {
      const { period, unit } = await svc.periodFor(actorOf(req), req.params.id);
      return svc.periodWire(period, unit);
    },
  });

  app.patch("/api/surveys/periods/:id", {
    schema: {
      tags,
      summary: "Change a period: open/close, publish, services, population, device and flood rules",
      params: idParam,
      body: updatePeriodBody,
      response: { 200: periodSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req) => svc.updatePeriod(actorOf(req), req.params.id, req.body),
  });

  app.get("/api/surveys/periods/:id/results", {
    schema: {
      tags,
      summary: "The computation: NRR per element, index, IKM, grade, breakdowns, comments, follow-up",
      params: idParam,
      response: { 200: resultsSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => svc.results(actorOf(req), req.params.id),
  });

  app.get("/api/surveys/periods/:id/followups", {
    schema: { tags, params: idParam, response: { 200: z.object({ items: z.array(followUpSchema) }) } },
    config: { access: { permission: P.read } },
    handler: async (req) => {
      await svc.periodFor(actorOf(req), req.params.id);
      return { items: await svc.followUpsOf(req.params.id) };
    },
  });

  app.post("/api/surveys/periods/:id/followups", {
    schema: {
      tags,
      summary: "Plan a follow-up for an element",
      params: idParam,
      body: createFollowUpBody,
      response: { 201: followUpSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createFollowUp(actorOf(req), req.params.id, req.body)),
  });

  app.patch("/api/surveys/followups/:id", {
    schema: { tags, params: idParam, body: updateFollowUpBody, response: { 200: followUpSchema } },
    config: { access: { permission: P.manage } },
    handler: async (req) => svc.updateFollowUp(actorOf(req), req.params.id, req.body),
  });

  app.delete("/api/surveys/followups/:id", {
    schema: { tags, params: idParam },
    config: { access: { permission: P.manage } },
    handler: async (req, reply) => {
      await svc.deleteFollowUp(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get("/api/surveys/periods/:id/responses.xlsx", {
    schema: { tags, summary: "Raw responses (anonymous) as XLSX", params: idParam, produces: [XLSX_MIME] },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const data = await svc.responses(actorOf(req), req.params.id);
      return download(
        reply,
        XLSX_MIME,
        `survei-${data.unit.code}-${data.period.code}-jawaban.xlsx`,
        await responsesXlsx(data),
      );
    },
  });

  app.get("/api/surveys/periods/:id/results.xlsx", {
    schema: { tags, summary: "The computation as XLSX", params: idParam, produces: [XLSX_MIME] },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const r = await svc.results(actorOf(req), req.params.id);
      return download(
        reply,
        XLSX_MIME,
        `survei-${r.period.unit.code}-${r.period.code}-hasil.xlsx`,
        await resultsXlsx(r),
      );
    },
  });

  app.get("/api/surveys/periods/:id/report.pdf", {
    schema: { tags, summary: "The SKM report as PDF", params: idParam, produces: ["application/pdf"] },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const r = await svc.results(actorOf(req), req.params.id);
      return download(
        reply,
        "application/pdf",
        `laporan-survei-${r.period.unit.code}-${r.period.code}.pdf`,
        await reportPdf(r),
      );
    },
  });

  app.get("/api/surveys/periods/:id/poster.svg", {
    schema: {
      tags,
      summary: "A printable poster with the short link and its QR code",
      params: idParam,
      produces: ["image/svg+xml"],
    },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const { period, unit } = await svc.periodFor(actorOf(req), req.params.id);
      const url = `${ctx.config.publicUrl.replace(/\/$/, "")}/s/${period.code}`;
      return download(
        reply,
        "image/svg+xml",
        `poster-survei-${unit.code}-${period.code}.svg`,
        posterSvg({ url, unit: unit.name, title: period.title }),
      );
    },
  });

  // ---- public (no login) ------------------------------------------------------------------------

  app.get("/api/public/surveys/:code", {
    schema: {
      tags,
      summary: "The public form of a survey period",
      params: codeParam,
      response: { 200: publicFormSchema },
    },
    config: { access: "public", rateLimit: { name: "survey.form", max: 120, windowSeconds: 60 } },
    handler: async (req, reply) => {
      reply.header("cache-control", "no-store");
      return svc.publicForm(req.params.code, req.cookies?.[DEVICE_COOKIE]);
    },
  });

  app.post("/api/public/surveys/:code/responses", {
    schema: {
      tags,
      summary: "Submit one response (anonymous; one per device per period by default)",
      params: codeParam,
      body: submitBody,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    bodyLimit: 8 * 1024,
    // Rate-limited, but not here: SurveyService.submit counts the address-wide SUBMIT_LIMIT (60 a
    // minute, the former route-level limit) and the period's own limit inside the submission's
    // transaction — one commit per submission instead of three. Floods still get 429.
    config: { access: "public", csrf: false, anonymous: true },
    handler: async (
      req: FastifyRequest<{ Params: { code: string }; Body: z.infer<typeof submitBody> }>,
      reply,
    ) => {
      const { deviceToken } = await svc.submit(req.params.code, req.body, {
        deviceToken: req.cookies?.[DEVICE_COOKIE],
        address: req.ip,
      });
      // The same token on the API path (read by submissions) and on /s (read by the HTML form,
      // which then says "already answered" instead of showing the form again).
      if (deviceToken)
        for (const path of ["/api/public/surveys", "/s"])
          reply.setCookie(DEVICE_COOKIE, deviceToken, {
            httpOnly: true,
            sameSite: "lax",
            secure: req.protocol === "https" || ctx.config.publicUrl.startsWith("https://"),
            path,
            maxAge: 400 * 24 * 3600,
          });
      return reply.status(201).send({ ok: true as const });
    },
  });

  // The public form itself: a small server-rendered page (no SPA shell) and its two assets.
  for (const [url, body, type] of [
    [ASSET_CSS, FORM_CSS, "text/css; charset=utf-8"],
    [ASSET_JS, FORM_JS, "text/javascript; charset=utf-8"],
  ] as const)
    app.get(url, {
      schema: { hide: true },
      config: { access: "public", csrf: false },
      handler: async (_req, reply) =>
        reply.type(type).header("cache-control", "public, max-age=86400").send(body),
    });

  app.get("/s/:code", {
    schema: {
      hide: true,
      params: z.object({ code: z.string().max(64) }),
      querystring: z.object({ lang: z.string().max(8).optional(), kiosk: z.string().max(8).optional() }),
    },
    config: {
      access: "public",
      csrf: false,
      rateLimit: { name: "survey.page", max: 120, windowSeconds: 60 },
    },
    handler: async (req, reply) => {
      const lang: Lang = req.query.lang === "en" || req.query.lang === "id" ? req.query.lang : "id";
      const kiosk = req.query.kiosk === "1";
      const code = req.params.code;
      reply.type("text/html; charset=utf-8").header("cache-control", "no-store");
      if (!codeParam.shape.code.safeParse(code).success)
        return reply.status(404).send(notFoundPage(code, lang, kiosk));
      try {
        const form = await svc.publicForm(code, req.cookies?.[DEVICE_COOKIE]);
        return reply.send(formPage(form, lang, kiosk));
      } catch (e) {
        if (e instanceof DomainError && e.code === "SURVEY_NOT_FOUND")
          return reply.status(404).send(notFoundPage(code, lang, kiosk));
        throw e;
      }
    },
  });

  app.get("/api/public/surveys/units/:unitCode/results", {
    schema: {
      tags,
      summary: "Published survey results of a unit (IKM, grade, trend over periods)",
      params: z.strictObject({ unitCode: z.string().min(1).max(64) }),
      response: { 200: publicResultsSchema },
    },
    config: { access: "public", rateLimit: { name: "survey.results", max: 120, windowSeconds: 60 } },
    handler: async (req) => svc.publicResults(req.params.unitCode),
  });
}
