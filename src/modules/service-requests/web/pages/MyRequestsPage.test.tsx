// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sla } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";

describe("my requests (one-time code)", () => {
  it("lists the signed-in requester's requests with state and time left, linking to tracking", async () => {
    renderRequests(
      "/permohonan-saya",
      {
        "GET /api/public/requests/mine": {
          body: {
            session: {
              email: "budi@example.com",
              emailMasked: "bu***@example.com",
              expiresAt: "2026-11-28T00:00:00Z",
            },
            items: [
              {
                number: "ALC-7KQ4-M2XC",
                unitName: "KPKNL Bekasi",
                serviceName: { id: "Kutipan Risalah Lelang", en: "Extract" },
                state: "in_progress",
                submittedAt: "2026-11-27T01:00:00.000Z",
                sla: sla({ state: "warning", remainingMinutes: 45 }),
              },
            ],
          },
        },
      },
      { permissions: [], unit: null },
    );
    const list = await screen.findByRole("list", { name: "Permohonan saya" });
    expect(within(list).getByRole("link", { name: "ALC-7KQ4-M2XC" })).toHaveAttribute(
      "href",
      "/lacak-layanan?nomor=ALC-7KQ4-M2XC",
    );
    expect(within(list).getByText("Mendekati batas")).toBeInTheDocument();
    expect(within(list).getByText("sisa waktu 45 menit kerja")).toBeInTheDocument();
    expect(screen.getByText("Masuk sebagai bu***@example.com")).toBeInTheDocument();
  });

  it("offers the one-time code sign-in when nobody is signed in", async () => {
    renderRequests(
      "/permohonan-saya",
      {
        "GET /api/public/requests/mine": {
          status: 401,
          body: envelope("SR_REQUESTER_SIGNED_OUT", "Belum masuk."),
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByRole("button", { name: "Kirim kode" })).toBeInTheDocument();
    expect(screen.queryByText("Belum masuk.")).not.toBeInTheDocument();
  });
  it("signs in by WhatsApp from “Permohonan saya” and lists the requests of that phone", async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const session = {
      channel: "phone",
      email: null,
      emailMasked: null,
      phone: "+6281200000001",
      phoneMasked: "+628***01",
      expiresAt: "2026-11-28T00:00:00Z",
    };
    const { calls } = renderRequests(
      "/permohonan-saya",
      {
        "GET /api/public/requests/mine": () =>
          signedIn
            ? {
                body: {
                  session,
                  items: [
                    {
                      number: "ALC-BKS0-0001",
                      unitName: "KPKNL Bekasi",
                      serviceName: { id: "Kutipan Risalah Lelang", en: "Extract" },
                      state: "submitted",
                      submittedAt: "2026-11-27T01:00:00.000Z",
                      sla: sla({ state: "ok", remainingMinutes: 300 }),
                    },
                  ],
                },
              }
            : { status: 401, body: envelope("SR_REQUESTER_UNAUTHENTICATED", "Belum masuk.") },
        "POST /api/public/requests/login/start": { body: { sent: true, expiresInSeconds: 600 } },
        "POST /api/public/requests/login/verify": () => {
          signedIn = true;
          return { body: session };
        },
      },
      { permissions: [], unit: null },
    );
    await user.click(await screen.findByRole("radio", { name: "WhatsApp" }));
    await user.type(screen.getByLabelText(/^Nomor HP \(WhatsApp\)/), "+62 812 0000 0001");
    await user.click(screen.getByRole("button", { name: "Kirim kode" }));
    await user.type(await screen.findByLabelText(/^Kode 6 angka/), "123456");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    const list = await screen.findByRole("list", { name: "Permohonan saya" });
    expect(within(list).getByRole("link", { name: "ALC-BKS0-0001" })).toBeInTheDocument();
    expect(screen.getByText("Masuk sebagai +628***01")).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/public/requests/login/start")!.body).toEqual({
      phone: "+62 812 0000 0001",
      lang: "id",
    });
    expect(calls.find((c) => c.path === "/api/public/requests/login/verify")!.body).toEqual({
      phone: "+62 812 0000 0001",
      code: "123456",
    });
  });
});
