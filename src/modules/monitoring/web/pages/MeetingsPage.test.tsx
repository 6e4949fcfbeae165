// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { meetingDetail, people, summaries } from "../test/fixtures";
import { renderMonev } from "../test/harness";

const read = ["monev.read"];
const manage = ["monev.read", "monev.manage"];

describe("meetings page", () => {
  it("lists the unit's meetings with kind, chair and follow-up counts, and filters by kind", async () => {
    const { calls } = renderMonev(
      "/monev",
      {
        "GET /api/monev/meetings": ({ url }) => ({
          body: {
            items: summaries.filter(
              (m) => !url.searchParams.get("kind") || m.kind === url.searchParams.get("kind"),
            ),
          },
        }),
      },
      { permissions: read },
    );
    const table = await screen.findByRole("table", { name: "Daftar rapat monev" });
    expect(within(table).getByRole("link", { name: "Rapat MODEL 16 November" })).toHaveAttribute(
      "href",
      "/monev/rapat/m2",
    );
    expect(within(table).getByText("1 terbuka dari 2")).toBeInTheDocument();
    expect(within(table).getByText("3 dibawa")).toBeInTheDocument();
    expect(within(table).getByText("Notulen belum diisi")).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    // Staff read only: no "record a meeting".
    expect(screen.queryByRole("button", { name: "Catat rapat" })).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("radio", { name: "DKO (triwulanan)" }));
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get("kind") === "quarterly")).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Rapat MODEL 16 November" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Dialog Kinerja Organisasi Triwulan III" })).toBeInTheDocument();
  });

  it("shows a month calendar with each meeting on its day", async () => {
    renderMonev(
      "/monev",
      { "GET /api/monev/meetings": { body: { items: summaries } } },
      { permissions: read },
    );
    await screen.findByRole("table", { name: "Daftar rapat monev" });
    const user = userEvent.setup();
    await user.click(screen.getByRole("radio", { name: "Kalender" }));
    // Page to November 2026 from whatever month it is now.
    const region = () => screen.getByRole("region", { name: /Kalender rapat/ });
    const months = [
      "Januari",
      "Februari",
      "Maret",
      "April",
      "Mei",
      "Juni",
      "Juli",
      "Agustus",
      "September",
      "Oktober",
      "November",
      "Desember",
    ];
    const [, name, year] = /Kalender rapat (\S+) (\d{4})/.exec(region().getAttribute("aria-label") ?? "")!;
    const delta = Number(year) * 12 + months.indexOf(name!) - (2026 * 12 + 10);
    for (let i = 0; i < Math.abs(delta); i++)
      await user.click(
        screen.getByRole("button", { name: delta > 0 ? "Bulan sebelumnya" : "Bulan berikutnya" }),
      );
    expect(region()).toHaveAccessibleName("Kalender rapat November 2026");
    expect(within(region()).getByRole("link", { name: /Rapat MODEL 16 November/ })).toHaveAttribute(
      "href",
      "/monev/rapat/m2",
    );
    await user.click(screen.getByRole("button", { name: "Bulan sebelumnya" }));
    expect(within(region()).getByRole("link", { name: /Dialog Kinerja Organisasi/ })).toBeInTheDocument();
  });

  it("records a meeting and opens it", async () => {
    const { calls, router } = renderMonev(
      "/monev",
      {
        "GET /api/monev/meetings": { body: { items: [] } },
        "GET /api/monev/units/bekasi/people": { body: { items: people } },
        "POST /api/monev/meetings": { status: 201, body: meetingDetail({ id: "new1" }) },
        "GET /api/monev/meetings/new1": { body: meetingDetail({ id: "new1" }) },
      },
      { permissions: manage },
    );
    expect(await screen.findByText("Belum ada rapat tercatat")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Catat rapat" }));
    const dialog = await screen.findByRole("dialog", { name: "Catat rapat monev" });
    const date = within(dialog).getByLabelText(/Tanggal rapat/);
    await user.clear(date);
    await user.type(date, "2026-11-23");
    await user.type(within(dialog).getByLabelText(/Agenda/), "Evaluasi layanan{enter}Kesiapan TPI");
    await user.click(within(dialog).getByRole("button", { name: "Simpan rapat" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const body = calls.find((c) => c.method === "POST")!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      unitId: "bekasi",
      kind: "weekly",
      date: "2026-11-23",
      title: "Rapat MODEL (Monday Evaluation) 2026-11-23",
      agenda: ["Evaluasi layanan", "Kesiapan TPI"],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/monev/rapat/new1"));
  });
});
