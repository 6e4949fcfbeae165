import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { integrityFigures, integrityModule } from "./index";

describe.each(testLanes())("gratification and conflict of interest on $name", (lane) => {
  let t: TestApp;
  let coordinator: Session; // UPG (gratification.review) and COI reviewer
  let head: Session;
  let pegawai: Session;
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  const gift = (extra: Record<string, unknown> = {}) => ({
    unitId: bekasi(),
    giverName: "PT Mitra Lelang",
    giverRelation: "Pemohon lelang",
    occasion: "lainnya",
    form: "barang",
    description: "Parsel buah",
    valueIdr: 850_000,
    receivedOn: "2026-11-02",
    action: "diterima",
    ...extra,
  });

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coordinator, head, pegawai, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  it("lets an employee report a gift with working-day deadlines under the rules of its date", async () => {
    const r = await pegawai.request({
      method: "POST",
      url: "/api/integrity/gratification/reports",
      payload: gift(),
    });
    expect(r.statusCode).toBe(201);
    const rep = r.json();
    expect(rep).toMatchObject({
      status: "reported",
      reportedOn: "2026-11-27",
      valueIdr: 850_000,
      reportedOnTime: true,
    });
    expect(rep.number).toMatch(/^GRAT-2026-\d{4}$/);
    expect(rep.deadlines).toMatchObject({
      ruleSetId: "perkpk-1-2026",
      reportToKpkBy: "2026-12-14",
      reportToUpgBy: "2026-11-16",
    });
    // Reported 27 Nov: the UPG must forward within 10 working days of that.
    expect(rep.deadlines.upgForwardBy).toBe("2026-12-11");
    const mine = (await pegawai.request({ method: "GET", url: "/api/integrity/gratification/mine" })).json()
      .items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(rep.id);
    // The UPG is told.
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("dedupe_key", "like", `grat:${rep.id}:new:%`)
      .execute();
    expect(mail.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad input with a clear message and nothing written", async () => {
    const future = await pegawai.request({
      method: "POST",
      url: "/api/integrity/gratification/reports",
      payload: gift({ receivedOn: "2026-12-01" }),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe("GRAT_DATE_IN_FUTURE");
    const bad = await pegawai.request({
      method: "POST",
      url: "/api/integrity/gratification/reports",
      payload: gift({ receivedOn: "2026-02-30" }),
    });
    expect(bad.json().error.code).toBe("GRAT_DATE_INVALID");
    const money = await pegawai.request({
      method: "POST",
      url: "/api/integrity/gratification/reports",
      payload: gift({ valueIdr: 10.5 }),
    });
    expect(money.statusCode).toBe(400);
    expect(money.json().error.issues[0].path).toContain("valueIdr");
    const other = await pegawai.request({
      method: "POST",
      url: "/api/integrity/gratification/reports",
      payload: gift({ unitId: t.units["KPKNL-BANDUNG"] }),
    });
    expect(other.statusCode).toBe(403);
  });

  it("takes a report through UPG review, forwarding to KPK with its reference, and KPK's decision", async () => {
    const rep = (
      await pegawai.request({
        method: "POST",
        url: "/api/integrity/gratification/reports",
        payload: gift({ valueIdr: 2_000_000 }),
      })
    ).json();
    // The employee cannot review, nor can another office's head, nor the head (not UPG by default).
    for (const s of [pegawai, head, bandungHead]) {
      const r = await s.request({
        method: "POST",
        url: `/api/integrity/gratification/reports/${rep.id}/forward`,
        payload: { kpkReference: "X", forwardedOn: "2026-11-27" },
      });
      expect(r.statusCode).toBe(403);
    }
    const early = await coordinator.request({
      method: "POST",
      url: `/api/integrity/gratification/reports/${rep.id}/decision`,
      payload: { decision: "milik_negara", decidedOn: "2026-11-27" },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("GRAT_BAD_STATE");
    const noRef = await coordinator.request({
      method: "POST",
      url: `/api/integrity/gratification/reports/${rep.id}/forward`,
      payload: { kpkReference: "  ", forwardedOn: "2026-11-27" },
    });
    expect(noRef.json().error.code).toBe("GRAT_KPK_REFERENCE_REQUIRED");
    const reviewed = await coordinator.request({
      method: "POST",
      url: `/api/integrity/gratification/reports/${rep.id}/review`,
      payload: { note: "Wajib diteruskan ke KPK." },
    });
    expect(reviewed.json().status).toBe("reviewed");
    const fwd = await coordinator.request({
      method: "POST",
      url: `/api/integrity/gratification/reports/${rep.id}/forward`,
      payload: { kpkReference: "GOL-2026-991", forwardedOn: "2026-11-27" },
    });
    expect(fwd.statusCode).toBe(200);
    expect(fwd.json()).toMatchObject({
      status: "forwarded",
      kpkReference: "GOL-2026-991",
      forwardedOn: "2026-11-27",
    });
    const dec = await coordinator.request({
      method: "POST",
      url: `/api/integrity/gratification/reports/${rep.id}/decision`,
      payload: { decision: "milik_negara", decidedOn: "2026-11-27", decisionReference: "SK-1" },
    });
    expect(dec.json()).toMatchObject({ status: "decided", decision: "milik_negara" });
    const audit = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", rep.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "gratification.reported",
        "gratification.reviewed",
        "gratification.forwarded_to_kpk",
        "gratification.decided",
      ]),
    );
    // Someone else's report is not readable by an employee.
    const otherEmployee = await t.login("layanan@zona.demo");
    expect(
      (await otherEmployee.request({ method: "GET", url: `/api/integrity/gratification/reports/${rep.id}` }))
        .statusCode,
    ).toBe(403);
  });

  it("sends each reminder once however often the daily job runs", async () => {
    const job = integrityModule.jobs!.find((j) => j.name === "integrity.gratification-reminders")!;
    const rep = (
      await pegawai.request({
        method: "POST",
        url: "/api/integrity/gratification/reports",
        payload: gift({ receivedOn: "2026-11-20" }),
      })
    ).json();
    const count = async () =>
      (
        await t.db
          .selectFrom("outbox")
          .select("dedupe_key")
          .where("dedupe_key", "like", `grat:${rep.id}:upg-%`)
          .execute()
      ).length;
    await job.run(t.ctx, { startsAt: t.clock.now() });
    expect(await count()).toBe(0);
    // Two working days before the UPG's limit (11 Dec).
    t.clock.set("2026-12-09T02:00:00.000Z");
    await job.run(t.ctx, { startsAt: t.clock.now() });
    const soon = await count();
    expect(soon).toBeGreaterThanOrEqual(1);
    await job.run(t.ctx, { startsAt: t.clock.now() });
    expect(await count()).toBe(soon);
    t.clock.set("2026-12-14T02:00:00.000Z");
    await job.run(t.ctx, { startsAt: t.clock.now() });
    await job.run(t.ctx, { startsAt: t.clock.now() });
    expect(await count()).toBe(soon * 2);
    const kinds = await t.db
      .selectFrom("grat_reminders")
      .select("kind")
      .where("report_id", "=", rep.id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(["upg-forward-due-soon", "upg-forward-overdue"]);
    t.clock.set("2026-11-27T02:00:00.000Z");
  });

  it("keeps the register, a yearly recap and campaign items; the demo has a refused and a forwarded gift", async () => {
    const list = (
      await coordinator.request({
        method: "GET",
        url: `/api/integrity/gratification/reports?unitId=${bekasi()}&year=2026`,
      })
    ).json().items;
    expect(list.some((r: { action: string }) => r.action === "ditolak")).toBe(true);
    expect(list.some((r: { kpkReference: string | null }) => r.kpkReference)).toBe(true);
    const recap = (
      await coordinator.request({
        method: "GET",
        url: `/api/integrity/gratification/recap?unitId=${bekasi()}&year=2026`,
      })
    ).json();
    expect(recap.total).toBe(list.length);
    expect(recap.refused + recap.accepted).toBe(recap.total);
    expect(
      recap.byMonth.reduce(
        (n: number, m: { refused: number; accepted: number }) => n + m.refused + m.accepted,
        0,
      ),
    ).toBe(recap.total);
    expect(recap.campaigns).toBeGreaterThanOrEqual(2);
    expect(
      (
        await bandungHead.request({
          method: "GET",
          url: `/api/integrity/gratification/recap?unitId=${bekasi()}&year=2026`,
        })
      ).statusCode,
    ).toBe(403);

    const c = await coordinator.request({
      method: "POST",
      url: "/api/integrity/gratification/campaigns",
      payload: {
        unitId: bekasi(),
        title: "Sosialisasi di apel pagi",
        date: "2026-11-23",
        channel: "Apel pagi",
      },
    });
    expect(c.statusCode).toBe(201);
    const items = (
      await pegawai.request({
        method: "GET",
        url: `/api/integrity/gratification/campaigns?unitId=${bekasi()}`,
      })
    ).json().items;
    expect(items.map((x: { title: string }) => x.title)).toContain("Sosialisasi di apel pagi");
    expect(
      (
        await pegawai.request({
          method: "POST",
          url: "/api/integrity/gratification/campaigns",
          payload: { unitId: bekasi(), title: "x", date: "2026-11-23", channel: "y" },
        })
      ).statusCode,
    ).toBe(403);
    const badFile = await coordinator.request({
      method: "POST",
      url: "/api/integrity/gratification/campaigns",
      payload: { unitId: bekasi(), title: "x", date: "2026-11-23", channel: "y", fileId: "nope" },
    });
    expect(badFile.json().error.code).toBe("GRAT_FILE_NOT_FOUND");
    const rules = (
      await pegawai.request({ method: "GET", url: "/api/integrity/gratification/rules" })
    ).json();
    expect(rules.map((r: { id: string }) => r.id)).toEqual(["perkom-kpk-2-2019", "perkpk-1-2026"]);
  });

  it("takes yearly and ad-hoc declarations, refuses a second yearly one, and lets the reviewer decide", async () => {
    const none = await pegawai.request({
      method: "POST",
      url: "/api/integrity/coi/declarations",
      payload: { unitId: bekasi(), kind: "annual", year: 2026, hasConflict: false },
    });
    expect(none.statusCode).toBe(201);
    expect(none.json()).toMatchObject({ status: "reviewed", decision: "tidak_ada_benturan" });
    const again = await pegawai.request({
      method: "POST",
      url: "/api/integrity/coi/declarations",
      payload: { unitId: bekasi(), kind: "annual", year: 2026, hasConflict: false },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("COI_ANNUAL_EXISTS");
    const noDetails = await pegawai.request({
      method: "POST",
      url: "/api/integrity/coi/declarations",
      payload: {
        unitId: bekasi(),
        kind: "adhoc",
        year: 2026,
        hasConflict: true,
        activityName: "Lelang X",
        activityDate: "2026-11-30",
      },
    });
    expect(noDetails.json().error.code).toBe("COI_DETAILS_REQUIRED");
    const noActivity = await pegawai.request({
      method: "POST",
      url: "/api/integrity/coi/declarations",
      payload: { unitId: bekasi(), kind: "adhoc", year: 2026, hasConflict: true, details: "Kerabat" },
    });
    expect(noActivity.json().error.code).toBe("COI_ACTIVITY_REQUIRED");
    const adhoc = await pegawai.request({
      method: "POST",
      url: "/api/integrity/coi/declarations",
      payload: {
        unitId: bekasi(),
        kind: "adhoc",
        year: 2026,
        hasConflict: true,
        details: "Kerabat peserta lelang",
        activityName: "Lelang rumah Jl. Melati",
        activityDate: "2026-11-30",
      },
    });
    expect(adhoc.json()).toMatchObject({
      status: "submitted",
      decision: null,
      activityName: "Lelang rumah Jl. Melati",
    });
    expect(
      (await pegawai.request({ method: "GET", url: "/api/integrity/coi/declarations" })).statusCode,
    ).toBe(403);
    expect(
      (
        await bandungHead.request({
          method: "POST",
          url: `/api/integrity/coi/declarations/${adhoc.json().id}/review`,
          payload: { decision: "lainnya" },
        })
      ).statusCode,
    ).toBe(403);
    const reviewed = await head.request({
      method: "POST",
      url: `/api/integrity/coi/declarations/${adhoc.json().id}/review`,
      payload: { decision: "mengundurkan_diri_dari_kegiatan", note: "Diganti pejabat lain" },
    });
    expect(reviewed.json()).toMatchObject({
      status: "reviewed",
      decision: "mengundurkan_diri_dari_kegiatan",
      reviewedByName: expect.any(String),
    });
  });

  it("maps conflict-prone functions and reports the yearly evaluation figure", async () => {
    const f = await coordinator.request({
      method: "POST",
      url: "/api/integrity/coi/functions",
      payload: { unitId: bekasi(), year: 2026, name: "Penilai", riskLevel: "tinggi" },
    });
    expect(f.statusCode).toBe(201);
    const upd = await coordinator.request({
      method: "PUT",
      url: `/api/integrity/coi/functions/${f.json().id}`,
      payload: {
        unitId: bekasi(),
        year: 2026,
        name: "Penilai Pemerintah",
        riskLevel: "sedang",
        controls: "Reviu berjenjang",
      },
    });
    expect(upd.json()).toMatchObject({ name: "Penilai Pemerintah", riskLevel: "sedang" });
    expect(
      (
        await pegawai.request({
          method: "POST",
          url: "/api/integrity/coi/functions",
          payload: { unitId: bekasi(), year: 2026, name: "x", riskLevel: "rendah" },
        })
      ).statusCode,
    ).toBe(403);
    const fns = (
      await pegawai.request({
        method: "GET",
        url: `/api/integrity/coi/functions?unitId=${bekasi()}&year=2026`,
      })
    ).json().items;
    expect(fns.length).toBeGreaterThanOrEqual(6);

    const ev = (
      await head.request({ method: "GET", url: `/api/integrity/coi/evaluation?unitId=${bekasi()}&year=2026` })
    ).json();
    expect(ev.employees).toBeGreaterThan(0);
    expect(ev.declared).toBeLessThanOrEqual(ev.employees);
    expect(ev.percent).toBe(Math.floor((ev.declared * 10000) / ev.employees) / 100);
    expect(ev.missing.length).toBe(ev.employees - ev.declared);
    expect(ev.functionsMapped).toBe(fns.length);

    const figures = await integrityFigures(t.ctx, bekasi(), 2026);
    expect(figures.coi).toMatchObject({
      employees: ev.employees,
      declared: ev.declared,
      percent: ev.percent,
    });
    expect(figures.gratification.reports).toBeGreaterThan(0);
    expect(figures.wbs.received).toBeGreaterThanOrEqual(4);
    expect(figures.gratification.campaigns).toBeGreaterThanOrEqual(2);
  });

  it("links a campaign item and yearly figures as LKE evidence", async () => {
    const items = (
      await coordinator.request({
        method: "GET",
        url: `/api/integrity/gratification/campaigns?unitId=${bekasi()}`,
      })
    ).json().items;
    const r = await coordinator.request({
      method: "POST",
      url: "/api/integrity/evidence",
      payload: {
        type: "grat-campaign",
        id: items[0].id,
        unitId: bekasi(),
        questionKeys: ["pemenuhan.pw.gratifikasi.a"],
      },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().questionKeys).toEqual(["pemenuhan.pw.gratifikasi.a"]);
    const coi = await coordinator.request({
      method: "POST",
      url: "/api/integrity/evidence",
      payload: {
        type: "coi-functions",
        id: "2026",
        unitId: bekasi(),
        questionKeys: ["pemenuhan.pw.benturan-kepentingan.a"],
      },
    });
    expect(coi.json().questionKeys).toEqual(["pemenuhan.pw.benturan-kepentingan.a"]);
    const denied = await pegawai.request({
      method: "POST",
      url: "/api/integrity/evidence",
      payload: {
        type: "coi-functions",
        id: "2026",
        unitId: bekasi(),
        questionKeys: ["pemenuhan.pw.benturan-kepentingan.a"],
      },
    });
    expect(denied.statusCode).toBe(403);
  });
});
