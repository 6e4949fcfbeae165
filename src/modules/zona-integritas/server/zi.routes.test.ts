import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sample from "../../../kernel/files/test-samples";
import { systemActor } from "../../../kernel/identity/actor";
import { mul, sum, toNumber } from "../../../kernel/math/fraction";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { perceptionIndices } from "../../surveys/server";
import { type Answer, answerValue } from "../domain/answers";
import { loadRubric, questionsOf } from "../domain/rubric";
import { linkRecordEvidence, recordEvidenceLinks, unlinkRecordEvidence } from ".";

const rubric = loadRubric("permenpanrb-90-2021");
const questions = questionsOf(rubric);
const best = (key: string): Answer => {
  const q = questions.find((e) => e.question.key === key)!.question;
  if (q.answerType === "survey_index") return 4;
  if (q.answerType === "counts") return { value: 1 };
  const c = q.options[0]!.code;
  return c === "Ya" ? "ya" : c;
};
const firstOf = (type: string) => questions.find((e) => e.question.answerType === type)!.question;

describe.each(testLanes())("Zona Integritas routes on $name", (lane) => {
  let t: TestApp;
  let coord: Session; // ZI coordinator, KPKNL Bekasi
  let tpi: Session; // TPI evaluator, Kanwil Jawa Barat
  let tpn: Session;
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coord, tpi, tpn, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("tpi@zona.demo"),
      t.login("tpn@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const newCycle = async (year: number, target = "WBK") => {
    const res = await coord.request({
      method: "POST",
      url: "/api/zi/cycles",
      payload: { unitId: bekasi(), year, target },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; stage: string };
  };
  const detail = async (s: Session, id: string) =>
    (await s.request({ method: "GET", url: `/api/zi/cycles/${id}` })).json();
  const move = (s: Session, id: string, command: string, extra: object = {}) =>
    s.request({ method: "POST", url: `/api/zi/cycles/${id}/transitions`, payload: { command, ...extra } });
  const save = (s: Session, id: string, column: string, answers: unknown[]) =>
    s.request({ method: "PUT", url: `/api/zi/cycles/${id}/answers/${column}`, payload: { answers } });
  const uploadPdf = async (s: Session, unitId: string, name = "bukti.pdf") => {
    const res = await s.request({
      method: "POST",
      url: "/api/files",
      ...form([
        { name: "unitId", value: unitId },
        { name: "file", filename: name, type: "application/pdf", data: sample.pdf(name) },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** An employee signs the unit's open integrity pact round (idempotent). */
  const signPact = async (email: string) => {
    const s = await t.login(email);
    const round = (await s.request({ method: "GET", url: "/api/pact/mine" }))
      .json()
      .items.find((r: any) => r.status === "open");
    const shown = (await s.request({ method: "GET", url: `/api/pact/mine/${round.roundId}` })).json();
    const res = await s.request({
      method: "POST",
      url: `/api/pact/rounds/${round.roundId}/sign`,
      payload: { textHash: shown.round.textHash, agree: true },
    });
    expect([200, 201]).toContain(res.statusCode);
  };
  /** Declare and start self-assessment: the path every worksheet test needs. */
  const toSelfAssessment = async (id: string) => {
    await signPact("pegawai@zona.demo");
    const fileId = await uploadPdf(coord, bekasi(), "berita-acara.pdf");
    const c = (await detail(coord, id)).cycle;
    const patched = await coord.request({
      method: "PATCH",
      url: `/api/zi/cycles/${id}`,
      payload: {
        pactPercent: 100,
        declarationDate: "2026-01-10",
        declarationFileId: fileId,
        version: c.version,
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await move(coord, id, "declare")).statusCode).toBe(200);
    expect((await move(coord, id, "start_self_assessment")).statusCode).toBe(200);
  };

  it("the demo office has a cycle under TPI review with a partly filled worksheet and TPI scores", async () => {
    const list = (await coord.request({ method: "GET", url: "/api/zi/cycles" })).json().items;
    const cycle = list.find((c: any) => c.unit.code === "KPKNL-BEKASI");
    expect(cycle.stage).toBe("tpi_review");
    expect(cycle.target).toBe("WBBM");
    expect(cycle.scores.unit.answered).toBeGreaterThan(questions.length / 2);
    expect(cycle.scores.unit.answered).toBeLessThan(questions.length);
    expect(cycle.scores.tpi.answered).toBeGreaterThan(0);
    expect(cycle.scores.tpi.total).toBeGreaterThan(0);
    expect(cycle.scores.unit.withEvidence).toBeGreaterThan(0);
    const d = await detail(tpi, cycle.id);
    expect(d.editable).toEqual(["tpi"]);
    expect(d.commands.sort()).toEqual(["propose", "return_to_unit"]);
    expect(d.events.map((e: any) => e.toStage)).toEqual([
      "pencanangan",
      "pembangunan",
      "penilaian_mandiri",
      "tpi_review",
    ]);
    // The coordinator sees the same cycle, can no longer write the unit column, and has no command.
    const mine = await detail(coord, cycle.id);
    expect(mine.editable).toEqual([]);
    expect(mine.commands).toEqual([]);
  });

  it("runs the stages in order only, with the pencanangan gates", async () => {
    const c = await newCycle(2030);
    expect(c.stage).toBe("pencanangan");
    // Out of order: refused, and the stage does not move.
    const early = await move(coord, c.id, "submit_to_tpi");
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("ZI_STAGE_ORDER");
    expect(early.json().error.message).toContain("submit_to_tpi");
    // Declaration gates: the record first, then the pact signed by everyone.
    expect((await move(coord, c.id, "declare")).json().error.code).toBe("ZI_DECLARATION_MISSING");
    const fileId = await uploadPdf(coord, bekasi());
    await coord.request({
      method: "PATCH",
      url: `/api/zi/cycles/${c.id}`,
      payload: {
        pactPercent: 96.5,
        declarationDate: "2026-01-10",
        declarationFileId: fileId,
        version: c.version,
      },
    });
    // The unit has a pact round in Zona (10 of 11 signed): its live count decides, not the recorded 96.5 %.
    const pact = await move(coord, c.id, "declare");
    expect(pact.json().error.code).toBe("ZI_PACT_INCOMPLETE");
    expect(pact.json().error.message).toContain("90.9");
    const d0 = await detail(coord, c.id);
    expect(d0.pact).toMatchObject({ signed: 10, total: 11, open: true });
    expect((await detail(coord, c.id)).cycle.stage).toBe("pencanangan");
    // A stale version is refused.
    const stale = await coord.request({
      method: "PATCH",
      url: `/api/zi/cycles/${c.id}`,
      payload: { pactPercent: 100, version: c.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("ZI_VERSION_CONFLICT");
    const v = (await detail(coord, c.id)).cycle.version;
    await coord.request({
      method: "PATCH",
      url: `/api/zi/cycles/${c.id}`,
      payload: { pactPercent: 100, version: v },
    });
    // A recorded 100 % does not override the pact round: the last employee must sign.
    expect((await move(coord, c.id, "declare")).json().error.code).toBe("ZI_PACT_INCOMPLETE");
    await signPact("pegawai@zona.demo");
    expect((await detail(coord, c.id)).pact).toMatchObject({ signed: 11, total: 11, percent: 100 });
    expect((await move(coord, c.id, "declare")).json().stage).toBe("pembangunan");
    // An employee cannot run a command; the TPI cannot run the unit's.
    const emp = await t.login("pegawai@zona.demo");
    expect((await move(emp, c.id, "start_self_assessment")).statusCode).toBe(403);
    expect((await move(tpi, c.id, "start_self_assessment")).statusCode).toBe(403);
    // Every move is audited.
    const audit = (
      await (
        await t.login("kepala.bekasi@zona.demo")
      ).request({ method: "GET", url: `/api/audit?entityId=${c.id}` })
    ).json();
    expect(audit.items.map((e: any) => e.action)).toContain("zi.cycle.declare");
    // A second cycle for the same unit and year is refused.
    const dup = await coord.request({
      method: "POST",
      url: "/api/zi/cycles",
      payload: { unitId: bekasi(), year: 2030, target: "WBK" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("ZI_CYCLE_EXISTS");
  });

  it("scores answers with the engine and refuses bad answers naming the question, changing nothing", async () => {
    const c = await newCycle(2031);
    await toSelfAssessment(c.id);
    const yn = firstOf("yes_no");
    const abc = firstOf("abc");
    const abcde = firstOf("abcde");
    const saved = await save(coord, c.id, "unit", [
      { key: yn.key, answer: "ya" },
      { key: abc.key, answer: "B", note: "sebagian" },
      { key: abcde.key, answer: "c" },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const share = (k: string) => questions.find((e) => e.question.key === k)!.share;
    const expected = sum([
      share(yn.key),
      mul(answerValue(rubric, abc.key, "B"), share(abc.key)),
      mul(answerValue(rubric, abcde.key, "C"), share(abcde.key)),
    ]);
    expect(saved.json().score.total).toBeCloseTo(toNumber(expected), 12);
    expect(saved.json().score.answered).toBe(3);

    const counts = firstOf("counts");
    const bad: Array<[unknown, string, string]> = [
      [{ key: yn.key, answer: "B" }, "ZI_ANSWER_INVALID", yn.key],
      [{ key: "pemenuhan.tidak.ada", answer: "ya" }, "ZI_QUESTION_UNKNOWN", "pemenuhan.tidak.ada"],
      [
        { key: "hasil.pelayanan-prima.ipkp.a", answer: 4.2 },
        "ZI_SURVEY_INDEX_OUT_OF_RANGE",
        "hasil.pelayanan-prima.ipkp.a",
      ],
      [{ key: abc.key, answer: { value: 1.5 } }, "ZI_VALUE_OUT_OF_RANGE", abc.key],
    ];
    const limited = questions.find((e) => (e.question.limits ?? []).length > 0)!.question;
    const over: Record<string, number> = {};
    for (const d of limited.counts ?? []) over[d.key] = 1;
    over[limited.limits![0]!.count] = 50;
    bad.push([{ key: limited.key, answer: { counts: over } }, "ZI_COUNT_EXCEEDS_TOTAL", limited.key]);
    bad.push([{ key: counts.key, answer: "A" }, "ZI_ANSWER_INVALID", counts.key]);
    for (const [item, code, key] of bad) {
      // The good answer first in the batch: all or nothing, so it must not be written either.
      const res = await save(coord, c.id, "unit", [{ key: abcde.key, answer: "A" }, item]);
      expect(res.statusCode, JSON.stringify(item)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toContain(key);
    }
    const sheet = (await coord.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    expect(sheet.columns.unit[yn.key].answer).toBe("ya");
    expect(sheet.columns.unit[abcde.key].answer).toBe("c");
    expect(Object.keys(sheet.columns.unit)).toHaveLength(3);
    expect((await detail(coord, c.id)).scores.unit.total).toBeCloseTo(toNumber(expected), 12);
    // Same key twice in one request.
    const dup = await save(coord, c.id, "unit", [
      { key: yn.key, answer: "ya" },
      { key: yn.key, answer: "tidak" },
    ]);
    expect(dup.json().error.code).toBe("ZI_DUPLICATE_QUESTION");
    // English on request.
    const en = await coord.request({
      method: "PUT",
      url: `/api/zi/cycles/${c.id}/answers/unit`,
      payload: { answers: [{ key: yn.key, answer: "maybe" }] },
      headers: { "accept-language": "en" },
    });
    expect(en.json().error.message).toMatch(/is not valid for question/);
    // Clearing an answer (null) removes it; history keeps every change.
    await save(coord, c.id, "unit", [{ key: abc.key, answer: null }]);
    const hist = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${c.id}/questions/${abc.key}/history` })
    ).json();
    expect(hist.items.map((h: any) => h.answer)).toEqual([null, "B"]);
    expect(hist.items[1].note).toBe("sebagian");
  });

  it("locks each column by stage and keeps evaluators to their column and their units", async () => {
    const c = await newCycle(2032);
    await toSelfAssessment(c.id);
    const q = firstOf("yes_no").key;
    // TPI cannot write before review, nor in the unit's column ever.
    expect((await save(tpi, c.id, "tpi", [{ key: q, answer: "ya" }])).json().error.code).toBe(
      "ZI_COLUMN_LOCKED",
    );
    expect((await save(tpi, c.id, "unit", [{ key: q, answer: "ya" }])).statusCode).toBe(403);
    // Another office's head cannot touch Bekasi's worksheet.
    const other = await save(bandungHead, c.id, "unit", [{ key: q, answer: "ya" }]);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("OUT_OF_SCOPE");
    expect((await save(coord, c.id, "unit", [{ key: q, answer: "tidak" }])).statusCode).toBe(200);
    expect((await move(coord, c.id, "submit_to_tpi")).statusCode).toBe(200);
    // After submitting, the unit's column is locked; the TPI column opens.
    const locked = await save(coord, c.id, "unit", [{ key: q, answer: "ya" }]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("ZI_COLUMN_LOCKED");
    expect((await save(tpi, c.id, "tpi", [{ key: q, answer: "ya" }])).statusCode).toBe(200);
    // A TPI evaluator assigned elsewhere (KPKNL Bandung) is out of scope for Bekasi.
    await t.ctx.identity.createUser(systemActor("test"), {
      email: "tpi.bandung@zona.demo",
      name: "TPI Bandung",
      nip: null,
      password: "Demo-Zona-2026",
      roleKey: "tpi_evaluator",
      unitId: t.units["KPKNL-BANDUNG"]!,
    });
    const stranger = await t.login("tpi.bandung@zona.demo");
    const res = await save(stranger, c.id, "tpi", [{ key: q, answer: "tidak" }]);
    expect(res.statusCode).toBe(403);
    const sheet = (await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    expect(sheet.columns.unit[q].answer).toBe("tidak");
    expect(sheet.columns.tpi[q].answer).toBe("ya");
    expect(sheet.editable).toEqual(["tpi"]);
    // The TPI sends it back: the unit's column opens again and the TPI's closes.
    expect((await move(tpi, c.id, "return_to_unit", { note: "Lengkapi data dukung" })).json().stage).toBe(
      "penilaian_mandiri",
    );
    expect((await save(coord, c.id, "unit", [{ key: q, answer: "ya" }])).statusCode).toBe(200);
    expect((await save(tpi, c.id, "tpi", [{ key: q, answer: "tidak" }])).json().error.code).toBe(
      "ZI_COLUMN_LOCKED",
    );
  });

  it("links one uploaded file to many questions, only from the cycle's unit and while the column is open", async () => {
    const c = await newCycle(2033);
    await toSelfAssessment(c.id);
    const fileId = await uploadPdf(coord, bekasi(), "sk-tim.pdf");
    const keys = questions.slice(0, 3).map((e) => e.question.key);
    const link = await coord.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/evidence`,
      payload: { fileId, questionKeys: keys },
    });
    expect(link.json()).toEqual({ linked: 3 });
    const again = await coord.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/evidence`,
      payload: { fileId, questionKeys: keys },
    });
    expect(again.json()).toEqual({ linked: 0 });
    const sheet = (await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    for (const k of keys) expect(sheet.evidence[k].map((f: any) => f.name)).toEqual(["sk-tim.pdf"]);
    // Questions with evidence: these files plus records other modules linked for the unit.
    const covered = new Set([...keys, ...Object.keys(sheet.records)]);
    const d = await detail(coord, c.id);
    expect(d.scores.unit.withEvidence).toBe(covered.size);
    const areaKeys = questions
      .filter((e) => e.area.key === questions[0]!.area.key)
      .map((e) => e.question.key);
    expect(d.progress.find((p: any) => p.areaKey === questions[0]!.area.key).withEvidence).toBe(
      areaKeys.filter((k) => covered.has(k)).length,
    );
    // A file of another unit is refused.
    const bandungFile = await uploadPdf(bandungHead, t.units["KPKNL-BANDUNG"]!);
    const foreign = await coord.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/evidence`,
      payload: { fileId: bandungFile, questionKeys: keys },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe("ZI_EVIDENCE_OTHER_UNIT");
    // Unlink, with history.
    const del = await coord.request({
      method: "DELETE",
      url: `/api/zi/cycles/${c.id}/evidence/${keys[0]}/${fileId}`,
    });
    expect(del.statusCode).toBe(204);
    const hist = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${c.id}/questions/${keys[0]}/history` })
    ).json();
    expect(hist.items.map((h: any) => h.action)).toEqual(["evidence.unlink", "evidence.link"]);
    expect(hist.items[0].fileName).toBe("sk-tim.pdf");
    // Locked after submission.
    await move(coord, c.id, "submit_to_tpi");
    const late = await coord.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/evidence`,
      payload: { fileId, questionKeys: keys },
    });
    expect(late.json().error.code).toBe("ZI_COLUMN_LOCKED");
  });

  it("proposes only a TPI-ready unit before the deadline, and awards only after the field visit", async () => {
    const c = await newCycle(2028, "WBK");
    await toSelfAssessment(c.id);
    const all = questions.map((e) => ({ key: e.question.key, answer: best(e.question.key) }));
    expect((await save(coord, c.id, "unit", all)).json().score.total).toBeCloseTo(100, 9);
    await move(coord, c.id, "submit_to_tpi");
    // TPI has scored only part: not ready, and the message names the failing gates.
    await save(tpi, c.id, "tpi", all.slice(0, 40));
    const notReady = await move(tpi, c.id, "propose");
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().error.code).toBe("ZI_NOT_READY");
    expect(notReady.json().error.message).toContain("total");
    await save(tpi, c.id, "tpi", all.slice(40));
    // Past the deadline (31 May of the cycle's year, Asia/Jakarta): refused.
    // (sessions idle out across the jump, so the evaluator signs in again then)
    t.clock.set("2028-05-31T17:30:00Z"); // 1 June 00:30 WIB
    const later = await t.login("tpi@zona.demo");
    const late = await move(later, c.id, "propose");
    expect(late.json().error.code).toBe("ZI_PROPOSAL_DEADLINE_PASSED");
    t.clock.set("2028-05-31T16:30:00Z"); // 31 May 23:30 WIB
    expect((await move(later, c.id, "propose")).json().stage).toBe("pengusulan");
    t.clock.set("2026-11-27T02:00:00.000Z");
    expect((await move(tpn, c.id, "start_tpn")).json().stage).toBe("tpn_pra_evaluasi");
    const early = await move(tpn, c.id, "decide", { awarded: true });
    expect(early.json().error.code).toBe("ZI_AWARD_NEEDS_FIELD_VISIT");
    expect((await move(tpn, c.id, "decide")).json().error.code).toBe("ZI_DECISION_MISSING");
    await move(tpn, c.id, "start_desk");
    // TPN scores in its own column during its stages.
    expect((await save(tpn, c.id, "tpn", all)).json().score.total).toBeCloseTo(100, 9);
    await move(tpn, c.id, "start_field");
    const decided = await move(tpn, c.id, "decide", { awarded: true, note: "Ditetapkan WBK" });
    expect(decided.json()).toMatchObject({ stage: "penetapan", result: "WBK" });
    expect((await save(tpn, c.id, "tpn", [{ key: all[0]!.key, answer: "tidak" }])).json().error.code).toBe(
      "ZI_COLUMN_LOCKED",
    );
    expect((await move(coord, c.id, "start_monitoring")).json().stage).toBe("monitoring");
  });

  it("judges readiness with editable thresholds and shows unconfirmed gates flagged", async () => {
    const list = (await coord.request({ method: "GET", url: "/api/zi/cycles?year=2027" })).json().items;
    const demo = list.find((c: any) => c.unit.code === "KPKNL-BEKASI" && c.target === "WBBM");
    const d = await detail(coord, demo.id);
    const total = d.readiness.unit.WBK.gates.find((g: any) => g.key === "total");
    expect(total).toMatchObject({ threshold: 75, confirmed: false, edited: false });
    expect(d.readiness.unit.WBBM.gates.find((g: any) => g.key === "prior-wbk")).toMatchObject({
      value: true,
      pass: true,
    });
    // The administrator lowers the WBK total to 10: the gate passes, marked edited.
    const admin = await t.login("admin@zona.demo");
    const put = await admin.request({
      method: "PUT",
      url: "/api/zi/rubrics/permenpanrb-90-2021/thresholds",
      payload: { overrides: { total: { WBK: 10 } } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await detail(coord, demo.id)).readiness.unit.WBK.gates.find((g: any) => g.key === "total");
    expect(after).toMatchObject({ threshold: 10, pass: true, edited: true });
    expect(
      (
        await admin.request({
          method: "PUT",
          url: "/api/zi/rubrics/permenpanrb-90-2021/thresholds",
          payload: { overrides: { nope: { WBK: 1 } } },
        })
      ).json().error.code,
    ).toBe("ZI_GATE_UNKNOWN");
    const share = await admin.request({
      method: "PUT",
      url: "/api/zi/rubrics/permenpanrb-90-2021/thresholds",
      payload: { overrides: { area: { WBBM: 75 } } },
    });
    expect(share.json().error.code).toBe("ZI_THRESHOLD_OUT_OF_RANGE");
    expect(
      (
        await coord.request({
          method: "PUT",
          url: "/api/zi/rubrics/permenpanrb-90-2021/thresholds",
          payload: { overrides: {} },
        })
      ).statusCode,
    ).toBe(403);
    await admin.request({
      method: "PUT",
      url: "/api/zi/rubrics/permenpanrb-90-2021/thresholds",
      payload: { overrides: {} },
    });
    // Gaps: ranked by points to gain, with paths for failing gates.
    const gaps = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${demo.id}/gaps?column=unit&predicate=WBBM` })
    ).json();
    expect(gaps.items.length).toBeGreaterThan(0);
    for (let i = 1; i < gaps.items.length; i++)
      expect(gaps.items[i - 1].toGain).toBeGreaterThanOrEqual(gaps.items[i].toGain);
  });

  it("shows every unit under a parent with scores that agree with a plain SQL sum", async () => {
    const kanwil = await t.login("kepala.kanwil@zona.demo");
    const res = await kanwil.request({
      method: "GET",
      url: `/api/zi/overview?year=2027&rootUnitId=${t.units["KANWIL-JABAR"]}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items;
    // Tree order: the Kanwil, then its offices.
    expect(rows[0].unit.code).toBe("KANWIL-JABAR");
    expect(rows.map((r: any) => r.unit.code).sort()).toEqual([
      "KANWIL-JABAR",
      "KPKNL-BANDUNG",
      "KPKNL-BEKASI",
    ]);
    expect(rows[0].cycle).toBeNull();
    const sums = await t.db
      .selectFrom("zi_answers as a")
      .innerJoin("zi_cycles as c", "c.id", "a.cycle_id")
      .select(["c.unit_id", "a.col"])
      .select((eb) => eb.fn.sum<number>("a.points_num").as("total"))
      .where("c.year", "=", 2027)
      .groupBy(["c.unit_id", "a.col"])
      .execute();
    for (const r of rows.slice(1)) {
      for (const col of ["unit", "tpi"] as const) {
        const s = sums.find((x) => x.unit_id === r.unit.id && x.col === col);
        if (r.scores[col] === null) expect(s).toBeUndefined();
        else expect(r.scores[col]).toBeCloseTo(Number(s!.total), 9);
      }
    }
    // Bekasi's head sees only Bekasi; the Bandung head may not ask for the Kanwil.
    const own = (await coord.request({ method: "GET", url: "/api/zi/overview?year=2027" })).json().items;
    expect(own.map((r: any) => r.unit.code)).toEqual(["KPKNL-BEKASI"]);
    const refused = await bandungHead.request({
      method: "GET",
      url: `/api/zi/overview?rootUnitId=${t.units["KANWIL-JABAR"]}`,
    });
    expect(refused.statusCode).toBe(403);
    const xlsx = await kanwil.request({ method: "GET", url: "/api/zi/overview.xlsx?year=2027" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("round-trips the worksheet through the LKE spreadsheet and refuses a broken one, changing nothing", async () => {
    const c = await newCycle(2034);
    await toSelfAssessment(c.id);
    const items = questions.map((e, i) => {
      const q = e.question;
      let answer: Answer;
      if (q.answerType === "survey_index") answer = 3.2;
      else if (q.answerType === "counts") answer = i % 2 ? { value: 0.5 } : { value: 1 };
      else
        answer =
          q.options[i % q.options.length]!.code === "Ya"
            ? "ya"
            : q.options[i % q.options.length]!.code === "Tidak"
              ? "tidak"
              : q.options[i % q.options.length]!.code;
      return { key: q.key, answer, note: i % 3 === 0 ? `catatan ${i}` : "" };
    });
    expect((await save(coord, c.id, "unit", items)).statusCode).toBe(200);
    await move(coord, c.id, "submit_to_tpi");
    const before = (await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    const xlsx = await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("LKE-KPKNL-BEKASI-2034.xlsx");
    const file = xlsx.rawPayload;
    // The unit's column cannot be imported any more (locked); the TPI imports it into its own.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as any);
    // Copy the unit's answers into the TPI column, as an evaluator would in Excel.
    const ws = wb.getWorksheet("LKE")!;
    const header = ws.getRow(9).values as unknown[];
    const unitAns = header.indexOf("Jawaban Unit");
    const tpiAns = header.indexOf("Jawaban TPI");
    const unitNote = header.indexOf("Catatan Unit");
    const tpiNote = header.indexOf("Catatan TPI");
    expect(Math.min(unitAns, tpiAns, unitNote, tpiNote)).toBeGreaterThan(0);
    ws.eachRow((row, n) => {
      if (n <= 9) return;
      row.getCell(tpiAns).value = row.getCell(unitAns).value;
      row.getCell(tpiNote).value = row.getCell(unitNote).value;
    });
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = (s: Session, col: string, data: Buffer) =>
      s.request({
        method: "POST",
        url: `/api/zi/cycles/${c.id}/import/${col}`,
        ...form([{ name: "file", filename: "lke.xlsx", data }]),
      });
    expect((await upload(coord, "unit", edited)).json().error.code).toBe("ZI_COLUMN_LOCKED");
    const imported = await upload(tpi, "tpi", edited);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toBe(questions.length);
    const after = (await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    for (const it of items) {
      expect(after.columns.tpi[it.key].answer, it.key).toEqual(before.columns.unit[it.key].answer);
      expect(after.columns.tpi[it.key].note).toBe(it.note);
    }
    const d = await detail(tpi, c.id);
    expect(d.scores.tpi.total).toBeCloseTo(d.scores.unit.total, 12);
    // Shuffled columns: refused with the row report, nothing written.
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.load(file as any);
    const bws = broken.getWorksheet("LKE")!;
    const h = bws.getRow(9);
    const a = h.getCell(tpiAns).value;
    h.getCell(tpiAns).value = h.getCell(tpiNote).value;
    h.getCell(tpiNote).value = a;
    const bad = await upload(tpi, "tpi", Buffer.from(await broken.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("ZI_IMPORT_INVALID");
    expect((bad.json().error.params.errors as unknown[]).length).toBeGreaterThan(0);
    const still = (await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    expect(still.columns.tpi).toEqual(after.columns.tpi);
    // The PDF summary.
    const pdf = await tpi.request({ method: "GET", url: `/api/zi/cycles/${c.id}/report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("shows other modules' records linked as evidence, within the unit's scope only", async () => {
    const c = await newCycle(2035);
    const recorded = async () =>
      Object.keys(
        (await coord.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json().records,
      );
    // Pick two questions no demo record covers yet.
    const already = new Set(await recorded());
    const keys = questions
      .map((e) => e.question.key)
      .filter((k) => !already.has(k))
      .slice(0, 2);
    const base = already.size;
    const ref = {
      module: "change-management",
      type: "activity",
      id: "act-1",
      title: "Sosialisasi ZI",
      path: "/perubahan/rencana/act-1",
    };
    const system = systemActor("test");
    expect(await linkRecordEvidence(t.ctx, system, { unitId: bekasi(), questionKeys: keys, ref })).toEqual({
      linked: 2,
    });
    // Linking again only refreshes the title.
    await linkRecordEvidence(t.ctx, system, {
      unitId: bekasi(),
      questionKeys: keys,
      ref: { ...ref, title: "Sosialisasi ZI (revisi)" },
    });
    expect(await recordEvidenceLinks(t.ctx, ref)).toEqual([...keys].sort());
    const sheet = (await coord.request({ method: "GET", url: `/api/zi/cycles/${c.id}/worksheet` })).json();
    expect(sheet.records[keys[0]!]).toEqual([{ ...ref, title: "Sosialisasi ZI (revisi)" }]);
    expect((await detail(coord, c.id)).scores.unit.withEvidence).toBe(base + 2);
    await expect(
      linkRecordEvidence(t.ctx, system, { unitId: bekasi(), questionKeys: ["no.such.key"], ref }),
    ).rejects.toMatchObject({ code: "ZI_QUESTION_UNKNOWN" });
    // Someone who may write Bandung's worksheet cannot link into Bekasi's.
    const bandung = await t.ctx.org.get(t.units["KPKNL-BANDUNG"]!);
    const outsider = {
      kind: "user" as const,
      userId: "u-bandung",
      email: null,
      name: "Bandung",
      assignments: [
        {
          id: "a",
          roleKey: "zi_member",
          unitId: bandung!.id,
          unitPath: bandung!.path,
          permissions: ["zi.worksheet.write"],
        },
      ],
    };
    await expect(
      linkRecordEvidence(t.ctx, outsider, { unitId: bekasi(), questionKeys: keys, ref }),
    ).rejects.toMatchObject({
      code: "OUT_OF_SCOPE",
    });
    await unlinkRecordEvidence(t.ctx, system, {
      unitId: bekasi(),
      module: ref.module,
      type: ref.type,
      id: ref.id,
      questionKey: keys[0],
    });
    expect(await recordEvidenceLinks(t.ctx, ref)).toEqual([keys[1]]);
    expect((await detail(coord, c.id)).scores.unit.withEvidence).toBe(base + 1);
    await unlinkRecordEvidence(t.ctx, system, {
      unitId: bekasi(),
      module: ref.module,
      type: ref.type,
      id: ref.id,
    });
  });

  it("takes the IPAK and IPKP answers from the unit's perception surveys, with their source", async () => {
    // The demo cycle's indices already came from the surveys module when it was seeded.
    const demo = (await coord.request({ method: "GET", url: "/api/zi/cycles?year=2027" }))
      .json()
      .items.find((c: any) => c.unit.code === "KPKNL-BEKASI");
    const demoSheet = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${demo.id}/worksheet` })
    ).json();
    const [ipakKey, ipkpKey] = questions
      .filter((e) => e.question.answerType === "survey_index")
      .map((e) => e.question.key);
    expect(demoSheet.columns.unit[ipakKey!].source).toMatch(/^Survei IPAK/);
    expect(demoSheet.columns.unit[ipkpKey!].source).toMatch(/^Survei IPKP/);

    const c = await newCycle(2026);
    await toSelfAssessment(c.id);
    const pulled = await coord.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/hasil-from-surveys/unit`,
    });
    expect(pulled.statusCode, pulled.body).toBe(200);
    const expected = await perceptionIndices(t.ctx, bekasi(), 2026);
    expect(pulled.json().applied).toEqual([
      {
        key: ipakKey,
        index: Math.round(expected.ipak!.index * 100) / 100,
        source: expect.stringContaining("IPAK"),
      },
      {
        key: ipkpKey,
        index: Math.round(expected.ipkp!.index * 100) / 100,
        source: expect.stringContaining("IPKP"),
      },
    ]);
    // index ÷ 4 × 17.5 points each
    const hasil = pulled.json().score.areas.filter((a: any) => a.componentKey === "hasil");
    expect(hasil.reduce((n: number, a: any) => n + a.score, 0)).toBeCloseTo(
      ((Math.round(expected.ipak!.index * 100) / 100 + Math.round(expected.ipkp!.index * 100) / 100) / 4) *
        17.5,
      9,
    );
    // The TPI cannot write the unit's column this way either.
    const refused = await tpi.request({
      method: "POST",
      url: `/api/zi/cycles/${c.id}/hasil-from-surveys/unit`,
    });
    expect(refused.statusCode).toBe(403);
  });

  it("lists rubrics and refuses an unknown one", async () => {
    const list = (await coord.request({ method: "GET", url: "/api/zi/rubrics" })).json().items;
    expect(list.map((r: any) => r.id)).toEqual([
      "permenpanrb-90-2021",
      "permenpanrb-10-2019",
      "permenpanrb-52-2014",
    ]);
    const res = await coord.request({
      method: "POST",
      url: "/api/zi/cycles",
      payload: { unitId: bekasi(), year: 2040, target: "WBK", rubricId: "nope" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ZI_RUBRIC_NOT_FOUND");
  });
});
