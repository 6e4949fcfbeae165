import PDFDocument from "pdfkit";

/**
 * The pact's printable documents (A4, Indonesian): one employee's signed pact, and the roll-up of a
 * round (every staff member, signed or not, with times). pdfkit's built-in Helvetica speaks WinAnsi
 * only, so text passes through `winAnsi` (symbols spelled out, anything else as "?"); times are WIB.
 */

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** "5 Mei 2025 pukul 14.03 WIB" (Asia/Jakarta is UTC+7 all year). */
export function formatJakarta(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const j = new Date(d.getTime() + 7 * 3600_000);
  const hh = String(j.getUTCHours()).padStart(2, "0");
  const mm = String(j.getUTCMinutes()).padStart(2, "0");
  return `${j.getUTCDate()} ${MONTHS[j.getUTCMonth()]} ${j.getUTCFullYear()} pukul ${hh}.${mm} WIB`;
}

/** "27 November 2026" from "2026-11-27". */
export function formatDateId(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACE: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "✓": "v", "✗": "x", "−": "-" };

/** Text the built-in fonts can encode: known symbols spelled out, anything else as "?". */
export function winAnsi(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 32 && c < 127) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (c === 9) out += " ";
    else out += REPLACE[ch] ?? "?";
  }
  return out;
}

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const MARGIN = { top: 56, bottom: 60, left: 56, right: 56 };
const GREY = "#595959";
const LINE = "#bfbfbf";

function start(info: { title: string; createdAt: Date }) {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: "id-ID",
    info: { Title: winAnsi(info.title), Author: "Zona", CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

function footer(doc: PDFKit.PDFDocument, stamp: string) {
  const range = doc.bufferedPageRange();
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = doc.page.height - 40;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc.font(FONT).fontSize(7.5).fillColor(GREY);
    doc.text(winAnsi(stamp), left, y, { width: width - 90, lineBreak: false });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, left + width - 90, y, {
      width: 90,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
}

export interface SignedPactInput {
  unit: { code: string; name: string };
  round: { id: string; title: string; body: string; textHash: string };
  signer: { name: string; nip: string | null; email: string | null };
  statement: string;
  signedAt: string;
  verification: string;
  generatedAt: Date;
}

/** One employee's signed pact: the text, the statement, who, when (WIB), the text hash, verification. */
export async function renderSignedPact(input: SignedPactInput): Promise<Buffer> {
  const { doc, done } = start({
    title: `${input.round.title} - ${input.signer.name}`,
    createdAt: input.generatedAt,
  });
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const t = (s: string, o: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(s), { width, ...o });

  doc.font(BOLD).fontSize(9).fillColor(GREY);
  t(input.unit.name.toUpperCase(), { align: "center" });
  doc.moveDown(0.3).font(BOLD).fontSize(14).fillColor("black");
  t(input.round.title, { align: "center" });
  doc.moveDown(1);

  // The pact text exactly as signed; its first line is usually the heading "PAKTA INTEGRITAS".
  doc.font(FONT).fontSize(10.5).fillColor("black");
  t(input.round.body, { align: "justify", lineGap: 2, paragraphGap: 4 });
  doc.moveDown(1);

  doc.font(BOLD).fontSize(10);
  t("Pernyataan");
  doc.font(FONT).fontSize(10);
  t(input.statement, { lineGap: 1 });
  doc.moveDown(1);

  const rows: Array<[string, string]> = [
    ["Nama", input.signer.name],
    ["NIP", input.signer.nip ?? "-"],
    ["Unit kerja", input.unit.name],
    ["Ditandatangani", formatJakarta(input.signedAt)],
    ["Cara", "Tanda tangan elektronik melalui akun Zona"],
  ];
  if (doc.y + rows.length * 16 + 110 > doc.page.height - MARGIN.bottom) doc.addPage();
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.font(FONT).fontSize(10).fillColor(GREY).text(winAnsi(k), MARGIN.left, y, { width: 110 });
    doc
      .font(BOLD)
      .fillColor("black")
      .text(winAnsi(v), MARGIN.left + 115, y, { width: width - 115 });
    doc.x = MARGIN.left;
    doc.moveDown(0.2);
  }
  doc.moveDown(1);
  const boxY = doc.y;
  doc.font(FONT).fontSize(8.5).fillColor(GREY);
  const verify = [
    `Sidik naskah (SHA-256): ${input.round.textHash}`,
    `Kode verifikasi: ${input.verification}`,
    "Verifikasi: kode ini adalah 20 digit pertama SHA-256 atas id putaran, id pegawai, waktu tanda tangan dan sidik naskah; cocokkan dengan daftar penanda tangan pada menu Pakta Integritas di Zona dan jejak audit unit kerja.",
  ];
  doc.text(winAnsi(verify.join("\n")), MARGIN.left + 8, boxY + 8, { width: width - 16, lineGap: 1 });
  doc
    .rect(MARGIN.left, boxY, width, doc.y - boxY + 8)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();
  doc.x = MARGIN.left;

  footer(doc, `Dicetak dari Zona, ${formatJakarta(input.generatedAt)} - ${input.unit.name}`);
  doc.end();
  return done;
}

export interface RollupInput {
  unit: { code: string; name: string };
  round: {
    title: string;
    textHash: string;
    opensOn: string;
    closesOn: string | null;
    status: "scheduled" | "open" | "closed";
  };
  completion: { signed: number; total: number; percent: number };
  people: Array<{
    name: string;
    nip: string | null;
    signedAt: string | null;
    staff: boolean;
    verification: string | null;
  }>;
  generatedAt: Date;
}

const STATUS_LABEL = { scheduled: "Belum dibuka", open: "Terbuka", closed: "Ditutup" } as const;

/** The round's roll-up: every staff member, signed or not, with signing times (WIB). */
export async function renderRollup(input: RollupInput): Promise<Buffer> {
  const { doc, done } = start({
    title: `Rekapitulasi ${input.round.title}`,
    createdAt: input.generatedAt,
  });
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const t = (s: string, o: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(s), { width, ...o });

  doc.font(BOLD).fontSize(9).fillColor(GREY);
  t(input.unit.name.toUpperCase());
  doc.moveDown(0.2).font(BOLD).fontSize(14).fillColor("black");
  t(`Rekapitulasi Penandatanganan ${input.round.title}`);
  doc.moveDown(0.5).font(FONT).fontSize(9.5);
  const period = input.round.closesOn
    ? `${formatDateId(input.round.opensOn)} s.d. ${formatDateId(input.round.closesOn)}`
    : `sejak ${formatDateId(input.round.opensOn)}`;
  const pct = input.completion.percent.toFixed(2).replace(".", ",").replace(/,00$/, "");
  t(`Periode: ${period} (${STATUS_LABEL[input.round.status]})`);
  t(
    `Sudah menandatangani: ${input.completion.signed} dari ${input.completion.total} pegawai (${pct}%); belum: ${input.completion.total - input.completion.signed}.`,
  );
  doc.fillColor(GREY).fontSize(8);
  t(`Sidik naskah (SHA-256): ${input.round.textHash}`);
  doc.fillColor("black").moveDown(0.8);

  const cols = [
    { header: "No.", width: 28 },
    { header: "Nama", width: 150 },
    { header: "NIP", width: 100 },
    { header: "Status", width: 62 },
    { header: "Waktu tanda tangan", width: width - 28 - 150 - 100 - 62 },
  ];
  const pad = 3;
  const drawRow = (cells: string[], opts: { header?: boolean; fill?: string }) => {
    doc.font(opts.header ? BOLD : FONT).fontSize(8.5);
    const h =
      Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: cols[i]!.width - 2 * pad }))) +
      2 * pad;
    if (!opts.header && doc.y + h > bottom()) {
      doc.addPage();
      drawRow(
        cols.map((c) => c.header),
        { header: true },
      );
    }
    const y = doc.y;
    const fill = opts.header ? "#305496" : opts.fill;
    if (fill) doc.rect(left, y, width, h).fillColor(fill).fill();
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor(opts.header ? "white" : "black");
      doc.text(winAnsi(c), x + pad, y + pad, { width: cols[i]!.width - 2 * pad, lineGap: 0 });
      x += cols[i]!.width;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(
    cols.map((c) => c.header),
    { header: true },
  );
  input.people.forEach((p, i) => {
    const status = p.signedAt ? (p.staff ? "Sudah" : "Sudah*") : "Belum";
    drawRow([String(i + 1), p.name, p.nip ?? "-", status, p.signedAt ? formatJakarta(p.signedAt) : "-"], {
      ...(p.signedAt ? {} : { fill: "#fdecea" }),
    });
  });
  if (input.people.some((p) => !p.staff)) {
    doc.moveDown(0.5).font(FONT).fontSize(8).fillColor(GREY);
    t("* Menandatangani saat masih bertugas di unit ini; tidak dihitung dalam persentase.");
  }
  footer(doc, `Dicetak dari Zona, ${formatJakarta(input.generatedAt)} - ${input.unit.name}`);
  doc.end();
  return done;
}
