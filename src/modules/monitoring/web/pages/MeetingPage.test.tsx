// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { todayLocal } from "../format";
import { followUp, meetingDetail, people, rubric } from "../test/fixtures";
import { envelope, renderMonev } from "../test/harness";

const manage = ["monev.read", "monev.manage", "zi.worksheet.write"];

describe("meeting page", () => {
  it("shows agenda, minutes, decisions, people, files, new and carried-over follow-ups and evidence", async () => {
    renderMonev(
      "/monev/rapat/m2",
      {
        "GET /api/monev/meetings/m2": { body: meetingDetail({ canManage: false }) },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
      },
      { permissions: ["monev.read"] },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Rapat MODEL 16 November" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Antrean permohonan ALASCA")).toBeInTheDocument();
    expect(screen.getByText("Rapat dipimpin Kepala Kantor.")).toBeInTheDocument();
    expect(screen.getByText("Percepat penyelesaian salinan risalah")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "notulen.pdf" })).toHaveAttribute(
      "href",
      "/api/files/f1/download",
    );

    const own = screen.getByRole("table", { name: "Tindak lanjut dari rapat ini" });
    expect(within(own).getByText("Susun daftar permohonan yang melewati SLA")).toBeInTheDocument();
    expect(within(own).getByText(/Selesai 20 November 2026 · terlambat/)).toBeInTheDocument();
    const carried = screen.getByRole("table", { name: "Tindak lanjut yang dibawa dari rapat sebelumnya" });
    expect(within(carried).getByText("Rekap jawaban pengaduan WA-CARE")).toBeInTheDocument();
    expect(within(carried).getByText("Lewat batas waktu")).toBeInTheDocument();
    expect(within(carried).getByText("Dibawa 3×")).toBeInTheDocument();
    expect(
      within(carried).getByRole("link", { name: "Dialog Kinerja Organisasi Triwulan III" }),
    ).toHaveAttribute("href", "/monev/rapat/m1");
    // Evidence shows the question text; no edit controls without the right permissions.
    expect(
      await screen.findByText("Terdapat monitoring dan evaluasi terhadap pembangunan Zona Integritas"),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ubah" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tambah tindak lanjut" })).not.toBeInTheDocument();
  });

  it("closes a carried-over follow-up from this meeting", async () => {
    const { calls } = renderMonev(
      "/monev/rapat/m2",
      {
        "GET /api/monev/meetings/m2": { body: meetingDetail() },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/monev/units/bekasi/people": { body: { items: people } },
        "POST /api/monev/follow-ups/c1/status": {
          body: followUp("c1", { status: "done", completedOn: todayLocal() }),
        },
      },
      { permissions: manage },
    );
    const carried = await screen.findByRole("table", {
      name: "Tindak lanjut yang dibawa dari rapat sebelumnya",
    });
    const user = userEvent.setup();
    const group = within(carried).getByRole("group", {
      name: "Ubah status: Rekap jawaban pengaduan WA-CARE",
    });
    await user.click(within(group).getByRole("button", { name: "Tandai selesai" }));
    const dialog = await screen.findByRole("dialog", { name: "Tandai selesai" });
    await user.type(within(dialog).getByLabelText(/Catatan/), "Sudah dikirim");
    await user.click(within(dialog).getByRole("button", { name: "Simpan status" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/monev/follow-ups/c1/status")).toBe(true));
    expect(calls.find((c) => c.path === "/api/monev/follow-ups/c1/status")!.body).toEqual({
      status: "done",
      completedOn: todayLocal(),
      note: "Sudah dikirim",
      meetingId: "m2",
    });
    // A follow-up the caller may not change has no controls.
    const own = screen.getByRole("table", { name: "Tindak lanjut dari rapat ini" });
    expect(
      within(own).queryByRole("group", { name: "Ubah status: Perbarui papan informasi" }),
    ).not.toBeInTheDocument();
  });

  it("refuses a follow-up without owner or due before the meeting, and shows the server's refusal", async () => {
    const { calls } = renderMonev(
      "/monev/rapat/m2",
      {
        "GET /api/monev/meetings/m2": { body: meetingDetail() },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/monev/units/bekasi/people": { body: { items: people } },
        "POST /api/monev/meetings/m2/follow-ups": {
          status: 400,
          body: envelope("MONEV_NOT_UNIT_MEMBER", "Pengguna 'u2' (ownerId) bukan pegawai aktif unit ini."),
        },
      },
      { permissions: manage },
    );
    await screen.findByRole("heading", { level: 1, name: "Rapat MODEL 16 November" });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Tindak lanjut/, { selector: "textarea" }), "Siapkan bahan DKO");
    await user.click(screen.getByRole("button", { name: "Tambah tindak lanjut" }));
    expect(await screen.findByText("Pilih penanggung jawab.")).toBeInTheDocument();
    expect(screen.getByText("Isi batas waktu.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.click(screen.getByRole("combobox", { name: /Penanggung jawab/ }));
    await user.click(await screen.findByRole("option", { name: "Petugas Layanan" }));
    await user.type(screen.getByLabelText(/Batas waktu/), "2026-11-10");
    await user.click(screen.getByRole("button", { name: "Tambah tindak lanjut" }));
    expect(
      await screen.findByText("Batas waktu tidak boleh sebelum tanggal rapat (2026-11-16)."),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    const due = screen.getByLabelText(/Batas waktu/);
    await user.clear(due);
    await user.type(due, "2026-11-30");
    await user.click(screen.getByRole("button", { name: "Tambah tindak lanjut" }));
    expect(
      await screen.findByText("Pengguna 'u2' (ownerId) bukan pegawai aktif unit ini."),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      text: "Siapkan bahan DKO",
      ownerId: "u2",
      dueDate: "2026-11-30",
    });
  });

  it("edits the minutes and links the meeting to an LKE question", async () => {
    const { calls } = renderMonev(
      "/monev/rapat/m2",
      {
        "GET /api/monev/meetings/m2": { body: meetingDetail() },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/monev/units/bekasi/people": { body: { items: people } },
        "PATCH /api/monev/meetings/m2": ({ body }) => ({
          body: { ...meetingDetail(), ...(body as object), version: 2 },
        }),
        "POST /api/monev/meetings/m2/evidence": {
          body: { evidence: ["pemenuhan.mp.pemantauan-evaluasi.b", "pemenuhan.mp.pemantauan-evaluasi.c"] },
        },
      },
      { permissions: manage },
    );
    await screen.findByRole("heading", { level: 1, name: "Rapat MODEL 16 November" });
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Ubah" }));
    const minutes = screen.getByLabelText("Notulen");
    await user.clear(minutes);
    await user.type(minutes, "Notulen baru");
    await user.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")!.body).toMatchObject({
      version: 1,
      minutes: "Notulen baru",
    });

    await user.click(screen.getByRole("combobox", { name: "Pertanyaan LKE" }));
    await user.click(
      await screen.findByRole("option", { name: "Hasil Monitoring dan Evaluasi telah ditindaklanjuti" }),
    );
    await user.click(screen.getByRole("button", { name: "Tautkan" }));
    await waitFor(() => expect(calls.some((c) => c.path === "/api/monev/meetings/m2/evidence")).toBe(true));
    expect(calls.find((c) => c.path === "/api/monev/meetings/m2/evidence")!.body).toEqual({
      questionKeys: ["pemenuhan.mp.pemantauan-evaluasi.c"],
    });
  });
});
