// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { listItem } from "../test/fixtures";
import { renderCulture } from "../test/harness";

const READ = ["culture.read"];
const MANAGE = ["culture.read", "culture.manage"];
const stats = {
  year: 2026,
  programmes: [
    {
      programmeId: "p-repeat",
      code: "REPEAT",
      name: "REPEAT",
      months: [
        { month: "2026-10", occurrences: 1, expected: 10, present: 8, rate: 80 },
        { month: "2026-11", occurrences: 2, expected: 20, present: 19, rate: 95 },
      ],
    },
  ],
};

describe("culture catalogue", () => {
  it("lists the unit's programmes with schedule, owner, this month's sessions and attendance", async () => {
    const { calls } = renderCulture(
      "/budaya",
      {
        "GET /api/culture/programmes": {
          body: {
            items: [
              listItem(),
              listItem({
                id: "p-model",
                code: "MODEL",
                kind: "model",
                name: "MODEL — Monday Evaluation of Last Week",
                schedule: { kind: "weekly", weekday: 1 },
                ownerName: null,
                lastHeld: null,
                active: false,
              }),
            ],
          },
        },
        "GET /api/culture/stats": { body: stats },
      },
      { permissions: READ },
    );
    const link = await screen.findByRole("link", { name: "REPEAT — Revitalisasi Pelayanan Terpadu" });
    expect(link).toHaveAttribute("href", "/budaya/program/p-repeat");
    expect(screen.getByText("Setiap Senin")).toBeInTheDocument();
    expect(screen.getByText(/Setiap bulan, tanggal 1/)).toBeInTheDocument();
    expect(screen.getAllByText(/2 pelaksanaan bulan ini · kehadiran 81,8%/)).toHaveLength(2);
    expect(screen.getByText("Penanggung jawab: belum ditetapkan")).toBeInTheDocument();
    expect(screen.getByText("Tidak aktif")).toBeInTheDocument();
    expect(screen.getByText("Belum pernah dilaksanakan")).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    // attendance chart per month
    const chart = await screen.findByRole("img", { name: /Persentase kehadiran per bulan/ });
    expect(chart.getAttribute("aria-label")).toContain("Okt 80%");
    expect(chart.getAttribute("aria-label")).toContain("Nov 95%");
    // read-only staff cannot add
    expect(screen.queryByRole("button", { name: "Tambah program" })).not.toBeInTheDocument();
  });

  it("offers the five starting programmes to an empty unit", async () => {
    let created = false;
    const { calls } = renderCulture(
      "/budaya",
      {
        "GET /api/culture/programmes": () => ({ body: { items: created ? [listItem()] : [] } }),
        "POST /api/culture/programmes/templates": () => {
          created = true;
          return { body: { created: 5 } };
        },
        "GET /api/culture/stats": { body: stats },
      },
      { permissions: MANAGE },
    );
    await userEvent.click(await screen.findByRole("button", { name: "Gunakan 5 program awal" }));
    await screen.findByText("5 program ditambahkan.");
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.body).toEqual({ unitId: "bekasi" });
    await screen.findByRole("link", { name: "REPEAT — Revitalisasi Pelayanan Terpadu" });
  });

  it("creates a programme and shows the server's refusal next to the field", async () => {
    const { calls } = renderCulture(
      "/budaya",
      {
        "GET /api/culture/programmes": { body: { items: [listItem()] } },
        "GET /api/culture/stats": { body: stats },
        "GET /api/culture/staff": { body: { items: [] } },
        "POST /api/culture/programmes": {
          status: 409,
          body: {
            error: {
              code: "CULTURE_PROGRAMME_CODE_TAKEN",
              message: "Unit ini sudah memiliki program berkode 'REPEAT'.",
              params: { code: "REPEAT" },
              issues: [],
              requestId: "r",
            },
          },
        },
      },
      { permissions: MANAGE },
    );
    await userEvent.click(await screen.findByRole("button", { name: "Tambah program" }));
    await userEvent.type(screen.getByRole("textbox", { name: /Kode/ }), "repeat");
    await userEvent.type(screen.getByRole("textbox", { name: /Nama program/ }), "Jumat Bersih");
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await screen.findByText("Unit ini sudah memiliki program berkode 'REPEAT'.");
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.body).toMatchObject({
      unitId: "bekasi",
      code: "REPEAT",
      name: "Jumat Bersih",
      kind: "other",
      schedule: { kind: "weekly", weekday: 1 },
      checklist: [],
    });
    await waitFor(() => expect(screen.getByRole("dialog")).toBeInTheDocument());
  });
});
