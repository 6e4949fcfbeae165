import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contentKey, FileMissingError } from "./driver";
import { S3Driver } from "./s3-driver";
import { signV4 } from "./sigv4";

/**
 * A fake S3 that really checks SigV4: it recomputes the canonical request from what arrived on the
 * wire and the signature from its own copy of the secret (an implementation independent of the
 * driver's), checks the payload hash against the body, and keeps objects in memory.
 */
const ACCESS_KEY = "ZONATESTACCESSKEY";
const SECRET = "zona/test+secret/KEY0123456789abcdefABCDEF";
const REGION = "ap-southeast-3";
const BUCKET = "zona-evidence";

const hex = (d: string | Buffer) => createHash("sha256").update(d).digest("hex");
const hmac = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  bodyLength: number;
}

function verify(
  req: IncomingMessage,
  body: Buffer,
): { ok: true } | { ok: false; status: number; code: string; message: string } {
  const deny = (code: string, message: string, status = 403) => ({
    ok: false as const,
    status,
    code,
    message,
  });
  const auth = req.headers.authorization ?? "";
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return deny("AccessDenied", "missing or malformed Authorization");
  const [, accessKey, day, region, signedHeaders, signature] = m as unknown as string[];
  if (accessKey !== ACCESS_KEY) return deny("InvalidAccessKeyId", "unknown access key");
  if (region !== REGION) return deny("AuthorizationHeaderMalformed", "wrong region");
  const date = String(req.headers["x-amz-date"] ?? "");
  if (!date.startsWith(day!)) return deny("AccessDenied", "date does not match credential scope");
  const signed = signedHeaders!.split(";");
  for (const need of ["host", "x-amz-date", "x-amz-content-sha256"]) {
    if (!signed.includes(need)) return deny("AccessDenied", `${need} not signed`);
  }
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== hex(body)) {
    return deny("XAmzContentSHA256Mismatch", "payload hash mismatch", 400);
  }
  const [path = "/", query = ""] = (req.url ?? "/").split("?");
  const canonicalQuery = query
    .split("&")
    .filter(Boolean)
    .map((kv) =>
      kv
        .split("=")
        .map((p) => enc(decodeURIComponent(p ?? "")))
        .join("="),
    )
    .sort()
    .join("&");
  const canonicalHeaders = signed
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonical = [req.method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join(
    "\n",
  );
  const toSign = ["AWS4-HMAC-SHA256", date, `${day}/${region}/s3/aws4_request`, hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, day!), region!), "s3"), "aws4_request");
  const expected = createHmac("sha256", key).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature!, "hex")))
    return deny("SignatureDoesNotMatch", "signature mismatch");
  return { ok: true };
}

function fakeS3() {
  const objects = new Map<string, Buffer>();
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      bodyLength: body.length,
    });
    const xmlError = (status: number, code: string, message: string) => {
      res.writeHead(status, { "content-type": "application/xml" });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      );
    };
    const v = verify(req, body);
    if (!v.ok) return xmlError(v.status, v.code, v.message);
    const path = (req.url ?? "").split("?")[0]!;
    const prefix = `/${BUCKET}/`;
    if (!path.startsWith(prefix)) return xmlError(404, "NoSuchBucket", "no such bucket");
    const key = decodeURIComponent(path.slice(prefix.length));
    switch (req.method) {
      case "PUT":
        if (req.headers["content-length"] !== String(body.length))
          return xmlError(400, "IncompleteBody", "length");
        objects.set(key, body);
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return res.end();
      case "GET": {
        const o = objects.get(key);
        if (!o) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, {
          "content-length": String(o.length),
          "content-type": "application/octet-stream",
        });
        return res.end(o);
      }
      case "HEAD": {
        const o = objects.get(key);
        res.writeHead(o ? 200 : 404, o ? { "content-length": String(o.length) } : {});
        return res.end();
      }
      case "DELETE":
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      default:
        return xmlError(405, "MethodNotAllowed", "method");
    }
  });
  return { server, objects, seen };
}

const read = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe("S3Driver against a SigV4-checking fake S3", () => {
  const s3 = fakeS3();
  let endpoint = "";
  const driver = (secret = SECRET) =>
    new S3Driver({
      endpoint,
      region: REGION,
      bucket: BUCKET,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: secret,
    });

  beforeAll(async () => {
    await new Promise<void>((r) => s3.server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => s3.server.close(r));
  });
  beforeEach(() => {
    s3.objects.clear();
    s3.seen.length = 0;
  });

  it("round-trips a buffer: PUT, HEAD, GET, DELETE", async () => {
    const d = driver();
    const data = Buffer.from("%PDF-1.4 bukti");
    const key = contentKey(hex(data));
    expect(await d.exists(key)).toBe(false);
    await d.put(key, data);
    expect(s3.objects.get(key)?.equals(data)).toBe(true);
    expect(await d.exists(key)).toBe(true);
    expect((await read(await d.get(key))).equals(data)).toBe(true);
    await d.delete(key);
    expect(await d.exists(key)).toBe(false);
    expect(s3.seen.map((s) => s.method)).toEqual(["HEAD", "PUT", "HEAD", "GET", "DELETE", "HEAD"]);
    // path-style: /<bucket>/<key>
    expect(s3.seen[1]!.url).toBe(`/${BUCKET}/${key}`);
  });

  it("streams a body of known size and hash, signing the payload hash", async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(16 * 1024, i));
    const all = Buffer.concat(chunks);
    const key = contentKey(hex(all));
    await driver().put(key, Readable.from(chunks), { size: all.length, sha256: hex(all) });
    expect(s3.objects.get(key)?.equals(all)).toBe(true);
    const put = s3.seen.find((s) => s.method === "PUT")!;
    expect(put.headers["x-amz-content-sha256"]).toBe(hex(all));
    expect(put.headers["content-length"]).toBe(String(all.length));
    expect(put.headers["transfer-encoding"]).toBeUndefined();
  });

  it("buffers a stream of unknown size before sending it", async () => {
    const data = Buffer.from("tanpa ukuran");
    await driver().put("misc/unknown", Readable.from([data]));
    expect(s3.objects.get("misc/unknown")?.toString()).toBe("tanpa ukuran");
  });

  it("is refused by the server when the secret is wrong", async () => {
    await expect(driver("not-the-secret").put("misc/x", Buffer.from("x"))).rejects.toThrow(
      /HTTP 403 \(SignatureDoesNotMatch/,
    );
    await expect(driver("not-the-secret").exists("misc/x")).rejects.toThrow(/HTTP 403/);
    expect(s3.objects.size).toBe(0);
  });

  it("is refused when the declared payload hash does not match the body", async () => {
    const data = Buffer.from("isi asli");
    await expect(
      driver().put("misc/y", Readable.from([data]), { size: data.length, sha256: hex("lain") }),
    ).rejects.toThrow(/HTTP 400 \(XAmzContentSHA256Mismatch/);
  });

  it("reports a missing object", async () => {
    await expect(driver().get("misc/none")).rejects.toBeInstanceOf(FileMissingError);
  });

  it("encodes keys and keeps an endpoint path prefix", () => {
    const d = new S3Driver({
      endpoint: "https://s3.example.go.id/storage/",
      region: REGION,
      bucket: "b",
      accessKeyId: "a",
      secretAccessKey: "s",
    });
    expect(d.urlFor("sha256/ab/cd/x_y-z.1").href).toBe(
      "https://s3.example.go.id/storage/b/sha256/ab/cd/x_y-z.1",
    );
    expect(() => d.urlFor("../x")).toThrow();
  });

  it("needs its configuration", () => {
    expect(
      () => new S3Driver({ endpoint: "", region: REGION, bucket: "", accessKeyId: "", secretAccessKey: "" }),
    ).toThrow(/S3_ENDPOINT/);
  });
});

describe("signV4 against AWS's published examples", () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
  const credentials = {
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  };
  const now = new Date("2013-05-24T00:00:00Z");
  const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  it("GET Object", () => {
    const s = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: empty,
      region: "us-east-1",
      credentials,
      now,
    });
    expect(s.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    expect(s.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("GET Bucket lifecycle (query without a value)", () => {
    const s = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/?lifecycle"),
      payloadHash: empty,
      region: "us-east-1",
      credentials,
      now,
    });
    expect(s.signature).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("GET Bucket (sorted query)", () => {
    const s = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
      payloadHash: empty,
      region: "us-east-1",
      credentials,
      now,
    });
    expect(s.signature).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });
});
