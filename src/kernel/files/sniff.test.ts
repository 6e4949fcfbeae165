import { describe, expect, it } from "vitest";
import { DomainError } from "../http/errors";
import { ALLOWED_LABELS, checkType, sniffBuffer } from "./sniff";
import * as sample from "./test-samples";

async function verdict(filename: string, bytes: Buffer): Promise<string> {
  try {
    const t = checkType(filename, await sniffBuffer(bytes));
    return `ok:${t.ext}:${t.mime}`;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

const OOXML = "application/vnd.openxmlformats-officedocument";

describe("type sniffing: allowed files", () => {
  it.each([
    ["laporan.pdf", sample.pdf(), "pdf", "application/pdf"],
    ["LAPORAN.PDF", sample.pdf(), "pdf", "application/pdf"],
    ["foto.png", sample.png(), "png", "image/png"],
    ["foto.jpg", sample.jpeg(), "jpg", "image/jpeg"],
    ["foto.jpeg", sample.jpeg(), "jpg", "image/jpeg"],
    ["foto.webp", sample.webp(), "webp", "image/webp"],
    ["notulen.docx", sample.docx(), "docx", `${OOXML}.wordprocessingml.document`],
    ["realisasi.xlsx", sample.xlsx(), "xlsx", `${OOXML}.spreadsheetml.sheet`],
    ["paparan.pptx", sample.pptx(), "pptx", `${OOXML}.presentationml.presentation`],
    ["video.mp4", sample.mp4(), "mp4", "video/mp4"],
    // no extension at all: nothing contradicts the content
    ["scan", sample.pdf(), "pdf", "application/pdf"],
  ])("%s is accepted", async (name, bytes, ext, mime) => {
    expect(await verdict(name, bytes)).toBe(`ok:${ext}:${mime}`);
  });
});

describe("type sniffing: refused files", () => {
  it.each([
    // the name claims an allowed type the bytes are not
    ["HTML named .pdf", "laporan.pdf", sample.html(), "FILES_EXTENSION_MISMATCH"],
    ["PNG named .pdf", "laporan.pdf", sample.png(), "FILES_EXTENSION_MISMATCH"],
    ["PDF named .png", "foto.png", sample.pdf(), "FILES_EXTENSION_MISMATCH"],
    ["JPEG named .png", "foto.png", sample.jpeg(), "FILES_EXTENSION_MISMATCH"],
    ["SVG named .png", "foto.png", sample.svg(), "FILES_EXTENSION_MISMATCH"],
    ["executable named .pdf", "laporan.pdf", sample.exe(), "FILES_EXTENSION_MISMATCH"],
    ["plain zip named .docx", "notulen.docx", sample.plainZip(), "FILES_EXTENSION_MISMATCH"],
    ["XLSX named .docx", "notulen.docx", sample.xlsx(), "FILES_EXTENSION_MISMATCH"],
    ["DOCX named .xlsx", "data.xlsx", sample.docx(), "FILES_EXTENSION_MISMATCH"],
    ["PDF named .txt", "catatan.txt", sample.pdf(), "FILES_EXTENSION_MISMATCH"],
    ["PDF named .html", "halaman.html", sample.pdf(), "FILES_EXTENSION_MISMATCH"],
    // the bytes are a type we do not take
    ["SVG", "logo.svg", sample.svg(), "FILES_TYPE_NOT_ALLOWED"],
    ["HTML", "index.html", sample.html(), "FILES_TYPE_NOT_ALLOWED"],
    ["HTML without a name", "berkas", sample.html(), "FILES_TYPE_NOT_ALLOWED"],
    ["plain zip", "arsip.zip", sample.plainZip(), "FILES_TYPE_NOT_ALLOWED"],
    ["macro-enabled Word", "makro.docm", sample.docm(), "FILES_TYPE_NOT_ALLOWED"],
    ["executable", "setup.exe", sample.exe(), "FILES_TYPE_NOT_ALLOWED"],
    ["random bytes", "data.bin", Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), "FILES_TYPE_NOT_ALLOWED"],
  ])("%s is refused", async (_what, name, bytes, code) => {
    expect(await verdict(name, bytes)).toBe(code);
  });

  it("names the allowed types and what was detected", async () => {
    try {
      checkType("logo.svg", await sniffBuffer(sample.svg()));
      expect.fail("should refuse");
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      const e = err as DomainError;
      expect(e.params).toMatchObject({
        allowed: ALLOWED_LABELS,
        detected: "application/xml",
        filename: "logo.svg",
      });
    }
    expect(ALLOWED_LABELS).toBe("PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, MP4");
  });

  it("says which extension did not match", async () => {
    try {
      checkType("foto.pdf", await sniffBuffer(sample.png()));
      expect.fail("should refuse");
    } catch (err) {
      expect((err as DomainError).params).toMatchObject({
        extension: "pdf",
        detected: "image/png",
        expected: "png",
      });
    }
  });
});
