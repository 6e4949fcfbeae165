// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { toNumber } from "../../../../kernel/math/fraction";
import { formatNumber } from "../../../../ui/format";
import type { GapsWire } from "../../contract";
import type { Answer } from "../../domain/answers";
import { scoreAnswers } from "../../domain/scoring";
import { answersWhere, bestAnswer, cycleWire, detailOf, entries, rubric } from "../test/fixtures";
import { envelope, type Handler, type MockResponse, renderZi } from "../test/harness";

const READ = ["zi.cycle.read"];
const MANAGE = ["zi.cycle.read", "zi.cycle.manage", "zi.worksheet.write"];

// The unit answered two questions in three with the best answer; the TPI column gives full marks.
const unitAnswers = answersWhere((key, i) => (i % 3 === 2 ? undefined : bestAnswer(key)));
const tpiAnswers = answersWhere((key) => bestAnswer(key));
const fmt = (answers: Record<string, Answer>) =>
  formatNumber(toNumber(scoreAnswers(rubric, answers).total), "id", { decimals: 2 });

const gaps: GapsWire = {
  column: "unit",
  predicate: "WBK",
  items: [
    {
      key: entries[2]!.question.key,
      text: entries[2]!.question.text,
      answerType: entries[2]!.question.answerType,
      areaKey: entries[2]!.area.key,
      value: 0,
      share: 0.5,
      toGain: 0.5,
      bestAnswer: "A",
      evidence: ["SK Tim"],
    },
  ],
  byArea: [],
  paths: [
    {
      gateKey: "total",
      label: "Nilai total (pengungkit + hasil)",
      deficit: 1.25,
      reachable: true,
      steps: [
        {
          key: entries[2]!.question.key,
          text: entries[2]!.question.text,
          requiredAnswer: "A",
          requiredValue: 1,
          gain: 0.5,
          evidence: ["SK Tim"],
        },
      ],
    },
  ],
};

function routes(
  extra: Record<string, Handler | MockResponse> = {},
  commands: Parameters<typeof detailOf>[0]["commands"] = [],
) {
  const detail = detailOf({ answers: { unit: unitAnswers, tpi: tpiAnswers }, commands });
  return {
    "GET /api/zi/cycles": {
      body: { items: [{ ...detail.cycle, scores: { unit: null, tpi: null, tpn: null } }] },
    },
    "GET /api/zi/cycles/c1": { body: detail },
    "GET /api/zi/cycles/c1/gaps": { body: gaps },
    ...extra,
  };
}

describe("cycle overview", () => {
  it("shows the scores of the three columns as gauges and the WBK gates of the leading column", async () => {
    const detail = detailOf({ answers: { unit: unitAnswers, tpi: tpiAnswers } });
    renderZi("/zi", routes(), { permissions: READ });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Ikhtisar Zona Integritas" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("img", { name: `Nilai unit ${fmt(unitAnswers)} dari 100` })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: `Nilai TPI ${fmt(tpiAnswers)} dari 100` })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "TPN: Belum dinilai" })).toBeInTheDocument();
    expect(fmt(tpiAnswers)).toBe("100,00");

    const gates = detail.readiness.unit.WBK.gates;
    const list = screen.getByRole("list", { name: "Syarat predikat WBK" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(gates.length);
    const failing = gates.filter((g) => !g.pass);
    expect(failing.length).toBeGreaterThan(0);
    expect(within(list).getAllByText("Belum memenuhi")).toHaveLength(failing.length);
    expect(screen.getByText(`${failing.length} syarat WBK belum terpenuhi`)).toBeInTheDocument();
    const total = gates.find((g) => g.key === "total")!;
    const totalItem = items.find((li) => li.getAttribute("data-gate") === "total")!;
    expect(totalItem).toHaveTextContent(
      `${formatNumber(total.value as number, "id", { decimals: 2 })} dari minimal 75,00`,
    );
    expect(within(list).getAllByText("Belum terkonfirmasi")).toHaveLength(
      gates.filter((g) => !g.confirmed).length,
    );

    // The TPI column passes every WBK gate.
    await userEvent.setup().click(screen.getByRole("radio", { name: "TPI" }));
    expect(await screen.findByText("Semua syarat WBK terpenuhi")).toBeInTheDocument();

    // Stage timeline, progress, and next steps from the gaps.
    const current = document.querySelector('[aria-current="step"]');
    expect(current).toHaveTextContent(/^Penilaian mandiri\s*Tahap sekarang/);
    expect(screen.getByText(/Pencanangan bersama Kanwil/)).toBeInTheDocument();
    expect(await screen.findByText(/Jawab A \(\+0,50 poin\)/)).toBeInTheDocument();
    expect(screen.getByText("Kurang 1,25 poin")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Pengaturan siklus" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Unduh LKE \(XLSX\)/ })).toHaveAttribute(
      "href",
      "/api/zi/cycles/c1/export.xlsx",
    );
  });

  it("runs a command after confirmation and shows a refusal in the dialog", async () => {
    let refuse = true;
    const { calls } = renderZi(
      "/zi/siklus/c1",
      routes(
        {
          "POST /api/zi/cycles/c1/transitions": () =>
            refuse
              ? {
                  status: 409,
                  body: envelope(
                    "ZI_NOT_READY",
                    "Nilai TPI belum memenuhi syarat: total, area:pemenuhan.mp.",
                    {
                      gates: "total",
                    },
                  ),
                }
              : { body: cycleWire({ stage: "tpi_review" }) },
        },
        ["submit_to_tpi"],
      ),
      { permissions: MANAGE },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Kirim ke TPI" }));
    const dialog = await screen.findByRole("dialog", { name: "Kirim ke TPI" });
    await user.type(within(dialog).getByLabelText("Catatan (opsional)"), "ND-12/2026");
    await user.click(within(dialog).getByRole("button", { name: "Jalankan" }));
    expect(
      await within(dialog).findByText("Nilai TPI belum memenuhi syarat: total, area:pemenuhan.mp."),
    ).toBeInTheDocument();
    refuse = false;
    await user.click(within(dialog).getByRole("button", { name: "Jalankan" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === "POST");
    expect(posts.at(-1)!.body).toEqual({ command: "submit_to_tpi", note: "ND-12/2026" });
  });

  it("asks for the award when deciding", async () => {
    const { calls } = renderZi(
      "/zi/siklus/c1",
      routes({ "POST /api/zi/cycles/c1/transitions": { body: cycleWire({ stage: "penetapan" }) } }, [
        "decide",
      ]),
      { permissions: ["zi.cycle.read", "zi.tpn.evaluate"] },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tetapkan hasil" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Jalankan" }));
    expect(within(dialog).getByText("Pilih hasil penetapan.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("radio", { name: "Predikat WBK diberikan" }));
    await user.click(within(dialog).getByRole("button", { name: "Jalankan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ command: "decide", awarded: true });
  });

  it("offers to create the first cycle to a coordinator", async () => {
    const { calls, router } = renderZi(
      "/zi",
      {
        "GET /api/zi/cycles": { body: { items: [] } },
        "GET /api/zi/rubrics": {
          body: {
            items: [
              {
                id: "permenpanrb-90-2021",
                title: "LKE PermenPAN-RB 90/2021",
                regulation: "PermenPAN-RB 90/2021",
                status: "complete",
                questions: 113,
              },
            ],
          },
        },
        "POST /api/zi/cycles": ({ body }) => ({
          status: 201,
          body: cycleWire({ ...(body as object), id: "c9" }),
        }),
        "GET /api/zi/cycles/c9": { body: detailOf({ cycle: { id: "c9" } }) },
        "GET /api/zi/cycles/c9/gaps": { body: { ...gaps, items: [], paths: [] } },
      },
      { permissions: MANAGE },
    );
    expect(await screen.findByText("Belum ada siklus Zona Integritas untuk unit ini")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Buat siklus" }));
    const dialog = await screen.findByRole("dialog", { name: "Buat siklus Zona Integritas" });
    await user.clear(within(dialog).getByLabelText(/Tahun/));
    await user.type(within(dialog).getByLabelText(/Tahun/), "2027");
    await user.click(within(dialog).getByRole("radio", { name: "WBBM" }));
    await user.click(within(dialog).getByRole("switch", { name: /sudah meraih predikat WBK/ }));
    await user.click(within(dialog).getByRole("button", { name: "Buat siklus" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/zi/siklus/c9"));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      unitId: "bekasi",
      year: 2027,
      target: "WBBM",
      rubricId: "permenpanrb-90-2021",
      priorWbk: true,
    });
  });

  it("fills IPAK and IPKP from the surveys into the column the user may write", async () => {
    const detail = detailOf({ answers: { unit: unitAnswers }, editable: ["unit"] });
    const { calls } = renderZi(
      "/zi/siklus/c1",
      {
        ...routes(),
        "GET /api/zi/cycles/c1": { body: detail },
        "POST /api/zi/cycles/c1/hasil-from-surveys/unit": {
          body: {
            applied: [
              { key: "hasil.bersih-akuntabel.ipak.a", index: 3.62, source: "Survei IPAK" },
              { key: "hasil.pelayanan-prima.ipkp.a", index: 3.48, source: "Survei IPKP" },
            ],
            score: null,
          },
        },
      },
      { permissions: MANAGE },
    );
    await userEvent.setup().click(await screen.findByRole("button", { name: "Ambil IPAK/IPKP dari survei" }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.method === "POST" && c.path === "/api/zi/cycles/c1/hasil-from-surveys/unit"),
      ).toBe(true),
    );
    expect(await screen.findByText("Indeks survei diisikan: 3,62 · 3,48")).toBeInTheDocument();
  });
});
