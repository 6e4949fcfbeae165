import type { MultipartFile } from "@fastify/multipart";
import { z } from "zod";
import type { AppContext } from "../context";
import { DomainError, fail } from "../http/errors";
import { idParam } from "../http/schemas";
import type { ZonaApp } from "../http/types";
import type { Actor } from "../identity/actor";
import { FILES_PERMISSIONS } from "./file.service";
import type { StoredFile } from "./files.repo";
import { contentDisposition } from "./names";
import { ALLOWED_LABELS } from "./sniff";

export const fileMetaSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  extension: z.string(),
  originalName: z.string(),
  createdAt: z.string(),
});
export type FileMeta = z.infer<typeof fileMetaSchema>;

export function toFileMeta(f: StoredFile): FileMeta {
  return {
    id: f.id,
    unitId: f.unitId,
    sha256: f.sha256,
    sizeBytes: f.sizeBytes,
    mime: f.mime,
    extension: f.extension,
    originalName: f.originalName,
    createdAt: f.createdAt,
  };
}

/** Headers for sending a stored file: never rendered inline, never re-sniffed by the browser. */
export function downloadHeaders(f: StoredFile): Record<string, string> {
  return {
    "content-type": f.mime,
    "content-length": String(f.sizeBytes),
    "content-disposition": contentDisposition(f.originalName, "attachment"),
    "x-content-type-options": "nosniff",
    // should a browser render it anyway, it gets no scripts, no origin and nothing to load
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-cache",
    etag: `"${f.sha256}"`,
  };
}

const unitIdField = z.string().trim().min(1).max(64);

/**
 * For the API documentation only: the upload is streamed part by part by @fastify/multipart, so
 * there is no parsed body to validate (z.unknown() accepts the absent body). The parts are checked
 * in the handler: unitId like any id field, the file by size, sniffed type and name.
 */
const uploadBodyDoc = z.unknown().meta({
  type: "object",
  required: ["unitId", "file"],
  properties: {
    unitId: {
      type: "string",
      description: "Id of the work unit that owns the evidence. Send this part FIRST.",
    },
    file: {
      type: "string",
      format: "binary",
      description: `One file: ${ALLOWED_LABELS}. Send it after unitId.`,
    },
  },
});

function actorOf(req: { actor: Actor | null }): Actor {
  return req.actor ?? fail("UNAUTHENTICATED");
}

export function filesRoutes(app: ZonaApp, ctx: AppContext): void {
  app.post("/api/files", {
    schema: {
      tags: ["files"],
      summary: "Upload one evidence file (data dukung) for a work unit",
      description: [
        "multipart/form-data, streamed. Send the text field `unitId` FIRST, then exactly one file part",
        "named `file` (the server reads the parts in order and must know the unit before it reads the",
        "bytes). The type is sniffed from the content and must be one of:",
        `${ALLOWED_LABELS}; the file name's extension must agree with it.`,
        `At most UPLOAD_MAX_BYTES (default 25 MB). Needs files.upload over the unit.`,
      ].join(" "),
      consumes: ["multipart/form-data"],
      body: uploadBodyDoc,
      response: { 201: fileMetaSchema },
    },
    config: { access: { permission: FILES_PERMISSIONS.upload } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      // Parts are read in order: the fields before the first file part are all the server knows
      // when the bytes start to flow, so `unitId` must come first (a field after the file is ignored,
      // whatever the file's size — the rule does not depend on buffering).
      // One byte over the limit is enough to know; busboy discards the rest of an oversized part.
      const parts = req.parts({ limits: { fileSize: ctx.files.maxBytes + 1, files: 1 } });
      let rawUnitId: string | undefined;
      let part: MultipartFile | undefined;
      for await (const p of parts) {
        if (p.type === "file") {
          part = p;
          break;
        }
        if (p.fieldname === "unitId" && rawUnitId === undefined && typeof p.value === "string") {
          rawUnitId = p.value;
        }
      }
      if (!part) fail("FILES_MISSING_PART", { part: "file" });
      try {
        if (part.fieldname !== "file") fail("FILES_MISSING_PART", { part: "file" });
        if (rawUnitId === undefined) fail("FILES_MISSING_PART", { part: "unitId" });
        const parsed = unitIdField.safeParse(rawUnitId);
        if (!parsed.success) {
          throw new DomainError("VALIDATION_FAILED", {}, [
            { path: "body.unitId", message: parsed.error.issues[0]?.message ?? "invalid" },
          ]);
        }
        const unit = (await ctx.org.get(parsed.data)) ?? fail("ORG_UNIT_NOT_FOUND", { id: parsed.data });
        const file = await ctx.files.upload(actor, {
          unitId: unit.id,
          unitPath: unit.path,
          filename: part.filename,
          stream: part.file,
        });
        return reply.status(201).send(toFileMeta(file));
      } catch (err) {
        // refused before reading the bytes: let busboy skip them so the reply is not held up
        if (!part.file.readableEnded && !part.file.destroyed) part.file.resume();
        throw err;
      }
    },
  });

  /** The file and its unit's path, or 404. */
  const locate = async (id: string): Promise<{ file: StoredFile; unitPath: string }> => {
    const file = (await ctx.files.get(id)) ?? fail("FILES_NOT_FOUND", { id });
    const unit = (await ctx.org.get(file.unitId)) ?? fail("FILES_NOT_FOUND", { id });
    return { file, unitPath: unit.path };
  };

  app.get("/api/files/:id", {
    schema: {
      tags: ["files"],
      summary: "An evidence file's metadata; needs files.read over the file's unit",
      params: idParam,
      response: { 200: fileMetaSchema },
    },
    config: { access: { permission: FILES_PERMISSIONS.read } },
    handler: async (req) => {
      const { unitPath } = await locate(req.params.id);
      return toFileMeta(await ctx.files.read(actorOf(req), req.params.id, unitPath));
    },
  });

  app.get("/api/files/:id/download", {
    schema: {
      tags: ["files"],
      summary: "Download an evidence file under its original name; needs files.read over the file's unit",
      params: idParam,
      produces: ["application/octet-stream"],
      response: { 200: z.unknown().describe("the file's bytes, with its sniffed Content-Type") },
    },
    config: { access: { permission: FILES_PERMISSIONS.read } },
    handler: async (req, reply) => {
      const { unitPath } = await locate(req.params.id);
      const { file, stream } = await ctx.files.openForDownload(actorOf(req), req.params.id, unitPath);
      return reply.headers(downloadHeaders(file)).send(stream);
    },
  });
}
