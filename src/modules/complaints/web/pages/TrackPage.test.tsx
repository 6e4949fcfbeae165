// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TrackedCase } from "../../contract";
import { envelope, renderComplaints } from "../test/harness";

const answered: TrackedCase = {
  code: "ADU-7KQ4-M2XC",
  unitName: "KPKNL Bekasi",
  category: "pengaduan",
  service: "Lelang",
  description: '<img src=x onerror="alert(1)"> uang jaminan',
  status: "answered",
  receivedAt: "2026-11-20T02:00:00Z",
  answer: "Uang jaminan sudah dikembalikan.",
  answeredAt: "2026-11-25T02:00:00Z",
  decisionReason: null,
  forward: null,
  currentDue: null,
  events: [
    {
      kind: "received",
      at: "2026-11-20T02:00:00Z",
      toStatus: "received",
      body: null,
      fromComplainant: false,
    },
    {
      kind: "answered",
      at: "2026-11-25T02:00:00Z",
      toStatus: "answered",
      body: "Uang jaminan sudah dikembalikan.",
      fromComplainant: false,
    },
  ],
  attachments: [],
  canReply: true,
  canRate: true,
  rating: null,
};

describe("tracking page", () => {
  it("shows status, answer and history for the right code and secret; text stays text", async () => {
    const user = userEvent.setup();
    const { calls, container } = renderComplaints(
      "/pengaduan/lacak?kode=ADU-7KQ4-M2XC",
      {
        "POST /api/public/complaints/track": { body: answered },
        "POST /api/public/complaints/track/rating": {
          body: { ...answered, canRate: false, rating: { score: 4, comment: null } },
        },
      },
      { permissions: [], unit: null },
    );
    expect(await screen.findByLabelText(/^Kode pelacakan/)).toHaveValue("ADU-7KQ4-M2XC");
    await user.type(screen.getByLabelText(/Kode rahasia/), "K7QM-2XC4-9PRT-ZW3H");
    await user.click(screen.getByRole("button", { name: "Lihat status" }));
    expect((await screen.findAllByText("Dijawab")).length).toBeGreaterThan(0);
    expect(screen.getAllByText("Uang jaminan sudah dikembalikan.").length).toBeGreaterThan(0);
    expect(screen.getByText(/<img src=x onerror="alert\(1\)"> uang jaminan/)).toBeInTheDocument();
    expect(container.querySelector("img[src=x]")).toBeNull();
    expect(calls[0]!.body).toEqual({ code: "ADU-7KQ4-M2XC", secret: "K7QM-2XC4-9PRT-ZW3H" });

    // rate the answer: 4 stars
    await user.click(screen.getByRole("radio", { name: "4 dari 5" }));
    await user.click(screen.getByRole("button", { name: "Kirim penilaian" }));
    await waitFor(() => expect(calls.at(-1)!.path).toBe("/api/public/complaints/track/rating"));
    expect(calls.at(-1)!.body).toMatchObject({
      code: "ADU-7KQ4-M2XC",
      secret: "K7QM-2XC4-9PRT-ZW3H",
      score: 4,
    });
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Kirim penilaian" })).not.toBeInTheDocument(),
    );
    expect(
      screen.getByText((_, el) => el?.tagName === "P" && /Penilaian: 4\/5/.test(el.textContent ?? "")),
    ).toBeInTheDocument();
  });

  it("gives one message for a wrong secret and stays on the form", async () => {
    const user = userEvent.setup();
    renderComplaints(
      "/pengaduan/lacak",
      {
        "POST /api/public/complaints/track": {
          status: 404,
          body: envelope(
            "CMP_TRACK_NOT_FOUND",
            "Kode pelacakan atau kode rahasia tidak cocok. Periksa kembali keduanya.",
          ),
        },
      },
      { permissions: [], unit: null },
    );
    await user.type(await screen.findByLabelText(/^Kode pelacakan/), "ADU-0000-0000");
    await user.type(screen.getByLabelText(/Kode rahasia/), "AAAA");
    await user.click(screen.getByRole("button", { name: "Lihat status" }));
    expect(await screen.findByText(/tidak cocok/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lihat status" })).toBeInTheDocument();
  });
});
