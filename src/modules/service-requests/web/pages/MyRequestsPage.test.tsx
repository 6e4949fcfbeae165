// @vitest-environment jsdom
import "../test/setup";
import { screen, within } from "@testing-library/react";
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
});
