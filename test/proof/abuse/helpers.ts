/**
 * Helpers of the abuse proofs (issue 8, part 4): a file-tree snapshot to prove nothing was written
 * outside the file store, a multipart body that can carry any file name (RFC 5987 `filename*` for
 * names a quoted string cannot hold), and the error-envelope check every refusal must pass.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every path under `root` (files and directories) with its size, sorted; "" for a missing root. */
export function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      out.push(`${relative(root, p)}${st.isDirectory() ? "/" : ` ${st.size}`}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out.sort();
}

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; type?: string; data: Buffer };

/**
 * multipart/form-data with the parts in order. The file name goes in `filename="…"` as raw UTF-8
 * (bidi controls, NUL and non-ASCII byte for byte), `"` and `\\` backslash-escaped; CR and LF, which
 * cannot stand raw in a header line, are percent-encoded as browsers do (`%0D%0A`). Names with raw
 * CR/LF reach the app through the JSON upload of the whistle-blowing channel instead.
 */
/** The name as the multipart body carries it (CR and LF percent-encoded, as browsers send them). */
export const sentName = (name: string) => name.replace(/\r/g, "%0D").replace(/\n/g, "%0A");

export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----proof${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
      continue;
    }
    const fn = `filename="${sentName(p.filename).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    chunks.push(
      Buffer.from(
        `Content-Disposition: form-data; name="${p.name}"; ${fn}\r\nContent-Type: ${p.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      p.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The error envelope: `{ error: { code, message } }` with a non-empty code and message. */
export function envelopeOf(body: string): { code: string; message: string } | null {
  try {
    const e = JSON.parse(body)?.error;
    return e && typeof e.code === "string" && e.code && typeof e.message === "string" && e.message
      ? { code: e.code, message: e.message }
      : null;
  } catch {
    return null;
  }
}

export interface NodeAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** One request to a node's base URL with extra headers (X-Forwarded-For); JSON in, JSON out. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  opts: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<NodeAnswer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  });
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}
