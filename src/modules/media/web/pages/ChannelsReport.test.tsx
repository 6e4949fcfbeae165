// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { channels, report } from "../test/fixtures";
import { envelope, renderMedia } from "../test/harness";

describe("channels page", () => {
  it("lists the channels, adds one and shows a refusal", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const { calls } = renderMedia(
      "/media/kanal",
      {
        "GET /api/media/channels": { body: { items: channels } },
        "GET /api/media/settings": { body: { unitId: "bekasi", planWeekends: false } },
        "POST /api/media/channels": () =>
          attempt++ === 0
            ? {
                status: 400,
                body: envelope(
                  "MEDIA_URL_INVALID",
                  "Tautan publikasi 'tiktok' tidak sah: gunakan alamat lengkap yang diawali https:// atau http://.",
                ),
              }
            : {
                status: 201,
                body: { ...channels[0], id: "tt", kind: "tiktok", name: "TikTok KPKNL Bekasi" },
              },
        "PUT /api/media/settings": { body: { unitId: "bekasi", planWeekends: true } },
      },
      { permissions: ["media.read", "media.plan"] },
    );
    const table = await screen.findByRole("table", { name: "Kanal media unit" });
    expect(within(table).getByText("Instagram KPKNL Bekasi")).toBeInTheDocument();
    expect(within(table).getByText("@kpknlbekasi")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Tambah kanal" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah kanal" });
    await user.type(within(dialog).getByLabelText(/Nama kanal/), "TikTok KPKNL Bekasi");
    await user.type(within(dialog).getByLabelText(/Alamat/), "tiktok");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText(/tidak sah/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/Alamat/));
    await user.type(within(dialog).getByLabelText(/Alamat/), "https://www.tiktok.com/@kpknlbekasi");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === "POST").at(-1)!.body).toEqual({
      unitId: "bekasi",
      kind: "instagram",
      name: "TikTok KPKNL Bekasi",
      handle: null,
      url: "https://www.tiktok.com/@kpknlbekasi",
      active: true,
    });
    // The planning setting.
    await user.click(screen.getByRole("switch", { name: /termasuk akhir pekan/ }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ unitId: "bekasi", planWeekends: true });
  });

  it("is read-only without media.plan", async () => {
    renderMedia(
      "/media/kanal",
      {
        "GET /api/media/channels": { body: { items: channels } },
        "GET /api/media/settings": { body: { unitId: "bekasi", planWeekends: false } },
      },
      { permissions: ["media.read"] },
    );
    await screen.findByRole("table", { name: "Kanal media unit" });
    expect(screen.queryByRole("button", { name: "Tambah kanal" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Ubah kanal/ })).not.toBeInTheDocument();
    expect(screen.getByRole("switch")).toBeDisabled();
  });
});

describe("report page", () => {
  it("draws per-channel and per-theme bars for the chosen measure and lists months", async () => {
    const user = userEvent.setup();
    const { calls } = renderMedia(
      "/media/laporan",
      { "GET /api/media/report": { body: report } },
      { permissions: ["media.read"] },
    );
    expect(
      await screen.findByRole("img", { name: /Instagram KPKNL Bekasi 37; YouTube KPKNL Bekasi 8/ }),
    ).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    await user.click(screen.getByRole("radio", { name: "Tayangan" }));
    expect(
      await screen.findByRole("img", { name: /Instagram KPKNL Bekasi 20.000; YouTube KPKNL Bekasi 6.000/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: /Zona Integritas 9.000; Layanan lelang 7.000/ }),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Rekap media per bulan" });
    expect(within(table).getByText("Oktober 2026")).toBeInTheDocument();
    expect(within(table).getByText("15.000")).toBeInTheDocument();
    const link = screen.getByRole("link", { name: /Unduh XLSX/ });
    expect(link.getAttribute("href")).toContain("/api/media/report.xlsx?unitId=bekasi");
  });
});
