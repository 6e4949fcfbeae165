// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { rubric } from "../test/fixtures";
import { renderCm } from "../test/harness";
import { evidenceByArea } from "./EvidencePage";

const file = { id: "f1", name: "sk.pdf", mime: "application/pdf", sizeBytes: 10 };
const record = {
  module: "change-management",
  type: "activity",
  id: "a1",
  title: "Maklumat",
  path: "/perubahan/rencana/a1",
};

describe("evidence per LKE area", () => {
  it("counts a question as proven by a file or by a linked record", () => {
    const areas = evidenceByArea(rubric, {
      cycleId: "c1",
      rubricId: rubric.id,
      evidence: { "pemenuhan.mp.tim-kerja.a": [file] },
      records: { "pemenuhan.pp.standar-pelayanan.b": [record], "pemenuhan.pp.standar-pelayanan.c": [] },
    });
    expect(areas.map((a) => [a.key, a.withEvidence, a.total])).toEqual([
      ["pemenuhan.mp", 1, 2],
      ["pemenuhan.pp", 1, 3],
    ]);
    expect(areas[1]!.missing.map((q) => q.sourceId)).toEqual(["P6A", "P6C"]);
  });

  it("treats an absent records map as no records", () => {
    const areas = evidenceByArea(rubric, { cycleId: "c1", rubricId: rubric.id, evidence: {} });
    expect(areas.every((a) => a.withEvidence === 0)).toBe(true);
  });
});

describe("/perubahan/bukti — evidence completeness", () => {
  it("shows the latest cycle's completeness per area and lists what is missing", async () => {
    renderCm(
      "/perubahan/bukti",
      {
        "GET /api/zi/cycles": {
          body: {
            items: [
              { id: "c2025", year: 2025, rubricId: rubric.id, unit: { id: "bekasi" } },
              { id: "c2026", year: 2026, rubricId: rubric.id, unit: { id: "bekasi" } },
            ],
          },
        },
        "GET /api/zi/cycles/c2026/worksheet": {
          body: {
            cycleId: "c2026",
            rubricId: rubric.id,
            evidence: { "pemenuhan.mp.tim-kerja.a": [file], "pemenuhan.mp.tim-kerja.b": [file] },
            records: { "pemenuhan.pp.standar-pelayanan.b": [record] },
          },
        },
        "GET /api/zi/rubrics/permenpanrb-90-2021": { body: rubric },
      },
      { permissions: ["zi.cycle.read", "cm.read"] },
    );
    expect(await screen.findByText("Seluruh LKE 2026")).toBeInTheDocument();
    expect(screen.getByText("3/5 pertanyaan")).toBeInTheDocument();
    expect(
      screen.getByRole("progressbar", { name: "Manajemen Perubahan: 2 dari 2 pertanyaan berdata dukung" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Lengkap")).toBeInTheDocument();
    expect(screen.getByText("2 belum")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: /Peningkatan Kualitas Pelayanan Publik/ }));
    const panel = await screen.findByText("Pertanyaan yang belum memiliki data dukung:");
    const missing = within(panel.parentElement!);
    expect(missing.getByText(/Terdapat kebijakan standar pelayanan/)).toBeInTheDocument();
    expect(missing.queryByText(/dimaklumatkan/)).toBeNull();
    expect(screen.getByRole("link", { name: "Buka lembar kerja LKE" })).toHaveAttribute(
      "href",
      "/zi/siklus/c2026/lke",
    );
  });

  it("says so when the unit has no ZI cycle", async () => {
    renderCm(
      "/perubahan/bukti",
      { "GET /api/zi/cycles": { body: { items: [] } } },
      { permissions: ["zi.cycle.read"] },
    );
    expect(await screen.findByText("Unit ini belum memiliki siklus Zona Integritas.")).toBeInTheDocument();
  });
});
