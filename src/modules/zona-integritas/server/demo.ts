/**
 * The demo office's ZI work: KPKNL Bekasi (WBK since 2018) building towards WBBM, its worksheet
 * mostly filled with evidence and under TPI review with part of the TPI scores in; KPKNL Bandung
 * just after its declaration with a few answers. Deterministic, so screenshots and tests agree.
 */
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { systemActor } from "../../../kernel/identity/actor";
import type { Answer } from "../domain/answers";
import { loadRubric, type Question, questionsOf } from "../domain/rubric";
import { proposalDeadline } from "../domain/stages";
import type { SaveItem, ZiService } from "./service";

const RUBRIC = "permenpanrb-90-2021";

/** A small real PDF, so the evidence store's type sniffing accepts it like any upload. */
export function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Producer: "Zona demo" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(16).text(title).moveDown();
    doc.fontSize(11);
    for (const l of lines) doc.text(l);
    doc.moveDown().fontSize(9).fillColor("#666").text("Dokumen contoh (data demo Zona).");
    doc.end();
  });
}

/** A plausible answer for question i: mostly the best option, sometimes the next one down. */
function demoAnswer(q: Question, i: number, strength: number): Answer {
  const step = (i * 7 + strength) % 10 < 7 ? 0 : 1;
  switch (q.answerType) {
    case "survey_index":
      return q.key.includes("ipak") ? 3.62 : 3.48;
    case "counts": {
      const c = q.compute;
      const counts: Record<string, number> = {};
      for (const d of q.counts ?? []) counts[d.key] = 10;
      if (c?.kind === "ratio") for (const k of c.numerator) counts[k] = 9 - step * 2;
      if (c?.kind === "decrease") {
        counts[c.previous] = 6;
        counts[c.current] = 2 + step;
      }
      for (const l of q.limits ?? []) {
        const max = l.max.reduce((s, k) => s + (counts[k] ?? 0), 0);
        if ((counts[l.count] ?? 0) > max) counts[l.count] = max;
      }
      return { counts };
    }
    default: {
      const opt = q.options[Math.min(step, q.options.length - 1)]!;
      return opt.code.toLowerCase() === "ya" || opt.code.toLowerCase() === "tidak"
        ? opt.code.toLowerCase()
        : opt.code;
    }
  }
}

async function uploadPdf(
  ctx: AppContext,
  unit: { id: string; path: string },
  name: string,
  title: string,
  lines: string[],
) {
  const bytes = await demoPdf(title, lines);
  return ctx.files.upload(systemActor("demo-seed"), {
    unitId: unit.id,
    unitPath: unit.path,
    filename: name,
    stream: Readable.from(bytes),
  });
}

export async function seedZiDemo(ctx: AppContext, zi: ZiService): Promise<void> {
  const bekasi = await ctx.org.byCode("KPKNL-BEKASI");
  const bandung = await ctx.org.byCode("KPKNL-BANDUNG");
  if (!bekasi || !bandung) return;
  const system = systemActor("demo-seed");
  if ((await zi.listCycles(system, { unitId: bekasi.id })).length > 0) return;

  // This year's cycle while proposals are open, otherwise next year's.
  const today = jakartaDate(ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const year =
    today <= proposalDeadline(thisYear, await zi.proposalDeadlineSetting()) ? thisYear : thisYear + 1;
  const rubric = loadRubric(RUBRIC);
  const questions = questionsOf(rubric);

  // KPKNL Bekasi: declared, built, self-assessed, submitted to TPI; TPI part-way through.
  let cycle = await zi.createCycle(system, {
    unitId: bekasi.id,
    year,
    target: "WBBM",
    rubricId: RUBRIC,
    priorWbk: true,
  });
  const declaration = await uploadPdf(
    ctx,
    bekasi,
    "berita-acara-pencanangan.pdf",
    "Berita Acara Pencanangan Zona Integritas",
    [
      "KPKNL Bekasi mencanangkan pembangunan Zona Integritas menuju WBBM.",
      "Penandatanganan pakta integritas oleh seluruh pegawai.",
    ],
  );
  cycle = await zi.updateCycle(system, cycle.id, {
    pactPercent: 100,
    declarationDate: `${year - 1}-01-15`,
    declarationFileId: declaration.id,
    version: cycle.version,
  });
  await zi.transition(system, cycle.id, {
    command: "declare",
    note: "Pencanangan bersama Kanwil DJKN Jawa Barat",
  });
  await zi.transition(system, cycle.id, { command: "start_self_assessment" });

  const unitItems: SaveItem[] = questions
    .filter((_, i) => i % 6 !== 5) // about five in six answered
    .map((e, i) => ({
      key: e.question.key,
      answer: demoAnswer(e.question, i, 0),
      note: i % 4 === 0 ? "Lihat data dukung terlampir." : "",
      ...(e.question.answerType === "survey_index"
        ? { source: `Survei mandiri ${year - 1}, Tim ZI KPKNL Bekasi` }
        : {}),
    }));
  await zi.saveAnswers(
    system,
    cycle.id,
    "unit",
    unitItems.filter(
      (it) => questions.find((e) => e.question.key === it.key)?.question.answerType !== "survey_index",
    ),
  );
  // The perception indices come from the unit's surveys in Zona (the surveys module seeds first).
  await zi.pullSurveyIndices(system, cycle.id, "unit");

  const sk = await uploadPdf(ctx, bekasi, "sk-tim-zi.pdf", "SK Tim Kerja Pembangunan Zona Integritas", [
    "Keputusan Kepala KPKNL Bekasi tentang Tim Kerja Pembangunan Zona Integritas.",
  ]);
  const renja = await uploadPdf(
    ctx,
    bekasi,
    "rencana-kerja-zi.pdf",
    "Rencana Kerja Pembangunan Zona Integritas",
    ["Rencana kerja, target prioritas, monitoring dan evaluasi berkala."],
  );
  const mpKeys = questions.filter((e) => e.area.key === "pemenuhan.mp").map((e) => e.question.key);
  await zi.linkEvidence(system, cycle.id, sk.id, mpKeys.slice(0, 3));
  await zi.linkEvidence(system, cycle.id, renja.id, mpKeys.slice(3, 8));
  await zi.linkEvidence(system, cycle.id, declaration.id, mpKeys.slice(0, 1));
  await zi.transition(system, cycle.id, { command: "submit_to_tpi", note: "Penilaian mandiri selesai" });

  const tpiItems: SaveItem[] = unitItems
    .filter((_, i) => i % 5 < 3) // TPI has scored about three in five so far
    .map((it, i) => {
      const q = questions.find((e) => e.question.key === it.key)!.question;
      return {
        key: it.key,
        answer: demoAnswer(q, i, 3),
        note: i % 7 === 0 ? "Data dukung perlu dilengkapi." : "",
      };
    });
  await zi.saveAnswers(system, cycle.id, "tpi", tpiItems);

  // KPKNL Bandung: declared for WBK, building, a few answers.
  let b = await zi.createCycle(system, {
    unitId: bandung.id,
    year,
    target: "WBK",
    rubricId: RUBRIC,
    priorWbk: false,
  });
  const bDecl = await uploadPdf(
    ctx,
    bandung,
    "berita-acara-pencanangan.pdf",
    "Berita Acara Pencanangan Zona Integritas",
    ["KPKNL Bandung mencanangkan pembangunan Zona Integritas menuju WBK."],
  );
  b = await zi.updateCycle(system, b.id, {
    pactPercent: 100,
    declarationDate: `${year - 1}-03-02`,
    declarationFileId: bDecl.id,
    version: b.version,
  });
  await zi.transition(system, b.id, { command: "declare" });
  await zi.saveAnswers(
    system,
    b.id,
    "unit",
    questions.slice(0, 30).map((e, i) => ({ key: e.question.key, answer: demoAnswer(e.question, i, 5) })),
  );
}
