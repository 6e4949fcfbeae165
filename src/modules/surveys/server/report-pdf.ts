import PDFDocument from "pdfkit";
import type { ResultsWire } from "../contract";
import { periodLabel } from "../domain/periods";

const fmt = (x: number | null, d = 3) => (x === null ? "-" : x.toFixed(d).replace(".", ","));

/**
 * The survey report in the usual SKM report structure: I. Pendahuluan (dasar hukum, metode),
 * II. Responden, III. Hasil per unsur, IV. IKM dan mutu, V. Rencana tindak lanjut.
 */
export function reportPdf(r: ResultsWire): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: r.period.title, Producer: "Zona" },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const p = r.period;
    const o = r.overall;
    const ikm = r.kind.result === "ikm";
    doc.fontSize(16).text(`LAPORAN ${r.kind.title.id.toUpperCase()}`, { align: "center" });
    doc.fontSize(12).text(p.unit.name, { align: "center" });
    doc.text(periodLabel(p.periodType, p.year, p.part, "id"), { align: "center" }).moveDown();

    doc.fontSize(13).text("I. Pendahuluan").fontSize(10);
    doc.text(
      `Dasar: ${r.kind.regulation}. Survei dilaksanakan ${p.startsOn} s.d. ${p.endsOn} secara daring (formulir publik tanpa identitas responden).`,
    );
    doc.text(
      `Metode: setiap unsur dinilai dengan skala 1–4; nilai rata-rata (NRR) per unsur = jumlah nilai ÷ jumlah responden; ` +
        `bobot tiap unsur ${o.weight} (tepat, tanpa pembulatan); indeks = Σ NRR × bobot` +
        (ikm
          ? "; IKM = indeks × 25, dibulatkan dua desimal lalu diklasifikasikan (A ≥ 88,31; B ≥ 76,61; C ≥ 65,00; D di bawahnya)."
          : "; nilai LKE = indeks ÷ 4 × 17,5."),
    );
    doc.moveDown();
    doc.fontSize(13).text("II. Responden").fontSize(10);
    doc.text(
      `Jumlah responden: ${o.respondents}` +
        (p.population
          ? `; populasi ${p.population}, sampel minimal (Krejcie–Morgan) ${p.requiredSample}.`
          : "."),
    );
    for (const s of r.byService) doc.text(`• ${s.key || "(tidak diisi)"}: ${s.respondents} responden`);
    doc.moveDown();
    doc.fontSize(13).text("III. Nilai per unsur").fontSize(10);
    r.kind.elements.forEach((e, i) => {
      const el = o.elements[i]!;
      doc
        .text(`${e.code}  ${e.label.id}`, { continued: true })
        .text(`   NRR ${fmt(el.nrr)}   tertimbang ${fmt(el.weighted, 4)}`, { align: "right" });
    });
    doc.moveDown();
    doc
      .fontSize(13)
      .text(ikm ? "IV. Indeks Kepuasan Masyarakat" : "IV. Indeks")
      .fontSize(10);
    doc.text(`Indeks: ${o.indexRounded?.replace(".", ",") ?? "-"}`);
    if (ikm) {
      doc.fontSize(14).text(`IKM ${fmt(o.ikm, 2)} — mutu ${o.grade ?? "-"} (${o.performance?.id ?? "-"})`);
      doc.fontSize(10);
    } else doc.text(`Nilai LKE: ${fmt(o.points, 2)} dari 17,5`);
    doc.moveDown();
    doc.fontSize(13).text("V. Rencana tindak lanjut").fontSize(10);
    if (!r.followUps.length) doc.text("Belum ada rencana tindak lanjut.");
    for (const f of r.followUps)
      doc.text(`• [${f.elementCode}] ${f.action} — PIC ${f.owner}, target ${f.dueDate} (${f.status})`);
    if (r.comments.length) {
      doc.moveDown().fontSize(13).text("Lampiran: saran dan masukan").fontSize(9);
      for (const c of r.comments.slice(0, 60)) doc.text(`• ${c.date}: ${c.text}`);
    }
    doc.end();
  });
}
