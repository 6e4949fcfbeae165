// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { activity, detail, people, plan } from "../test/fixtures";
import { envelope, renderCm } from "../test/harness";

const items = [
  activity("a1", { title: "Survei kepuasan masyarakat", dueDate: "2026-11-22", overdue: true, progress: 70 }),
  activity("a2", {
    title: "Reviu SOP layanan",
    areaKey: "tatalaksana",
    status: "selesai",
    progress: 100,
    picName: "Koordinator Tim ZI",
  }),
  activity("a3", {
    title: "Pemetaan benturan kepentingan",
    areaKey: "pengawasan",
    status: "tertunda",
    dueDate: "2026-11-15",
    overdue: true,
    picName: "Petugas Layanan",
  }),
];
const rowTitles = () =>
  within(screen.getByRole("table", { name: "Kegiatan rencana kerja ZI" }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[0]!.textContent ?? "");

describe("/perubahan/rencana — work plan", () => {
  it("lists activities, flags the overdue ones and shows progress per area", async () => {
    const { calls } = renderCm(
      "/perubahan/rencana",
      { "GET /api/cm/activities": { body: plan(items) } },
      { permissions: ["cm.read"] },
    );
    expect(await screen.findByRole("table", { name: "Kegiatan rencana kerja ZI" })).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    expect(screen.getByText("2 kegiatan melewati batas waktu")).toBeInTheDocument();
    expect(
      screen.getByRole("link", {
        name: /Pemetaan benturan kepentingan — Petugas Layanan, batas 15 November 2026/,
      }),
    ).toHaveAttribute("href", "/perubahan/rencana/a3");
    // Sorted by due date; overdue rows carry the word, not only a colour.
    expect(rowTitles()[0]).toContain("Pemetaan benturan kepentingan");
    expect(within(screen.getByRole("table")).getAllByText("Terlambat")).toHaveLength(2);
    // The chart: every area with its figures as text.
    const chart = screen.getByRole("list", { name: "Progres rata-rata kegiatan per area pengungkit" });
    expect(within(chart).getAllByRole("listitem")).toHaveLength(6);
    expect(within(chart).getAllByText("0 dari 1 kegiatan selesai · 1 terlambat")).toHaveLength(2);
    expect(within(chart).getAllByText("Belum ada kegiatan")).toHaveLength(3);
    // Employees do not get the create button.
    expect(screen.queryByRole("button", { name: "Tambah kegiatan" })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole("checkbox", { name: "Hanya yang terlambat" }));
    expect(rowTitles()).toHaveLength(2);
    expect(rowTitles().some((t) => t.includes("Reviu SOP"))).toBe(false);
  });

  it("a manager adds an activity: dates are checked before sending, then the new activity opens", async () => {
    let posted: any = null;
    const { router } = renderCm(
      "/perubahan/rencana",
      {
        "GET /api/cm/activities": { body: plan(items) },
        "GET /api/cm/people": { body: { items: people } },
        "POST /api/cm/activities": ({ body }) => {
          posted = body;
          return { status: 201, body: detail(activity("new", body as object), { canManage: true }) };
        },
        "GET /api/cm/activities/new": { body: detail(activity("new"), { canManage: true }) },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: { id: "x", title: "x", components: [] } },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah kegiatan" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah kegiatan" });
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(within(dialog).getAllByText("Wajib diisi").length).toBeGreaterThanOrEqual(4);
    expect(posted).toBeNull();

    await user.click(within(dialog).getByRole("combobox", { name: /^Area pengungkit/ }));
    await user.click(await screen.findByRole("option", { name: "Penguatan Pengawasan" }));
    await user.type(within(dialog).getByRole("textbox", { name: /^Kegiatan/ }), "Sosialisasi WBS");
    await user.click(within(dialog).getByRole("combobox", { name: /^Penanggung jawab/ }));
    await user.click(await screen.findByRole("option", { name: "Rina Wulandari" }));
    await user.type(within(dialog).getByLabelText(/Tanggal mulai/), "2026-12-10");
    await user.type(within(dialog).getByLabelText(/Target selesai/), "2026-12-01");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(within(dialog).getByText("Target selesai tidak boleh sebelum tanggal mulai.")).toBeInTheDocument();
    expect(posted).toBeNull();

    await user.clear(within(dialog).getByLabelText(/Target selesai/));
    await user.type(within(dialog).getByLabelText(/Target selesai/), "2026-12-20");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(posted).not.toBeNull());
    expect(posted).toMatchObject({
      unitId: "bekasi",
      areaKey: "pengawasan",
      title: "Sosialisasi WBS",
      picUserId: "u1",
      startDate: "2026-12-10",
      dueDate: "2026-12-20",
      status: "belum_mulai",
      progress: 0,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/perubahan/rencana/new"));
  });

  it("shows the server's refusal in the form and keeps what was typed", async () => {
    renderCm(
      "/perubahan/rencana",
      {
        "GET /api/cm/activities": { body: plan([]) },
        "GET /api/cm/people": { body: { items: people } },
        "POST /api/cm/activities": {
          status: 400,
          body: envelope("CM_PERSON_NOT_IN_UNIT", "Pengguna 'u1' bukan pegawai unit ini."),
        },
      },
      { permissions: ["cm.read", "cm.manage"] },
    );
    expect(
      await screen.findByRole("list", { name: "Progres rata-rata kegiatan per area pengungkit" }),
    ).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Tambah kegiatan" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("combobox", { name: /^Area pengungkit/ }));
    await user.click(await screen.findByRole("option", { name: "Penataan Tatalaksana" }));
    await user.type(within(dialog).getByRole("textbox", { name: /^Kegiatan/ }), "Reviu SOP");
    await user.click(within(dialog).getByRole("combobox", { name: /^Penanggung jawab/ }));
    await user.click(await screen.findByRole("option", { name: "Rina Wulandari" }));
    await user.type(within(dialog).getByLabelText(/Tanggal mulai/), "2026-12-01");
    await user.type(within(dialog).getByLabelText(/Target selesai/), "2026-12-02");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText("Pengguna 'u1' bukan pegawai unit ini.")).toBeInTheDocument();
    expect(within(dialog).getByRole("textbox", { name: /^Kegiatan/ })).toHaveValue("Reviu SOP");
  });
});
