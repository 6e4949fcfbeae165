import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { DomainError, fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import {
  columnSchema,
  createCycleBody,
  cycleDetailSchema,
  cycleListItemSchema,
  cycleSchema,
  gapsSchema,
  historyItemSchema,
  importResultSchema,
  linkEvidenceBody,
  overviewQuery,
  overviewRowSchema,
  predicateSchema,
  rubricSummarySchema,
  saveAnswersBody,
  saveAnswersResponse,
  scoreSummarySchema,
  thresholdOverridesBody,
  transitionBody,
  updateCycleBody,
  worksheetSchema,
} from "../contract";
import { listRubrics, loadRubric } from "../domain/rubric";
import { ZI_PERMISSIONS } from "../domain/stages";
import { importWorksheet, summaryPdf, worksheetFile } from "./documents";
import { overviewXlsx } from "./overview-xlsx";
import type { ZiService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export function ziRoutes(app: ZonaApp, ctx: AppContext, zi: ZiService) {
  const tags = ["zona-integritas"];

  app.get("/api/zi/rubrics", {
    schema: {
      tags,
      summary: "Rubric editions (LKE) Zona knows",
      response: { 200: z.object({ items: z.array(rubricSummarySchema) }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async () => ({ items: listRubrics() }),
  });

  app.get("/api/zi/rubrics/:id", {
    schema: {
      tags,
      summary: "A rubric as data: components, areas, sub-pillars, questions, gates",
      params: idParam,
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => {
      const rubric = loadRubric(req.params.id);
      return { ...rubric, overrides: await zi.overrides(rubric.id) };
    },
  });

  app.put("/api/zi/rubrics/:id/thresholds", {
    schema: {
      tags,
      summary: "Override a rubric's gate thresholds (for numbers the sources leave unconfirmed)",
      params: idParam,
      body: thresholdOverridesBody,
      response: {
        200: z.object({ overrides: z.record(z.string(), z.record(z.string(), z.number().nullable())) }),
      },
    },
    config: { access: { permission: ZI_PERMISSIONS.configure } },
    handler: async (req) => {
      const rubric = loadRubric(req.params.id);
      await zi.setOverrides(actorOf(req), rubric.id, req.body.overrides);
      return { overrides: (await zi.overrides(rubric.id)) as Record<string, Record<string, number | null>> };
    },
  });

  app.get("/api/zi/settings", {
    schema: { tags, response: { 200: z.object({ proposalDeadline: z.string() }) } },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async () => ({ proposalDeadline: await zi.proposalDeadlineSetting() }),
  });

  app.put("/api/zi/settings", {
    schema: {
      tags,
      summary: "Module settings: the proposal deadline as MM-DD (31 May by default)",
      body: z.strictObject({
        proposalDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "MM-DD"),
      }),
      response: { 200: z.object({ proposalDeadline: z.string() }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.configure } },
    handler: async (req) => {
      await zi.setProposalDeadline(actorOf(req), req.body.proposalDeadline);
      return { proposalDeadline: await zi.proposalDeadlineSetting() };
    },
  });

  app.get("/api/zi/cycles", {
    schema: {
      tags,
      summary: "ZI cycles in the caller's scope",
      querystring: z.strictObject({
        unitId: z.string().min(1).max(64).optional(),
        year: z.coerce.number().int().min(2014).max(2100).optional(),
      }),
      response: { 200: z.object({ items: z.array(cycleListItemSchema) }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => ({ items: await zi.listCycles(actorOf(req), req.query) }),
  });

  app.post("/api/zi/cycles", {
    schema: {
      tags,
      summary: "Start a ZI cycle for a unit and year",
      body: createCycleBody,
      response: { 201: cycleSchema },
    },
    config: { access: { permission: ZI_PERMISSIONS.manage } },
    handler: async (req, reply) => reply.status(201).send(await zi.createCycle(actorOf(req), req.body)),
  });

  app.get("/api/zi/cycles/:id", {
    schema: {
      tags,
      summary: "A cycle: stage timeline, scores, readiness, progress",
      params: idParam,
      response: { 200: cycleDetailSchema },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => zi.detail(actorOf(req), req.params.id),
  });

  app.patch("/api/zi/cycles/:id", {
    schema: { tags, params: idParam, body: updateCycleBody, response: { 200: cycleSchema } },
    config: { access: { permission: ZI_PERMISSIONS.manage } },
    handler: async (req) => zi.updateCycle(actorOf(req), req.params.id, req.body),
  });

  app.post("/api/zi/cycles/:id/transitions", {
    schema: {
      tags,
      summary: "Move the cycle to its next stage (each command has its permission and gates)",
      params: idParam,
      body: transitionBody,
      response: { 200: cycleSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => zi.transition(actorOf(req), req.params.id, req.body),
  });

  app.get("/api/zi/cycles/:id/worksheet", {
    schema: {
      tags,
      summary: "The LKE worksheet: three score columns and the evidence",
      params: idParam,
      response: { 200: worksheetSchema },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => zi.worksheet(actorOf(req), req.params.id),
  });

  app.put("/api/zi/cycles/:id/answers/:column", {
    schema: {
      tags,
      summary: "Save answers in one score column (all or nothing)",
      params: idParam.extend({ column: columnSchema }),
      body: saveAnswersBody,
      response: { 200: saveAnswersResponse },
    },
    config: { access: "authenticated" },
    handler: async (req) => zi.saveAnswers(actorOf(req), req.params.id, req.params.column, req.body.answers),
  });

  app.post("/api/zi/cycles/:id/hasil-from-surveys/:column", {
    schema: {
      tags,
      summary: "Fill the IPAK and IPKP answers of a column from the surveys module (with their source)",
      params: idParam.extend({ column: columnSchema }),
      response: {
        200: z.object({
          applied: z.array(z.object({ key: z.string(), index: z.number(), source: z.string() })),
          score: scoreSummarySchema.nullable(),
        }),
      },
    },
    config: { access: "authenticated" },
    handler: async (req) => zi.pullSurveyIndices(actorOf(req), req.params.id, req.params.column),
  });

  app.post("/api/zi/cycles/:id/evidence", {
    schema: {
      tags,
      summary: "Link an uploaded evidence file to one or more questions",
      params: idParam,
      body: linkEvidenceBody,
      response: { 200: z.object({ linked: z.number().int() }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.write } },
    handler: async (req) =>
      zi.linkEvidence(actorOf(req), req.params.id, req.body.fileId, req.body.questionKeys),
  });

  app.delete("/api/zi/cycles/:id/evidence/:questionKey/:fileId", {
    schema: {
      tags,
      params: idParam.extend({ questionKey: z.string().min(1).max(120), fileId: z.string().min(1).max(64) }),
    },
    config: { access: { permission: ZI_PERMISSIONS.write } },
    handler: async (req, reply) => {
      await zi.unlinkEvidence(actorOf(req), req.params.id, req.params.questionKey, req.params.fileId);
      return reply.status(204).send();
    },
  });

  app.get("/api/zi/cycles/:id/questions/:key/history", {
    schema: {
      tags,
      summary: "Change history of one question (answers in every column, evidence links)",
      params: idParam.extend({ key: z.string().min(1).max(120) }),
      response: { 200: z.object({ items: z.array(historyItemSchema) }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => ({
      items: await zi.questionHistory(actorOf(req), req.params.id, req.params.key),
    }),
  });

  app.get("/api/zi/cycles/:id/gaps", {
    schema: {
      tags,
      summary:
        "What to do next: questions ranked by points still to gain, and the cheapest path to each failing gate",
      params: idParam,
      querystring: z.strictObject({
        column: columnSchema.default("unit"),
        predicate: predicateSchema.optional(),
      }),
      response: { 200: gapsSchema },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => {
      const actor = actorOf(req);
      const { cycle } = await zi.cycleFor(actor, req.params.id);
      return zi.gaps(actor, req.params.id, req.query.column, req.query.predicate ?? cycle.target);
    },
  });

  app.get("/api/zi/cycles/:id/export.xlsx", {
    schema: { tags, summary: "The worksheet as an LKE spreadsheet", params: idParam, produces: [XLSX_MIME] },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req, reply) => {
      const { buffer, filename } = await worksheetFile(ctx, zi, actorOf(req), req.params.id);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", contentDisposition(filename, "attachment"))
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  app.post("/api/zi/cycles/:id/import/:column", {
    schema: {
      tags,
      summary: "Import one column's answers from an exported LKE spreadsheet (all rows or nothing)",
      params: idParam.extend({ column: columnSchema }),
      consumes: ["multipart/form-data"],
      response: { 200: importResultSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => {
      const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES + 1, files: 1 } });
      if (part?.fieldname !== "file") fail("ZI_IMPORT_FILE_MISSING");
      const buffer = await part.toBuffer();
      if (buffer.length > IMPORT_MAX_BYTES || part.file.truncated)
        throw new DomainError("FILES_TOO_LARGE", {
          maxMb: IMPORT_MAX_BYTES / 1024 / 1024,
          filename: part.filename,
        });
      return importWorksheet(
        zi,
        actorOf(req),
        req.params.id,
        req.params.column,
        buffer,
        req.headers["accept-language"],
      );
    },
  });

  app.get("/api/zi/cycles/:id/report.pdf", {
    schema: {
      tags,
      summary: "A PDF summary: scores per area, readiness gates, next steps",
      params: idParam,
      produces: ["application/pdf"],
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req, reply) => {
      const { buffer, filename } = await summaryPdf(zi, actorOf(req), req.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", contentDisposition(filename, "attachment"))
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });

  app.get("/api/zi/overview", {
    schema: {
      tags,
      summary: "Every unit under a unit: stage, scores, readiness, failing gates (the multi-unit table)",
      querystring: overviewQuery,
      response: { 200: z.object({ year: z.number().int(), items: z.array(overviewRowSchema) }) },
    },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req) => zi.overview(actorOf(req), req.query),
  });

  app.get("/api/zi/overview.xlsx", {
    schema: { tags, querystring: overviewQuery, produces: [XLSX_MIME] },
    config: { access: { permission: ZI_PERMISSIONS.read } },
    handler: async (req, reply) => {
      const data = await zi.overview(actorOf(req), req.query);
      const buffer = await overviewXlsx(data);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", contentDisposition(`zi-unit-${data.year}.xlsx`, "attachment"))
        .header("cache-control", "private, no-cache")
        .send(buffer);
    },
  });
}
