// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { itemDetail, monthView } from "../test/fixtures";
import { envelope, renderMedia } from "../test/harness";

const PLAN = ["media.read", "media.plan"];

describe("month calendar", () => {
  it("shows each day's items, highlights the empty working days and counts them", async () => {
    const { calls } = renderMedia(
      "/media?bulan=2026-11",
      { "GET /api/media/month": { body: monthView() } },
      { permissions: ["media.read"] },
    );
    expect(await screen.findByRole("heading", { name: "Kalender konten", level: 1 })).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("month")).toBe("2026-11");
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    const table = await screen.findByRole("table", { name: "Kalender konten" });
    const gapCells = table.querySelectorAll("td[data-gap]");
    expect([...gapCells].map((c) => c.getAttribute("data-date"))).toEqual(["2026-11-05", "2026-11-06"]);
    // The gap is said in words, not only by colour.
    expect(within(gapCells[0] as HTMLElement).getByText("Kosong")).toBeInTheDocument();
    expect(gapCells[0]).toHaveAttribute("aria-label", "Kamis, 5 November 2026: belum ada konten");
    // A weekend without content is not a gap.
    expect(table.querySelector('td[data-date="2026-11-07"]')).not.toHaveAttribute("data-gap");
    expect(screen.getByText("2 dari 21 hari wajib belum memiliki konten")).toBeInTheDocument();
    const cell3 = table.querySelector('td[data-date="2026-11-03"]') as HTMLElement;
    expect(within(cell3).getByRole("link", { name: /Jadwal lelang pekan ini/ })).toHaveAttribute(
      "href",
      "/media/konten/b",
    );
    expect(within(cell3).getByText("Ditolak")).toBeInTheDocument();
    // Charts carry their numbers as text.
    expect(
      screen.getByRole("img", { name: /Konten per kanal: Instagram KPKNL Bekasi 4; YouTube KPKNL Bekasi 1/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: /Konten per tema: Layanan lelang 2; Zona Integritas 2/ }),
    ).toBeInTheDocument();
    expect(screen.getByText("1.200")).toBeInTheDocument();
    // Readers cannot plan.
    expect(screen.queryByRole("button", { name: /Rencanakan konten/ })).not.toBeInTheDocument();
  });

  it("plans content on a clicked day and sends the form to the server", async () => {
    const user = userEvent.setup();
    const { calls } = renderMedia(
      "/media?bulan=2026-11",
      {
        "GET /api/media/month": { body: monthView() },
        "GET /api/media/assignees": { body: { items: [{ id: "u-media", name: "Petugas Media" }] } },
        "POST /api/media/items": { status: 201, body: itemDetail({ status: "idea" }) },
      },
      { permissions: PLAN },
    );
    await user.click(await screen.findByRole("button", { name: "Rencanakan konten Kamis, 5 November 2026" }));
    const dialog = await screen.findByRole("dialog", { name: "Rencanakan konten" });
    expect(within(dialog).getByLabelText(/Tanggal rencana tayang/)).toHaveValue("2026-11-05");
    // Title is required: nothing is sent without it.
    await user.click(within(dialog).getByRole("button", { name: "Simpan rencana" }));
    expect(within(dialog).getByText("Wajib diisi")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    await user.type(within(dialog).getByLabelText(/Judul/), "Maklumat pelayanan");
    await user.click(within(dialog).getByRole("checkbox", { name: /YouTube KPKNL Bekasi/ }));
    await user.click(within(dialog).getByRole("button", { name: "Simpan rencana" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.body).toMatchObject({
      unitId: "bekasi",
      plannedDate: "2026-11-05",
      title: "Maklumat pelayanan",
      theme: "zi",
      channelIds: ["ig", "yt"],
      asDraft: false,
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows the server's refusal inside the dialog and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderMedia(
      "/media?bulan=2026-11",
      {
        "GET /api/media/month": { body: monthView() },
        "GET /api/media/assignees": { body: { items: [] } },
        "POST /api/media/items": {
          status: 400,
          body: envelope(
            "MEDIA_CHANNEL_INACTIVE",
            "Kanal 'YouTube KPKNL Bekasi' tidak aktif; aktifkan kanal itu atau pilih kanal lain.",
          ),
        },
      },
      { permissions: PLAN },
    );
    await user.click(await screen.findByRole("button", { name: "Rencanakan konten Senin, 9 November 2026" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/Judul/), "Edukasi lelang");
    await user.click(within(dialog).getByRole("button", { name: "Simpan rencana" }));
    expect(await within(dialog).findByText(/tidak aktif; aktifkan kanal itu/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Judul/)).toHaveValue("Edukasi lelang");
  });

  it("moves between months", async () => {
    const user = userEvent.setup();
    const { calls } = renderMedia(
      "/media?bulan=2026-11",
      {
        "GET /api/media/month": ({ url }) => ({ body: monthView({ month: url.searchParams.get("month")! }) }),
      },
      { permissions: ["media.read"] },
    );
    await user.click(await screen.findByRole("button", { name: "Bulan berikutnya" }));
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get("month")).toBe("2026-12"));
    await user.click(screen.getByRole("button", { name: "Bulan sebelumnya" }));
    await user.click(screen.getByRole("button", { name: "Bulan sebelumnya" }));
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get("month")).toBe("2026-10"));
  });
});
