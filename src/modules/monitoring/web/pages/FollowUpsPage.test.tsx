// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { followUp, people, rates } from "../test/fixtures";
import { renderMonev } from "../test/harness";

const items = [
  followUp("a", { text: "Lengkapi rekap pengaduan", dueDate: "2026-11-20", overdue: true }),
  followUp("b", {
    text: "Jadwalkan unggahan",
    dueDate: "2026-12-04",
    owner: people[1]!,
    canUpdateStatus: false,
  }),
  followUp("c", {
    text: "Susun ringkasan capaian",
    status: "done",
    completedOn: "2026-11-10",
    dueDate: "2026-11-12",
  }),
  followUp("d", { text: "Pengadaan rak arsip", status: "dropped", dropReason: "Rak dipinjam" }),
];

describe("follow-up board", () => {
  it("groups follow-ups by status, highlights the overdue ones and filters by owner", async () => {
    const { calls } = renderMonev(
      "/monev/tindak-lanjut",
      { "GET /api/monev/follow-ups": { body: { items } }, "GET /api/monev/rates": { body: rates } },
      { permissions: ["monev.read"] },
    );
    const open = await screen.findByRole("region", { name: "Terbuka (2)" });
    expect(screen.getByRole("region", { name: "Selesai (1)" })).toBeInTheDocument();
    const dropped = screen.getByRole("region", { name: "Dibatalkan (1)" });
    expect(within(dropped).getByText("Dibatalkan: Rak dipinjam")).toBeInTheDocument();
    // Overdue first, in words and not only colour.
    const cards = within(open).getAllByText(/Lengkapi rekap pengaduan|Jadwalkan unggahan/);
    expect(cards.map((c) => c.textContent)).toEqual(["Lengkapi rekap pengaduan", "Jadwalkan unggahan"]);
    expect(within(open).getByText("Lewat batas waktu")).toBeInTheDocument();
    expect(screen.getByText("2 terbuka, 1 lewat batas waktu")).toBeInTheDocument();
    // Only follow-ups the caller may change have controls.
    expect(
      within(open).getByRole("group", { name: "Ubah status: Lengkapi rekap pengaduan" }),
    ).toBeInTheDocument();
    expect(
      within(open).queryByRole("group", { name: "Ubah status: Jadwalkan unggahan" }),
    ).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("combobox", { name: "Penanggung jawab" }));
    await user.click(await screen.findByRole("option", { name: "Petugas Layanan" }));
    await waitFor(() => expect(screen.getByRole("region", { name: "Terbuka (1)" })).toBeInTheDocument());
    expect(screen.getByRole("region", { name: "Selesai (0)" })).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/monev/follow-ups")!.url.searchParams.get("unitId")).toBe(
      "bekasi",
    );
  });

  it("draws the completion rate per period and switches to quarters", async () => {
    const { calls } = renderMonev(
      "/monev/tindak-lanjut",
      {
        "GET /api/monev/follow-ups": { body: { items } },
        "GET /api/monev/rates": ({ url }) => ({
          body:
            url.searchParams.get("granularity") === "quarter"
              ? { ...rates, granularity: "quarter", periods: [{ ...rates.periods[0]!, period: "2026-Q4" }] }
              : rates,
        }),
      },
      { permissions: ["monev.read"] },
    );
    const chart = await screen.findByRole("img", {
      name: "Grafik tingkat penyelesaian tindak lanjut per periode",
    });
    const titles = () =>
      [...screen.getByRole("img", { name: /Grafik/ }).querySelectorAll("title")].map((x) => x.textContent);
    expect(titles()).toEqual([
      "Okt 2026: 80% selesai (4 dari 5), 60% tepat waktu",
      "Nov 2026: tidak ada tindak lanjut",
    ]);
    expect(within(chart).getByText("80%")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Tingkat penyelesaian per periode" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    const user = userEvent.setup();
    await user.click(screen.getByRole("radio", { name: "Triwulanan" }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.searchParams.get("granularity") === "quarter")).toBe(true),
    );
    await waitFor(() => expect(titles()).toEqual(["TW IV 2026: 80% selesai (4 dari 5), 60% tepat waktu"]));
  });
});
