// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { envelope, renderComplaints } from "../test/harness";

const unit = {
  code: "KPKNL-BEKASI",
  name: "KPKNL Bekasi",
  services: ["Lelang", "Penilaian"],
  maxAttachmentBytes: 5 * 1024 * 1024,
  maxAttachments: 5,
};

describe("public complaint form", () => {
  it("files a complaint, uploads the attachment with code and secret, and shows both codes once", async () => {
    const user = userEvent.setup();
    const { calls, container } = renderComplaints(
      "/pengaduan/KPKNL-BEKASI",
      {
        "GET /api/public/complaints/units/KPKNL-BEKASI": { body: unit },
        "POST /api/public/complaints": {
          status: 201,
          body: {
            code: "ADU-7KQ4-M2XC",
            secret: "K7QM-2XC4-9PRT-ZW3H",
            receivedAt: "2026-11-27T02:00:00Z",
            verifyDue: "2026-12-02T09:00:00Z",
          },
        },
        "POST /api/public/complaints/track/attachments": { body: {} },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByRole("heading", { name: "Sampaikan pengaduan" })).toBeInTheDocument();
    expect(screen.getByText(/KPKNL Bekasi/)).toBeInTheDocument();
    await user.type(screen.getAllByLabelText(/Layanan yang diadukan/)[0]!, "Lelang");
    await user.type(screen.getByLabelText(/^Uraian/), "<script>alert(1)</script> jaminan belum kembali");
    await user.type(screen.getByLabelText(/^E-mail/), "warga@example.com");
    const file = new File(["%PDF-1.4"], "bukti.pdf", { type: "application/pdf" });
    await user.upload(container.querySelector<HTMLInputElement>('input[type="file"]')!, file);
    await user.click(screen.getByRole("button", { name: "Kirim pengaduan" }));

    expect(await screen.findByText("ADU-7KQ4-M2XC")).toBeInTheDocument();
    expect(screen.getByText("K7QM-2XC4-9PRT-ZW3H")).toBeInTheDocument();
    const post = calls.find((c) => c.method === "POST" && c.path === "/api/public/complaints")!;
    expect(post.body).toMatchObject({
      unitCode: "KPKNL-BEKASI",
      category: "pengaduan",
      service: "Lelang",
      description: "<script>alert(1)</script> jaminan belum kembali",
      contactEmail: "warga@example.com",
      lang: "id",
    });
    const upload = calls.find((c) => c.path === "/api/public/complaints/track/attachments")!;
    const form = upload.body as FormData;
    expect([...form.keys()]).toEqual(["code", "secret", "file"]);
    expect(form.get("secret")).toBe("K7QM-2XC4-9PRT-ZW3H");
    expect(screen.getByRole("link", { name: /halaman lacak/ })).toHaveAttribute(
      "href",
      "/pengaduan/lacak?kode=ADU-7KQ4-M2XC",
    );
  });

  it("shows the server's field errors next to the fields", async () => {
    const user = userEvent.setup();
    renderComplaints(
      "/pengaduan/KPKNL-BEKASI",
      {
        "GET /api/public/complaints/units/KPKNL-BEKASI": { body: unit },
        "POST /api/public/complaints": {
          status: 400,
          body: envelope("VALIDATION_FAILED", "Data tidak valid", {}, [
            { path: "body.description", message: "Minimal 10 karakter" },
          ]),
        },
      },
      { permissions: [], unit: null },
    );
    await screen.findByRole("heading", { name: "Sampaikan pengaduan" });
    await user.type(screen.getAllByLabelText(/Layanan yang diadukan/)[0]!, "Lelang");
    await user.type(screen.getByLabelText(/^Uraian/), "pendek");
    await user.click(screen.getByRole("button", { name: "Kirim pengaduan" }));
    await waitFor(() => expect(screen.getByLabelText(/^Uraian/)).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getAllByText("Minimal 10 karakter").length).toBeGreaterThan(0);
    expect(screen.queryByText("Kode rahasia")).not.toBeInTheDocument();
  });

  it("says so when the unit code is unknown", async () => {
    renderComplaints(
      "/pengaduan/NOPE",
      {
        "GET /api/public/complaints/units/NOPE": {
          status: 404,
          body: envelope("CMP_UNIT_NOT_FOUND", "Unit dengan kode 'NOPE' tidak ditemukan."),
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByText("Unit dengan kode 'NOPE' tidak ditemukan.")).toBeInTheDocument();
  });
});
