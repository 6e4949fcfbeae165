// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CaseListItem } from "../../contract";
import { renderComplaints } from "../test/harness";

const item = (p: Partial<CaseListItem>): CaseListItem => ({
  id: "c1",
  code: "ADU-BKS0-0001",
  unitId: "bekasi",
  unitName: "KPKNL Bekasi",
  category: "pengaduan",
  service: "Lelang",
  summary: "Jadwal lelang berbeda",
  status: "received",
  slaClass: null,
  assigneeId: null,
  assigneeName: null,
  receivedAt: "2026-11-26T02:00:00Z",
  currentDue: "2026-12-01T09:00:00Z",
  sla: "on_time",
  forwardChannel: null,
  ...p,
});

describe("complaint inbox", () => {
  it("lists complaints with SLA colours in words and links to each case", async () => {
    renderComplaints(
      "/layanan/pengaduan",
      {
        "GET /api/complaints": {
          body: {
            items: [
              item({}),
              item({ id: "c2", code: "ADU-BKS0-0002", sla: "overdue", summary: "Telepon tidak diangkat" }),
              item({
                id: "c3",
                code: "ADU-BKS0-0005",
                status: "in_progress",
                sla: "near_due",
                assigneeName: "Petugas Layanan",
              }),
            ],
          },
        },
      },
      { permissions: ["complaints.read", "complaints.handle"] },
    );
    const table = await screen.findByRole("table");
    expect(within(table).getByText("Terlambat")).toBeInTheDocument();
    expect(within(table).getByText("Mendekati batas")).toBeInTheDocument();
    expect(within(table).getByText("Tepat waktu")).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "ADU-BKS0-0002" })).toHaveAttribute(
      "href",
      "/layanan/pengaduan/c2",
    );
    expect(within(table).getByText("Petugas Layanan")).toBeInTheDocument();
  });

  it("sends the filters to the server", async () => {
    const user = userEvent.setup();
    const { calls } = renderComplaints(
      "/layanan/pengaduan",
      { "GET /api/complaints": { body: { items: [] } } },
      { permissions: ["complaints.read"] },
    );
    expect(await screen.findByText("Tidak ada pengaduan dengan filter ini.")).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get("status")).toBe("open");
    expect(calls[0]!.url.searchParams.get("unitId")).toBe("bekasi");
    await user.click(screen.getAllByLabelText("Batas waktu")[0]!);
    await user.click(await screen.findByRole("option", { name: "Terlambat" }));
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get("sla") === "overdue")).toBe(true));
  });
});
