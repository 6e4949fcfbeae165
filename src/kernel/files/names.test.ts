import { describe, expect, it } from "vitest";
import {
  asciiFallback,
  contentDisposition,
  extensionOf,
  FALLBACK_NAME,
  MAX_NAME_BYTES,
  MAX_NAME_CHARS,
  rfc5987,
  sanitizeFilename,
} from "./names";

describe("sanitizeFilename", () => {
  it.each([
    ["laporan.pdf", "laporan.pdf"],
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\win.ini", "win.ini"],
    ["C:\\x\\y.pdf", "y.pdf"],
    ["C:y.pdf", "y.pdf"],
    ["/abs/path/Notulen Rapat.docx", "Notulen Rapat.docx"],
    ["..", FALLBACK_NAME],
    ["../", FALLBACK_NAME],
    ["", FALLBACK_NAME],
    ["   ", FALLBACK_NAME],
    ["a\u0000b.pdf", "ab.pdf"],
    ["evil.pdf\u0000.exe", "evil.pdf.exe"],
    ["line\r\nbreak.pdf", "linebreak.pdf"],
    ["tab\there.pdf", "tabhere.pdf"],
    ["bell\u0007\u007f\u009b.png", "bell.png"],
    // right-to-left override: "\u202Egpj.exe" displays as "exe.jpg"
    ["foto\u202Egpj.exe", "fotogpj.exe"],
    ["zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf"],
    ['quote"s<and>pipes|?*.pdf', "quote_s_and_pipes___.pdf"],
    ["  .hidden.pdf  ", "hidden.pdf"],
    ["laporan.pdf...", "laporan.pdf"],
    ["CON.pdf", "_CON.pdf"],
    ["nul", "_nul"],
    ["Laporan Triwulan   III.pdf", "Laporan Triwulan III.pdf"],
    ["Surat Pernyataan Ñoño – Café.pdf", "Surat Pernyataan Ñoño – Café.pdf"],
    ["تقرير.pdf", "تقرير.pdf"],
    ["报告.pdf", "报告.pdf"],
    ["e\u0301.pdf", "é.pdf"], // NFC
    [".pdf", "pdf"],
  ])("%j → %j", (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it("accepts non-strings as nothing", () => {
    expect(sanitizeFilename(undefined)).toBe(FALLBACK_NAME);
    expect(sanitizeFilename(42)).toBe(FALLBACK_NAME);
  });

  it("cuts long names but keeps the extension", () => {
    const out = sanitizeFilename(`${"a".repeat(500)}.pdf`);
    expect(out.endsWith(".pdf")).toBe(true);
    expect([...out].length).toBeLessThanOrEqual(MAX_NAME_CHARS);
  });

  it("bounds the UTF-8 length and never splits a character", () => {
    const out = sanitizeFilename(`${"😀".repeat(200)}.docx`);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out.endsWith(".docx")).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    expect(out.replace(".docx", "")).toMatch(/^(😀)+$/u);
    // a family emoji is one grapheme of several code points; it is kept whole or dropped whole
    const family = "👨‍👩‍👧";
    const cut = sanitizeFilename(`${family.repeat(60)}.pdf`);
    expect(
      cut
        .replace(".pdf", "")
        .split(family)
        .every((s) => s === ""),
    ).toBe(true);
  });

  it("is idempotent", () => {
    for (const n of [
      "../../x/Laporan Café.pdf",
      "C:\\a\\b\u202E.png",
      "  ...  ",
      `${"é".repeat(300)}.xlsx`,
    ]) {
      const once = sanitizeFilename(n);
      expect(sanitizeFilename(once)).toBe(once);
    }
  });
});

describe("extensionOf", () => {
  it.each([
    ["laporan.PDF", "pdf"],
    ["arsip.tar.gz", "gz"],
    ["tanpa-ekstensi", ""],
    [".bashrc", ""],
    ["titik.", ""],
    ["foto.jpeg", "jpeg"],
  ])("%j → %j", (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});

describe("contentDisposition", () => {
  it("uses a plain quoted filename for ASCII names", () => {
    expect(contentDisposition("Laporan 2026.pdf")).toBe('attachment; filename="Laporan 2026.pdf"');
  });

  it("adds an RFC 5987 filename* for non-ASCII names, with an ASCII stand-in", () => {
    expect(contentDisposition("Notulen Café (final).pdf")).toBe(
      "attachment; filename=\"Notulen Cafe (final).pdf\"; filename*=UTF-8''Notulen%20Caf%C3%A9%20%28final%29.pdf",
    );
    expect(contentDisposition("报告.pdf")).toBe(
      `attachment; filename="berkas.pdf"; filename*=UTF-8''${encodeURIComponent("报告")}.pdf`,
    );
  });

  it("cannot be used to inject header parameters or lines", () => {
    const v = contentDisposition('x"; filename="evil.html\r\nSet-Cookie: a=b.pdf');
    expect(v).not.toMatch(/[\r\n]/);
    expect(v.match(/"/g)?.length).toBe(2);
    expect(v).toMatch(/^attachment; filename="[^"]*"$/);
  });

  it("supports inline", () => {
    expect(contentDisposition("a.png", "inline")).toBe('inline; filename="a.png"');
  });
});

describe("asciiFallback and rfc5987", () => {
  it("folds accents and replaces the rest", () => {
    expect(asciiFallback("Ñoño é ü.pdf")).toBe("Nono e u.pdf");
    expect(asciiFallback("a✓b.pdf")).toBe("a_b.pdf");
  });
  it("percent-encodes everything outside attr-char", () => {
    expect(rfc5987("a b'(c)*.pdf")).toBe("a%20b%27%28c%29%2A.pdf");
  });
});
