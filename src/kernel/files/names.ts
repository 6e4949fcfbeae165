/**
 * File names, pure. A name a person's computer sent is untrusted text: it may carry a path
 * (`../../etc/passwd`, `C:\x\y.pdf`), control characters, NUL, bidirectional overrides that make
 * `gpj.exe` look like `exe.jpg`, or be very long. We keep only the last path segment, drop what can
 * deceive or break a file system or an HTTP header, keep Unicode letters, and bound the length.
 */

/** Longest stored name, in characters (grapheme clusters), extension included. */
export const MAX_NAME_CHARS = 160;
/** Longest stored name in UTF-8 bytes: most file systems allow 255 per name. */
export const MAX_NAME_BYTES = 240;
/** Used when nothing usable is left of the name. */
export const FALLBACK_NAME = "berkas";

// Cc: C0/C1 controls, NUL, DEL. Cf: format characters — bidi overrides/isolates, zero-width
// spaces, BOM, soft hyphen — except the zero-width (non-)joiner, which emoji sequences and
// Persian or Indic words need. Cs: lone surrogates. Co: private use. Cn: unassigned.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
// Characters Windows forbids in names (the quote and backslash would also break a header's quoting).
const RESERVED = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);
const utf8Length = (s: string): number => Buffer.byteLength(s, "utf8");

/**
 * The extension of a name, lower-case without the dot, or "" when there is none.
 * `laporan.PDF` → "pdf"; `.bashrc` → ""; `arsip.tar.gz` → "gz".
 */
export function extensionOf(name: string): string {
  const m = /[^.]\.([\p{L}\p{N}]{1,16})$/u.exec(name);
  return m ? m[1]!.toLowerCase() : "";
}

/** Split into stem and ".ext" (the dot included), by the same rule as extensionOf. */
function splitExtension(name: string): { stem: string; ext: string } {
  const ext = extensionOf(name);
  return ext
    ? { stem: name.slice(0, name.length - ext.length - 1), ext: name.slice(name.length - ext.length - 1) }
    : { stem: name, ext: "" };
}

/** Cut a stem so stem+ext fits both limits, never splitting a grapheme (an emoji, a letter with marks). */
function fitName(stem: string, ext: string): string {
  const parts = graphemes(stem);
  const extChars = graphemes(ext).length;
  const extBytes = utf8Length(ext);
  let out = "";
  let chars = 0;
  let bytes = 0;
  for (const g of parts) {
    const b = utf8Length(g);
    if (chars + 1 + extChars > MAX_NAME_CHARS || bytes + b + extBytes > MAX_NAME_BYTES) break;
    out += g;
    chars++;
    bytes += b;
  }
  return out.replace(/[\s.]+$/u, "") + ext;
}

/**
 * A safe display and storage name. Never empty, never a path, no control or format characters,
 * at most MAX_NAME_CHARS characters and MAX_NAME_BYTES bytes, extension kept when the name is cut.
 */
export function sanitizeFilename(input: unknown): string {
  let name = typeof input === "string" ? input : "";
  name = name.normalize("NFC");
  // Only the last path segment, whichever separator the sender's system used.
  const segments = name.split(/[/\\]/);
  name = segments[segments.length - 1] ?? "";
  name = name.replace(/^[A-Za-z]:/, ""); // "C:laporan.pdf" (drive-relative)
  name = name.replace(/[\p{Zl}\p{Zp}]/gu, " ").replace(INVISIBLE, "");
  name = name.replace(RESERVED, "_");
  name = name.replace(/\s+/gu, " ");
  // Leading dots make hidden files and `..`; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[\s.]+/u, "").replace(/[\s.]+$/u, "");
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (name === "" || /^_*$/.test(name)) return FALLBACK_NAME;
  const { stem, ext } = splitExtension(name);
  const cut = fitName(stem, ext);
  return cut === "" || cut === ext ? `${FALLBACK_NAME}${ext}` : cut;
}

/** A plain-ASCII stand-in for old clients: accents folded (é → e), anything else non-ASCII → "_". */
export function asciiFallback(name: string): string {
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const { stem, ext } = splitExtension(folded);
  // A name with no ASCII letters at all (日本語.pdf) reads better as "berkas.pdf" than "___.pdf".
  return /^[\s._]*$/.test(stem) ? FALLBACK_NAME + ext : folded;
}

/** RFC 5987 value-chars: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded (UTF-8). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition header value (RFC 6266): a quoted ASCII `filename` every client understands,
 * plus `filename*=UTF-8''…` when the name is not plain ASCII, which modern clients prefer.
 */
export function contentDisposition(
  name: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const safe = sanitizeFilename(name);
  const ascii = asciiFallback(safe);
  if (ascii === safe) return `${disposition}; filename="${ascii}"`;
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc5987(safe)}`;
}
