// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { WbsFollowView } from "../../contract";
import { envelope, renderIntegrity } from "../test/harness";

const channel = {
  unitCode: "KPKNL-BEKASI",
  unitName: "KPKNL Bekasi",
  parentName: "Kanwil DJKN Jawa Barat",
  categories: ["pungli", "korupsi"],
};
const challenge = { status: 200, body: { challenge: "1764208800000.abc.2.mac", bits: 2 } };
const XSS = '<img src=x onerror="alert(1)">';

const view = (messages: WbsFollowView["messages"]): WbsFollowView => ({
  code: "WBS-7K2M-Q9XD",
  category: "pungli",
  status: "in_review",
  submittedOn: "2026-11-20",
  subject: "Petugas loket",
  description: `Diminta uang ${XSS}`,
  messages,
  attachments: [],
});

describe("the public whistle-blowing page", () => {
  it("files a report without cookies or CSRF, solving the proof of work, and shows code and secret once", async () => {
    const user = userEvent.setup();
    const { calls } = renderIntegrity(
      "/wbs/KPKNL-BEKASI",
      {
        "GET /api/public/wbs/units/KPKNL-BEKASI": { body: channel },
        "GET /api/public/wbs/challenge": challenge,
        "POST /api/public/wbs/units/KPKNL-BEKASI/reports": {
          status: 201,
          body: { code: "WBS-7K2M-Q9XD", secret: "s3cr3t-Only-Once", handledByParent: true },
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByText("KPKNL Bekasi")).toBeInTheDocument();
    expect(screen.getByText(/tidak menyimpan alamat IP/)).toBeInTheDocument();

    // Required fields are named before anything is sent.
    await user.click(screen.getByRole("button", { name: "Kirim laporan" }));
    expect(screen.getAllByText("Wajib diisi.")).toHaveLength(3);
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.click(screen.getByRole("combobox", { name: /Jenis pelanggaran/ }));
    await user.click(await screen.findByRole("option", { name: "Pungutan liar" }));
    await user.click(screen.getByRole("checkbox", { name: /tentang kepala kantor/ }));
    expect(screen.getByText(/ditangani oleh Kanwil DJKN Jawa Barat/)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Siapa yang dilaporkan/ }), "Kepala kantor");
    await user.type(screen.getByRole("textbox", { name: /Uraian kejadian/ }), "Meminta imbalan.");
    await user.click(screen.getByRole("button", { name: "Kirim laporan" }));

    expect(await screen.findByText("Laporan terkirim")).toBeInTheDocument();
    expect(screen.getByTestId("receipt-code")).toHaveTextContent("WBS-7K2M-Q9XD");
    expect(screen.getByTestId("receipt-secret")).toHaveTextContent("s3cr3t-Only-Once");
    expect(screen.getByText(/ditangani oleh Kanwil DJKN Jawa Barat/)).toBeInTheDocument();

    const post = calls.find((c) => c.path === "/api/public/wbs/units/KPKNL-BEKASI/reports")!;
    expect(post.init?.credentials).toBe("omit");
    expect(post.init?.referrerPolicy).toBe("no-referrer");
    expect(post.headers.get("x-csrf-token")).toBeNull();
    const body = post.body as Record<string, any>;
    expect(body).toMatchObject({
      category: "pungli",
      aboutHead: true,
      subject: "Kepala kantor",
      description: "Meminta imbalan.",
    });
    expect(body.identity).toBeUndefined();
    // The nonce really solves the challenge (2 leading zero bits).
    const digest = new Uint8Array(
      await crypto.subtle.digest(
        "SHA-256",
        new TextEncoder().encode(`${body.pow.challenge}:${body.pow.nonce}`),
      ),
    );
    expect(digest[0]! >> 6).toBe(0);
  });

  it("follows a report with code and secret, shows replies as text (never HTML), and adds information", async () => {
    const user = userEvent.setup();
    let messages: WbsFollowView["messages"] = [
      {
        seq: 1,
        author: "handler",
        kind: "status",
        body: "Sedang ditelaah.",
        status: "in_review",
        on: "2026-11-21",
      },
      {
        seq: 2,
        author: "handler",
        kind: "message",
        body: `Mohon bukti ${XSS}`,
        status: null,
        on: "2026-11-22",
      },
    ];
    const { calls, container } = renderIntegrity(
      "/wbs/KPKNL-BEKASI",
      {
        "GET /api/public/wbs/units/KPKNL-BEKASI": { body: channel },
        "GET /api/public/wbs/challenge": challenge,
        "POST /api/public/wbs/follow": ({ body }) =>
          (body as { secret: string }).secret === "benar"
            ? { body: view(messages) }
            : {
                status: 403,
                body: envelope("WBS_ACCESS_DENIED", "Kode laporan atau kata sandi laporan tidak cocok."),
              },
        "POST /api/public/wbs/follow/messages": ({ body }) => {
          messages = [
            ...messages,
            {
              seq: 3,
              author: "reporter",
              kind: "message",
              body: (body as { body: string }).body,
              status: null,
              on: "2026-11-27",
            },
          ];
          return { body: view(messages) };
        },
      },
      { permissions: [], unit: null },
    );
    await screen.findByText("KPKNL Bekasi");
    await user.click(screen.getByRole("tab", { name: "Pantau laporan" }));
    await user.type(screen.getByLabelText(/Kode laporan/), "WBS-7K2M-Q9XD");
    await user.type(screen.getByLabelText(/Kata sandi laporan/), "salah");
    await user.click(screen.getByRole("button", { name: "Buka laporan" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("tidak cocok");

    await user.clear(screen.getByLabelText(/Kata sandi laporan/));
    await user.type(screen.getByLabelText(/Kata sandi laporan/), "benar");
    await user.click(screen.getByRole("button", { name: "Buka laporan" }));
    expect(await screen.findByTestId("follow-status")).toHaveTextContent("Ditelaah");
    const timeline = screen.getByRole("list", { name: "Riwayat laporan" });
    expect(within(timeline).getByText(/Mohon bukti/)).toHaveTextContent(XSS);
    expect(container.querySelector("img")).toBeNull();

    await user.type(screen.getByRole("textbox", { name: "Tambah informasi" }), "Kuitansi ada pada saya.");
    await user.click(screen.getByRole("button", { name: "Kirim informasi" }));
    expect(await within(timeline).findByText("Kuitansi ada pada saya.")).toBeInTheDocument();
    const sent = calls.find((c) => c.path === "/api/public/wbs/follow/messages")!;
    expect(sent.body).toMatchObject({
      code: "WBS-7K2M-Q9XD",
      secret: "benar",
      body: "Kuitansi ada pada saya.",
    });
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/public/wbs/challenge").length).toBe(3));
  });

  it("switches to English", async () => {
    const user = userEvent.setup();
    renderIntegrity(
      "/wbs/KPKNL-BEKASI",
      { "GET /api/public/wbs/units/KPKNL-BEKASI": { body: channel } },
      { permissions: [], unit: null },
    );
    await screen.findByText("KPKNL Bekasi");
    await user.click(screen.getByText("EN"));
    expect(await screen.findByText(/stores no IP address/)).toBeInTheDocument();
    await user.click(screen.getByText("ID"));
  });
});
