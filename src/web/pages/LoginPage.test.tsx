// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { envelope, me, meta, renderApp, unit } from "../test/harness";

async function fillAndSubmit(email = "kepala@zona.test", password = "kata-sandi-rahasia") {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/Alamat e-mail/), email);
  await user.type(screen.getByLabelText(/^Kata sandi/), password);
  await user.click(screen.getByRole("button", { name: "Masuk" }));
  return user;
}

describe("login page", () => {
  it("asks for the missing fields in Indonesian before calling the server", async () => {
    const { calls } = await renderApp("/masuk", {});
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Masuk" }));
    expect(await screen.findByText("Isi alamat e-mail Anda.")).toBeInTheDocument();
    expect(screen.getByText("Isi kata sandi Anda.")).toBeInTheDocument();
    expect(calls.some((c) => c.path === "/api/auth/login")).toBe(false);
  });

  it("explains wrong credentials (AUTH_INVALID_CREDENTIALS, 401)", async () => {
    await renderApp("/masuk", {
      "POST /api/auth/login": {
        status: 401,
        body: envelope("AUTH_INVALID_CREDENTIALS", "E-mail atau kata sandi salah."),
      },
    });
    await fillAndSubmit();
    expect(await screen.findByText("Tidak dapat masuk")).toBeInTheDocument();
    expect(screen.getByText(/E-mail atau kata sandi salah\. Periksa kembali/)).toBeInTheDocument();
    // A failed login is not a "session ended" event: we stay on the page with no notice.
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).not.toBeInTheDocument();
  });

  it("says how many minutes a locked account must wait (AUTH_LOCKED, 423)", async () => {
    await renderApp("/masuk", {
      "POST /api/auth/login": { status: 423, body: envelope("AUTH_LOCKED", "Akun dikunci", { minutes: 15 }) },
    });
    await fillAndSubmit();
    expect(await screen.findByText(/Coba lagi dalam 15 menit/)).toBeInTheDocument();
  });

  it("says how long to wait when rate limited (RATE_LIMITED, 429)", async () => {
    await renderApp("/masuk", {
      "POST /api/auth/login": {
        status: 429,
        body: envelope("RATE_LIMITED", "Terlalu banyak", { retryAfter: 30 }),
      },
    });
    await fillAndSubmit();
    expect(await screen.findByText(/Tunggu 30 detik, lalu coba lagi/)).toBeInTheDocument();
  });

  it("shows the server's message, code and request id for other errors", async () => {
    await renderApp("/masuk", {
      "POST /api/auth/login": {
        status: 500,
        body: envelope("INTERNAL", "Terjadi kesalahan pada sistem.", {}, "req-9f2"),
      },
    });
    await fillAndSubmit();
    expect(await screen.findByText("Terjadi kesalahan pada sistem.")).toBeInTheDocument();
    expect(screen.getByText("INTERNAL")).toBeInTheDocument();
    expect(screen.getByText("req-9f2")).toBeInTheDocument();
  });

  it("asks for the TOTP code when the server requires it, then signs in", async () => {
    let attempts = 0;
    const { calls, router } = await renderApp("/masuk", {
      "POST /api/auth/login": ({ body }) => {
        attempts++;
        const b = body as { totp?: string };
        if (!b.totp) return { status: 401, body: envelope("AUTH_TOTP_REQUIRED", "Masukkan kode") };
        return { body: { user: me([]).user, csrfToken: "csrf-after-login" } };
      },
      "GET /api/me": { body: me(["org.unit.read"]) },
      "GET /api/me/units": { body: { items: [unit({ id: "bekasi", name: "KPKNL Bekasi" })] } },
    });
    const user = await fillAndSubmit();
    const totp = await screen.findByLabelText(/Kode autentikator/);
    expect(totp).toHaveFocus();
    expect(screen.getByText(/verifikasi dua langkah/)).toBeInTheDocument();
    await user.type(totp, "123456");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(attempts).toBe(2);
    expect(
      calls.find((c) => c.path === "/api/auth/login" && (c.body as { totp?: string }).totp)?.body,
    ).toEqual({
      email: "kepala@zona.test",
      password: "kata-sandi-rahasia",
      totp: "123456",
    });
    expect(await screen.findByRole("heading", { level: 1, name: /Siti Rahma/ })).toBeInTheDocument();
  });

  it("returns to the page the person came from after signing in", async () => {
    const { router } = await renderApp("/masuk?next=%2Fakun", {
      "POST /api/auth/login": { body: { user: me([]).user, csrfToken: "t" } },
      "GET /api/me": { body: me([]) },
      "GET /api/me/units": { body: { items: [] } },
      "GET /api/auth/tokens": { body: { items: [] } },
      "GET /api/permissions": { body: { items: [] } },
    });
    await fillAndSubmit();
    await waitFor(() => expect(router.state.location.pathname).toBe("/akun"));
  });

  it("lists demo accounts from /api/meta and fills the form in one click", async () => {
    await renderApp("/masuk", {
      "GET /api/meta": {
        body: {
          ...meta,
          demo: true,
          demoAccounts: [
            {
              email: "kepala.bekasi@zona.demo",
              password: "Demo-Zona-2026",
              roleKey: "head",
              roleName: { id: "Pimpinan (Kepala Kantor)", en: "Head of office" },
              unitName: "KPKNL Bekasi",
            },
          ],
        },
      },
    });
    expect(await screen.findByText("Data demo — bukan data resmi")).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Akun demo" })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(
      screen.getByRole("button", { name: /Gunakan akun Pimpinan \(Kepala Kantor\) — KPKNL Bekasi/ }),
    );
    expect(screen.getByLabelText(/Alamat e-mail/)).toHaveValue("kepala.bekasi@zona.demo");
    expect(screen.getByLabelText(/^Kata sandi/)).toHaveValue("Demo-Zona-2026");
  });
});

describe("session", () => {
  it("sends a visitor without a session to the login page, remembering the page", async () => {
    const { router } = await renderApp("/admin/audit", {
      "GET /api/me": { status: 401, body: envelope("UNAUTHENTICATED", "Silakan masuk terlebih dahulu.") },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/masuk"));
    expect(router.state.location.search).toBe("?next=%2Fadmin%2Faudit");
    expect(await screen.findByRole("heading", { name: "Masuk ke Zona" })).toBeInTheDocument();
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).not.toBeInTheDocument();
  });

  it("goes back to login with a notice when a request of a live session gets 401", async () => {
    let expired = false;
    const { router } = await renderApp("/", {
      "GET /api/me": () =>
        expired
          ? { status: 401, body: envelope("SESSION_EXPIRED", "Sesi berakhir") }
          : { body: me(["audit.read"]) },
      "GET /api/me/units": { body: { items: [unit({ id: "bekasi", name: "KPKNL Bekasi" })] } },
      "GET /api/audit": () =>
        expired
          ? { status: 401, body: envelope("SESSION_EXPIRED", "Sesi berakhir") }
          : { body: { items: [], nextBeforeSeq: null } },
    });
    expect(await screen.findByRole("heading", { level: 1, name: /Siti Rahma/ })).toBeInTheDocument();
    expired = true;
    await userEvent.setup().click(screen.getAllByRole("link", { name: /Jejak audit/ })[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe("/masuk"));
    expect(
      await screen.findByText("Sesi Anda telah berakhir. Silakan masuk kembali untuk melanjutkan."),
    ).toBeInTheDocument();
  });
});
