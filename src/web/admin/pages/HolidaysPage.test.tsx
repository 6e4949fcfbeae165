// @vitest-environment jsdom
import "../../test/setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type Handler, type MockResponse, me, renderApp, unit } from "../../test/harness";
import type { Holiday, UnitHours } from "../api";

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on document.fonts. (Belongs with the
// other stubs in src/web/test/setup.ts.)
if (!("fonts" in document))
  Object.defineProperty(document, "fonts", {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });

const WRITER = ["calendar.holiday.write", "org.unit.read", "org.unit.write"];

const holidays: Holiday[] = [
  {
    date: "2026-08-17",
    name: "Hari Proklamasi Kemerdekaan RI",
    kind: "libur",
    source: "SKB 3 Menteri Nomor 1497 Tahun 2025",
    confidence: "C1",
  },
  {
    date: "2026-03-18",
    name: "Cuti Bersama Hari Suci Nyepi",
    kind: "cuti_bersama",
    source: "SKB 3 Menteri Nomor 1497 Tahun 2025",
    confidence: "C2",
  },
  { date: "2026-12-01", name: "Libur khusus", kind: "libur", source: null, confidence: null },
];
const holidays2027: Holiday[] = [
  { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "libur", source: "SKB 2026", confidence: "S" },
];

const units = [
  unit({ id: "jabar", name: "Kanwil DJKN Jawa Barat", code: "KANWIL-JABAR", kind: "kanwil" }),
  unit({
    id: "bekasi",
    name: "KPKNL Bekasi",
    code: "KPKNL-BEKASI",
    parentId: "jabar",
    path: "/jabar/bekasi/",
    depth: 1,
  }),
];
const defaultHours: UnitHours = {
  config: {
    zone: "WIB",
    week: {
      "1": [{ start: "07:30", end: "16:00" }],
      "2": [{ start: "07:30", end: "16:00" }],
      "3": [{ start: "07:30", end: "16:00" }],
      "4": [{ start: "07:30", end: "16:00" }],
      "5": [{ start: "07:30", end: "16:30" }],
    },
  },
  fromUnitId: null,
};

function api(permissions: string[], extra: Record<string, Handler | MockResponse> = {}) {
  return {
    "GET /api/me": { body: me(permissions) },
    "GET /api/me/units": { body: { items: units } },
    "GET /api/units": { body: { items: units } },
    "GET /api/calendar/holidays": (({ url }) => ({
      body: { items: url.searchParams.get("year") === "2027" ? holidays2027 : holidays },
    })) as Handler,
    "GET /api/units/jabar/hours": { body: defaultHours },
    "GET /api/units/bekasi/hours": { body: { ...defaultHours, fromUnitId: "jabar" } },
    ...extra,
  };
}

function envelopeWith(code: string, message: string, issues: { path: string; message: string }[]) {
  return { error: { code, message, params: {}, issues, requestId: "req-9" } };
}

describe("holiday calendar page", () => {
  it("lists a year's holidays with kind and source, and switches years", async () => {
    const { calls, router } = await renderApp("/admin/kalender?tahun=2026", api(WRITER));
    expect(await screen.findByRole("heading", { level: 1, name: "Kalender kerja" })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Hari libur dan cuti bersama tahun 2026" });
    const rows = within(table).getAllByRole("row").slice(1);
    // Sorted by date: Nyepi (March), Proklamasi (August), the manual entry (December).
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual([
      expect.stringContaining("18 Maret 2026"),
      expect.stringContaining("17 Agustus 2026"),
      expect.stringContaining("1 Desember 2026"),
    ]);
    const proklamasi = within(table).getByText("Hari Proklamasi Kemerdekaan RI").closest("tr")!;
    expect(within(proklamasi).getByText("Libur nasional")).toBeInTheDocument();
    expect(within(proklamasi).getByText("SKB 3 Menteri Nomor 1497 Tahun 2025")).toBeInTheDocument();
    const nyepi = within(table).getByText("Cuti Bersama Hari Suci Nyepi").closest("tr")!;
    expect(within(nyepi).getByText("Cuti bersama")).toBeInTheDocument();
    const manual = within(table).getByText("Libur khusus").closest("tr")!;
    expect(within(manual).getByText("Manual")).toBeInTheDocument();
    expect(screen.getByText("2 libur nasional · 1 cuti bersama")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Kalender kerja" })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("combobox", { name: "Tahun" }));
    await user.click(await screen.findByRole("option", { name: "2027" }));
    expect(await screen.findByText("Tahun Baru 2027 Masehi")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?tahun=2027");
    expect(calls.filter((c) => c.path === "/api/calendar/holidays").map((c) => c.method)).toContain("GET");
    expect(screen.getByRole("table", { name: "Hari libur dan cuti bersama tahun 2027" })).toBeInTheDocument();
  });

  it("validates a new holiday, then sends it", async () => {
    let saved: Holiday | null = null;
    const { calls } = await renderApp(
      "/admin/kalender?tahun=2026",
      api(WRITER, {
        "GET /api/calendar/holidays": (({ url }) => ({
          body: {
            items:
              url.searchParams.get("year") === "2026"
                ? [...holidays, ...(saved ? [saved] : [])]
                : holidays2027,
          },
        })) as Handler,
        "PUT /api/calendar/holidays/2026-12-24": ({ body }) => {
          saved = { date: "2026-12-24", confidence: null, ...(body as Omit<Holiday, "date" | "confidence">) };
          return { status: 204 };
        },
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah hari libur" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah hari libur" });
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText("Pilih tanggal yang benar.")).toBeInTheDocument();
    expect(within(dialog).getByText("Isi nama hari libur.")).toBeInTheDocument();

    // A date that already holds a holiday is refused rather than overwritten.
    fireEvent.change(within(dialog).getByLabelText(/^Tanggal/), { target: { value: "2026-08-17" } });
    await user.type(within(dialog).getByLabelText(/^Nama/), "Cuti Bersama Natal");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(
      await within(dialog).findByText(/Sudah ada Hari Proklamasi Kemerdekaan RI pada 17 Agustus 2026/),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Tanggal/), { target: { value: "2026-12-24" } });
    await user.click(within(dialog).getByRole("radio", { name: "Cuti bersama" }));
    await user.type(within(dialog).getByLabelText(/^Dasar penetapan/), "  SKB 3 Menteri 2025  ");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe("/api/calendar/holidays/2026-12-24");
    expect(put.body).toEqual({
      name: "Cuti Bersama Natal",
      kind: "cuti_bersama",
      source: "SKB 3 Menteri 2025",
    });
    expect(put.headers.get("x-csrf-token")).toBe("csrf-abc");
    expect(
      await screen.findByText("Cuti Bersama Natal (24 Desember 2026) sudah disimpan."),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Tambah hari libur" })).toBeNull());
    const table = screen.getByRole("table", { name: "Hari libur dan cuti bersama tahun 2026" });
    expect(await within(table).findByText("Cuti Bersama Natal")).toBeInTheDocument();
    expect(screen.getByText("2 libur nasional · 2 cuti bersama")).toBeInTheDocument();
  });

  it("shows the API's error envelope and its field issues in the dialog", async () => {
    await renderApp(
      "/admin/kalender?tahun=2026",
      api(WRITER, {
        "PUT /api/calendar/holidays/2026-11-30": {
          status: 400,
          body: envelopeWith("VALIDATION_FAILED", "Data yang dikirim tidak valid.", [
            { path: "body.name", message: "Terlalu panjang" },
          ]),
        },
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah hari libur" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah hari libur" });
    fireEvent.change(within(dialog).getByLabelText(/^Tanggal/), { target: { value: "2026-11-30" } });
    await user.type(within(dialog).getByLabelText(/^Nama/), "Libur daerah");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText("Data yang dikirim tidak valid.")).toBeInTheDocument();
    expect(within(dialog).getByText("VALIDATION_FAILED")).toBeInTheDocument();
    expect(within(dialog).getByText("req-9")).toBeInTheDocument();
    // The issue is listed in the alert and on the field it belongs to.
    expect(within(dialog).getByLabelText(/^Nama/)).toHaveAccessibleDescription(/Terlalu panjang/);
  });

  it("removes a holiday after confirmation, and shows a refusal in the confirmation", async () => {
    let removed = false;
    const { calls } = await renderApp(
      "/admin/kalender?tahun=2026",
      api(WRITER, {
        "GET /api/calendar/holidays": () => ({ body: { items: removed ? holidays.slice(0, 2) : holidays } }),
        "DELETE /api/calendar/holidays/2026-12-01": () => {
          removed = true;
          return { status: 204 };
        },
        "DELETE /api/calendar/holidays/2026-08-17": {
          status: 404,
          body: envelopeWith("CALENDAR_HOLIDAY_NOT_FOUND", "Tidak ada hari libur pada 2026-08-17.", []),
        },
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Hapus Libur khusus (1 Desember 2026)" }));
    const confirm = await screen.findByRole("dialog", { name: "Hapus hari libur?" });
    expect(within(confirm).getByText(/Libur khusus pada 1 Desember 2026 akan dihapus/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    await user.click(within(confirm).getByRole("button", { name: "Hapus" }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === "DELETE" && c.path === "/api/calendar/holidays/2026-12-01")).toBe(
        true,
      ),
    );
    expect(await screen.findByText("Libur khusus (1 Desember 2026) sudah dihapus.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Libur khusus")).toBeNull());

    await user.click(
      screen.getByRole("button", { name: "Hapus Hari Proklamasi Kemerdekaan RI (17 Agustus 2026)" }),
    );
    const refused = await screen.findByRole("dialog", { name: "Hapus hari libur?" });
    await user.click(within(refused).getByRole("button", { name: "Hapus" }));
    expect(await within(refused).findByText("Tidak ada hari libur pada 2026-08-17.")).toBeInTheDocument();
    expect(within(refused).getByText("CALENDAR_HOLIDAY_NOT_FOUND")).toBeInTheDocument();
  });

  it("moves a holiday to another date (isbat): saves the new date, then removes the old one", async () => {
    const { calls } = await renderApp(
      "/admin/kalender?tahun=2026",
      api(WRITER, {
        "PUT /api/calendar/holidays/2026-03-19": { status: 204 },
        "DELETE /api/calendar/holidays/2026-03-18": { status: 204 },
      }),
    );
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole("button", { name: "Ubah Cuti Bersama Hari Suci Nyepi (18 Maret 2026)" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Ubah Cuti Bersama Hari Suci Nyepi" });
    expect(within(dialog).getByLabelText(/^Nama/)).toHaveValue("Cuti Bersama Hari Suci Nyepi");
    expect(within(dialog).getByRole("radio", { name: "Cuti bersama" })).toBeChecked();
    fireEvent.change(within(dialog).getByLabelText(/^Tanggal/), { target: { value: "2026-03-19" } });
    expect(within(dialog).getByText("Hari libur akan dipindahkan dari 18 Maret 2026.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "DELETE")).toBe(true));
    expect(calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`)).toEqual([
      "PUT /api/calendar/holidays/2026-03-19",
      "DELETE /api/calendar/holidays/2026-03-18",
    ]);
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      name: "Cuti Bersama Hari Suci Nyepi",
      kind: "cuti_bersama",
      source: "SKB 3 Menteri Nomor 1497 Tahun 2025",
    });
  });

  it("switches to English", async () => {
    await renderApp("/admin/kalender?tahun=2026", api(WRITER));
    await screen.findByRole("table", { name: "Hari libur dan cuti bersama tahun 2026" });
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: /^EN/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Work calendar" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Public holidays and collective leave in 2026" });
    expect(within(table).getAllByText("Public holiday")).toHaveLength(2);
    expect(within(table).getByText("Collective leave")).toBeInTheDocument();
    expect(screen.getByText("2 public holidays · 1 day of collective leave")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Units' working hours" })).toBeInTheDocument();
  });

  it("is an administration page: hidden from the nav and refused without calendar.holiday.write", async () => {
    await renderApp("/admin/kalender", api(["org.unit.read"]));
    expect(await screen.findByText("Anda tidak memiliki akses ke halaman ini")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Kalender kerja" })).toBeNull();
  });
});

describe("working hours", () => {
  it("are edited from the calendar page, with validation messages, then saved", async () => {
    const { calls } = await renderApp(
      "/admin/kalender?bagian=jam-kerja",
      api(WRITER, { "PUT /api/units/bekasi/hours": { status: 204 } }),
    );
    const user = userEvent.setup();
    expect(await screen.findByRole("tab", { name: "Jam kerja unit", selected: true })).toBeInTheDocument();
    // The first unit in scope is shown first, with where its hours come from.
    expect(await screen.findByText("Memakai jam kerja bawaan Kementerian Keuangan.")).toBeInTheDocument();
    expect(screen.getAllByText("07.30–16.00 WIB")).toHaveLength(4);
    expect(screen.getByText("07.30–16.30 WIB")).toBeInTheDocument();
    expect(screen.getByText(/^43 jam kerja per minggu/)).toBeInTheDocument();

    await user.click(screen.getByRole("combobox", { name: "Unit yang dilihat" }));
    await user.click(await screen.findByRole("option", { name: "KPKNL Bekasi (KPKNL-BEKASI)" }));
    expect(
      await screen.findByText("Diwarisi dari Kanwil DJKN Jawa Barat (KANWIL-JABAR)."),
    ).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Ubah jam kerja" }));
    expect(screen.getByText(/Unit ini sekarang memakai jam kerja unit lain/)).toBeInTheDocument();
    const monday = screen.getByRole("group", { name: "Senin" });
    const mondayEnd = within(monday).getByLabelText("Senin, sesi 1, selesai");
    fireEvent.change(mondayEnd, { target: { value: "07:00" } });
    await user.click(within(monday).getByRole("button", { name: "Tambah sesi kedua hari Senin" }));
    // 07:30–07:00 cannot be split at lunch, so an empty second session is added.
    const tuesday = screen.getByRole("group", { name: "Selasa" });
    await user.click(within(tuesday).getByRole("button", { name: "Tambah sesi kedua hari Selasa" }));
    fireEvent.change(within(tuesday).getByLabelText("Selasa, sesi 2, mulai"), { target: { value: "11:00" } });
    await user.click(screen.getByRole("button", { name: "Simpan" }));
    expect(within(monday).getByLabelText("Senin, sesi 1, selesai")).toHaveAccessibleDescription(
      "Jam selesai harus sesudah jam mulai.",
    );
    expect(within(monday).getByLabelText("Senin, sesi 2, mulai")).toHaveAccessibleDescription(
      "Isi jam dengan format JJ:MM.",
    );
    expect(within(tuesday).getByText("Sesi tidak boleh tumpang tindih.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);

    // Fix Monday (one session 08:00–16:00), Tuesday back to one session; Friday becomes a day off.
    await user.click(within(monday).getByRole("button", { name: "Hapus sesi 2 hari Senin" }));
    fireEvent.change(within(monday).getByLabelText("Senin, sesi 1, mulai"), { target: { value: "08:00" } });
    fireEvent.change(within(monday).getByLabelText("Senin, sesi 1, selesai"), { target: { value: "16:00" } });
    await user.click(within(tuesday).getByRole("button", { name: "Hapus sesi 2 hari Selasa" }));
    await user.click(screen.getByRole("checkbox", { name: "Jumat hari kerja" }));
    await user.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe("/api/units/bekasi/hours");
    expect(put.body).toEqual({
      zone: "WIB",
      week: {
        "1": [{ start: "08:00", end: "16:00" }],
        "2": [{ start: "07:30", end: "12:00" }],
        "3": [{ start: "07:30", end: "16:00" }],
        "4": [{ start: "07:30", end: "16:00" }],
      },
    });
    expect(await screen.findByText("Jam kerja KPKNL Bekasi sudah disimpan.")).toBeInTheDocument();
  });

  it("refuses a week without working days, and show the server's issues on the fields", async () => {
    const { calls } = await renderApp(
      "/admin/units",
      api(WRITER, {
        "PUT /api/units/jabar/hours": {
          status: 400,
          body: envelopeWith("VALIDATION_FAILED", "Data yang dikirim tidak valid.", [
            { path: "body.week.3.0.end", message: "must be HH:MM" },
          ]),
        },
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Jam kerja Kanwil DJKN Jawa Barat" }));
    const dialog = await screen.findByRole("dialog", { name: "Jam kerja Kanwil DJKN Jawa Barat" });
    await user.click(await within(dialog).findByRole("button", { name: "Ubah jam kerja" }));
    for (const day of ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"])
      await user.click(within(dialog).getByRole("checkbox", { name: `${day} hari kerja` }));
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText("Pilih setidaknya satu hari kerja.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);

    await user.click(within(dialog).getByRole("checkbox", { name: "Rabu hari kerja" }));
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText("Data yang dikirim tidak valid.")).toBeInTheDocument();
    expect(within(dialog).getByText("req-9")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Rabu, sesi 1, selesai")).toHaveAccessibleDescription(
      "must be HH:MM",
    );
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      zone: "WIB",
      week: { "3": [{ start: "07:30", end: "16:00" }] },
    });
  });
});
