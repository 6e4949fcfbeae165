// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { agents, rubric } from "../test/fixtures";
import { renderCm } from "../test/harness";

const counts = (year: number) => ({
  unitId: "bekasi",
  year,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  counts: { jumlah_agen_perubahan: 2, jumlah_perubahan: 1, jumlah_perubahan_terintegrasi: 1 },
  ratios: { changesPerAgent: 0.5, integratedShare: 1 },
  questionKeys: { made: "reform.mp.komitmen-perubahan.a", integrated: "reform.mp.komitmen-perubahan.b" },
});

describe("/perubahan/agen — change agents", () => {
  it("shows the LKE counts, each agent's changes and role-model activities, and the export link", async () => {
    renderCm(
      "/perubahan/agen",
      {
        "GET /api/cm/agents": { body: agents },
        "GET /api/cm/agents/counts": ({ url }) => ({ body: counts(Number(url.searchParams.get("year"))) }),
      },
      { permissions: ["cm.read"] },
    );
    expect(
      await screen.findByText("Jumlah perubahan yang telah diintegrasikan dalam sistem manajemen"),
    ).toBeInTheDocument();
    expect(await screen.findByText("Nilai a: 50%")).toBeInTheDocument();
    expect(screen.getByText("Nilai b: 100%")).toBeInTheDocument();
    const mine = screen.getByRole("region", { name: "Rina Wulandari" });
    const table = within(mine).getByRole("table", { name: "Perubahan oleh Rina Wulandari" });
    expect(within(table).getByText("SOP Layanan Antrean Daring")).toBeInTheDocument();
    expect(within(table).getByText("Terintegrasi")).toBeInTheDocument();
    expect(within(table).getByText("Baru rencana")).toBeInTheDocument();
    expect(within(mine).getByText(/Memimpin apel pagi/)).toBeInTheDocument();
    // The signed-in user (u1) is this agent: they may record their own changes, not other agents'.
    expect(within(mine).getByRole("button", { name: "Catat perubahan" })).toBeInTheDocument();
    const other = screen.getByRole("region", { name: "Petugas Layanan" });
    expect(within(other).queryByRole("button", { name: "Catat perubahan" })).toBeNull();
    expect(within(other).getByText("Belum ada perubahan tercatat.")).toBeInTheDocument();
    const year = new Date().getFullYear();
    expect(screen.getByRole("link", { name: "Unduh XLSX" })).toHaveAttribute(
      "href",
      `/api/cm/agents/export.xlsx?unitId=bekasi&year=${year}`,
    );
    expect(screen.queryByRole("button", { name: "SK baru" })).toBeNull();
  });

  it("an agent records a change; integration asks for realisation and the SOP first", async () => {
    let posted: any = null;
    renderCm(
      "/perubahan/agen",
      {
        "GET /api/cm/agents": { body: agents },
        "GET /api/cm/agents/counts": ({ url }) => ({ body: counts(Number(url.searchParams.get("year"))) }),
        "POST /api/cm/agents/a1/changes": ({ body }) => {
          posted = body;
          return {
            status: 201,
            body: { id: "c9", agentId: "a1", integrationFile: null, ...(body as object) },
          };
        },
      },
      { permissions: ["cm.read"] },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Catat perubahan" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /^Perubahan/ }), "Arsip digital");
    await user.click(
      within(dialog).getByRole("checkbox", { name: "Sudah diintegrasikan ke dalam sistem manajemen" }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(
      within(dialog).getByText("Isi tanggal realisasi sebelum menyatakan terintegrasi."),
    ).toBeInTheDocument();
    expect(within(dialog).getByText("Sebutkan SOP atau keputusannya.")).toBeInTheDocument();
    expect(posted).toBeNull();
    await user.type(within(dialog).getByLabelText(/^Realisasi/), "2026-09-01");
    await user.type(within(dialog).getByRole("textbox", { name: /^SOP\/keputusan/ }), "SOP Arsip Digital");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    await waitFor(() =>
      expect(posted).toEqual({
        title: "Arsip digital",
        description: "",
        plannedDate: null,
        realisedDate: "2026-09-01",
        integrated: true,
        integrationRef: "SOP Arsip Digital",
      }),
    );
  });
  it("a manager links the agents' decree and one change to LKE questions", async () => {
    let decreePut: any = null;
    let changePut: any = null;
    const { calls } = renderCm(
      "/perubahan/agen",
      {
        "GET /api/cm/agents": { body: { ...agents, canManage: true } },
        "GET /api/cm/agents/counts": ({ url }) => ({ body: counts(Number(url.searchParams.get("year"))) }),
        "GET /api/cm/people": { body: { items: [] } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/cm/decrees/ad1/questions": { body: { questionKeys: [] } },
        "PUT /api/cm/decrees/ad1/questions": ({ body }) => {
          decreePut = body;
          return { body };
        },
        "PUT /api/cm/changes/c2/questions": ({ body }) => {
          changePut = body;
          return { body: { ...agents.agents[0]!.changes[1]!, ...(body as object) } };
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    // Linked questions of a change are shown with the rubric's numbering.
    expect(await screen.findByText("Data dukung LKE: P6C")).toBeInTheDocument();
    const card = await screen.findByRole("region", { name: "SK sebagai data dukung LKE" });
    expect(await within(card).findByText("Belum ditautkan ke pertanyaan LKE.")).toBeInTheDocument();
    const user = userEvent.setup();
    const pickIn = async (scope: HTMLElement, search: string, option: string) => {
      const picker = within(scope)
        .getAllByLabelText(/Tautkan ke pertanyaan LKE/)
        .find((el) => el instanceof HTMLInputElement && el.type !== "hidden")!;
      await user.click(picker);
      await user.type(picker, search);
      await user.click(await screen.findByRole("option", { name: option }));
    };
    await pickIn(card, "tim", "P1A · Unit kerja telah membentuk tim");
    await user.click(within(card).getByRole("button", { name: "Simpan tautan" }));
    await waitFor(() => expect(decreePut).toEqual({ questionKeys: ["pemenuhan.mp.tim-kerja.a"] }));

    await user.click(screen.getByRole("button", { name: "Tautkan Video tutorial lelang ke LKE" }));
    const dialog = await screen.findByRole("dialog", {
      name: 'Pertanyaan LKE untuk perubahan "Video tutorial lelang"',
    });
    await pickIn(dialog, "maklumat", "P6B · Standar pelayanan telah dimaklumatkan");
    await user.click(within(dialog).getByRole("button", { name: "Simpan tautan" }));
    await waitFor(() => expect(changePut).toEqual({ questionKeys: ["pemenuhan.pp.standar-pelayanan.b"] }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The agents list is read again so the change shows its new links.
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/cm/agents").length).toBeGreaterThan(1));
  });

  it("a change agent sees linked questions but neither the decree card nor the link button", async () => {
    renderCm(
      "/perubahan/agen",
      {
        "GET /api/cm/agents": { body: agents },
        "GET /api/cm/agents/counts": ({ url }) => ({ body: counts(Number(url.searchParams.get("year"))) }),
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
      },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByText("Data dukung LKE: P6C")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "SK sebagai data dukung LKE" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Tautkan .* ke LKE$/ })).toBeNull();
  });
});
