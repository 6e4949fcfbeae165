/**
 * One harness for every module's page tests: the module's real routes (staff and public), real
 * providers (Mantine, TanStack Query, i18next with the shell's strings and the module's namespace)
 * and a fake session, with `fetch` answered by a table of handlers. Module web code may not import
 * the shell (src/web), so the shell's strings are read from disk. Only tests import this file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import i18next, { type Resource } from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";
import { configureApi, setCsrfToken } from "../api";
import type { WebModule } from "../module";
import { type Session, SessionContext } from "../session";
import { cssVariablesResolver, theme } from "../theme";
import type { Me, Unit } from "../types";

export interface MockResponse {
  status?: number;
  body?: unknown;
}
export type Handler = (req: { method: string; url: URL; body: unknown }) => MockResponse;
export interface Call {
  method: string;
  path: string;
  url: URL;
  body: unknown;
  headers: Headers;
  init: RequestInit | undefined;
}
export interface RenderOptions {
  permissions: string[];
  unit?: Unit | null;
}

export const bekasi: Unit = {
  id: "bekasi",
  code: "KPKNL-BEKASI",
  name: "KPKNL Bekasi",
  kind: "kantor",
  parentId: "jabar",
  path: "/jabar/bekasi/",
  depth: 1,
  zone: "WIB",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

// The shell's strings (ui.*), read from disk: the shell itself is not importable from a module.
const shellStrings = (lang: "id" | "en") =>
  JSON.parse(readFileSync(join(process.cwd(), "src/web/i18n", `${lang}.json`), "utf8")) as Record<
    string,
    unknown
  >;

export interface ModuleHarnessOptions {
  module: WebModule;
  /** The module's i18n namespace (its web module `name`). */
  namespace: string;
  strings: { id: unknown; en: unknown };
  /** A short tag used in the fake CSRF token and request ids. */
  tag: string;
  /** The signed-in user's e-mail (default pegawai@zona.test). */
  email?: string;
}

export function createModuleHarness(o: ModuleHarnessOptions) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: {
      id: { translation: shellStrings("id"), [o.namespace]: o.strings.id },
      en: { translation: shellStrings("en"), [o.namespace]: o.strings.en },
    } as Resource,
    lng: "id",
    fallbackLng: "id",
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  const csrf = `csrf-${o.tag}`;

  function envelope(
    code: string,
    message: string,
    params: Record<string, unknown> = {},
    issues: unknown[] = [],
  ) {
    return { error: { code, message, params, issues, requestId: `req-${o.tag}` } };
  }

  function meWith(permissions: string[]): Me {
    return {
      user: {
        id: "u1",
        email: o.email ?? "pegawai@zona.test",
        name: "Rina Wulandari",
        nip: null,
        phone: null,
        totpEnabled: false,
      },
      assignments: [],
      permissions,
      csrfToken: csrf,
      demo: false,
    };
  }

  function renderPage(path: string, routes: Record<string, Handler | MockResponse>, opts: RenderOptions) {
    setCsrfToken(csrf);
    const calls: Call[] = [];
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), "http://localhost");
      const method = (init?.method ?? "GET").toUpperCase();
      const body =
        typeof init?.body === "string"
          ? JSON.parse(init.body)
          : init?.body instanceof FormData
            ? init.body
            : undefined;
      calls.push({ method, path: url.pathname, url, body, headers: new Headers(init?.headers), init });
      const route = routes[`${method} ${url.pathname}`];
      const res: MockResponse = route
        ? typeof route === "function"
          ? route({ method, url, body })
          : route
        : { status: 404, body: envelope("NOT_FOUND", "Tidak ditemukan") };
      const status = res.status ?? 200;
      return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
        status,
        headers: { "content-type": "application/json" },
      });
    });
    configureApi({ fetch: fetchMock as unknown as typeof fetch, getLanguage: () => "id" });
    vi.stubGlobal("fetch", fetchMock);

    const me = meWith(opts.permissions);
    const unit = opts.unit === undefined ? bekasi : opts.unit;
    const session: Session = {
      me,
      units: unit ? [unit] : [],
      currentUnit: unit,
      setCurrentUnitId: () => {},
      can: (p) => !p || me.permissions.includes(p),
      logout: async () => {},
      logoutAll: async () => {},
    };
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
    });
    const router = createMemoryRouter([...o.module.routes, ...(o.module.publicRoutes ?? [])], {
      initialEntries: [path],
    });
    const utils = render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          forceColorScheme="light"
          env="test"
        >
          <Notifications />
          <QueryClientProvider client={queryClient}>
            <SessionContext.Provider value={session}>
              <RouterProvider router={router} />
            </SessionContext.Provider>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>,
    );
    return { ...utils, calls, fetchMock, router, queryClient };
  }

  return { render: renderPage, envelope, meWith, bekasi, i18n };
}
