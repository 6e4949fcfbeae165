// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CoiDeclaration, CoiEvaluationWire } from "../../contract";
import { envelope, renderIntegrity } from "../test/harness";

const decl: CoiDeclaration = {
  id: "d1",
  unitId: "bekasi",
  userId: "u2",
  userName: "Budi Pejabat Lelang",
  kind: "adhoc",
  year: 2026,
  hasConflict: true,
  details: "Kerabat peserta lelang",
  activityName: "Lelang rumah",
  activityDate: "2026-11-30",
  status: "submitted",
  decision: null,
  decisionNote: null,
  reviewedByName: null,
  reviewedAt: null,
  createdAt: "2026-11-20T03:00:00.000Z",
};
const evaluation: CoiEvaluationWire = {
  year: 2026,
  employees: 12,
  declared: 8,
  withConflict: 1,
  percent: 66.66,
  adhoc: 1,
  reviewed: 8,
  pendingReview: 1,
  functionsMapped: 5,
  highRiskFunctions: 2,
  missing: [{ userId: "u9", name: "Pegawai Belum" }],
};

describe("conflict of interest", () => {
  it("lets the reviewer decide the handling of a declaration", async () => {
    const user = userEvent.setup();
    let current = decl;
    const { calls } = renderIntegrity(
      "/integritas/benturan-kepentingan/tinjau",
      {
        "GET /api/integrity/coi/declarations": () => ({ body: { items: [current] } }),
        "POST /api/integrity/coi/declarations/d1/review": ({ body }) => {
          current = {
            ...decl,
            status: "reviewed",
            decision: (body as { decision: "dialihkan_ke_pejabat_lain" }).decision,
          };
          return { body: current };
        },
      },
      { permissions: ["coi.review"] },
    );
    const row = (await screen.findByText("Budi Pejabat Lelang")).closest("tr")!;
    expect(within(row).getByText("Menunggu telaah")).toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: "Tetapkan penanganan" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("combobox", { name: /Penanganan/ }));
    await user.click(await screen.findByRole("option", { name: "Dialihkan ke pejabat lain" }));
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await screen.findByText("Dialihkan ke pejabat lain")).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith("/review"))!.body).toMatchObject({
      decision: "dialihkan_ke_pejabat_lain",
    });
  });

  it("shows the yearly evaluation figure and who has not declared", async () => {
    renderIntegrity(
      "/integritas/benturan-kepentingan/tinjau?tab=evaluasi&tahun=2026",
      { "GET /api/integrity/coi/evaluation": { body: evaluation } },
      { permissions: ["coi.review"] },
    );
    expect(await screen.findByTestId("coi-rate")).toHaveTextContent("66,66");
    expect(screen.getByText("8 dari 12 pegawai telah menyampaikan deklarasi tahunan.")).toBeInTheDocument();
    expect(screen.getByText("Pegawai Belum")).toBeInTheDocument();
  });

  it("takes an employee's declaration and shows a refusal from the server", async () => {
    const user = userEvent.setup();
    const { calls } = renderIntegrity(
      "/integritas/benturan-kepentingan",
      {
        "GET /api/integrity/coi/mine": { body: { items: [] } },
        "POST /api/integrity/coi/declarations": {
          status: 400,
          body: envelope("COI_DETAILS_REQUIRED", "Uraikan potensi benturan kepentingan yang Anda miliki."),
        },
      },
      { permissions: ["coi.declare"] },
    );
    await screen.findByText("Belum ada deklarasi");
    await user.click(screen.getByRole("switch", { name: /potensi benturan kepentingan/ }));
    await user.type(screen.getByRole("textbox", { name: /Uraian potensi benturan/ }), " ");
    await user.click(screen.getByRole("button", { name: "Kirim deklarasi" }));
    expect(await screen.findByText(/Uraikan potensi benturan/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toMatchObject({
      unitId: "bekasi",
      kind: "annual",
      hasConflict: true,
    });
  });
});
