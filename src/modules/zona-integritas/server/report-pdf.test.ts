import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { toFixed } from "../../../kernel/math/fraction";
import type { Answer } from "../domain/answers";
import { pathsToGates, rankGaps } from "../domain/gaps";
import { assessReadiness } from "../domain/readiness";
import { loadRubric, questionsOf } from "../domain/rubric";
import { scoreAnswers } from "../domain/scoring";
import {
  formatJakarta,
  formatNumber,
  renderSummaryPdf,
  type SummaryReportInput,
  winAnsi,
} from "./report-pdf";

const rubric = loadRubric("permenpanrb-90-2021");

/** A demo-like worksheet: most questions answered, some at the best option, some not at all. */
function demoAnswers(shift: number): Record<string, Answer> {
  const a: Record<string, Answer> = {};
  questionsOf(rubric).forEach((e, i) => {
    const q = e.question;
    if ((i + shift) % 7 === 0) return;
    if (q.answerType === "counts") a[q.key] = { counts: (q.counts ?? []).map(() => 4) };
    else if (q.answerType === "survey_index") a[q.key] = 3.2 + shift * 0.2;
    else a[q.key] = q.options[(i + shift) % 2]!.code;
  });
  return a;
}

function demoInput(): SummaryReportInput {
  const unit = scoreAnswers(rubric, demoAnswers(0));
  const tpi = scoreAnswers(rubric, demoAnswers(1));
  const readiness = assessReadiness(rubric, tpi, { priorWbk: false });
  return {
    rubric,
    unit: { code: "BPS-3171", name: "BPS Kota Jakarta Selatan" },
    year: 2025,
    target: "WBK",
    stage: "Penilaian TPI",
    scores: { unit, tpi, tpn: null },
    readiness,
    readinessColumn: "tpi",
    gaps: rankGaps(rubric, tpi),
    paths: pathsToGates(rubric, tpi, readiness.WBK),
    generatedAt: new Date("2025-05-05T07:03:00Z"),
  };
}

const flat = (s: string) => s.replace(/\s+/g, " ");

describe("renderSummaryPdf", () => {
  let input: SummaryReportInput;
  let pdf: Buffer;
  let text: string;
  let pages: number;

  beforeAll(async () => {
    input = demoInput();
    pdf = await renderSummaryPdf(input);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const result = await parser.getText();
      text = flat(result.text);
      pages = result.total;
    } finally {
      await parser.destroy();
    }
  });

  it("is a PDF with at least one page", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages).toBeGreaterThanOrEqual(1);
  });

  it("shows the title, the unit, the stage and the total with a decimal comma", () => {
    expect(text).toContain("Ringkasan Penilaian Zona Integritas");
    expect(text).toContain("BPS Kota Jakarta Selatan");
    expect(text).toContain("Penilaian TPI");
    const total = toFixed(input.scores.tpi!.total, 2).replace(".", ",");
    expect(total).toMatch(/^\d+,\d\d$/);
    expect(text).toContain(`Nilai total ${total} dari 100`);
    expect(text).toContain(
      `Total (pengungkit + hasil) 100,00 ${toFixed(input.scores.unit.total).replace(".", ",")} ${total}`,
    );
    for (const label of ["Pemenuhan", "Reform", "Pengungkit", "Hasil"]) expect(text).toContain(label);
  });

  it("lists the target's gates with LULUS/BELUM, thresholds and the unconfirmed mark", () => {
    expect(text).toContain("Kesiapan predikat WBK (kolom TPI)");
    expect(text).toContain("Nilai total (pengungkit + hasil) (belum terkonfirmasi)");
    expect(text).toContain("Nilai minimal komponen pengungkit (belum terkonfirmasi)");
    expect(text).toContain("Syarat: min. 75,00 poin");
    expect(text).toContain("PPA Manajemen Perubahan (Pemenuhan)");
    expect(text).toContain("min. 60% dari bobot 4,00 = 2,40 poin");
    expect(text).toContain("LULUS");
    expect(text).toContain("BELUM");
    const gates = input.readiness.WBK.gates;
    expect(text).toContain(`${gates.filter((g) => !g.pass).length} dari ${gates.length} syarat WBK`);
  });

  it("has the chart legend, the next steps with a gap question and the footer", () => {
    expect(text).toContain("Capaian area (% dari bobot)");
    expect(text).toContain("min. 60% (WBK)");
    expect(text).toContain("Langkah berikutnya");
    const top = input.gaps.items[0]!;
    expect(text).toContain(flat(top.text));
    expect(text).toContain(`tambahan nilai ${formatNumber(top.toGain)} poin`);
    const withEvidence = input.gaps.items.slice(0, 10).find((g) => g.evidence.length > 0)!;
    expect(text).toContain(flat(withEvidence.evidence[0]!));
    expect(text).toContain("Dibuat 5 Mei 2025 pukul 14.03 WIB");
    expect(text).toContain(`Halaman 1 dari ${pages}`);
  });
});

describe("formatting helpers", () => {
  it("formats numbers with a decimal comma and dates in WIB", () => {
    expect(formatNumber(75.25)).toBe("75,25");
    expect(formatNumber(0.005)).toBe("0,01");
    expect(formatJakarta(new Date("2024-12-31T18:30:00Z"))).toBe("1 Januari 2025 pukul 01.30 WIB");
  });

  it("keeps text within WinAnsi", () => {
    expect(winAnsi("nilai ≥ 75 → lulus ✓ – “ok” é")).toBe("nilai >= 75 -> lulus v – “ok” é");
    expect(winAnsi("中")).toBe("?");
  });
});
