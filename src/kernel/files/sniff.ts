import { readFile } from "node:fs/promises";
import { fileTypeFromBuffer, fileTypeFromFile } from "file-type";
import { DomainError } from "../http/errors";
import { type Hazard, INSPECTED_TYPES, inspectContent } from "./inspect";
import { extensionOf } from "./names";

/**
 * What evidence may be: the type is read from the bytes (file-type's magic numbers and, for the
 * Office formats, the zip's `[Content_Types].xml`), never from the name or the browser's claim.
 * DOCX, XLSX and PPTX are zip containers; any other zip (a plain archive, a macro-enabled .docm,
 * an .odt, a .jar) is refused.
 */
export interface AllowedType {
  /** Canonical extension, as stored and as file-type names it. */
  ext: string;
  mime: string;
  /** Extensions a person may have given such a file. */
  extensions: readonly string[];
  label: string;
}

export const ALLOWED_TYPES: readonly AllowedType[] = [
  { ext: "pdf", mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  { ext: "png", mime: "image/png", extensions: ["png"], label: "PNG" },
  { ext: "jpg", mime: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"], label: "JPEG" },
  { ext: "webp", mime: "image/webp", extensions: ["webp"], label: "WebP" },
  {
    ext: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "DOCX",
  },
  {
    ext: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "XLSX",
  },
  {
    ext: "pptx",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    label: "PPTX",
  },
  { ext: "mp4", mime: "video/mp4", extensions: ["mp4"], label: "MP4" },
];

/** "PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, MP4" — for messages and the API description. */
export const ALLOWED_LABELS = ALLOWED_TYPES.map((t) => t.label).join(", ");

export interface Sniffed {
  ext: string;
  mime: string;
  /** Why bytes of an allowed type are still refused (active content, a bomb, cut off): see inspect.ts. */
  hazard?: Hazard;
}

/** Sniff, and for an allowed type inspectContent looks into, look for hazards too. */
export async function sniffBuffer(data: Uint8Array): Promise<Sniffed | undefined> {
  const r = await fileTypeFromBuffer(data);
  if (!r) return undefined;
  const sniffed: Sniffed = { ext: r.ext, mime: r.mime };
  return inspected(sniffed, () => data);
}

/** As sniffBuffer; the file is read whole only when its type is one that is inspected (≤ the upload limit). */
export async function sniffFile(path: string): Promise<Sniffed | undefined> {
  const r = await fileTypeFromFile(path);
  if (!r) return undefined;
  return inspected({ ext: r.ext, mime: r.mime }, () => readFile(path));
}

async function inspected(sniffed: Sniffed, bytes: () => Uint8Array | Promise<Uint8Array>): Promise<Sniffed> {
  if (!allowedTypeOf(sniffed) || !INSPECTED_TYPES.has(sniffed.ext)) return sniffed;
  const hazard = inspectContent(sniffed.ext, await bytes());
  return hazard ? { ...sniffed, hazard } : sniffed;
}

/** The allowed type a sniffed result is, if any: both the extension and the MIME type must match. */
export function allowedTypeOf(sniffed: Sniffed | undefined): AllowedType | undefined {
  if (!sniffed) return undefined;
  return ALLOWED_TYPES.find((t) => t.ext === sniffed.ext && t.mime === sniffed.mime);
}

const claimedType = (extension: string) => ALLOWED_TYPES.find((t) => t.extensions.includes(extension));

/**
 * Decide whether bytes of the sniffed type may be stored under `filename` (already sanitised).
 * - sniffed type allowed, name has no extension or one of its extensions → the type;
 * - sniffed type allowed, name says something else (`foto.pdf` that is a PNG) → FILES_EXTENSION_MISMATCH;
 * - sniffed type not allowed or unknown, name claims an allowed type (`laporan.pdf` that is HTML)
 *   → FILES_EXTENSION_MISMATCH: the person believes it is a PDF, and should learn it is not;
 * - otherwise → FILES_TYPE_NOT_ALLOWED;
 * - type and name agree but the bytes carry a hazard (inspect.ts) → its code (FILES_ACTIVE_CONTENT,
 *   FILES_HIDDEN_CONTENT, FILES_ARCHIVE_BOMB, FILES_DAMAGED).
 */
export function checkType(filename: string, sniffed: Sniffed | undefined): AllowedType {
  const extension = extensionOf(filename);
  const type = allowedTypeOf(sniffed);
  const detected = sniffed?.mime ?? "unknown";
  if (type) {
    if (extension !== "" && !type.extensions.includes(extension))
      throw new DomainError("FILES_EXTENSION_MISMATCH", {
        filename,
        extension,
        detected,
        expected: type.ext,
      });
    if (sniffed?.hazard)
      throw new DomainError(sniffed.hazard.code, { filename, detail: sniffed.hazard.detail });
    return type;
  }
  if (extension && claimedType(extension)) {
    throw new DomainError("FILES_EXTENSION_MISMATCH", { filename, extension, detected });
  }
  throw new DomainError("FILES_TYPE_NOT_ALLOWED", { filename, detected, allowed: ALLOWED_LABELS });
}
