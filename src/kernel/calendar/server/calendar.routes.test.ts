import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testLanes } from "../../testing";
import { addWorkingDays } from "../calendar";

describe.each(testLanes())("calendar data on $name", (lane) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ lane });
  });
  afterAll(() => t.close());

  it("ships the 2025–2027 SKB holidays with their source", async () => {
    const s = await t.login("pegawai@zona.demo");
    const y2026 = (await s.request({ method: "GET", url: "/api/calendar/holidays?year=2026" })).json().items;
    expect(y2026.length).toBeGreaterThan(20);
    expect(y2026.find((h: any) => h.date === "2026-08-17")).toMatchObject({
      kind: "libur",
      source: expect.stringMatching(/SKB/),
    });
    expect(y2026.some((h: any) => h.kind === "cuti_bersama")).toBe(true);
    for (const year of [2025, 2027]) {
      expect(
        (await s.request({ method: "GET", url: `/api/calendar/holidays?year=${year}` })).json().items.length,
      ).toBeGreaterThan(20);
    }
  });

  it("an administrator edits a holiday and deadlines follow; others may not", async () => {
    const employee = await t.login("pegawai@zona.demo");
    const refused = await employee.request({
      method: "PUT",
      url: "/api/calendar/holidays/2026-12-01",
      payload: { name: "Libur daerah", kind: "libur" },
    });
    expect(refused.statusCode).toBe(403);
    const cal0 = await t.ctx.calendar.calendarFor(t.units["KPKNL-BEKASI"]!);
    // Received Monday 30 Nov 2026, 1 working day → Tuesday 1 Dec at closing.
    expect(addWorkingDays(cal0, "2026-11-30T03:00:00Z", 1).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    const admin = await t.login("admin@zona.demo");
    expect(
      (
        await admin.request({
          method: "PUT",
          url: "/api/calendar/holidays/2026-12-01",
          payload: { name: "Libur khusus", kind: "libur" },
        })
      ).statusCode,
    ).toBe(204);
    const cal1 = await t.ctx.calendar.calendarFor(t.units["KPKNL-BEKASI"]!);
    expect(addWorkingDays(cal1, "2026-11-30T03:00:00Z", 1).toISOString()).toBe("2026-12-02T09:00:00.000Z");
    expect(
      (await admin.request({ method: "DELETE", url: "/api/calendar/holidays/2026-12-01" })).statusCode,
    ).toBe(204);
    expect(
      (await admin.request({ method: "DELETE", url: "/api/calendar/holidays/2026-12-01" })).statusCode,
    ).toBe(404);
    const bad = await admin.request({
      method: "PUT",
      url: "/api/calendar/holidays/2026-02-30",
      payload: { name: "x", kind: "libur" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("working hours are set per unit and inherited by its subtree", async () => {
    const admin = await t.login("admin@zona.demo");
    const before = (
      await admin.request({ method: "GET", url: `/api/units/${t.units["KPKNL-BEKASI"]}/hours` })
    ).json();
    expect(before.fromUnitId).toBeNull();
    const hours = {
      zone: "WIB",
      week: { "1": [{ start: "08:00", end: "16:00" }], "2": [{ start: "08:00", end: "16:00" }] },
    };
    expect(
      (
        await admin.request({
          method: "PUT",
          url: `/api/units/${t.units["KANWIL-JABAR"]}/hours`,
          payload: hours,
        })
      ).statusCode,
    ).toBe(204);
    const after = (
      await admin.request({ method: "GET", url: `/api/units/${t.units["KPKNL-BEKASI"]}/hours` })
    ).json();
    expect(after).toEqual({ config: hours, fromUnitId: t.units["KANWIL-JABAR"] });
    const invalid = await admin.request({
      method: "PUT",
      url: `/api/units/${t.units["KPKNL-BEKASI"]}/hours`,
      payload: { zone: "WIB", week: {} },
    });
    expect(invalid.statusCode).toBe(400);
    const head = await t.login("kepala.bekasi@zona.demo");
    expect(
      (await head.request({ method: "GET", url: `/api/units/${t.units["KPKNL-BANDUNG"]}/hours` })).statusCode,
    ).toBe(403);
  });
});
