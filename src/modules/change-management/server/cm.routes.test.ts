import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { cmModule } from ".";

describe.each(testLanes())("change-management routes on $name", (lane) => {
  let t: TestApp;
  let coord: Session; // zi_coordinator, KPKNL Bekasi
  let pegawai: Session; // employee, KPKNL Bekasi
  let agen: Session; // change agent, KPKNL Bekasi
  let layanan: Session;
  let bandungHead: Session;
  let people: Array<{ id: string; name: string; email: string }>;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  const bandung = () => t.units["KPKNL-BANDUNG"]!;
  const person = (handle: string) => people.find((p) => p.email === `${handle}@zona.demo`)!.id;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coord, pegawai, agen, layanan, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("agen.perubahan@zona.demo"),
      t.login("layanan@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
    const res = await pegawai.request({ method: "GET", url: `/api/cm/people?unitId=${bekasi()}` });
    expect(res.statusCode, res.body).toBe(200);
    people = res.json().items;
  });
  afterAll(() => t.close());

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
  const newActivity = async (extra: object = {}) => {
    const res = await coord.request({
      method: "POST",
      url: "/api/cm/activities",
      payload: {
        unitId: bekasi(),
        areaKey: "pelayanan_publik",
        title: "Uji kegiatan",
        picUserId: person("pegawai"),
        startDate: "2026-11-01",
        dueDate: "2026-12-15",
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("seeds the demo office: team, plan in every state with two overdue, agents with integrated changes", async () => {
    const team = (await pegawai.request({ method: "GET", url: `/api/cm/team?unitId=${bekasi()}` })).json();
    expect(team.decree.number).toMatch(/^KEP-3\//);
    expect(team.decree.file.name).toBe("sk-tim-zi.pdf");
    expect(team.members).toHaveLength(11);
    expect(team.members[0].role).toBe("penanggung_jawab");
    expect(team.decrees.map((d: any) => d.active)).toEqual([true, false]);

    const plan = (
      await pegawai.request({ method: "GET", url: `/api/cm/activities?unitId=${bekasi()}` })
    ).json();
    expect(plan.items).toHaveLength(15);
    expect(new Set(plan.items.map((a: any) => a.status))).toEqual(
      new Set(["belum_mulai", "berjalan", "selesai", "tertunda"]),
    );
    expect(new Set(plan.items.map((a: any) => a.areaKey)).size).toBe(6);
    const overdue = plan.items.filter((a: any) => a.overdue);
    expect(overdue).toHaveLength(2);
    expect(overdue.some((a: any) => a.picUserId === person("pegawai"))).toBe(true);
    expect(plan.areas.find((a: any) => a.areaKey === "pelayanan_publik").overdue).toBe(1);

    const counts = (
      await pegawai.request({ method: "GET", url: `/api/cm/agents/counts?unitId=${bekasi()}&year=2026` })
    ).json();
    expect(counts.counts).toEqual({
      jumlah_agen_perubahan: 3,
      jumlah_perubahan: 4,
      jumlah_perubahan_terintegrasi: 2,
    });
    expect(counts.ratios).toEqual({ changesPerAgent: 1, integratedShare: 0.5 });
  });

  it("a new team decree replaces the team and every membership change is kept in the history", async () => {
    const before = (await coord.request({ method: "GET", url: `/api/cm/team?unitId=${bekasi()}` })).json();
    const fileId = await uploadPdf(coord, bekasi(), "sk-baru.pdf");
    const res = await coord.request({
      method: "POST",
      url: "/api/cm/team/decrees",
      payload: {
        unitId: bekasi(),
        number: "KEP-99/KNL.06/2026",
        date: "2026-11-20",
        fileId,
        members: [
          { userId: person("kepala.bekasi"), role: "penanggung_jawab" },
          { userId: person("koordinator.zi"), role: "koordinator", areaKey: "sdm" },
          { userId: person("pegawai"), role: "ketua_area", areaKey: "pelayanan_publik" },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json();
    expect(team.decree.number).toBe("KEP-99/KNL.06/2026");
    expect(team.members).toHaveLength(3);
    // The team-wide role drops the area it was given.
    expect(team.members.find((m: any) => m.role === "koordinator").areaKey).toBeNull();
    expect(team.decrees).toHaveLength(before.decrees.length + 1);
    expect(team.decrees.filter((d: any) => d.active)).toHaveLength(1);

    const hist = (
      await pegawai.request({ method: "GET", url: `/api/cm/team/history?unitId=${bekasi()}` })
    ).json().items;
    const latest = hist.filter((h: any) => h.decreeNumber === "KEP-99/KNL.06/2026");
    expect(latest.filter((h: any) => h.action === "removed")).toHaveLength(8);
    const promoted = latest.find((h: any) => h.action === "changed");
    expect(promoted).toMatchObject({
      name: "Pegawai KPKNL Bekasi",
      role: "ketua_area",
      previousRole: "anggota",
      areaKey: "pelayanan_publik",
    });
    expect(latest.some((h: any) => h.action === "decree")).toBe(true);

    // Add, change and remove one member: each is one history row.
    const added = await coord.request({
      method: "POST",
      url: "/api/cm/team/members",
      payload: { unitId: bekasi(), userId: person("media"), role: "anggota", areaKey: "tatalaksana" },
    });
    expect(added.statusCode, added.body).toBe(200);
    const media = added.json().members.find((m: any) => m.name === "Petugas Media");
    const twice = await coord.request({
      method: "POST",
      url: "/api/cm/team/members",
      payload: { unitId: bekasi(), userId: person("media"), role: "anggota", areaKey: "tatalaksana" },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("CM_ALREADY_MEMBER");
    const noArea = await coord.request({
      method: "POST",
      url: "/api/cm/team/members",
      payload: { unitId: bekasi(), userId: person("layanan"), role: "anggota" },
    });
    expect(noArea.json().error.code).toBe("CM_AREA_REQUIRED");
    const secondLead = await coord.request({
      method: "POST",
      url: "/api/cm/team/members",
      payload: {
        unitId: bekasi(),
        userId: person("layanan"),
        role: "ketua_area",
        areaKey: "pelayanan_publik",
      },
    });
    expect(secondLead.statusCode).toBe(400);
    expect(secondLead.json().error.code).toBe("CM_TEAM_ONE_LEAD");
    const changed = await coord.request({
      method: "PATCH",
      url: `/api/cm/team/members/${media.id}`,
      payload: { areaKey: "manajemen_perubahan" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const removed = await coord.request({ method: "DELETE", url: `/api/cm/team/members/${media.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().members.some((m: any) => m.userId === person("media"))).toBe(false);
    const after = (
      await coord.request({ method: "GET", url: `/api/cm/team/history?unitId=${bekasi()}` })
    ).json().items;
    expect(after.slice(0, 3).map((h: any) => h.action)).toEqual(["removed", "changed", "added"]);
    expect(after[1]).toMatchObject({ areaKey: "manajemen_perubahan", previousAreaKey: "tatalaksana" });
  });

  it("refuses a bad team decree without writing anything", async () => {
    const before = (await coord.request({ method: "GET", url: `/api/cm/team?unitId=${bekasi()}` })).json();
    const outsider = (
      await bandungHead.request({ method: "GET", url: `/api/cm/people?unitId=${bandung()}` })
    ).json().items[0].id;
    const foreign = await coord.request({
      method: "POST",
      url: "/api/cm/team/decrees",
      payload: {
        unitId: bekasi(),
        number: "X",
        date: "2026-11-20",
        members: [{ userId: outsider, role: "anggota", areaKey: "sdm" }],
      },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe("CM_PERSON_NOT_IN_UNIT");
    const dup = await coord.request({
      method: "POST",
      url: "/api/cm/team/decrees",
      payload: {
        unitId: bekasi(),
        number: "X",
        date: "2026-11-20",
        members: [
          { userId: person("pegawai"), role: "anggota", areaKey: "sdm" },
          { userId: person("pegawai"), role: "anggota", areaKey: "sdm" },
        ],
      },
    });
    expect(dup.json().error.code).toBe("CM_MEMBER_DUPLICATE");
    const badDate = await coord.request({
      method: "POST",
      url: "/api/cm/team/decrees",
      payload: { unitId: bekasi(), number: "X", date: "2026-13-01", members: [] },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe("VALIDATION_FAILED");
    const otherFile = await uploadPdf(bandungHead, bandung(), "bandung.pdf");
    const wrongFile = await coord.request({
      method: "POST",
      url: "/api/cm/team/decrees",
      payload: {
        unitId: bekasi(),
        number: "X",
        date: "2026-11-20",
        fileId: otherFile,
        members: [{ userId: person("pegawai"), role: "anggota", areaKey: "sdm" }],
      },
    });
    expect(wrongFile.json().error.code).toBe("CM_FILE_OTHER_UNIT");
    const after = (await coord.request({ method: "GET", url: `/api/cm/team?unitId=${bekasi()}` })).json();
    expect(after.decrees).toHaveLength(before.decrees.length);
    expect(after.members).toEqual(before.members);
  });

  it("scopes: staff read, only managers write, another office's head gets 403", async () => {
    const read = await bandungHead.request({ method: "GET", url: `/api/cm/team?unitId=${bekasi()}` });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe("OUT_OF_SCOPE");
    expect(
      (await bandungHead.request({ method: "GET", url: `/api/cm/activities?unitId=${bekasi()}` })).statusCode,
    ).toBe(403);
    expect(
      (await bandungHead.request({ method: "GET", url: `/api/cm/agents/counts?unitId=${bekasi()}` }))
        .statusCode,
    ).toBe(403);
    const write = await bandungHead.request({
      method: "POST",
      url: "/api/cm/activities",
      payload: {
        unitId: bekasi(),
        areaKey: "sdm",
        title: "Dari Bandung",
        picUserId: person("pegawai"),
        startDate: "2026-11-01",
        dueDate: "2026-11-02",
      },
    });
    expect(write.statusCode).toBe(403);
    const byEmployee = await pegawai.request({
      method: "POST",
      url: "/api/cm/team/members",
      payload: { unitId: bekasi(), userId: person("media"), role: "anggota", areaKey: "sdm" },
    });
    expect(byEmployee.statusCode).toBe(403);
    expect(byEmployee.json().error.code).toBe("FORBIDDEN");
    const someActivity = (
      await coord.request({ method: "GET", url: `/api/cm/activities?unitId=${bekasi()}` })
    ).json().items[0].id;
    expect(
      (await bandungHead.request({ method: "GET", url: `/api/cm/activities/${someActivity}` })).statusCode,
    ).toBe(403);
    const foreignPatch = await bandungHead.request({
      method: "PATCH",
      url: `/api/cm/activities/${someActivity}`,
      payload: { progress: 10 },
    });
    expect(foreignPatch.statusCode).toBe(403);
    expect(foreignPatch.json().error.code).toBe("OUT_OF_SCOPE");
    expect(
      (await bandungHead.request({ method: "GET", url: "/api/cm/activities/mine" })).json().items,
    ).toEqual([]);
    const unknown = await coord.request({ method: "GET", url: "/api/cm/team?unitId=nope" });
    expect(unknown.statusCode).toBe(404);
  });

  it("activity rules: due not before start, status and progress agree, unknown fields refused", async () => {
    const bad = await coord.request({
      method: "POST",
      url: "/api/cm/activities",
      payload: {
        unitId: bekasi(),
        areaKey: "sdm",
        title: "Terbalik",
        picUserId: person("pegawai"),
        startDate: "2026-12-10",
        dueDate: "2026-12-01",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("CM_DUE_BEFORE_START");
    expect(bad.json().error.message).toContain("2026-12-01");
    const range = await coord.request({
      method: "POST",
      url: "/api/cm/activities",
      payload: {
        unitId: bekasi(),
        areaKey: "sdm",
        title: "X",
        picUserId: person("pegawai"),
        startDate: "2026-12-01",
        dueDate: "2026-12-01",
        progress: 120,
      },
    });
    expect(range.statusCode).toBe(400);
    const extra = await coord.request({
      method: "POST",
      url: "/api/cm/activities",
      payload: {
        unitId: bekasi(),
        areaKey: "sdm",
        title: "X",
        picUserId: person("pegawai"),
        startDate: "2026-12-01",
        dueDate: "2026-12-01",
        owner: "me",
      },
    });
    expect(extra.statusCode).toBe(400);
    const a = await newActivity({ status: "selesai" });
    expect(a.progress).toBe(100);
    expect(a.overdue).toBe(false);
    const moved = await coord.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { dueDate: "2026-10-01" },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.code).toBe("CM_DUE_BEFORE_START");
    const reopened = await coord.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { progress: 80, dueDate: "2026-11-20" },
    });
    expect(reopened.json()).toMatchObject({ status: "berjalan", progress: 80, overdue: true });
  });

  it("the person in charge reports progress on their own activity only, and nothing else", async () => {
    const a = await newActivity();
    const own = await pegawai.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { progress: 40, note: "Kuesioner disebar" },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ progress: 40, status: "berjalan", note: "Kuesioner disebar" });
    expect(own.json().canManage).toBe(false);
    expect(own.json().canReport).toBe(true);
    const title = await pegawai.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { progress: 50, title: "Ganti judul" },
    });
    expect(title.statusCode).toBe(403);
    expect(title.json().error.code).toBe("CM_OWNER_PROGRESS_ONLY");
    expect(title.json().error.message).toContain("title");
    const other = await layanan.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { progress: 90 },
    });
    expect(other.statusCode).toBe(403);
    const now = (await coord.request({ method: "GET", url: `/api/cm/activities/${a.id}` })).json();
    expect(now.progress).toBe(40);
    expect(now.title).toBe("Uji kegiatan");

    // Evidence: the owner attaches a file of the unit; a file of another unit is refused.
    const fileId = await uploadPdf(pegawai, bekasi(), "dokumentasi.pdf");
    const attached = await pegawai.request({
      method: "POST",
      url: `/api/cm/activities/${a.id}/files`,
      payload: { fileId },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().files.map((f: any) => f.name)).toEqual(["dokumentasi.pdf"]);
    const foreign = await uploadPdf(bandungHead, bandung(), "lain.pdf");
    const refused = await pegawai.request({
      method: "POST",
      url: `/api/cm/activities/${a.id}/files`,
      payload: { fileId: foreign },
    });
    expect(refused.json().error.code).toBe("CM_FILE_OTHER_UNIT");
    const detached = await pegawai.request({
      method: "DELETE",
      url: `/api/cm/activities/${a.id}/files/${fileId}`,
    });
    expect(detached.json().files).toEqual([]);

    const mine = (await pegawai.request({ method: "GET", url: "/api/cm/activities/mine" })).json().items;
    expect(mine.find((m: any) => m.id === a.id)).toEqual({
      id: a.id,
      title: "Uji kegiatan",
      areaKey: "pelayanan_publik",
      dueDate: "2026-12-15",
      status: "berjalan",
      progress: 40,
      overdue: false,
    });
    expect(mine[0].overdue).toBe(true); // overdue first
    expect(
      (await layanan.request({ method: "GET", url: "/api/cm/activities/mine" }))
        .json()
        .items.every((m: any) => m.id !== a.id),
    ).toBe(true);
  });

  it("links an activity to LKE questions through the worksheet and shows them back", async () => {
    const a = await newActivity({ title: "Sosialisasi maklumat" });
    const keys = ["pemenuhan.pp.standar-pelayanan.a", "pemenuhan.pp.standar-pelayanan.b"];
    const res = await coord.request({
      method: "PUT",
      url: `/api/cm/activities/${a.id}/questions`,
      payload: { questionKeys: keys },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().questionKeys).toEqual(keys);
    const cycles = (await coord.request({ method: "GET", url: `/api/zi/cycles?unitId=${bekasi()}` })).json()
      .items;
    const sheet = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${cycles[0].id}/worksheet` })
    ).json();
    expect(sheet.records[keys[0]!]).toContainEqual({
      module: "change-management",
      type: "activity",
      id: a.id,
      title: "Sosialisasi maklumat",
      path: `/perubahan/rencana/${a.id}`,
    });
    const narrowed = await coord.request({
      method: "PUT",
      url: `/api/cm/activities/${a.id}/questions`,
      payload: { questionKeys: [keys[1]] },
    });
    expect(narrowed.json().questionKeys).toEqual([keys[1]]);
    const unknown = await coord.request({
      method: "PUT",
      url: `/api/cm/activities/${a.id}/questions`,
      payload: { questionKeys: ["no.such.question"] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    expect(
      (
        await pegawai.request({
          method: "PUT",
          url: `/api/cm/activities/${a.id}/questions`,
          payload: { questionKeys: [] },
        })
      ).statusCode,
    ).toBe(403);
    // Deleting the activity takes it off the worksheet.
    expect((await coord.request({ method: "DELETE", url: `/api/cm/activities/${a.id}` })).statusCode).toBe(
      204,
    );
    const sheet2 = (
      await coord.request({ method: "GET", url: `/api/zi/cycles/${cycles[0].id}/worksheet` })
    ).json();
    expect((sheet2.records[keys[1]!] ?? []).some((r: any) => r.id === a.id)).toBe(false);
    expect((await coord.request({ method: "GET", url: `/api/cm/activities/${a.id}` })).statusCode).toBe(404);
  });

  it("the daily job reminds each overdue activity once per due date", async () => {
    const job = cmModule.jobs!.find((j) => j.name === "cm.overdue-reminders")!;
    const reminders = async () =>
      (
        await t.db
          .selectFrom("outbox")
          .select(["dedupe_key", "payload"])
          .where("dedupe_key", "like", "cm.activity.overdue:%")
          .execute()
      ).map((r) => ({
        key: String(r.dedupe_key),
        payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
      }));
    const a = await newActivity({ title: "Terlambat", startDate: "2026-11-01", dueDate: "2026-11-10" });
    const slot = { startsAt: t.clock.now() };
    await job.run(t.ctx, slot);
    const first = await reminders();
    const mine = first.filter((r) => r.key.includes(a.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload.to).toBe("pegawai@zona.demo");
    expect(mine[0]!.payload.subject).toContain("Terlambat");
    await job.run(t.ctx, slot);
    expect(await reminders()).toHaveLength(first.length);
    // Moving the due date earns a new reminder once it passes again; finishing stops them.
    await coord.request({
      method: "PATCH",
      url: `/api/cm/activities/${a.id}`,
      payload: { dueDate: "2026-11-20" },
    });
    await job.run(t.ctx, slot);
    expect((await reminders()).filter((r) => r.key.includes(a.id))).toHaveLength(2);
    const done = await newActivity({ title: "Selesai", dueDate: "2026-11-10", status: "selesai" });
    await job.run(t.ctx, slot);
    expect((await reminders()).some((r) => r.key.includes(done.id))).toBe(false);
  });

  it("change agents: a decree replaces the agents, changes are recorded and counted, XLSX export", async () => {
    const before = (await agen.request({ method: "GET", url: `/api/cm/agents?unitId=${bekasi()}` })).json();
    expect(before.canManage).toBe(false);
    const me = before.agents.find((a: any) => a.userId === person("agen.perubahan"));
    // The agent records their own change; integration needs realisation and the SOP named.
    const noRef = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${me.id}/changes`,
      payload: { title: "Arsip digital", realisedDate: "2026-09-01", integrated: true },
    });
    expect(noRef.json().error.code).toBe("CM_INTEGRATION_REF_REQUIRED");
    const notRealised = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${me.id}/changes`,
      payload: { title: "Arsip digital", integrated: true, integrationRef: "SOP Arsip" },
    });
    expect(notRealised.json().error.code).toBe("CM_INTEGRATION_NEEDS_REALISATION");
    const ok = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${me.id}/changes`,
      payload: {
        title: "Arsip digital",
        realisedDate: "2026-09-01",
        integrated: true,
        integrationRef: "SOP Arsip",
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    // Another agent cannot write on my record; an employee neither.
    const otherAgent = before.agents.find((a: any) => a.userId === person("layanan"));
    const forbidden = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${otherAgent.id}/changes`,
      payload: { title: "Bukan milik saya" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("CM_CHANGE_FORBIDDEN");

    const counts = async () =>
      (
        await coord.request({ method: "GET", url: `/api/cm/agents/counts?unitId=${bekasi()}&year=2026` })
      ).json().counts;
    expect(await counts()).toEqual({
      jumlah_agen_perubahan: 3,
      jumlah_perubahan: 5,
      jumlah_perubahan_terintegrasi: 3,
    });
    const patched = await agen.request({
      method: "PATCH",
      url: `/api/cm/changes/${ok.json().id}`,
      payload: { realisedDate: "2025-12-30" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await counts()).toEqual({
      jumlah_agen_perubahan: 3,
      jumlah_perubahan: 4,
      jumlah_perubahan_terintegrasi: 2,
    });

    // A new decree: the agent who stays keeps their changes; the one who leaves is no longer counted.
    const res = await coord.request({
      method: "POST",
      url: "/api/cm/agents/decrees",
      payload: {
        unitId: bekasi(),
        number: "KEP-77/KNL.06/2026",
        date: "2026-11-25",
        userIds: [person("agen.perubahan"), person("pegawai")],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json();
    expect(after.agents.map((a: any) => a.name).sort()).toEqual(["Agen Perubahan", "Pegawai KPKNL Bekasi"]);
    expect(after.agents.find((a: any) => a.id === me.id).changes.length).toBe(me.changes.length + 1);
    expect(after.decrees.map((d: any) => d.active)).toEqual([true, false]);
    const c = await counts();
    expect(c.jumlah_agen_perubahan).toBe(2);
    // Changes made by agents on the replaced decree still count for the year.
    expect(c.jumlah_perubahan).toBe(4);
    const gone = await coord.request({
      method: "POST",
      url: `/api/cm/agents/${otherAgent.id}/changes`,
      payload: { title: "Sesudah diganti" },
    });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe("CM_AGENT_NOT_CURRENT");

    const model = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${me.id}/role-models`,
      payload: { title: "Apel pagi", date: "2026-11-24" },
    });
    expect(model.statusCode, model.body).toBe(201);

    const xlsx = await coord.request({
      method: "GET",
      url: `/api/cm/agents/export.xlsx?unitId=${bekasi()}&year=2026`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("Ringkasan LKE")!;
    expect(summary.getRow(4).values).toContain(2);
    expect(summary.getRow(5).getCell(1).value).toBe("Jumlah perubahan yang dibuat");
    const changes = wb.getWorksheet("Perubahan")!;
    expect(changes.getColumn(2).values).toContain("Arsip digital");
    expect(wb.getWorksheet("Role model")!.getColumn(3).values).toContain("Apel pagi");
  });
  const worksheetRecords = async (key: string) => {
    const cycles = (await coord.request({ method: "GET", url: `/api/zi/cycles?unitId=${bekasi()}` })).json()
      .items;
    const sheet = await coord.request({ method: "GET", url: `/api/zi/cycles/${cycles[0].id}/worksheet` });
    expect(sheet.statusCode, sheet.body).toBe(200);
    return (sheet.json().records[key] ?? []) as Array<{
      module: string;
      type: string;
      id: string;
      title: string;
      path: string;
    }>;
  };
  const putQuestions = (s: Session, url: string, questionKeys: string[]) =>
    s.request({ method: "PUT", url, payload: { questionKeys } });

  it.each([
    {
      kind: "team",
      list: "/api/cm/team",
      title: "SK Tim Kerja ZI No.",
      path: "/perubahan/tim",
      keys: ["pemenuhan.mp.tim-kerja.a", "pemenuhan.mp.tim-kerja.b"],
    },
    {
      kind: "agents",
      list: "/api/cm/agents",
      title: "SK Agen Perubahan No.",
      path: "/perubahan/agen",
      keys: ["pemenuhan.mp.pola-pikir-budaya-kerja.b", "pemenuhan.mp.pola-pikir-budaya-kerja.d"],
    },
  ])("links the $kind decree (SK) to LKE questions: replace, unlink, bad key, scope", async (c) => {
    const current = (await coord.request({ method: "GET", url: `${c.list}?unitId=${bekasi()}` })).json()
      .decree;
    expect(current).not.toBeNull();
    const url = `/api/cm/decrees/${current.id}/questions`;
    const linked = await putQuestions(coord, url, c.keys);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ questionKeys: c.keys });
    expect((await coord.request({ method: "GET", url })).json()).toEqual({ questionKeys: c.keys });
    const ref = {
      module: "change-management",
      type: "decree",
      id: current.id,
      title: `${c.title} ${current.number}`,
      path: c.path,
    };
    expect(await worksheetRecords(c.keys[0]!)).toContainEqual(ref);
    expect(await worksheetRecords(c.keys[1]!)).toContainEqual(ref);

    // The set given replaces the previous one.
    const narrowed = await putQuestions(coord, url, [c.keys[1]!]);
    expect(narrowed.json()).toEqual({ questionKeys: [c.keys[1]] });
    expect((await worksheetRecords(c.keys[0]!)).some((r) => r.id === current.id)).toBe(false);
    expect(await worksheetRecords(c.keys[1]!)).toContainEqual(ref);

    // An unknown question refuses the whole set: nothing changes.
    const unknown = await putQuestions(coord, url, [c.keys[0]!, "no.such.question"]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    expect((await coord.request({ method: "GET", url })).json()).toEqual({ questionKeys: [c.keys[1]] });

    // Staff may not link; another office's head is out of scope.
    for (const s of [pegawai, agen, bandungHead]) {
      expect((await putQuestions(s, url, [])).statusCode).toBe(403);
      expect((await s.request({ method: "GET", url })).statusCode).toBe(403);
    }
    expect((await putQuestions(bandungHead, url, [])).json().error.code).toBe("OUT_OF_SCOPE");
    expect((await putQuestions(coord, "/api/cm/decrees/nope/questions", [])).json().error.code).toBe(
      "CM_DECREE_NOT_FOUND",
    );

    // An empty set unlinks it from the worksheet.
    expect((await putQuestions(coord, url, [])).json()).toEqual({ questionKeys: [] });
    expect((await worksheetRecords(c.keys[1]!)).some((r) => r.id === current.id)).toBe(false);
  });

  it("links a change agent's concrete change to LKE questions; deleting the change unlinks it", async () => {
    const data = (await agen.request({ method: "GET", url: `/api/cm/agents?unitId=${bekasi()}` })).json();
    const me = data.agents.find((a: any) => a.userId === person("agen.perubahan"));
    const created = await agen.request({
      method: "POST",
      url: `/api/cm/agents/${me.id}/changes`,
      payload: { title: "Loket prioritas lansia", realisedDate: "2026-10-01" },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().questionKeys).toEqual([]);
    const id = created.json().id as string;
    const url = `/api/cm/changes/${id}/questions`;
    const keys = ["reform.mp.komitmen-perubahan.a", "reform.mp.komitmen-perubahan.b"];
    // The agent records the change, but only a manager links it to the worksheet.
    const byAgent = await putQuestions(agen, url, keys);
    expect(byAgent.statusCode).toBe(403);
    expect((await putQuestions(bandungHead, url, keys)).statusCode).toBe(403);
    const linked = await putQuestions(coord, url, keys);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ id, title: "Loket prioritas lansia", questionKeys: keys });
    const ref = {
      module: "change-management",
      type: "change",
      id,
      title: "Perubahan oleh agen perubahan Agen Perubahan: Loket prioritas lansia",
      path: "/perubahan/agen",
    };
    expect(await worksheetRecords(keys[0]!)).toContainEqual(ref);
    // The agents page shows the links on the change.
    const again = (await agen.request({ method: "GET", url: `/api/cm/agents?unitId=${bekasi()}` })).json();
    const change = again.agents.flatMap((a: any) => a.changes).find((x: any) => x.id === id);
    expect(change.questionKeys).toEqual(keys);

    const narrowed = await putQuestions(coord, url, [keys[1]!]);
    expect(narrowed.json().questionKeys).toEqual([keys[1]]);
    expect((await worksheetRecords(keys[0]!)).some((r) => r.id === id)).toBe(false);
    const unknown = await putQuestions(coord, url, ["no.such.question"]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    expect((await putQuestions(coord, "/api/cm/changes/nope/questions", [])).statusCode).toBe(404);

    // The agent deletes their change: it leaves the worksheet even though they cannot link.
    expect((await agen.request({ method: "DELETE", url: `/api/cm/changes/${id}` })).statusCode).toBe(204);
    expect((await worksheetRecords(keys[1]!)).some((r) => r.id === id)).toBe(false);
  });
});
