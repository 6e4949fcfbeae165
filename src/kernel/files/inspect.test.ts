// Regression tests for the findings of the upload corpus (test/proof/upload-corpus.test.ts, issue 8):
// each of these was accepted by the store before inspect.ts existed.
import { deflateSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DomainError } from "../http/errors";
import { inspectContent, MAX_EXPANDED_BYTES } from "./inspect";
import { checkType, sniffBuffer } from "./sniff";
import { docx, pdf, plainZip, png, xlsx, zip } from "./test-samples";

function pdfOf(objects: string[]): Buffer {
  let out = "%PDF-1.5\n";
  for (const [i, body] of objects.entries()) out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  return Buffer.from(`${out}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
}
const CATALOG = "<< /Type /Catalog /OpenAction 2 0 R >>";

async function refusal(name: string, bytes: Buffer): Promise<string> {
  try {
    checkType(name, await sniffBuffer(bytes));
    return "accepted";
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe("inspectContent: allowed types that still carry a hazard", () => {
  it("keeps accepting the plain samples of every inspected type", async () => {
    for (const [name, bytes] of [
      ["a.pdf", pdf()],
      ["a.png", png()],
      ["a.docx", docx()],
      ["a.xlsx", xlsx()],
    ] as const) {
      expect(await refusal(name, bytes), name).toBe("accepted");
    }
  });

  it("refuses a PDF with JavaScript, also written with #xx escapes or hidden in an object stream", async () => {
    const js = pdfOf([CATALOG, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]);
    expect(inspectContent("pdf", js)).toMatchObject({ code: "FILES_ACTIVE_CONTENT" });
    const hex = pdfOf([CATALOG, "<< /S /J#61v#61Script /J#53 (x) >>"]);
    expect(inspectContent("pdf", hex)).toMatchObject({ code: "FILES_ACTIVE_CONTENT" });
    const packed = deflateSync(Buffer.from("2 0 << /S /JavaScript /JS (x) >>")).toString("latin1");
    const objstm = pdfOf([
      CATALOG,
      `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n${packed}\nendstream`,
    ]);
    expect(inspectContent("pdf", objstm)).toMatchObject({
      code: "FILES_ACTIVE_CONTENT",
      detail: expect.stringContaining("object stream"),
    });
    expect(await refusal("sk.pdf", js)).toBe("FILES_ACTIVE_CONTENT");
  });

  it("refuses a PDF that launches a program, and one that is also an HTML page", async () => {
    const launch = pdfOf([CATALOG, "<< /S /Launch /F (cmd.exe) >>"]);
    expect(await refusal("a.pdf", launch)).toBe("FILES_ACTIVE_CONTENT");
    const polyglot = Buffer.concat([Buffer.from("%PDF-1.4\n<html><script>alert(1)</script>\n"), pdf()]);
    expect(await refusal("a.pdf", polyglot)).toBe("FILES_ACTIVE_CONTENT");
  });

  it("refuses a PDF cut off before its %%EOF, and accepts trailing blank lines after it", async () => {
    const whole = pdf();
    expect(await refusal("a.pdf", whole.subarray(0, whole.length - 40))).toBe("FILES_DAMAGED");
    expect(await refusal("a.pdf", Buffer.concat([whole, Buffer.from("\n\r\n\0\0")]))).toBe("accepted");
  });

  it("refuses a PNG with an archive appended after IEND (PNG/ZIP polyglot)", async () => {
    expect(await refusal("foto.png", Buffer.concat([png(), plainZip()]))).toBe("FILES_HIDDEN_CONTENT");
  });

  it("refuses an Office file that expands ~1000:1 to 64 MB, or declares 4 GB", async () => {
    const base = docx();
    const bomb = zip({
      "[Content_Types].xml": entry(base, "[Content_Types].xml"),
      "_rels/.rels": entry(base, "_rels/.rels"),
      "word/document.xml": entry(base, "word/document.xml"),
      "word/media/image1.png": Buffer.alloc(64 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await refusal("notulen.docx", bomb)).toBe("FILES_ARCHIVE_BOMB");

    const liar = Buffer.from(xlsx());
    // the central directory's first entry declares (almost) 4 GB uncompressed
    const cd = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    liar.writeUInt32LE(0xfffffff0, cd + 24);
    expect(inspectContent("xlsx", liar)).toMatchObject({ code: "FILES_ARCHIVE_BOMB" });
    expect(0xfffffff0).toBeGreaterThan(MAX_EXPANDED_BYTES);
  });

  it("accepts one Office file embedded in another, refuses archives nested deeper", async () => {
    const base = docx();
    const parts = {
      "[Content_Types].xml": entry(base, "[Content_Types].xml"),
      "_rels/.rels": entry(base, "_rels/.rels"),
      "word/document.xml": entry(base, "word/document.xml"),
    };
    const withChart = zip({ ...parts, "word/embeddings/Microsoft_Excel_Worksheet.xlsx": xlsx() });
    expect(await refusal("a.docx", withChart)).toBe("accepted");
    const deep = zip({ ...parts, "word/embeddings/x.bin": zip({ "inner.zip": plainZip() }) });
    expect(await refusal("a.docx", deep)).toBe("FILES_ARCHIVE_BOMB");
  });
});

/** An entry's bytes from a zip written by test-samples' writer (deflated, local headers in order). */
function entry(z: Buffer, wanted: string): Buffer {
  let p = 0;
  while (z.readUInt32LE(p) === 0x04034b50) {
    const csize = z.readUInt32LE(p + 18);
    const nlen = z.readUInt16LE(p + 26);
    const name = z.toString("utf8", p + 30, p + 30 + nlen);
    const start = p + 30 + nlen + z.readUInt16LE(p + 28);
    if (name === wanted) return inflateRawSync(z.subarray(start, start + csize));
    p = start + csize;
  }
  throw new Error(`no entry ${wanted}`);
}
