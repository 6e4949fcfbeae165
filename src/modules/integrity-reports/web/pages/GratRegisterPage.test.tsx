// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { GratRecap, GratReport } from "../../contract";
import { envelope, renderIntegrity } from "../test/harness";

const report = (over: Partial<GratReport> = {}): GratReport => ({
  id: "g1",
  number: "GRAT-2026-0001",
  unitId: "bekasi",
  unitName: "KPKNL Bekasi",
  reporterName: "Rina Wulandari",
  reporterUserId: "u1",
  giverName: "PT Mitra",
  giverRelation: "Pemohon lelang",
  giverAddress: null,
  occasion: "lainnya",
  form: "barang",
  description: "Parsel buah",
  valueIdr: 850000,
  receivedOn: "2026-11-02",
  reportedOn: "2026-11-04",
  place: null,
  action: "diterima",
  status: "reported",
  reviewNote: null,
  reviewedAt: null,
  kpkReference: null,
  forwardedOn: null,
  decision: null,
  decidedOn: null,
  decisionReference: null,
  deadlines: {
    ruleSetId: "perkpk-1-2026",
    reportToKpkBy: "2026-12-14",
    reportToUpgBy: "2026-11-16",
    upgForwardBy: "2026-11-18",
    completeBy: "2026-12-02",
  },
  reportedOnTime: true,
  forwardOverdue: true,
  threshold: { belowThreshold: false, thresholdIdr: null, confidence: null, ruleSetId: "perkpk-1-2026" },
  ...over,
});
const recap: GratRecap = {
  year: 2026,
  total: 3,
  refused: 2,
  accepted: 1,
  forwardedToKpk: 1,
  reportedOnTime: 3,
  totalValueIdr: 3_050_000,
  byMonth: Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    refused: i === 10 ? 2 : 0,
    accepted: i === 9 ? 1 : 0,
  })),
  byDecision: { milik_negara: 1 },
  campaigns: 2,
};

describe("the UPG register", () => {
  it("shows overdue forwarding and records the forwarding to KPK with its reference", async () => {
    const user = userEvent.setup();
    let current = report();
    const { calls } = renderIntegrity(
      "/integritas/gratifikasi/register",
      {
        "GET /api/integrity/gratification/reports": () => ({ body: { items: [current] } }),
        "POST /api/integrity/gratification/reports/g1/forward": ({ body }) => {
          const b = body as { kpkReference: string };
          if (!b.kpkReference.trim())
            return {
              status: 400,
              body: envelope("GRAT_KPK_REFERENCE_REQUIRED", "Isi nomor/referensi pelaporan ke KPK."),
            };
          current = report({ status: "forwarded", kpkReference: b.kpkReference, forwardOverdue: false });
          return { body: current };
        },
      },
      { permissions: ["gratification.review"] },
    );
    const row = (await screen.findByText("GRAT-2026-0001")).closest("tr")!;
    expect(within(row).getByText("Rp850.000")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Unduh register (XLSX)" }).getAttribute("href")).toMatch(
      /^\/api\/integrity\/gratification\/register\.xlsx\?unitId=[^&]+&year=\d{4}$/,
    );
    expect(within(row).getByText("18 November 2026")).toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: "Teruskan ke KPK" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await within(dialog).findByText(/Isi nomor\/referensi/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole("textbox", { name: /Referensi KPK/ }), "GOL-2026-991");
    await user.click(within(dialog).getByRole("button", { name: "Simpan" }));
    expect(await screen.findByText(/GOL-2026-991/)).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith("/forward")).at(-1)!.body).toMatchObject({
      kpkReference: "GOL-2026-991",
    });
  });

  it("draws the yearly recap as an accessible chart and links it as LKE evidence", async () => {
    const user = userEvent.setup();
    const { calls } = renderIntegrity(
      "/integritas/gratifikasi/register?tab=rekap&tahun=2026",
      {
        "GET /api/integrity/gratification/recap": { body: recap },
        "POST /api/integrity/evidence": { body: { questionKeys: ["pemenuhan.pw.gratifikasi.a"] } },
      },
      { permissions: ["gratification.review", "zi.worksheet.write"] },
    );
    const chart = await screen.findByRole("img", { name: /Laporan per bulan 2026/ });
    expect(chart.getAttribute("aria-label")).toContain("Nov: Ditolak 2, Diterima 0");
    expect(screen.getByText("Rp3.050.000")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Jadikan bukti LKE" }));
    await user.click(await screen.findByRole("button", { name: "Tautkan" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Tertaut ke 1 pertanyaan LKE.");
    expect(calls.find((c) => c.path === "/api/integrity/evidence")!.body).toEqual({
      type: "grat-recap",
      id: "2026",
      unitId: "bekasi",
      questionKeys: ["pemenuhan.pw.gratifikasi.a"],
    });
  });

  it("shows the versioned rules with their confidence, flagging unconfirmed numbers", async () => {
    const rv = (value: number, confidence: string) => ({ value, source: "sumber", confidence });
    renderIntegrity(
      "/integritas/gratifikasi/register?tab=aturan",
      {
        "GET /api/integrity/gratification/rules": {
          body: [
            {
              id: "perkpk-1-2026",
              title: "Peraturan KPK 1/2026",
              effectiveFrom: "2026-01-28",
              effectiveFromConfidence: "U",
              reportToKpkWorkingDays: rv(30, "C1"),
              toUpgWorkingDays: rv(10, "C2"),
              upgToKpkWorkingDays: rv(10, "C2"),
              completenessWorkingDays: rv(20, "C2"),
              thresholds: { pernikahan_keagamaan_adat: rv(1500000, "C2") },
            },
          ],
        },
      },
      { permissions: ["gratification.review"] },
    );
    expect(await screen.findByText("Peraturan KPK 1/2026")).toBeInTheDocument();
    expect(screen.getByText("20 hari kerja")).toBeInTheDocument();
    expect(screen.getByText("Rp1.500.000")).toBeInTheDocument();
    expect(screen.getByTitle("Belum terkonfirmasi")).toHaveTextContent("U");
  });
});
