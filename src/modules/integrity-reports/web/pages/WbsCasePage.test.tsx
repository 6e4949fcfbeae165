// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { WbsDetail, WbsSummary } from "../../contract";
import { renderIntegrity } from "../test/harness";

const summary: WbsSummary = {
  id: "w1",
  code: "WBS-7K2M-Q9XD",
  unitId: "bekasi",
  unitName: "KPKNL Bekasi",
  originUnitName: "KPKNL Bekasi",
  aboutHead: false,
  category: "pungli",
  status: "received",
  subject: "Petugas loket <b>2</b>",
  hasIdentity: true,
  submittedOn: "2026-11-20",
  lastActivityAt: "2026-11-21T03:00:00.000Z",
  awaitingHandler: true,
};
const detail = (over: Partial<WbsDetail> = {}): WbsDetail => ({
  ...summary,
  when: "Senin",
  where: "Loket 2",
  description: "Diminta uang <script>alert(1)</script>",
  messages: [
    {
      id: "m1",
      seq: 1,
      author: "reporter",
      kind: "message",
      body: "Tambahan dari pelapor",
      status: null,
      authorName: null,
      createdAt: "2026-11-21T03:00:00.000Z",
    },
  ],
  attachments: [
    {
      id: "a1",
      filename: "foto.jpg",
      mime: "image/jpeg",
      sizeBytes: 1000,
      metadata: "stripped",
      fromReporter: true,
      createdAt: "2026-11-21T03:00:00.000Z",
    },
  ],
  nextStatuses: ["in_review", "closed_insufficient"],
  ...over,
});

describe("the WBS handler's pages", () => {
  it("lists cases with their state and links to each", async () => {
    renderIntegrity(
      "/integritas/wbs",
      { "GET /api/integrity/wbs/reports": { body: { items: [summary] } } },
      { permissions: ["wbs.handle"] },
    );
    const link = await screen.findByRole("link", { name: "WBS-7K2M-Q9XD" });
    expect(link).toHaveAttribute("href", "/integritas/wbs/w1");
    expect(screen.getByText("Perlu tanggapan")).toBeInTheDocument();
    expect(screen.getByText("Petugas loket <b>2</b>")).toBeInTheDocument();
  });

  it("replies to the reporter, keeps internal notes apart, changes status and reveals identity on request", async () => {
    const user = userEvent.setup();
    let current = detail();
    const { calls, container } = renderIntegrity(
      "/integritas/wbs/w1",
      {
        "GET /api/integrity/wbs/reports/w1": () => ({ body: current }),
        "POST /api/integrity/wbs/reports/w1/messages": ({ body }) => {
          const b = body as { body: string; internal: boolean };
          current = detail({
            messages: [
              ...current.messages,
              {
                id: `m${current.messages.length + 1}`,
                seq: current.messages.length + 1,
                author: "handler",
                kind: b.internal ? "note" : "message",
                body: b.body,
                status: null,
                authorName: "Koordinator",
                createdAt: "2026-11-27T03:00:00.000Z",
              },
            ],
          });
          return { body: current };
        },
        "POST /api/integrity/wbs/reports/w1/status": () => {
          current = detail({ status: "in_review", nextStatuses: ["investigating"] });
          return { body: current };
        },
        "POST /api/integrity/wbs/reports/w1/identity": { body: { name: "Sukma", contact: "0812" } },
      },
      { permissions: ["wbs.handle"] },
    );
    expect(await screen.findByText(/Diminta uang <script>/)).toBeInTheDocument();
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByRole("link", { name: "foto.jpg" })).toHaveAttribute(
      "href",
      "/api/integrity/wbs/reports/w1/attachments/a1",
    );
    expect(screen.queryByText("Sukma")).toBeNull();

    await user.type(
      screen.getByRole("textbox", { name: "Tanggapan untuk pelapor" }),
      "Terima kasih, sedang kami telaah.",
    );
    await user.click(screen.getByRole("button", { name: "Kirim tanggapan" }));
    expect(await screen.findByText("Terima kasih, sedang kami telaah.")).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith("/messages"))!.body).toEqual({
      body: "Terima kasih, sedang kami telaah.",
      internal: false,
    });

    await user.click(screen.getByRole("switch", { name: "Catatan internal" }));
    await user.type(screen.getByRole("textbox", { name: /Catatan internal \(tidak terlihat/ }), "Cek CCTV");
    await user.click(screen.getByRole("button", { name: "Simpan catatan" }));
    const note = await screen.findByText("Cek CCTV");
    expect(within(note.closest("li")!).getByText("catatan internal")).toBeInTheDocument();

    await user.click(screen.getByRole("combobox", { name: "Status berikutnya" }));
    await user.click(await screen.findByRole("option", { name: "Ditelaah" }));
    await user.click(screen.getByRole("button", { name: "Terapkan" }));
    expect(await screen.findByRole("heading", { name: /WBS-7K2M-Q9XD/ })).toBeInTheDocument();
    expect((await screen.findAllByText("Ditelaah")).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.path.endsWith("/status"))!.body).toEqual({ status: "in_review" });

    await user.click(screen.getByRole("button", { name: "Buka identitas" }));
    expect(await screen.findByText("Nama: Sukma")).toBeInTheDocument();
  });
});
