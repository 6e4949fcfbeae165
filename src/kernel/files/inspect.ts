/**
 * A second look at bytes whose type is allowed (issue 8, the upload corpus): a sniffer reads only the
 * first bytes, so a PDF that runs JavaScript, a PDF that is also an HTML page, a PNG with an archive
 * appended, or a DOCX that expands to gigabytes all pass it. Pure: bytes in, a hazard or null out.
 *
 * - PDF: refused when it carries actions that run code (`/JavaScript`, `/JS`, `/Launch` — names
 *   are compared after decoding `#xx` escapes, and inside compressed object streams too) or HTML
 *   markup a browser would run, and when it has no `%%EOF` near its end (cut off).
 * - PNG: refused when anything follows the IEND chunk (an appended zip makes a PNG/ZIP polyglot)
 *   or the chunks do not add up.
 * - DOCX/XLSX/PPTX (zip): refused when the entries declare more than MAX_EXPANDED_BYTES in total,
 *   a ratio over MAX_RATIO on a large total, more than MAX_ENTRIES entries, ZIP64 sizes, or archives
 *   nested deeper than one level (an Office file may embed another Office file, not more).
 */
import { constants, inflateRawSync, inflateSync } from "node:zlib";

export type HazardCode =
  | "FILES_ACTIVE_CONTENT"
  | "FILES_HIDDEN_CONTENT"
  | "FILES_ARCHIVE_BOMB"
  | "FILES_DAMAGED";

export interface Hazard {
  code: HazardCode;
  /** What was found, in English, for logs and the error's params (not shown as the message). */
  detail: string;
}

/** Total bytes the entries of an Office file (nested ones included) may expand to. */
export const MAX_EXPANDED_BYTES = 512 * 1024 * 1024;
/** Expansion ratio above which a large total (over RATIO_FLOOR_BYTES) counts as a bomb. */
export const MAX_RATIO = 200;
export const RATIO_FLOOR_BYTES = 32 * 1024 * 1024;
export const MAX_ENTRIES = 5000;
/** Nested archives inflated to look inside are at most this large each. */
const MAX_NESTED_BYTES = 32 * 1024 * 1024;

const OOXML = new Set(["docx", "xlsx", "pptx"]);

/** The hazard in `data` (already sniffed as `ext`), or null. */
export function inspectContent(ext: string, data: Uint8Array): Hazard | null {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (ext === "pdf") return inspectPdf(buf);
  if (ext === "png") return inspectPng(buf);
  if (OOXML.has(ext)) return inspectZip(buf, { depth: 0, budget: { left: MAX_EXPANDED_BYTES } });
  return null;
}

/** The types inspectContent looks into (the caller reads the whole file only for these). */
export const INSPECTED_TYPES: ReadonlySet<string> = new Set(["pdf", "png", ...OOXML]);

// --- PDF ------------------------------------------------------------------------------------------

const ACTIVE_NAMES = new Set(["javascript", "js", "launch"]);
const HTML_MARKUP = /<\s*(script|html|body|iframe|svg|object|embed|meta)[\s>/]/i;

function activeName(text: string): string | null {
  for (const m of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    const raw = m[1]!;
    const name = raw.includes("#")
      ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : raw;
    if (ACTIVE_NAMES.has(name.toLowerCase())) return name;
  }
  return null;
}

function inspectPdf(buf: Buffer): Hazard | null {
  const text = buf.toString("latin1");
  let end = text.length;
  while (end > 0 && /[\s\0]/.test(text[end - 1]!)) end--;
  if (!text.slice(Math.max(0, end - 1024), end).includes("%%EOF"))
    return { code: "FILES_DAMAGED", detail: "pdf has no %%EOF at its end (cut off?)" };
  const html = HTML_MARKUP.exec(text);
  if (html) return { code: "FILES_ACTIVE_CONTENT", detail: `pdf carries HTML markup <${html[1]}>` };
  const name = activeName(text);
  if (name) return { code: "FILES_ACTIVE_CONTENT", detail: `pdf action /${name}` };
  // Object streams (PDF 1.5+) hold dictionaries compressed: look inside, within a budget.
  let budget = Math.max(16 * 1024 * 1024, buf.length * 4);
  for (const m of text.matchAll(/\/Type\s*\/ObjStm[\s\S]*?stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const stop = text.indexOf("endstream", start);
    if (stop < 0) break;
    const inflated = inflateBounded(buf.subarray(start, stop), budget);
    if (!inflated) continue;
    budget -= inflated.length;
    const hidden = activeName(inflated.toString("latin1"));
    if (hidden) return { code: "FILES_ACTIVE_CONTENT", detail: `pdf action /${hidden} in an object stream` };
    if (budget <= 0) break;
  }
  return null;
}

function inflateBounded(data: Buffer, max: number): Buffer | null {
  const opts = { maxOutputLength: Math.max(1, max), finishFlush: constants.Z_SYNC_FLUSH };
  try {
    return inflateSync(data, opts);
  } catch {
    try {
      return inflateRawSync(data, opts);
    } catch {
      return null;
    }
  }
}

// --- PNG ------------------------------------------------------------------------------------------

function inspectPng(buf: Buffer): Hazard | null {
  let p = 8;
  while (p + 12 <= buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString("latin1", p + 4, p + 8);
    p += 12 + len;
    if (p > buf.length) return { code: "FILES_DAMAGED", detail: `png chunk ${type} runs past the end` };
    if (type === "IEND") {
      return p === buf.length
        ? null
        : { code: "FILES_HIDDEN_CONTENT", detail: `${buf.length - p} bytes after the PNG's IEND` };
    }
  }
  return { code: "FILES_DAMAGED", detail: "png has no IEND chunk" };
}

// --- zip (Office) ---------------------------------------------------------------------------------

interface ZipWalk {
  depth: number;
  budget: { left: number };
}

const bomb = (detail: string): Hazard => ({ code: "FILES_ARCHIVE_BOMB", detail });

function inspectZip(buf: Buffer, walk: ZipWalk): Hazard | null {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { code: "FILES_DAMAGED", detail: "zip has no central directory" };
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return bomb("zip64 archive");
  if (count > MAX_ENTRIES) return bomb(`${count} entries`);
  let total = 0;
  let packed = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      return { code: "FILES_DAMAGED", detail: "zip central directory is broken" };
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (usize === 0xffffffff || csize === 0xffffffff) return bomb(`zip64 sizes on ${name}`);
    total += usize;
    packed += csize;
    walk.budget.left -= usize;
    if (walk.budget.left < 0) return bomb(`entries expand to more than ${MAX_EXPANDED_BYTES} bytes`);
    const nested = nestedArchive(buf, local, method, csize, usize);
    if (nested === "too-large") return bomb(`nested archive ${name} of ${usize} bytes`);
    if (nested) {
      if (walk.depth >= 1) return bomb(`archive nested in a nested archive (${name})`);
      const inner = inspectZip(nested, { depth: walk.depth + 1, budget: walk.budget });
      if (inner) return inner.code === "FILES_DAMAGED" ? null : inner;
    }
  }
  if (total > RATIO_FLOOR_BYTES && total > Math.max(packed, 1) * MAX_RATIO)
    return bomb(`expands ${Math.round(total / Math.max(packed, 1))}:1 to ${total} bytes`);
  return null;
}

/** The bytes of an entry that is itself a zip archive (peeked, then inflated within bounds), or null. */
function nestedArchive(
  buf: Buffer,
  local: number,
  method: number,
  csize: number,
  usize: number,
): Buffer | "too-large" | null {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + csize));
  let head: Buffer | null;
  if (method === 0) head = data.subarray(0, 4);
  else if (method === 8) {
    try {
      head = inflateRawSync(data.subarray(0, 512), {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: 1024 * 1024,
      }).subarray(0, 4);
    } catch {
      head = null;
    }
  } else head = null;
  if (!head || head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) return null;
  if (usize > MAX_NESTED_BYTES) return "too-large";
  if (method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, usize) });
  } catch {
    return null;
  }
}
