/**
 * The whistle-blowing page's own HTTP client: no cookie (credentials "omit"), no referrer, no CSRF
 * header, so nothing ties a report to a browser session. Every write and lookup carries a fresh
 * proof of work solved here with Web Crypto.
 */
import { ApiError, type ApiErrorBody } from "../../../ui/api";
import type { Challenge, PowToken, WbsChannel, WbsFollowView, WbsReceipt, WbsSubmitInput } from "../contract";

async function request<T>(method: "GET" | "POST", path: string, lang: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await globalThis.fetch(path, {
      method,
      headers: {
        Accept: "application/json",
        "Accept-Language": lang,
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, { code: "NETWORK_ERROR" }, false);
  }
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  if (!res.ok) {
    const env = (payload as { error?: ApiErrorBody } | undefined)?.error;
    throw env?.code
      ? new ApiError(res.status, env)
      : new ApiError(res.status, { code: `HTTP_${res.status}` }, false);
  }
  return payload as T;
}

function leadingZeroBits(d: Uint8Array): number {
  let n = 0;
  for (const b of d) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/** Find a nonce: sha256(challenge + ":" + nonce) with `bits` leading zero bits (batches of 256). */
export async function solve(challenge: string, bits: number): Promise<string> {
  const enc = new TextEncoder();
  for (let base = 0; ; base += 256) {
    const batch = await Promise.all(
      Array.from({ length: 256 }, async (_, i) => {
        const nonce = (base + i).toString(36);
        const d = new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(`${challenge}:${nonce}`)));
        return leadingZeroBits(d) >= bits ? nonce : null;
      }),
    );
    const found = batch.find((x) => x !== null);
    if (found) return found;
  }
}

export async function proof(lang: string): Promise<PowToken> {
  const c = await request<Challenge>("GET", "/api/public/wbs/challenge", lang);
  return { challenge: c.challenge, nonce: await solve(c.challenge, c.bits) };
}

const enc = encodeURIComponent;

export const wbsPublic = {
  channel: (unitCode: string, lang: string) =>
    request<WbsChannel>("GET", `/api/public/wbs/units/${enc(unitCode)}`, lang),
  submit: async (unitCode: string, input: Omit<WbsSubmitInput, "pow">, lang: string) =>
    request<WbsReceipt>("POST", `/api/public/wbs/units/${enc(unitCode)}/reports`, lang, {
      pow: await proof(lang),
      ...input,
    }),
  follow: async (code: string, secret: string, lang: string) =>
    request<WbsFollowView>("POST", "/api/public/wbs/follow", lang, { pow: await proof(lang), code, secret }),
  message: async (code: string, secret: string, body: string, lang: string) =>
    request<WbsFollowView>("POST", "/api/public/wbs/follow/messages", lang, {
      pow: await proof(lang),
      code,
      secret,
      body,
    }),
  attach: async (code: string, secret: string, file: File, lang: string) => {
    const buf = new Uint8Array(await file.arrayBuffer());
    let bin = "";
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return request<{ id: string; filename: string; metadata: "stripped" | "clean" | "warn" }>(
      "POST",
      "/api/public/wbs/follow/attachments",
      lang,
      { pow: await proof(lang), code, secret, filename: file.name, contentBase64: btoa(bin) },
    );
  },
};
