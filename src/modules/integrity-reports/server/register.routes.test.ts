import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../../../kernel/files/test-samples";
import { systemActor } from "../../../kernel/identity/actor";
import { buildTestApp, type Session, TEST_PASSWORD, type TestApp, testLanes } from "../../../kernel/testing";
import { solveChallenge } from "./secrets";
import { GRAT_REGISTER_HEADERS, WBS_REGISTER_HEADERS } from "./xlsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Everything the reporter typed, each distinctive, none of which may reach the register.
const TYPED = {
  name: "Pelapor Rahasia Wiryawan",
  contact: "wiryawan.rahasia@contoh.test",
  subject: "Terlapor-Subjek-QX71",
  when: "Waktu-Kejadian-QX72",
  where: "Tempat-Kejadian-QX73",
  description: "Uraian-Pelapor-QX74: diminta uang pelicin di loket risalah.",
  message: "Pesan-Pelapor-QX75 tentang diri saya",
  attachment: "Isi-Lampiran-QX76",
  attachmentName: "nama-berkas-QX77.pdf",
  reply: "Balasan-Petugas-QX78",
  note: "Catatan-Status-QX79",
};

async function sheets(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const all: string[] = [];
  const tables: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? "" : String(v)));
      rows.push(values);
      all.push(...values);
    });
    tables[ws.name] = rows;
  });
  return { all, tables };
}

describe.each(testLanes())("integrity registers as XLSX on $name", (lane) => {
  let t: TestApp;
  let coordinator: Session; // koordinator.zi at KPKNL Bekasi: wbs.handle and gratification.review
  let head: Session;
  let pegawai: Session;
  let bandungHead: Session;
  let kanwilHandler: Session;

  const pow = async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/public/wbs/challenge" });
    const { challenge } = res.json();
    return { challenge, nonce: solveChallenge(challenge) };
  };
  const publicPost = async (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url, payload: { pow: await pow(), ...payload } });
  const idOf = async (code: string) =>
    String(
      (await t.db.selectFrom("wbs_reports").select("id").where("code", "=", code).executeTakeFirstOrThrow())
        .id,
    );
  const get = (s: Session, url: string) => s.request({ method: "GET", url });

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coordinator, head, pegawai, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
    await t.ctx.identity.createUser(systemActor("test"), {
      email: "wbs.kanwil.register@uji.test",
      name: "Penangan WBS Kanwil",
      nip: null,
      password: TEST_PASSWORD,
      roleKey: "zi_coordinator",
      unitId: t.units["KANWIL-JABAR"]!,
    });
    kanwilHandler = await t.login("wbs.kanwil.register@uji.test");
  });
  afterAll(() => t.close());

  it("exports the WBS register with only code, dates, category, status and handling unit — nothing typed by the reporter", async () => {
    const res = await publicPost("/api/public/wbs/units/KPKNL-BEKASI/reports", {
      category: "pungli",
      subject: TYPED.subject,
      when: TYPED.when,
      where: TYPED.where,
      description: TYPED.description,
      identity: { name: TYPED.name, contact: TYPED.contact },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code, secret } = res.json();
    expect(
      (await publicPost("/api/public/wbs/follow/messages", { code, secret, body: TYPED.message })).statusCode,
    ).toBe(200);
    const att = await publicPost("/api/public/wbs/follow/attachments", {
      code,
      secret,
      filename: TYPED.attachmentName,
      contentBase64: pdf(TYPED.attachment).toString("base64"),
    });
    expect(att.statusCode, att.body).toBe(201);
    const id = await idOf(code);
    const post = (url: string, payload: object) => coordinator.request({ method: "POST", url, payload });
    expect((await post(`/api/integrity/wbs/reports/${id}/messages`, { body: TYPED.reply })).statusCode).toBe(
      200,
    );
    expect(
      (await post(`/api/integrity/wbs/reports/${id}/status`, { status: "in_review", note: TYPED.note }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post(`/api/integrity/wbs/reports/${id}/status`, { status: "closed_unsubstantiated" }))
        .statusCode,
    ).toBe(200);
    // a report about the head goes to the Kanwil; its row must not reveal the origin office
    const aboutHead = await publicPost("/api/public/wbs/units/KPKNL-BEKASI/reports", {
      category: "penyalahgunaan_wewenang",
      aboutHead: true,
      subject: TYPED.subject,
      description: TYPED.description,
    });
    expect(aboutHead.statusCode, aboutHead.body).toBe(201);

    const x = await get(
      coordinator,
      `/api/integrity/wbs/register.xlsx?unitId=${t.units["KPKNL-BEKASI"]}&year=2026`,
    );
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers["content-type"]).toContain(XLSX);
    expect(x.headers["content-disposition"]).toContain("register-wbs-2026.xlsx");
    expect(x.headers["cache-control"]).toContain("no-store");
    const { all, tables } = await sheets(x.rawPayload);
    const register = tables["Register WBS"]!;
    expect(register[0]).toEqual([...WBS_REGISTER_HEADERS]);
    const row = register.find((r) => r[0] === code)!;
    expect(row).toEqual([
      code,
      "2026-11-27",
      expect.stringMatching(/pungli|Pungutan/i),
      expect.stringMatching(/tidak terbukti/i),
      expect.stringContaining("Bekasi"),
      "2026-11-27",
      "0",
      "2026-11-27",
      "2026-11-27",
    ]);
    expect(register.some((r) => r[0] === aboutHead.json().code)).toBe(false); // handled by the Kanwil
    const text = all.join("\n");
    for (const needle of [...Object.values(TYPED), secret]) expect(text).not.toContain(needle);

    // the Kanwil's register lists the report about the head without its origin office
    const k = await get(
      kanwilHandler,
      `/api/integrity/wbs/register.xlsx?unitId=${t.units["KANWIL-JABAR"]}&year=2026`,
    );
    expect(k.statusCode, k.body).toBe(200);
    const kan = await sheets(k.rawPayload);
    const headRow = kan.tables["Register WBS"]!.find((r) => r[0] === aboutHead.json().code)!;
    expect(headRow[4]).toContain("Kanwil");
    expect(headRow.join(" ")).not.toContain("Bekasi");
    for (const needle of Object.values(TYPED)) expect(kan.all.join("\n")).not.toContain(needle);

    const audit = await t.db
      .selectFrom("audit_events")
      .select(["action", "data"])
      .where("action", "=", "wbs.register.exported")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const a of audit)
      for (const needle of Object.values(TYPED)) expect(String(a.data)).not.toContain(needle);
  });

  it("serves the WBS register to handlers only, in their scope", async () => {
    const bekasi = t.units["KPKNL-BEKASI"];
    expect((await get(head, `/api/integrity/wbs/register.xlsx?unitId=${bekasi}`)).statusCode).toBe(403); // never the head
    expect((await get(pegawai, `/api/integrity/wbs/register.xlsx?unitId=${bekasi}`)).statusCode).toBe(403);
    expect((await get(bandungHead, `/api/integrity/wbs/register.xlsx?unitId=${bekasi}`)).statusCode).toBe(
      403,
    );
    const bad = await get(coordinator, "/api/integrity/wbs/register.xlsx?year=1999");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("year");
    const anon = await t.app.inject({ method: "GET", url: "/api/integrity/wbs/register.xlsx" });
    expect(anon.statusCode).toBe(401);
  });

  it("exports the gratification register of a year with the same rows as the register API", async () => {
    const bekasi = t.units["KPKNL-BEKASI"];
    const list = (
      await get(coordinator, `/api/integrity/gratification/reports?unitId=${bekasi}&year=2026`)
    ).json().items as Array<{ number: string; reporterName: string; giverName: string; valueIdr: number }>;
    expect(list.length).toBeGreaterThan(0);
    const x = await get(coordinator, `/api/integrity/gratification/register.xlsx?unitId=${bekasi}&year=2026`);
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers["content-type"]).toContain(XLSX);
    expect(x.headers["content-disposition"]).toContain("register-gratifikasi-2026.xlsx");
    const { tables } = await sheets(x.rawPayload);
    const sheet = tables["Register gratifikasi"]!;
    expect(sheet[0]).toEqual([...GRAT_REGISTER_HEADERS]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(list.map((r) => r.number));
    const first = sheet[1]!;
    expect(first[2]).toBe(list[0]!.reporterName);
    expect(first[3]).toBe(list[0]!.giverName);
    expect(Number(first[8])).toBe(list[0]!.valueIdr);
    expect(first[9]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (await get(pegawai, `/api/integrity/gratification/register.xlsx?unitId=${bekasi}`)).statusCode,
    ).toBe(403);
    expect(
      (await get(bandungHead, `/api/integrity/gratification/register.xlsx?unitId=${bekasi}`)).statusCode,
    ).toBe(403);
  });
});
