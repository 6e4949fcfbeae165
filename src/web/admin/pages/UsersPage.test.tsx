// @vitest-environment jsdom
import "../../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { UserItem } from "../../../ui/types";
import { envelope, me, renderApp, unit } from "../../test/harness";

const units = [
  unit({ id: "jabar", name: "Kanwil DJKN Jawa Barat", code: "KANWIL-JABAR", kind: "kanwil" }),
  unit({
    id: "bekasi",
    name: "KPKNL Bekasi",
    code: "KPKNL-BEKASI",
    parentId: "jabar",
    path: "/jabar/bekasi/",
    depth: 1,
  }),
];
const roles = [
  { key: "employee", name: { id: "Pegawai", en: "Employee" }, permissions: ["org.unit.read"], builtin: true },
  {
    key: "head",
    name: { id: "Pimpinan (Kepala Kantor)", en: "Head of office" },
    permissions: ["audit.read"],
    builtin: true,
  },
];
const existing: UserItem = {
  id: "u2",
  email: "pegawai@zona.test",
  name: "Budi Santoso",
  nip: "198001012005011001",
  phone: null,
  status: "active",
  assignments: [
    {
      id: "a9",
      roleKey: "employee",
      roleName: { id: "Pegawai", en: "Employee" },
      unitId: "bekasi",
      unitCode: "KPKNL-BEKASI",
      unitName: "KPKNL Bekasi",
    },
  ],
};

function api(permissions: string[], extra: Record<string, unknown> = {}) {
  return {
    "GET /api/me": { body: me(permissions) },
    "GET /api/me/units": { body: { items: units } },
    "GET /api/units": { body: { items: units } },
    "GET /api/users": { body: { items: [existing] } },
    "GET /api/roles": { body: { items: roles } },
    "GET /api/permissions": {
      body: { items: [{ key: "audit.read", id: "Lihat jejak audit", en: "View the audit trail" }] },
    },
    ...extra,
  };
}

describe("users and roles page", () => {
  it("lists users with their roles and status, without write buttons for readers", async () => {
    await renderApp("/admin/users", api(["identity.user.read", "org.unit.read"]));
    const table = await screen.findByRole("table", { name: "Daftar pengguna" });
    expect(within(table).getByText("Budi Santoso")).toBeInTheDocument();
    expect(within(table).getByText("Aktif")).toBeInTheDocument();
    expect(within(table).getByText("Pegawai")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tambah pengguna" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ubah data Budi Santoso" })).not.toBeInTheDocument();
  });

  it("validates a new user in Indonesian, then creates it", async () => {
    const { calls } = await renderApp(
      "/admin/users",
      api(["identity.user.read", "identity.user.write", "org.unit.read"], {
        "POST /api/users": ({ body }: { body: unknown }) => ({
          status: 201,
          body: { ...existing, ...(body as object), id: "u3" },
        }),
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah pengguna" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah pengguna" });
    await user.type(within(dialog).getByLabelText(/Alamat e-mail/), "siti@kemenkeu.go.id");
    await user.type(within(dialog).getByLabelText(/^NIP/), "12345");
    await user.click(within(dialog).getByRole("button", { name: "Tambah pengguna" }));
    expect(await within(dialog).findByText("Isi nama lengkap.")).toBeInTheDocument();
    expect(within(dialog).getByText("NIP terdiri dari 18 digit.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/users")).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Nama/), "Siti Aminah");
    await user.clear(within(dialog).getByLabelText(/^NIP/));
    await user.click(within(dialog).getByRole("button", { name: "Tambah pengguna" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === "/api/users")).toBe(true));
    const post = calls.find((c) => c.method === "POST" && c.path === "/api/users")!;
    expect(post.body).toEqual({
      email: "siti@kemenkeu.go.id",
      name: "Siti Aminah",
      nip: null,
      phone: null,
      password: null,
      roleKey: "employee",
      unitId: "bekasi",
    });
    expect(post.headers.get("x-csrf-token")).toBe("csrf-abc");
    expect(await screen.findByText("Pengguna Siti Aminah sudah ditambahkan.")).toBeInTheDocument();
  });

  it("shows the server's refusal inside the dialog", async () => {
    await renderApp(
      "/admin/users",
      api(["identity.user.read", "identity.user.write", "org.unit.read"], {
        "POST /api/users": {
          status: 409,
          body: envelope(
            "IDENTITY_EMAIL_TAKEN",
            "Alamat e-mail pegawai@zona.test sudah terdaftar.",
            {},
            "req-77",
          ),
        },
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah pengguna" }));
    const dialog = await screen.findByRole("dialog", { name: "Tambah pengguna" });
    await user.type(within(dialog).getByLabelText(/Alamat e-mail/), "pegawai@zona.test");
    await user.type(within(dialog).getByLabelText(/^Nama/), "Budi");
    await user.click(within(dialog).getByRole("button", { name: "Tambah pengguna" }));
    expect(
      await within(dialog).findByText("Alamat e-mail pegawai@zona.test sudah terdaftar."),
    ).toBeInTheDocument();
    expect(within(dialog).getByText("IDENTITY_EMAIL_TAKEN")).toBeInTheDocument();
    expect(within(dialog).getByText("req-77")).toBeInTheDocument();
  });

  it("lists roles with their permissions' labels", async () => {
    await renderApp("/admin/users", api(["identity.user.read", "org.unit.read"]));
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Peran" }));
    await user.click(await screen.findByRole("button", { name: /Pimpinan \(Kepala Kantor\)/ }));
    expect(await screen.findByText("Lihat jejak audit")).toBeInTheDocument();
  });
});
