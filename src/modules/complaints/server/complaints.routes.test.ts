import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { complaintFigures, complaintService, complaintsModule } from ".";
import { DEMO_CODE, DEMO_SECRET } from "./demo";

describe.each(testLanes())("complaints routes on $name", (lane) => {
  let t: TestApp;
  let officer: Session; // service officer, KPKNL Bekasi
  let head: Session;
  let bandungHead: Session;
  let tpi: Session;
  let employee: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  let ip = 0;
  const nextIp = () => `10.1.${Math.floor(++ip / 200)}.${ip % 200}`;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [officer, head, bandungHead, tpi, employee] = await Promise.all([
      t.login("layanan@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
      t.login("tpi@zona.demo"),
      t.login("pegawai@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const pub = (method: string, url: string, payload?: unknown, remoteAddress = nextIp()) =>
    t.app.inject({ method: method as "POST", url, payload: payload as object, remoteAddress });
  const intake = async (extra: object = {}) => {
    const res = await pub("POST", "/api/public/complaints", {
      unitCode: "KPKNL-BEKASI",
      category: "pengaduan",
      service: "Lelang",
      description: "Uang jaminan lelang belum kembali setelah dua minggu.",
      contactEmail: "Pelapor@Example.com",
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { code: string; secret: string; receivedAt: string; verifyDue: string };
  };
  const idOf = async (code: string) =>
    (await t.db.selectFrom("cmp_cases").select("id").where("code", "=", code).executeTakeFirstOrThrow())
      .id as string;
  const move = (s: Session, id: string, body: object) =>
    s.request({ method: "POST", url: `/api/complaints/${id}/transitions`, payload: body });
  const auditCount = async (action: string) =>
    Number(
      (
        await t.db
          .selectFrom("audit_events")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("gives the public form its unit, and 404 for an unknown code", async () => {
    const ok = await pub("GET", "/api/public/complaints/units/KPKNL-BEKASI");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: "KPKNL-BEKASI", name: expect.stringContaining("Bekasi") });
    const missing = await pub("GET", "/api/public/complaints/units/NOPE");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("CMP_UNIT_NOT_FOUND");
  });

  it("takes a complaint without an account, with a working-day verification deadline", async () => {
    // test clock: Friday 27 Nov 2026 09:00 WIB → 3 working days → Wednesday 2 Dec, closing 16:00 WIB
    const r = await intake();
    expect(r.code).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(r.secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(r.verifyDue).toBe("2026-12-02T09:00:00.000Z");
    const row = await t.db
      .selectFrom("cmp_cases")
      .selectAll()
      .where("code", "=", r.code)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("received");
    expect(row.contact_email).toBe("pelapor@example.com");
    expect(row.secret_hash).not.toContain(r.secret); // only a hash is kept
    expect(String(row.statutory_respond_due)).toBe("2026-12-11"); // UU 25/2009: 14 calendar days
  });

  it("stores script as text and returns it verbatim", async () => {
    const evil = '<script>alert("x")</script> jaminan belum kembali';
    const r = await intake({ description: evil, service: "<img src=x onerror=alert(1)>" });
    const res = await pub("POST", "/api/public/complaints/track", { code: r.code, secret: r.secret });
    expect(res.statusCode).toBe(200);
    expect(res.json().description).toBe(evil);
    expect(res.headers["content-type"]).toContain("application/json");
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await t.db
      .selectFrom("cmp_cases")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const res = await pub("POST", "/api/public/complaints", {
      unitCode: "KPKNL-BEKASI",
      category: "gossip",
      service: "Lelang",
      description: "pendek",
      contactEmail: "not-an-email",
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.issues.map((i: { path: string }) => i.path)
      .join(" ");
    expect(paths).toMatch(/category/);
    expect(paths).toMatch(/description/);
    expect(paths).toMatch(/contactEmail/);
    const after = await t.db
      .selectFrom("cmp_cases")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("tracks with the right secret; a wrong secret and an unknown code answer alike", async () => {
    const r = await intake();
    const ok = await pub("POST", "/api/public/complaints/track", {
      code: r.code.toLowerCase(),
      secret: r.secret,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: r.code, status: "received", canReply: true, canRate: false });
    const wrong = await pub("POST", "/api/public/complaints/track", {
      code: r.code,
      secret: "AAAA-AAAA-AAAA-AAAA",
    });
    const unknown = await pub("POST", "/api/public/complaints/track", {
      code: "ADU-ZZZZ-ZZZZ",
      secret: r.secret,
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: string) => ({ ...JSON.parse(b).error, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });

  it("throttles guessing and floods per address (429)", async () => {
    const addr = "10.9.9.9";
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push(
        (await pub("POST", "/api/public/complaints/track", { code: "ADU-ZZZZ-ZZZZ", secret: `X${i}` }, addr))
          .statusCode,
      );
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes[20]).toBe(429);
    const other = await pub(
      "POST",
      "/api/public/complaints/track",
      { code: "ADU-ZZZZ-ZZZZ", secret: "X" },
      "10.9.9.10",
    );
    expect(other.statusCode).toBe(404);

    const flood = "10.9.8.8";
    const body = {
      unitCode: "KPKNL-BEKASI",
      category: "aspirasi",
      service: "Lelang",
      description: "Mohon jam layanan diperpanjang.",
    };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await pub("POST", "/api/public/complaints", body, flood)).statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
    expect(t.logs.join("\n")).not.toContain(flood);
  });

  it("accepts a sniffed attachment, refuses executables and oversized files", async () => {
    const r = await intake();
    const send = (filename: string, data: Buffer, type = "application/octet-stream") =>
      t.app.inject({
        method: "POST",
        url: "/api/public/complaints/track/attachments",
        remoteAddress: nextIp(),
        ...form([
          { name: "code", value: r.code },
          { name: "secret", value: r.secret },
          { name: "file", filename, type, data },
        ]),
      });
    const ok = await send("bukti.pdf", sample.pdf("bukti"), "application/pdf");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().attachments).toEqual([expect.objectContaining({ name: "bukti.pdf" })]);
    const exe = await send("bukti.pdf.exe", sample.exe());
    expect(exe.statusCode).toBe(415);
    const big = await send("besar.pdf", Buffer.concat([sample.pdf("x"), Buffer.alloc(5 * 1024 * 1024 + 10)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("CMP_ATTACHMENT_TOO_LARGE");
    const wrongSecret = await t.app.inject({
      method: "POST",
      url: "/api/public/complaints/track/attachments",
      remoteAddress: nextIp(),
      ...form([
        { name: "code", value: r.code },
        { name: "secret", value: "AAAA-AAAA-AAAA-AAAA" },
        { name: "file", filename: "b.pdf", type: "application/pdf", data: sample.pdf("b") },
      ]),
    });
    expect(wrongSecret.statusCode).toBe(404);
    const n = await t.db
      .selectFrom("cmp_attachments")
      .selectAll()
      .where("case_id", "=", await idOf(r.code))
      .execute();
    expect(n).toHaveLength(1);
  });

  it("runs the workflow in order, refuses steps out of order, and lets the complainant reply and rate", async () => {
    const r = await intake();
    const id = await idOf(r.code);
    const early = await move(officer, id, {
      command: "answer",
      answer: "Jawaban terlalu dini untuk diberikan.",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("CMP_TRANSITION_REFUSED");

    const v = await move(officer, id, { command: "verify", slaClass: "regular" });
    expect(v.statusCode, v.body).toBe(200);
    // 14 working days from Fri 27 Nov 2026 (25 Dec Natal + 24 Dec cuti bersama) → closing of that day
    expect(v.json().stages.find((s: { stage: string }) => s.stage === "resolve").due).toMatch(
      /^2026-12-1[6-9]T09:00/,
    );

    const people = (
      await officer.request({ method: "GET", url: `/api/complaints/assignees?unitId=${bekasi()}` })
    ).json().items;
    const me = people.find((p: { email: string }) => p.email === "layanan@zona.demo");
    expect(me).toBeTruthy();
    expect(people.some((p: { email: string }) => p.email === "pegawai@zona.demo")).toBe(false);
    const bad = await move(officer, id, { command: "assign", assigneeId: "nobody" });
    expect(bad.statusCode).toBe(400);
    expect(
      (await move(officer, id, { command: "assign", assigneeId: me.id, note: "Tolong cek bank." }))
        .statusCode,
    ).toBe(200);
    expect((await move(officer, id, { command: "start" })).statusCode).toBe(200);

    const note = await officer.request({
      method: "POST",
      url: `/api/complaints/${id}/notes`,
      payload: { body: "Catatan internal: cek mutasi." },
    });
    expect(note.statusCode).toBe(200);
    const reply = await pub("POST", "/api/public/complaints/track/reply", {
      code: r.code,
      secret: r.secret,
      message: "Nomor rekening saya 123.",
    });
    expect(reply.statusCode).toBe(200);
    const early2 = await pub("POST", "/api/public/complaints/track/rating", {
      code: r.code,
      secret: r.secret,
      score: 5,
    });
    expect(early2.statusCode).toBe(409);

    const ans = await move(officer, id, {
      command: "answer",
      answer: "Uang jaminan sudah dikembalikan ke rekening Anda.",
    });
    expect(ans.statusCode).toBe(200);
    const detail = ans.json();
    expect(detail.status).toBe("answered");
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      "received",
      "verified",
      "assigned",
      "started",
      "note",
      "reply",
      "answered",
    ]);
    const outbox = await t.db
      .selectFrom("outbox")
      .select(["dedupe_key", "payload"])
      .where("dedupe_key", "like", `cmp:${id}:%`)
      .execute();
    expect(outbox.map((o) => o.dedupe_key)).toEqual(
      expect.arrayContaining([
        `cmp:${id}:received`,
        expect.stringMatching(/:assign:/),
        expect.stringMatching(/:answer:/),
      ]),
    );

    const tracked = (
      await pub("POST", "/api/public/complaints/track", { code: r.code, secret: r.secret })
    ).json();
    expect(tracked.answer).toBe("Uang jaminan sudah dikembalikan ke rekening Anda.");
    expect(tracked.canRate).toBe(true);
    expect(JSON.stringify(tracked)).not.toContain("Catatan internal"); // internal notes stay internal
    const rate = await pub("POST", "/api/public/complaints/track/rating", {
      code: r.code,
      secret: r.secret,
      score: 5,
      comment: "Cepat",
    });
    expect(rate.statusCode).toBe(200);
    expect(rate.json().rating).toEqual({ score: 5, comment: "Cepat" });
    expect(
      (await pub("POST", "/api/public/complaints/track/rating", { code: r.code, secret: r.secret, score: 1 }))
        .statusCode,
    ).toBe(409);
    expect((await move(officer, id, { command: "close" })).statusCode).toBe(200);
    expect((await move(officer, id, { command: "start" })).statusCode).toBe(409);
  });

  it("records rejections with a reason and forwards with a reference", async () => {
    const a = await idOf((await intake()).code);
    const rej = await move(officer, a, {
      command: "reject",
      kind: "not_authority",
      reason: "Kewenangan Kantor Pertanahan, bukan KPKNL.",
    });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: "rejected", decisionKind: "not_authority" });
    const short = await move(officer, await idOf((await intake()).code), {
      command: "reject",
      kind: "not_authority",
      reason: "x",
    });
    expect(short.statusCode).toBe(400);
    const b = await idOf((await intake()).code);
    const fwd = await move(officer, b, {
      command: "forward",
      channel: "sp4n_lapor",
      reference: "LAPOR-2026-0001",
    });
    expect(fwd.statusCode).toBe(200);
    expect(fwd.json()).toMatchObject({
      status: "forwarded",
      forwardChannel: "sp4n_lapor",
      forwardReference: "LAPOR-2026-0001",
    });
  });

  it("keeps handlers in their scope: refused, nothing changed, audited", async () => {
    const id = await idOf((await intake()).code);
    const refusedBefore = await auditCount("complaints.access.refused");
    const res = await move(bandungHead, id, { command: "verify", slaClass: "regular" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("OUT_OF_SCOPE");
    expect((await bandungHead.request({ method: "GET", url: `/api/complaints/${id}` })).statusCode).toBe(403);
    expect(await auditCount("complaints.access.refused")).toBe(refusedBefore + 2);
    const row = await t.db
      .selectFrom("cmp_cases")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("received");
    // read-only roles
    expect((await tpi.request({ method: "GET", url: `/api/complaints/${id}` })).statusCode).toBe(200);
    expect((await move(tpi, id, { command: "verify", slaClass: "regular" })).statusCode).toBe(403);
    expect((await employee.request({ method: "GET", url: "/api/complaints" })).statusCode).toBe(403);
    const bandungList = (await bandungHead.request({ method: "GET", url: "/api/complaints" })).json().items;
    expect(bandungList.every((c: { unitId: string }) => c.unitId !== bekasi())).toBe(true);
  });

  it("lists the demo office's cases in every state, with SLA colours and filters", async () => {
    const items = (await head.request({ method: "GET", url: `/api/complaints?unitId=${bekasi()}` })).json()
      .items as Array<{
      code: string;
      status: string;
      sla: string | null;
      forwardChannel: string | null;
    }>;
    const statuses = new Set(items.map((i) => i.status));
    for (const s of [
      "received",
      "verified",
      "assigned",
      "in_progress",
      "answered",
      "closed",
      "rejected",
      "forwarded",
    ])
      expect(statuses).toContain(s);
    expect(items.find((i) => i.code === DEMO_CODE(2))?.sla).toBe("overdue");
    expect(items.find((i) => i.code === DEMO_CODE(5))?.sla).toBe("overdue");
    expect(items.some((i) => i.forwardChannel === "sp4n_lapor")).toBe(true);
    const overdue = (
      await head.request({ method: "GET", url: `/api/complaints?unitId=${bekasi()}&sla=overdue` })
    ).json().items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i: { sla: string }) => i.sla === "overdue")).toBe(true);
    const demo = await pub("POST", "/api/public/complaints/track", {
      code: DEMO_CODE(7),
      secret: DEMO_SECRET(7).toLowerCase(),
    });
    expect(demo.statusCode).toBe(200);
    expect(demo.json().status).toBe("closed");
  });

  it("sends reminders and escalations once, however often the job runs", async () => {
    const job = complaintsModule.jobs!.find((j) => j.name === "complaints.sla")!;
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("outbox")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("dedupe_key", "like", "cmp:%:escalation%")
            .executeTakeFirstOrThrow()
        ).n,
      );
    await job.run(t.ctx, { startsAt: t.clock.now() });
    const first = await count();
    expect(first).toBeGreaterThan(0);
    const again = await complaintService(t.ctx).runSla(t.clock.now());
    expect(again).toEqual({ reminders: 0, escalations: 0 });
    expect(await count()).toBe(first);
    const id = await idOf(DEMO_CODE(2));
    const events = await t.db
      .selectFrom("cmp_events")
      .select("kind")
      .where("case_id", "=", id)
      .where("kind", "=", "escalation")
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(1);
    const esc = await t.db
      .selectFrom("outbox")
      .select("payload")
      .where("dedupe_key", "like", `cmp:${id}:verify:escalation:%`)
      .execute();
    expect(esc.map((e) => JSON.parse(String(e.payload)).to)).toContain("kepala.bekasi@zona.demo");
  });

  it("reports figures for the LKE worksheet and exports the recap", async () => {
    const f = await complaintFigures(t.ctx, bekasi(), "2026-01-01", "2026-12-31");
    expect(f.received).toBeGreaterThan(10);
    expect(f.completed).toBeLessThanOrEqual(f.received);
    expect(f.completedOnTime).toBeLessThanOrEqual(f.completed);
    expect(f.percentCompleted).toBeCloseTo((f.completed / f.received) * 100, 0);
    expect(f.months).toHaveLength(12);
    const recap = await head.request({
      method: "GET",
      url: `/api/complaints/recap?unitId=${bekasi()}&year=2026`,
    });
    expect(recap.statusCode).toBe(200);
    expect(recap.json().total.received).toBe(f.received);
    const x = await head.request({
      method: "GET",
      url: `/api/complaints/recap.xlsx?unitId=${bekasi()}&year=2026`,
    });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(
      (
        await bandungHead.request({
          method: "GET",
          url: `/api/complaints/recap?unitId=${bekasi()}&year=2026`,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("links the recap to LKE questions as evidence", async () => {
    const coord = await t.login("koordinator.zi@zona.demo");
    const keys = ["pemenuhan.pw.pengaduan-masyarakat.b", "pemenuhan.pw.pengaduan-masyarakat.c"];
    const res = await coord.request({
      method: "POST",
      url: "/api/complaints/recap/evidence",
      payload: { unitId: bekasi(), year: 2026, questionKeys: keys },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evidence).toEqual(keys);
    const unknown = await coord.request({
      method: "POST",
      url: "/api/complaints/recap/evidence",
      payload: { unitId: bekasi(), year: 2026, questionKeys: ["no.such.question"] },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("serves the rule set with sources and lets the head override a number", async () => {
    const rules = (
      await officer.request({ method: "GET", url: `/api/complaints/rules?unitId=${bekasi()}` })
    ).json();
    const verify = rules.items.find((i: { key: string }) => i.key === "verify");
    expect(verify).toMatchObject({ days: 3, kind: "working", confirmed: true });
    expect(rules.items.find((i: { key: string }) => i.key === "respond").confirmed).toBe(false);
    expect(
      (
        await officer.request({
          method: "PUT",
          url: "/api/complaints/rules",
          payload: { unitId: bekasi(), overrides: { verify: 2 } },
        })
      ).statusCode,
    ).toBe(403);
    const put = await head.request({
      method: "PUT",
      url: "/api/complaints/rules",
      payload: { unitId: bekasi(), overrides: { verify: 2 } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items.find((i: { key: string }) => i.key === "verify")).toMatchObject({
      days: 2,
      confidence: "U",
    });
    const r = await intake();
    expect(r.verifyDue).toBe("2026-12-01T09:00:00.000Z");
    await head.request({
      method: "PUT",
      url: "/api/complaints/rules",
      payload: { unitId: bekasi(), overrides: {} },
    });
  });

  it("refuses overrides out of bounds or out of order, naming the number, and keeps the old ones", async () => {
    const put = (overrides: object) =>
      head.request({ method: "PUT", url: "/api/complaints/rules", payload: { unitId: bekasi(), overrides } });
    const ok = await put({ regular: 10, reminder: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = ok.json();
    expect(saved.canConfigure).toBe(true);
    expect(saved.overrides).toEqual({ regular: 10, reminder: 2 });
    expect(saved.reminderWorkingDaysBefore).toBe(2);
    expect(saved.defaultReminderWorkingDaysBefore).toBe(1);
    expect(saved.items.find((i: { key: string }) => i.key === "regular")).toMatchObject({
      days: 10,
      defaultDays: 14,
      overrideKey: "regular",
      confidence: "U",
      confirmed: false,
    });
    expect(saved.items.find((i: { key: string }) => i.key === "statutoryDecide")).toMatchObject({
      overrideKey: null,
      defaultDays: 60,
    });
    const cases: Array<[object, string, string]> = [
      [{ verify: 31 }, "CMP_RULE_RANGE", "verify"],
      [{ regular: 3 }, "CMP_RULE_AT_LEAST", "regular"],
      [{ information: 20 }, "CMP_RULE_AT_MOST", "information"],
      [{ reminder: 3 }, "CMP_RULE_BELOW", "reminder"],
    ];
    for (const [overrides, code, key] of cases) {
      const res = await put(overrides);
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.params.key).toBe(key);
    }
    const zero = await put({ verify: 0 });
    expect(zero.statusCode).toBe(400);
    const after = (
      await officer.request({ method: "GET", url: `/api/complaints/rules?unitId=${bekasi()}` })
    ).json();
    expect(after.overrides).toEqual({ regular: 10, reminder: 2 });
    expect(after.canConfigure).toBe(false); // the officer reads, the head configures
    expect((await put({})).statusCode).toBe(200);
  });

  it("records a complaint received at the counter, by phone or by letter, in the handler's scope", async () => {
    const body = {
      unitId: bekasi(),
      channel: "letter",
      receivedAt: "2026-11-25T03:00:00.000Z", // Wednesday, registered two days later
      reference: "Surat No. 12/WB/XI/2026",
      category: "pengaduan",
      service: "Lelang",
      description: "Pemenang lelang belum menerima kutipan risalah lelang.",
      contactName: "Budi Santoso",
      contactPhone: "0812 3456 7890",
    };
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("cmp_cases")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await officer.request({ method: "POST", url: "/api/complaints/intake", payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.code).toMatch(/^ADU-/);
    expect(r.receivedAt).toBe("2026-11-25T03:00:00.000Z");
    expect(r.verifyDue).toBe("2026-11-30T09:00:00.000Z"); // Thu, Fri, Mon → Monday 16:00 WIB
    const detail = (await officer.request({ method: "GET", url: `/api/complaints/${r.id}` })).json();
    expect(detail).toMatchObject({ channel: "letter", status: "received", contactName: "Budi Santoso" });
    expect(detail.events[0]).toMatchObject({
      kind: "received",
      data: { channel: "letter", reference: "Surat No. 12/WB/XI/2026" },
    });
    expect(detail.events[0].actorName).not.toBe("Pelapor");
    // the complainant tracks it with the receipt's code and secret
    const tracked = await pub("POST", "/api/public/complaints/track", { code: r.code, secret: r.secret });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().status).toBe("received");
    // bad input: named field, nothing written
    const bad = [
      { ...body, channel: "fax" },
      { ...body, receivedAt: "2026-11-28T03:00:00.000Z" },
      { ...body, receivedAt: "2026-10-01T03:00:00.000Z" },
      { ...body, description: "pendek" },
    ];
    for (const b of bad) {
      const x = await officer.request({ method: "POST", url: "/api/complaints/intake", payload: b });
      expect(x.statusCode, JSON.stringify(b)).toBe(400);
    }
    const future = await officer.request({ method: "POST", url: "/api/complaints/intake", payload: bad[1] });
    expect(future.json().error).toMatchObject({
      code: "CMP_RECEIVED_AT_INVALID",
      params: { field: "receivedAt" },
    });
    // scope: another office's head and read-only roles are refused
    expect(
      (await bandungHead.request({ method: "POST", url: "/api/complaints/intake", payload: body }))
        .statusCode,
    ).toBe(403);
    expect(
      (await tpi.request({ method: "POST", url: "/api/complaints/intake", payload: body })).statusCode,
    ).toBe(403);
    expect(await count()).toBe(before + 1);
  });

  it("lets a handler attach an uploaded file to a case; another unit's file or handler is refused", async () => {
    const id = await idOf((await intake()).code);
    const upload = async (s: Session, unitId: string) => {
      const res = await s.request({
        method: "POST",
        url: "/api/files",
        ...form([
          { name: "unitId", value: unitId },
          { name: "file", filename: "berita-acara.pdf", type: "application/pdf", data: sample.pdf("ba") },
        ]),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const fileId = await upload(officer, bekasi());
    const res = await officer.request({
      method: "POST",
      url: `/api/complaints/${id}/attachments`,
      payload: { fileId },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attachments).toEqual([
      expect.objectContaining({ fileId, name: "berita-acara.pdf", source: "staff" }),
    ]);
    expect(res.json().events.at(-1)).toMatchObject({ kind: "attachment", visibility: "internal" });
    // Attaching the same file again (a retry) is a no-op, not a duplicate-key 500 (authz matrix finding).
    const again = await officer.request({
      method: "POST",
      url: `/api/complaints/${id}/attachments`,
      payload: { fileId },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().attachments).toHaveLength(1);
    expect(again.json().events.filter((e: { kind: string }) => e.kind === "attachment")).toHaveLength(1);
    const bandungFile = await upload(bandungHead, t.units["KPKNL-BANDUNG"]!);
    const other = await officer.request({
      method: "POST",
      url: `/api/complaints/${id}/attachments`,
      payload: { fileId: bandungFile },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe("CMP_FILE_OTHER_UNIT");
    const refused = await bandungHead.request({
      method: "POST",
      url: `/api/complaints/${id}/attachments`,
      payload: { fileId },
    });
    expect(refused.statusCode).toBe(403);
  });
});
