// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { dashboard } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";
import { periodOf } from "./DashboardPage";

describe("service dashboard", () => {
  it("shows compliance, average working hours, charts with aria labels, breaches and the XLSX link", async () => {
    const { calls } = renderRequests(
      "/layanan/permohonan/dasbor",
      { "GET /api/requests/dashboard": { body: dashboard } },
      { permissions: ["requests.read"] },
    );
    expect(await screen.findByTestId("fig-compliance")).toHaveTextContent("90%");
    expect(screen.getByText("5,4 jam")).toBeInTheDocument();
    const q = calls.find((c) => c.path === "/api/requests/dashboard")!.url.searchParams;
    expect(q.get("unitId")).toBe("bekasi");
    expect(q.get("from")).toMatch(/^\d{4}-01-01$/);
    expect(q.get("to")).toMatch(/^\d{4}-12-31$/);
    expect(
      screen.getByRole("img", {
        name: /Permohonan per layanan\. KRL: Diajukan 25, Selesai tepat waktu 17, Terlambat 4/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", {
        name: /Kepatuhan SLA per layanan\. Kutipan Risalah Lelang: 85%; Validasi SSP: 100%/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: /Permohonan per bulan\. 2026-10: Diajukan 18/ }),
    ).toBeInTheDocument();
    const breaches = screen.getAllByRole("table").at(-1)!;
    expect(
      within(breaches).getByText("Menunggu tanda tangan Pejabat Lelang yang sedang dinas luar"),
    ).toBeInTheDocument();
    expect(within(breaches).getByText("2 jam 30 menit kerja")).toBeInTheDocument();
    const xlsx = screen.getByRole("link", { name: "Unduh XLSX" });
    expect(xlsx.getAttribute("href")).toMatch(
      /^\/api\/requests\/dashboard\.xlsx\?unitId=bekasi&from=\d{4}-01-01&to=\d{4}-12-31$/,
    );
  });

  it("changes the period and shows server errors", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan/dasbor",
      {
        "GET /api/requests/dashboard": ({ url }) =>
          url.searchParams.get("from")?.endsWith("-01-01")
            ? { body: dashboard }
            : { status: 400, body: envelope("SR_PERIOD_INVALID", "Periode tidak valid.") },
      },
      { permissions: ["requests.read"] },
    );
    await screen.findByTestId("fig-compliance");
    await user.click(screen.getByText("Bulan ini"));
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/requests/dashboard")).toHaveLength(2));
    expect(await screen.findByText("Periode tidak valid.")).toBeInTheDocument();
  });

  it("computes month, quarter and year periods", () => {
    expect(periodOf("month", "2026-02-14")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("quarter", "2026-11-27")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodOf("quarter", "2024-02-10")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(periodOf("year", "2026-11-27")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});
