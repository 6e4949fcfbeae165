/**
 * The browser's JSON client for Zona's API. Every call sends the current UI language
 * (Accept-Language, so the server localises error messages), the session cookie (same-origin) and,
 * on writes, the CSRF token from the last `/api/me` or login response (kept in memory only).
 *
 * Errors arrive as one envelope, `{ error: { code, message, params, issues, requestId } }`, and are
 * thrown as `ApiError`. Failures that never reached the server (offline, proxy pages) are thrown as
 * `ApiError` too, with a client-side code (`NETWORK_ERROR`, `HTTP_502`, …) and no server message.
 */

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: string;
  message?: string;
  params?: Record<string, unknown>;
  issues?: ApiIssue[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly issues: ApiIssue[];
  readonly requestId: string | undefined;
  /** True when `message` came from the server (already localised), false for client-side failures. */
  readonly fromServer: boolean;

  constructor(status: number, body: ApiErrorBody, fromServer = true) {
    super(body.message || body.code);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.params = body.params ?? {};
    this.issues = body.issues ?? [];
    this.requestId = body.requestId;
    this.fromServer = fromServer && Boolean(body.message);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Map of field path → first message, for showing server validation issues next to form fields. */
export function issuesByPath(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e)) return out;
  for (const issue of e.issues) {
    const key = issue.path.replace(/^(body|query|params)\./, "");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

interface ApiConfig {
  baseUrl: string;
  /** The current UI language, sent as Accept-Language. */
  getLanguage: () => string;
  /** Called when a request made with a session answers 401: the shell sends the user to login. */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

const config: ApiConfig = { baseUrl: "", getLanguage: () => "id" };
let csrfToken: string | null = null;

export function configureApi(partial: Partial<ApiConfig>): void {
  Object.assign(config, partial);
}

/** Remember the CSRF token of the current session (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Login and password-reset calls answer 401 by design; they never mean "your session ended". */
const SESSIONLESS = /^\/api\/auth\/(login|password-reset)/;

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  let url = config.baseUrl + path;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === "") continue;
      qs.append(k, String(v));
    }
    const s = qs.toString();
    if (s) url += (url.includes("?") ? "&" : "?") + s;
  }
  return url;
}

export async function apiRequest<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": config.getLanguage(),
    ...opts.headers,
  };
  const hasBody = opts.body !== undefined;
  if (hasBody) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === "AbortError") throw e;
    throw new ApiError(0, { code: "NETWORK_ERROR" }, false);
  }

  const payload = await readJson(res);
  if (!res.ok) {
    const envelope = (payload as { error?: ApiErrorBody } | undefined)?.error;
    const error =
      envelope && typeof envelope.code === "string"
        ? new ApiError(res.status, envelope)
        : new ApiError(res.status, { code: `HTTP_${res.status}` }, false);
    // AUTH_* codes answer a credential check (wrong TOTP code, wrong current password): the session lives on.
    if (res.status === 401 && csrfToken && !SESSIONLESS.test(path) && !error.code.startsWith("AUTH_")) {
      csrfToken = null;
      config.onUnauthorized?.(error);
    }
    throw error;
  }
  // Login and /api/me hand out the session's CSRF token: remember it for later writes.
  const token = (payload as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === "string" && token) csrfToken = token;
  return payload as T;
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, "body">) => apiRequest<T>("GET", path, opts),
  post: <T = void>(path: string, body?: unknown, opts?: RequestOptions) =>
    apiRequest<T>("POST", path, { ...opts, body: body ?? opts?.body }),
  put: <T = void>(path: string, body?: unknown, opts?: RequestOptions) =>
    apiRequest<T>("PUT", path, { ...opts, body }),
  patch: <T = void>(path: string, body?: unknown, opts?: RequestOptions) =>
    apiRequest<T>("PATCH", path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => apiRequest<T>("DELETE", path, opts),
};
