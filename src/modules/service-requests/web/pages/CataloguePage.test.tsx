// @vitest-environment jsdom
import "../test/setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { kutipan, serviceType } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";

const starters = {
  items: [
    {
      ...kutipan,
      handler: serviceType().handler,
      template: "kutipan_risalah",
      key: "kutipan_risalah_lelang",
      alreadyAdded: true,
    },
    {
      ...kutipan,
      code: "KPL",
      name: { id: "Kuitansi Pembayaran Lelang", en: "Auction payment receipt" },
      handler: serviceType().handler,
      template: "kuitansi_pelunasan",
      key: "kuitansi_pembayaran_lelang",
      alreadyAdded: false,
    },
  ],
};
const routes = {
  "GET /api/requests/catalogue": { body: { items: [serviceType()] } },
  "GET /api/requests/catalogue/starters": { body: starters },
  "GET /api/requests/assignees": { body: { items: [] } },
};
const admin = ["requests.read", "requests.configure"];

describe("service catalogue editor", () => {
  it("shows each service with its SLA, pauses and the unconfirmed flag", async () => {
    renderRequests("/layanan/permohonan/katalog", routes, { permissions: admin });
    const card = await screen.findByRole("article", { name: "Kutipan Risalah Lelang" });
    expect(within(card).getByText("Tanggapan 2 j · selesai 8 jam kerja")).toBeInTheDocument();
    expect(within(card).getByText("belum dikonfirmasi regulasi")).toBeInTheDocument();
    expect(within(card).getByText(/Jam dijeda saat: Menunggu dokumen pemohon/)).toBeInTheDocument();
    expect(within(card).getByText(/Seksi Pelayanan Lelang/)).toBeInTheDocument();
  });

  it("adds the missing starting entries", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/katalog",
      { ...routes, "POST /api/requests/catalogue/starters": { status: 201, body: { items: [] } } },
      { permissions: admin },
    );
    await user.click(await screen.findByLabelText(/Kuitansi Pembayaran Lelang \(KPL\)/));
    await user.click(screen.getByRole("button", { name: "Tambahkan ke katalog" }));
    await waitFor(() =>
      expect(
        calls.find((c) => c.path === "/api/requests/catalogue/starters" && c.method === "POST")?.body,
      ).toEqual({
        unitId: "bekasi",
        keys: ["kuitansi_pembayaran_lelang"],
      }),
    );
    // The one already added is not offered again.
    expect(screen.queryByLabelText(/Kutipan Risalah Lelang \(KRL\)/)).not.toBeInTheDocument();
  });

  it("edits the SLA hours and sends the whole service with the version read", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/katalog",
      {
        ...routes,
        "PUT /api/requests/catalogue/svc-krl": {
          status: 409,
          body: envelope("SR_VERSION_CONFLICT", "Layanan sudah diubah orang lain; muat ulang."),
        },
      },
      { permissions: admin },
    );
    await user.click(await screen.findByRole("button", { name: "Ubah Kutipan Risalah Lelang" }));
    const dialog = await screen.findByRole("dialog");
    const hours = within(dialog).getByLabelText(/^Penyelesaian \(jam kerja\)/);
    fireEvent.change(hours, { target: { value: "6" } });
    await user.click(within(dialog).getByLabelText(/Angka belum dikonfirmasi/));
    // One change event: typing letter by letter re-renders the whole editor for each key.
    fireEvent.change(within(dialog).getByLabelText(/^Dasar angka/), {
      target: { value: "Standar Pelayanan KPKNL Bekasi 2026" },
    });
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(
      await within(dialog).findByText("Layanan sudah diubah orang lain; muat ulang."),
    ).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe("/api/requests/catalogue/svc-krl");
    expect(put.body).toMatchObject({
      code: "KRL",
      version: 3,
      template: "kutipan_risalah",
      releaseRule: "auction_payment_bphtb",
      sla: {
        firstResponseHours: 2,
        resolutionHours: 6,
        warningPercent: 80,
        pauseStates: ["waiting_requester"],
        unconfirmed: false,
        source: "Standar Pelayanan KPKNL Bekasi 2026",
      },
    });
    expect((put.body as { requirements: unknown[] }).requirements).toHaveLength(2);
    expect(put.body).not.toHaveProperty("unitId");
  });

  it("is read-only without the configure permission", async () => {
    renderRequests("/layanan/permohonan/katalog", routes, { permissions: ["requests.read"] });
    await screen.findByRole("article", { name: "Kutipan Risalah Lelang" });
    expect(screen.queryByRole("button", { name: /Ubah/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Layanan baru" })).not.toBeInTheDocument();
  });
});
