import { z } from "zod";
import type { AppContext } from "../../../kernel/context";
import { contentDisposition } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { idParam } from "../../../kernel/http/schemas";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import { peopleById } from "../../../kernel/identity/people";
import {
  createRoundBody,
  linkQuestionsBody,
  listRoundsQuery,
  mineResponseSchema,
  mineRoundSchema,
  reminderResultSchema,
  roundDetailSchema,
  roundQuestionsSchema,
  roundSchema,
  roundSummarySchema,
  signatureSchema,
  signBody,
} from "../contract";
import { PACT_PERMISSIONS, verificationCode } from "../domain/pact";
import { renderRollup, renderSignedPact } from "./pdf";
import type { PactService } from "./service";

const actorOf = (req: { actor: Actor | null }): Actor => req.actor ?? fail("UNAUTHENTICATED");
const P = PACT_PERMISSIONS;

function slug(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "pakta"
  );
}

export function pactRoutes(app: ZonaApp, ctx: AppContext, pact: PactService) {
  const tags = ["integrity-pact"];
  const pdf = (reply: any, buffer: Buffer, filename: string) =>
    reply
      .header("content-type", "application/pdf")
      .header("content-disposition", contentDisposition(filename, "attachment"))
      .header("cache-control", "private, no-cache")
      .send(buffer);

  app.get("/api/pact/rounds", {
    schema: {
      tags,
      summary: "Integrity pact rounds in the caller's scope, newest first, with completion",
      querystring: listRoundsQuery,
      response: { 200: z.object({ items: z.array(roundSummarySchema) }) },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => ({ items: await pact.listRounds(actorOf(req), req.query) }),
  });

  app.post("/api/pact/rounds", {
    schema: {
      tags,
      summary: "Open a pact round for a unit (one open round per unit)",
      body: createRoundBody,
      response: { 201: roundSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req, reply) => reply.status(201).send(await pact.createRound(actorOf(req), req.body)),
  });

  app.get("/api/pact/rounds/:id", {
    schema: {
      tags,
      summary: "A round with its text and every staff member: signed or not, reminded when",
      params: idParam,
      response: { 200: roundDetailSchema },
    },
    config: { access: { permission: P.read } },
    handler: async (req) => pact.detail(actorOf(req), req.params.id),
  });

  app.post("/api/pact/rounds/:id/close", {
    schema: { tags, summary: "Close a round", params: idParam, response: { 200: roundSchema } },
    config: { access: { permission: P.manage } },
    handler: async (req) => pact.closeRound(actorOf(req), req.params.id),
  });

  app.post("/api/pact/rounds/:id/reminders", {
    schema: {
      tags,
      summary: "E-mail every staff member who has not signed (once per person and day)",
      params: idParam,
      response: { 200: reminderResultSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req) => pact.remind(actorOf(req), req.params.id),
  });

  app.get("/api/pact/rounds/:id/questions", {
    schema: {
      tags,
      summary: "The LKE questions this round is evidence for (Zona Integritas worksheet)",
      params: idParam,
      response: { 200: roundQuestionsSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req) => pact.roundQuestions(actorOf(req), req.params.id),
  });

  app.put("/api/pact/rounds/:id/questions", {
    schema: {
      tags,
      summary: "Link the round to LKE questions (replaces the set; needs zi.worksheet.write too)",
      params: idParam,
      body: linkQuestionsBody,
      response: { 200: roundQuestionsSchema },
    },
    config: { access: { permission: P.manage } },
    handler: async (req) => pact.setRoundQuestions(actorOf(req), req.params.id, req.body.questionKeys),
  });

  app.post("/api/pact/rounds/:id/sign", {
    schema: {
      tags,
      summary: "Sign the round's pact with the SHA-256 of the text displayed (idempotent)",
      params: idParam,
      body: signBody,
      response: { 200: signatureSchema, 201: signatureSchema },
    },
    config: { access: { permission: P.sign } },
    handler: async (req, reply) => {
      const { signature, created } = await pact.sign(
        actorOf(req),
        req.params.id,
        req.body,
        req.headers["user-agent"],
      );
      return reply.status(created ? 201 : 200).send(signature);
    },
  });

  app.get("/api/pact/mine", {
    schema: {
      tags,
      summary: "The caller's pact rounds (where they are staff, or have signed)",
      response: { 200: mineResponseSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await pact.mine(actorOf(req)) }),
  });

  app.get("/api/pact/mine/:id", {
    schema: {
      tags,
      summary: "A round as its signer sees it: text, statement, own signature",
      params: idParam,
      response: { 200: mineRoundSchema },
    },
    config: { access: "authenticated" },
    handler: async (req) => pact.mineRound(actorOf(req), req.params.id),
  });

  app.get("/api/pact/rounds/:id/signatures/:userId/pact.pdf", {
    schema: {
      tags,
      summary: "One employee's signed pact (the employee, or a reader over the unit)",
      params: idParam.extend({ userId: z.string().min(1).max(64) }),
      produces: ["application/pdf"],
    },
    config: { access: "authenticated" },
    handler: async (req, reply) => {
      const { round, unit, signature } = await pact.signatureFor(
        actorOf(req),
        req.params.id,
        req.params.userId,
      );
      const user = (await peopleById(ctx.db, [signature.userId])).get(signature.userId);
      const buffer = await renderSignedPact({
        unit: { code: unit.code, name: unit.name },
        round: { id: round.id, title: round.title, body: round.body, textHash: signature.textHash },
        signer: {
          name: signature.signerName,
          nip: signature.signerNip,
          email: user?.email ?? null,
        },
        statement: signature.statement,
        signedAt: signature.signedAt,
        verification: verificationCode(signature),
        generatedAt: ctx.clock.now(),
      });
      return pdf(reply, buffer, `pakta-integritas-${slug(signature.signerName)}.pdf`);
    },
  });

  app.get("/api/pact/rounds/:id/rollup.pdf", {
    schema: {
      tags,
      summary: "The round's roll-up: every staff member, signed or not, with times",
      params: idParam,
      produces: ["application/pdf"],
    },
    config: { access: { permission: P.read } },
    handler: async (req, reply) => {
      const d = await pact.detail(actorOf(req), req.params.id);
      const buffer = await renderRollup({
        unit: { code: d.round.unitCode, name: d.round.unitName },
        round: d.round,
        completion: d.round.completion,
        people: d.signers,
        generatedAt: ctx.clock.now(),
      });
      return pdf(reply, buffer, `rekap-${slug(d.round.title)}.pdf`);
    },
  });
}
