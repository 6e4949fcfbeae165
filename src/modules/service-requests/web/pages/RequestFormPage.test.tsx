// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { publicUnit } from "../test/fixtures";
import { envelope, renderRequests } from "../test/harness";

const PATH = "/layanan-lelang/KPKNL-BEKASI/ajukan/KRL";
const signedOut = { status: 401, body: envelope("SR_REQUESTER_SIGNED_OUT", "Belum masuk.") };
const base = {
  "GET /api/public/requests/units/KPKNL-BEKASI": { body: publicUnit },
  "GET /api/public/requests/mine": signedOut,
};
const receipt = {
  status: 201,
  body: {
    number: "ALC-7KQ4-M2XC",
    secret: "K7QM-2XC4-9PRT-ZW3H",
    submittedAt: "2026-11-27T01:00:00.000Z",
    firstResponseDueAt: "2026-11-27T03:00:00.000Z",
    dueAt: "2026-11-27T09:00:00.000Z",
  },
};
/** The stable selector the browser journey uses too: the requirement's wrapper, then its file input. */
const fileInput = (container: HTMLElement, key: string) =>
  container.querySelector<HTMLInputElement>(`[data-err="documents.${key}"] input[type="file"]`)!;

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: "Lanjut sebagai tamu" }));
  await user.type(screen.getByLabelText(/^Nama lengkap/), "Budi Santoso");
  await user.type(screen.getByLabelText(/^E-mail/), "budi@example.com");
  await user.type(screen.getByLabelText(/^Nomor risalah lelang/), "123/45/2026");
  await user.selectOptions(screen.getByLabelText(/^Jenis objek lelang/), "vehicle");
}

describe("public request form", () => {
  it("uploads a document, sends the request and shows the number and the secret once", async () => {
    const user = userEvent.setup();
    const { calls, container } = renderRequests(
      PATH,
      {
        ...base,
        "POST /api/public/requests/uploads": {
          body: { uploadId: "up1", token: "tok1", name: "ktp.pdf", mime: "application/pdf", sizeBytes: 2048 },
        },
        "POST /api/public/requests": receipt,
      },
      { permissions: [], unit: null },
    );
    expect(
      await screen.findByRole("heading", { name: "Kutipan Risalah Lelang", level: 1 }),
    ).toBeInTheDocument();
    await fillBasics(user);
    await user.upload(
      fileInput(container, "identity_card"),
      new File(["%PDF-1.4 ktp"], "ktp.pdf", { type: "application/pdf" }),
    );
    expect(await screen.findByText(/ktp\.pdf · 2 KB · terunggah/)).toBeInTheDocument();
    const upload = calls.find((c) => c.path === "/api/public/requests/uploads")!;
    expect([...(upload.body as FormData).keys()]).toEqual(["unitCode", "file"]);
    expect((upload.body as FormData).get("unitCode")).toBe("KPKNL-BEKASI");

    await user.click(screen.getByRole("button", { name: "Kirim permohonan" }));
    expect(await screen.findByRole("heading", { name: "Permohonan terkirim" })).toBeInTheDocument();
    const post = calls.find((c) => c.method === "POST" && c.path === "/api/public/requests")!;
    expect(post.body).toEqual({
      unitCode: "KPKNL-BEKASI",
      serviceCode: "KRL",
      fields: { auctionRef: "123/45/2026", objectKind: "vehicle" },
      documents: [{ requirementKey: "identity_card", uploadId: "up1", token: "tok1" }],
      requester: { name: "Budi Santoso", email: "budi@example.com", phone: null },
      lang: "id",
    });
    // The secret appears exactly once, with copy buttons and the warning to keep it.
    expect(screen.getAllByText("K7QM-2XC4-9PRT-ZW3H")).toHaveLength(1);
    expect(screen.getByTestId("receipt-number")).toHaveTextContent("ALC-7KQ4-M2XC");
    expect(screen.getByRole("button", { name: "Salin Kode rahasia" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Salin Nomor permohonan" })).toBeInTheDocument();
    expect(screen.getByText("Simpan nomor dan kode rahasia sekarang")).toBeInTheDocument();
    expect(screen.getByText(/Jumat, 27 November 2026 16\.00 WIB/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Lacak permohonan ini" })).toHaveAttribute(
      "href",
      "/lacak-layanan?nomor=ALC-7KQ4-M2XC",
    );
  });

  it("refuses a file of the wrong type before uploading anything", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { calls, container } = renderRequests(PATH, base, { permissions: [], unit: null });
    await user.click(await screen.findByRole("button", { name: "Lanjut sebagai tamu" }));
    await user.upload(
      fileInput(container, "identity_card"),
      new File(["MZ"], "ktp.exe", { type: "application/x-msdownload" }),
    );
    expect(
      await screen.findByText("“ktp.exe” tidak dapat diterima: jenis berkas harus PDF, JPEG, PNG."),
    ).toBeInTheDocument();
    const big = new File([new Uint8Array(6 * 1024 * 1024)], "besar.pdf", { type: "application/pdf" });
    await user.upload(fileInput(container, "identity_card"), big);
    expect(await screen.findByText("“besar.pdf” terlalu besar: maksimal 5 MB.")).toBeInTheDocument();
    expect(calls.some((c) => c.path === "/api/public/requests/uploads")).toBe(false);
  });

  it("requires the BPHTB proof only for land or buildings and says what is missing", async () => {
    const user = userEvent.setup();
    const { calls } = renderRequests(PATH, base, { permissions: [], unit: null });
    await fillBasics(user);
    await user.selectOptions(screen.getByLabelText(/^Jenis objek lelang/), "land_building");
    await user.click(screen.getByRole("button", { name: "Kirim permohonan" }));
    expect(await screen.findByText("Unggah KTP pemohon.")).toBeInTheDocument();
    expect(screen.getByText("Unggah Surat Setoran BPHTB.")).toBeInTheDocument();
    expect(screen.getByText(/Ada 2 isian yang perlu dilengkapi/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/public/requests")).toBe(false);
  });

  it("shows the server's envelope and field errors, keeping what was typed", async () => {
    const user = userEvent.setup();
    renderRequests(
      "/layanan-lelang/KPKNL-BEKASI/ajukan/SSP",
      {
        ...base,
        "POST /api/public/requests": {
          status: 400,
          body: envelope("VALIDATION_FAILED", "Data tidak valid", {}, [
            { path: "body.requester.email", message: "Alamat e-mail tidak dikenali" },
          ]),
        },
      },
      { permissions: [], unit: null },
    );
    await user.click(await screen.findByRole("button", { name: "Lanjut sebagai tamu" }));
    await user.type(screen.getByLabelText(/^Nama lengkap/), "Budi Santoso");
    await user.type(screen.getByLabelText(/^E-mail/), "budi@example.co");
    await user.click(screen.getByRole("button", { name: "Kirim permohonan" }));
    expect(await screen.findByText("Data tidak valid")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^E-mail/)).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getAllByText("Alamat e-mail tidak dikenali").length).toBeGreaterThan(0);
    expect(screen.getByLabelText(/^Nama lengkap/)).toHaveValue("Budi Santoso");
  });

  it("signs in with an e-mail one-time code and uses that address", async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const { calls } = renderRequests(
      PATH,
      {
        "GET /api/public/requests/units/KPKNL-BEKASI": { body: publicUnit },
        "GET /api/public/requests/mine": () =>
          signedIn
            ? {
                body: {
                  session: {
                    email: "budi@example.com",
                    emailMasked: "bu***@example.com",
                    expiresAt: "2026-11-28T00:00:00Z",
                  },
                  items: [],
                },
              }
            : signedOut,
        "POST /api/public/requests/login/start": { body: { sent: true, expiresInSeconds: 600 } },
        "POST /api/public/requests/login/verify": () => {
          signedIn = true;
          return {
            body: {
              email: "budi@example.com",
              emailMasked: "bu***@example.com",
              expiresAt: "2026-11-28T00:00:00Z",
            },
          };
        },
      },
      { permissions: [], unit: null },
    );
    await user.click(await screen.findByRole("button", { name: "Masuk dengan kode e-mail atau WhatsApp" }));
    await user.type(screen.getByRole("textbox", { name: /^E-mail/ }), "Budi@Example.com");
    await user.click(screen.getByRole("button", { name: "Kirim kode" }));
    expect(await screen.findByText(/berlaku 10 menit/)).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Kode 6 angka/), "12a3456");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect(await screen.findByText(/Masuk sebagai bu\*\*\*@example\.com/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /^E-mail/ })).toHaveValue("budi@example.com");
    expect(screen.getByRole("textbox", { name: /^E-mail/ })).toHaveAttribute("readonly");
    expect(calls.find((c) => c.path === "/api/public/requests/login/start")!.body).toEqual({
      email: "Budi@Example.com",
      lang: "id",
    });
    expect(calls.find((c) => c.path === "/api/public/requests/login/verify")!.body).toEqual({
      email: "Budi@Example.com",
      code: "123456",
    });
  });

  it("signs in with a WhatsApp code sent to a phone and fills that number in", async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const session = {
      channel: "phone",
      email: null,
      emailMasked: null,
      phone: "+6281234567890",
      phoneMasked: "+628***90",
      expiresAt: "2026-11-28T00:00:00Z",
    };
    const { calls } = renderRequests(
      PATH,
      {
        "GET /api/public/requests/units/KPKNL-BEKASI": { body: publicUnit },
        "GET /api/public/requests/mine": () => (signedIn ? { body: { session, items: [] } } : signedOut),
        "POST /api/public/requests/login/start": { body: { sent: true, expiresInSeconds: 600 } },
        "POST /api/public/requests/login/verify": () => {
          signedIn = true;
          return { body: session };
        },
      },
      { permissions: [], unit: null },
    );
    await user.click(await screen.findByRole("button", { name: "Masuk dengan kode e-mail atau WhatsApp" }));
    await user.click(screen.getByRole("radio", { name: "WhatsApp" }));
    const input = screen.getByLabelText(/^Nomor HP \(WhatsApp\)/);
    expect(input).toHaveAttribute("inputmode", "tel");
    expect(input).toHaveAttribute("type", "tel");
    // a landline cannot receive WhatsApp: the button stays off and the field says why
    await user.type(input, "021 1234 5678");
    expect(screen.getByRole("button", { name: "Kirim kode" })).toBeDisabled();
    expect(screen.getByText(/Tulis nomor seluler Indonesia/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, "0812-3456-7890");
    await user.click(screen.getByRole("button", { name: "Kirim kode" }));
    expect(
      await screen.findByText(/lewat WhatsApp ke \+6281234567890 dan berlaku 10 menit/),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Kode 6 angka/), "654321");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect(await screen.findByText(/Masuk sebagai \+628\*\*\*90/)).toBeInTheDocument();
    // the number signed in with is used; the e-mail is still asked for
    expect(screen.getByLabelText(/^Nomor telepon\/WhatsApp/)).toHaveValue("+6281234567890");
    expect(screen.getByLabelText(/^Nomor telepon\/WhatsApp/)).toHaveAttribute("readonly");
    expect(screen.getByRole("textbox", { name: /^E-mail/ })).not.toHaveAttribute("readonly");
    expect(calls.find((c) => c.path === "/api/public/requests/login/start")!.body).toEqual({
      phone: "0812-3456-7890",
      lang: "id",
    });
    expect(calls.find((c) => c.path === "/api/public/requests/login/verify")!.body).toEqual({
      phone: "0812-3456-7890",
      code: "654321",
    });
  });

  it("keeps what was typed through a network failure and a reload", async () => {
    const user = userEvent.setup();
    const first = renderRequests(
      "/layanan-lelang/KPKNL-BEKASI/ajukan/SSP",
      {
        ...base,
        "POST /api/public/requests": () => {
          throw new TypeError("Failed to fetch");
        },
      },
      { permissions: [], unit: null },
    );
    await user.click(await screen.findByRole("button", { name: "Lanjut sebagai tamu" }));
    await user.type(screen.getByLabelText(/^Nama lengkap/), "Siti Aminah");
    await user.type(screen.getByLabelText(/^E-mail/), "siti@example.com");
    await user.click(screen.getByRole("button", { name: "Kirim permohonan" }));
    expect(
      await screen.findByText(
        "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Nama lengkap/)).toHaveValue("Siti Aminah");
    first.unmount();
    renderRequests("/layanan-lelang/KPKNL-BEKASI/ajukan/SSP", base, { permissions: [], unit: null });
    await user.click(await screen.findByRole("button", { name: "Lanjut sebagai tamu" }));
    expect(screen.getByLabelText(/^Nama lengkap/)).toHaveValue("Siti Aminah");
    expect(screen.getByLabelText(/^E-mail/)).toHaveValue("siti@example.com");
  });
});
