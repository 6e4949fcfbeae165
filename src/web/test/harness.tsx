/**
 * Render the real app (routes from the real module list, real providers) at a path, with `fetch`
 * answered by a table of handlers. No network; every test builds its own data.
 */
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";
import { type ApiError, configureApi, setCsrfToken } from "../../ui/api";
import type { Me, Meta, Unit } from "../../ui/types";
import { AppProviders, createQueryClient } from "../App";
import { initI18n, setLanguage } from "../i18n";
import { webModules } from "../modules";
import { createRoutes } from "../router";
import { loginPath } from "../session/paths";

export interface MockResponse {
  status?: number;
  body?: unknown;
}
export type Handler = (req: { method: string; url: URL; body: unknown; headers: Headers }) => MockResponse;

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

/** `{ "GET /api/me": handler | response }`; unmatched requests answer 404 NOT_FOUND. */
export function mockFetch(routes: Record<string, Handler | MockResponse>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body, headers });
    const route = routes[`${method} ${url.pathname}`];
    const res: MockResponse = route
      ? typeof route === "function"
        ? route({ method, url, body, headers })
        : route
      : { status: 404, body: envelope("NOT_FOUND", "Tidak ditemukan") };
    const status = res.status ?? 200;
    return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return { fetchMock, calls };
}

export function envelope(
  code: string,
  message: string,
  params: Record<string, unknown> = {},
  requestId = "req-123",
) {
  return { error: { code, message, params, issues: [], requestId } };
}

export function unit(partial: Partial<Unit> & { id: string; name: string }): Unit {
  return {
    code: partial.id.toUpperCase(),
    kind: "kantor",
    parentId: null,
    path: `/${partial.id}/`,
    depth: 0,
    zone: "WIB",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...partial,
  };
}

export function me(permissions: string[], partial: Partial<Me> = {}): Me {
  return {
    user: {
      id: "u1",
      email: "kepala@zona.test",
      name: "Siti Rahma",
      nip: null,
      phone: null,
      totpEnabled: false,
    },
    assignments: [
      {
        id: "a1",
        roleKey: "head",
        roleName: { id: "Pimpinan (Kepala Kantor)", en: "Head of office" },
        unitId: "bekasi",
        unitCode: "KPKNL-BEKASI",
        unitName: "KPKNL Bekasi",
      },
    ],
    permissions,
    csrfToken: "csrf-abc",
    demo: false,
    ...partial,
  };
}

export const meta: Meta = { name: "Zona", version: "0.1.0", demo: false };

/** Render the app at `path`; returns the router to inspect the location. */
export async function renderApp(path: string, routes: Record<string, Handler | MockResponse>) {
  initI18n("id", webModules);
  await setLanguage("id");
  setCsrfToken(null);
  const { fetchMock, calls } = mockFetch({ "GET /api/meta": { body: meta }, ...routes });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(createRoutes(webModules), { initialEntries: [path] });
  configureApi({
    fetch: fetchMock as unknown as typeof fetch,
    getLanguage: () => "id",
    onUnauthorized: (_e: ApiError) => {
      const { pathname, search } = router.state.location;
      void router.navigate(loginPath(pathname, search), {
        replace: true,
        state: { notice: "sessionExpired" },
      });
    },
  });
  const utils = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, router, calls, fetchMock, queryClient };
}
