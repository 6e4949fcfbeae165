import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import type { ServiceDetail, ServiceListItem, VersionWire } from "../contract";

const fullContent = {
  requirements: ["Surat permohonan", "  ", "KTP"],
  procedure: ["Ajukan", "Diproses"],
  time: { value: 3, unit: "working_days" },
  cost: { kind: "fixed", amountIdr: 50000, legalBasis: "PP 62/2020" },
  products: ["Surat keterangan"],
  complaints: "Kotak pengaduan dan SP4N-LAPOR!",
};

describe.each(testLanes())("service standards routes on $name", (lane) => {
  let t: TestApp;
  let head: Session; // kepala.bekasi (head): manage
  let officer: Session; // layanan (service officer): manage
  let employee: Session; // pegawai: read only
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [head, officer, employee, bandungHead] = await Promise.all([
      t.login("kepala.bekasi@zona.demo"),
      t.login("layanan@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const upload = async (s: Session, unitId: string, name: string, data: Buffer, type: string) => {
    const res = await s.request({
      method: "POST",
      url: "/api/files",
      ...form([
        { name: "unitId", value: unitId },
        { name: "file", filename: name, type, data },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const newService = async (code: string) => {
    const res = await officer.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: bekasi(), code, nameId: `Layanan ${code}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const draft = async (serviceId: string) => {
    const res = await officer.request({
      method: "POST",
      url: `/api/standards/services/${serviceId}/versions`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as VersionWire;
  };
  const patchVersion = (id: string, payload: object, s = officer) =>
    s.request({ method: "PATCH", url: `/api/standards/versions/${id}`, payload });
  const publish = (id: string, s = officer) =>
    s.request({ method: "POST", url: `/api/standards/versions/${id}/publish` });
  const portal = async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/public/units/KPKNL-BEKASI/standards" });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("seeds the demo office: five services in force, a pledge, two SOPs and six facilities with photos", async () => {
    const list = (
      await employee.request({ method: "GET", url: `/api/standards/services?unitId=${bekasi()}` })
    ).json().items as ServiceListItem[];
    expect(list.map((s) => s.code)).toEqual([
      "permohonan-lelang",
      "pengurusan-piutang-negara",
      "pengelolaan-kekayaan-negara",
      "penilaian",
      "informasi-konsultasi",
    ]);
    expect(list.every((s) => s.currentVersion !== null)).toBe(true);
    expect(list.find((s) => s.code === "permohonan-lelang")!.currentVersion!.number).toBe(2);
    expect(list.find((s) => s.code === "informasi-konsultasi")!.hasDraft).toBe(true);
    expect(list.reduce((n, s) => n + s.sopCount, 0)).toBe(2);
    const p = await portal();
    expect(p.services).toHaveLength(5);
    expect(p.pledge.signedDate).toBe("2024-01-02");
    expect(p.facilities).toHaveLength(6);
    expect(p.facilities.every((f: { photos: unknown[] }) => f.photos.length === 1)).toBe(true);
    expect(p.contact.address).toContain("Bekasi");
    expect(p.links).toEqual({ survey: "/survei/KPKNL-BEKASI", complaint: "/pengaduan/KPKNL-BEKASI" });
    // the lelang standard in force is version 2 (5 working days), not the superseded 7-day one
    const lelang = p.services.find((s: { code: string }) => s.code === "permohonan-lelang");
    expect(lelang.standard.time).toMatchObject({ value: 5, unit: "working_days" });
    expect(lelang.sops).toEqual([
      { number: "SOP-12/KNL.06/2025", title: "SOP Penetapan Jadwal Lelang", effectiveDate: "2025-07-01" },
    ]);
    // the public part carries no internal component
    expect(Object.keys(lelang.standard).sort()).toEqual(
      ["complaints", "cost", "procedure", "products", "requirements", "time"].sort(),
    );
    // the draft of informasi-konsultasi is not public
    const info = p.services.find((s: { code: string }) => s.code === "informasi-konsultasi");
    expect(info.standard.procedure.join(" ")).not.toContain("24 jam");
  });

  it("creates a service, drafts, refuses incomplete publishing, publishes, and keeps history", async () => {
    const id = await newService("surat-keterangan");
    const dup = await officer.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: bekasi(), code: "surat-keterangan", nameId: "Lagi" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("STD_SERVICE_CODE_TAKEN");

    const v1 = await draft(id);
    expect(v1).toMatchObject({ number: 1, status: "draft", state: "draft" });
    expect(v1.missing.public).toHaveLength(6);
    const second = await officer.request({ method: "POST", url: `/api/standards/services/${id}/versions` });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("STD_DRAFT_EXISTS");

    // no decree yet
    let res = await publish(v1.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "STD_DECREE_MISSING", params: { field: "decreeNumber" } });

    res = await patchVersion(v1.id, {
      decreeNumber: "KEP-9/2026",
      decreeDate: "2026-11-20",
      effectiveDate: "2026-11-20",
      content: { requirements: ["Surat permohonan"] },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await publish(v1.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("STD_VERSION_INCOMPLETE");
    expect(res.json().error.params.components).toEqual([
      "procedure",
      "time",
      "cost",
      "products",
      "complaints",
    ]);

    res = await patchVersion(v1.id, { content: fullContent });
    expect(res.statusCode, res.body).toBe(200);
    // blank lines are dropped
    expect(res.json().content.requirements).toEqual(["Surat permohonan", "KTP"]);
    expect(res.json().missing.public).toEqual([]);
    res = await publish(v1.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "published", state: "current" });

    // published versions are frozen
    res = await patchVersion(v1.id, { changeNote: "x" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("STD_VERSION_NOT_DRAFT");
    res = await officer.request({ method: "DELETE", url: `/api/standards/versions/${v1.id}` });
    expect(res.statusCode).toBe(409);

    // v2 copies v1; it cannot take effect on or before v1's date
    const v2 = await draft(id);
    expect(v2.content.requirements).toEqual(["Surat permohonan", "KTP"]);
    res = await patchVersion(v2.id, {
      decreeNumber: "KEP-10/2026",
      decreeDate: "2026-11-20",
      effectiveDate: "2026-11-20",
      content: { ...fullContent, time: { value: 2, unit: "working_days" } },
    });
    expect(res.statusCode).toBe(200);
    res = await publish(v2.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "STD_EFFECTIVE_NOT_AFTER",
      params: { effectiveDate: "2026-11-20", latest: "2026-11-20" },
    });
    // decree signed after the effective date
    res = await patchVersion(v2.id, { decreeDate: "2026-12-20", effectiveDate: "2026-12-10" });
    res = await publish(v2.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("STD_DECREE_AFTER_EFFECTIVE");
    // scheduled: published, but v1 stays in force until 2026-12-10
    await patchVersion(v2.id, { decreeDate: "2026-12-01", effectiveDate: "2026-12-10" });
    res = await publish(v2.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe("scheduled");

    const detail = (
      await employee.request({ method: "GET", url: `/api/standards/services/${id}` })
    ).json() as ServiceDetail;
    expect(detail.versions.map((v) => [v.number, v.state])).toEqual([
      [2, "scheduled"],
      [1, "current"],
    ]);
    let pub = (await portal()).services.find((s: { code: string }) => s.code === "surat-keterangan");
    expect(pub.version.number).toBe(1);
    expect(pub.standard.time.value).toBe(3);
    expect(pub.standard.cost).toMatchObject({ kind: "fixed", amountIdr: 50000 });

    // the day comes: v2 in force, v1 superseded
    t.clock.set("2026-12-10T01:00:00.000Z");
    try {
      pub = (await portal()).services.find((s: { code: string }) => s.code === "surat-keterangan");
      expect(pub.version.number).toBe(2);
      // (a session from two weeks ago has expired: sign in again at the new date)
      const later = await t.login("pegawai@zona.demo");
      const d2 = (await later.request({ method: "GET", url: `/api/standards/services/${id}` })).json();
      expect(d2.versions.map((v: VersionWire) => v.state)).toEqual(["current", "superseded"]);
    } finally {
      t.clock.set("2026-11-27T02:00:00.000Z");
    }

    // a deactivated service leaves the public page
    res = await officer.request({
      method: "PATCH",
      url: `/api/standards/services/${id}`,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await portal()).services.map((s: { code: string }) => s.code)).not.toContain("surat-keterangan");
  });

  it("deletes a draft and writes audit rows", async () => {
    const id = await newService("hapus-draf");
    const v = await draft(id);
    const res = await officer.request({ method: "DELETE", url: `/api/standards/versions/${v.id}` });
    expect(res.statusCode).toBe(204);
    const again = await officer.request({ method: "DELETE", url: `/api/standards/versions/${v.id}` });
    expect(again.statusCode).toBe(404);
    const audit = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", v.id)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["standards.version.drafted", "standards.version.deleted"]);
  });

  it("rejects bad input with field-level 400s and writes nothing", async () => {
    const id = await newService("input-buruk");
    const v = await draft(id);
    const bad = [
      { content: { time: { value: 0, unit: "working_days" } } },
      { content: { time: { value: 2, unit: "weeks" } } },
      { content: { cost: { kind: "fixed" } } },
      { content: { cost: { kind: "free", amountIdr: 5000 } } },
      { content: { cost: { kind: "fixed", amountIdr: 12.5 } } },
      { effectiveDate: "2026-02-30" },
      { content: { unknownField: 1 } },
    ];
    for (const payload of bad) {
      const res = await patchVersion(v.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(res.json().error.issues.length).toBeGreaterThan(0);
    }
    const after = (await employee.request({ method: "GET", url: `/api/standards/services/${id}` })).json();
    expect(after.versions[0].content.time).toBeNull();
    const badCode = await officer.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: bekasi(), code: "Bad Code!", nameId: "x" },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.issues[0].path).toContain("code");
  });

  it("enforces permissions and scope", async () => {
    const id = await newService("cakupan");
    // read-only staff cannot write
    let res = await employee.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: bekasi(), code: "x-1", nameId: "x" },
    });
    expect(res.statusCode).toBe(403);
    // another office's head: 403 on Bekasi's records and lists
    res = await bandungHead.request({ method: "GET", url: `/api/standards/services?unitId=${bekasi()}` });
    expect(res.statusCode).toBe(403);
    res = await bandungHead.request({ method: "GET", url: `/api/standards/services/${id}` });
    expect(res.statusCode).toBe(403);
    res = await bandungHead.request({ method: "POST", url: `/api/standards/services/${id}/versions` });
    expect(res.statusCode).toBe(403);
    res = await bandungHead.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: bekasi(), code: "x-2", nameId: "x" },
    });
    expect(res.statusCode).toBe(403);
    // and can manage its own unit
    res = await bandungHead.request({
      method: "POST",
      url: "/api/standards/services",
      payload: { unitId: t.units["KPKNL-BANDUNG"], code: "lelang", nameId: "Lelang" },
    });
    expect(res.statusCode).toBe(201);
    // no session
    res = await t.app.inject({ method: "GET", url: `/api/standards/services?unitId=${bekasi()}` });
    expect(res.statusCode).toBe(401);
    // unknown records
    res = await officer.request({ method: "GET", url: "/api/standards/services/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("STD_SERVICE_NOT_FOUND");
  });

  it("manages SOPs, checking the attached file's unit and type", async () => {
    const id = await newService("sop-uji");
    const pdf = await upload(officer, bekasi(), "sop.pdf", sample.pdf("SOP"), "application/pdf");
    const foreign = await upload(
      bandungHead,
      t.units["KPKNL-BANDUNG"]!,
      "lain.pdf",
      sample.pdf("x"),
      "application/pdf",
    );
    let res = await officer.request({
      method: "POST",
      url: "/api/standards/sops",
      payload: {
        serviceId: id,
        number: "SOP-1",
        title: "SOP Uji",
        fileId: foreign,
        effectiveDate: "2026-01-05",
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("STD_FILE_OTHER_UNIT");
    res = await officer.request({
      method: "POST",
      url: "/api/standards/sops",
      payload: { serviceId: id, number: "SOP-1", title: "SOP Uji", fileId: pdf, effectiveDate: "2026-01-05" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sopId = res.json().id;
    res = await officer.request({
      method: "PATCH",
      url: `/api/standards/sops/${sopId}`,
      payload: { title: "SOP Baru" },
    });
    expect(res.json().title).toBe("SOP Baru");
    const detail = (await officer.request({ method: "GET", url: `/api/standards/services/${id}` })).json();
    expect(detail.sops.map((s: { title: string }) => s.title)).toEqual(["SOP Baru"]);
    expect(detail.completeness.failing).not.toContain("sop");
    res = await officer.request({ method: "DELETE", url: `/api/standards/sops/${sopId}` });
    expect(res.statusCode).toBe(204);
  });

  it("publishes a pledge; only the one in force is public; published pledges are frozen", async () => {
    let res = await head.request({
      method: "POST",
      url: "/api/standards/pledges",
      payload: {
        unitId: bekasi(),
        text: "Kami sanggup melayani sesuai standar (2026).",
        signatoryName: "Kepala",
        signatoryTitle: "Kepala Kantor",
        signedDate: "2026-11-25",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await portal()).pledge.signedDate).toBe("2024-01-02"); // the draft is not public
    res = await head.request({ method: "POST", url: `/api/standards/pledges/${id}/publish` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "published", inForce: true });
    expect((await portal()).pledge.text).toBe("Kami sanggup melayani sesuai standar (2026).");
    res = await head.request({
      method: "PATCH",
      url: `/api/standards/pledges/${id}`,
      payload: { text: "ubah" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("STD_PLEDGE_NOT_DRAFT");
    // a pledge dated in the future waits for its day
    res = await head.request({
      method: "POST",
      url: "/api/standards/pledges",
      payload: {
        unitId: bekasi(),
        text: "Besok",
        signatoryName: "K",
        signatoryTitle: "K",
        signedDate: "2027-01-04",
      },
    });
    await head.request({ method: "POST", url: `/api/standards/pledges/${res.json().id}/publish` });
    expect((await portal()).pledge.text).toBe("Kami sanggup melayani sesuai standar (2026).");
    const list = (
      await employee.request({ method: "GET", url: `/api/standards/pledges?unitId=${bekasi()}` })
    ).json();
    expect(list.items.filter((p: { inForce: boolean }) => p.inForce)).toHaveLength(1);
  });

  it("serves only images published as facility photos on the public route", async () => {
    const png = await upload(officer, bekasi(), "ruang.png", sample.png([10, 20, 30]), "image/png");
    const pdf = await upload(officer, bekasi(), "rahasia.pdf", sample.pdf("rahasia"), "application/pdf");
    let res = await officer.request({
      method: "POST",
      url: "/api/standards/facilities",
      payload: {
        unitId: bekasi(),
        kind: "waiting_room",
        name: "Ruang tunggu",
        accessibility: ["ramp", "ramp"],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const facility = res.json();
    expect(facility.accessibility).toEqual(["ramp"]);
    // a PDF cannot be a photo
    res = await officer.request({
      method: "POST",
      url: `/api/standards/facilities/${facility.id}/photos`,
      payload: { fileId: pdf, caption: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("STD_FILE_WRONG_TYPE");
    res = await officer.request({
      method: "POST",
      url: `/api/standards/facilities/${facility.id}/photos`,
      payload: { fileId: png, caption: "Kursi ruang tunggu" },
    });
    expect(res.statusCode, res.body).toBe(201);
    res = await officer.request({
      method: "POST",
      url: `/api/standards/facilities/${facility.id}/photos`,
      payload: { fileId: png, caption: "lagi" },
    });
    expect(res.statusCode).toBe(409);

    const photoUrl = `/api/public/units/KPKNL-BEKASI/facility-photos/${png}`;
    const p = await portal();
    expect(p.facilities.find((f: { id: string }) => f.id === facility.id).photos).toEqual([
      { url: photoUrl, caption: "Kursi ruang tunggu" },
    ]);
    res = await t.app.inject({ method: "GET", url: photoUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.equals(sample.png([10, 20, 30]))).toBe(true);

    // any other file of the unit: 404, even though it exists
    res = await t.app.inject({ method: "GET", url: `/api/public/units/KPKNL-BEKASI/facility-photos/${pdf}` });
    expect(res.statusCode).toBe(404);
    // the right file under another unit's code: 404
    res = await t.app.inject({
      method: "GET",
      url: `/api/public/units/KPKNL-BANDUNG/facility-photos/${png}`,
    });
    expect(res.statusCode).toBe(404);
    // unpublished facility: its photos go dark
    await officer.request({
      method: "PATCH",
      url: `/api/standards/facilities/${facility.id}`,
      payload: { published: false },
    });
    res = await t.app.inject({ method: "GET", url: photoUrl });
    expect(res.statusCode).toBe(404);
    expect((await portal()).facilities.map((f: { id: string }) => f.id)).not.toContain(facility.id);
    // removing the photo, then the facility
    res = await officer.request({
      method: "DELETE",
      url: `/api/standards/facilities/${facility.id}/photos/${png}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().photos).toEqual([]);
    res = await officer.request({ method: "DELETE", url: `/api/standards/facilities/${facility.id}` });
    expect(res.statusCode).toBe(204);
  });

  it("answers 404 for an unknown unit code and rate-limits the public endpoint", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/public/units/NOPE/standards" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("STD_UNIT_NOT_FOUND");
    const route = t.app.printRoutes({ includeHooks: false });
    expect(route).toContain("standards");
    let last = 0;
    for (let i = 0; i < 125; i++) {
      last = (
        await t.app.inject({
          method: "GET",
          url: "/api/public/units/KPKNL-BANDUNG/standards",
          remoteAddress: "203.0.113.9",
        })
      ).statusCode;
      if (last === 429) break;
    }
    expect(last).toBe(429);
  });

  it("reports completeness and links records as LKE evidence", async () => {
    let res = await employee.request({
      method: "GET",
      url: `/api/standards/completeness?unitId=${bekasi()}`,
    });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.checks.find((k: { key: string }) => k.key === "pledge_in_force").ok).toBe(true);
    expect(c.checks.find((k: { key: string }) => k.key === "contact").ok).toBe(true);
    const penilaian = c.services.find((s: { code: string }) => s.code === "penilaian");
    expect(penilaian.failing).toEqual(["sop"]);

    const svc = c.services.find((s: { code: string }) => s.code === "permohonan-lelang");
    // a service officer may manage standards but not write the worksheet
    res = await officer.request({
      method: "POST",
      url: "/api/standards/evidence",
      payload: {
        unitId: bekasi(),
        type: "service",
        id: svc.serviceId,
        questionKeys: ["pemenuhan.pp.standar-pelayanan.a"],
      },
    });
    expect(res.statusCode).toBe(403);
    res = await head.request({
      method: "POST",
      url: "/api/standards/evidence",
      payload: { unitId: bekasi(), type: "service", id: svc.serviceId, questionKeys: ["no.such.question"] },
    });
    expect(res.statusCode).toBe(400);
    res = await head.request({
      method: "POST",
      url: "/api/standards/evidence",
      payload: {
        unitId: bekasi(),
        type: "service",
        id: svc.serviceId,
        questionKeys: ["pemenuhan.pp.standar-pelayanan.a"],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().questionKeys).toEqual(["pemenuhan.pp.standar-pelayanan.a"]);
    res = await head.request({
      method: "POST",
      url: "/api/standards/evidence",
      payload: {
        unitId: bekasi(),
        type: "facilities",
        questionKeys: ["pemenuhan.pp.budaya-pelayanan-prima.e"],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await head.request({
      method: "POST",
      url: "/api/standards/evidence",
      payload: { unitId: bekasi(), type: "pledge", questionKeys: ["pemenuhan.pp.standar-pelayanan.b"] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("STD_RECORD_REQUIRED");

    const detail = (
      await head.request({ method: "GET", url: `/api/standards/services/${svc.serviceId}` })
    ).json();
    expect(detail.evidenceKeys).toEqual(["pemenuhan.pp.standar-pelayanan.a"]);
    const facilities = (
      await head.request({ method: "GET", url: `/api/standards/facilities?unitId=${bekasi()}` })
    ).json();
    expect(facilities.evidenceKeys).toEqual(["pemenuhan.pp.budaya-pelayanan-prima.e"]);

    res = await head.request({
      method: "POST",
      url: "/api/standards/evidence/unlink",
      payload: {
        unitId: bekasi(),
        type: "service",
        id: svc.serviceId,
        questionKey: "pemenuhan.pp.standar-pelayanan.a",
      },
    });
    expect(res.json().questionKeys).toEqual([]);
  });

  it("updates the contact card with validated fields", async () => {
    let res = await officer.request({
      method: "PUT",
      url: `/api/standards/profile?unitId=${bekasi()}`,
      payload: { address: "Jl. Contoh", email: "bukan-surel" },
    });
    expect(res.statusCode).toBe(400);
    res = await officer.request({
      method: "PUT",
      url: `/api/standards/profile?unitId=${bekasi()}`,
      payload: { address: "Jl. Contoh 1", phone: "021-1", email: "a@b.go.id", website: "https://b.go.id" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await portal()).contact).toMatchObject({ address: "Jl. Contoh 1", email: "a@b.go.id" });
  });
});
