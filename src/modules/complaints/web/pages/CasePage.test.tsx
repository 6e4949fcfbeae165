// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { CaseDetail, CaseEvent } from "../../contract";
import { commandsFrom, type Status } from "../../domain/workflow";
import { renderComplaints } from "../test/harness";

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
const handler = ["complaints.read", "complaints.handle"];

const event = (p: Partial<CaseEvent>): CaseEvent => ({
  id: "e1",
  kind: "received",
  fromStatus: null,
  toStatus: "received",
  actorName: "Pelapor",
  visibility: "public",
  body: null,
  data: {},
  at: "2026-11-26T02:00:00Z",
  ...p,
});

function caseOf(status: Status, p: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: "c1",
    code: "ADU-BKS0-0001",
    unitId: "bekasi",
    unitName: "KPKNL Bekasi",
    category: "pengaduan",
    service: "Lelang",
    summary: "Jadwal lelang berbeda",
    status,
    slaClass: status === "received" ? null : "regular",
    assigneeId: null,
    assigneeName: null,
    receivedAt: "2026-11-26T02:00:00Z",
    currentDue: "2026-12-01T09:00:00Z",
    sla: "on_time",
    forwardChannel: null,
    channel: "web",
    description: "Jadwal lelang di situs berbeda dengan pengumuman di surat kabar.",
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    answer: null,
    answeredAt: null,
    decisionReason: null,
    decisionKind: null,
    forwardReference: null,
    ruleSetId: "sp4n-lapor-2026",
    rating: null,
    ratingComment: null,
    version: 1,
    stages: [
      {
        stage: "verify",
        due: "2026-12-01T09:00:00Z",
        doneAt: null,
        state: "on_time",
        days: 3,
        kind: "working",
        source: "FAQ SP4N-LAPOR!",
        confidence: "C2",
      },
      {
        stage: "respond",
        due: "2026-12-03T09:00:00Z",
        doneAt: null,
        state: "on_time",
        days: 5,
        kind: "working",
        source: "teks aplikasi",
        confidence: "S",
      },
    ],
    events: [event({})],
    attachments: [],
    commands: commandsFrom(status),
    canHandle: true,
    ...p,
  };
}

declare global {
  interface Window {
    __xss?: number;
  }
}
afterEach(() => {
  delete window.__xss;
});

/** The options of the "Langkah" (step) select, opened. */
async function stepOptions(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole("heading", { name: "Langkah berikutnya" });
  await user.click(screen.getAllByLabelText("Langkah")[0]!);
  const list = await screen.findByRole("listbox");
  return within(list)
    .getAllByRole("option")
    .map((o) => o.textContent);
}

describe("complaint case page", () => {
  it("renders hostile text literally and never runs it", async () => {
    const d = caseOf("answered", {
      description: XSS,
      service: XSS,
      contactName: XSS,
      answer: `Jawaban ${XSS}`,
      events: [
        event({ body: null, data: { channel: "web" } }),
        event({ id: "e2", kind: "reply", body: XSS, actorName: XSS }),
        event({ id: "e3", kind: "note", visibility: "internal", body: "catatan", data: { note: XSS } }),
      ],
      attachments: [
        {
          fileId: "f1",
          name: XSS,
          sizeBytes: 2048,
          mime: "application/pdf",
          source: "public",
          at: "2026-11-26T03:00:00Z",
        },
      ],
    });
    const { container } = renderComplaints(
      "/layanan/pengaduan/c1",
      { "GET /api/complaints/c1": { body: d } },
      { permissions: handler },
    );
    const card = (await screen.findByRole("heading", { name: "Uraian pengaduan" })).parentElement!;
    expect(within(card).getByText(XSS, { selector: "p" })).toBeInTheDocument();
    // each place shows the markup as text
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(4);
    expect(screen.getByText(`Jawaban ${XSS}`)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: XSS })).toHaveAttribute("href", "/api/files/f1/download");
    // no element was created from it, nothing ran
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain("<img src=");
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__xss).toBeUndefined();
  });

  it("shows the timeline with the channel, internal marks and the person in charge", async () => {
    const d = caseOf("assigned", {
      channel: "letter",
      assigneeName: "Petugas Layanan",
      events: [
        event({ actorName: "Rina Wulandari", data: { channel: "letter", reference: "Surat 12/WB/2026" } }),
        event({ id: "e2", kind: "verified", toStatus: "verified", actorName: "Rina Wulandari" }),
        event({ id: "e3", kind: "note", visibility: "internal", body: "Minta data ke seksi lelang" }),
        event({
          id: "e4",
          kind: "assigned",
          toStatus: "assigned",
          data: { assigneeName: "Petugas Layanan" },
        }),
      ],
    });
    renderComplaints(
      "/layanan/pengaduan/c1",
      { "GET /api/complaints/c1": { body: d } },
      { permissions: handler },
    );
    const timeline = (await screen.findByRole("heading", { name: "Riwayat penanganan" })).parentElement!;
    const items = within(timeline).getByText("Pengaduan diterima").closest(".mantine-Timeline-root")!;
    const text = items.textContent ?? "";
    // in order
    expect(text.indexOf("Pengaduan diterima")).toBeLessThan(text.indexOf("Diverifikasi"));
    expect(text.indexOf("Diverifikasi")).toBeLessThan(text.indexOf("Catatan (internal)"));
    expect(text.indexOf("Catatan (internal)")).toBeLessThan(
      text.indexOf("Didisposisikan kepada penanggung jawab"),
    );
    expect(within(timeline).getByText("Diterima melalui: Surat · Surat 12/WB/2026")).toBeInTheDocument();
    expect(within(timeline).getByText("Minta data ke seksi lelang")).toBeInTheDocument();
    expect(within(timeline).getByText("→ Petugas Layanan")).toBeInTheDocument();
    expect(screen.getByText(/Diterima melalui: Surat$/)).toBeInTheDocument(); // header line
  });

  it.each([
    ["received", ["Verifikasi", "Tolak", "Teruskan"]],
    ["assigned", ["Disposisikan", "Mulai tindak lanjut", "Teruskan"]],
    ["in_progress", ["Disposisikan", "Kirim jawaban", "Teruskan"]],
    ["answered", ["Tutup", "Buka kembali"]],
  ] as Array<[Status, string[]]>)("offers the steps allowed at %s", async (status, expected) => {
    const user = userEvent.setup();
    renderComplaints(
      "/layanan/pengaduan/c1",
      {
        "GET /api/complaints/c1": { body: caseOf(status) },
        "GET /api/complaints/assignees": { body: { items: [] } },
      },
      { permissions: handler },
    );
    expect(await stepOptions(user)).toEqual(expected);
  });

  it("offers no step on a finished case or to a reader", async () => {
    const first = renderComplaints(
      "/layanan/pengaduan/c1",
      { "GET /api/complaints/c1": { body: caseOf("closed") } },
      { permissions: handler },
    );
    expect(await screen.findByText("Riwayat penanganan")).toBeInTheDocument();
    expect(screen.queryByText("Langkah berikutnya")).toBeNull();
    first.unmount();
    renderComplaints(
      "/layanan/pengaduan/c1",
      { "GET /api/complaints/c1": { body: caseOf("received", { canHandle: false }) } },
      { permissions: ["complaints.read"] },
    );
    expect(await screen.findByText("Riwayat penanganan")).toBeInTheDocument();
    expect(screen.queryByText("Langkah berikutnya")).toBeNull();
    expect(screen.queryByText("Simpan catatan")).toBeNull();
    expect(screen.queryByText("Unggah dan lampirkan")).toBeNull();
  });

  it("sends the answer with the right body and shows the answered case", async () => {
    const user = userEvent.setup();
    const answer = "Jadwal yang berlaku adalah pengumuman di situs lelang.go.id; surat kabar telah diralat.";
    const { calls } = renderComplaints(
      "/layanan/pengaduan/c1",
      {
        "GET /api/complaints/c1": { body: caseOf("in_progress") },
        "GET /api/complaints/assignees": { body: { items: [] } },
        "POST /api/complaints/c1/transitions": ({ body }) => ({
          body: caseOf("answered", {
            answer: (body as { answer: string }).answer,
            version: 2,
          }),
        }),
      },
      { permissions: handler },
    );
    await stepOptions(user);
    await user.click(screen.getByRole("option", { name: "Kirim jawaban" }));
    const box = await screen.findByLabelText("Jawaban untuk pelapor");
    await user.type(box, answer);
    await user.click(screen.getByRole("button", { name: "Kirim jawaban" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.path).toBe("/api/complaints/c1/transitions");
    expect(post.body).toEqual({ command: "answer", answer });
    expect(post.headers.get("x-csrf-token")).toBe("csrf-cmp");
    // the page now shows the answered case (its answer, and the steps of "answered")
    expect(await screen.findByText(answer)).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Tutup" })).toBeInTheDocument();
  });

  it("uploads a file to the unit's store, then attaches it to the case", async () => {
    const user = userEvent.setup();
    const attached = caseOf("received", {
      attachments: [
        {
          fileId: "f9",
          name: "berita-acara.pdf",
          sizeBytes: 4096,
          mime: "application/pdf",
          source: "staff",
          at: "2026-11-27T03:00:00Z",
        },
      ],
    });
    const { calls, container } = renderComplaints(
      "/layanan/pengaduan/c1",
      {
        "GET /api/complaints/c1": { body: caseOf("received") },
        "POST /api/files": {
          status: 201,
          body: { id: "f9", unitId: "bekasi", originalName: "berita-acara.pdf" },
        },
        "POST /api/complaints/c1/attachments": { body: attached },
      },
      { permissions: handler },
    );
    expect(await screen.findByText("Belum ada lampiran.")).toBeInTheDocument();
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(["%PDF-1.4"], "berita-acara.pdf", { type: "application/pdf" }));
    await user.click(screen.getByRole("button", { name: "Unggah dan lampirkan" }));
    expect(await screen.findByRole("link", { name: "berita-acara.pdf" })).toHaveAttribute(
      "href",
      "/api/files/f9/download",
    );
    expect(screen.getByRole("status")).toHaveTextContent("Berkas dilampirkan.");
    const upload = calls.find((c) => c.path === "/api/files")!;
    const form = upload.body as FormData;
    expect(form.get("unitId")).toBe("bekasi");
    expect((form.get("file") as File).name).toBe("berita-acara.pdf");
    expect([...form.keys()]).toEqual(["unitId", "file"]); // unit before the file
    expect(upload.headers.get("x-csrf-token")).toBe("csrf-cmp");
    const attach = calls.find((c) => c.path === "/api/complaints/c1/attachments")!;
    expect(attach.body).toEqual({ fileId: "f9" });
  });
});
