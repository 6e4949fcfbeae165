// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { envelope, renderComplaints } from "../test/harness";
import { jakartaInstant } from "./IntakePage";

const handler = ["complaints.read", "complaints.handle"];

describe("staff intake of a complaint", () => {
  it("records a letter with its reference and date, then shows the receipt with the secret once", async () => {
    const user = userEvent.setup();
    const { calls } = renderComplaints(
      "/layanan/pengaduan/catat",
      {
        "POST /api/complaints/intake": {
          status: 201,
          body: {
            id: "c77",
            code: "ADU-7K2M-9QXP",
            secret: "ABCD-EFGH-JKLM-NPQR",
            receivedAt: "2026-11-25T03:00:00.000Z",
            verifyDue: "2026-11-30T09:00:00.000Z",
          },
        },
      },
      { permissions: handler },
    );
    expect(await screen.findByText("Catat pengaduan yang diterima langsung")).toBeInTheDocument();
    const submit = screen.getByRole("button", { name: "Catat pengaduan" });
    expect(submit).toBeDisabled();
    await user.click(screen.getByRole("radio", { name: "Surat" }));
    await user.type(screen.getByLabelText("Waktu diterima"), "2026-11-25T10:00");
    await user.type(screen.getByLabelText("Nomor surat / rujukan (opsional)"), "Surat No. 12/WB/XI/2026");
    await user.type(screen.getAllByLabelText(/Layanan yang diadukan/)[0]!, "Lelang");
    await user.type(
      screen.getByRole("textbox", { name: /Uraian/ }),
      "Pemenang lelang belum menerima kutipan risalah lelang.",
    );
    await user.type(screen.getByLabelText("Nama"), "Budi Santoso");
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      unitId: "bekasi",
      channel: "letter",
      receivedAt: "2026-11-25T10:00:00+07:00",
      reference: "Surat No. 12/WB/XI/2026",
      category: "pengaduan",
      service: "Lelang",
      description: "Pemenang lelang belum menerima kutipan risalah lelang.",
      contactName: "Budi Santoso",
    });
    expect(await screen.findByText("ADU-7K2M-9QXP")).toBeInTheDocument();
    expect(screen.getByText("ABCD-EFGH-JKLM-NPQR")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Buka pengaduan" })).toHaveAttribute(
      "href",
      "/layanan/pengaduan/c77",
    );
    // another complaint: a fresh form, the secret gone
    await user.click(screen.getByRole("button", { name: "Catat pengaduan lain" }));
    expect(screen.queryByText("ABCD-EFGH-JKLM-NPQR")).toBeNull();
    expect(screen.getByRole("radio", { name: "Loket" })).toBeChecked();
  });

  it("shows the server's refusal next to the field", async () => {
    const user = userEvent.setup();
    renderComplaints(
      "/layanan/pengaduan/catat",
      {
        "POST /api/complaints/intake": {
          status: 400,
          body: envelope(
            "CMP_RECEIVED_AT_INVALID",
            "Waktu diterima ('receivedAt') tidak boleh di masa depan atau lebih dari 30 hari yang lalu.",
            { field: "receivedAt", days: 30 },
            [{ path: "body.receivedAt", message: "Tidak boleh di masa depan" }],
          ),
        },
      },
      { permissions: handler },
    );
    await user.type((await screen.findAllByLabelText(/Layanan yang diadukan/))[0]!, "Lelang");
    await user.type(
      screen.getByRole("textbox", { name: /Uraian/ }),
      "Telepon layanan tidak pernah diangkat.",
    );
    await user.type(screen.getByLabelText("Waktu diterima"), "2027-01-01T10:00");
    await user.click(screen.getByRole("button", { name: "Catat pengaduan" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Waktu diterima")).toHaveAttribute("aria-invalid", "true"),
    );
    expect(screen.getAllByText("Tidak boleh di masa depan").length).toBeGreaterThan(0);
    expect(screen.getByText(/tidak boleh di masa depan atau lebih dari 30 hari/)).toBeInTheDocument();
  });

  it("turns a Jakarta wall time into an instant with its offset", () => {
    expect(jakartaInstant("")).toBeUndefined();
    expect(jakartaInstant("2026-11-25T10:00")).toBe("2026-11-25T10:00:00+07:00");
    expect(new Date(jakartaInstant("2026-11-25T10:00")!).toISOString()).toBe("2026-11-25T03:00:00.000Z");
  });
});
