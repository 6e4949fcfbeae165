import { createHash } from "node:crypto";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { SR_API } from "../contract";
import { requestSatisfaction, serviceRequestService } from ".";
import { DEMO_NUMBER, DEMO_REQUESTER_PHONE, DEMO_SECRET } from "./demo";

describe.each(testLanes())("service-requests routes on $name", (lane) => {
  let t: TestApp;
  let official: Session; // pejabat lelang, KPKNL Bekasi
  let head: Session;
  let treasurer: Session;
  let bandungHead: Session;
  let employee: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  let ip = 0;
  const nextIp = () => `10.7.${Math.floor(++ip / 200)}.${ip % 200}`;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [official, head, treasurer, bandungHead, employee] = await Promise.all([
      t.login("pejabat.lelang@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("bendahara@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
      t.login("pegawai@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const pub = (
    method: string,
    url: string,
    payload?: unknown,
    remoteAddress = nextIp(),
    headers: Record<string, string> = {},
  ) => t.app.inject({ method: method as "POST", url, payload: payload as object, remoteAddress, headers });
  const count = async (table: string) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = async (key: string, data: Buffer = sample.pdf("scan"), name = `${key}.pdf`) => {
    const f = form([
      { name: "unitCode", value: "KPKNL-BEKASI" },
      { name: "file", filename: name, data },
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: SR_API.publicUpload,
      payload: f.payload,
      headers: f.headers,
      remoteAddress: nextIp(),
    });
    return res;
  };
  const ref = async (key: string, data?: Buffer, name?: string) => {
    const res = await upload(key, data, name);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    return { requirementKey: key, uploadId: u.uploadId as string, token: u.token as string };
  };
  const year = 2026;
  const krlFields = (auctionRef: string, objectKind = "vehicle") => ({
    auctionRef,
    auctionDate: `${year}-07-14`,
    objectKind,
    objectDescription: "Mobil Toyota Avanza 2019",
    buyerIdNumber: "3275014502850002",
  });
  const submit = (body: object) =>
    pub("POST", SR_API.publicSubmit, {
      unitCode: "KPKNL-BEKASI",
      requester: { name: "Pemenang Lelang", email: "Pemenang@Example.com" },
      ...body,
    });
  const idOf = async (number: string) =>
    String(
      (
        await t.db
          .selectFrom("sr_requests")
          .select("id")
          .where("number", "=", number)
          .executeTakeFirstOrThrow()
      ).id,
    );
  const versionOf = async (id: string) =>
    Number(
      (await t.db.selectFrom("sr_requests").select("version").where("id", "=", id).executeTakeFirstOrThrow())
        .version,
    );
  const move = async (s: Session, id: string, body: object) =>
    s.request({
      method: "POST",
      url: SR_API.transition(id),
      payload: { version: await versionOf(id), ...body },
    });

  it("offers the unit's services (the four starting entries) to the public", async () => {
    const res = await pub("GET", SR_API.publicUnit("KPKNL-BEKASI"));
    expect(res.statusCode).toBe(200);
    const codes = res
      .json()
      .services.map((s: { code: string }) => s.code)
      .sort();
    expect(codes).toEqual(["BPHTB", "KPL", "KRL", "SSP"]);
    const krl = res.json().services.find((s: { code: string }) => s.code === "KRL");
    expect(krl.sla).toMatchObject({ unconfirmed: true, pauseStates: ["waiting_requester"] });
    expect(krl).not.toHaveProperty("handler");
    expect((await pub("GET", SR_API.publicUnit("NOPE"))).json().error.code).toBe("SR_UNIT_NOT_FOUND");
  });

  it("runs the whole flow: payment, submission, documents asked and sent, completion with a verifiable PDF, rating", async () => {
    // the treasurer records full payment of a vehicle auction
    const pay = await treasurer.request({
      method: "POST",
      url: SR_API.payments,
      payload: {
        unitId: bekasi(),
        auctionRef: "500 / 01 / 2026",
        buyerName: "Pemenang",
        objectDescription: "Avanza",
        amount: 100_000_000,
        paidInFull: true,
        paidAt: "2026-11-20",
        landOrBuilding: false,
      },
    });
    expect(pay.statusCode, pay.body).toBe(200);
    expect(pay.json().auctionRef).toBe("500/01/2026");

    const docs = [await ref("identity_card", sample.png(), "ktp.png"), await ref("payment_receipt")];
    const res = await submit({ serviceCode: "KRL", fields: krlFields("500/01/2026"), documents: docs });
    expect(res.statusCode, res.body).toBe(201);
    const { number, secret, dueAt, firstResponseDueAt } = res.json();
    expect(number).toMatch(/^ALC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // test clock: Friday 27 Nov 2026 09:00 WIB on Kemenkeu hours (Fri 07:30–16:30, Mon–Thu 07:30–16:00):
    // first response 4 h → 13:00 WIB; 16 h → Fri 7.5 h + Mon 8.5 h = Mon 16:00 WIB
    expect(firstResponseDueAt).toBe("2026-11-27T06:00:00.000Z");
    expect(dueAt).toBe("2026-11-30T09:00:00.000Z");
    const id = await idOf(number);

    // tracking by number alone: state and clock, no personal data
    const bare = await pub("POST", SR_API.publicTrack, { number });
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toMatchObject({ number, state: "submitted", detailed: false, details: null });
    expect(bare.body).not.toContain("Pemenang");
    expect(bare.body).not.toContain("3275014502850002");
    const full = await pub("POST", SR_API.publicTrack, { number, secret: secret.toLowerCase() });
    expect(full.json().details.requesterName).toBe("Pemenang Lelang");

    // staff: accept, ask for documents (pauses the clock)
    expect((await move(official, id, { command: "accept", note: null })).statusCode).toBe(200);
    t.clock.advance(60 * 60_000);
    const ask = await move(official, id, {
      command: "request_documents",
      keys: ["payment_receipt"],
      message: "Kuitansi tidak terbaca, mohon unggah ulang.",
    });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json()).toMatchObject({ state: "waiting_requester", sla: { paused: true, dueAt: null } });
    const elapsedAtPause = ask.json().sla.elapsedMinutes;
    t.clock.advance(3 * 60 * 60_000);
    const paused = await official.request({ method: "GET", url: SR_API.detail(id) });
    expect(paused.json().sla.elapsedMinutes).toBe(elapsedAtPause);

    // the requester uploads → clock resumes
    const again = await ref("payment_receipt");
    const sent = await pub("POST", SR_API.publicDocuments, {
      number,
      secret,
      documents: [again],
      message: "Sudah saya unggah ulang.",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().state).toBe("in_progress");
    expect(sent.json().sla.paused).toBe(false);

    // complete: produces the PDF
    const done = await move(official, id, {
      command: "complete",
      documentText: "Diberikan untuk balik nama.",
      note: null,
    });
    expect(done.statusCode, done.body).toBe(200);
    const produced = done.json().produced;
    expect(produced.number).toMatch(/^KRL-\d{4}\/KPKNL-BEKASI\/2026$/);
    expect(produced.verifyUrl).toMatch(new RegExp(`/verifikasi/${produced.docCode}$`));

    // the requester downloads it with the secret; it is a real PDF and its hash verifies
    const dl = await pub("POST", SR_API.publicDownload, { number, secret, fileId: produced.fileId });
    expect(dl.statusCode).toBe(200);
    const bytes = dl.rawPayload;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("KUTIPAN RISALAH LELANG");
    expect(text).toContain(produced.number);
    expect(text).toContain(number);
    const verify = await pub("GET", SR_API.verify(produced.docCode));
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({
      valid: true,
      documentNumber: produced.number,
      issuingUnit: { code: "KPKNL-BEKASI" },
    });
    expect(verify.json().sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(verify.body).not.toContain("Pemenang");
    expect((await pub("GET", SR_API.verify("DZZZZZZZZZZZZ"))).statusCode).toBe(404);

    // staff download too; a wrong secret gets the same 404 as an unknown number
    expect(
      (await official.request({ method: "GET", url: SR_API.staffFile(id, produced.fileId) })).statusCode,
    ).toBe(200);
    const wrong = await pub("POST", SR_API.publicDownload, {
      number,
      secret: "AAAA-AAAA-AAAA-AAAA",
      fileId: produced.fileId,
    });
    const unknown = await pub("POST", SR_API.publicTrack, { number: "ALC-ZZZZ-ZZZZ", secret });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);

    // one rating, once
    const rate = await pub("POST", SR_API.publicRate, { number, secret, score: 4, comment: "Cepat" });
    expect(rate.statusCode, rate.body).toBe(200);
    expect(rate.json().details.rating).toEqual({ score: 4, comment: "Cepat" });
    const twice = await pub("POST", SR_API.publicRate, { number, secret, score: 1 });
    expect(twice.json().error.code).toBe("SR_RATING_NOT_ALLOWED");
    expect((await pub("POST", SR_API.publicRate, { number, secret, score: 5 })).statusCode).toBe(400);

    // history without staff names on the public page; with them for staff
    const history = (await pub("POST", SR_API.publicTrack, { number, secret })).json();
    expect(history.history.map((e: { kind: string }) => e.kind)).toEqual([
      "submitted",
      "accepted",
      "documents_requested",
      "documents_uploaded",
      "completed",
    ]);
    expect(JSON.stringify(history.history)).not.toContain("Pejabat Lelang");
    const detail = (await official.request({ method: "GET", url: SR_API.detail(id) })).json();
    expect(detail.events.some((e: { actorName: string }) => e.actorName === "Pejabat Lelang")).toBe(true);

    // every step audited and the requester told by e-mail (deduplicated per event)
    const audits = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "requests.submitted",
        "requests.accepted",
        "requests.documents_requested",
        "requests.documents_uploaded",
        "requests.completed",
        "requests.rated",
      ]),
    );
    const mails = await t.db
      .selectFrom("outbox")
      .select(["dedupe_key", "payload"])
      .where("dedupe_key", "like", `sr:${id}:ev:%`)
      .execute();
    expect(mails.length).toBe(5);
    expect(mails.every((m) => String(m.payload).includes("pemenang@example.com"))).toBe(true);
    expect(mails.some((m) => String(m.payload).includes(secret))).toBe(false);

    const sat = await requestSatisfaction(t.ctx, bekasi(), "2026-11-01", "2026-11-30");
    expect(sat.ratings).toBeGreaterThanOrEqual(1);
    expect(sat.scaleMax).toBe(4);
  });

  it("refuses bad submissions with a clear code and stores nothing", async () => {
    const before = await count("sr_requests");
    const auditsBefore = await count("audit_events");
    const docsBefore = await count("sr_documents");
    const submittedAudits = async () =>
      (
        await t.db
          .selectFrom("audit_events")
          .select("id")
          .where("action", "=", "requests.submitted")
          .execute()
      ).length;
    const submittedBefore = await submittedAudits();
    // missing required document
    const noReceipt = await submit({
      serviceCode: "KRL",
      fields: krlFields("500/01/2026"),
      documents: [await ref("identity_card")],
    });
    expect(noReceipt.statusCode).toBe(422);
    expect(noReceipt.json().error).toMatchObject({ code: "SR_DOCUMENT_REQUIRED" });
    // missing required field
    const fields = { ...krlFields("500/01/2026") } as Record<string, string>;
    delete fields.buyerIdNumber;
    const noField = await submit({
      serviceCode: "KRL",
      fields,
      documents: [await ref("identity_card"), await ref("payment_receipt")],
    });
    expect(noField.json().error.code).toBe("SR_FIELD_REQUIRED");
    // a file type the requirement does not take (DOCX for the receipt)
    const docx = await submit({
      serviceCode: "KRL",
      fields: krlFields("500/01/2026"),
      documents: [await ref("identity_card"), await ref("payment_receipt", sample.docx(), "kuitansi.docx")],
    });
    expect(docx.statusCode).toBe(415);
    expect(docx.json().error.code).toBe("SR_DOCUMENT_TYPE");
    // kutipan before payment is recorded
    const unpaid = await submit({
      serviceCode: "KRL",
      fields: krlFields("999/01/2026"),
      documents: [await ref("identity_card"), await ref("payment_receipt")],
    });
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().error.code).toBe("SR_PAYMENT_REQUIRED");
    expect(unpaid.json().error.message).toMatch(/Pelunasan|payment/);
    // land without the BPHTB proof (the payment record says land/buildings even if the form says vehicle)
    await treasurer.request({
      method: "POST",
      url: SR_API.payments,
      payload: {
        unitId: bekasi(),
        auctionRef: "501/01/2026",
        buyerName: "Pembeli Tanah",
        objectDescription: "Tanah",
        amount: 5,
        paidInFull: true,
        paidAt: "2026-11-20",
        landOrBuilding: true,
      },
    });
    const land = await submit({
      serviceCode: "KRL",
      fields: krlFields("501/01/2026", "vehicle"),
      documents: [await ref("identity_card"), await ref("payment_receipt")],
    });
    expect(land.json().error.code).toBe("SR_BPHTB_PROOF_REQUIRED");
    const landForm = await submit({
      serviceCode: "KRL",
      fields: krlFields("501/01/2026", "land_building"),
      documents: [await ref("identity_card"), await ref("payment_receipt")],
    });
    expect(landForm.json().error.code).toBe("SR_DOCUMENT_REQUIRED");
    // reusing an upload or a forged token
    const r1 = await ref("identity_card");
    const forged = await submit({
      serviceCode: "SSP",
      fields: { auctionRef: "1/1/2026", ntpn: "123", amount: "5" },
      documents: [{ ...r1, token: "forged" }, await ref("ssp")],
    });
    expect(forged.json().error.code).toBe("SR_UPLOAD_INVALID");
    // an HTML file is refused at upload by the file store
    const html = await upload("identity_card", sample.html(), "ktp.pdf");
    expect(html.statusCode).toBe(415);
    expect(await count("sr_requests")).toBe(before);
    // uploads are audited, but no submission, document link or event was written
    expect(await submittedAudits()).toBe(submittedBefore);
    expect(await count("sr_documents")).toBe(docsBefore);
    expect(await count("audit_events")).toBeGreaterThan(auditsBefore);
  });

  it("throttles guessing numbers (429) and shows nothing personal for a number alone", async () => {
    const addr = "10.99.0.1";
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const res = await pub(
        "POST",
        SR_API.publicTrack,
        { number: `ALC-AAAA-${String(i).padStart(4, "0")}` },
        addr,
      );
      last = res.statusCode;
      if (res.statusCode === 429) break;
      expect(res.statusCode).toBe(404);
    }
    expect(last).toBe(429);
  });

  it("refuses out-of-order transitions with 409 and changes nothing", async () => {
    const id = await idOf(DEMO_NUMBER(1)); // submitted
    const v = await versionOf(id);
    const events = await count("sr_events");
    const res = await move(official, id, { command: "complete", documentText: null, note: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("SR_TRANSITION_INVALID");
    expect(res.json().error.message).toContain("submitted");
    const stale = await official.request({
      method: "POST",
      url: SR_API.transition(id),
      payload: { command: "accept", version: v + 5, note: null },
    });
    expect(stale.json().error.code).toBe("SR_VERSION_CONFLICT");
    expect(await versionOf(id)).toBe(v);
    expect(await count("sr_events")).toBe(events);
    // a requester cannot answer documents when none were asked
    const up = await ref("payment_receipt");
    const early = await pub("POST", SR_API.publicDocuments, {
      number: DEMO_NUMBER(1),
      secret: DEMO_SECRET(1),
      documents: [up],
    });
    expect(early.json().error.code).toBe("SR_TRANSITION_INVALID");
  });

  it("keeps staff to their scope: another office's head gets 403, an employee cannot read", async () => {
    const id = await idOf(DEMO_NUMBER(3));
    const other = await bandungHead.request({ method: "GET", url: SR_API.detail(id) });
    expect(other.statusCode).toBe(403);
    const move2 = await bandungHead.request({
      method: "POST",
      url: SR_API.transition(id),
      payload: { command: "reject", version: 1, reason: "Tidak berwenang menolak ini" },
    });
    expect(move2.statusCode).toBe(403);
    const list = await bandungHead.request({ method: "GET", url: `${SR_API.inbox}?unitId=${bekasi()}` });
    expect(list.statusCode).toBe(403);
    const mine = await bandungHead.request({ method: "GET", url: SR_API.inbox });
    expect(mine.json().items.every((i: { unitId: string }) => i.unitId !== bekasi())).toBe(true);
    expect((await employee.request({ method: "GET", url: SR_API.inbox })).statusCode).toBe(403);
    const pay = await official.request({
      method: "POST",
      url: SR_API.payments,
      payload: {
        unitId: bekasi(),
        auctionRef: "1/1/2026",
        buyerName: "X",
        objectDescription: "Y",
        amount: 1,
        paidInFull: true,
        paidAt: null,
        landOrBuilding: false,
      },
    });
    expect(pay.statusCode).toBe(403);
  });

  it("orders the inbox by working time left, with demo requests in every state", async () => {
    const res = await head.request({ method: "GET", url: `${SR_API.inbox}?unitId=${bekasi()}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      number: string;
      state: string;
      sla: { remainingMinutes: number; paused: boolean; stopped: boolean; state: string };
    }>;
    const states = new Set(items.map((i) => i.state));
    for (const s of ["submitted", "in_progress", "waiting_requester", "completed", "rejected", "cancelled"])
      expect(states).toContain(s);
    expect(items.some((i) => i.sla.state === "breached" && !i.sla.stopped)).toBe(true);
    const running = items.filter((i) => !i.sla.stopped && !i.sla.paused);
    for (let i = 1; i < running.length; i++)
      expect(running[i]!.sla.remainingMinutes).toBeGreaterThanOrEqual(running[i - 1]!.sla.remainingMinutes);
    const firstPaused = items.findIndex((i) => i.sla.paused);
    expect(firstPaused).toBeGreaterThanOrEqual(running.length);
    const breached = await head.request({
      method: "GET",
      url: `${SR_API.inbox}?unitId=${bekasi()}&sla=breached`,
    });
    expect(breached.json().items.length).toBeGreaterThan(0);
  });

  it("signs a requester in with an e-mail one-time code and lists their requests", async () => {
    const email = "pemenang.lelang@zona.demo";
    const start = await pub("POST", SR_API.otpStart, { email });
    expect(start.statusCode).toBe(202);
    const msg = await t.db
      .selectFrom("outbox")
      .select("payload")
      .where("dedupe_key", "like", "sr:otp:%")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const payload = typeof msg.payload === "string" ? JSON.parse(msg.payload) : msg.payload;
    expect(payload.to).toBe(email);
    const code = /(\d{6})/.exec(payload.subject)![1]!;
    const stored = await t.db
      .selectFrom("sr_otps")
      .select("code_hash")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);
    const bad = await pub("POST", SR_API.otpVerify, { email, code: code === "000000" ? "111111" : "000000" });
    expect(bad.json().error.code).toBe("SR_OTP_INVALID");
    const ok = await pub("POST", SR_API.otpVerify, { email, code });
    expect(ok.statusCode, ok.body).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === "zona_requester")!;
    expect(cookie.httpOnly).toBe(true);
    const replay = await pub("POST", SR_API.otpVerify, { email, code });
    expect(replay.json().error.code).toBe("SR_OTP_INVALID");
    const mine = await pub("GET", SR_API.mine, undefined, nextIp(), {
      cookie: `zona_requester=${cookie.value}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { number: string }) => i.number)).toContain(DEMO_NUMBER(5));
    // the cookie opens details without the secret
    const tracked = await pub("POST", SR_API.publicTrack, { number: DEMO_NUMBER(5) }, nextIp(), {
      cookie: `zona_requester=${cookie.value}`,
    });
    expect(tracked.json().detailed).toBe(true);
    expect(tracked.json().details.produced.docCode).toMatch(/^D/);
    // what a later upload (documents asked for) needs, from any phone
    expect(tracked.json().unitCode).toBe("KPKNL-BEKASI");
    expect(tracked.json().maxUploadBytes).toBe(10 * 1024 * 1024);
    expect((await pub("GET", SR_API.mine)).json().error.code).toBe("SR_REQUESTER_UNAUTHENTICATED");
    // attempts are limited: after 5 wrong codes even the right one is refused
    await pub("POST", SR_API.otpStart, { email: "x@example.com" });
    const row = await t.db
      .selectFrom("outbox")
      .select("payload")
      .where("dedupe_key", "like", "sr:otp:%")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const xCode = /(\d{6})/.exec(
      row
        .map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload))
        .find((p) => p.to === "x@example.com").subject,
    )![1]!;
    for (let i = 0; i < 5; i++)
      await pub("POST", SR_API.otpVerify, {
        email: "x@example.com",
        code: xCode === "123456" ? "654321" : "123456",
      });
    expect(
      (await pub("POST", SR_API.otpVerify, { email: "x@example.com", code: xCode })).json().error.code,
    ).toBe("SR_OTP_INVALID");
  });

  it("signs a requester in with a WhatsApp one-time code and lists the requests with that phone", async () => {
    const outboxOf = async (to: string) =>
      (
        await t.db
          .selectFrom("outbox")
          .select(["type", "payload", "dedupe_key"])
          .where("dedupe_key", "like", "sr:otp:%")
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .execute()
      )
        .map((r) => ({
          type: r.type,
          dedupeKey: r.dedupe_key,
          payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
        }))
        .filter((m) => m.payload.to === to);
    // typed the local way; the demo requests hold "+62 812 0000 0001" and "0812-0000-0001"
    const start = await pub("POST", SR_API.otpStart, { phone: "0812 0000 0001", lang: "en" });
    expect(start.statusCode, start.body).toBe(202);
    expect(start.json()).toEqual({ sent: true, expiresInSeconds: 600 });
    const [msg, ...others] = await outboxOf("6281200000001");
    expect(others).toHaveLength(0);
    expect(msg!.type).toBe("whatsapp");
    expect(msg!.dedupeKey).toMatch(/^sr:otp:/);
    // the kernel WhatsApp channel takes E.164 as international digits (the "+" dropped)
    expect(`+${msg!.payload.to}`).toBe(DEMO_REQUESTER_PHONE);
    expect(msg!.payload.template.name).toBe("zona_kode_masuk");
    expect(msg!.payload.template.language).toBe("en");
    const body = msg!.payload.template.components.find((c: { type: string }) => c.type === "body");
    const code = body.parameters[0].text as string;
    expect(code).toMatch(/^\d{6}$/);
    const button = msg!.payload.template.components.find((c: { type: string }) => c.type === "button");
    expect(button.parameters[0].text).toBe(code);
    const stored = await t.db
      .selectFrom("sr_otps")
      .selectAll()
      .where("phone", "=", DEMO_REQUESTER_PHONE)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);
    expect(stored.email).toBe("");

    // a wrong code is counted; the other spelling of the same number finds the same code
    const wrong = code === "000000" ? "111111" : "000000";
    const bad = await pub("POST", SR_API.otpVerify, { phone: "+62 812-0000-0001", code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("SR_OTP_INVALID");
    const counted = await t.db
      .selectFrom("sr_otps")
      .select("attempts")
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    expect(Number(counted.attempts)).toBe(1);
    // the code of a phone is not a code of an e-mail address
    const crossed = await pub("POST", SR_API.otpVerify, { email: "pemenang.lelang@zona.demo", code });
    expect(crossed.json().error.code).toBe("SR_OTP_INVALID");

    const ok = await pub("POST", SR_API.otpVerify, { phone: "6281200000001", code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      channel: "phone",
      phone: DEMO_REQUESTER_PHONE,
      phoneMasked: "+628***01",
      email: null,
      emailMasked: null,
    });
    const cookie = ok.cookies.find((c) => c.name === "zona_requester")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.path).toBe("/api/public/requests");
    const replay = await pub("POST", SR_API.otpVerify, { phone: "081200000001", code });
    expect(replay.json().error.code).toBe("SR_OTP_INVALID");

    const mine = await pub("GET", SR_API.mine, undefined, nextIp(), {
      cookie: `zona_requester=${cookie.value}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().session).toMatchObject({ channel: "phone", phone: DEMO_REQUESTER_PHONE });
    const numbers = mine.json().items.map((i: { number: string }) => i.number) as string[];
    // both spellings of the phone (odd and even demo requests) are matched
    expect(numbers).toEqual(expect.arrayContaining([DEMO_NUMBER(5), DEMO_NUMBER(6)]));
    const withPhone = await t.db
      .selectFrom("sr_requests")
      .select("number")
      .where("requester_phone_e164", "=", DEMO_REQUESTER_PHONE)
      .execute();
    expect([...numbers].sort()).toEqual(withPhone.map((r) => r.number).sort());
    // requests submitted with an e-mail only (the other tests) are not listed
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    expect(numbers.every((n) => n.startsWith("ALC-BKS0-"))).toBe(true);
    // the phone session opens the details of its requests without the secret
    const tracked = await pub("POST", SR_API.publicTrack, { number: DEMO_NUMBER(5) }, nextIp(), {
      cookie: `zona_requester=${cookie.value}`,
    });
    expect(tracked.json().detailed).toBe(true);

    // a request submitted with that phone typed another way is found by the same session
    const pay = await treasurer.request({
      method: "POST",
      url: SR_API.payments,
      payload: {
        unitId: bekasi(),
        auctionRef: "777/02/2026",
        buyerName: "Pemenang",
        objectDescription: "Avanza",
        amount: 90_000_000,
        paidInFull: true,
        paidAt: "2026-11-20",
        landOrBuilding: false,
      },
    });
    expect(pay.statusCode, pay.body).toBe(200);
    const submitted = await submit({
      serviceCode: "KRL",
      fields: krlFields("777/02/2026"),
      documents: [await ref("identity_card", sample.png(), "ktp.png"), await ref("payment_receipt")],
      requester: { name: "Pemenang Lelang", email: "lain@example.com", phone: "62-812-0000-0001" },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const again = await pub("GET", SR_API.mine, undefined, nextIp(), {
      cookie: `zona_requester=${cookie.value}`,
    });
    expect(again.json().items.map((i: { number: string }) => i.number)).toContain(submitted.json().number);
  });

  it("refuses a phone that is not an Indonesian mobile number, writing nothing", async () => {
    const before = {
      otps: await count("sr_otps"),
      outbox: await count("outbox"),
      audit: await count("audit_events"),
    };
    for (const phone of ["0211234567", "+6521234567", "12345", "0812", "08123456789012345", "0812abc45678"]) {
      const res = await pub("POST", SR_API.otpStart, { phone });
      expect(res.statusCode, phone).toBe(422);
      expect(res.json().error.code).toBe("SR_PHONE_INVALID");
      const verify = await pub("POST", SR_API.otpVerify, { phone, code: "123456" });
      expect(verify.statusCode, phone).toBe(422);
    }
    const en = await pub("POST", SR_API.otpStart, { phone: "021-1234-567" }, nextIp(), {
      "accept-language": "en",
    });
    expect(en.json().error.message).toMatch(/Indonesian mobile number|nomor seluler Indonesia/);
    // exactly one of e-mail and phone
    const both = await pub("POST", SR_API.otpStart, { email: "a@example.com", phone: "081200000001" });
    expect(both.statusCode).toBe(400);
    const neither = await pub("POST", SR_API.otpStart, { lang: "id" });
    expect(neither.statusCode).toBe(400);
    expect({
      otps: await count("sr_otps"),
      outbox: await count("outbox"),
      audit: await count("audit_events"),
    }).toEqual(before);
  });

  it("limits phone codes per number (3 per 15 minutes), separately from e-mail", async () => {
    const phone = "0813 9999 0001";
    for (let i = 0; i < 3; i++) expect((await pub("POST", SR_API.otpStart, { phone })).statusCode).toBe(202);
    const fourth = await pub("POST", SR_API.otpStart, { phone: "+6281399990001" });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe("SR_OTP_TOO_MANY");
    expect((await pub("POST", SR_API.otpStart, { phone: "081399990002" })).statusCode).toBe(202);
    const rows = await t.db
      .selectFrom("sr_otps")
      .select("expires_at")
      .where("phone", "=", "+6281399990001")
      .execute();
    expect(rows).toHaveLength(3);
  });

  it("sends SLA warnings and breaches exactly once (job run twice)", async () => {
    const svc = serviceRequestService(t.ctx);
    const first = await svc.runSla();
    const second = await svc.runSla();
    expect(first.breaches).toBeGreaterThan(0);
    expect(second).toEqual({ warnings: 0, breaches: 0 });
    const markers = await t.db
      .selectFrom("outbox")
      .select("dedupe_key")
      .where("type", "=", "requests.sla")
      .execute();
    expect(new Set(markers.map((m) => m.dedupe_key)).size).toBe(markers.length);
  });

  it("manages the catalogue with requests.configure, audited; starters are offered to any unit", async () => {
    const list = await head.request({ method: "GET", url: `${SR_API.catalogue}?unitId=${bekasi()}` });
    const krl = list.json().items.find((s: { code: string }) => s.code === "KRL");
    const changed = await head.request({
      method: "PUT",
      url: SR_API.catalogueItem(krl.id),
      payload: {
        ...pick(krl),
        sla: {
          ...krl.sla,
          resolutionHours: 12,
          unconfirmed: false,
          source: "SOP Seksi Pelayanan Lelang 2026",
        },
        version: krl.version,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().sla.resolutionHours).toBe(12);
    const stale = await head.request({
      method: "PUT",
      url: SR_API.catalogueItem(krl.id),
      payload: { ...pick(krl), version: krl.version },
    });
    expect(stale.json().error.code).toBe("SR_VERSION_CONFLICT");
    expect(
      (
        await official.request({
          method: "PUT",
          url: SR_API.catalogueItem(krl.id),
          payload: { ...pick(krl), version: krl.version + 1 },
        })
      ).statusCode,
    ).toBe(403);
    const inUse = await head.request({ method: "DELETE", url: SR_API.catalogueItem(krl.id) });
    expect(inUse.json().error.code).toBe("SR_SERVICE_IN_USE");
    const created = await head.request({
      method: "POST",
      url: SR_API.catalogue,
      payload: {
        ...pick(krl),
        unitId: bekasi(),
        code: "SKPT",
        requirements: [],
        fields: [],
        releaseRule: "none",
        template: "generic",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await head.request({
      method: "POST",
      url: SR_API.catalogue,
      payload: {
        ...pick(krl),
        unitId: bekasi(),
        code: "SKPT",
        requirements: [],
        fields: [],
        releaseRule: "none",
        template: "generic",
      },
    });
    expect(dup.json().error.code).toBe("SR_SERVICE_CODE_TAKEN");
    expect(
      (await head.request({ method: "DELETE", url: SR_API.catalogueItem(created.json().id) })).statusCode,
    ).toBe(204);
    const starters = await bandungHead.request({
      method: "GET",
      url: `${SR_API.starters}?unitId=${t.units["KPKNL-BANDUNG"]}`,
    });
    expect(starters.statusCode).toBe(200);
    expect(starters.json().items).toHaveLength(4);
    const audits = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", krl.id)
      .execute();
    expect(audits.map((a) => a.action)).toContain("requests.service.updated");
  });

  it("gives the dashboard with compliance, average completion and breaches, and an XLSX", async () => {
    const q = `unitId=${bekasi()}&from=2026-01-01&to=2026-12-31`;
    const res = await head.request({ method: "GET", url: `${SR_API.dashboard}?${q}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.total.submitted).toBeGreaterThanOrEqual(10);
    expect(d.total.completed).toBeGreaterThanOrEqual(3);
    expect(d.total.complianceRate).toBeGreaterThan(0);
    expect(d.total.complianceRate).toBeLessThan(100);
    expect(d.breaches.some((b: { reason: string | null }) => b.reason?.includes("cuti"))).toBe(true);
    const x = await head.request({ method: "GET", url: `${SR_API.dashboardXlsx}?${q}` });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    expect((await bandungHead.request({ method: "GET", url: `${SR_API.dashboard}?${q}` })).statusCode).toBe(
      403,
    );
  });
});

function pick(s: Record<string, unknown>) {
  const { code, name, description, requirements, fields, sla, handler, template, releaseRule, active } = s;
  return { code, name, description, requirements, fields, sla, handler, template, releaseRule, active };
}
