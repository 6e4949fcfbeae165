import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../kernel/clock";
import * as sample from "../../../kernel/files/test-samples";
import { buildTestApp, form, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { mediaModule } from ".";

// Test clock: 2026-11-27T02:00Z = Friday 27 November 2026, 09.00 WIB.
describe.each(testLanes())("media routes on $name", (lane) => {
  let t: TestApp;
  let officer: Session; // media_officer, KPKNL Bekasi
  let coord: Session; // zi_coordinator (media.approve)
  let head: Session;
  let employee: Session;
  let bandungHead: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    [officer, coord, head, employee, bandungHead] = await Promise.all([
      t.login("media@zona.demo"),
      t.login("koordinator.zi@zona.demo"),
      t.login("kepala.bekasi@zona.demo"),
      t.login("pegawai@zona.demo"),
      t.login("kepala.bandung@zona.demo"),
    ]);
  });
  afterAll(() => t?.close());

  const month = async (s: Session, m = "2026-11", unitId = bekasi()) =>
    s.request({ method: "GET", url: `/api/media/month?unitId=${unitId}&month=${m}` });
  const channels = async () =>
    (await officer.request({ method: "GET", url: `/api/media/channels?unitId=${bekasi()}` })).json()
      .items as Array<{
      id: string;
      kind: string;
      name: string;
    }>;
  const create = async (payload: Record<string, unknown>, s: Session = officer) =>
    s.request({ method: "POST", url: "/api/media/items", payload: { unitId: bekasi(), ...payload } });
  const move = (s: Session, id: string, version: number, command: string, extra: object = {}) =>
    s.request({
      method: "POST",
      url: `/api/media/items/${id}/transitions`,
      payload: { command, version, ...extra },
    });
  const detail = async (s: Session, id: string) =>
    (await s.request({ method: "GET", url: `/api/media/items/${id}` })).json();
  const auditCount = async (entityId: string) =>
    (await t.db.selectFrom("audit_events").select("id").where("entity_id", "=", entityId).execute()).length;

  it("the demo office has its channels and a month plan in every status, with gaps and reach", async () => {
    const ch = await channels();
    expect(ch.map((c) => c.kind).sort()).toEqual(["instagram", "portal", "youtube"]);
    const res = await month(employee);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.planWeekends).toBe(false);
    expect(m.gapCount).toBe(3);
    for (const s of ["idea", "draft", "submitted", "approved", "published", "rejected"])
      expect(m.statusCounts[s], s).toBeGreaterThan(0);
    expect(m.reach.views).toBeGreaterThan(0);
    const gapDays = m.days.filter((d: any) => d.gap);
    expect(gapDays.every((d: any) => d.working && d.items.length === 0)).toBe(true);
    // Weekends are not required by default, so they are never gaps.
    expect(m.days.filter((d: any) => d.weekday >= 6).every((d: any) => !d.required && !d.gap)).toBe(true);
    const ig = ch.find((c) => c.kind === "instagram")!;
    const igBucket = m.byChannel.find((b: any) => b.key === ig.id);
    expect(igBucket.items).toBeGreaterThan(10);
    expect(igBucket.reach.views).toBeGreaterThan(0);
    expect(m.byTheme.map((b: any) => b.key)).toContain("zi");
    // The previous month's plan is offered as LKE evidence.
    const oct = (await month(officer, "2026-10")).json();
    expect(oct.evidenceKeys).toContain("pemenuhan.mp.rencana-zi.c");
  });

  it("runs the workflow: idea → draft → submitted → approved → published, with reach, all audited", async () => {
    const ig = (await channels()).find((c) => c.kind === "instagram")!;
    const res = await create({
      plannedDate: "2026-11-30",
      theme: "zi",
      title: "Pelantikan agen perubahan",
      channelIds: [ig.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    let item = res.json();
    expect(item.status).toBe("idea");
    expect(item.commands).toEqual(["start_draft"]);
    item = (await move(officer, item.id, item.version, "start_draft")).json();
    const patched = await officer.request({
      method: "PATCH",
      url: `/api/media/items/${item.id}`,
      payload: { version: item.version, draftText: "Selamat kepada agen perubahan baru KPKNL Bekasi." },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    item = patched.json();
    item = (await move(officer, item.id, item.version, "submit")).json();
    expect(item.status).toBe("submitted");
    // The officer holds no media.approve.
    expect((await move(officer, item.id, item.version, "approve")).statusCode).toBe(403);
    const approved = await move(coord, item.id, item.version, "approve");
    expect(approved.statusCode, approved.body).toBe(200);
    item = approved.json();
    expect(item.status).toBe("approved");
    expect(item.approvedBy.name).toBe("Koordinator Tim ZI");
    // Publishing: a bad URL and a future date are refused and change nothing.
    for (const [pub, code] of [
      [{ channelId: ig.id, url: "instagram.com/p/x", publishedOn: "2026-11-27" }, "MEDIA_URL_INVALID"],
      [
        { channelId: ig.id, url: "https://www.instagram.com/p/x", publishedOn: "2026-11-28" },
        "MEDIA_PUBLISH_DATE_ORDER",
      ],
    ] as const) {
      const bad = await move(officer, item.id, item.version, "publish", { publications: [pub] });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().error.code).toBe(code);
    }
    expect((await detail(officer, item.id)).status).toBe("approved");
    const published = await move(officer, item.id, item.version, "publish", {
      publications: [
        { channelId: ig.id, url: "https://www.instagram.com/p/agen1", publishedOn: "2026-11-27" },
      ],
    });
    expect(published.statusCode, published.body).toBe(200);
    item = published.json();
    expect(item.status).toBe("published");
    expect(item.publications).toHaveLength(1);
    const pubId = item.publications[0].id;
    const badReach = await officer.request({
      method: "PUT",
      url: `/api/media/publications/${pubId}/reach`,
      payload: { views: -5, likes: 1, comments: 0, shares: 0 },
    });
    expect(badReach.statusCode).toBe(400);
    expect(badReach.json().error.code).toBe("MEDIA_REACH_INVALID");
    expect(badReach.json().error.params.field).toBe("views");
    const reach = await officer.request({
      method: "PUT",
      url: `/api/media/publications/${pubId}/reach`,
      payload: { views: 1500, likes: 120, comments: 9, shares: 14 },
    });
    expect(reach.statusCode, reach.body).toBe(200);
    const d = await detail(employee, item.id);
    expect(d.reach).toEqual({ views: 1500, likes: 120, comments: 9, shares: 14 });
    expect(d.history.map((h: any) => h.action).reverse()).toEqual([
      "created",
      "start_draft",
      "updated",
      "submit",
      "approve",
      "publish",
      "reach_updated",
    ]);
    expect(d.commands).toEqual([]);
    expect(await auditCount(item.id)).toBe(7);
    // Once published, the content is frozen.
    const edit = await officer.request({
      method: "PATCH",
      url: `/api/media/items/${item.id}`,
      payload: { version: d.version, title: "Judul lain" },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("MEDIA_NOT_EDITABLE");
  });

  it("adds a later channel's link to a published item, once per planned channel", async () => {
    const ch = await channels();
    const ig = ch.find((c) => c.kind === "instagram")!;
    const yt = ch.find((c) => c.kind === "youtube")!;
    const portal = ch.find((c) => c.kind === "portal")!;
    let item = (
      await create({
        plannedDate: "2026-11-27",
        theme: "edukasi",
        title: "Video cara ikut lelang",
        channelIds: [ig.id, yt.id],
        asDraft: true,
      })
    ).json();
    item = (await move(officer, item.id, item.version, "submit")).json();
    item = (await move(head, item.id, item.version, "approve")).json();
    // Adding a link before publishing is refused.
    const early = await officer.request({
      method: "POST",
      url: `/api/media/items/${item.id}/publications`,
      payload: { channelId: yt.id, url: "https://www.youtube.com/watch?v=a1", publishedOn: "2026-11-27" },
    });
    expect(early.statusCode).toBe(409);
    item = (
      await move(officer, item.id, item.version, "publish", {
        publications: [
          { channelId: ig.id, url: "https://www.instagram.com/p/v1", publishedOn: "2026-11-27" },
        ],
      })
    ).json();
    const add = (channelId: string, url = "https://www.youtube.com/watch?v=a1") =>
      officer.request({
        method: "POST",
        url: `/api/media/items/${item.id}/publications`,
        payload: { channelId, url, publishedOn: "2026-11-27" },
      });
    expect((await add(ig.id)).json().error.code).toBe("MEDIA_CHANNEL_DUPLICATE");
    expect((await add(portal.id)).json().error.code).toBe("MEDIA_CHANNEL_NOT_ON_ITEM");
    expect((await add(yt.id, "youtube")).json().error.code).toBe("MEDIA_URL_INVALID");
    const ok = await add(yt.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .publications.map((p: any) => p.channelId)
        .sort(),
    ).toEqual([ig.id, yt.id].sort());
    expect(ok.json().history[0].action).toBe("publication_added");
  });

  it("refuses self-approval, out-of-order commands and rejection without a reason", async () => {
    const ig = (await channels()).find((c) => c.kind === "instagram")!;
    // The coordinator writes and submits an item: they cannot approve it themselves.
    let item = (
      await create(
        {
          plannedDate: "2026-12-01",
          theme: "lelang",
          title: "Lelang akhir tahun",
          channelIds: [ig.id],
          asDraft: true,
          draftText: "Teks",
        },
        coord,
      )
    ).json();
    expect(item.status).toBe("draft");
    const early = await move(coord, item.id, item.version, "approve");
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("MEDIA_TRANSITION_INVALID");
    item = (await move(coord, item.id, item.version, "submit")).json();
    expect(item.commands).not.toContain("approve");
    const self = await move(coord, item.id, item.version, "approve");
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe("MEDIA_SELF_APPROVAL");
    expect((await detail(coord, item.id)).status).toBe("submitted");
    // The head may decide; a rejection needs a reason, then the item goes back to draft.
    const noReason = await move(head, item.id, item.version, "reject");
    expect(noReason.json().error.code).toBe("MEDIA_REASON_REQUIRED");
    const rejected = await move(head, item.id, item.version, "reject", {
      reason: "Tambahkan jadwal dan syarat",
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    item = rejected.json();
    expect(item.status).toBe("rejected");
    expect(item.rejectReason).toBe("Tambahkan jadwal dan syarat");
    const stale = await move(coord, item.id, item.version - 1, "revise");
    expect(stale.json().error.code).toBe("MEDIA_VERSION_CONFLICT");
    item = (await move(coord, item.id, item.version, "revise")).json();
    expect(item.status).toBe("draft");
    // Publishing straight from draft is refused.
    const pub = await move(coord, item.id, item.version, "publish", {
      publications: [{ channelId: ig.id, url: "https://x.com/a", publishedOn: "2026-11-27" }],
    });
    expect(pub.statusCode).toBe(409);
  });

  it("validates input: dates, channels, assignees, files; nothing half-written", async () => {
    const ch = await channels();
    const before = (await t.db.selectFrom("media_items").select("id").execute()).length;
    const bad = [
      [
        { plannedDate: "2026-02-30", theme: "zi", title: "X", channelIds: [ch[0]!.id] },
        400,
        "MEDIA_DATE_INVALID",
      ],
      [
        { plannedDate: "2026-11-30", theme: "zi", title: "X", channelIds: ["nope"] },
        404,
        "MEDIA_CHANNEL_NOT_FOUND",
      ],
      [
        { plannedDate: "2026-11-30", theme: "gosip", title: "X", channelIds: [ch[0]!.id] },
        400,
        "VALIDATION_FAILED",
      ],
      [
        { plannedDate: "2026-11-30", theme: "zi", title: "X", channelIds: [ch[0]!.id], assigneeId: "ghost" },
        400,
        "MEDIA_ASSIGNEE_INVALID",
      ],
      [
        {
          plannedDate: "2026-11-30",
          theme: "zi",
          title: "X",
          channelIds: [ch[0]!.id],
          attachmentIds: ["nofile"],
        },
        404,
        "MEDIA_FILE_NOT_FOUND",
      ],
    ] as const;
    for (const [payload, status, code] of bad) {
      const res = await create(payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await t.db.selectFrom("media_items").select("id").execute()).length).toBe(before);
    // An attachment uploaded for another unit is refused.
    const up = await bandungHead.request({
      method: "POST",
      url: "/api/files",
      ...form([
        { name: "unitId", value: t.units["KPKNL-BANDUNG"]! },
        { name: "file", filename: "poster.pdf", type: "application/pdf", data: sample.pdf("poster") },
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    const other = await create({
      plannedDate: "2026-11-30",
      theme: "zi",
      title: "X",
      channelIds: [ch[0]!.id],
      attachmentIds: [up.json().id],
    });
    expect(other.json().error.code).toBe("MEDIA_FILE_OTHER_UNIT");
    // Channel URL must be valid; a duplicate name is refused.
    const chBad = await officer.request({
      method: "POST",
      url: "/api/media/channels",
      payload: { unitId: bekasi(), kind: "tiktok", name: "TikTok", url: "tiktok" },
    });
    expect(chBad.json().error.code).toBe("MEDIA_URL_INVALID");
    const dup = await officer.request({
      method: "POST",
      url: "/api/media/channels",
      payload: { unitId: bekasi(), kind: "instagram", name: ch[0]!.name },
    });
    expect(dup.statusCode).toBe(409);
    // An inactive channel cannot be planned on.
    const tk = await officer.request({
      method: "POST",
      url: "/api/media/channels",
      payload: {
        unitId: bekasi(),
        kind: "tiktok",
        name: "TikTok KPKNL Bekasi",
        handle: "@kpknlbekasi",
        active: false,
      },
    });
    expect(tk.statusCode, tk.body).toBe(201);
    const inactive = await create({
      plannedDate: "2026-11-30",
      theme: "zi",
      title: "X",
      channelIds: [tk.json().id],
    });
    expect(inactive.json().error.code).toBe("MEDIA_CHANNEL_INACTIVE");
    const reactivated = await officer.request({
      method: "PATCH",
      url: `/api/media/channels/${tk.json().id}`,
      payload: { active: true },
    });
    expect(reactivated.json().active).toBe(true);
  });

  it("the plan-weekends setting makes weekends required and counts them as gaps", async () => {
    const before = (await month(officer, "2027-01")).json();
    const put = await officer.request({
      method: "PUT",
      url: "/api/media/settings",
      payload: { unitId: bekasi(), planWeekends: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await month(officer, "2027-01")).json();
    expect(after.planWeekends).toBe(true);
    expect(after.requiredDays).toBe(31);
    expect(after.gapCount).toBe(31 - after.days.filter((d: any) => d.items.length > 0).length);
    expect(after.gapCount).toBeGreaterThan(before.gapCount);
    // New Year's Day is a holiday: named on the day.
    expect(after.days[0].holiday).toBeTruthy();
    await officer.request({
      method: "PUT",
      url: "/api/media/settings",
      payload: { unitId: bekasi(), planWeekends: false },
    });
    expect((await month(officer, "2026-13")).statusCode).toBe(400);
  });

  it("keeps every office to its own plan", async () => {
    expect((await month(bandungHead)).statusCode).toBe(403);
    const items = (await month(officer)).json().days.flatMap((d: any) => d.items);
    const res = await bandungHead.request({ method: "GET", url: `/api/media/items/${items[0].id}` });
    expect(res.statusCode).toBe(403);
    const m = await move(bandungHead, items[0].id, 1, "approve");
    expect(m.statusCode).toBe(403);
    // An employee can read but not plan.
    const ig = (await channels())[0]!;
    expect(
      (await create({ plannedDate: "2026-11-30", theme: "zi", title: "X", channelIds: [ig.id] }, employee))
        .statusCode,
    ).toBe(403);
    expect((await month(employee)).statusCode).toBe(200);
  });

  it("links a published item as LKE evidence (needs zi.worksheet.write) and reports per channel and theme", async () => {
    const items = (await month(coord)).json().days.flatMap((d: any) => d.items);
    const pub = items.find((i: any) => i.status === "published");
    const denied = await officer.request({
      method: "POST",
      url: `/api/media/items/${pub.id}/evidence`,
      payload: { questionKeys: ["pemenuhan.pp.budaya-pelayanan-prima.b"] },
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await coord.request({
      method: "POST",
      url: `/api/media/items/${pub.id}/evidence`,
      payload: { questionKeys: ["no.such.key"] },
    });
    expect(unknown.json().error.code).toBe("ZI_QUESTION_UNKNOWN");
    const ok = await coord.request({
      method: "POST",
      url: `/api/media/items/${pub.id}/evidence`,
      payload: { questionKeys: ["pemenuhan.pp.budaya-pelayanan-prima.b"] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().questionKeys).toContain("pemenuhan.pp.budaya-pelayanan-prima.b");
    expect((await detail(officer, pub.id)).evidenceKeys).toContain("pemenuhan.pp.budaya-pelayanan-prima.b");
    const un = await coord.request({
      method: "DELETE",
      url: `/api/media/items/${pub.id}/evidence/pemenuhan.pp.budaya-pelayanan-prima.b`,
    });
    expect(un.json().questionKeys).not.toContain("pemenuhan.pp.budaya-pelayanan-prima.b");

    const report = await head.request({
      method: "GET",
      url: `/api/media/report?unitId=${bekasi()}&from=2026-10&to=2026-11`,
    });
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json();
    expect(r.months.map((m: any) => m.month)).toEqual(["2026-10", "2026-11"]);
    const sum = r.months.reduce((s: number, m: any) => s + m.reach.views, 0);
    expect(sum).toBe(r.reach.views);
    expect(r.byChannel.reduce((s: number, b: any) => s + b.reach.views, 0)).toBe(r.reach.views);
    expect(r.byTheme.reduce((s: number, b: any) => s + b.publications, 0)).toBe(
      r.byChannel.reduce((s: number, b: any) => s + b.publications, 0),
    );
    const bad = await head.request({
      method: "GET",
      url: `/api/media/report?unitId=${bekasi()}&from=2026-11&to=2026-10`,
    });
    expect(bad.json().error.code).toBe("MEDIA_RANGE_INVALID");
    const xlsx = await head.request({
      method: "GET",
      url: `/api/media/report.xlsx?unitId=${bekasi()}&from=2026-10&to=2026-11`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("deletes only ideas and drafts", async () => {
    const items = (await month(officer)).json().days.flatMap((d: any) => d.items);
    const published = items.find((i: any) => i.status === "published");
    const del = await officer.request({ method: "DELETE", url: `/api/media/items/${published.id}` });
    expect(del.statusCode).toBe(409);
    const idea = items.find((i: any) => i.status === "idea");
    expect((await officer.request({ method: "DELETE", url: `/api/media/items/${idea.id}` })).statusCode).toBe(
      204,
    );
    expect((await officer.request({ method: "GET", url: `/api/media/items/${idea.id}` })).statusCode).toBe(
      404,
    );
  });
});

describe("media demo seed", () => {
  it("seeds every status and the planned gaps even on the last day of a month", async () => {
    const t = await buildTestApp({ clock: fixedClock("2026-12-31T02:00:00.000Z") });
    try {
      const s = await t.login("media@zona.demo");
      const m = (
        await s.request({
          method: "GET",
          url: `/api/media/month?unitId=${t.units["KPKNL-BEKASI"]}&month=2026-12`,
        })
      ).json();
      for (const st of ["idea", "draft", "submitted", "approved", "published", "rejected"])
        expect(m.statusCounts[st], st).toBeGreaterThan(0);
      expect(m.gapCount).toBe(3);
      // Seeding again changes nothing.
      const before = (await t.db.selectFrom("media_items").select("id").execute()).length;
      await mediaModule.seedDemo!(t.ctx);
      expect((await t.db.selectFrom("media_items").select("id").execute()).length).toBe(before);
    } finally {
      await t.close();
    }
  });
});
