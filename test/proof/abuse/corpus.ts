/**
 * The hostile upload corpus (issue 8, part 4): every file is generated here from bytes, nothing
 * binary is checked in. `badFiles()` must each be refused with a 4xx in the error envelope by
 * every upload endpoint; `goodFilesHostileNames()` carry valid evidence under names that try path
 * traversal, header injection or spoofing: they are accepted, stored only in the file store, and
 * downloaded back under a safe name.
 */
import { crc32, deflateSync, inflateRawSync } from "node:zlib";
import {
  docx,
  exe,
  html,
  jpeg,
  mp4,
  pdf,
  plainZip,
  png,
  svg,
  zip,
} from "../../../src/kernel/files/test-samples";

export interface CorpusFile {
  /** Short id for test names and the report. */
  id: string;
  /** What makes it bad. */
  why: string;
  /** The file name the client sends. */
  name: string;
  bytes: Buffer;
  /** The refusal is a size refusal (413 on the store; the WBS channel has its own 5 MB limit). */
  oversize?: boolean;
}

const ascii = (s: string) => Buffer.from(s, "latin1");

/** ELF header of a 64-bit Linux executable (enough for any sniffer). */
function elf(): Buffer {
  const b = Buffer.alloc(64);
  ascii("\x7fELF").copy(b, 0);
  b[4] = 2; // 64-bit
  b[5] = 1; // little endian
  b[6] = 1; // version
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return Buffer.concat([b, Buffer.alloc(200, 0x90)]);
}

/** A 1×1 GIF89a. */
const gif = () => Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** A 1×1 24-bit BMP. */
function bmp(): Buffer {
  const b = Buffer.alloc(58);
  ascii("BM").copy(b, 0);
  b.writeUInt32LE(58, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(1, 18);
  b.writeInt32LE(1, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(4, 34);
  return b;
}

/** A little-endian TIFF with one empty IFD. */
function tiff(): Buffer {
  const b = Buffer.alloc(32);
  ascii("II").copy(b, 0);
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8); // one entry
  b.writeUInt16LE(256, 10); // ImageWidth
  b.writeUInt16LE(3, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt16LE(1, 18);
  return b;
}

/** An ftyp box with the given major brand and compatible brands, then an empty mdat. */
function isoMedia(major: string, compatible: string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const head = Buffer.alloc(16);
  head.writeUInt32BE(size, 0);
  ascii("ftyp").copy(head, 4);
  ascii(major).copy(head, 8);
  head.writeUInt32BE(0, 12);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0);
  ascii("mdat").copy(mdat, 4);
  return Buffer.concat([head, ...compatible.map(ascii), mdat]);
}

/** A PDF whose catalogue runs JavaScript on open (`/OpenAction` → `/JS`). */
function pdfWithJs(nameForm = "/JavaScript"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Type /Action /S ${nameForm} /JS (app.alert\\('pwned'\\);) >>`,
  ];
  return pdfFrom(objects);
}

/** A PDF that launches a program (`/Launch`). */
function pdfWithLaunch(): Buffer {
  return pdfFrom([
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Type /Action /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>",
  ]);
}

/** A PDF whose JavaScript hides in a compressed object stream (PDF 1.5). */
function pdfWithJsInObjectStream(): Buffer {
  const inner = "4 0 << /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>";
  const stream = deflateSync(Buffer.from(inner)).toString("latin1");
  return pdfFrom([
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

function pdfFrom(objects: string[], header = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"): Buffer {
  let out = header;
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

/** A zip whose one entry's headers declare `declared` bytes uncompressed (a lie a bomb scanner must catch). */
function zipDeclaring(entries: Record<string, string>, liar: string, declared: number): Buffer {
  const z = zip({ ...entries, [liar]: "x" });
  // Patch the liar's uncompressed size in its local header and its central directory record.
  const name = Buffer.from(liar);
  for (let i = 0; i + 46 < z.length; i++) {
    const sig = z.readUInt32LE(i);
    if (sig === 0x04034b50 && z.subarray(i + 30, i + 30 + name.length).equals(name))
      z.writeUInt32LE(declared >>> 0, i + 22);
    if (sig === 0x02014b50 && z.subarray(i + 46, i + 46 + name.length).equals(name))
      z.writeUInt32LE(declared >>> 0, i + 24);
  }
  return z;
}

/** The parts that make a zip a Word document, plus `extra` entries. */
function docxWith(extra: Record<string, string | Buffer>): Buffer {
  const base = docx();
  // Read the sample's entries back (our own zip writer: local headers one after another).
  const parts: Record<string, Buffer> = {};
  let p = 0;
  while (p + 30 < base.length && base.readUInt32LE(p) === 0x04034b50) {
    const csize = base.readUInt32LE(p + 18);
    const nlen = base.readUInt16LE(p + 26);
    const xlen = base.readUInt16LE(p + 28);
    const name = base.subarray(p + 30, p + 30 + nlen).toString("utf8");
    const data = base.subarray(p + 30 + nlen + xlen, p + 30 + nlen + xlen + csize);
    parts[name] = inflateRawSync(data);
    p += 30 + nlen + xlen + csize;
  }
  return zip({ ...parts, ...extra });
}

/** A stored (uncompressed) zip of the given entries: nesting archives in archives. */
function storedZip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, data] of Object.entries(entries)) {
    const name = Buffer.from(n);
    const crc = crc32(data);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt32LE(crc, 14);
    l.writeUInt32LE(data.length, 18);
    l.writeUInt32LE(data.length, 22);
    l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, name, data);
    centrals.push(c, name);
    offset += 30 + name.length + data.length;
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

/** 42.zip in miniature: `levels` of archives, each holding `fan` copies of the level below. */
function nestedBomb(levels: number, fan: number, leafBytes: number): Buffer {
  let level = zip({ "0.bin": Buffer.alloc(leafBytes) });
  for (let l = 1; l < levels; l++) {
    const entries: Record<string, Buffer> = {};
    for (let i = 0; i < fan; i++) entries[`${l}-${i}.zip`] = level;
    level = storedZip(entries);
  }
  return level;
}

/** Size of the store's limit the corpus is built for (the test app sets UPLOAD_MAX_BYTES to it). */
export const CORPUS_UPLOAD_MAX_BYTES = 256 * 1024;

/** At least 20 files that must all be refused. */
export function badFiles(maxBytes = CORPUS_UPLOAD_MAX_BYTES): CorpusFile[] {
  const okPdf = pdf("Laporan");
  const padded = Buffer.concat([okPdf, Buffer.alloc(maxBytes + 1 - okPdf.length + 10, 0x20)]);
  const bombEntry = Buffer.alloc(64 * 1024 * 1024); // 64 MB of zeros → ~64 KB deflated
  const files: CorpusFile[] = [
    {
      id: "oversize",
      why: "one byte and more over UPLOAD_MAX_BYTES",
      name: "laporan-besar.pdf",
      bytes: padded,
      oversize: true,
    },
    { id: "pdf-is-exe", why: "a Windows executable named .pdf", name: "laporan.pdf", bytes: exe() },
    { id: "pdf-is-elf", why: "a Linux executable named .pdf", name: "laporan.pdf", bytes: elf() },
    { id: "pdf-is-zip", why: "a plain zip archive named .pdf", name: "laporan.pdf", bytes: plainZip() },
    { id: "pdf-is-html", why: "an HTML page with a script named .pdf", name: "laporan.pdf", bytes: html() },
    {
      id: "zip-bomb-docx",
      why: "a DOCX with a 64 MB entry compressed ~1000:1",
      name: "notulen.docx",
      bytes: docxWith({ "word/media/image1.png": bombEntry }),
    },
    {
      id: "zip-declares-huge-xlsx",
      why: "an XLSX whose entry declares 4 GB uncompressed",
      name: "rekap.xlsx",
      bytes: zipDeclaring(
        {
          "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
          "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
          "xl/workbook.xml": "<workbook/>",
        },
        "xl/worksheets/sheet1.xml",
        0xfffffff0,
      ),
    },
    {
      id: "nested-zip-in-docx",
      why: "a DOCX carrying a 4-level nested archive (42.zip style) as an embedding",
      name: "lampiran.docx",
      bytes: docxWith({ "word/embeddings/oleObject1.bin": nestedBomb(4, 8, 4 * 1024 * 1024) }),
    },
    {
      id: "nested-zip-as-docx",
      why: "a bare 3-level nested archive named .docx",
      name: "lampiran.docx",
      bytes: nestedBomb(3, 4, 1024 * 1024),
    },
    { id: "svg-script", why: "an SVG image with a script", name: "logo.svg", bytes: svg() },
    { id: "svg-as-png", why: "an SVG with a script named .png", name: "logo.png", bytes: svg() },
    {
      id: "polyglot-html-first",
      why: "an HTML page that carries a PDF after its markup",
      name: "surat.pdf",
      bytes: Buffer.concat([
        ascii("<html><script>alert(document.cookie)</script><!--\n"),
        okPdf,
        ascii("-->"),
      ]),
    },
    {
      id: "polyglot-pdf-first",
      why: "a PDF whose bytes also read as an HTML page with a script",
      name: "surat.pdf",
      bytes: Buffer.concat([
        ascii("%PDF-1.4\n<html><body><script>fetch('/api/me').then(r=>r.text()).then(alert)</script>\n"),
        okPdf.subarray(9),
      ]),
    },
    {
      id: "pdf-javascript",
      why: "a PDF that runs JavaScript when opened",
      name: "sk.pdf",
      bytes: pdfWithJs(),
    },
    {
      id: "pdf-javascript-hex-name",
      why: "the same with the name written /J#61vaScript",
      name: "sk.pdf",
      bytes: pdfWithJs("/J#61vaScript"),
    },
    {
      id: "pdf-javascript-objstm",
      why: "JavaScript hidden in a compressed object stream",
      name: "sk.pdf",
      bytes: pdfWithJsInObjectStream(),
    },
    { id: "pdf-launch", why: "a PDF that launches cmd.exe", name: "sk.pdf", bytes: pdfWithLaunch() },
    { id: "gif", why: "GIF is not an evidence type", name: "foto.gif", bytes: gif() },
    { id: "bmp", why: "BMP is not an evidence type", name: "foto.bmp", bytes: bmp() },
    { id: "tiff", why: "TIFF is not an evidence type", name: "scan.tiff", bytes: tiff() },
    { id: "empty", why: "zero bytes", name: "kosong.pdf", bytes: Buffer.alloc(0) },
    {
      id: "path-etc-passwd",
      why: "a path in the name, executable content",
      name: "../../etc/passwd",
      bytes: elf(),
    },
    {
      id: "path-win-ini",
      why: "a Windows path in the name, HTML content",
      name: "..\\..\\win.ini",
      bytes: html(),
    },
    { id: "path-slash", why: "a sub-directory in the name, HTML content", name: "a/b.pdf", bytes: html() },
    {
      id: "path-encoded",
      why: "an encoded traversal, HTML content",
      name: "%2e%2e%2fconfig.pdf",
      bytes: html(),
    },
    {
      id: "long-name",
      why: "a 5,000-character name, executable content",
      name: `${"a".repeat(5000)}.pdf`,
      bytes: exe(),
    },
    {
      id: "rtl-override",
      why: "'evil\\u202Efdp.exe' shows as evilexe.pdf",
      name: "evil\u202Efdp.exe",
      bytes: exe(),
    },
    {
      id: "crlf-name",
      why: "CR/LF in the name to inject a header, HTML content",
      name: "a.pdf\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>",
      bytes: html(),
    },
    { id: "nul-name", why: "NUL in the name, HTML content", name: "laporan.pdf\0.html", bytes: html() },
    {
      id: "double-extension",
      why: "laporan.pdf.exe that is an executable",
      name: "laporan.pdf.exe",
      bytes: exe(),
    },
    { id: "png-is-jpeg-name", why: "a JPEG named .png", name: "foto.png", bytes: jpeg() },
    {
      id: "png-trailing-zip",
      why: "a PNG with a zip archive appended (PNG/ZIP polyglot)",
      name: "foto.png",
      bytes: Buffer.concat([png(), plainZip()]),
    },
    {
      id: "truncated-pdf",
      why: "a PDF cut off half-way (no trailer, no %%EOF)",
      name: "potong.pdf",
      bytes: okPdf.subarray(0, Math.floor(okPdf.length / 2)),
    },
    {
      id: "mp4-wrong-brand",
      why: "a QuickTime movie named .mp4",
      name: "video.mp4",
      bytes: isoMedia("qt  ", ["qt  "]),
    },
    {
      id: "mp4-3gp-brand",
      why: "a 3GP file named .mp4",
      name: "video.mp4",
      bytes: isoMedia("3gp4", ["3gp4", "isom"]),
    },
  ];
  return files;
}

/** Valid evidence under hostile names: accepted, and downloaded back under a safe name. */
export function goodFilesHostileNames(): CorpusFile[] {
  return [
    { id: "good-etc-passwd", why: "path traversal", name: "../../etc/passwd.pdf", bytes: pdf("a") },
    { id: "good-win-ini", why: "Windows path", name: "..\\..\\Windows\\win.pdf", bytes: pdf("b") },
    { id: "good-crlf", why: "CR/LF header injection", name: "a\r\nSet-Cookie: x=1\r\n.pdf", bytes: pdf("c") },
    { id: "good-rtl", why: "bidi override", name: "laporan\u202Efdp.pdf", bytes: pdf("d") },
    { id: "good-long", why: "very long name", name: `${"n".repeat(3000)}.png`, bytes: png() },
    { id: "good-quote", why: "quote and semicolon", name: 'a"; filename="evil.html.pdf', bytes: pdf("e") },
    { id: "good-nul", why: "NUL", name: "foto\0.png", bytes: png([1, 2, 3]) },
    { id: "good-mp4", why: "a real MP4 (isom)", name: "video.mp4", bytes: mp4() },
  ];
}
