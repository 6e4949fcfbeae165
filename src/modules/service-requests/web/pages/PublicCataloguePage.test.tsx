// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { publicUnit } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";

describe("public service catalogue", () => {
  it("lists each service with what it needs and its promised time in working hours", async () => {
    renderRequests(
      "/layanan-lelang/KPKNL-BEKASI",
      { "GET /api/public/requests/units/KPKNL-BEKASI": { body: publicUnit } },
      { permissions: [], unit: null },
    );
    const krl = await screen.findByRole("region", { name: "Kutipan Risalah Lelang" });
    expect(within(krl).getByText("Selesai paling lama 8 jam kerja")).toBeInTheDocument();
    expect(within(krl).getByText("belum dikonfirmasi regulasi")).toBeInTheDocument();
    expect(within(krl).getByText(/KTP pemohon \(PDF, JPEG, PNG\)/)).toBeInTheDocument();
    expect(within(krl).getByText("wajib pada kondisi tertentu")).toBeInTheDocument();
    expect(within(krl).getByText(/Nomor risalah lelang, Jenis objek lelang/)).toBeInTheDocument();
    expect(
      within(krl).getByRole("link", { name: "Ajukan permohonan Kutipan Risalah Lelang" }),
    ).toHaveAttribute("href", "/layanan-lelang/KPKNL-BEKASI/ajukan/KRL");
    const ssp = screen.getByRole("region", { name: "Validasi SSP" });
    expect(within(ssp).getByText("Selesai paling lama 4 jam kerja")).toBeInTheDocument();
    expect(within(ssp).queryByText("belum dikonfirmasi regulasi")).not.toBeInTheDocument();
    expect(within(ssp).getByText(/Standar Pelayanan 2026/)).toBeInTheDocument();
    // Opening hours with the zone; the weekend is closed.
    const hours = screen.getByRole("region", { name: "Jam layanan" });
    expect(within(hours).getByText("Jumat")).toBeInTheDocument();
    expect(within(hours).getByText(/08\.00–16\.30 WIB/)).toBeInTheDocument();
    expect(within(hours).getAllByText(/Tutup/)).toHaveLength(2);
  });

  it("shows the server's message for an unknown unit", async () => {
    renderRequests(
      "/layanan-lelang/NOPE",
      {
        "GET /api/public/requests/units/NOPE": {
          status: 404,
          body: envelope("SR_UNIT_NOT_FOUND", "Unit dengan kode 'NOPE' tidak ditemukan."),
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByText("Unit dengan kode 'NOPE' tidak ditemukan.")).toBeInTheDocument();
  });
});
