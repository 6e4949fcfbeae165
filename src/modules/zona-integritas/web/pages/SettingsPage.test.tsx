// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { hasPermission } from "../../../../ui/session";
import type { ThresholdOverrides } from "../../domain/readiness";
import { loadRubric } from "../../domain/rubric";
import { ziModule } from "../routes";
import { envelope, type Handler, type MockResponse, renderZi } from "../test/harness";

const rubric = loadRubric("permenpanrb-90-2021");
const ADMIN = ["zi.cycle.read", "zi.rubric.configure"];
const RUBRIC_PATH = `/api/zi/rubrics/${rubric.id}`;
const TOTAL = "Nilai total (pengungkit + hasil)";
const AREA = rubric.thresholds.gates.find((g) => g.key === "area")!.label;

function routes(
  overrides: ThresholdOverrides = {},
  extra: Record<string, Handler | MockResponse> = {},
): Record<string, Handler | MockResponse> {
  return {
    "GET /api/zi/rubrics": {
      body: {
        items: [
          {
            id: rubric.id,
            title: rubric.title,
            regulation: rubric.regulation,
            status: rubric.status,
            questions: 113,
          },
        ],
      },
    },
    [`GET ${RUBRIC_PATH}`]: { body: { ...rubric, overrides } },
    "GET /api/zi/settings": { body: { proposalDeadline: "05-31" } },
    [`PUT ${RUBRIC_PATH}/thresholds`]: ({ body }) => ({ body }),
    "PUT /api/zi/settings": ({ body }) => ({ body }),
    ...extra,
  };
}

async function gateTable() {
  return screen.findByRole("table", { name: "Syarat predikat rubrik PermenPAN-RB 90/2021" });
}

describe("ZI settings page", () => {
  it("lists the rubric's gates with their sources and flags the unconfirmed ones", async () => {
    renderZi("/zi/pengaturan", routes(), { permissions: ADMIN });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Pengaturan Zona Integritas" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/PermenPAN-RB 90\/2021 beserta perubahannya/)).toBeInTheDocument();
    const table = await gateTable();
    const rows = within(table).getAllByRole("row").slice(1);
    const gates = rubric.thresholds.gates;
    expect(rows).toHaveLength(gates.length);
    const unconfirmed = gates.filter((g) => !g.confirmed);
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(within(table).getAllByText("Belum terkonfirmasi")).toHaveLength(unconfirmed.length);

    const total = rows.find((r) => r.getAttribute("data-gate") === "total")!;
    expect(total).toHaveTextContent("75,00");
    expect(total).toHaveTextContent("85,00");
    expect(total).toHaveTextContent("Keyakinan S");
    const area = rows.find((r) => r.getAttribute("data-gate") === "area")!;
    expect(area).toHaveTextContent("60%");
    expect(area).toHaveTextContent("75%");
    expect(within(area).queryByText("Belum terkonfirmasi")).not.toBeInTheDocument();
    expect(within(table).queryByText("Diubah")).not.toBeInTheDocument();
  });

  it("sends only the edited gate, then refetches the ZI queries", async () => {
    const { calls } = renderZi("/zi/pengaturan", routes(), { permissions: ADMIN });
    const user = userEvent.setup();
    await gateTable();
    await user.type(screen.getByLabelText(`Angka WBK untuk ${TOTAL}`), "70");
    expect(await screen.findByText("Diubah")).toBeInTheDocument();
    const rubricGets = () => calls.filter((c) => c.method === "GET" && c.path === RUBRIC_PATH).length;
    const before = rubricGets();
    await user.click(screen.getByRole("button", { name: "Simpan ambang batas" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const puts = calls.filter((c) => c.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`${RUBRIC_PATH}/thresholds`);
    expect(puts[0]!.body).toEqual({ overrides: { total: { WBK: 70 } } });
    await waitFor(() => expect(rubricGets()).toBeGreaterThan(before));
  });

  it("sends an area percentage as a share and a removed gate as null", async () => {
    const { calls } = renderZi("/zi/pengaturan", routes(), { permissions: ADMIN });
    const user = userEvent.setup();
    await gateTable();
    await user.type(screen.getByLabelText(`Angka WBK untuk ${AREA}`), "80");
    await user.click(
      screen.getByRole("checkbox", { name: "Hapus syarat WBBM: Nilai minimal komponen pengungkit" }),
    );
    await user.click(screen.getByRole("button", { name: "Simpan ambang batas" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      overrides: { area: { WBK: 0.8 }, pengungkit: { WBBM: null } },
    });
  });

  it("refuses a score above 100 without sending anything", async () => {
    const { calls } = renderZi("/zi/pengaturan", routes(), { permissions: ADMIN });
    const user = userEvent.setup();
    await gateTable();
    await user.type(screen.getByLabelText(`Angka WBBM untuk ${TOTAL}`), "101");
    await user.click(screen.getByRole("button", { name: "Simpan ambang batas" }));
    expect(await screen.findByText("Nilai paling tinggi 100.")).toBeInTheDocument();
    expect(
      screen.getByText("Periksa kembali isian yang ditandai; belum ada yang disimpan."),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
  });

  it("shows saved overrides as edited, a server refusal, and restores the rubric after confirmation", async () => {
    let refuse = true;
    const { calls } = renderZi(
      "/zi/pengaturan",
      routes(
        { area: { WBK: 0.65 }, "prior-wbk": { WBBM: null } },
        {
          [`PUT ${RUBRIC_PATH}/thresholds`]: ({ body }) =>
            refuse
              ? {
                  status: 400,
                  body: envelope(
                    "ZI_THRESHOLD_OUT_OF_RANGE",
                    "Ambang batas 'area' tidak boleh lebih dari 1; diterima 1.5.",
                    { gate: "area", value: 1.5, max: 1 },
                  ),
                }
              : { body },
        },
      ),
      { permissions: ADMIN },
    );
    const user = userEvent.setup();
    const table = await gateTable();
    expect(within(table).getAllByText("Diubah")).toHaveLength(2);
    expect(screen.getByLabelText(`Angka WBK untuk ${AREA}`)).toHaveValue("65");
    expect(
      screen.getByRole("checkbox", { name: "Hapus syarat WBBM: Telah mendapat predikat Menuju WBK" }),
    ).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Simpan ambang batas" }));
    expect(
      await screen.findByText("Ambang batas 'area' tidak boleh lebih dari 1; diterima 1.5."),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      overrides: { area: { WBK: 0.65 }, "prior-wbk": { WBBM: null } },
    });

    refuse = false;
    await user.click(screen.getByRole("button", { name: "Kembalikan ke rubrik" }));
    const dialog = await screen.findByRole("dialog", { name: "Kembalikan ke angka rubrik?" });
    await user.click(within(dialog).getByRole("button", { name: "Kembalikan" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === "PUT").at(-1)!.body).toEqual({ overrides: {} });
    await waitFor(() => expect(within(table).queryByText("Diubah")).not.toBeInTheDocument());
  });

  it("saves the proposal deadline as MM-DD", async () => {
    const { calls } = renderZi("/zi/pengaturan", routes(), { permissions: ADMIN });
    const user = userEvent.setup();
    const month = await screen.findByLabelText("Bulan");
    expect(month).toHaveDisplayValue("Mei");
    expect(screen.getByLabelText("Tanggal")).toHaveDisplayValue("31");
    expect(screen.getByText("Sekarang: 31 Mei")).toBeInTheDocument();
    await user.selectOptions(month, "Juni");
    // June has 30 days: the day follows.
    expect(screen.getByLabelText("Tanggal")).toHaveDisplayValue("30");
    await user.selectOptions(screen.getByLabelText("Tanggal"), "30");
    await user.click(screen.getByRole("button", { name: "Simpan batas usulan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe("/api/zi/settings");
    expect(put.body).toEqual({ proposalDeadline: "06-30" });
  });

  it("is offered only to users holding zi.rubric.configure", async () => {
    const paths = (permissions: string[]) =>
      ziModule.nav.filter((i) => hasPermission(permissions, i.permission)).map((i) => i.path);
    expect(paths(["zi.cycle.read"])).not.toContain("/zi/pengaturan");
    expect(paths(ADMIN)).toContain("/zi/pengaturan");
    expect(ziModule.nav.find((i) => i.path === "/zi/pengaturan")!.labelKey).toBe("zi:nav.settings");

    const { calls } = renderZi("/zi/pengaturan", routes(), { permissions: ["zi.cycle.read"] });
    expect(
      await screen.findByRole("heading", { name: "Anda tidak memiliki akses ke halaman ini" }),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
