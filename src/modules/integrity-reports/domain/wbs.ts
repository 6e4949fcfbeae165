/**
 * Whistle-blowing rules: which unit handles a report, which status moves are allowed, and how
 * attachment metadata is stripped before storage. Pure functions over plain values and bytes.
 */
import { fail } from "../../../kernel/http/errors";
import type { WbsStatus } from "./model";

/**
 * A report about the head of office is handled one level up (the parent unit's WBS handler), so
 * the person reported on never sees it. A unit without a parent keeps its own reports.
 */
export function handlingUnit(unit: { id: string; parentId: string | null }, aboutHead: boolean): string {
  return aboutHead && unit.parentId ? unit.parentId : unit.id;
}

const MOVES: Record<WbsStatus, readonly WbsStatus[]> = {
  received: ["in_review", "closed_insufficient", "closed_unsubstantiated"],
  in_review: ["investigating", "closed_insufficient", "closed_unsubstantiated", "closed_substantiated"],
  investigating: ["closed_substantiated", "closed_unsubstantiated", "closed_insufficient", "in_review"],
  closed_substantiated: ["in_review"],
  closed_unsubstantiated: ["in_review"],
  closed_insufficient: ["in_review"],
};

export function isClosed(s: WbsStatus): boolean {
  return s.startsWith("closed_");
}

/** Allowed next states; reopening a closed report goes back to review. */
export function nextStatuses(from: WbsStatus): readonly WbsStatus[] {
  return MOVES[from];
}

export function checkTransition(from: WbsStatus, to: WbsStatus): void {
  if (!MOVES[from].includes(to)) fail("WBS_BAD_TRANSITION", { from, to });
}

/** Code alphabet without look-alikes (no 0/O, 1/I/L): easy to copy from paper. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** "WBS-7K2M-Q9XD": normalises case and spaces a person may type. */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

export function isWellFormedCode(code: string): boolean {
  return /^WBS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(code);
}

export type MetadataHandling = "stripped" | "clean" | "warn";

/**
 * Remove identifying metadata from an image, where the format lets us do it by rewriting:
 * JPEG — drop APP1 (EXIF/XMP incl. GPS, camera serial), APP12–APP13 (Photoshop/IPTC) and COM
 * segments; PNG — drop tEXt/zTXt/iTXt/eXIf/tIME chunks. Other types are returned unchanged with
 * "warn" (PDF/Office properties may name the author: the reporter is told to check them).
 */
export function stripMetadata(
  mime: string,
  bytes: Uint8Array,
): { bytes: Uint8Array; handling: MetadataHandling } {
  if (mime === "image/jpeg") return stripJpeg(bytes);
  if (mime === "image/png") return stripPng(bytes);
  return { bytes, handling: "warn" };
}

const JPEG_DROP = new Set([0xe1, 0xec, 0xed, 0xfe]);

export function stripJpeg(bytes: Uint8Array): { bytes: Uint8Array; handling: MetadataHandling } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return { bytes, handling: "warn" };
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  let dropped = false;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return { bytes, handling: "warn" }; // not a segment boundary: leave as is
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda) {
      // Start of scan: the rest is entropy-coded image data up to EOI.
      parts.push(bytes.subarray(i));
      i = bytes.length;
      break;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (len < 2 || i + 2 + len > bytes.length) return { bytes, handling: "warn" };
    if (JPEG_DROP.has(marker)) dropped = true;
    else parts.push(bytes.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  if (i < bytes.length) parts.push(bytes.subarray(i));
  return { bytes: concat(parts), handling: dropped ? "stripped" : "clean" };
}

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DROP = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

export function stripPng(bytes: Uint8Array): { bytes: Uint8Array; handling: MetadataHandling } {
  if (bytes.length < 8 || PNG_SIG.some((b, k) => bytes[k] !== b)) return { bytes, handling: "warn" };
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  let dropped = false;
  while (i + 12 <= bytes.length) {
    const len = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    const end = i + 12 + len;
    if (end > bytes.length) return { bytes, handling: "warn" };
    if (PNG_DROP.has(type)) dropped = true;
    else parts.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") break;
  }
  return { bytes: concat(parts), handling: dropped ? "stripped" : "clean" };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Leading zero bits of a digest: the proof-of-work measure. */
export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const b of digest) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}
