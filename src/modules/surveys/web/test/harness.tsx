/**
 * A harness for the module's pages: the real routes of `ziModule`, real providers (Mantine, TanStack
 * Query, i18next with the shell's `ui` strings and the module's namespace) and a fake session, with
 * `fetch` answered by a table of handlers. Module web code may not import the shell, so this stands
 * in for src/web/test/harness.tsx.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import i18next from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";
import { configureApi, setCsrfToken } from "../../../../ui/api";
import { type Session, SessionContext } from "../../../../ui/session";
import { cssVariablesResolver, theme } from "../../../../ui/theme";
import type { Me, Unit } from "../../../../ui/types";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";
import { surveysWebModule } from "../routes";

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
}

export function envelope(
  code: string,
  message: string,
  params: Record<string, unknown> = {},
  issues: unknown[] = [],
) {
  return { error: { code, message, params, issues, requestId: "req-svy" } };
}

// The shell's strings (ui.*), read from disk: the shell itself is not importable from a module.
const shellStrings = (lang: "id" | "en") =>
  JSON.parse(readFileSync(join(process.cwd(), "src/web/i18n", `${lang}.json`), "utf8")) as Record<
    string,
    unknown
  >;

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    id: { translation: shellStrings("id"), surveys: id },
    en: { translation: shellStrings("en"), surveys: en },
  },
  lng: "id",
  fallbackLng: "id",
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});

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

export function meWith(permissions: string[]): Me {
  return {
    user: {
      id: "u1",
      email: "zi@zona.test",
      name: "Rina Wulandari",
      nip: null,
      phone: null,
      totpEnabled: false,
    },
    assignments: [],
    permissions,
    csrfToken: "csrf-svy",
    demo: false,
  };
}

export function renderSurveys(
  path: string,
  routes: Record<string, Handler | MockResponse>,
  opts: { permissions: string[]; unit?: Unit | null },
) {
  setCsrfToken("csrf-svy");
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
    calls.push({ method, path: url.pathname, url, body, headers: new Headers(init?.headers) });
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
  const router = createMemoryRouter([...surveysWebModule.routes, ...(surveysWebModule.publicRoutes ?? [])], {
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
