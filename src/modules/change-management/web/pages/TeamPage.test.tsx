// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TeamHistoryWire } from "../../contract";
import { people, team } from "../test/fixtures";
import { renderCm } from "../test/harness";

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
});
