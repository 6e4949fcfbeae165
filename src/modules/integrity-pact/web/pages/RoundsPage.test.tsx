// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RoundDetail, RoundSummary, Signer } from "../../contract";
import { defaultPactText } from "../../domain/pact";
import { envelope, renderPact } from "../test/harness";

const summary: RoundSummary = {
  id: "r1",
  unitId: "bekasi",
  unitCode: "KPKNL-BEKASI",
  unitName: "KPKNL Bekasi",
  title: "Pakta Integritas Pegawai KPKNL Bekasi 2026",
  textHash: "ab".repeat(32),
  opensOn: "2026-11-13",
  closesOn: null,
  status: "open",
  closedAt: null,
  createdAt: "2026-11-13T01:00:00.000Z",
  createdByName: "Kepala KPKNL Bekasi",
  completion: { signed: 2, total: 3, percent: 66.66 },
};
const signer = (name: string, partial: Partial<Signer> = {}): Signer => ({
  userId: name.toLowerCase().replace(/\s+/g, "-"),
  name,
  email: `${name.split(" ")[0]!.toLowerCase()}@zona.demo`,
  nip: null,
  roles: ["Pegawai"],
  signedAt: "2026-11-14T01:15:00.000Z",
  remindedAt: null,
  staff: true,
  verification: "AAAAA-BBBBB-CCCCC-DDDDD",
  ...partial,
});
const detail: RoundDetail = {
  round: { ...summary, body: defaultPactText("KPKNL Bekasi") },
  signers: [
    signer("Ani Lestari"),
    signer("Budi Santoso", { signedAt: null, verification: null, remindedAt: "2026-11-26T02:00:00.000Z" }),
    signer("Citra Dewi", { roles: ["Pimpinan (Kepala Kantor)"] }),
  ],
  canManage: true,
};

const rubric = {
  id: "permenpanrb-90-2021",
  title: "LKE 2021",
  components: [
    {
      key: "pemenuhan",
      name: "Pemenuhan",
      areas: [
        {
          key: "pemenuhan.mp",
          name: "Manajemen Perubahan",
          subpillars: [
            {
              key: "pemenuhan.mp.pola-pikir-budaya-kerja",
              name: "Perubahan pola pikir dan budaya kerja",
              questions: [
                {
                  key: "pemenuhan.mp.pola-pikir-budaya-kerja.d",
                  sourceId: "P4D",
                  text: "Anggota organisasi terlibat dalam pembangunan Zona Integritas",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      key: "reform",
      name: "Reform",
      areas: [
        {
          key: "reform.mp",
          name: "Manajemen Perubahan",
          subpillars: [
            {
              key: "reform.mp.komitmen-pimpinan",
              name: "Komitmen pimpinan",
              questions: [
                {
                  key: "reform.mp.komitmen-pimpinan.a",
                  sourceId: "R2A",
                  text: "Pimpinan memiliki komitmen terhadap pelaksanaan reformasi birokrasi",
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const rowNames = () => {
  const table = screen.getByRole("table", { name: "Penanda tangan pakta integritas" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[0]!.textContent ?? "");
};

describe("the head's pact page", () => {
  it("shows progress and the signer table, filters signed/unsigned, and sends a reminder", async () => {
    const { calls } = renderPact(
      "/pakta",
      {
        "GET /api/pact/rounds": { body: { items: [summary] } },
        "GET /api/pact/rounds/r1": { body: detail },
        "GET /api/pact/rounds/r1/questions": { body: { questionKeys: [] } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "POST /api/pact/rounds/r1/reminders": { body: { queued: 1, alreadyToday: 0 } },
      },
      { permissions: ["pact.read", "pact.round.manage", "pact.sign"] },
    );
    expect(
      await screen.findByRole("img", { name: "2 dari 3 pegawai telah menandatangani (66,66%)" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 pegawai belum menandatangani/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/pact/rounds")!.url.searchParams.get("unitId")).toBe("bekasi");

    expect(rowNames()).toEqual([
      expect.stringContaining("Ani Lestari"),
      expect.stringContaining("Budi Santoso"),
      expect.stringContaining("Citra Dewi"),
    ]);
    const table = screen.getByRole("table", { name: "Penanda tangan pakta integritas" });
    // Both signers signed at the same minute: times in WIB, "–" for the unsigned.
    expect(within(table).getAllByText("14 November 2026 08.15 WIB", { selector: "td" })).toHaveLength(2);
    expect(
      within(table).getByRole("link", { name: "Unduh pakta bertanda tangan Ani Lestari" }),
    ).toHaveAttribute("href", "/api/pact/rounds/r1/signatures/ani-lestari/pact.pdf");
    expect(screen.getByRole("link", { name: "Unduh rekap (PDF)" })).toHaveAttribute(
      "href",
      "/api/pact/rounds/r1/rollup.pdf",
    );

    await userEvent.click(screen.getByRole("combobox", { name: "Tampilkan" }));
    await userEvent.click(await screen.findByRole("option", { name: "Belum" }));
    await waitFor(() => expect(rowNames()).toHaveLength(1));
    expect(rowNames()[0]).toContain("Budi Santoso");
    expect(screen.getByText("26 November 2026 09.00 WIB")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Kirim pengingat" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/kepada 1 pegawai yang belum menandatangani/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Kirim" }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === "POST" && c.path === "/api/pact/rounds/r1/reminders")).toBe(true),
    );
    expect(
      await screen.findByText("1 pengingat dikirim; 0 pegawai sudah diingatkan hari ini."),
    ).toBeInTheDocument();
  });

  it("opens a round with the standard text, editable", async () => {
    const { calls } = renderPact(
      "/pakta",
      {
        "GET /api/pact/rounds": { body: { items: [] } },
        "POST /api/pact/rounds": ({ body }) => ({
          status: 201,
          body: { ...detail.round, ...(body as object), id: "r2" },
        }),
        "GET /api/pact/rounds/r2": { body: detail },
      },
      { permissions: ["pact.read", "pact.round.manage"] },
    );
    expect(await screen.findByText("Belum ada putaran pakta integritas")).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole("button", { name: "Buka putaran baru" })[0]!);
    const dialog = await screen.findByRole("dialog");
    const text = within(dialog).getByRole("textbox", { name: /Naskah pakta/ }) as HTMLTextAreaElement;
    expect(text.value).toBe(defaultPactText("KPKNL Bekasi"));
    await userEvent.type(text, "{End}\n8. Tambahan komitmen unit.");
    const closes = within(dialog).getByLabelText("Tanggal penutupan (opsional)");
    await userEvent.type(closes, "2026-12-31");
    await userEvent.click(within(dialog).getByRole("button", { name: "Buka putaran" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!.body as Record<string, string>;
    expect(post.unitId).toBe("bekasi");
    expect(post.title).toMatch(/^Pakta Integritas Pegawai KPKNL Bekasi \d{4}$/);
    expect(post.body).toBe(`${defaultPactText("KPKNL Bekasi")}\n8. Tambahan komitmen unit.`);
    expect(post.opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(post.closesOn).toBe("2026-12-31");
  });

  it("gives readers (an evaluator) the table without the head's buttons", async () => {
    renderPact(
      "/pakta",
      {
        "GET /api/pact/rounds": { body: { items: [summary] } },
        "GET /api/pact/rounds/r1": { body: { ...detail, canManage: false } },
      },
      { permissions: ["pact.read"] },
    );
    expect(await screen.findByRole("table", { name: "Penanda tangan pakta integritas" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Kirim pengingat" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tutup putaran" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Buka putaran baru" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Data dukung LKE" })).not.toBeInTheDocument();
  });
  it("links the selected round to LKE questions with the picker", async () => {
    let put: unknown = null;
    renderPact(
      "/pakta?putaran=r1",
      {
        "GET /api/pact/rounds": { body: { items: [summary] } },
        "GET /api/pact/rounds/r1": { body: detail },
        "GET /api/pact/rounds/r1/questions": {
          body: { questionKeys: ["pemenuhan.mp.pola-pikir-budaya-kerja.d"] },
        },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "PUT /api/pact/rounds/r1/questions": ({ body }) => {
          put = body;
          return { body };
        },
      },
      { permissions: ["pact.read", "pact.round.manage"] },
    );
    const card = await screen.findByRole("region", { name: "Data dukung LKE" });
    const list = await within(card).findByRole("list", {
      name: "Pertanyaan LKE yang dibuktikan putaran ini",
    });
    expect(
      within(list).getByText("P4D · Anggota organisasi terlibat dalam pembangunan Zona Integritas"),
    ).toBeInTheDocument();
    expect(within(list).getByText("Pemenuhan · Manajemen Perubahan")).toBeInTheDocument();
    const save = within(card).getByRole("button", { name: "Simpan tautan" });
    expect(save).toBeDisabled();
    const user = userEvent.setup();
    const picker = within(card)
      .getAllByLabelText(/Tautkan ke pertanyaan LKE/)
      .find((el) => el instanceof HTMLInputElement && el.type !== "hidden")!;
    await user.click(picker);
    await user.type(picker, "komitmen");
    await user.click(
      await screen.findByRole("option", {
        name: "R2A · Pimpinan memiliki komitmen terhadap pelaksanaan reformasi birokrasi",
      }),
    );
    await user.click(save);
    await waitFor(() =>
      expect(put).toEqual({
        questionKeys: ["pemenuhan.mp.pola-pikir-budaya-kerja.d", "reform.mp.komitmen-pimpinan.a"],
      }),
    );
    expect(await screen.findByText("Tautan ke LKE tersimpan.")).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(
          within(card).getByRole("list", { name: "Pertanyaan LKE yang dibuktikan putaran ini" }),
        ).getByText("R2A · Pimpinan memiliki komitmen terhadap pelaksanaan reformasi birokrasi"),
      ).toBeInTheDocument(),
    );
  });

  it("shows why linking was refused (no worksheet permission)", async () => {
    renderPact(
      "/pakta",
      {
        "GET /api/pact/rounds": { body: { items: [summary] } },
        "GET /api/pact/rounds/r1": { body: detail },
        "GET /api/pact/rounds/r1/questions": { body: { questionKeys: [] } },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
        "PUT /api/pact/rounds/r1/questions": {
          status: 403,
          body: envelope("FORBIDDEN", "Anda tidak memiliki izin zi.worksheet.write."),
        },
      },
      { permissions: ["pact.read", "pact.round.manage"] },
    );
    const card = await screen.findByRole("region", { name: "Data dukung LKE" });
    expect(
      await within(card).findByText("Putaran ini belum ditautkan ke pertanyaan LKE."),
    ).toBeInTheDocument();
    const user = userEvent.setup();
    const picker = within(card)
      .getAllByLabelText(/Tautkan ke pertanyaan LKE/)
      .find((el) => el instanceof HTMLInputElement && el.type !== "hidden")!;
    await user.click(picker);
    await user.click(
      await screen.findByRole("option", {
        name: "P4D · Anggota organisasi terlibat dalam pembangunan Zona Integritas",
      }),
    );
    await user.click(within(card).getByRole("button", { name: "Simpan tautan" }));
    expect(await within(card).findByText("Anda tidak memiliki izin zi.worksheet.write.")).toBeInTheDocument();
  });
});
