// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { envelope, renderCm } from "../test/harness";

const tasks = {
  items: [
    {
      id: "t1",
      title: "Survei kepuasan masyarakat",
      areaKey: "pelayanan_publik",
      dueDate: "2026-11-22",
      status: "berjalan",
      progress: 70,
      overdue: true,
    },
    {
      id: "t2",
      title: "Pelatihan pelayanan prima",
      areaKey: "pelayanan_publik",
      dueDate: "2026-12-20",
      status: "belum_mulai",
      progress: 0,
      overdue: false,
    },
  ],
};
const pact = {
  items: [
    {
      roundId: "p1",
      unitId: "bekasi",
      unitName: "KPKNL Bekasi",
      title: "Pakta Integritas 2026",
      openedAt: "2026-11-01T00:00:00.000Z",
      closesAt: "2026-12-05",
      status: "open",
      signedAt: null,
    },
  ],
};
const gsp = {
  items: [
    {
      date: "2026-12-07",
      unitId: "bekasi",
      unitName: "KPKNL Bekasi",
      role: "speaker",
      topic: "Integritas dalam layanan lelang",
    },
  ],
};
const followUps = {
  items: [
    {
      id: "f1",
      meetingId: "m1",
      meetingTitle: "Rapat monev ZI triwulan IV",
      text: "Lengkapi data dukung survei",
      dueDate: "2026-11-20",
      status: "open",
      overdue: true,
    },
  ],
};

const card = (name: string) => screen.getByRole("region", { name });

describe("/saya — my page", () => {
  it("shows my pact to sign, my rally turn, my tasks and my follow-ups", async () => {
    const { calls } = renderCm(
      "/saya",
      {
        "GET /api/pact/mine": { body: pact },
        "GET /api/culture/gsp/mine": { body: gsp },
        "GET /api/cm/activities/mine": { body: tasks },
        "GET /api/monev/follow-ups/mine": { body: followUps },
      },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Halaman saya" })).toBeInTheDocument();
    expect(
      await within(card("Pakta integritas saya")).findByText("Pakta Integritas 2026 · KPKNL Bekasi"),
    ).toBeInTheDocument();
    const sign = within(card("Pakta integritas saya")).getByRole("link", { name: "Tandatangani sekarang" });
    expect(sign).toHaveAttribute("href", "/pakta/tandatangan");
    expect(
      within(card("Pakta integritas saya")).getByText(/Belum ditandatangani · batas 5 Desember 2026/),
    ).toBeInTheDocument();

    const rally = card("Giliran GSP saya");
    expect(await within(rally).findByText(/7 Desember 2026/)).toBeInTheDocument();
    expect(
      within(rally).getByText("Pembicara · KPKNL Bekasi · Integritas dalam layanan lelang"),
    ).toBeInTheDocument();

    const mine = card("Tugas saya");
    const link = await within(mine).findByRole("link", { name: "Survei kepuasan masyarakat" });
    expect(link).toHaveAttribute("href", "/perubahan/rencana/t1");
    expect(within(mine).getByText("Terlambat")).toBeInTheDocument();
    expect(within(mine).getByText("Belum mulai")).toBeInTheDocument();

    const fu = card("Tindak lanjut saya");
    expect(await within(fu).findByText("Lengkapi data dukung survei")).toBeInTheDocument();
    expect(within(fu).getByText("Rapat monev ZI triwulan IV")).toBeInTheDocument();
    expect(within(fu).getByText("Terlambat")).toBeInTheDocument();
    expect(calls.map((c) => c.path).sort()).toEqual([
      "/api/cm/activities/mine",
      "/api/culture/gsp/mine",
      "/api/monev/follow-ups/mine",
      "/api/pact/mine",
    ]);
  });

  it("a signed pact shows its date and no signing link", async () => {
    renderCm(
      "/saya",
      {
        "GET /api/pact/mine": {
          body: { items: [{ ...pact.items[0], signedAt: "2026-11-03T03:00:00.000Z" }] },
        },
        "GET /api/cm/activities/mine": { body: { items: [] } },
      },
      { permissions: ["cm.read"] },
    );
    const pactCard = card("Pakta integritas saya");
    expect(await within(pactCard).findByText(/Ditandatangani 3 November 2026/)).toBeInTheDocument();
    expect(within(pactCard).queryByRole("link")).toBeNull();
    expect(
      await within(card("Tugas saya")).findByText("Anda tidak menjadi penanggung jawab kegiatan ZI."),
    ).toBeInTheDocument();
  });

  it("a missing or failing source shows an error in its own card; the rest of the page still works", async () => {
    let followUpCalls = 0;
    renderCm(
      "/saya",
      {
        // /api/pact/mine and /api/culture/gsp/mine are not there (404 from the harness)
        "GET /api/cm/activities/mine": { body: tasks },
        "GET /api/monev/follow-ups/mine": () => {
          followUpCalls += 1;
          return { status: 500, body: envelope("INTERNAL", "Terjadi kesalahan pada server.") };
        },
      },
      { permissions: ["cm.read"] },
    );
    expect(
      await within(card("Tugas saya")).findByRole("link", { name: "Survei kepuasan masyarakat" }),
    ).toBeInTheDocument();
    for (const name of ["Pakta integritas saya", "Giliran GSP saya", "Tindak lanjut saya"]) {
      const c = card(name);
      expect(await within(c).findByRole("alert")).toHaveTextContent(
        "Bagian ini tidak dapat dimuat saat ini.",
      );
    }
    expect(
      within(card("Tindak lanjut saya")).getByText("Terjadi kesalahan pada server."),
    ).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(card("Tindak lanjut saya")).getByRole("button", { name: "Coba lagi" }));
    await waitFor(() => expect(followUpCalls).toBe(2));
  });
});
