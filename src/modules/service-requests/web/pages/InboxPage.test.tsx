// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { inboxItem, serviceType, sla } from "../test/fixtures";
import { renderRequests } from "../test/harness";

const items = [
  inboxItem({
    id: "r-paused",
    number: "ALC-PAUS-0001",
    state: "waiting_requester",
    sla: sla({ paused: true, remainingMinutes: 30 }),
  }),
  inboxItem({
    id: "r-ok",
    number: "ALC-OKAY-0002",
    sla: sla({ remainingMinutes: 300 }),
    assigneeName: "Petugas Layanan",
  }),
  inboxItem({
    id: "r-late",
    number: "ALC-LATE-0003",
    sla: sla({ state: "breached", remainingMinutes: -75, percent: 115 }),
  }),
  inboxItem({
    id: "r-warn",
    number: "ALC-WARN-0004",
    sla: sla({ state: "warning", remainingMinutes: 40, percent: 91 }),
  }),
];

describe("staff inbox", () => {
  it("orders by time left, colours by SLA state with words, and counts each state", async () => {
    renderRequests(
      "/layanan/permohonan",
      {
        "GET /api/requests": { body: { items } },
        "GET /api/requests/catalogue": { body: { items: [serviceType()] } },
        "GET /api/requests/assignees": { body: { items: [] } },
      },
      { permissions: ["requests.read", "requests.handle"] },
    );
    const table = await screen.findByRole("table");
    const numbers = within(table)
      .getAllByRole("link")
      .map((a) => a.textContent);
    expect(numbers).toEqual(["ALC-LATE-0003", "ALC-WARN-0004", "ALC-OKAY-0002", "ALC-PAUS-0001"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("[data-sla]")?.getAttribute("data-sla"))).toEqual([
      "breached",
      "warning",
      "ok",
      "paused",
    ]);
    expect(within(rows[0]!).getByText("Terlambat")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("terlambat 1 jam 15 menit kerja")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Mendekati batas")).toBeInTheDocument();
    expect(within(rows[3]!).getByText("Dijeda")).toBeInTheDocument();
    expect(within(rows[3]!).getByText(/dijeda \(sisa waktu 30 menit kerja\)/)).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Petugas Layanan")).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "ALC-LATE-0003" })).toHaveAttribute(
      "href",
      "/layanan/permohonan/r-late",
    );
    expect(screen.getByTestId("count-breached")).toHaveTextContent("1Terlambat");
    expect(screen.getByTestId("count-ok")).toHaveTextContent("1Tepat waktu");
    // The catalogue link is for those who may configure it.
    expect(screen.queryByRole("link", { name: "Katalog layanan" })).not.toBeInTheDocument();
  });

  it("sends the filters to the server and filters by SLA state from the counts", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(
      "/layanan/permohonan",
      {
        "GET /api/requests": { body: { items } },
        "GET /api/requests/catalogue": { body: { items: [serviceType()] } },
        "GET /api/requests/assignees": {
          body: { items: [{ id: "u7", name: "Sari Petugas", roles: ["service_officer"] }] },
        },
      },
      { permissions: ["requests.read", "requests.configure"] },
    );
    await screen.findByRole("table");
    const first = calls.find((c) => c.path === "/api/requests")!;
    expect(first.url.searchParams.get("state")).toBe("open");
    expect(first.url.searchParams.get("unitId")).toBe("bekasi");
    await user.click(screen.getAllByLabelText("Petugas")[0]!);
    await user.click(await screen.findByRole("option", { name: "Sari Petugas" }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === "/api/requests" && c.url.searchParams.get("assignee") === "u7"),
      ).toBe(true),
    );
    await user.click(screen.getAllByLabelText("Layanan")[0]!);
    await user.click(await screen.findByRole("option", { name: "Kutipan Risalah Lelang" }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === "/api/requests" && c.url.searchParams.get("serviceId") === "svc-krl"),
      ).toBe(true),
    );
    await user.click(screen.getByTestId("count-breached"));
    const table = await screen.findByRole("table");
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole("link")
          .map((a) => a.textContent),
      ).toEqual(["ALC-LATE-0003"]),
    );
    expect(screen.getByRole("link", { name: "Katalog layanan" })).toBeInTheDocument();
  });
});
