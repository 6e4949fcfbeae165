import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { assertKey, type FileDriver, FileMissingError, type PutInfo } from "./driver";
import { sha256Hex, signV4, uriEncode } from "./sigv4";

export interface S3DriverOptions {
  /** e.g. https://s3.ap-southeast-3.amazonaws.com or http://minio:9000 (path-style addressing). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Time source for signatures (tests). */
  now?: () => Date;
  /** Timeout for HEAD and DELETE, and for the response headers of GET; PUT gets ten times as long. */
  timeoutMs?: number;
}

/**
 * An S3-compatible object store over plain fetch, signed with SigV4 (no SDK). Path-style URLs
 * (`<endpoint>/<bucket>/<key>`), which every S3-compatible server accepts. Streams are sent with
 * their length and SHA-256 when the caller knows them (the file service always does), so the
 * payload is signed too and nothing is buffered.
 */
export class S3Driver implements FileDriver {
  readonly name = "s3";
  private readonly base: string;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(private readonly opts: S3DriverOptions) {
    if (!opts.endpoint || !opts.bucket || !opts.accessKeyId || !opts.secretAccessKey) {
      throw new Error("S3 driver needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    }
    const u = new URL(opts.endpoint);
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw new Error("S3_ENDPOINT must be an http(s) URL");
    const prefix = u.pathname.replace(/\/+$/, "");
    this.base = `${u.protocol}//${u.host}${prefix}/${uriEncode(opts.bucket)}`;
    this.now = opts.now ?? (() => new Date());
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  urlFor(key: string): URL {
    assertKey(key);
    return new URL(`${this.base}/${key.split("/").map(uriEncode).join("/")}`);
  }

  private async send(
    method: string,
    key: string,
    init: {
      body?: Buffer | Readable;
      payloadHash?: string;
      headers?: Record<string, string>;
      timeoutMs?: number;
    } = {},
  ): Promise<Response> {
    const url = this.urlFor(key);
    const signed = signV4({
      method,
      url,
      headers: init.headers,
      payloadHash: init.payloadHash ?? sha256Hex(""),
      region: this.opts.region,
      credentials: { accessKeyId: this.opts.accessKeyId, secretAccessKey: this.opts.secretAccessKey },
      now: this.now(),
    });
    const body =
      init.body === undefined
        ? undefined
        : Buffer.isBuffer(init.body)
          ? init.body
          : (Readable.toWeb(init.body) as unknown as ReadableStream<Uint8Array>);
    return fetch(url, {
      method,
      headers: signed.headers,
      body,
      // a streamed request body must be sent half-duplex
      ...(body && !Buffer.isBuffer(body) ? { duplex: "half" } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? this.timeoutMs),
    } as RequestInit);
  }

  async put(key: string, data: Buffer | Readable, info: PutInfo = {}): Promise<void> {
    let body: Buffer | Readable = data;
    let size = info.size;
    let hash = info.sha256;
    if (!Buffer.isBuffer(body) && (size === undefined || hash === undefined)) body = await collect(body);
    if (Buffer.isBuffer(body)) {
      size = body.length;
      hash = sha256Hex(body);
    }
    const res = await this.send("PUT", key, {
      body,
      payloadHash: hash,
      headers: { "content-length": String(size), "content-type": "application/octet-stream" },
      timeoutMs: this.timeoutMs * 10,
    });
    if (!res.ok) throw await s3Error("PUT", key, res);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Readable> {
    const res = await this.send("GET", key);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new FileMissingError(key);
    }
    if (!res.ok || !res.body) throw await s3Error("GET", key, res);
    return Readable.fromWeb(res.body as unknown as NodeWebReadableStream<Uint8Array>);
  }

  async exists(key: string): Promise<boolean> {
    const res = await this.send("HEAD", key);
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (res.ok) return true;
    throw await s3Error("HEAD", key, res);
  }

  async delete(key: string): Promise<void> {
    const res = await this.send("DELETE", key);
    if (!res.ok && res.status !== 404) throw await s3Error("DELETE", key, res);
    await res.body?.cancel();
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

async function s3Error(method: string, key: string, res: Response): Promise<Error> {
  let detail = "";
  try {
    const text = (await res.text()).slice(0, 2000);
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    detail = [code, message].filter(Boolean).join(": ");
  } catch {
    // no readable body
  }
  return new Error(`S3 ${method} ${key} failed: HTTP ${res.status}${detail ? ` (${detail})` : ""}`);
}
