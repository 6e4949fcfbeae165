import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendar, isWorkingDay, loadShippedHolidays } from "../../../kernel/calendar";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { cultureModule } from ".";

const cal = createCalendar(undefined, loadShippedHolidays());
const TODAY = "2026-11-27"; // the test clock, Asia/Jakarta

describe.each(testLanes())("culture routes on $name", (lane) => {
  let t: TestApp;
  let coord: Session; // ZI coordinator, KPKNL Bekasi (culture.manage)
  let agent: Session; // change agent (culture.manage, no worksheet write)
  let pegawai: Session; // employee (culture.read)
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  const bandung = () => t.units["KPKNL-BANDUNG"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [coord, agent, pegawai, bandungHead] = await Promise.all([
      t.login("koordinator.zi@zona.demo"),
      t.login("agen.perubahan@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t.close());

  const get = async (s: Session, url: string) => {
    const res = await s.request({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const schedule = (from: string, to: string, unitId = bekasi()) =>
    get(coord, `/api/culture/gsp/schedule?unitId=${unitId}&from=${from}&to=${to}`);
  const staff = async () => (await get(coord, `/api/culture/staff?unitId=${bekasi()}`)).items as any[];
  const idOf = async (name: string) => (await staff()).find((s) => s.name === name)!.userId as string;
  const programme = async (code: string) =>
    (await get(coord, `/api/culture/programmes?unitId=${bekasi()}`)).items.find((p: any) => p.code === code);

  it("the demo office has the five programmes with owners and recent sessions", async () => {
    const items = (await get(pegawai, `/api/culture/programmes?unitId=${bekasi()}`)).items;
    expect(items.map((p: any) => p.code)).toEqual(["REPEAT", "MODEL", "RABU_CENDEKIA", "GSP", "LITERASI"]);
    expect(items.find((p: any) => p.code === "MODEL").schedule).toEqual({ kind: "weekly", weekday: 1 });
    expect(items.find((p: any) => p.code === "MODEL").ownerName).toBe("Kepala KPKNL Bekasi");
    expect(items.find((p: any) => p.code === "MODEL").occurrencesThisMonth).toBeGreaterThan(0);
    const rate = items.find((p: any) => p.code === "MODEL").attendanceRateThisMonth;
    expect(rate).toBeGreaterThan(50);
    expect(rate).toBeLessThan(100);
  });

  it("GET /gsp/mine gives the employee a turn within 30 days, in the shared contract's exact shape", async () => {
    const mine = await get(pegawai, "/api/culture/gsp/mine");
    expect(mine.items.length).toBeGreaterThan(0);
    const first = mine.items[0];
    expect(Object.keys(first).sort()).toEqual(["date", "role", "topic", "unitId", "unitName"]);
    expect(first).toMatchObject({ unitId: bekasi(), unitName: "KPKNL Bekasi", role: "speaker" });
    expect(first.date >= TODAY).toBe(true);
    const in30 = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(first.date <= in30).toBe(true);
    expect(mine.items.every((i: any) => isWorkingDay(cal, i.date))).toBe(true);
    // a user without turns gets an empty list, not an error
    expect((await get(bandungHead, "/api/culture/gsp/mine")).items).toEqual([]);
  });

  it("the demo schedule covers this and next month fairly, on working days only, leave respected", async () => {
    const s = await schedule("2026-11-01", "2026-12-31");
    const days = s.turns.map((x: any) => x.date);
    expect(days[0]).toBe("2026-11-02");
    expect(days.every((d: string) => isWorkingDay(cal, d))).toBe(true);
    expect(days).not.toContain("2026-12-25");
    expect(s.holidays.map((h: any) => h.date)).toContain("2026-12-25");
    // the head leads the rally and is left out of the rotation
    const head = s.roster.find((r: any) => r.name === "Kepala KPKNL Bekasi");
    expect(head.excluded).toBe(true);
    expect(s.turns.some((x: any) => x.userId === head.userId)).toBe(false);
    // fairness: everyone eligible within one turn of each other
    const counts = s.counts.map((c: any) => c.turns);
    expect(counts.length).toBe(s.roster.filter((r: any) => !r.excluded).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // nobody speaks on a leave day
    for (const l of s.leaves)
      for (const x of s.turns) if (x.userId === l.userId) expect(x.date < l.from || x.date > l.to).toBe(true);
    expect(s.leaves.length).toBe(2);
  });

  it("generates a range, skips an employee on leave for that day and gives them the next possible day", async () => {
    const pegawaiId = await idOf("Pegawai KPKNL Bekasi");
    const generate = () =>
      coord.request({
        method: "POST",
        url: "/api/culture/gsp/generate",
        payload: { unitId: bekasi(), from: "2027-03-01", to: "2027-03-31" },
      });
    const gen = await generate();
    expect(gen.statusCode, gen.body).toBe(200);
    const plain = await schedule("2027-03-01", "2027-03-31");
    expect(gen.json().created).toBe(plain.turns.length);
    expect(plain.turns.length).toBe(plain.turns.filter((x: any) => isWorkingDay(cal, x.date)).length);
    const turnDay: string = plain.turns.find((x: any) => x.userId === pegawaiId).date;
    // pegawai goes on an official trip for their turn day and the next working day
    const trip = plain.turns.map((x: any) => x.date).filter((d: string) => d >= turnDay);
    const leave = await coord.request({
      method: "POST",
      url: "/api/culture/leaves",
      payload: { unitId: bekasi(), userId: pegawaiId, from: trip[0], to: trip[1], kind: "dinas_luar" },
    });
    expect(leave.statusCode, leave.body).toBe(201);
    expect((await generate()).statusCode).toBe(200);
    const s = await schedule("2027-03-01", "2027-03-31");
    const mine = s.turns.filter((x: any) => x.userId === pegawaiId).map((x: any) => x.date);
    expect(mine).not.toContain(trip[0]);
    expect(mine).not.toContain(trip[1]);
    expect(mine[0]).toBe(trip[2]); // first working day back, before anyone's second turn
    // the days they missed went to the next people in line
    expect(s.turns.find((x: any) => x.date === trip[0]).userId).not.toBe(pegawaiId);
    const del = await coord.request({ method: "DELETE", url: `/api/culture/leaves/${leave.json().id}` });
    expect(del.statusCode).toBe(204);
  });

  it("regenerating from a date replaces later turns and keeps earlier ones; the past cannot be regenerated", async () => {
    const gen1 = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-04-01", to: "2027-04-30" },
    });
    expect(gen1.statusCode, gen1.body).toBe(200);
    const before = await schedule("2027-04-01", "2027-04-30");
    const kept = before.turns.filter((x: any) => x.date < "2027-04-15");
    // someone goes on leave from the 15th: regenerate from the 15th
    const victim = before.turns.find((x: any) => x.date >= "2027-04-15")!;
    const leave = await coord.request({
      method: "POST",
      url: "/api/culture/leaves",
      payload: {
        unitId: bekasi(),
        userId: victim.userId,
        from: "2027-04-15",
        to: "2027-04-16",
        kind: "sakit",
      },
    });
    expect(leave.statusCode).toBe(201);
    const gen2 = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-04-15", to: "2027-04-30" },
    });
    expect(gen2.statusCode, gen2.body).toBe(200);
    expect(gen2.json().replaced).toBe(before.turns.length - kept.length);
    const after = await schedule("2027-04-01", "2027-04-30");
    expect(after.turns.filter((x: any) => x.date < "2027-04-15")).toEqual(kept);
    const onLeave = after.turns.filter(
      (x: any) => x.userId === victim.userId && x.date >= "2027-04-15" && x.date <= "2027-04-16",
    );
    expect(onLeave).toEqual([]);
    expect(after.turns.find((x: any) => x.date === "2027-04-19")?.userId).toBe(victim.userId);

    const past = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2026-11-20", to: "2026-12-31" },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe("CULTURE_GSP_PAST");
    const backwards = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-05-10", to: "2027-05-01" },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe("CULTURE_DATE_RANGE");
    const weekend = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-05-01", to: "2027-05-02" },
    });
    expect(weekend.json().error.code).toBe("CULTURE_GSP_NO_WORKING_DAYS");
  });

  it("refuses a schedule with no eligible employee and writes nothing", async () => {
    const all = (await staff()).map((s) => s.userId);
    const before = await schedule("2027-06-01", "2027-06-30");
    const roster = await coord.request({
      method: "PUT",
      url: "/api/culture/gsp/roster",
      payload: { unitId: bekasi(), excludedUserIds: all },
    });
    expect(roster.statusCode, roster.body).toBe(200);
    const res = await coord.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-06-01", to: "2027-06-30" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("CULTURE_GSP_NO_ELIGIBLE");
    expect(res.json().error.message).toMatch(/tidak ada pegawai/);
    expect((await schedule("2027-06-01", "2027-06-30")).turns).toEqual(before.turns);
    // restore: only the head stays out
    const head = await idOf("Kepala KPKNL Bekasi");
    await coord.request({
      method: "PUT",
      url: "/api/culture/gsp/roster",
      payload: { unitId: bekasi(), excludedUserIds: [head] },
    });
    // Bandung's only staff member is on leave the whole range: also refused
    const bandungStaff = (await get(bandungHead, `/api/culture/staff?unitId=${bandung()}`)).items;
    const l = await bandungHead.request({
      method: "POST",
      url: "/api/culture/leaves",
      payload: {
        unitId: bandung(),
        userId: bandungStaff[0].userId,
        from: "2027-06-01",
        to: "2027-06-30",
        kind: "cuti",
      },
    });
    expect(l.statusCode, l.body).toBe(201);
    const refused = await bandungHead.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bandung(), from: "2027-06-01", to: "2027-06-30" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.params.reason).toBe("leave");
  });

  it("keeps other offices and read-only staff out", async () => {
    const list = await bandungHead.request({
      method: "GET",
      url: `/api/culture/programmes?unitId=${bekasi()}`,
    });
    expect(list.statusCode).toBe(403);
    const gen = await bandungHead.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-07-01", to: "2027-07-31" },
    });
    expect(gen.statusCode).toBe(403);
    const sched = await bandungHead.request({
      method: "GET",
      url: `/api/culture/gsp/schedule?unitId=${bekasi()}&from=2026-11-01&to=2026-11-30`,
    });
    expect(sched.statusCode).toBe(403);
    const byEmployee = await pegawai.request({
      method: "POST",
      url: "/api/culture/gsp/generate",
      payload: { unitId: bekasi(), from: "2027-07-01", to: "2027-07-31" },
    });
    expect(byEmployee.statusCode).toBe(403);
    const model = await programme("MODEL");
    const occ = await bandungHead.request({
      method: "GET",
      url: `/api/culture/programmes/${model.id}/occurrences`,
    });
    expect(occ.statusCode).toBe(403);
    const anon = await t.app.inject({ method: "GET", url: "/api/culture/gsp/mine" });
    expect(anon.statusCode).toBe(401);
  });

  it("the speaker sets the topic of their own turn; nobody else's", async () => {
    const mine = (await get(pegawai, "/api/culture/gsp/mine")).items;
    const date = mine[0].date;
    const res = await pegawai.request({
      method: "PATCH",
      url: `/api/culture/gsp/turns/${bekasi()}/${date}`,
      payload: { topic: "Tips aman bertransaksi lelang online" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(pegawai, "/api/culture/gsp/mine")).items[0].topic).toBe(
      "Tips aman bertransaksi lelang online",
    );
    const s = await schedule(TODAY, "2026-12-31");
    const other = s.turns.find((x: any) => x.date !== date)!;
    const denied = await pegawai.request({
      method: "PATCH",
      url: `/api/culture/gsp/turns/${bekasi()}/${other.date}`,
      payload: { topic: "x" },
    });
    expect(denied.statusCode).toBe(403);
    const none = await coord.request({
      method: "PATCH",
      url: `/api/culture/gsp/turns/${bekasi()}/2026-11-28`,
      payload: { topic: "x" },
    });
    expect(none.statusCode).toBe(404);
  });

  it("creates programmes from templates and by hand, refusing duplicates and bad input", async () => {
    const tpl = await bandungHead.request({
      method: "POST",
      url: "/api/culture/programmes/templates",
      payload: { unitId: bandung() },
    });
    expect(tpl.json()).toEqual({ created: 5 });
    const again = await bandungHead.request({
      method: "POST",
      url: "/api/culture/programmes/templates",
      payload: { unitId: bandung() },
    });
    expect(again.json()).toEqual({ created: 0 });
    const body = {
      unitId: bekasi(),
      code: "JUMAT_BERSIH",
      kind: "other",
      name: "Jumat Bersih",
      description: "Kerja bakti lingkungan kantor",
      schedule: { kind: "weekly", weekday: 5 },
    };
    const created = await agent.request({ method: "POST", url: "/api/culture/programmes", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: "JUMAT_BERSIH", active: true, checklist: [] });
    const dup = await agent.request({ method: "POST", url: "/api/culture/programmes", payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("CULTURE_PROGRAMME_CODE_TAKEN");
    const bad = await agent.request({
      method: "POST",
      url: "/api/culture/programmes",
      payload: { ...body, code: "X2", schedule: { kind: "weekly", weekday: 9 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.issues)).toContain("schedule");
    const notStaff = await agent.request({
      method: "POST",
      url: "/api/culture/programmes",
      payload: {
        ...body,
        code: "X3",
        ownerUserId: (await get(bandungHead, `/api/culture/staff?unitId=${bandung()}`)).items[0].userId,
      },
    });
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().error.code).toBe("CULTURE_NOT_STAFF");
    const patched = await agent.request({
      method: "PATCH",
      url: `/api/culture/programmes/${created.json().id}`,
      payload: { active: false, schedule: { kind: "monthly", day: 5 } },
    });
    expect(patched.json()).toMatchObject({ active: false, schedule: { kind: "monthly", day: 5 } });
  });

  it("records a session with attendance, checklist and files; rejects outsiders and foreign files", async () => {
    const repeat = await programme("REPEAT");
    const people = await staff();
    const upload = await coord.request({
      method: "POST",
      url: "/api/files",
      ...form([
        { name: "unitId", value: bekasi() },
        { name: "file", filename: "foto.pdf", type: "application/pdf", data: sample.pdf("foto.pdf") },
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const payload = {
      date: "2026-11-26",
      notes: "Putaran kedua",
      fileIds: [upload.json().id],
      checklist: [
        { item: "Fasilitas: ruang tunggu bersih dan nyaman", state: "ok" },
        {
          item: "Prosedur: SOP layanan terbaru tersedia di loket",
          state: "improve",
          improvement: "Cetak ulang SOP",
        },
      ],
      attendance: people.map((p, i) => ({ userId: p.userId, present: i < 8 })),
    };
    const res = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${repeat.id}/occurrences`,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const occ = res.json();
    expect(occ).toMatchObject({ expected: people.length, present: 8, programmeName: repeat.name });
    expect(occ.rate).toBe(Math.round((8 / people.length) * 1000) / 10);
    expect(occ.files[0].originalName).toBe("foto.pdf");
    expect(occ.checklist[1]).toEqual({
      item: "Prosedur: SOP layanan terbaru tersedia di loket",
      state: "improve",
      improvement: "Cetak ulang SOP",
    });
    expect(occ.attendance.filter((a: any) => a.present).length).toBe(8);

    const month = await get(
      coord,
      `/api/culture/programmes/${repeat.id}/occurrences?from=2026-11-01&to=2026-12-31`,
    );
    // REPEAT plans day 1 of each month: Sunday 1 November moves to Monday 2 November
    expect(month.planned).toEqual(["2026-11-02", "2026-12-01"]);
    const count = async () =>
      (await get(coord, `/api/culture/programmes/${repeat.id}/occurrences`)).items.length as number;
    const n = await count();
    const outsider = (await get(bandungHead, `/api/culture/staff?unitId=${bandung()}`)).items[0].userId;
    const badAtt = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${repeat.id}/occurrences`,
      payload: { ...payload, attendance: [...payload.attendance, { userId: outsider, present: true }] },
    });
    expect(badAtt.statusCode).toBe(400);
    expect(badAtt.json().error).toMatchObject({ code: "CULTURE_NOT_STAFF", params: { field: "attendance" } });
    const foreign = await bandungHead.request({
      method: "POST",
      url: "/api/files",
      ...form([
        { name: "unitId", value: bandung() },
        { name: "file", filename: "x.pdf", type: "application/pdf", data: sample.pdf("x.pdf") },
      ]),
    });
    const badFile = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${repeat.id}/occurrences`,
      payload: { ...payload, fileIds: [foreign.json().id] },
    });
    expect(badFile.json().error.code).toBe("CULTURE_FILE_INVALID");
    const badDate = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${repeat.id}/occurrences`,
      payload: { ...payload, date: "2026-02-30" },
    });
    expect(badDate.statusCode).toBe(400);
    expect(await count()).toBe(n);

    // edit: everyone present now
    const put = await coord.request({
      method: "PUT",
      url: `/api/culture/occurrences/${occ.id}`,
      payload: { ...payload, attendance: people.map((p) => ({ userId: p.userId, present: true })) },
    });
    expect(put.json()).toMatchObject({ present: people.length, rate: 100 });
    const stats = await get(pegawai, `/api/culture/stats?unitId=${bekasi()}&year=2026`);
    const nov = stats.programmes
      .find((p: any) => p.code === "REPEAT")
      .months.find((m: any) => m.month === "2026-11");
    expect(nov.occurrences).toBeGreaterThanOrEqual(2);
    expect(nov.rate).toBeGreaterThan(0);
    const del = await coord.request({ method: "DELETE", url: `/api/culture/occurrences/${occ.id}` });
    expect(del.statusCode).toBe(204);
    expect(
      (await coord.request({ method: "GET", url: `/api/culture/occurrences/${occ.id}` })).statusCode,
    ).toBe(404);
  });

  it("queues a speaker back from training and marks the entry done when the session is recorded", async () => {
    const rabu = await programme("RABU_CENDEKIA");
    const queue = (await get(coord, `/api/culture/programmes/${rabu.id}/queue`)).items;
    expect(queue[0]).toMatchObject({ userName: "Pejabat Lelang", status: "queued" });
    const res = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${rabu.id}/occurrences`,
      payload: { date: "2026-11-25", topic: "Lelang eksekusi hak tanggungan", queueEntryId: queue[0].id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().speakerName).toBe("Pejabat Lelang");
    const after = (await get(coord, `/api/culture/programmes/${rabu.id}/queue`)).items;
    expect(after[0]).toMatchObject({ status: "done", occurrenceId: res.json().id });
    const reuse = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${rabu.id}/occurrences`,
      payload: { date: "2026-11-18", queueEntryId: queue[0].id },
    });
    expect(reuse.json().error.code).toBe("CULTURE_QUEUE_ENTRY_INVALID");
  });

  it("a GSP session takes the rota's speaker of that day by default", async () => {
    const gsp = await programme("GSP");
    const s = await schedule("2026-11-01", "2026-11-30");
    const turn = s.turns.find((x: any) => x.date === "2026-11-20");
    const res = await coord.request({
      method: "POST",
      url: `/api/culture/programmes/${gsp.id}/occurrences`,
      payload: { date: "2026-11-20", notes: "Apel pagi" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      speakerUserId: turn.userId,
      speakerName: turn.name,
      expected: 0,
      rate: null,
    });
  });

  it("the daily job keeps each rota 30+ days ahead without touching existing turns", async () => {
    const job = cultureModule.jobs!.find((j) => j.name === "culture.gsp-extend")!;
    expect(job.everySeconds).toBe(86_400);
    const saved = t.clock.now();
    try {
      t.clock.set("2027-09-01T01:00:00.000Z");
      // sessions made earlier have expired by then: sign in again at the later date
      const later = await t.login("koordinator.zi@zona.demo");
      const schedule = (from: string, to: string) =>
        get(later, `/api/culture/gsp/schedule?unitId=${bekasi()}&from=${from}&to=${to}`);
      const before = await schedule("2026-11-01", "2027-08-31");
      await job.run(t.ctx, { startsAt: t.clock.now() });
      const after = await schedule("2026-11-01", "2027-08-31");
      expect(after.turns).toEqual(before.turns); // the past is untouched, gaps are not back-filled
      const ahead = await schedule("2027-09-01", "2027-10-31");
      expect(ahead.turns[0].date).toBe("2027-09-01");
      expect(ahead.turns.at(-1).date).toBe("2027-10-29"); // last working day within 60 days
      expect(ahead.turns.every((x: any) => isWorkingDay(cal, x.date))).toBe(true);
      // running again changes nothing (already 30+ days ahead)
      await job.run(t.ctx, { startsAt: t.clock.now() });
      expect((await schedule("2027-09-01", "2027-10-31")).turns).toEqual(ahead.turns);
    } finally {
      t.clock.set(saved);
    }
  });

  it("links a session as LKE evidence through the ZI module", async () => {
    const rubric = await get(coord, "/api/zi/rubrics/permenpanrb-90-2021");
    const key: string = rubric.components[0].areas[0].subpillars[0].questions[0].key;
    const model = await programme("MODEL");
    const occ = (await get(coord, `/api/culture/programmes/${model.id}/occurrences`)).items[0];
    const res = await coord.request({
      method: "POST",
      url: `/api/culture/occurrences/${occ.id}/evidence`,
      payload: { questionKeys: [key] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().questionKeys).toEqual([key]);
    expect((await get(coord, `/api/culture/occurrences/${occ.id}`)).evidence).toEqual([key]);
    const unknown = await coord.request({
      method: "POST",
      url: `/api/culture/occurrences/${occ.id}/evidence`,
      payload: { questionKeys: ["no.such.key"] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    const noWorksheetRight = await agent.request({
      method: "POST",
      url: `/api/culture/programmes/${model.id}/evidence`,
      payload: { questionKeys: [key] },
    });
    expect(noWorksheetRight.statusCode).toBe(403);
    const un = await coord.request({
      method: "DELETE",
      url: `/api/culture/occurrences/${occ.id}/evidence/${encodeURIComponent(key)}`,
    });
    expect(un.json().questionKeys).toEqual([]);
  });
});
