// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { schedule } from "../test/fixtures";
import { envelope, renderCulture } from "../test/harness";

const READ = ["culture.read"];
const MANAGE = ["culture.read", "culture.manage"];
const mine = {
  items: [
    { date: "2026-12-02", unitId: "bekasi", unitName: "KPKNL Bekasi", role: "speaker", topic: null },
    { date: "2026-12-16", unitId: "bekasi", unitName: "KPKNL Bekasi", role: "speaker", topic: null },
  ],
};

const cell = (date: string) => document.querySelector(`td[data-date="${date}"]`) as HTMLElement;

describe("GSP schedule", () => {
  it("shows each working day's speaker, holidays, gaps, absences, my next turn and the fairness chart", async () => {
    const { calls } = renderCulture(
      "/budaya/gsp?bulan=2026-12",
      {
        "GET /api/culture/gsp/schedule": { body: schedule() },
        "GET /api/culture/gsp/mine": { body: mine },
      },
      { permissions: READ },
    );
    await screen.findByRole("table", { name: "Petugas GSP, Desember 2026" });
    const q = calls.find((c) => c.path === "/api/culture/gsp/schedule")!.url.searchParams;
    expect([q.get("from"), q.get("to"), q.get("unitId")]).toEqual(["2026-12-01", "2026-12-31", "bekasi"]);
    expect(within(cell("2026-12-01")).getByText(/Budi Santoso/)).toBeInTheDocument();
    expect(within(cell("2026-12-01")).getByText("Etika pelayanan")).toBeInTheDocument();
    expect(within(cell("2026-12-02")).getByText(/Rina Wulandari \(Anda\)/)).toBeInTheDocument();
    expect(within(cell("2026-12-25")).getByText("Hari Raya Natal")).toBeInTheDocument();
    expect(within(cell("2026-12-04")).getByText(/Belum ada petugas/)).toBeInTheDocument();
    expect(within(cell("2026-12-03")).getByText("Tidak masuk: Rina Wulandari")).toBeInTheDocument();
    expect(await screen.findByText(/Giliran GSP Anda berikutnya: Rabu, 2 Desember 2026/)).toBeInTheDocument();
    const chart = screen.getByRole("img", { name: /Jumlah giliran GSP per pegawai/ });
    expect(chart.getAttribute("aria-label")).toContain("Rina Wulandari 5; Budi Santoso 6");
    expect(screen.getByText("Adil — selisih 1")).toBeInTheDocument();
    // read-only staff: no generation, no roster, no leave form
    expect(screen.queryByRole("button", { name: "Buat jadwal" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Catat" })).not.toBeInTheDocument();
  });

  it("the speaker saves the topic of their next turn", async () => {
    const { calls } = renderCulture(
      "/budaya/gsp?bulan=2026-12",
      {
        "GET /api/culture/gsp/schedule": { body: schedule() },
        "GET /api/culture/gsp/mine": { body: mine },
        "PATCH /api/culture/gsp/turns/bekasi/2026-12-02": {
          body: { date: "2026-12-02", topic: "Lelang online" },
        },
      },
      { permissions: READ },
    );
    await userEvent.type(
      await screen.findByRole("textbox", { name: "Topik informasi singkat" }),
      "Lelang online",
    );
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await screen.findByText("Topik disimpan.");
    expect(calls.find((c) => c.method === "PATCH")!.body).toEqual({ topic: "Lelang online" });
  });

  it("a manager regenerates the rota after confirming, and sees a refusal explained", async () => {
    let refuse = false;
    const { calls } = renderCulture(
      "/budaya/gsp?bulan=2027-01",
      {
        "GET /api/culture/gsp/schedule": {
          body: schedule({ from: "2027-01-01", to: "2027-01-31", turns: [], gaps: [] }),
        },
        "GET /api/culture/gsp/mine": { body: { items: [] } },
        "POST /api/culture/gsp/generate": () =>
          refuse
            ? {
                status: 409,
                body: envelope(
                  "CULTURE_GSP_NO_ELIGIBLE",
                  "Jadwal GSP tidak dapat dibuat: tidak ada pegawai yang dapat bertugas (roster).",
                ),
              }
            : { body: { created: 20, replaced: 3, gaps: [{ date: "2027-01-05", pending: ["u1"] }] } },
      },
      { permissions: MANAGE },
    );
    expect(await screen.findByText("Belum ada jadwal pada bulan ini.")).toBeInTheDocument();
    expect(screen.getByLabelText("Mulai tanggal")).toHaveValue("2027-01-01");
    expect(screen.getByLabelText("Sampai tanggal")).toHaveValue("2027-02-28");
    await userEvent.click(screen.getByRole("button", { name: "Buat jadwal" }));
    const dialog = await screen.findByRole("dialog", { name: "Buat ulang jadwal GSP?" });
    expect(dialog).toHaveTextContent("Giliran mulai 1 Januari 2027 akan diganti");
    await userEvent.click(within(dialog).getByRole("button", { name: "Buat jadwal" }));
    await screen.findByText("20 giliran dibuat, 3 giliran lama diganti, 1 hari tanpa petugas.");
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      unitId: "bekasi",
      from: "2027-01-01",
      to: "2027-02-28",
    });
    expect(screen.getByText(/1 hari tanpa petugas karena semua pegawai/)).toBeInTheDocument();

    refuse = true;
    await userEvent.click(screen.getAllByRole("button", { name: "Buat jadwal" })[0]!);
    const again = await screen.findByRole("dialog", { name: "Buat ulang jadwal GSP?" });
    await userEvent.click(within(again).getByRole("button", { name: "Buat jadwal" }));
    await within(again).findByText(/tidak ada pegawai yang dapat bertugas/);
  });

  it("a manager records leave and changes who takes turns", async () => {
    const { calls } = renderCulture(
      "/budaya/gsp?bulan=2026-12",
      {
        "GET /api/culture/gsp/schedule": { body: schedule() },
        "GET /api/culture/gsp/mine": { body: { items: [] } },
        "POST /api/culture/leaves": { status: 201, body: schedule().leaves[0] },
        "PUT /api/culture/gsp/roster": { body: { items: [] } },
      },
      { permissions: MANAGE },
    );
    const leaveTable = await screen.findByRole("table", { name: "Data tidak masuk, Desember 2026" });
    expect(within(leaveTable).getByText("3 Desember 2026 – 4 Desember 2026")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("combobox", { name: "Pegawai" }));
    await userEvent.click(await screen.findByRole("option", { name: "Budi Santoso" }));
    await userEvent.type(screen.getByLabelText("Dari"), "2026-12-10");
    await userEvent.click(screen.getByRole("button", { name: "Catat" }));
    await screen.findByText("Data tidak masuk dicatat.");
    expect(calls.find((c) => c.path === "/api/culture/leaves")!.body).toEqual({
      unitId: "bekasi",
      userId: "u2",
      from: "2026-12-10",
      to: "2026-12-10",
      kind: "cuti",
      note: "",
    });

    expect(screen.getByText("2 pegawai bergiliran")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("checkbox", { name: "Budi Santoso" }));
    expect(screen.getByText("1 pegawai bergiliran")).toBeInTheDocument();
    const rosterCard = screen
      .getByText("Pegawai yang bergiliran")
      .closest(".mantine-Card-root") as HTMLElement;
    await userEvent.click(within(rosterCard).getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      unitId: "bekasi",
      excludedUserIds: ["u3", "u2"],
    });
  });
});
