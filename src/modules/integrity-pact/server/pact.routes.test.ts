import { createHash } from "node:crypto";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../../kernel/identity/actor";
import { buildTestApp, type Session, TEST_PASSWORD, type TestApp, testLanes } from "../../../kernel/testing";
import { defaultPactText } from "../domain/pact";
import { pactCompletion } from "./index";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const pdfText = async (buf: Buffer) => (await new PDFParse({ data: new Uint8Array(buf) }).getText()).text;
const flat = (s: string) => s.replace(/\s+/g, " ");

describe.each(testLanes())("integrity pact routes on $name", (lane) => {
  let t: TestApp;
  let head: Session; // kepala.bekasi
  let pegawai: Session;
  let bandungHead: Session;
  let tpi: Session;
  let tpn: Session;
  let seq = 0;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [head, pegawai, bandungHead, tpi, tpn] = await Promise.all([
      t.login("kepala.bekasi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
      t.login("tpi@zona.demo"),
      t.login("tpn@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  /**
   * A fresh KPKNL under Kanwil Jawa Barat with a head, two employees, a disabled employee and an
   * evaluator assigned AT the unit (who is not staff): each test owns its unit, so order never matters.
   */
  const freshUnit = async () => {
    const n = ++seq;
    const system = systemActor("test");
    const unit = await t.ctx.org.create(system, {
      code: `KPKNL-T${n}`,
      name: `KPKNL Uji ${n}`,
      kind: "kantor",
      parentId: t.units["KANWIL-JABAR"]!,
    });
    const mk = async (who: string, roleKey: string, nip: string | null = null) => {
      const email = `${who}.${n}@uji.test`;
      const u = await t.ctx.identity.createUser(system, {
        email,
        name: `${who[0]!.toUpperCase()}${who.slice(1)} ${n}`,
        nip,
        password: TEST_PASSWORD,
        roleKey,
        unitId: unit.id,
      });
      return { id: u.id, email, name: u.name };
    };
    const kepala = await mk("kepala", "head", `19800101200501100${n}`.slice(0, 18));
    const ani = await mk("ani", "employee", `19900202201502200${n}`.slice(0, 18));
    const budi = await mk("budi", "service_officer");
    const evaluator = await mk("evaluator", "tpi_evaluator");
    const keluar = await mk("keluar", "employee");
    await t.ctx.identity.updateUser(system, keluar.id, { status: "disabled" });
    return {
      unit,
      kepala,
      ani,
      budi,
      evaluator,
      login: {
        kepala: () => t.login(kepala.email),
        ani: () => t.login(ani.email),
        budi: () => t.login(budi.email),
        evaluator: () => t.login(evaluator.email),
      },
    };
  };
  const open = (s: Session, unitId: string, extra: Record<string, unknown> = {}) =>
    s.request({
      method: "POST",
      url: "/api/pact/rounds",
      payload: {
        unitId,
        title: "Pakta Integritas Pegawai 2026",
        body: defaultPactText("KPKNL Uji"),
        opensOn: "2026-11-20",
        closesOn: null,
        ...extra,
      },
    });
  const sign = (s: Session, id: string, payload: unknown) =>
    s.request({ method: "POST", url: `/api/pact/rounds/${id}/sign`, payload });
  const detail = async (s: Session, id: string) =>
    (await s.request({ method: "GET", url: `/api/pact/rounds/${id}` })).json();

  it("seeds KPKNL Bekasi's open round signed by every employee but pegawai@zona.demo", async () => {
    const res = await head.request({ method: "GET", url: `/api/pact/rounds?unitId=${bekasi()}` });
    expect(res.statusCode, res.body).toBe(200);
    const [round] = res.json().items;
    expect(round.title).toBe("Pakta Integritas Pegawai KPKNL Bekasi 2026");
    expect(round.status).toBe("open");
    expect(round.completion).toEqual({ signed: 10, total: 11, percent: 90.9 });
    const d = await detail(head, round.id);
    const unsigned = d.signers.filter((s: any) => s.signedAt === null).map((s: any) => s.email);
    expect(unsigned).toEqual(["pegawai@zona.demo"]);
    // Evaluators and administrators are not staff of the unit.
    expect(d.signers.map((s: any) => s.email)).not.toContain("tpi@zona.demo");
    expect(d.round.body).toContain("PAKTA INTEGRITAS");
    expect(d.round.textHash).toBe(sha(d.round.body));
    expect(d.canManage).toBe(true);
    // The ZI cycle reads the same figures.
    expect(await pactCompletion(t.ctx, bekasi())).toEqual({
      roundId: round.id,
      title: round.title,
      percent: 90.9,
      signed: 10,
      total: 11,
      open: true,
    });
    // KPKNL Bandung has its round too, signed by its head.
    const bandung = (await bandungHead.request({ method: "GET", url: "/api/pact/rounds" })).json().items;
    expect(bandung).toHaveLength(1);
    expect(bandung[0].unitCode).toBe("KPKNL-BANDUNG");
    expect(bandung[0].completion).toEqual({ signed: 1, total: 1, percent: 100 });
    // pegawai sees the round to sign in the exact "mine" shape.
    const mine = (await pegawai.request({ method: "GET", url: "/api/pact/mine" })).json();
    expect(mine).toEqual({
      items: [
        {
          roundId: round.id,
          unitId: bekasi(),
          unitName: "KPKNL Bekasi",
          title: round.title,
          openedAt: "2026-11-13",
          closesAt: null,
          status: "open",
          signedAt: null,
        },
      ],
    });
    // An evaluator has no rounds of their own.
    expect((await tpn.request({ method: "GET", url: "/api/pact/mine" })).json()).toEqual({ items: [] });
  });

  it("opens a round, signs with the hash of the text seen (idempotently), and counts staff only", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const opened = await open(kepala, u.unit.id, {
      body: "  PAKTA INTEGRITAS\r\n\r\nSaya berjanji jujur dan bersih dalam bekerja setiap hari.   \r\n",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json();
    // The text is kept normalised; its hash is the hash of exactly that text.
    expect(round.body).toBe("PAKTA INTEGRITAS\n\nSaya berjanji jujur dan bersih dalam bekerja setiap hari.");
    expect(round.textHash).toBe(sha(round.body));
    expect(round.status).toBe("open");
    // Head, Ani and Budi must sign; the evaluator at the unit and the disabled account do not count.
    expect(round.completion).toEqual({ signed: 0, total: 3, percent: 0 });

    const ani = await u.login.ani();
    const view = (await ani.request({ method: "GET", url: `/api/pact/mine/${round.id}` })).json();
    expect(view.canSign).toBe(true);
    expect(view.signature).toBeNull();
    expect(view.statement).toMatch(/^Saya telah membaca dan menyetujui/);

    const first = await sign(ani, round.id, { textHash: sha(view.round.body), agree: true });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().signedAt).toBe("2026-11-27T02:00:00.000Z");
    expect(first.json().verification).toMatch(/^[0-9A-F]{5}(-[0-9A-F]{5}){3}$/);

    t.clock.advance(60_000);
    try {
      // Signing again returns the first signature, unchanged.
      const again = await sign(ani, round.id, { textHash: sha(view.round.body), agree: true });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
    } finally {
      t.clock.set("2026-11-27T02:00:00.000Z");
    }
    const rows = await t.db
      .selectFrom("pact_signatures")
      .select("user_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(rows).toHaveLength(1);

    const d = await detail(kepala, round.id);
    expect(d.round.completion).toEqual({ signed: 1, total: 3, percent: 33.33 });
    const byName = Object.fromEntries(d.signers.map((s: any) => [s.name, s]));
    expect(byName[u.ani.name].signedAt).toBe("2026-11-27T02:00:00.000Z");
    expect(byName[u.budi.name].signedAt).toBeNull();
    expect(Object.keys(byName)).not.toContain(u.evaluator.name);

    const audit = await t.db
      .selectFrom("audit_events")
      .select(["action"])
      .where("entity_id", "=", round.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["pact.round.opened", "pact.signed"]);

    // Everyone signs: 100%, for the pencanangan gate.
    await sign(kepala, round.id, { textHash: round.textHash, agree: true });
    await sign(await u.login.budi(), round.id, { textHash: round.textHash, agree: true });
    expect(await pactCompletion(t.ctx, u.unit.id)).toMatchObject({
      percent: 100,
      signed: 3,
      total: 3,
      open: true,
    });
  });

  it("refuses a wrong text hash, an unticked statement, an outsider, an evaluator and a closed round", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const round = (await open(kepala, u.unit.id)).json();
    const ani = await u.login.ani();

    const wrong = await sign(ani, round.id, { textHash: sha(`${round.body} `), agree: true });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe("PACT_TEXT_MISMATCH");
    expect(wrong.json().error.message).toContain("Muat ulang halaman");

    const unticked = await sign(ani, round.id, { textHash: round.textHash, agree: false });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.json().error.code).toBe("PACT_STATEMENT_REQUIRED");

    const malformed = await sign(ani, round.id, { textHash: "abc", agree: true });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json().error.issues)).toContain("textHash");

    // Staff of another unit: refused with a clear reason.
    const outsider = await sign(pegawai, round.id, { textHash: round.textHash, agree: true });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe("PACT_NOT_UNIT_STAFF");
    // An evaluator assigned at the unit holds no pact.sign at all.
    const evaluator = await sign(await u.login.evaluator(), round.id, {
      textHash: round.textHash,
      agree: true,
    });
    expect(evaluator.statusCode).toBe(403);
    expect(evaluator.json().error.code).toBe("FORBIDDEN");

    const closed = await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe("closed");
    const late = await sign(ani, round.id, { textHash: round.textHash, agree: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("PACT_ROUND_CLOSED");
    const twice = await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/close` });
    expect(twice.json().error.code).toBe("PACT_ROUND_ALREADY_CLOSED");

    const none = await t.db
      .selectFrom("pact_signatures")
      .select("user_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(none).toEqual([]);
    // The closed round is still the caller's, marked closed and unsigned.
    const mine = (await ani.request({ method: "GET", url: "/api/pact/mine" })).json().items;
    expect(mine).toEqual([expect.objectContaining({ roundId: round.id, status: "closed", signedAt: null })]);
  });

  it("keeps one open round per unit and validates dates and text", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const first = (await open(kepala, u.unit.id)).json();
    const dup = await open(kepala, u.unit.id, { title: "Putaran kedua" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("PACT_ROUND_OPEN_EXISTS");
    expect(dup.json().error.message).toContain(u.unit.name);

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ closesOn: "2026-11-01", opensOn: "2026-11-20" }, "PACT_CLOSES_BEFORE_OPENS"],
      [{ opensOn: "2026-11-01", closesOn: "2026-11-10" }, "PACT_CLOSES_IN_PAST"],
      [{ opensOn: "2026-02-30" }, "PACT_DATE_INVALID"],
      [{ body: "Terlalu pendek." }, "PACT_TEXT_LENGTH"],
      [{ title: "  " }, "PACT_TITLE_INVALID"],
      [{ opensOn: "20-11-2026" }, "VALIDATION_FAILED"],
    ];
    const other = await freshUnit();
    const otherHead = await other.login.kepala();
    for (const [extra, code] of cases) {
      const res = await open(otherHead, other.unit.id, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect(
      (await otherHead.request({ method: "GET", url: `/api/pact/rounds?unitId=${other.unit.id}` })).json()
        .items,
    ).toEqual([]);

    await kepala.request({ method: "POST", url: `/api/pact/rounds/${first.id}/close` });
    const next = await open(kepala, u.unit.id, { title: "Putaran kedua", closesOn: "2026-12-10" });
    expect(next.statusCode, next.body).toBe(201);

    // Past its closing date a round is closed, and a new one may open (the old one is closed on record).
    t.clock.set("2026-12-11T02:00:00.000Z");
    try {
      const later = await u.login.kepala(); // sessions expire over a fortnight
      expect((await detail(later, next.json().id)).round.status).toBe("closed");
      const third = await open(later, u.unit.id, { title: "Putaran ketiga", opensOn: "2026-12-11" });
      expect(third.statusCode, third.body).toBe(201);
      expect((await pactCompletion(t.ctx, u.unit.id))?.title).toBe("Putaran ketiga");
    } finally {
      t.clock.set("2026-11-27T02:00:00.000Z");
    }
  });

  it("does not let anyone sign a round before its opening date, nor list it as theirs", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const round = (await open(kepala, u.unit.id, { opensOn: "2026-12-01" })).json();
    expect(round.status).toBe("scheduled");
    const ani = await u.login.ani();
    const early = await sign(ani, round.id, { textHash: round.textHash, agree: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("PACT_ROUND_NOT_STARTED");
    expect((await ani.request({ method: "GET", url: "/api/pact/mine" })).json().items).toEqual([]);
  });

  it("keeps each head to their own unit's rounds", async () => {
    const bekasiRound = (
      await head.request({ method: "GET", url: `/api/pact/rounds?unitId=${bekasi()}` })
    ).json().items[0];
    const expect403 = async (method: string, url: string, payload?: unknown) => {
      const res = await bandungHead.request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe("OUT_OF_SCOPE");
    };
    await expect403("GET", `/api/pact/rounds/${bekasiRound.id}`);
    await expect403("GET", `/api/pact/rounds?unitId=${bekasi()}`);
    await expect403("POST", `/api/pact/rounds/${bekasiRound.id}/close`);
    await expect403("POST", `/api/pact/rounds/${bekasiRound.id}/reminders`);
    await expect403("GET", `/api/pact/rounds/${bekasiRound.id}/rollup.pdf`);
    const created = await open(bandungHead, bekasi());
    expect(created.statusCode).toBe(403);
    // Bandung's list has only Bandung; the Kanwil's TPI evaluator reads both, manages neither.
    const list = (await bandungHead.request({ method: "GET", url: "/api/pact/rounds" })).json().items;
    expect(list.map((r: any) => r.unitCode)).toEqual(["KPKNL-BANDUNG"]);
    const tpiList = (await tpi.request({ method: "GET", url: "/api/pact/rounds" })).json().items;
    expect(tpiList.map((r: any) => r.unitCode)).toEqual(
      expect.arrayContaining(["KPKNL-BANDUNG", "KPKNL-BEKASI"]),
    );
    expect((await detail(tpi, bekasiRound.id)).canManage).toBe(false);
    const tpiClose = await tpi.request({ method: "POST", url: `/api/pact/rounds/${bekasiRound.id}/close` });
    expect(tpiClose.json().error.code).toBe("FORBIDDEN");
    // An employee cannot read the signer table.
    expect(
      (await pegawai.request({ method: "GET", url: `/api/pact/rounds/${bekasiRound.id}` })).statusCode,
    ).toBe(403);
    expect((await head.request({ method: "GET", url: "/api/pact/rounds/nope" })).statusCode).toBe(404);
  });

  it("reminds those who have not signed, once per person and day, through the outbox", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const round = (await open(kepala, u.unit.id)).json();
    await sign(await u.login.ani(), round.id, { textHash: round.textHash, agree: true });

    const outboxFor = () =>
      t.db
        .selectFrom("outbox")
        .select(["dedupe_key", "payload"])
        .where("dedupe_key", "like", `pact.reminder:${round.id}:%`)
        .orderBy("dedupe_key")
        .execute();
    const first = await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/reminders` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ queued: 2, alreadyToday: 0 });
    const rows = await outboxFor();
    const to = rows.map((r) => JSON.parse(String(r.payload)).to).sort();
    expect(to).toEqual([u.budi.email, u.kepala.email].sort());
    const mail = JSON.parse(String(rows[0]!.payload));
    expect(mail.subject).toContain(round.title);
    expect(mail.text).toContain("/pakta/tandatangan");
    expect(rows.every((r) => String(r.dedupe_key).endsWith(":2026-11-27"))).toBe(true);

    // The same day again: nothing new.
    const second = await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/reminders` });
    expect(second.json()).toEqual({ queued: 0, alreadyToday: 2 });
    expect(await outboxFor()).toHaveLength(2);
    const d = await detail(kepala, round.id);
    expect(d.signers.find((s: any) => s.userId === u.budi.id).remindedAt).toBe("2026-11-27T02:00:00.000Z");
    expect(d.signers.find((s: any) => s.userId === u.ani.id).remindedAt).toBeNull();

    // The next Jakarta day: one more each.
    t.clock.set("2026-11-27T17:30:00.000Z");
    try {
      const nextDay = await u.login.kepala();
      expect(
        (await nextDay.request({ method: "POST", url: `/api/pact/rounds/${round.id}/reminders` })).json(),
      ).toEqual({
        queued: 2,
        alreadyToday: 0,
      });
    } finally {
      t.clock.set("2026-11-27T02:00:00.000Z");
    }
    expect(await outboxFor()).toHaveLength(4);

    // A closed round is not reminded.
    await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/close` });
    const closed = await kepala.request({ method: "POST", url: `/api/pact/rounds/${round.id}/reminders` });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("PACT_ROUND_CLOSED");
  });

  it("serves the signed pact to its signer and readers, and the roll-up with everyone", async () => {
    const u = await freshUnit();
    const kepala = await u.login.kepala();
    const round = (await open(kepala, u.unit.id, { body: defaultPactText(u.unit.name) })).json();
    const ani = await u.login.ani();
    const sig = (await sign(ani, round.id, { textHash: round.textHash, agree: true })).json();

    const own = await ani.request({
      method: "GET",
      url: `/api/pact/rounds/${round.id}/signatures/${u.ani.id}/pact.pdf`,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    const text = flat(await pdfText(own.rawPayload));
    expect(text).toContain(u.ani.name);
    expect(text).toContain(u.unit.name);
    expect(text).toContain("27 November 2026 pukul 09.00 WIB");
    expect(text).toContain(round.textHash);
    expect(text).toContain(sig.verification);
    expect(text).toContain("Tidak meminta atau menerima pemberian");

    // The head reads it too; a colleague without pact.read does not; an unsigned pact has no PDF.
    expect(
      (
        await kepala.request({
          method: "GET",
          url: `/api/pact/rounds/${round.id}/signatures/${u.ani.id}/pact.pdf`,
        })
      ).statusCode,
    ).toBe(200);
    const budi = await u.login.budi();
    expect(
      (
        await budi.request({
          method: "GET",
          url: `/api/pact/rounds/${round.id}/signatures/${u.ani.id}/pact.pdf`,
        })
      ).statusCode,
    ).toBe(403);
    const missing = await budi.request({
      method: "GET",
      url: `/api/pact/rounds/${round.id}/signatures/${u.budi.id}/pact.pdf`,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("PACT_SIGNATURE_NOT_FOUND");

    const rollup = await kepala.request({ method: "GET", url: `/api/pact/rounds/${round.id}/rollup.pdf` });
    expect(rollup.statusCode).toBe(200);
    const r = flat(await pdfText(rollup.rawPayload));
    expect(r).toContain("Sudah menandatangani: 1 dari 3 pegawai (33,33%)");
    for (const name of [u.kepala.name, u.ani.name, u.budi.name]) expect(r).toContain(name);
    expect(r).not.toContain(u.evaluator.name);
    expect(r.match(/Belum/g)?.length).toBe(2);
  });
  it("links a round to LKE questions: shown on the worksheet, replaced, unlinked, refused", async () => {
    const [round] = (await head.request({ method: "GET", url: `/api/pact/rounds?unitId=${bekasi()}` })).json()
      .items;
    const url = `/api/pact/rounds/${round.id}/questions`;
    const put = (s: Session, questionKeys: string[]) =>
      s.request({ method: "PUT", url, payload: { questionKeys } });
    const cycles = (await head.request({ method: "GET", url: `/api/zi/cycles?unitId=${bekasi()}` })).json()
      .items;
    expect(cycles.length).toBeGreaterThan(0);
    const records = async (key: string) => {
      const sheet = await head.request({ method: "GET", url: `/api/zi/cycles/${cycles[0].id}/worksheet` });
      expect(sheet.statusCode, sheet.body).toBe(200);
      return (sheet.json().records[key] ?? []) as Array<{ id: string }>;
    };
    const keys = ["pemenuhan.mp.pola-pikir-budaya-kerja.d", "reform.mp.komitmen-pimpinan.a"];

    expect((await head.request({ method: "GET", url })).json()).toEqual({ questionKeys: [] });
    const linked = await put(head, keys);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ questionKeys: [...keys].sort() });
    const ref = {
      module: "integrity-pact",
      type: "round",
      id: round.id,
      title: "Pakta Integritas Pegawai KPKNL Bekasi 2026",
      path: `/pakta?putaran=${round.id}`,
    };
    expect(await records(keys[0]!)).toContainEqual(ref);
    expect(await records(keys[1]!)).toContainEqual(ref);

    // The set given replaces the previous one.
    expect((await put(head, [keys[0]!])).json()).toEqual({ questionKeys: [keys[0]] });
    expect((await records(keys[1]!)).some((r) => r.id === round.id)).toBe(false);
    expect(await records(keys[0]!)).toContainEqual(ref);

    // An unknown question key: 400 naming it, nothing changed.
    const unknown = await put(head, [keys[1]!, "no.such.question"]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    expect((await head.request({ method: "GET", url })).json()).toEqual({ questionKeys: [keys[0]] });
    const malformed = await head.request({ method: "PUT", url, payload: { questionKeys: "x" } });
    expect(malformed.statusCode).toBe(400);

    // Readers, staff and another office's head may not link (nor read the links).
    for (const s of [pegawai, tpi, bandungHead]) {
      expect((await put(s, [])).statusCode).toBe(403);
      expect((await s.request({ method: "GET", url })).statusCode).toBe(403);
    }
    expect((await put(bandungHead, [])).json().error.code).toBe("OUT_OF_SCOPE");
    const missing = await head.request({
      method: "PUT",
      url: "/api/pact/rounds/nope/questions",
      payload: { questionKeys: [] },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("PACT_ROUND_NOT_FOUND");

    // An empty set takes the round off the worksheet.
    expect((await put(head, [])).json()).toEqual({ questionKeys: [] });
    expect((await records(keys[0]!)).some((r) => r.id === round.id)).toBe(false);
  });
});
