// @vitest-environment jsdom
import "../test/setup";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { envelope, renderRequests } from "../test/harness";

describe("public document verification", () => {
  it("confirms a genuine document with number, date, issuing unit and hash, and no personal data", async () => {
    renderRequests(
      "/verifikasi/D7KQ4M2XC9PR",
      {
        "GET /api/public/documents/D7KQ4M2XC9PR/verify": {
          body: {
            valid: true,
            docCode: "D7KQ4M2XC9PR",
            documentNumber: "KRL-001/WKN.09/KNL.05/2026",
            title: { id: "Kutipan Risalah Lelang", en: "Extract of the auction minutes" },
            issuedAt: "2026-11-27T07:00:00.000Z",
            issuingUnit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
            serviceName: { id: "Kutipan Risalah Lelang", en: "Extract of the auction minutes" },
            sha256: "ab".repeat(32),
          },
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByText("Dokumen asli")).toBeInTheDocument();
    expect(screen.getByText("KRL-001/WKN.09/KNL.05/2026")).toBeInTheDocument();
    expect(screen.getByText("27 November 2026 14.00 WIB")).toBeInTheDocument();
    expect(screen.getByText("KPKNL Bekasi (KPKNL-BEKASI)")).toBeInTheDocument();
    expect(screen.getByTestId("verify-hash")).toHaveTextContent("ab".repeat(32));
    expect(screen.getByText("Halaman ini tidak menampilkan data pribadi pemohon.")).toBeInTheDocument();
  });

  it("says plainly when a code is not a document Zona issued", async () => {
    renderRequests(
      "/verifikasi/DFAKE",
      {
        "GET /api/public/documents/DFAKE/verify": {
          status: 404,
          body: envelope("SR_DOCUMENT_NOT_FOUND", "Dokumen tidak ditemukan."),
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByText("Dokumen tidak dikenali")).toBeInTheDocument();
    expect(screen.getByText(/Tidak ada dokumen dengan kode “DFAKE”/)).toBeInTheDocument();
    expect(screen.queryByText("Dokumen asli")).not.toBeInTheDocument();
  });
});
