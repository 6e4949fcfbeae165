// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { OverviewRow } from "../../contract";
import { renderZi } from "../test/harness";

function row(id: string, name: string, depth: number, partial: Partial<OverviewRow> = {}): OverviewRow {
  return {
    unit: { id, code: id.toUpperCase(), name, path: depth === 0 ? `/${id}/` : `/jabar/${id}/`, depth },
    cycle: { id: `c-${id}`, year: 2026, target: "WBK", stage: "penilaian_mandiri", result: null },
    scores: { unit: 70, tpi: null, tpn: null },
    ready: false,
    failingGates: ["Nilai total (pengungkit + hasil)"],
    answered: 50,
    questions: 113,
    ...partial,
  };
}

const items: OverviewRow[] = [
  row("jabar", "Kanwil DJKN Jawa Barat", 0, {
    cycle: null,
    scores: { unit: null, tpi: null, tpn: null },
    ready: null,
    failingGates: [],
    answered: 0,
  }),
  row("bekasi", "KPKNL Bekasi", 1, {
    scores: { unit: 81.5, tpi: 78.25, tpn: null },
    ready: true,
    failingGates: [],
  }),
  row("bogor", "KPKNL Bogor", 1, { scores: { unit: 64.125, tpi: null, tpn: null } }),
  row("bandung", "KPKNL Bandung", 1, {
    cycle: { id: "c-bandung", year: 2026, target: "WBBM", stage: "tpi_review", result: null },
    scores: { unit: 88, tpi: 86.1, tpn: null },
    ready: true,
    failingGates: [],
  }),
];

function unitNames() {
  const table = screen.getByRole("table", { name: "Zona Integritas per unit kerja" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[0]!.textContent ?? "");
}

describe("multi-unit table", () => {
  it("lists units in tree order, sorts by score, and filters by stage, readiness and text", async () => {
    const { calls } = renderZi(
      "/zi/unit-unit",
      { "GET /api/zi/overview": { body: { year: 2026, items } } },
      {
        permissions: ["zi.cycle.read"],
        unit: { ...(await import("../test/harness")).bekasi, id: "jabar", name: "Kanwil DJKN Jawa Barat" },
      },
    );
    expect(await screen.findByRole("table", { name: "Zona Integritas per unit kerja" })).toBeInTheDocument();
    const get = calls.find((c) => c.path === "/api/zi/overview")!;
    expect(get.url.searchParams.get("rootUnitId")).toBe("jabar");
    // No year asked: the server picks the latest year with cycles, and the selector shows it.
    expect(get.url.searchParams.has("year")).toBe(false);
    expect((await screen.findAllByDisplayValue("2026")).length).toBeGreaterThan(0);
    expect(unitNames().map((n) => n.replace(/[A-Z]+$/, ""))).toEqual([
      "Kanwil DJKN Jawa Barat",
      "KPKNL Bandung",
      "KPKNL Bekasi",
      "KPKNL Bogor",
    ]);
    expect(screen.getByText("64,13")).toBeInTheDocument();
    expect(screen.getByText("81,50")).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: /Nilai unit/ }));
    expect(unitNames().map((n) => n.replace(/[A-Z]+$/, ""))).toEqual([
      "KPKNL Bogor",
      "KPKNL Bekasi",
      "KPKNL Bandung",
      "Kanwil DJKN Jawa Barat",
    ]);
    await user.click(screen.getByRole("button", { name: /Nilai unit/ }));
    expect(unitNames()[0]).toMatch(/^KPKNL Bandung/);

    // Readiness filter.
    await user.click(screen.getByRole("combobox", { name: "Kesiapan" }));
    await user.click(await screen.findByRole("option", { name: "Siap" }));
    await waitFor(() => expect(unitNames()).toHaveLength(2));
    expect(unitNames().join(" ")).not.toMatch(/Bogor/);

    // Stage filter on top: only Bandung is in TPI review.
    await user.click(screen.getByRole("combobox", { name: "Tahap" }));
    await user.click(await screen.findByRole("option", { name: "Reviu TPI" }));
    await waitFor(() => expect(unitNames()).toHaveLength(1));
    expect(unitNames()[0]).toMatch(/^KPKNL Bandung/);
  });

  it("searches by text and links the XLSX export for the chosen year", async () => {
    renderZi(
      "/zi/unit-unit?tahun=2025",
      { "GET /api/zi/overview": { body: { year: 2025, items } } },
      { permissions: ["zi.cycle.read"] },
    );
    await screen.findByRole("table", { name: "Zona Integritas per unit kerja" });
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Cari unit" }), "bog");
    await waitFor(() => expect(unitNames()).toHaveLength(1));
    expect(unitNames()[0]).toMatch(/^KPKNL Bogor/);
    expect(screen.getByRole("link", { name: /Unduh XLSX/ })).toHaveAttribute(
      "href",
      "/api/zi/overview.xlsx?rootUnitId=bekasi&year=2025",
    );
  });
});
