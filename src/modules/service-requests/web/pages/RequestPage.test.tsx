// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RequestDetail } from "../../contract";
import { detail, sla } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";

const handler = ["requests.read", "requests.handle"];
const DETAIL = "GET /api/requests/r1";
const TRANSITION = "POST /api/requests/r1/transition";

async function openCommand(user: ReturnType<typeof userEvent.setup>, name: string) {
  const card = await screen.findByRole("region", { name: "Langkah berikutnya" });
  await user.click(within(card).getByRole("button", { name }));
  return screen.findByRole("dialog");
}

describe("staff request page", () => {
  it("renders fields, documents with what is missing, the payment rule, SLA and history", async () => {
    renderRequests("/layanan/permohonan/r1", { [DETAIL]: { body: detail() } }, { permissions: handler });
    expect(await screen.findByRole("heading", { name: "ALC-0000-0001", level: 1 })).toBeInTheDocument();
    const fields = screen.getByRole("region", { name: "Data permohonan" });
    expect(within(fields).getByText("123/45/2026")).toBeInTheDocument();
    expect(within(fields).getByText("Tanah dan/atau bangunan")).toBeInTheDocument();
    const docs = screen.getByRole("region", { name: "Dokumen persyaratan" });
    expect(within(docs).getByRole("link", { name: "ktp.jpg" })).toHaveAttribute(
      "href",
      "/api/requests/r1/files/f1",
    );
    // Land or buildings: the BPHTB proof is required and missing.
    expect(within(docs).getByText("belum ada (wajib)")).toBeInTheDocument();
    const pay = screen.getByRole("region", { name: "Pelunasan lelang" });
    expect(
      within(pay).getByText("Belum ada catatan pelunasan untuk risalah 123/45/2026."),
    ).toBeInTheDocument();
    expect(within(pay).getByText(/Bukti setor BPHTB belum ada/)).toBeInTheDocument();
    // No payment permission: no button to record it.
    expect(within(pay).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByTestId("sla-remaining")).toHaveTextContent("sisa waktu 3 jam 20 menit kerja");
    expect(screen.getByText("budi@example.com")).toBeInTheDocument();
    expect(screen.getByText("Permohonan diajukan")).toBeInTheDocument();
  });

  it("hides every action from a reader without the handle permission", async () => {
    renderRequests(
      "/layanan/permohonan/r1",
      { [DETAIL]: { body: detail() } },
      { permissions: ["requests.read"] },
    );
    await screen.findByRole("heading", { name: "ALC-0000-0001", level: 1 });
    expect(screen.queryByRole("region", { name: "Langkah berikutnya" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Catatan internal")).not.toBeInTheDocument();
  });

  it("asks the requester for documents with the version read, pausing the clock", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/r1",
      {
        [DETAIL]: { body: detail() },
        [TRANSITION]: {
          body: detail({
            state: "waiting_requester",
            sla: sla({ paused: true }),
            commands: ["resume", "reject"],
            version: 5,
          }),
        },
      },
      { permissions: handler },
    );
    const dialog = await openCommand(user, "Minta dokumen tambahan");
    await user.click(within(dialog).getByLabelText("Surat Setoran BPHTB"));
    await user.type(
      within(dialog).getByLabelText(/^Pesan untuk pemohon/),
      "Unggah bukti setor BPHTB yang sudah divalidasi.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Kirim permintaan" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/requests/r1/transition")).toBe(true));
    expect(calls.find((c) => c.path === "/api/requests/r1/transition")!.body).toEqual({
      command: "request_documents",
      version: 4,
      keys: ["bphtb_proof"],
      message: "Unggah bukti setor BPHTB yang sudah divalidasi.",
    });
    expect(await screen.findByText("Jam layanan dijeda")).toBeInTheDocument();
  });

  it("rejects only with a reason of at least 10 characters and shows the server's refusal", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/r1",
      {
        [DETAIL]: { body: detail() },
        [TRANSITION]: {
          status: 409,
          body: envelope("SR_VERSION_CONFLICT", "Permohonan sudah diubah orang lain; muat ulang halaman."),
        },
      },
      { permissions: handler },
    );
    const dialog = await openCommand(user, "Tolak");
    const confirm = within(dialog).getByRole("button", { name: "Tolak permohonan" });
    await user.type(within(dialog).getByLabelText(/^Alasan penolakan/), "Kurang");
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByLabelText(/^Alasan penolakan/),
      " lengkap: risalah bukan milik pemohon",
    );
    await user.click(confirm);
    expect(
      await within(dialog).findByText("Permohonan sudah diubah orang lain; muat ulang halaman."),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/requests/r1/transition")!.body).toEqual({
      command: "reject",
      version: 4,
      reason: "Kurang lengkap: risalah bukan milik pemohon",
    });
  });

  it("completes with the document text, warning while the payment is not recorded", async () => {
    const user = userEvent.setup();
    const completed: RequestDetail = detail({
      state: "completed",
      commands: [],
      sla: sla({ stopped: true, stoppedAt: "2026-11-27T07:00:00.000Z" }),
      produced: {
        docCode: "D7KQ4M2XC9PR",
        number: "KRL-001/2026",
        title: { id: "Kutipan Risalah Lelang", en: "Extract" },
        issuedAt: "2026-11-27T07:00:00.000Z",
        fileId: "pdf1",
        sha256: "cd".repeat(32),
        verifyUrl: "https://zona.example/verifikasi/D7KQ4M2XC9PR",
      },
    });
    const { calls } = renderRequests(
      "/layanan/permohonan/r1",
      { [DETAIL]: { body: detail() }, [TRANSITION]: { body: completed } },
      { permissions: handler },
    );
    const dialog = await openCommand(user, "Selesaikan & terbitkan dokumen");
    expect(within(dialog).getByText(/Pelunasan lelang belum tercatat/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Teks pada dokumen/)).toHaveValue("Tanah dan bangunan SHM 123");
    await user.click(within(dialog).getByRole("button", { name: "Selesaikan & terbitkan" }));
    expect(await screen.findByRole("region", { name: "Dokumen terbit" })).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/requests/r1/transition")!.body).toEqual({
      command: "complete",
      version: 4,
      documentText: "Tanah dan bangunan SHM 123",
      note: null,
    });
    expect(screen.getByRole("link", { name: "Buka PDF" })).toHaveAttribute(
      "href",
      "/api/requests/r1/files/pdf1",
    );
  });

  it("assigns to an officer and adds an internal note", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/r1",
      {
        [DETAIL]: { body: detail() },
        [TRANSITION]: { body: detail({ assigneeName: "Sari Petugas", version: 5 }) },
        "GET /api/requests/assignees": {
          body: { items: [{ id: "u7", name: "Sari Petugas", roles: ["service_officer"] }] },
        },
        "POST /api/requests/r1/notes": { body: detail({ version: 6 }) },
      },
      { permissions: handler },
    );
    const dialog = await openCommand(user, "Tugaskan");
    await user.click(within(dialog).getAllByLabelText(/^Petugas/)[0]!);
    await user.click(await within(dialog).findByRole("option", { name: "Sari Petugas" }));
    await user.click(within(dialog).getByRole("button", { name: "Tugaskan" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/requests/r1/transition")).toBe(true));
    expect(calls.find((c) => c.path === "/api/requests/r1/transition")!.body).toEqual({
      command: "assign",
      version: 4,
      assigneeId: "u7",
      note: null,
    });
    await user.type(screen.getByLabelText(/^Catatan internal/), "Menunggu paraf Kepala Seksi");
    await user.click(screen.getByRole("button", { name: "Tambah catatan" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "/api/requests/r1/notes")?.body).toEqual({
        body: "Menunggu paraf Kepala Seksi",
      }),
    );
  });

  it("lets the treasurer record the auction payment", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/r1",
      {
        [DETAIL]: { body: detail() },
        "POST /api/requests/payments": { status: 201, body: { id: "p1" } },
      },
      { permissions: ["requests.read", "requests.payment"] },
    );
    const pay = await screen.findByRole("region", { name: "Pelunasan lelang" });
    await user.click(within(pay).getByRole("button", { name: "Catat pelunasan" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/^Jumlah dibayar/), "350000000");
    await user.type(within(dialog).getByLabelText(/^Tanggal pelunasan/), "2026-11-20");
    await user.click(within(dialog).getByRole("button", { name: "Simpan pelunasan" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/requests/payments")).toBe(true));
    expect(calls.find((c) => c.path === "/api/requests/payments")!.body).toEqual({
      unitId: "bekasi",
      auctionRef: "123/45/2026",
      buyerName: "Budi Santoso",
      objectDescription: "Tanah dan bangunan SHM 123",
      amount: 350000000,
      paidInFull: true,
      paidAt: "2026-11-20",
      landOrBuilding: true,
    });
  });
});
