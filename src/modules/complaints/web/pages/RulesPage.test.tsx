// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RulesWire } from "../../contract";
import { renderComplaints } from "../test/harness";

type Item = RulesWire["items"][number];
const item = (p: Partial<Item> & Pick<Item, "key" | "days" | "id">): Item => ({
  kind: "working",
  source: "FAQ SP4N-LAPOR!",
  confidence: "C2",
  confirmed: true,
  en: p.id,
  defaultDays: p.days,
  overrideKey: null,
  ...p,
});

function wire(overrides: Record<string, number> = {}, canConfigure = true): RulesWire {
  const d = (k: string, def: number) => overrides[k] ?? def;
  const local = (k: string) =>
    overrides[k] !== undefined ? { confidence: "U" as const, confirmed: false } : {};
  return {
    ruleSetId: "sp4n-lapor-2026",
    version: 1,
    title: { id: "SP4N-LAPOR! + UU 25/2009 (edisi 2026)", en: "SP4N-LAPOR! + UU 25/2009 (2026 edition)" },
    items: [
      item({
        key: "verify",
        id: "Verifikasi",
        days: d("verify", 3),
        defaultDays: 3,
        overrideKey: "verify",
        ...local("verify"),
      }),
      item({
        key: "respond",
        id: "Tanggapan pertama",
        days: d("respond", 5),
        defaultDays: 5,
        overrideKey: "respond",
        confidence: "S",
        confirmed: false,
        source: "teks aplikasi KSP",
        ...local("respond"),
      }),
      item({
        key: "information",
        id: "Informasi",
        days: d("information", 5),
        defaultDays: 5,
        overrideKey: "information",
        ...local("information"),
      }),
      item({
        key: "regular",
        id: "Biasa",
        days: d("regular", 14),
        defaultDays: 14,
        overrideKey: "regular",
        ...local("regular"),
      }),
      item({
        key: "supervisory",
        id: "Pengawasan",
        days: d("supervisory", 60),
        defaultDays: 60,
        overrideKey: "supervisory",
        ...local("supervisory"),
      }),
      item({
        key: "statutoryDecide",
        id: "Keputusan UU 25/2009",
        days: 60,
        kind: "calendar",
        confidence: "C1",
        source: "UU 25/2009 Pasal 50(1)",
      }),
    ],
    reminderWorkingDaysBefore: overrides.reminder ?? 1,
    defaultReminderWorkingDaysBefore: 1,
    overrides,
    canConfigure,
  };
}

const row = (key: string) => document.querySelector(`tr[data-rule="${key}"]`) as HTMLElement;

describe("complaint deadline rules", () => {
  it("shows each rule with its source and confidence, flags unconfirmed ones, keeps statutory ones fixed", async () => {
    renderComplaints(
      "/layanan/pengaduan/ketentuan",
      { "GET /api/complaints/rules": { body: wire({ regular: 10 }) } },
      { permissions: ["complaints.read", "complaints.configure"] },
    );
    expect(await screen.findByText("Ketentuan batas waktu pengaduan")).toBeInTheDocument();
    expect(within(row("verify")).getByText("C2")).toBeInTheDocument();
    expect(within(row("verify")).getByText("FAQ SP4N-LAPOR!")).toBeInTheDocument();
    expect(within(row("respond")).getByText("belum terkonfirmasi")).toBeInTheDocument();
    expect(within(row("respond")).getByText("teks aplikasi KSP")).toBeInTheDocument();
    expect(within(row("regular")).getByText("ketentuan unit")).toBeInTheDocument();
    expect(within(row("regular")).getByLabelText("Biasa")).toHaveValue("10");
    expect(within(row("regular")).getByText("14")).toBeInTheDocument(); // the default beside it
    expect(within(row("statutoryDecide")).queryByRole("textbox")).toBeNull();
    expect(
      within(row("statutoryDecide")).getByText("Ditetapkan undang-undang; tidak dapat diubah."),
    ).toBeInTheDocument();
    expect(within(row("statutoryDecide")).getByText("hari kalender")).toBeInTheDocument();
  });

  it("validates as the user types and saves only the numbers that differ from the defaults", async () => {
    const user = userEvent.setup();
    const { calls } = renderComplaints(
      "/layanan/pengaduan/ketentuan",
      {
        "GET /api/complaints/rules": { body: wire() },
        "PUT /api/complaints/rules": ({ body }) => ({
          body: wire((body as { overrides: Record<string, number> }).overrides),
        }),
      },
      { permissions: ["complaints.read", "complaints.configure"] },
    );
    const save = await screen.findByRole("button", { name: "Simpan ketentuan" });
    expect(save).toBeDisabled(); // nothing changed yet
    const regular = within(row("regular")).getByLabelText("Biasa");
    await user.clear(regular);
    await user.type(regular, "3");
    expect(
      await within(row("regular")).findByText("Tidak boleh kurang dari Permintaan informasi (5 hari)."),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();
    await user.clear(regular);
    await user.type(regular, "10");
    const reminder = within(row("reminder")).getByLabelText("Pengingat (hari kerja sebelum batas waktu)");
    await user.clear(reminder);
    await user.type(reminder, "3");
    expect(
      await within(row("reminder")).findByText("Harus kurang dari Verifikasi (3 hari)."),
    ).toBeInTheDocument();
    await user.clear(reminder);
    await user.type(reminder, "2");
    // verify typed back to its default is not an override
    const verify = within(row("verify")).getByLabelText("Verifikasi");
    await user.clear(verify);
    await user.type(verify, "3");
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      unitId: "bekasi",
      overrides: { regular: 10, reminder: 2 },
    });
    expect(await screen.findByText("Ketentuan batas waktu disimpan.")).toBeInTheDocument();
    expect(within(row("regular")).getByText("ketentuan unit")).toBeInTheDocument();
  });

  it("resets to the defaults after confirming", async () => {
    const user = userEvent.setup();
    const { calls } = renderComplaints(
      "/layanan/pengaduan/ketentuan",
      {
        "GET /api/complaints/rules": { body: wire({ verify: 2 }) },
        "PUT /api/complaints/rules": { body: wire() },
      },
      { permissions: ["complaints.read", "complaints.configure"] },
    );
    await user.click(await screen.findByRole("button", { name: "Kembalikan ke bawaan" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/kembali ke ketentuan bawaan/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Kembalikan ke bawaan" }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ unitId: "bekasi", overrides: {} }),
    );
    await waitFor(() => expect(within(row("verify")).getByLabelText("Verifikasi")).toHaveValue("3"));
  });

  it("is read-only for a reader without complaints.configure", async () => {
    renderComplaints(
      "/layanan/pengaduan/ketentuan",
      { "GET /api/complaints/rules": { body: wire({ verify: 2 }, false) } },
      { permissions: ["complaints.read"] },
    );
    expect(
      await screen.findByText("Anda dapat melihat ketentuan ini; hanya kepala unit yang dapat mengubahnya."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Simpan ketentuan" })).toBeNull();
    expect(within(row("verify")).getByText("2")).toBeInTheDocument();
  });
});
