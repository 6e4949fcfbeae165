// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, renderApp, unit } from "../test/harness";

const units = [
  unit({ id: "jabar", name: "Kanwil DJKN Jawa Barat", kind: "kanwil", depth: 0 }),
  unit({ id: "bekasi", name: "KPKNL Bekasi", parentId: "jabar", path: "/jabar/bekasi/", depth: 1 }),
  unit({ id: "bandung", name: "KPKNL Bandung", parentId: "jabar", path: "/jabar/bandung/", depth: 1 }),
];

function api(permissions: string[], extra: Record<string, unknown> = {}) {
  return {
    "GET /api/me": { body: me(permissions, extra) },
    "GET /api/me/units": { body: { items: units } },
    "GET /api/audit": { body: { items: [], nextBeforeSeq: null } },
  };
}

describe("app shell", () => {
  it("builds the navbar from the user's permissions", async () => {
    await renderApp("/", api(["org.unit.read", "audit.read"]));
    const nav = await screen.findByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).getByRole("link", { name: "Beranda" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByText("Administrasi")).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Unit kerja" })).toHaveAttribute("href", "/admin/units");
    expect(within(nav).getByRole("link", { name: "Jejak audit" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Pengguna dan peran" })).not.toBeInTheDocument();
  });

  it("hides the administration group from an employee", async () => {
    await renderApp("/", api(["files.read"]));
    const nav = await screen.findByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).queryByText("Administrasi")).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Akun saya" })).toBeInTheDocument();
    // No audit.read: the home page does not ask for recent activity.
    expect(screen.queryByRole("heading", { name: "Aktivitas terbaru" })).not.toBeInTheDocument();
    expect(await screen.findByText("Belum ada modul untuk peran Anda")).toBeInTheDocument();
  });

  it("shows a page the user may not open as 'no access', not as an error", async () => {
    await renderApp("/admin/users", api(["org.unit.read"]));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Anda tidak memiliki akses ke halaman ini" }),
    ).toBeInTheDocument();
  });

  it("has landmarks, a skip link and a labelled unit switcher with the user's units", async () => {
    await renderApp("/", api([]));
    expect(await screen.findByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("link", { name: "Langsung ke konten utama" })).toHaveAttribute("href", "#main");
    const switchers = await screen.findAllByRole("combobox", { name: "Unit kerja" });
    expect(switchers[0]).toHaveValue("KPKNL Bekasi");
  });

  it("remembers the chosen work unit", async () => {
    await renderApp("/", api([]));
    const user = userEvent.setup();
    const [switcher] = await screen.findAllByRole("combobox", { name: "Unit kerja" });
    await user.click(switcher!);
    await user.click(await screen.findByRole("option", { name: "KPKNL Bandung" }));
    await waitFor(() => expect(localStorage.getItem("zona_unit")).toBe("bandung"));
    expect(screen.getAllByRole("combobox", { name: "Unit kerja" })[0]).toHaveValue("KPKNL Bandung");
  });

  it("shows the demo banner when /api/me says demo", async () => {
    await renderApp("/", api([], { demo: true }));
    expect(await screen.findByText("Data demo — bukan data resmi")).toBeInTheDocument();
  });

  it("switches the language to English and remembers it", async () => {
    await renderApp("/", api([]));
    const user = userEvent.setup();
    const group = await screen.findByRole("group", { name: "Bahasa" });
    await user.click(within(group).getByRole("button", { name: /EN/ }));
    expect(await screen.findByRole("navigation", { name: "Main navigation" })).toBeInTheDocument();
    expect(localStorage.getItem("zona_lang")).toBe("en");
    expect(document.cookie).toContain("zona_lang=en");
    expect(document.documentElement.lang).toBe("en");
    expect(
      within(screen.getByRole("group", { name: "Language" })).getByRole("button", { name: /EN/ }),
    ).toHaveAttribute("aria-pressed", "true");
  });

  it("signs out through the user menu", async () => {
    const { router, calls } = await renderApp("/", { ...api([]), "POST /api/auth/logout": { status: 204 } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Menu pengguna: Siti Rahma" }));
    await user.click(await screen.findByRole("menuitem", { name: "Keluar" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/masuk"));
    const logout = calls.find((c) => c.path === "/api/auth/logout");
    expect(logout?.headers.get("x-csrf-token")).toBe("csrf-abc");
    expect(await screen.findByText("Anda telah keluar.")).toBeInTheDocument();
  });
});
