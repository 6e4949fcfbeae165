// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { activity, detail, rubric } from "../test/fixtures";
import { envelope, renderCm } from "../test/harness";

const a = activity("a1", {
  title: "Survei kepuasan masyarakat",
  dueDate: "2026-11-22",
  overdue: true,
  progress: 70,
});

describe("/perubahan/rencana/:id — one activity", () => {
  it("the person in charge reports progress; the manager-only controls are not there", async () => {
    let patched: any = null;
    renderCm(
      "/perubahan/rencana/a1",
      {
        "GET /api/cm/activities/a1": {
          body: detail(a, {
            questionKeys: ["pemenuhan.pp.standar-pelayanan.b"],
            files: [{ id: "f1", name: "kuesioner.pdf", mime: "application/pdf", sizeBytes: 2000 }],
          }),
        },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "PATCH /api/cm/activities/a1": ({ body }) => {
          patched = body;
          return { body: detail({ ...a, ...(body as object), overdue: false, status: "selesai" }) };
        },
      },
      { permissions: ["cm.read"] },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Survei kepuasan masyarakat" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Terlambat")).toBeInTheDocument();
    // Linked questions appear with their rubric text.
    expect(await screen.findByText("P6B · Standar pelayanan telah dimaklumatkan")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /kuesioner\.pdf/ })).toHaveAttribute(
      "href",
      "/api/files/f1/download",
    );
    expect(screen.queryByRole("button", { name: "Ubah" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Simpan tautan" })).toBeNull();

    const user = userEvent.setup();
    const progress = screen.getByRole("textbox", { name: "Progres" });
    await user.clear(progress);
    await user.type(progress, "100");
    await user.type(screen.getByRole("textbox", { name: "Catatan" }), "Laporan SKM selesai");
    await user.click(screen.getByRole("button", { name: "Simpan progres" }));
    await waitFor(() =>
      expect(patched).toEqual({ progress: 100, status: "berjalan", note: "Laporan SKM selesai" }),
    );
    await waitFor(() => expect(screen.queryByText("Terlambat")).toBeNull());
  });

  it("a manager links the activity to LKE questions with the picker", async () => {
    let put: any = null;
    renderCm(
      "/perubahan/rencana/a1",
      {
        "GET /api/cm/activities/a1": { body: detail(a, { canManage: true, questionKeys: [] }) },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/cm/people": { body: { items: [] } },
        "PUT /api/cm/activities/a1/questions": ({ body }) => {
          put = body;
          return {
            body: detail(a, {
              canManage: true,
              questionKeys: (body as { questionKeys: string[] }).questionKeys,
            }),
          };
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    expect(await screen.findByText("Belum ditautkan ke pertanyaan LKE.")).toBeInTheDocument();
    const user = userEvent.setup();
    const save = screen.getByRole("button", { name: "Simpan tautan" });
    expect(save).toBeDisabled();
    const picker = (await screen.findAllByLabelText(/Tautkan ke pertanyaan LKE/)).find(
      (el) => el instanceof HTMLInputElement && el.type !== "hidden",
    )!;
    await user.click(picker);
    await user.type(picker, "maklumat");
    await user.click(
      await screen.findByRole("option", { name: "P6B · Standar pelayanan telah dimaklumatkan" }),
    );
    await user.click(save);
    await waitFor(() => expect(put).toEqual({ questionKeys: ["pemenuhan.pp.standar-pelayanan.b"] }));
    const linked = await screen.findByRole("list", { name: "Pertanyaan LKE yang dibuktikan" });
    expect(within(linked).getByText("P6B · Standar pelayanan telah dimaklumatkan")).toBeInTheDocument();
    expect(within(linked).getByText("Pemenuhan · Peningkatan Kualitas Pelayanan Publik")).toBeInTheDocument();
  });

  it("shows why an update was refused", async () => {
    renderCm(
      "/perubahan/rencana/a1",
      {
        "GET /api/cm/activities/a1": { body: detail(a) },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "PATCH /api/cm/activities/a1": {
          status: 403,
          body: envelope(
            "CM_OWNER_PROGRESS_ONLY",
            "Penanggung jawab kegiatan hanya dapat memperbarui progres, status, dan catatan; ubahan lain: title.",
          ),
        },
      },
      { permissions: ["cm.read"] },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Simpan progres" }));
    expect(await screen.findByText(/hanya dapat memperbarui progres/)).toBeInTheDocument();
  });

  it("an unknown activity shows a clear error", async () => {
    renderCm(
      "/perubahan/rencana/zz",
      {
        "GET /api/cm/activities/zz": {
          status: 404,
          body: envelope("CM_ACTIVITY_NOT_FOUND", "Kegiatan 'zz' tidak ditemukan."),
        },
      },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByText("Kegiatan 'zz' tidak ditemukan.")).toBeInTheDocument();
  });
});
