// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { portal } from "../test/fixtures";
import { envelope, renderStd } from "../test/harness";

const PORTAL = "GET /api/public/units/KPKNL-BEKASI/standards";

describe("public service page", () => {
  it("renders services, pledge, facilities with photos, contact and feedback links without a session", async () => {
    renderStd("/layanan/KPKNL-BEKASI", { [PORTAL]: { body: portal } }, { permissions: [], unit: null });
    expect(await screen.findByRole("heading", { level: 1, name: "Standar Pelayanan" })).toBeInTheDocument();
    const services = screen.getByRole("region", { name: "Jenis layanan" });
    const lelang = within(services).getByRole("article", { name: "Pelayanan Permohonan Lelang" });
    expect(within(lelang).getByText("5 hari kerja")).toBeInTheDocument();
    expect(within(lelang).getByRole("link", { name: /Lihat standar pelayanan/ })).toHaveAttribute(
      "href",
      "/layanan/KPKNL-BEKASI/permohonan-lelang",
    );
    const info = within(services).getByRole("article", { name: "Layanan Informasi dan Konsultasi" });
    expect(within(info).getByText("Tidak dipungut biaya")).toBeInTheDocument();
    expect(within(info).getByText("30 menit")).toBeInTheDocument();
    expect(screen.getByText("Kami sanggup menyelenggarakan pelayanan sesuai standar.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Ruang laktasi dengan sofa" })).toHaveAttribute(
      "src",
      "/api/public/units/KPKNL-BEKASI/facility-photos/file1",
    );
    expect(screen.getByRole("link", { name: /Isi survei kepuasan/ })).toHaveAttribute(
      "href",
      "/survei/KPKNL-BEKASI",
    );
    expect(screen.getByRole("link", { name: /Sampaikan pengaduan/ })).toHaveAttribute(
      "href",
      "/pengaduan/KPKNL-BEKASI",
    );
    expect(screen.getByRole("link", { name: "(021) 555-0101" })).toHaveAttribute("href", "tel:0215550101");
    // one h1, then h2 sections: a heading order a screen reader can follow
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
  });

  it("switches to English", async () => {
    const user = userEvent.setup();
    renderStd("/layanan/KPKNL-BEKASI", { [PORTAL]: { body: portal } }, { permissions: [], unit: null });
    await user.click(await screen.findByRole("button", { name: /EN/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Service Standards" })).toBeInTheDocument();
    expect(screen.getByRole("article", { name: "Auction requests" })).toBeInTheDocument();
    expect(screen.getByText("5 working days")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /ID/ }));
  });

  it("says so when the unit code is unknown", async () => {
    renderStd(
      "/layanan/NOPE",
      {
        "GET /api/public/units/NOPE/standards": {
          status: 404,
          body: envelope("STD_UNIT_NOT_FOUND", "Unit layanan dengan kode 'NOPE' tidak ditemukan."),
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Unit layanan dengan kode 'NOPE' tidak ditemukan.",
    );
  });

  it("shows one service's standard with a requirements checklist kept on the device", async () => {
    const user = userEvent.setup();
    renderStd(
      "/layanan/KPKNL-BEKASI/permohonan-lelang",
      { [PORTAL]: { body: portal } },
      { permissions: [], unit: null },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Pelayanan Permohonan Lelang" }),
    ).toBeInTheDocument();
    const box = screen.getByRole("checkbox", { name: "Surat permohonan lelang" });
    await user.click(box);
    expect(box).toBeChecked();
    expect(JSON.parse(localStorage.getItem("zona.std.checklist.KPKNL-BEKASI.permohonan-lelang")!)).toEqual([
      true,
      false,
    ]);
    expect(screen.getByText("Bea lelang sesuai tarif PNBP")).toBeInTheDocument();
    expect(screen.getByText("Dasar hukum: PP 62/2020")).toBeInTheDocument();
    expect(screen.getByText(/Ditetapkan dengan KEP-41\/2025/)).toBeInTheDocument();
    expect(screen.getByText("SOP Penetapan Jadwal Lelang (SOP-12)")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Kembali ke daftar layanan/ })).toHaveAttribute(
      "href",
      "/layanan/KPKNL-BEKASI",
    );
  });

  it("an unknown service code explains itself", async () => {
    renderStd("/layanan/KPKNL-BEKASI/nope", { [PORTAL]: { body: portal } }, { permissions: [], unit: null });
    expect(await screen.findByRole("alert")).toHaveTextContent(/tidak ditemukan atau belum memiliki standar/);
  });
});
