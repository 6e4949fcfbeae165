// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { occurrence, programme } from "../test/fixtures";
import { renderCulture } from "../test/harness";

const MANAGE = ["culture.read", "culture.manage"];

describe("programme page", () => {
  it("shows the month calendar with held sessions, the list and attendance per month", async () => {
    const { calls } = renderCulture(
      "/budaya/program/p-model?bulan=2026-11",
      {
        "GET /api/culture/programmes/p-model": {
          body: {
            programme: programme({
              id: "p-model",
              code: "MODEL",
              kind: "model",
              name: "MODEL",
              schedule: { kind: "weekly", weekday: 1 },
              checklist: [],
            }),
            monthly: [
              { month: "2026-10", occurrences: 4, expected: 40, present: 36, rate: 90 },
              { month: "2026-11", occurrences: 3, expected: 30, present: 25, rate: 83.3 },
            ],
            evidence: [],
          },
        },
        "GET /api/culture/programmes/p-model/occurrences": {
          body: {
            items: [
              occurrence({
                id: "o1",
                date: "2026-11-16",
                topic: "Evaluasi IKU",
                programmeId: "p-model",
                rate: 90,
                present: 9,
                expected: 10,
              }),
            ],
            planned: ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"],
          },
        },
      },
      { permissions: MANAGE },
    );
    const cal = await screen.findByRole("table", { name: "Pelaksanaan MODEL, November 2026" });
    const held = within(cal).getByRole("link", { name: "Evaluasi IKU · 90%" });
    expect(held).toHaveAttribute("href", "/budaya/sesi/o1");
    // other Mondays are planned by the rule (past ones flagged as not recorded)
    const nov23 = cal.querySelector('td[data-date="2026-11-23"]') as HTMLElement;
    expect(within(nov23).getByText(/Belum dicatat|Terjadwal/)).toBeInTheDocument();
    const q = calls.find((c) => c.path.endsWith("/occurrences"))!.url.searchParams;
    expect([q.get("from"), q.get("to")]).toEqual(["2026-11-01", "2026-11-30"]);
    const list = screen.getByRole("table", { name: "Daftar pelaksanaan November 2026" });
    expect(within(list).getByText("9/10 (90%)")).toBeInTheDocument();
    const chart = screen.getByRole("img", { name: /Persentase kehadiran MODEL per bulan/ });
    expect(chart.getAttribute("aria-label")).toContain("Nov 26 83,3%");
    expect(screen.getByRole("link", { name: "Catat pelaksanaan" })).toHaveAttribute(
      "href",
      "/budaya/program/p-model/sesi/baru",
    );
    await userEvent.click(screen.getByRole("button", { name: "Bulan berikutnya" }));
    expect(
      await screen.findByRole("table", { name: "Pelaksanaan MODEL, Desember 2026" }),
    ).toBeInTheDocument();
  });

  it("Rabu Cendekia shows the speaker queue and a manager queues an employee back from training", async () => {
    const { calls } = renderCulture(
      "/budaya/program/p-rabu?bulan=2026-11",
      {
        "GET /api/culture/programmes/p-rabu": {
          body: {
            programme: programme({
              id: "p-rabu",
              code: "RABU_CENDEKIA",
              kind: "knowledge",
              name: "RABU CENDEKIA",
              checklist: [],
            }),
            monthly: [],
            evidence: [],
          },
        },
        "GET /api/culture/programmes/p-rabu/occurrences": { body: { items: [], planned: [] } },
        "GET /api/culture/programmes/p-rabu/queue": {
          body: {
            items: [
              {
                id: "q1",
                unitId: "bekasi",
                programmeId: "p-rabu",
                userId: "u2",
                userName: "Budi Santoso",
                training: "Diklat Pejabat Lelang",
                returnedOn: "2026-11-20",
                status: "queued",
                occurrenceId: null,
                createdAt: "2026-11-21T00:00:00.000Z",
              },
            ],
          },
        },
        "GET /api/culture/staff": { body: { items: [{ userId: "u3", name: "Sari Dewi", nip: null }] } },
        "POST /api/culture/programmes/p-rabu/queue": { status: 201, body: {} },
      },
      { permissions: MANAGE },
    );
    const queue = await screen.findByRole("table", { name: "Antrean narasumber" });
    expect(within(queue).getByText("Diklat Pejabat Lelang")).toBeInTheDocument();
    expect(within(queue).getByRole("link", { name: "Jadwalkan" })).toHaveAttribute(
      "href",
      "/budaya/program/p-rabu/sesi/baru?antrean=q1",
    );
    await userEvent.click(screen.getByRole("combobox", { name: "Pegawai" }));
    await userEvent.click(await screen.findByRole("option", { name: "Sari Dewi" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Diklat / pelatihan" }), "Diklat SIMAN");
    await userEvent.click(screen.getByRole("button", { name: "Tambahkan" }));
    await screen.findByRole("table", { name: "Antrean narasumber" });
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      userId: "u3",
      training: "Diklat SIMAN",
      returnedOn: null,
    });
  });
});
