/**
 * Small real files built from bytes, for the file store's tests (and any module's tests that need
 * an upload). Each is a valid instance of its format as far as a type sniffer looks — the PDF,
 * PNG, WebP and zips are fully valid; the JPEG and MP4 carry correct headers around empty data.
 */
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

const ascii = (s: string) => Buffer.from(s, "latin1");
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** A one-page PDF with a correct cross-reference table. */
export function pdf(text = "Data dukung"): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([ascii(type), data]);
  return Buffer.concat([u32be(data.length), td, u32be(crc32(td))]);
}

/** A 1×1 opaque PNG of the given colour. */
export function png(rgb: [number, number, number] = [0, 120, 200]): Buffer {
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 2, 0, 0, 0])]);
  const idat = deflateSync(Buffer.from([0, ...rgb]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** SOI, a JFIF APP0 segment, EOI. */
export function jpeg(): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0xff, 0xd9,
  ]);
}

/** A 1×1 lossless WebP. */
export function webp(): Buffer {
  return Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");
}

/** An `ftyp` box (isom) followed by an empty `mdat`. */
export function mp4(): Buffer {
  const ftyp = Buffer.concat([u32be(24), ascii("ftypisom"), u32be(0x200), ascii("isomiso2")]);
  const mdat = Buffer.concat([u32be(8), ascii("mdat")]);
  return Buffer.concat([ftyp, mdat]);
}

export const html = (): Buffer =>
  Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>\n");
export const svg = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
  );
export const exe = (): Buffer => Buffer.concat([ascii("MZ"), Buffer.alloc(62), ascii("PE\0\0")]);

/** A zip archive (deflated entries) written by hand: local headers, central directory, end record. */
export function zip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

/** A minimal Word document (one paragraph). */
export function docx(text = "Notulen rapat"): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("word/document.xml", `${OOXML}.wordprocessingml.document.main+xml`),
    "_rels/.rels": RELS("word/document.xml"),
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** A minimal workbook. */
export function xlsx(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("xl/workbook.xml", `${OOXML}.spreadsheetml.sheet.main+xml`),
    "_rels/.rels": RELS("xl/workbook.xml"),
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
  });
}

/** A minimal presentation. */
export function pptx(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes(
      "ppt/presentation.xml",
      `${OOXML}.presentationml.presentation.main+xml`,
    ),
    "_rels/.rels": RELS("ppt/presentation.xml"),
    "ppt/presentation.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`,
  });
}

/** A macro-enabled Word document: a zip that is Office, but not an allowed type. */
export function docm(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes(
      "word/document.xml",
      "application/vnd.ms-word.document.macroEnabled.main+xml",
    ),
    "_rels/.rels": RELS("word/document.xml"),
    "word/document.xml": "<w:document/>",
  });
}

/** A plain archive. */
export function plainZip(): Buffer {
  return zip({ "laporan.txt": "bukan dokumen Office\n", "lampiran/catatan.txt": "isi\n" });
}
