// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TeamHistoryWire } from "../../contract";
import { people, rubric, team } from "../test/fixtures";
import { envelope, renderCm } from "../test/harness";

const history: TeamHistoryWire[] = [
  {
    id: "h3",
    decreeId: "d2",
    decreeNumber: "KEP-3/WKN.08/KNL.06/2026",
    action: "changed",
    userId: "u1",
    name: "Rina Wulandari",
    role: "ketua_area",
    areaKey: "pelayanan_publik",
    previousRole: "anggota",
    previousAreaKey: "pelayanan_publik",
    actorName: "Koordinator Tim ZI",
    at: "2026-01-06T02:00:00.000Z",
  },
  {
    id: "h2",
    decreeId: "d2",
    decreeNumber: "KEP-3/WKN.08/KNL.06/2026",
    action: "decree",
    userId: null,
    name: null,
    role: null,
    areaKey: null,
    previousRole: null,
    previousAreaKey: null,
    actorName: "Koordinator Tim ZI",
    at: "2026-01-06T02:00:00.000Z",
  },
];

describe("/perubahan/tim — ZI team", () => {
  it("shows the decree in force, the members by role and area, earlier decrees and the history", async () => {
    renderCm(
      "/perubahan/tim",
      {
        "GET /api/cm/team": { body: team },
        "GET /api/cm/team/history": { body: { items: history } },
      },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByText("KEP-3/WKN.08/KNL.06/2026 tanggal 6 Januari 2026")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /sk-tim-zi\.pdf/ })).toHaveAttribute(
      "href",
      "/api/files/f1/download",
    );
    const table = screen.getByRole("table", { name: "Anggota Tim Kerja ZI" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText("Penanggung jawab")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Seluruh area")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Peningkatan Kualitas Pelayanan Publik")).toBeInTheDocument();
    expect(screen.getByText("Diganti 6 Januari 2026")).toBeInTheDocument();
    expect(await screen.findByText("Peran Rina Wulandari berubah")).toBeInTheDocument();
    expect(
      screen.getByText(
        "Anggota · Peningkatan Kualitas Pelayanan Publik → Ketua area · Peningkatan Kualitas Pelayanan Publik",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "SK baru" })).toBeNull();
  });

  it("a manager records a new decree, prefilled with the current team", async () => {
    let posted: any = null;
    renderCm(
      "/perubahan/tim",
      {
        "GET /api/cm/team": { body: team },
        "GET /api/cm/team/history": { body: { items: [] } },
        "GET /api/cm/people": { body: { items: people } },
        "POST /api/cm/team/decrees": ({ body }) => {
          posted = body;
          return { status: 201, body: team };
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "SK baru" }));
    const dialog = await screen.findByRole("dialog", { name: "SK baru" });
    await user.click(within(dialog).getByRole("button", { name: "Simpan SK dan tim" }));
    expect(within(dialog).getAllByText("Wajib diisi")).toHaveLength(2);
    expect(posted).toBeNull();
    await user.type(within(dialog).getByRole("textbox", { name: /^Nomor SK/ }), "KEP-9/KNL.06/2026");
    await user.type(within(dialog).getByLabelText(/^Tanggal SK/), "2026-11-20");
    // Drop the last row (Rina), keep the others.
    await user.click(within(dialog).getByRole("button", { name: "Hapus baris 3" }));
    await user.click(within(dialog).getByRole("button", { name: "Simpan SK dan tim" }));
    await waitFor(() => expect(posted).not.toBeNull());
    expect(posted).toEqual({
      unitId: "bekasi",
      number: "KEP-9/KNL.06/2026",
      date: "2026-11-20",
      fileId: null,
      members: [
        { userId: "u-kepala", role: "penanggung_jawab", areaKey: null },
        { userId: "u-koord", role: "koordinator", areaKey: null },
      ],
    });
  });

  it("says so when the unit has no team decree yet", async () => {
    renderCm(
      "/perubahan/tim",
      {
        "GET /api/cm/team": { body: { decree: null, members: [], decrees: [] } },
        "GET /api/cm/team/history": { body: { items: [] } },
      },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByText("Belum ada SK Tim Kerja ZI")).toBeInTheDocument();
    expect(screen.getByText("Koordinator ZI atau pimpinan akan mencatat SK tim.")).toBeInTheDocument();
  });
  it("a manager links the decree in force to LKE questions with the picker", async () => {
    let put: any = null;
    renderCm(
      "/perubahan/tim",
      {
        "GET /api/cm/team": { body: team },
        "GET /api/cm/team/history": { body: { items: [] } },
        "GET /api/cm/people": { body: { items: people } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/cm/decrees/d2/questions": { body: { questionKeys: ["pemenuhan.mp.tim-kerja.a"] } },
        "PUT /api/cm/decrees/d2/questions": ({ body }) => {
          put = body;
          return { body };
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    const card = await screen.findByRole("region", { name: "SK sebagai data dukung LKE" });
    const linked = await within(card).findByRole("list", { name: "Pertanyaan LKE yang dibuktikan SK ini" });
    expect(within(linked).getByText("P1A · Unit kerja telah membentuk tim")).toBeInTheDocument();
    expect(within(linked).getByText("Pemenuhan · Manajemen Perubahan")).toBeInTheDocument();
    const save = within(card).getByRole("button", { name: "Simpan tautan" });
    expect(save).toBeDisabled();
    const user = userEvent.setup();
    const picker = within(card)
      .getAllByLabelText(/Tautkan ke pertanyaan LKE/)
      .find((el) => el instanceof HTMLInputElement && el.type !== "hidden")!;
    await user.click(picker);
    await user.type(picker, "prosedur");
    await user.click(
      await screen.findByRole("option", { name: "P1B · Anggota tim dipilih melalui prosedur" }),
    );
    await user.click(save);
    await waitFor(() =>
      expect(put).toEqual({ questionKeys: ["pemenuhan.mp.tim-kerja.a", "pemenuhan.mp.tim-kerja.b"] }),
    );
    await waitFor(() =>
      expect(
        within(within(card).getByRole("list", { name: "Pertanyaan LKE yang dibuktikan SK ini" })).getByText(
          "P1B · Anggota tim dipilih melalui prosedur",
        ),
      ).toBeInTheDocument(),
    );
    expect(await screen.findByText("Tautan ke LKE tersimpan.")).toBeInTheDocument();
  });

  it("shows why linking was refused", async () => {
    renderCm(
      "/perubahan/tim",
      {
        "GET /api/cm/team": { body: team },
        "GET /api/cm/team/history": { body: { items: [] } },
        "GET /api/cm/people": { body: { items: people } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "GET /api/cm/decrees/d2/questions": { body: { questionKeys: ["pemenuhan.mp.tim-kerja.a"] } },
        "PUT /api/cm/decrees/d2/questions": {
          status: 403,
          body: envelope("FORBIDDEN", "Anda tidak memiliki izin zi.worksheet.write."),
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    const card = await screen.findByRole("region", { name: "SK sebagai data dukung LKE" });
    await within(card).findByRole("list", { name: "Pertanyaan LKE yang dibuktikan SK ini" });
    const user = userEvent.setup();
    const picker = within(card)
      .getAllByLabelText(/Tautkan ke pertanyaan LKE/)
      .find((el) => el instanceof HTMLInputElement && el.type !== "hidden")!;
    await user.click(picker);
    await user.click(
      await screen.findByRole("option", { name: "P6A · Terdapat kebijakan standar pelayanan" }),
    );
    await user.click(within(card).getByRole("button", { name: "Simpan tautan" }));
    expect(await within(card).findByText("Anda tidak memiliki izin zi.worksheet.write.")).toBeInTheDocument();
  });

  it("readers see no LKE link card and never ask for the decree's links", async () => {
    const { calls } = renderCm(
      "/perubahan/tim",
      { "GET /api/cm/team": { body: team }, "GET /api/cm/team/history": { body: { items: [] } } },
      { permissions: ["cm.read"] },
    );
    await screen.findByText("KEP-3/WKN.08/KNL.06/2026 tanggal 6 Januari 2026");
    expect(screen.queryByRole("region", { name: "SK sebagai data dukung LKE" })).toBeNull();
    expect(calls.some((c) => c.path.includes("/questions"))).toBe(false);
  });
});
