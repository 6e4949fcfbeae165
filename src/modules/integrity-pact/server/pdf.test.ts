import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { defaultPactText } from "../domain/pact";
import { formatDateId, formatJakarta, renderRollup, renderSignedPact, winAnsi } from "./pdf";

const parse = async (buf: Buffer) => {
  const p = new PDFParse({ data: new Uint8Array(buf) });
  const r = await p.getText();
  return { text: r.text.replace(/\s+/g, " "), pages: r.pages.length };
};

describe("pact PDFs", () => {
  it("formats WIB times and Indonesian dates, and keeps text within WinAnsi", () => {
    expect(formatJakarta("2026-11-27T17:05:00.000Z")).toBe("28 November 2026 pukul 00.05 WIB");
    expect(formatDateId("2026-05-01")).toBe("1 Mei 2026");
    expect(winAnsi("“Jujur” — ≥ 1 ✓ 廉")).toBe("“Jujur” — >= 1 v ?");
  });

  it("prints one employee's signed pact with the text, who, when, the hash and the verification line", async () => {
    const body = defaultPactText("KPKNL Bekasi");
    const pdf = await renderSignedPact({
      unit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
      round: {
        id: "r1",
        title: "Pakta Integritas Pegawai KPKNL Bekasi 2026",
        body,
        textHash: `${"c0ffee".repeat(10)}beef`,
      },
      signer: { name: "Siti Rahmawati", nip: "198805122010122003", email: "siti@zona.demo" },
      statement: "Saya telah membaca dan menyetujui Pakta Integritas ini.",
      signedAt: "2026-11-14T01:15:00.000Z",
      verification: "3F2A9-00B1C-77D2E-9A0F1",
      generatedAt: new Date("2026-11-27T02:00:00Z"),
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, pages } = await parse(pdf);
    expect(pages).toBe(1);
    for (const s of [
      "PAKTA INTEGRITAS",
      "7. Bila saya melanggar",
      "Siti Rahmawati",
      "198805122010122003",
      "14 November 2026 pukul 08.15 WIB",
      `Sidik naskah (SHA-256): ${"c0ffee".repeat(10)}beef`,
      "Kode verifikasi: 3F2A9-00B1C-77D2E-9A0F1",
      "Saya telah membaca dan menyetujui",
      "Halaman 1 dari 1",
    ])
      expect(text).toContain(s);
  });

  it("rolls up every employee, signed or not, across pages with the header repeated", async () => {
    const people = Array.from({ length: 70 }, (_, i) => ({
      name: `Pegawai Nomor ${i + 1}`,
      nip: i % 3 === 0 ? null : `1990010120150120${String(i).padStart(2, "0")}`,
      signedAt: i % 4 === 3 ? null : `2026-11-${String(14 + (i % 5)).padStart(2, "0")}T0${i % 8}:30:00.000Z`,
      staff: i !== 69,
      verification: null,
    }));
    const pdf = await renderRollup({
      unit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
      round: {
        title: "Pakta Integritas Pegawai KPKNL Bekasi 2026",
        textHash: "ab".repeat(32),
        opensOn: "2026-11-13",
        closesOn: "2026-12-31",
        status: "open",
      },
      completion: { signed: 52, total: 69, percent: 75.36 },
      people,
      generatedAt: new Date("2026-11-27T02:00:00Z"),
    });
    const { text, pages } = await parse(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("Periode: 13 November 2026 s.d. 31 Desember 2026 (Terbuka)");
    expect(text).toContain("Sudah menandatangani: 52 dari 69 pegawai (75,36%); belum: 17.");
    expect(text).toContain("Pegawai Nomor 1 ");
    expect(text).toContain("Pegawai Nomor 70");
    expect(text).toContain("14 November 2026 pukul 07.30 WIB");
    expect(text.match(/Waktu tanda tangan/g)!.length).toBe(pages);
    expect(text).toContain("tidak dihitung dalam persentase");
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
  });
});
