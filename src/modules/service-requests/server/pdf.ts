import PDFDocument from "pdfkit";
import { qrMatrix } from "../../../kernel/qr/qr";

/**
 * A produced document (kutipan, kuitansi, BPHTB data, SSP validation) as an A4 PDF: the unit's
 * letterhead, the title, the number and date, the request's data, the staff text and a
 * verification QR code pointing to the public verification page. pdfkit's built-in Helvetica has
 * WinAnsi encoding only: other characters are replaced. The creation date is fixed to the issue
 * time so the same input gives the same bytes.
 */
export interface DocumentPdfInput {
  unit: { code: string; name: string; parentName: string | null };
  title: string;
  number: string;
  /** "27 November 2026" */
  dateText: string;
  issuedAt: Date;
  requestNumber: string;
  serviceName: string;
  requesterName: string;
  rows: Array<[string, string]>;
  body: string | null;
  verifyUrl: string;
  docCode: string;
}

const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function winAnsi(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 32 && c < 127) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (ch === "→") out += "->";
    else out += "?";
  }
  return out;
}

export async function documentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: {
      Title: winAnsi(`${input.title} ${input.number}`),
      Author: winAnsi(input.unit.name),
      Creator: "Zona",
      Producer: "Zona",
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = 60;
  const width = doc.page.width - 120;

  // letterhead
  doc.font("Helvetica-Bold").fontSize(11);
  for (const line of [
    "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA",
    "DIREKTORAT JENDERAL KEKAYAAN NEGARA",
    ...(input.unit.parentName ? [input.unit.parentName.toUpperCase()] : []),
  ])
    doc.text(winAnsi(line), left, undefined, { width, align: "center" });
  doc.fontSize(13).text(winAnsi(input.unit.name.toUpperCase()), { width, align: "center" });
  const y = doc.y + 6;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(2)
    .stroke();
  doc
    .moveTo(left, y + 3)
    .lineTo(left + width, y + 3)
    .lineWidth(0.5)
    .stroke();
  doc.y = y + 18;

  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .text(winAnsi(input.title.toUpperCase()), left, doc.y, { width, align: "center" });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(winAnsi(`Nomor: ${input.number}`), { width, align: "center" });
  doc.moveDown(1.2);

  const row = (k: string, v: string) => {
    const top = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).text(winAnsi(k), left, top, { width: 150 });
    const h1 = doc.y;
    doc.font("Helvetica").text(winAnsi(v || "-"), left + 160, top, { width: width - 160 });
    doc.y = Math.max(h1, doc.y) + 3;
  };
  row("Nomor permohonan", input.requestNumber);
  row("Layanan", input.serviceName);
  row("Pemohon", input.requesterName);
  for (const [k, v] of input.rows) row(k, v);
  if (input.body) {
    doc.moveDown(0.8);
    doc.font("Helvetica").fontSize(10).text(winAnsi(input.body), left, doc.y, { width, align: "justify" });
  }
  doc.moveDown(1.5);
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(winAnsi(`${input.unit.name}, ${input.dateText}`), left + width / 2, doc.y, {
      width: width / 2,
    });
  doc.moveDown(3);
  doc.text(winAnsi("Ditandatangani secara elektronik"), left + width / 2, doc.y, { width: width / 2 });

  // verification QR code, drawn module by module
  const m = qrMatrix(input.verifyUrl);
  const cell = 2.4;
  const size = m.length * cell;
  const qx = left;
  const qy = doc.page.height - 60 - size - 30;
  doc.save().fillColor("#000000");
  for (const [r, rowBits] of m.entries())
    for (const [c, on] of rowBits.entries())
      if (on) doc.rect(qx + c * cell, qy + r * cell, cell, cell).fill();
  doc.restore();
  doc
    .font("Helvetica")
    .fontSize(8)
    .text(
      winAnsi(
        `Keaslian dokumen ini dapat diperiksa dengan memindai kode QR atau membuka ${input.verifyUrl} (kode ${input.docCode}). Dokumen ini diterbitkan secara elektronik melalui Zona.`,
      ),
      qx + size + 12,
      qy + 4,
      { width: width - size - 12 },
    );
  doc.end();
  return done;
}
