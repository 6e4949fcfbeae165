// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { envelope, renderIntegrity } from "../test/harness";

describe("my gratification reports", () => {
  it("reports a refused gift in integer rupiah and shows the server's refusal next to the field", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const { calls } = renderIntegrity(
      "/integritas/gratifikasi",
      {
        "GET /api/integrity/gratification/mine": { body: { items: [] } },
        "POST /api/integrity/gratification/reports": () =>
          ++attempt === 1
            ? {
                status: 400,
                body: envelope(
                  "GRAT_DATE_IN_FUTURE",
                  "Tanggal 'receivedOn' (2099-01-01) tidak boleh setelah hari ini.",
                  {},
                  [{ path: "body.receivedOn", message: "tidak boleh setelah hari ini" }],
                ),
              }
            : { status: 201, body: {} },
      },
      { permissions: ["gratification.report"] },
    );
    expect(await screen.findByText("Belum ada laporan")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Laporkan gratifikasi" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /^Pemberi/ }), "PT Mitra Lelang");
    await user.type(
      within(dialog).getByRole("textbox", { name: /Hubungan dengan pemberi/ }),
      "Pemohon lelang",
    );
    await user.type(within(dialog).getByRole("textbox", { name: /Uraian pemberian/ }), "Parsel buah");
    await user.type(within(dialog).getByRole("textbox", { name: /Taksiran nilai/ }), "850000");
    await user.click(within(dialog).getByRole("button", { name: "Kirim laporan" }));
    expect((await within(dialog).findAllByText(/tidak boleh setelah hari ini/)).length).toBeGreaterThan(0);
    expect(within(dialog).getByLabelText(/Tanggal diterima/)).toHaveAttribute("aria-invalid", "true");
    const body = calls.find((c) => c.method === "POST")!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      unitId: "bekasi",
      action: "ditolak",
      giverName: "PT Mitra Lelang",
      valueIdr: 850000,
      occasion: "lainnya",
      form: "barang",
    });
    expect(body.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await user.click(within(dialog).getByRole("button", { name: "Kirim laporan" }));
    expect(await screen.findByText("Laporan gratifikasi terkirim ke UPG.")).toBeInTheDocument();
  });
});
