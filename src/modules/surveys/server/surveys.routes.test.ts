import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { requestSatisfaction } from "../../service-requests/server";
import { perceptionIndices } from ".";

const U = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];
const all = (v: number) => Object.fromEntries(U.map((c) => [c, v]));

describe.each(testLanes())("survey routes on $name", (lane) => {
  let t: TestApp;
  let head: Session; // head of KPKNL Bekasi
  let layanan: Session; // service officer (survey.manage)
  let pegawai: Session; // employee (survey.read)
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  let ip = 0;
  /** A public request from its own address (and, unless given, no device cookie). */
  const pub = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as any,
      url,
      payload: payload as any,
      remoteAddress: `10.0.${Math.floor(++ip / 250)}.${ip % 250}`,
      headers,
    });

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [head, layanan, pegawai, bandungHead] = await Promise.all([
      t.login("kepala.bekasi@zona.demo"),
      t.login("layanan@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const create = async (body: object, s: Session = layanan) => {
    const res = await s.request({ method: "POST", url: "/api/surveys/periods", payload: body });
    return res;
  };

  it("lists the demo periods with responses and the required sample; kinds include SKM, IPAK, IPKP", async () => {
    const res = await pegawai.request({
      method: "GET",
      url: `/api/surveys/periods?unitId=${bekasi()}&year=2026`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as any[];
    expect(items.filter((p) => p.kind === "skm")).toHaveLength(4);
    const q1 = items.find((p) => p.kind === "skm" && p.part === 1);
    expect(q1.status).toBe("closed");
    expect(q1.responses).toBeGreaterThan(80);
    expect(q1.requiredSample).toBe(201); // Krejcie–Morgan for N = 420
    const kinds = (await pegawai.request({ method: "GET", url: "/api/surveys/kinds" })).json().items;
    expect(kinds.map((k: any) => k.kind)).toEqual(expect.arrayContaining(["skm", "ipak", "ipkp"]));
    // another office's head sees only Bandung's periods
    const other = (await bandungHead.request({ method: "GET", url: "/api/surveys/periods" })).json().items;
    expect(other.every((p: any) => p.unit.code === "KPKNL-BANDUNG")).toBe(true);
  });

  it("perceptionIndices gives the demo IPAK ≈ 3.6 and IPKP ≈ 3.5", async () => {
    const r = await perceptionIndices(t.ctx, bekasi(), 2026);
    expect(r.ipak!.index).toBeGreaterThan(3.5);
    expect(r.ipak!.index).toBeLessThan(3.72);
    expect(r.ipkp!.index).toBeGreaterThan(3.4);
    expect(r.ipkp!.index).toBeLessThan(3.6);
    expect(r.ipak!.respondents).toBeGreaterThan(100);
    expect(await perceptionIndices(t.ctx, bekasi(), 2019)).toEqual({ ipak: null, ipkp: null });
  });

  it("creates a period, refuses duplicates, bad parts, scope and missing permission", async () => {
    const body = {
      unitId: bekasi(),
      kindId: "skm-permenpanrb-14-2017",
      periodType: "month",
      year: 2026,
      part: 11,
      serviceTypes: ["Lelang", "Piutang"],
      population: 1000,
      status: "open",
    };
    const res = await create(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
      requiredSample: 278,
      responses: 0,
      status: "open",
    });
    expect(res.json().code).toMatch(/^[a-z0-9]{8}$/);
    expect((await create(body)).json().error.code).toBe("SURVEY_PERIOD_EXISTS");
    expect((await create({ ...body, periodType: "quarter", part: 5 })).json().error.code).toBe(
      "SURVEY_PART_INVALID",
    );
    expect((await create({ ...body, part: 10 }, pegawai)).statusCode).toBe(403);
    const scoped = await create({ ...body, part: 9 }, bandungHead);
    expect(scoped.statusCode).toBe(403);
    expect(scoped.json().error.code).toBe("OUT_OF_SCOPE");
    expect((await create({ ...body, part: 8, extra: 1 })).statusCode).toBe(400);
    expect((await create({ ...body, part: 8, kindId: "nope" })).json().error.code).toBe(
      "SURVEY_KIND_UNKNOWN",
    );
  });

  it("public form: submit, one per device, bad input refused with nothing saved, results computed exactly", async () => {
    const p = (
      await create({
        unitId: bekasi(),
        kindId: "skm-permenpanrb-14-2017",
        periodType: "month",
        year: 2026,
        part: 10,
        serviceTypes: ["Lelang", "Piutang"],
        status: "open",
      })
    ).json();
    // October is over on 27 November: closed
    const closed = await pub("POST", `/api/public/surveys/${p.code}/responses`, {
      scores: all(4),
      serviceType: "Lelang",
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("SURVEY_PERIOD_CLOSED");

    const q = (
      await create(
        {
          unitId: bekasi(),
          kindId: "skm-permenpanrb-14-2017",
          periodType: "year",
          year: 2026,
          serviceTypes: ["Lelang", "Piutang"],
          status: "open",
          rateMax: 3,
          rateWindowMinutes: 60,
        },
        head,
      )
    ).json();
    const form = await pub("GET", `/api/public/surveys/${q.code}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      state: "open",
      alreadySubmitted: false,
      unit: { code: "KPKNL-BEKASI" },
    });
    expect(form.json().kind.elements).toHaveLength(9);

    const ok = await pub("POST", `/api/public/surveys/${q.code}/responses`, {
      scores: { ...all(3), U1: 4 },
      serviceType: "Lelang",
      sex: "P",
      comment: "Cepat",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const cookie = ok.cookies.find((c) => c.name === "zona_svy")!;
    expect(cookie.httpOnly).toBe(true);
    const again = await pub(
      "POST",
      `/api/public/surveys/${q.code}/responses`,
      { scores: all(4), serviceType: "Lelang" },
      { cookie: `zona_svy=${cookie.value}` },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("SURVEY_ALREADY_SUBMITTED");
    expect(
      (
        await pub("GET", `/api/public/surveys/${q.code}`, undefined, { cookie: `zona_svy=${cookie.value}` })
      ).json().alreadySubmitted,
    ).toBe(true);

    const bad = [
      [{ scores: { ...all(4), U3: 5 }, serviceType: "Lelang" }, 400, "VALIDATION_FAILED"],
      [{ scores: { ...all(4), U3: 0 }, serviceType: "Lelang" }, 400, "VALIDATION_FAILED"],
      [{ scores: { U1: 4 }, serviceType: "Lelang" }, 400, "SURVEY_ELEMENT_MISSING"],
      [{ scores: { ...all(4), U10: 4 }, serviceType: "Lelang" }, 400, "SURVEY_ELEMENT_UNKNOWN"],
      [{ scores: all(4), serviceType: "Lelang", name: "Budi" }, 400, "VALIDATION_FAILED"],
      [{ scores: all(4), serviceType: "Lelang", comment: "x".repeat(1001) }, 400, "VALIDATION_FAILED"],
      [{ scores: all(4), serviceType: "Catering" }, 400, "SURVEY_SERVICE_UNKNOWN"],
      [{ scores: all(4) }, 400, "SURVEY_SERVICE_MISSING"],
    ] as const;
    for (const [payload, status, code] of bad) {
      const r = await pub("POST", `/api/public/surveys/${q.code}/responses`, payload);
      expect(r.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(r.json().error.code).toBe(code);
    }
    const huge = await pub("POST", `/api/public/surveys/${q.code}/responses`, {
      scores: all(4),
      serviceType: "Lelang",
      pad: "y".repeat(20_000),
    });
    expect(huge.statusCode).toBe(413);
    const unknownCode = await pub("GET", "/api/public/surveys/zzzzzzzz");
    expect(unknownCode.statusCode).toBe(404);

    // a second respondent (another device) → exact results: U1 NRR (4+2)/2 = 3, others 3 / 2.5
    expect(
      (
        await pub("POST", `/api/public/surveys/${q.code}/responses`, {
          scores: { ...all(2), U9: 3 },
          serviceType: "Piutang",
          ageGroup: "30-39",
        })
      ).statusCode,
    ).toBe(201);
    const res = await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q.id}/results` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.overall.respondents).toBe(2);
    expect(r.overall.weight).toBe("1/9");
    expect(r.overall.elements.map((e: any) => e.nrr)).toEqual([3, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3]);
    // Σ NRR = 23.5; index = 23.5/9; IKM = 65.277… → 65.28, C
    expect(r.overall.index).toBeCloseTo(23.5 / 9, 12);
    expect(r.overall.ikm).toBe(65.28);
    expect(r.overall.grade).toBe("C");
    expect(r.byService.map((s: any) => [s.key, s.respondents])).toEqual([
      ["Lelang", 1],
      ["Piutang", 1],
    ]);
    expect(r.byProfile.sex.find((g: any) => g.key === "P").respondents).toBe(1);
    expect(r.comments).toEqual([{ date: "2026-11-27", serviceType: "Lelang", text: "Cepat" }]);
    // nothing was half-saved by the refused submissions
    expect(r.period.responses).toBe(2);
  });

  it("floods get 429 (the period's configurable limit per address)", async () => {
    const q = (
      await create({
        unitId: bekasi(),
        kindId: "ipak-zi-v1",
        periodType: "month",
        year: 2026,
        part: 11,
        status: "open",
        onePerDevice: false,
        rateMax: 2,
        rateWindowMinutes: 10,
      })
    ).json();
    const scores = { P1: 4, P2: 4, P3: 3, P4: 4, P5: 4 };
    const from = (n: number) =>
      t.app.inject({
        method: "POST",
        url: `/api/public/surveys/${q.code}/responses`,
        payload: { scores },
        remoteAddress: `192.0.2.${n > 0 ? 7 : 8}`,
      });
    expect((await from(1)).statusCode).toBe(201);
    expect((await from(2)).statusCode).toBe(201);
    const third = await from(3);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("RATE_LIMITED");
    expect(
      (await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q.id}` })).json().responses,
    ).toBe(2);
  });

  it("a refused (429) submission writes nothing: no response, no device mark, no count", async () => {
    const q = (
      await create({
        unitId: bekasi(),
        kindId: "ipkp-zi-v1",
        periodType: "month",
        year: 2026,
        part: 11,
        status: "open",
        onePerDevice: true,
        rateMax: 1,
        rateWindowMinutes: 60,
      })
    ).json();
    const scores = { Q1: 4, Q2: 3, Q3: 4, Q4: 4, Q5: 3, Q6: 4, Q7: 4, Q8: 4 };
    const url = `/api/public/surveys/${q.code}/responses`;
    const device = "refusedDeviceToken0123456789";
    const from = (cookie?: string) =>
      t.app.inject({
        method: "POST",
        url,
        payload: { scores },
        remoteAddress: "198.51.100.21",
        headers: cookie ? { cookie: `zona_svy=${cookie}` } : {},
      });
    expect((await from()).statusCode).toBe(201);
    const refused = await from(device);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("RATE_LIMITED");
    expect(refused.cookies.find((c) => c.name === "zona_svy")).toBeUndefined();
    // no response
    const period = await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q.id}` });
    expect(period.json().responses).toBe(1);
    // no device mark: the refused device may still answer
    const form = await pub("GET", `/api/public/surveys/${q.code}`, undefined, {
      cookie: `zona_svy=${device}`,
    });
    expect(form.json().alreadySubmitted).toBe(false);
    // no hit counted: with room for one more, the same address and device now get in (a counted
    // refusal would make this the third hit, over a limit of 2)
    const raised = await layanan.request({
      method: "PATCH",
      url: `/api/surveys/periods/${q.id}`,
      payload: { version: period.json().version, rateMax: 2 },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect((await from(device)).statusCode).toBe(201);
    expect((await from()).statusCode).toBe(429);
    expect(
      (await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q.id}` })).json().responses,
    ).toBe(2);
  });

  it("one address gets at most 60 submissions a minute across all surveys, whatever the periods allow", async () => {
    const q = (
      await create({
        unitId: bekasi(),
        kindId: "ipak-zi-v1",
        periodType: "quarter",
        year: 2026,
        part: 4,
        status: "open",
        onePerDevice: false,
        rateMax: 10_000,
        rateWindowMinutes: 1,
      })
    ).json();
    const send = (address: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/public/surveys/${q.code}/responses`,
        payload: { scores: { P1: 4, P2: 4, P3: 3, P4: 4, P5: 4 } },
        remoteAddress: address,
      });
    for (let i = 0; i < 60; i++) expect((await send("198.51.100.60")).statusCode).toBe(201);
    const over = await send("198.51.100.60");
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe("RATE_LIMITED");
    expect((await send("198.51.100.61")).statusCode).toBe(201);
    expect(
      (await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q.id}` })).json().responses,
    ).toBe(61);
  });

  it("draft periods are not public; closing refuses submissions; publishing shows the public results", async () => {
    const p = (
      await create({ unitId: bekasi(), kindId: "ipkp-zi-v1", periodType: "semester", year: 2026, part: 2 })
    ).json();
    expect(p.status).toBe("draft");
    expect((await pub("GET", `/api/public/surveys/${p.code}`)).statusCode).toBe(404);
    const open = await layanan.request({
      method: "PATCH",
      url: `/api/surveys/periods/${p.id}`,
      payload: { version: p.version, status: "closed" },
    });
    expect(open.statusCode, open.body).toBe(200);
    const stale = await layanan.request({
      method: "PATCH",
      url: `/api/surveys/periods/${p.id}`,
      payload: { version: p.version, status: "open" },
    });
    expect(stale.json().error.code).toBe("SURVEY_VERSION_CONFLICT");
    const r = await pub("POST", `/api/public/surveys/${p.code}/responses`, {
      scores: { Q1: 4, Q2: 4, Q3: 4, Q4: 4, Q5: 4, Q6: 4, Q7: 4, Q8: 4 },
    });
    expect(r.json().error.code).toBe("SURVEY_PERIOD_CLOSED");

    const pr = await pub("GET", "/api/public/surveys/units/KPKNL-BEKASI/results");
    expect(pr.statusCode).toBe(200);
    const skm = pr.json().periods.filter((x: any) => x.kind === "skm");
    expect(skm.length).toBe(3); // the three ended quarters are published
    for (const s of skm) {
      expect(["A", "B"]).toContain(s.grade);
      expect(s.ikm).toBeGreaterThan(76);
    }
    expect((await pub("GET", "/api/public/surveys/units/NOPE/results")).statusCode).toBe(404);
  });

  it("follow-up plan: create, update, refuse unknown element, other office forbidden", async () => {
    const periods = (
      await pegawai.request({ method: "GET", url: `/api/surveys/periods?unitId=${bekasi()}` })
    ).json().items;
    const q1 = periods.find((p: any) => p.kind === "skm" && p.part === 1);
    const body = {
      elementCode: "U8",
      action: "Perluas area parkir",
      owner: "Subbag Umum",
      dueDate: "2027-03-31",
    };
    const res = await head.request({
      method: "POST",
      url: `/api/surveys/periods/${q1.id}/followups`,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...body, status: "planned" });
    const upd = await head.request({
      method: "PATCH",
      url: `/api/surveys/followups/${res.json().id}`,
      payload: { status: "done" },
    });
    expect(upd.json().status).toBe("done");
    expect(
      (
        await head.request({
          method: "POST",
          url: `/api/surveys/periods/${q1.id}/followups`,
          payload: { ...body, elementCode: "U99" },
        })
      ).json().error.code,
    ).toBe("SURVEY_ELEMENT_UNKNOWN");
    expect(
      (
        await head.request({
          method: "POST",
          url: `/api/surveys/periods/${q1.id}/followups`,
          payload: { ...body, dueDate: "31-03-2027" },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await bandungHead.request({
          method: "POST",
          url: `/api/surveys/periods/${q1.id}/followups`,
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await bandungHead.request({ method: "GET", url: `/api/surveys/periods/${q1.id}/results` })).statusCode,
    ).toBe(403);
    const audit = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["survey.followup.created", "survey.followup.updated"]);
  });

  it("exports: responses and computation as XLSX, the report as PDF, the QR poster as SVG", async () => {
    const periods = (
      await pegawai.request({ method: "GET", url: `/api/surveys/periods?unitId=${bekasi()}` })
    ).json().items;
    const q1 = periods.find((p: any) => p.kind === "skm" && p.part === 1);
    for (const [path, mime, magic] of [
      ["responses.xlsx", "spreadsheetml", "PK"],
      ["results.xlsx", "spreadsheetml", "PK"],
      ["report.pdf", "application/pdf", "%PDF"],
      ["poster.svg", "image/svg+xml", "<?xml"],
    ] as const) {
      const r = await pegawai.request({ method: "GET", url: `/api/surveys/periods/${q1.id}/${path}` });
      expect(r.statusCode, path).toBe(200);
      expect(r.headers["content-type"]).toContain(mime);
      expect(r.rawPayload.subarray(0, magic.length).toString("latin1")).toBe(magic);
    }
    expect(
      (await bandungHead.request({ method: "GET", url: `/api/surveys/periods/${q1.id}/responses.xlsx` }))
        .statusCode,
    ).toBe(403);
  });

  it("SKM results carry ALASCA's ratings of the same unit and dates; other kinds do not", async () => {
    const periods = (
      await pegawai.request({ method: "GET", url: `/api/surveys/periods?unitId=${bekasi()}` })
    ).json().items as Array<{ id: string; kind: string; startsOn: string; endsOn: string }>;
    let rated = 0;
    for (const p of periods) {
      const r = (
        await pegawai.request({ method: "GET", url: `/api/surveys/periods/${p.id}/results` })
      ).json();
      if (p.kind !== "skm") {
        expect(r.serviceRequests, p.kind).toBeNull();
        continue;
      }
      const f = await requestSatisfaction(t.ctx, bekasi(), p.startsOn, p.endsOn);
      expect(r.serviceRequests).toEqual({
        ratings: f.ratings,
        average: f.average,
        satisfiedPercent: f.satisfiedPercent,
        scaleMax: 4,
      });
      rated += f.ratings;
    }
    expect(periods.some((p) => p.kind === "skm")).toBe(true);
    expect(rated, "the demo's rated requests fall in an SKM period").toBeGreaterThan(0);
  });

  it("custom survey kinds and the sample-size helper", async () => {
    const res = await layanan.request({
      method: "POST",
      url: "/api/surveys/kinds",
      payload: {
        unitId: bekasi(),
        title: { id: "Survei Layanan Lelang Online", en: "Online auction service survey" },
        elements: [
          {
            label: { id: "Kemudahan aplikasi", en: "App ease" },
            question: { id: "Aplikasi lelang mudah digunakan.", en: "The auction app is easy to use." },
          },
          {
            label: { id: "Informasi objek", en: "Lot information" },
            question: { id: "Informasi objek lelang lengkap.", en: "Lot information is complete." },
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().elements.map((e: any) => e.code)).toEqual(["K1", "K2"]);
    const p = await create({
      unitId: bekasi(),
      kindId: res.json().id,
      periodType: "quarter",
      year: 2026,
      part: 4,
      status: "open",
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(
      (
        await create(
          { unitId: t.units["KPKNL-BANDUNG"]!, kindId: res.json().id, periodType: "year", year: 2026 },
          bandungHead,
        )
      ).json().error.code,
    ).toBe("SURVEY_CUSTOM_KIND_OTHER_UNIT");
    const s = await pegawai.request({ method: "GET", url: "/api/surveys/sample-size?population=10000" });
    expect(s.json()).toEqual({ population: 10000, sample: 370 });
  });
});
