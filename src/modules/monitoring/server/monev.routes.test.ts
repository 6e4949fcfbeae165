import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { myFollowUpsSchema } from "../contract";
import { monevModule } from ".";

describe.each(testLanes())("monev routes on $name", (lane) => {
  let t: TestApp;
  let head: Session; // kepala.bekasi
  let coord: Session; // koordinator.zi
  let pegawai: Session;
  let layanan: Session;
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [head, coord, pegawai, layanan, bandungHead] = await Promise.all([
      t.login("kepala.bekasi@zona.demo"),
      t.login("koordinator.zi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("layanan@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
    const people = await coord.request({ method: "GET", url: `/api/monev/units/${bekasi()}/people` });
    expect(people.statusCode, people.body).toBe(200);
    for (const p of people.json().items) ids[p.email.split("@")[0]] = p.id;
    const bandungPeople = await bandungHead.request({
      method: "GET",
      url: `/api/monev/units/${t.units["KPKNL-BANDUNG"]}/people`,
    });
    ids["kepala.bandung"] = bandungPeople.json().items[0].id;
  });
  afterAll(() => t.close());

  const get = (s: Session, url: string) => s.request({ method: "GET", url });
  const createMeeting = async (date: string, extra: object = {}) => {
    const res = await coord.request({
      method: "POST",
      url: "/api/monev/meetings",
      payload: {
        unitId: bekasi(),
        kind: "ad_hoc",
        date,
        title: `Rapat uji ${date}`,
        chairId: ids["kepala.bekasi"],
        participantIds: [ids.pegawai, ids.layanan],
        agenda: ["Uji carry-over"],
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const addFollowUp = (s: Session, meetingId: string, payload: object) =>
    s.request({ method: "POST", url: `/api/monev/meetings/${meetingId}/follow-ups`, payload });
  const setStatus = (s: Session, id: string, payload: object) =>
    s.request({ method: "POST", url: `/api/monev/follow-ups/${id}/status`, payload });

  it("the demo office has MODEL, monthly and quarterly meetings with follow-ups in every state", async () => {
    const res = await get(pegawai, `/api/monev/meetings?unitId=${bekasi()}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ kind: string; date: string; followUps: { carried: number } }>;
    const weekly = items.filter((m) => m.kind === "weekly");
    expect(weekly.length).toBeGreaterThanOrEqual(8);
    expect(weekly.every((m) => m.date >= "2026-09-20" && m.date < "2026-11-27")).toBe(true);
    expect(items.filter((m) => m.kind === "monthly")).toHaveLength(1);
    expect(items.filter((m) => m.kind === "quarterly")).toHaveLength(1);
    expect(items.some((m) => m.followUps.carried > 0)).toBe(true);
    const kindFilter = await get(pegawai, `/api/monev/meetings?unitId=${bekasi()}&kind=quarterly`);
    expect(kindFilter.json().items.map((m: { kind: string }) => m.kind)).toEqual(["quarterly"]);

    const all = (await get(pegawai, `/api/monev/follow-ups?unitId=${bekasi()}`)).json().items as Array<{
      status: string;
      overdue: boolean;
      completedOn: string | null;
      dueDate: string;
      carryCount: number;
    }>;
    expect(all.some((f) => f.status === "done" && f.completedOn! <= f.dueDate)).toBe(true);
    expect(all.some((f) => f.status === "done" && f.completedOn! > f.dueDate)).toBe(true);
    expect(all.some((f) => f.status === "dropped")).toBe(true);
    expect(all.some((f) => f.status === "open" && f.overdue)).toBe(true);
    expect(all.some((f) => f.status === "open" && !f.overdue)).toBe(true);
    expect(all.some((f) => f.carryCount >= 2)).toBe(true);

    // The caller's own follow-ups, in the exact shape the personal page reads.
    const mine = await get(pegawai, "/api/monev/follow-ups/mine");
    expect(mine.statusCode).toBe(200);
    const body = myFollowUpsSchema.strict().parse(mine.json());
    for (const item of body.items)
      expect(Object.keys(item).sort()).toEqual([
        "dueDate",
        "id",
        "meetingId",
        "meetingTitle",
        "overdue",
        "status",
        "text",
      ]);
    expect(body.items.some((i) => i.overdue && i.status === "open")).toBe(true);
    // The demo MODEL and DKO meetings are linked as LKE evidence.
    const dko = items.find((m) => m.kind === "quarterly") as unknown as { id: string };
    expect((await get(head, `/api/monev/meetings/${dko.id}`)).json().evidence).toEqual([
      "pemenuhan.mp.pemantauan-evaluasi.b",
      "pemenuhan.mp.pemantauan-evaluasi.c",
    ]);
  });

  it("carries open follow-ups into the next meeting and closing one anywhere closes it everywhere", async () => {
    const unitRoot = { unitId: t.units["KPKNL-BANDUNG"]! };
    // A quiet unit to count carry-overs exactly: KPKNL Bandung, run by its own head.
    const m1 = await bandungHead.request({
      method: "POST",
      url: "/api/monev/meetings",
      payload: {
        ...unitRoot,
        kind: "weekly",
        date: "2026-11-02",
        title: "MODEL 2 Nov",
        chairId: ids["kepala.bandung"],
      },
    });
    expect(m1.statusCode, m1.body).toBe(201);
    const meeting1 = m1.json();
    expect(meeting1.carriedOver).toEqual([]);
    const fa = (
      await addFollowUp(bandungHead, meeting1.id, {
        text: "A",
        ownerId: ids["kepala.bandung"],
        dueDate: "2026-11-06",
      })
    ).json();
    const fb = (
      await addFollowUp(bandungHead, meeting1.id, {
        text: "B",
        ownerId: ids["kepala.bandung"],
        dueDate: "2026-12-01",
      })
    ).json();
    const fc = (
      await addFollowUp(bandungHead, meeting1.id, {
        text: "C",
        ownerId: ids["kepala.bandung"],
        dueDate: "2026-11-10",
      })
    ).json();
    expect(
      (await setStatus(bandungHead, fc.id, { status: "done", completedOn: "2026-11-05" })).statusCode,
    ).toBe(200);

    const m2 = (
      await bandungHead.request({
        method: "POST",
        url: "/api/monev/meetings",
        payload: { ...unitRoot, kind: "weekly", date: "2026-11-09", title: "MODEL 9 Nov" },
      })
    ).json();
    expect(m2.carriedOver.map((f: { text: string }) => f.text)).toEqual(["A", "B"]);
    expect(m2.carriedOver.map((f: { carryNumber: number }) => f.carryNumber)).toEqual([1, 1]);
    expect(m2.carriedOver[0].meeting.id).toBe(meeting1.id);
    expect(m2.carriedOver[0].overdue).toBe(true);

    const m3 = (
      await bandungHead.request({
        method: "POST",
        url: "/api/monev/meetings",
        payload: { ...unitRoot, kind: "monthly", date: "2026-11-16", title: "Evaluasi bulanan" },
      })
    ).json();
    expect(m3.carriedOver.map((f: { text: string; carryCount: number }) => [f.text, f.carryCount])).toEqual([
      ["A", 2],
      ["B", 2],
    ]);

    // Closed from the second meeting: done in the origin meeting and in every meeting carrying it.
    const closed = await setStatus(bandungHead, fa.id, {
      status: "done",
      completedOn: "2026-11-12",
      note: "Beres",
      meetingId: m2.id,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "done",
      completedOn: "2026-11-12",
      closedInMeetingId: m2.id,
      overdue: false,
    });
    for (const id of [meeting1.id, m2.id, m3.id]) {
      const d = (await get(bandungHead, `/api/monev/meetings/${id}`)).json();
      const a = [...d.followUps, ...d.carriedOver].find((f: { id: string }) => f.id === fa.id);
      expect(a.status).toBe("done");
    }
    // The next meeting no longer carries it.
    const m4 = (
      await bandungHead.request({
        method: "POST",
        url: "/api/monev/meetings",
        payload: { ...unitRoot, kind: "weekly", date: "2026-11-23", title: "MODEL 23 Nov" },
      })
    ).json();
    expect(m4.carriedOver.map((f: { id: string; carryNumber: number }) => [f.id, f.carryNumber])).toEqual([
      [fb.id, 3],
    ]);
    // A meeting recorded later for an earlier date does not take later decisions back in time.
    const back = (
      await bandungHead.request({
        method: "POST",
        url: "/api/monev/meetings",
        payload: { ...unitRoot, kind: "ad_hoc", date: "2026-10-30", title: "Rapat susulan" },
      })
    ).json();
    expect(back.carriedOver).toEqual([]);
    // Closing from a meeting it is not on is refused.
    const wrong = await setStatus(bandungHead, fb.id, { status: "dropped", reason: "x", meetingId: back.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("MONEV_NOT_IN_MEETING");
  });

  it("refuses follow-ups without owner, with an outsider owner, or due before the meeting — nothing written", async () => {
    const m = await createMeeting("2026-11-20");
    const noOwner = await addFollowUp(coord, m.id, { text: "Tanpa penanggung jawab", dueDate: "2026-11-25" });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.issues.some((i: { path: string }) => i.path.includes("ownerId"))).toBe(true);
    const outsider = await addFollowUp(coord, m.id, {
      text: "Orang luar",
      ownerId: ids["kepala.bandung"],
      dueDate: "2026-11-25",
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.code).toBe("MONEV_NOT_UNIT_MEMBER");
    const early = await addFollowUp(coord, m.id, {
      text: "Terlalu awal",
      ownerId: ids.pegawai,
      dueDate: "2026-11-19",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("MONEV_DUE_BEFORE_MEETING");
    expect(early.json().error.message).toContain("2026-11-19");
    const bad = await addFollowUp(coord, m.id, {
      text: "Tanggal ngawur",
      ownerId: ids.pegawai,
      dueDate: "2026-02-30",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("MONEV_DATE_INVALID");
    expect((await get(coord, `/api/monev/meetings/${m.id}`)).json().followUps).toEqual([]);

    const badMeeting = await coord.request({
      method: "POST",
      url: "/api/monev/meetings",
      payload: { unitId: bekasi(), kind: "weekly", date: "2026-13-01", title: "x" },
    });
    expect(badMeeting.statusCode).toBe(400);
    const outsiderParticipant = await coord.request({
      method: "POST",
      url: "/api/monev/meetings",
      payload: {
        unitId: bekasi(),
        kind: "weekly",
        date: "2026-11-23",
        title: "x",
        participantIds: [ids["kepala.bandung"]],
      },
    });
    expect(outsiderParticipant.json().error.code).toBe("MONEV_NOT_UNIT_MEMBER");

    // Status rules: not in the future, not before the meeting, reopen before re-closing.
    const f = (
      await addFollowUp(coord, m.id, { text: "Cek", ownerId: ids.pegawai, dueDate: "2026-11-24" })
    ).json();
    expect(
      (await setStatus(coord, f.id, { status: "done", completedOn: "2026-11-28" })).json().error.code,
    ).toBe("MONEV_COMPLETED_IN_FUTURE");
    expect(
      (await setStatus(coord, f.id, { status: "done", completedOn: "2026-11-19" })).json().error.code,
    ).toBe("MONEV_COMPLETED_BEFORE_MEETING");
    expect((await setStatus(coord, f.id, { status: "dropped" })).statusCode).toBe(400);
    expect((await setStatus(coord, f.id, { status: "done", completedOn: "2026-11-26" })).statusCode).toBe(
      200,
    );
    const twice = await setStatus(coord, f.id, { status: "dropped", reason: "Berubah pikiran" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("MONEV_STATUS_CHANGE");
    const reopened = await setStatus(coord, f.id, { status: "open" });
    expect(reopened.json()).toMatchObject({ status: "open", completedOn: null, overdue: true });

    // The meeting's date cannot move past its follow-ups' due dates.
    const moved = await coord.request({
      method: "PATCH",
      url: `/api/monev/meetings/${m.id}`,
      payload: { version: 1, date: "2026-11-25" },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.code).toBe("MONEV_MEETING_AFTER_DUE");
    const edited = await coord.request({
      method: "PATCH",
      url: `/api/monev/meetings/${m.id}`,
      payload: { version: 1, minutes: "Notulen lengkap", decisions: ["Keputusan 1"] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      minutes: "Notulen lengkap",
      decisions: ["Keputusan 1"],
      version: 2,
    });
    const stale = await coord.request({
      method: "PATCH",
      url: `/api/monev/meetings/${m.id}`,
      payload: { version: 1, title: "x" },
    });
    expect(stale.json().error.code).toBe("MONEV_VERSION_CONFLICT");
  });

  it("keeps another office out and lets an owner update only their own follow-up", async () => {
    expect((await get(bandungHead, `/api/monev/meetings?unitId=${bekasi()}`)).statusCode).toBe(403);
    const m = await createMeeting("2026-11-24");
    expect((await get(bandungHead, `/api/monev/meetings/${m.id}`)).statusCode).toBe(403);
    const post = await bandungHead.request({
      method: "POST",
      url: "/api/monev/meetings",
      payload: { unitId: bekasi(), kind: "weekly", date: "2026-11-23", title: "Bukan unit saya" },
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe("OUT_OF_SCOPE");
    // Staff read but do not manage.
    expect((await get(pegawai, `/api/monev/meetings/${m.id}`)).json().canManage).toBe(false);
    expect(
      (await addFollowUp(pegawai, m.id, { text: "x", ownerId: ids.pegawai, dueDate: "2026-11-30" }))
        .statusCode,
    ).toBe(403);

    const mineF = (
      await addFollowUp(coord, m.id, { text: "Milik pegawai", ownerId: ids.pegawai, dueDate: "2026-11-30" })
    ).json();
    const otherF = (
      await addFollowUp(coord, m.id, { text: "Milik layanan", ownerId: ids.layanan, dueDate: "2026-11-30" })
    ).json();
    const detail = (await get(pegawai, `/api/monev/meetings/${m.id}`)).json();
    expect(
      detail.followUps.map((f: { text: string; canUpdateStatus: boolean }) => [f.text, f.canUpdateStatus]),
    ).toEqual([
      ["Milik pegawai", true],
      ["Milik layanan", false],
    ]);
    const own = await setStatus(pegawai, mineF.id, { status: "done", completedOn: "2026-11-26" });
    expect(own.statusCode, own.body).toBe(200);
    const notOwn = await setStatus(pegawai, otherF.id, { status: "done", completedOn: "2026-11-26" });
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json().error.code).toBe("MONEV_NOT_OWNER");
    expect(
      (await setStatus(bandungHead, otherF.id, { status: "done", completedOn: "2026-11-26" })).statusCode,
    ).toBe(403);
    // Only managers edit the text, owner or due date.
    expect(
      (
        await pegawai.request({
          method: "PATCH",
          url: `/api/monev/follow-ups/${mineF.id}`,
          payload: { dueDate: "2026-12-30" },
        })
      ).statusCode,
    ).toBe(403);
    const moved = await coord.request({
      method: "PATCH",
      url: `/api/monev/follow-ups/${otherF.id}`,
      payload: { ownerId: ids.pegawai },
    });
    expect(moved.json().owner.id).toBe(ids.pegawai);
    const layananMine = (await get(layanan, "/api/monev/follow-ups/mine")).json().items;
    expect(layananMine.some((f: { id: string }) => f.id === otherF.id)).toBe(false);
    // Every write left its audit row.
    const audit = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", mineF.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["monev.follow_up.created", "monev.follow_up.done"]);
  });

  it("reports completion rates per period", async () => {
    const res = await get(
      coord,
      `/api/monev/rates?unitId=${bekasi()}&granularity=month&from=2026-09-01&to=2026-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.today).toBe("2026-11-27");
    expect(body.periods.map((p: { period: string }) => p.period)).toEqual([
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    const all = (await get(coord, `/api/monev/follow-ups?unitId=${bekasi()}`)).json().items;
    const inRange = all.filter(
      (f: { dueDate: string }) => f.dueDate >= "2026-09-01" && f.dueDate <= "2026-12-31",
    );
    const total = body.periods.reduce(
      (s: number, p: { counted: number; dropped: number }) => s + p.counted + p.dropped,
      0,
    );
    expect(total).toBe(inRange.length);
    const q = await get(
      coord,
      `/api/monev/rates?unitId=${bekasi()}&granularity=quarter&from=2026-01-01&to=2026-12-31`,
    );
    expect(q.json().periods.map((p: { period: string }) => p.period)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(
      (await get(coord, `/api/monev/rates?unitId=${bekasi()}&from=2026-12-01&to=2026-01-01`)).json().error
        .code,
    ).toBe("MONEV_RANGE_INVALID");
    // Default ranges: 12 months ending next month, 8 quarters ending this quarter.
    const dm = (await get(coord, `/api/monev/rates?unitId=${bekasi()}`))
      .json()
      .periods.map((p: { period: string }) => p.period);
    expect(dm).toHaveLength(12);
    expect([dm[0], dm[11]]).toEqual(["2026-01", "2026-12"]);
    const dq = (await get(coord, `/api/monev/rates?unitId=${bekasi()}&granularity=quarter`))
      .json()
      .periods.map((p: { period: string }) => p.period);
    expect([dq.length, dq[0], dq[7]]).toEqual([8, "2025-Q1", "2026-Q4"]);
    expect((await get(bandungHead, `/api/monev/rates?unitId=${bekasi()}`)).statusCode).toBe(403);
  });

  it("links a meeting as LKE evidence for those who may write the worksheet", async () => {
    const m = await createMeeting("2026-11-25");
    const link = await head.request({
      method: "POST",
      url: `/api/monev/meetings/${m.id}/evidence`,
      payload: { questionKeys: ["pemenuhan.mp.pemantauan-evaluasi.c"] },
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().evidence).toEqual(["pemenuhan.mp.pemantauan-evaluasi.c"]);
    const unknown = await head.request({
      method: "POST",
      url: `/api/monev/meetings/${m.id}/evidence`,
      payload: { questionKeys: ["no.such.question"] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    const byStaff = await pegawai.request({
      method: "POST",
      url: `/api/monev/meetings/${m.id}/evidence`,
      payload: { questionKeys: ["pemenuhan.mp.pemantauan-evaluasi.b"] },
    });
    expect(byStaff.statusCode).toBe(403);
    const unlink = await head.request({
      method: "DELETE",
      url: `/api/monev/meetings/${m.id}/evidence/pemenuhan.mp.pemantauan-evaluasi.c`,
    });
    expect(unlink.json().evidence).toEqual([]);
  });

  it("reminds each overdue follow-up once, however often the daily job runs", async () => {
    const job = monevModule.jobs!.find((j) => j.name === "monev.follow-up-reminders")!;
    expect(job.everySeconds).toBe(86_400);
    const count = async () =>
      (
        await t.db
          .selectFrom("outbox")
          .select("dedupe_key")
          .where("dedupe_key", "like", "monev:follow-up:%")
          .execute()
      ).length;
    const overdue = (await get(coord, `/api/monev/follow-ups?unitId=${bekasi()}&status=open`))
      .json()
      .items.filter((f: { overdue: boolean }) => f.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const before = await count();
    await job.run(t.ctx, { startsAt: t.clock.now() });
    const afterFirst = await count();
    expect(afterFirst - before).toBeGreaterThanOrEqual(overdue.length);
    await job.run(t.ctx, { startsAt: t.clock.now() });
    expect(await count()).toBe(afterFirst);
    // The e-mail goes to the owner and names the follow-up.
    const pegawaiOverdue = overdue.find(
      (f: { owner: { email: string } }) => f.owner.email === "pegawai@zona.demo",
    );
    const row = await t.db
      .selectFrom("outbox")
      .select(["type", "payload"])
      .where("dedupe_key", "=", `monev:follow-up:${pegawaiOverdue.id}:overdue:${pegawaiOverdue.dueDate}`)
      .executeTakeFirstOrThrow();
    expect(row.type).toBe("email");
    const payload = JSON.parse(String(row.payload));
    expect(payload.to).toBe("pegawai@zona.demo");
    expect(payload.text).toContain(pegawaiOverdue.text);
    // A new due date that passes again earns one new reminder.
    await coord.request({
      method: "PATCH",
      url: `/api/monev/follow-ups/${pegawaiOverdue.id}`,
      payload: { dueDate: "2026-11-26" },
    });
    await job.run(t.ctx, { startsAt: t.clock.now() });
    await job.run(t.ctx, { startsAt: t.clock.now() });
    expect(await count()).toBe(afterFirst + 1);
  });
});
