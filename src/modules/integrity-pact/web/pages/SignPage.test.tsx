// @vitest-environment jsdom
import "../test/setup";
import { createHash } from "node:crypto";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MineRound, SignatureWire } from "../../contract";
import { defaultPactText, STATEMENT } from "../../domain/pact";
import { envelope, renderPact } from "../test/harness";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const body = `${defaultPactText("KPKNL Bekasi")}\n\nCatatan: “integritas” — tanpa kompromi.`;

const item = {
  roundId: "r1",
  unitId: "bekasi",
  unitName: "KPKNL Bekasi",
  title: "Pakta Integritas Pegawai KPKNL Bekasi 2026",
  openedAt: "2026-11-13",
  closesAt: null,
  status: "open" as const,
  signedAt: null as string | null,
};
const view = (signature: SignatureWire | null): MineRound => ({
  round: {
    id: "r1",
    unitId: "bekasi",
    unitName: "KPKNL Bekasi",
    title: item.title,
    body,
    textHash: sha(body),
    opensOn: "2026-11-13",
    closesOn: null,
    status: "open",
  },
  statement: STATEMENT,
  signer: { userId: "u1", name: "Rina Wulandari", nip: "199001012015012001" },
  canSign: true,
  signature,
});
const signature: SignatureWire = {
  roundId: "r1",
  userId: "u1",
  signedAt: "2026-11-27T02:00:00.000Z",
  textHash: sha(body),
  statement: STATEMENT,
  verification: "3F2A9-00B1C-77D2E-9A0F1",
};

describe("the employee's signing page", () => {
  it("signs with the hash of the text it displayed, then shows when and the PDF", async () => {
    let signed: SignatureWire | null = null;
    const { calls } = renderPact(
      "/pakta/tandatangan",
      {
        "GET /api/pact/mine": () => ({ body: { items: [{ ...item, signedAt: signed?.signedAt ?? null }] } }),
        "GET /api/pact/mine/r1": () => ({ body: view(signed) }),
        "POST /api/pact/rounds/r1/sign": () => {
          signed = signature;
          return { status: 201, body: signature };
        },
      },
      { permissions: ["pact.sign"] },
    );
    const text = await screen.findByTestId("pact-text");
    expect(text.textContent).toBe(body);
    expect(screen.getByText(/NIP 199001012015012001/)).toBeInTheDocument();

    const button = screen.getByRole("button", { name: "Tanda tangani pakta" });
    expect(button).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox", { name: STATEMENT }));
    expect(button).toBeEnabled();
    await userEvent.click(button);

    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.path).toBe("/api/pact/rounds/r1/sign");
    expect(post.body).toEqual({ textHash: sha(body), agree: true });
    expect(post.headers.get("x-csrf-token")).toBe("csrf-pact");

    expect(
      await screen.findByText("Anda telah menandatangani pada 27 November 2026 09.00 WIB."),
    ).toBeInTheDocument();
    expect(screen.getByText("Kode verifikasi: 3F2A9-00B1C-77D2E-9A0F1")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Unduh pakta bertanda tangan (PDF)" })).toHaveAttribute(
      "href",
      "/api/pact/rounds/r1/signatures/u1/pact.pdf",
    );
    expect(screen.queryByRole("button", { name: "Tanda tangani pakta" })).not.toBeInTheDocument();
  });

  it("shows the server's refusal when the text changed, and reloads the text", async () => {
    let loads = 0;
    renderPact(
      "/pakta/tandatangan",
      {
        "GET /api/pact/mine": { body: { items: [item] } },
        "GET /api/pact/mine/r1": () => {
          loads++;
          return { body: view(null) };
        },
        "POST /api/pact/rounds/r1/sign": {
          status: 409,
          body: envelope(
            "PACT_TEXT_MISMATCH",
            "Naskah yang Anda baca berbeda dengan naskah putaran ini (sidik 0a1b2c3d4e5f…). Muat ulang halaman, baca naskahnya, lalu tanda tangani kembali.",
          ),
        },
      },
      { permissions: ["pact.sign"] },
    );
    await userEvent.click(await screen.findByRole("checkbox", { name: STATEMENT }));
    await userEvent.click(screen.getByRole("button", { name: "Tanda tangani pakta" }));
    expect(await screen.findByText(/Naskah yang Anda baca berbeda/)).toBeInTheDocument();
    await waitFor(() => expect(loads).toBeGreaterThanOrEqual(2));
  });

  it("says so when there is no pact to sign, and when a round closed unsigned", async () => {
    renderPact(
      "/pakta/tandatangan",
      { "GET /api/pact/mine": { body: { items: [] } } },
      { permissions: ["pact.sign"] },
    );
    expect(await screen.findByText("Belum ada pakta integritas untuk Anda")).toBeInTheDocument();
  });

  it("does not offer signing on a closed round", async () => {
    const closed = view(null);
    closed.round.status = "closed";
    renderPact(
      "/pakta/tandatangan",
      {
        "GET /api/pact/mine": { body: { items: [{ ...item, status: "closed" }] } },
        "GET /api/pact/mine/r1": { body: closed },
      },
      { permissions: ["pact.sign"] },
    );
    expect(
      await screen.findByText("Putaran ini sudah ditutup sebelum Anda menandatanganinya."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
  });
});
