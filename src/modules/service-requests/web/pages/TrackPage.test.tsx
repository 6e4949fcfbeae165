// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sla, tracking } from "../test/fixtures";
import { envelope, i18nOf, renderRequests } from "../test/harness";

afterEach(async () => {
  await i18nOf.changeLanguage("id");
});

const pub: { permissions: string[]; unit: null } = { permissions: [], unit: null };

async function trackWith(user: ReturnType<typeof userEvent.setup>, number: string, secret?: string) {
  await user.type(await screen.findByLabelText(/^Nomor permohonan/), number);
  if (secret) await user.type(screen.getByLabelText(/^Kode rahasia/), secret);
  await user.click(screen.getByRole("button", { name: "Lacak" }));
}

describe("public tracking page", () => {
  it("shows the state as steps, the clock in working hours with the due time in WIB, and the history", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/lacak-layanan",
      { "POST /api/public/requests/track": { body: tracking() } },
      { ...pub, permissions: [] },
    );
    await trackWith(user, "ALC-7KQ4-M2XC", "K7QM-2XC4-9PRT-ZW3H");
    expect(await screen.findByTestId("sla-remaining")).toHaveTextContent("sisa waktu 3 jam 20 menit kerja");
    expect(calls.find((c) => c.path === "/api/public/requests/track")!.body).toEqual({
      number: "ALC-7KQ4-M2XC",
      secret: "K7QM-2XC4-9PRT-ZW3H",
    });
    expect(screen.getByText("Senin, 30 November 2026 11.30 WIB")).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: /58% dari waktu layanan 8 jam kerja telah terpakai/ }),
    ).toBeInTheDocument();
    const steps = screen.getByRole("list", { name: "Tahapan permohonan" });
    expect(within(steps).getByText("Diproses").closest("li")).toHaveAttribute("aria-current", "step");
    expect(screen.getByText("Diterima dan diproses")).toBeInTheDocument();
    expect(screen.getByText(/Nomor risalah lelang: 123\/45\/2026/)).toBeInTheDocument();
    expect(screen.getByText("Tepat waktu")).toBeInTheDocument();
  });

  it("tracks by number alone without details, and in English formats the clock in English", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/lacak-layanan",
      {
        "POST /api/public/requests/track": {
          body: tracking({
            detailed: false,
            details: null,
            sla: sla({ remainingMinutes: -95, state: "breached", percent: 120 }),
          }),
        },
      },
      pub,
    );
    await trackWith(user, "ALC-7KQ4-M2XC");
    expect(await screen.findByTestId("sla-remaining")).toHaveTextContent("terlambat 1 jam 35 menit kerja");
    expect(screen.getByText("Hanya status yang ditampilkan")).toBeInTheDocument();
    expect(screen.getByText("Terlambat")).toBeInTheDocument();
    expect(calls[0]!.body).toEqual({ number: "ALC-7KQ4-M2XC" });
    await user.click(screen.getByRole("button", { name: /^EN/ }));
    expect(await screen.findByTestId("sla-remaining")).toHaveTextContent("1 working hour 35 minutes overdue");
  });

  it("explains the paused clock and sends the requested documents", async () => {
    const user = userEvent.setup();
    const waiting = tracking({
      state: "waiting_requester",
      sla: sla({ paused: true, dueAt: null }),
      details: {
        ...tracking().details!,
        documentsRequested: {
          keys: ["bphtb_proof"],
          message: "Mohon unggah Surat Setoran BPHTB yang sudah divalidasi.",
        },
        canUpload: true,
      },
    });
    const { calls, container } = renderRequests(
      "/lacak-layanan?nomor=ALC-7KQ4-M2XC",
      {
        "POST /api/public/requests/track": { body: waiting },
        "POST /api/public/requests/uploads": {
          body: {
            uploadId: "up9",
            token: "tok9",
            name: "bphtb.pdf",
            mime: "application/pdf",
            sizeBytes: 4096,
          },
        },
        "POST /api/public/requests/documents": { body: tracking() },
      },
      pub,
    );
    // Arriving with ?nomor= tracks at once.
    expect(await screen.findByText("Jam layanan dijeda")).toBeInTheDocument();
    expect(screen.getByText(/Kami menunggu dokumen tambahan dari Anda/)).toBeInTheDocument();
    expect(screen.getByText("Batas waktu bergeser selama jam dijeda.")).toBeInTheDocument();
    expect(screen.getByText("Menunggu dokumen Anda")).toBeInTheDocument();
    expect(screen.getByText("Mohon unggah Surat Setoran BPHTB yang sudah divalidasi.")).toBeInTheDocument();
    await user.upload(
      container.querySelector<HTMLInputElement>('input[type="file"]')!,
      new File(["%PDF"], "bphtb.pdf", { type: "application/pdf" }),
    );
    await screen.findByText(/bphtb\.pdf · 4 KB · terunggah/);
    await user.type(screen.getByLabelText("Pesan untuk petugas (tidak wajib)"), "Sudah divalidasi Bapenda");
    await user.click(screen.getByRole("button", { name: "Kirim dokumen" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/public/requests/documents")).toBe(true));
    expect(calls.find((c) => c.path === "/api/public/requests/documents")!.body).toEqual({
      number: "ALC-7KQ4-M2XC",
      documents: [{ requirementKey: "bphtb_proof", uploadId: "up9", token: "tok9" }],
      message: "Sudah divalidasi Bapenda",
    });
    expect(await screen.findByTestId("sla-remaining")).toHaveTextContent("sisa waktu 3 jam 20 menit kerja");
  });

  it("downloads the produced document and takes a one-tap rating", async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => "blob:doc");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const done = tracking({
      state: "completed",
      sla: sla({ stopped: true, stoppedAt: "2026-11-27T07:00:00.000Z", elapsedMinutes: 330 }),
      details: {
        ...tracking().details!,
        produced: {
          docCode: "D7KQ4M2XC9PR",
          number: "KRL-001/WKN.09/KNL.05/2026",
          title: { id: "Kutipan Risalah Lelang", en: "Extract of the auction minutes" },
          issuedAt: "2026-11-27T07:00:00.000Z",
          fileId: "pdf1",
          sha256: "ab".repeat(32),
          verifyUrl: "https://zona.example/verifikasi/D7KQ4M2XC9PR",
        },
        canCancel: false,
        canRate: true,
      },
    });
    const rated = tracking({
      ...done,
      details: { ...done.details!, canRate: false, rating: { score: 4, comment: "Cepat" } },
    });
    const { calls } = renderRequests(
      "/lacak-layanan",
      {
        "POST /api/public/requests/track": { body: done },
        "POST /api/public/requests/download": { body: { ok: true } },
        "POST /api/public/requests/rate": { body: rated },
      },
      pub,
    );
    await trackWith(user, "ALC-7KQ4-M2XC", "K7QM-2XC4-9PRT-ZW3H");
    expect(await screen.findByText("Dokumen Anda sudah terbit")).toBeInTheDocument();
    expect(screen.getByText("Diselesaikan dalam 5 jam 30 menit kerja")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Periksa keaslian dokumen/ })).toHaveAttribute(
      "href",
      "/verifikasi/D7KQ4M2XC9PR",
    );
    await user.click(screen.getByRole("button", { name: "Unduh dokumen (PDF)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls.find((c) => c.path === "/api/public/requests/download")!.body).toEqual({
      number: "ALC-7KQ4-M2XC",
      secret: "K7QM-2XC4-9PRT-ZW3H",
      fileId: "pdf1",
    });
    expect(createObjectURL).toHaveBeenCalled();
    await user.type(screen.getByLabelText("Komentar (tidak wajib)"), "Cepat");
    await user.click(screen.getByRole("button", { name: "Beri nilai: Sangat puas" }));
    expect(await screen.findByText(/Penilaian Anda: Sangat puas — Cepat/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/public/requests/rate")!.body).toEqual({
      number: "ALC-7KQ4-M2XC",
      secret: "K7QM-2XC4-9PRT-ZW3H",
      score: 4,
      comment: "Cepat",
    });
    click.mockRestore();
  });

  it("shows the server's message when the number and secret do not match", async () => {
    const user = userEvent.setup();
    renderRequests(
      "/lacak-layanan",
      {
        "POST /api/public/requests/track": {
          status: 404,
          body: envelope("SR_TRACK_NOT_FOUND", "Nomor permohonan atau kode rahasia tidak cocok."),
        },
      },
      pub,
    );
    await trackWith(user, "ALC-0000-0000", "XXXX");
    expect(await screen.findByText("Nomor permohonan atau kode rahasia tidak cocok.")).toBeInTheDocument();
  });

  it("lets the requester cancel with a reason after confirming", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/lacak-layanan",
      {
        "POST /api/public/requests/track": { body: tracking() },
        "POST /api/public/requests/cancel": {
          body: tracking({ state: "cancelled", details: { ...tracking().details!, canCancel: false } }),
        },
      },
      pub,
    );
    await trackWith(user, "ALC-7KQ4-M2XC", "K7QM-2XC4-9PRT-ZW3H");
    await user.click(await screen.findByRole("button", { name: "Batalkan permohonan" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Alasan (tidak wajib)"), "Salah pilih layanan");
    await user.click(within(dialog).getByRole("button", { name: "Ya, batalkan" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "/api/public/requests/cancel")?.body).toEqual({
        number: "ALC-7KQ4-M2XC",
        secret: "K7QM-2XC4-9PRT-ZW3H",
        reason: "Salah pilih layanan",
      }),
    );
    expect(await screen.findAllByText("Dibatalkan")).not.toHaveLength(0);
  });
});
