// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { occurrence, programme, staff } from "../test/fixtures";
import { envelope, renderCulture } from "../test/harness";

const MANAGE = ["culture.read", "culture.manage"];
const detail = { programme: programme(), monthly: [], evidence: [] };

describe("session form", () => {
  it("records a REPEAT session: attendance checklist, checklist findings with improvement, and an uploaded file", async () => {
    const { calls, router } = renderCulture(
      "/budaya/program/p-repeat/sesi/baru?tanggal=2026-12-01",
      {
        "GET /api/culture/programmes/p-repeat": { body: detail },
        "GET /api/culture/staff": { body: { items: staff } },
        "POST /api/files": {
          status: 201,
          body: {
            id: "f1",
            unitId: "bekasi",
            sizeBytes: 20480,
            mime: "application/pdf",
            originalName: "foto.pdf",
          },
        },
        "POST /api/culture/programmes/p-repeat/occurrences": { status: 201, body: occurrence({ id: "o9" }) },
        "GET /api/culture/occurrences/o9": { body: occurrence({ id: "o9" }) },
      },
      { permissions: MANAGE },
    );
    expect(await screen.findByRole("heading", { name: "Catat pelaksanaan" })).toBeInTheDocument();
    expect(screen.getByLabelText(/Tanggal/)).toHaveValue("2026-12-01");
    await screen.findByRole("checkbox", { name: "Sari Dewi" });
    expect(screen.getByText("0 dari 3 pegawai hadir (0%)")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Tandai semua hadir" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Budi Santoso" }));
    expect(screen.getByText("2 dari 3 pegawai hadir (66,7%)")).toBeInTheDocument();

    // REPEAT checklist from the programme's items
    const item = screen.getByText("Prosedur: SOP tersedia").closest("div")!.parentElement as HTMLElement;
    await userEvent.click(within(item).getByText("Perlu perbaikan"));
    await userEvent.type(
      await screen.findByRole("textbox", { name: "Perbaikan yang dilakukan / direncanakan" }),
      "Cetak ulang SOP",
    );

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(["%PDF-1.4"], "foto.pdf", { type: "application/pdf" }));
    await screen.findByRole("link", { name: "foto.pdf" });
    const upload = calls.find((c) => c.path === "/api/files")!;
    expect((upload.body as FormData).get("unitId")).toBe("bekasi");

    await userEvent.type(screen.getByRole("textbox", { name: "Topik" }), "Putaran Desember");
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/budaya/sesi/o9"));
    const post = calls.find((c) => c.path === "/api/culture/programmes/p-repeat/occurrences")!;
    expect(post.body).toEqual({
      date: "2026-12-01",
      topic: "Putaran Desember",
      speakerUserId: null,
      notes: "",
      fileIds: ["f1"],
      checklist: [
        { item: "Fasilitas: ruang tunggu bersih", state: "ok", improvement: "" },
        { item: "Prosedur: SOP tersedia", state: "improve", improvement: "Cetak ulang SOP" },
      ],
      attendance: [
        { userId: "u2", present: false },
        { userId: "u1", present: true },
        { userId: "u3", present: true },
      ],
      queueEntryId: null,
    });
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    renderCulture(
      "/budaya/program/p-repeat/sesi/baru?tanggal=2026-12-01",
      {
        "GET /api/culture/programmes/p-repeat": { body: detail },
        "GET /api/culture/staff": { body: { items: staff } },
        "POST /api/culture/programmes/p-repeat/occurrences": {
          status: 400,
          body: envelope(
            "CULTURE_FILE_INVALID",
            "Berkas 'f1' tidak ditemukan atau milik unit lain; unggah ulang untuk unit ini.",
          ),
        },
      },
      { permissions: MANAGE },
    );
    await userEvent.type(await screen.findByRole("textbox", { name: "Catatan" }), "Catatan penting");
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await screen.findByText(/milik unit lain/);
    expect(screen.getByRole("textbox", { name: "Catatan" })).toHaveValue("Catatan penting");
  });

  it("a recorded session shows its attendance and evidence; read-only staff cannot edit", async () => {
    renderCulture(
      "/budaya/sesi/o1",
      {
        "GET /api/culture/occurrences/o1": {
          body: occurrence({
            attendance: [
              { userId: "u1", name: "Rina Wulandari", present: true },
              { userId: "u2", name: "Budi Santoso", present: true },
              { userId: "u9", name: "Pegawai Pindahan", present: false },
            ],
            files: [{ id: "f1", originalName: "materi.pdf", mime: "application/pdf", sizeBytes: 4096 }],
            evidence: ["1.1.a"],
          }),
        },
        "GET /api/culture/programmes/p-repeat": { body: detail },
        "GET /api/culture/staff": { body: { items: staff } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": {
          body: {
            components: [
              {
                areas: [
                  {
                    subpillars: [
                      { questions: [{ key: "1.1.a", sourceId: "1.a", text: "Tim ZI telah dibentuk" }] },
                    ],
                  },
                ],
              },
            ],
          },
        },
      },
      { permissions: ["culture.read"] },
    );
    expect(
      await screen.findByRole("heading", { name: "Pelaksanaan Selasa, 1 Desember 2026" }),
    ).toBeInTheDocument();
    // a former employee stays on the list
    expect(await screen.findByRole("checkbox", { name: "Pegawai Pindahan" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Rina Wulandari" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Rina Wulandari" })).toBeDisabled();
    expect(screen.getByText("2 dari 4 pegawai hadir (50%)")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "materi.pdf" })).toHaveAttribute(
      "href",
      "/api/files/f1/download",
    );
    expect(await screen.findByText("Tim ZI telah dibentuk")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Simpan" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Hapus pelaksanaan" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tautkan ke pertanyaan LKE" })).not.toBeInTheDocument();
  });
});
