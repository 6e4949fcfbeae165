import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../../../kernel/files/test-samples";
import { systemActor } from "../../../kernel/identity/actor";
import { buildTestApp, type Session, TEST_PASSWORD, type TestApp, testLanes } from "../../../kernel/testing";
import { solveChallenge } from "./secrets";
import { FOLLOW_MAX_FAILURES } from "./wbs.service";

const IP = "203.0.113.197";
const REMOTE = "198.51.100.231";
const UA = "Mozilla/5.0 ZonaPrivacyProbe/9.7 (Distinctive-UA-7f3c9e)";
const ID_NAME = "Pelapor Rahasia Sukmawati";
const ID_CONTACT = "rahasia.pelapor@contoh.test";
const EXIF_MARK = "GPS-LAT-6.2383-EXIF-MARKER";

/** SOI, APP0 (JFIF), APP1 (Exif carrying a marker), a tiny scan, EOI. */
function jpegWithExif(): Buffer {
  const exifPayload = Buffer.concat([Buffer.from("Exif\0\0"), Buffer.from(EXIF_MARK)]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exifPayload.length + 2), exifPayload]);
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00,
  ]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, app1, sos, Buffer.from([0xff, 0xd9])]);
}
function u16(n: number) {
  return Buffer.from([(n >> 8) & 0xff, n & 0xff]);
}

describe.each(testLanes())("whistle-blowing on $name", (lane) => {
  let t: TestApp;
  let coordinator: Session; // koordinator.zi at KPKNL Bekasi: holds wbs.handle
  let head: Session;
  let pegawai: Session;
  let bandungHead: Session;
  let kanwilHandler: Session;

  const anon = { "x-forwarded-for": IP, "user-agent": UA };
  const pow = async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/public/wbs/challenge",
      headers: anon,
      remoteAddress: REMOTE,
    });
    expect(res.statusCode).toBe(200);
    const { challenge } = res.json();
    return { challenge, nonce: solveChallenge(challenge) };
  };
  const publicPost = async (url: string, payload: Record<string, unknown>, withPow = true) =>
    t.app.inject({
      method: "POST",
      url,
      payload: withPow ? { pow: await pow(), ...payload } : payload,
      headers: anon,
      remoteAddress: REMOTE,
    });
  const submit = (extra: Record<string, unknown> = {}, unitCode = "KPKNL-BEKASI") =>
    publicPost(`/api/public/wbs/units/${unitCode}/reports`, {
      category: "pungli",
      subject: "Petugas loket X",
      when: "Senin lalu",
      where: "Loket 2",
      description: "Diminta uang tambahan untuk mempercepat salinan risalah lelang.",
      ...extra,
    });
  const idOf = async (code: string) =>
    String(
      (await t.db.selectFrom("wbs_reports").select("id").where("code", "=", code).executeTakeFirstOrThrow())
        .id,
    );

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coordinator, head, pegawai, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
    await t.ctx.identity.createUser(systemActor("test"), {
      email: "wbs.kanwil@uji.test",
      name: "Penangan WBS Kanwil",
      nip: null,
      password: TEST_PASSWORD,
      roleKey: "zi_coordinator",
      unitId: t.units["KANWIL-JABAR"]!,
    });
    kanwilHandler = await t.login("wbs.kanwil@uji.test");
  });
  afterAll(() => t.close());

  it("stores no IP address, user agent or plaintext identity anywhere: every table and the logs", async () => {
    const res = await submit({ identity: { name: ID_NAME, contact: ID_CONTACT } });
    expect(res.statusCode).toBe(201);
    const { code, secret, handledByParent } = res.json();
    expect(code).toMatch(/^WBS-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(handledByParent).toBe(false);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("no-store");

    // Follow, add information and an attachment with the same distinctive request.
    expect((await publicPost("/api/public/wbs/follow", { code, secret })).statusCode).toBe(200);
    expect(
      (
        await publicPost("/api/public/wbs/follow/messages", {
          code,
          secret,
          body: "Tambahan: terjadi dua kali.",
        })
      ).statusCode,
    ).toBe(200);
    const att = await publicPost("/api/public/wbs/follow/attachments", {
      code,
      secret,
      filename: "foto.jpg",
      contentBase64: jpegWithExif().toString("base64"),
    });
    expect(att.statusCode).toBe(201);
    expect(att.json().metadata).toBe("stripped");
    // A wrong secret too (it leaves a throttle counter: keyed by an HMAC of the code, not the address).
    expect((await publicPost("/api/public/wbs/follow", { code, secret: "salah" })).statusCode).toBe(403);

    const needles = [
      IP,
      REMOTE,
      UA,
      "ZonaPrivacyProbe",
      "Distinctive-UA-7f3c9e",
      ID_NAME,
      ID_CONTACT,
      secret,
    ];
    const tables = await t.db.introspection.getTables();
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(["wbs_reports", "audit_events", "rate_limits"]),
    );
    let scanned = 0;
    for (const table of tables) {
      const rows = await t.db.selectFrom(table.name).selectAll().execute();
      const dump = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
      scanned += rows.length;
      for (const n of needles) expect(dump.includes(n), `${table.name} contains ${n}`).toBe(false);
    }
    expect(scanned).toBeGreaterThan(0);
    const logs = t.logs.join("\n");
    expect(logs).toContain("/api/public/wbs/units/KPKNL-BEKASI/reports");
    for (const n of needles) expect(logs.includes(n), `logs contain ${n}`).toBe(false);
    expect(logs).not.toContain(code);

    // The identity is ciphertext at rest, and the handler can decrypt it on purpose (audited).
    const id = await idOf(code);
    const reveal = await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/identity`,
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json()).toEqual({ name: ID_NAME, contact: ID_CONTACT });
    const audits = await t.db.selectFrom("audit_events").selectAll().where("entity_id", "=", id).execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["wbs.report.received", "wbs.identity.revealed"]),
    );
    expect(JSON.stringify(audits)).not.toContain(ID_NAME);

    // The EXIF marker is gone from the stored (decrypted) image.
    const detail = (
      await coordinator.request({ method: "GET", url: `/api/integrity/wbs/reports/${id}` })
    ).json();
    const dl = await coordinator.request({
      method: "GET",
      url: `/api/integrity/wbs/reports/${id}/attachments/${detail.attachments[0].id}`,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-type"]).toBe("image/jpeg");
    expect(dl.rawPayload.includes(Buffer.from(EXIF_MARK))).toBe(false);
    expect(dl.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("answers a wrong code or secret identically, whether the code exists or not", async () => {
    const { code } = (await submit()).json();
    const wrongSecret = await publicPost("/api/public/wbs/follow", { code, secret: "bukan-rahasianya-0000" });
    const unknown = await publicPost("/api/public/wbs/follow", {
      code: "WBS-2222-2222",
      secret: "bukan-rahasianya-0000",
    });
    const malformed = await publicPost("/api/public/wbs/follow", { code: "tidak-ada", secret: "x" });
    for (const r of [wrongSecret, unknown, malformed]) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe("WBS_ACCESS_DENIED");
    }
    const strip = (r: typeof unknown) => ({ ...r.json().error, requestId: "" });
    expect(strip(wrongSecret)).toEqual(strip(unknown));
    expect(strip(malformed)).toEqual(strip(unknown));
  });

  it("throttles guessing per code (existing or not) without keeping the address, and needs fresh work", async () => {
    const { code, secret } = (await submit()).json();
    for (const target of [code, "WBS-3333-3333"]) {
      for (let i = 0; i < FOLLOW_MAX_FAILURES; i++)
        expect(
          (await publicPost("/api/public/wbs/follow", { code: target, secret: `tebakan-${i}` })).statusCode,
        ).toBe(403);
      const locked = await publicPost("/api/public/wbs/follow", {
        code: target,
        secret: target === code ? secret : "x",
      });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe("WBS_TOO_MANY_ATTEMPTS");
    }
    // The lock lifts with the hour.
    t.clock.advance(3_600_000);
    expect((await publicPost("/api/public/wbs/follow", { code, secret })).statusCode).toBe(200);

    // No proof of work, a forged one, or a spent one: refused before anything is looked up.
    const none = await publicPost(
      "/api/public/wbs/follow",
      { code, secret, pow: { challenge: "1.2.3.4xxxxxxx", nonce: "0" } },
      false,
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("WBS_POW_INVALID");
    const p = await pow();
    const forged = { challenge: p.challenge.replace(/\.16\./, ".8."), nonce: p.nonce };
    expect(
      (await publicPost("/api/public/wbs/follow", { code, secret, pow: forged }, false)).json().error.code,
    ).toBe("WBS_POW_INVALID");
    expect((await publicPost("/api/public/wbs/follow", { code, secret, pow: p }, false)).statusCode).toBe(
      200,
    );
    const again = await publicPost("/api/public/wbs/follow", { code, secret, pow: p }, false);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("WBS_POW_REUSED");
    // Expired: older than ten minutes.
    const old = await pow();
    t.clock.advance(11 * 60_000);
    expect(
      (await publicPost("/api/public/wbs/follow", { code, secret, pow: old }, false)).json().error.code,
    ).toBe("WBS_POW_INVALID");
  });

  it("routes a report about the head to the parent unit's handler; the office's handler never sees it", async () => {
    const res = await submit({
      aboutHead: true,
      category: "penyalahgunaan_wewenang",
      subject: "Kepala Kantor",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().handledByParent).toBe(true);
    const id = await idOf(res.json().code);
    const mine = (
      await coordinator.request({ method: "GET", url: "/api/integrity/wbs/reports?status=all" })
    ).json().items;
    expect(mine.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(
      (await coordinator.request({ method: "GET", url: `/api/integrity/wbs/reports/${id}` })).statusCode,
    ).toBe(403);
    const kanwil = (await kanwilHandler.request({ method: "GET", url: "/api/integrity/wbs/reports" })).json()
      .items;
    const found = kanwil.find((r: { id: string }) => r.id === id);
    expect(found).toMatchObject({ aboutHead: true, originUnitName: "KPKNL Bekasi", status: "received" });
    expect(found.unitId).toBe(t.units["KANWIL-JABAR"]);
    // The handler was told by e-mail, without the content.
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("dedupe_key", "like", `wbs:${id}:new:%`)
      .execute();
    expect(mail).toHaveLength(1);
    expect(String(mail[0]!.payload)).not.toContain("Kepala Kantor");
  });

  it("lets only WBS handlers in: the head, employees and other offices are refused", async () => {
    for (const s of [head, pegawai, bandungHead]) {
      const r = await s.request({ method: "GET", url: "/api/integrity/wbs/reports" });
      expect(r.statusCode).toBe(403);
    }
    const { code } = (await submit()).json();
    const id = await idOf(code);
    expect((await head.request({ method: "GET", url: `/api/integrity/wbs/reports/${id}` })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: "GET", url: `/api/integrity/wbs/reports/${id}` })).statusCode).toBe(
      401,
    );
  });

  it("runs a case: audited views, replies the reporter reads, internal notes they do not, status moves", async () => {
    const { code, secret } = (await submit()).json();
    const id = await idOf(code);
    const view = await coordinator.request({ method: "GET", url: `/api/integrity/wbs/reports/${id}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      code,
      status: "received",
      awaitingHandler: true,
      hasIdentity: false,
    });
    expect(view.json().nextStatuses).toContain("in_review");
    const viewed = await t.db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_id", "=", id)
      .where("action", "=", "wbs.report.viewed")
      .execute();
    expect(viewed).toHaveLength(1);
    const countListed = async () =>
      (
        await t.db
          .selectFrom("audit_events")
          .select("id")
          .where("action", "=", "wbs.reports.listed")
          .execute()
      ).length;
    const before = await countListed();
    expect((await coordinator.request({ method: "GET", url: "/api/integrity/wbs/reports" })).statusCode).toBe(
      200,
    );
    expect(await countListed()).toBe(before + 1);

    await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/messages`,
      payload: { body: "Mohon kirim bukti kuitansi." },
    });
    await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/messages`,
      payload: { body: "Catatan internal: cek CCTV.", internal: true },
    });
    const moved = await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/status`,
      payload: { status: "in_review", note: "Sedang ditelaah." },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().status).toBe("in_review");
    const bad = await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/status`,
      payload: { status: "received" },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe("WBS_BAD_TRANSITION");

    const follow = (await publicPost("/api/public/wbs/follow", { code: code.toLowerCase(), secret })).json();
    expect(follow.status).toBe("in_review");
    const bodies = follow.messages.map((m: { body: string }) => m.body);
    expect(bodies).toContain("Mohon kirim bukti kuitansi.");
    expect(bodies).toContain("Sedang ditelaah.");
    expect(bodies).not.toContain("Catatan internal: cek CCTV.");
    expect(JSON.stringify(follow)).not.toContain("Koordinator");

    // Closed: the reporter can read but not add.
    await coordinator.request({
      method: "POST",
      url: `/api/integrity/wbs/reports/${id}/status`,
      payload: { status: "closed_unsubstantiated", note: "Tidak terbukti." },
    });
    const late = await publicPost("/api/public/wbs/follow/messages", { code, secret, body: "Masih ada?" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("WBS_REPORT_CLOSED");
  });

  it("refuses bad input clearly and writes nothing", async () => {
    const before = await t.db
      .selectFrom("wbs_reports")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const missing = await submit({ description: "" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("VALIDATION_FAILED");
    const unknownUnit = await submit({}, "TIDAK-ADA");
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json().error.code).toBe("WBS_UNIT_NOT_FOUND");
    const extra = await submit({ ipAddress: "1.2.3.4" });
    expect(extra.statusCode).toBe(400);
    const after = await t.db
      .selectFrom("wbs_reports")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const { code, secret } = (await submit()).json();
    const exe = await publicPost("/api/public/wbs/follow/attachments", {
      code,
      secret,
      filename: "a.pdf",
      contentBase64: Buffer.from("MZ not a pdf at all").toString("base64"),
    });
    expect(exe.statusCode).toBe(415);
    const doc = await publicPost("/api/public/wbs/follow/attachments", {
      code,
      secret,
      filename: "bukti.pdf",
      contentBase64: pdf().toString("base64"),
    });
    expect(doc.statusCode).toBe(201);
    expect(doc.json().metadata).toBe("warn");
  });

  it("shows the public channel of a unit", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/public/wbs/units/KPKNL-BEKASI" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ unitCode: "KPKNL-BEKASI", unitName: "KPKNL Bekasi" });
    expect(r.json().parentName).toMatch(/Kanwil/i);
  });

  it("seeds the demo office with reports in several states and no identities", async () => {
    const items = (
      await coordinator.request({
        method: "GET",
        url: `/api/integrity/wbs/reports?status=all&unitId=${t.units["KPKNL-BEKASI"]}`,
      })
    ).json().items;
    const demo = await t.db
      .selectFrom("wbs_reports")
      .select(["status", "identity_enc"])
      .where("origin_unit_id", "=", t.units["KPKNL-BEKASI"]!)
      .execute();
    expect(new Set(demo.map((d) => d.status)).size).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeGreaterThanOrEqual(4);
  });
});
