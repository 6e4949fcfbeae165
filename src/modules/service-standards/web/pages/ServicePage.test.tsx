// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { detail, listItem, version } from "../test/fixtures";
import { envelope, renderStd } from "../test/harness";

const READ = ["standards.read"];
const MANAGE = ["standards.read", "standards.manage"];

describe("services list", () => {
  it("lists services with the version in force and completeness", async () => {
    renderStd(
      "/standar-layanan",
      { "GET /api/standards/services": { body: { items: [listItem] } } },
      { permissions: MANAGE },
    );
    const table = await screen.findByRole("table", { name: "Daftar jenis layanan" });
    expect(within(table).getByRole("link", { name: "Pelayanan Permohonan Lelang" })).toHaveAttribute(
      "href",
      "/standar-layanan/layanan/s1",
    );
    expect(within(table).getByText("Versi 2 sejak 1 Juli 2025")).toBeInTheDocument();
    expect(within(table).getByText("Ada draf")).toBeInTheDocument();
    expect(within(table).getByText("Lengkap")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Tambah layanan" })).toBeInTheDocument();
  });

  it("hides the add button from read-only staff", async () => {
    renderStd(
      "/standar-layanan",
      { "GET /api/standards/services": { body: { items: [] } } },
      { permissions: READ },
    );
    expect(await screen.findByText("Belum ada jenis layanan.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tambah layanan" })).not.toBeInTheDocument();
  });
});

describe("standard editor", () => {
  const draft = version({
    id: "v2",
    number: 2,
    status: "draft",
    state: "draft",
    decreeNumber: null,
    decreeDate: null,
    effectiveDate: null,
    missing: { public: [], internal: ["legalBasis", "facilities"] },
  });

  it("shows a published version read-only to staff without the manage permission", async () => {
    renderStd(
      "/standar-layanan/layanan/s1",
      { "GET /api/standards/services/s1": { body: detail([version()]) } },
      { permissions: READ },
    );
    expect(
      await screen.findByRole("heading", { name: "Pelayanan Permohonan Lelang", level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByText("5 hari kerja")).toBeInTheDocument();
    expect(screen.getByText("Surat permohonan lelang")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Simpan draf" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Buat versi baru" })).not.toBeInTheDocument();
  });

  it("edits a draft: lists one per line, time and decree, sent as one PATCH", async () => {
    const user = userEvent.setup();
    const { calls } = renderStd(
      "/standar-layanan/layanan/s1",
      {
        "GET /api/standards/services/s1": { body: detail([draft, version()]) },
        "PATCH /api/standards/versions/v2": ({ body }) => ({ body: { ...draft, ...(body as object) } }),
      },
      { permissions: MANAGE },
    );
    expect(await screen.findByRole("heading", { name: "Draf versi 2" })).toBeInTheDocument();
    expect(screen.getByText(/Belum diisi: Dasar hukum, Sarana, prasarana/)).toBeInTheDocument();
    const req = screen.getByRole("textbox", { name: /Persyaratan/ });
    await user.clear(req);
    await user.type(req, "Surat permohonan{enter}{enter}KTP pemohon");
    const time = screen.getByRole("textbox", { name: "Lama" });
    await user.clear(time);
    await user.type(time, "3");
    await user.type(screen.getByRole("textbox", { name: "Nomor keputusan" }), "KEP-50/2026");
    await user.click(screen.getByRole("button", { name: "Simpan draf" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    const body = calls.find((c) => c.method === "PATCH")!.body as {
      content: { requirements: string[]; time: { value: number; unit: string } };
      decreeNumber: string;
    };
    expect(body.content.requirements).toEqual(["Surat permohonan", "KTP pemohon"]);
    expect(body.content.time).toMatchObject({ value: 3, unit: "working_days" });
    expect(body.decreeNumber).toBe("KEP-50/2026");
  });

  it("publishes after confirming and shows the server's refusal in the dialog", async () => {
    const user = userEvent.setup();
    const { calls } = renderStd(
      "/standar-layanan/layanan/s1",
      {
        "GET /api/standards/services/s1": { body: detail([draft]) },
        "PATCH /api/standards/versions/v2": { body: draft },
        "POST /api/standards/versions/v2/publish": {
          status: 409,
          body: envelope("STD_DECREE_MISSING", "Belum dapat ditetapkan: isikan decreeNumber."),
        },
      },
      { permissions: MANAGE },
    );
    await user.click(await screen.findByRole("button", { name: "Tetapkan dan terbitkan" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/tidak dapat diubah lagi/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Tetapkan dan terbitkan" }));
    expect(await within(dialog).findByText(/Belum dapat ditetapkan/)).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain("POST /api/standards/versions/v2/publish");
  });
});
