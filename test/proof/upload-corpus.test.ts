/**
 * Issue 8, part 4b — the hostile upload corpus. Every bad file (test/proof/abuse/corpus.ts: at least
 * 20, generated from bytes) is posted to the staff evidence upload (POST /api/files) and to each
 * public upload endpoint (complaint tracking attachments, whistle-blowing follow-up attachments; the
 * service-request public upload when that module declares one). Each must be refused with a 4xx in
 * the error envelope; no file row or attachment row appears; the file store and the temp directory
 * the uploads are spooled in are unchanged, and nothing is written anywhere else under the scratch
 * root. Valid evidence under hostile names is accepted, stored inside the file store only, and
 * downloaded back with a Content-Disposition that carries no path, no CR/LF and no quote.
 *
 * Runs on in-memory SQLite (no DATABASE_URL needed). The app's UPLOAD_MAX_BYTES is set to 256 KB so
 * the oversize case is small; the temp dir (os.tmpdir(), read by the file service when the app is
 * built) is pointed at a scratch folder for the snapshot.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeFilename } from "../../src/kernel/files/names";
import { buildTestApp, type Session, type TestApp } from "../../src/kernel/testing";
import { solveChallenge } from "../../src/modules/integrity-reports/server/secrets";
import { MAX_ATTACHMENT_BYTES as WBS_MAX_BYTES } from "../../src/modules/integrity-reports/server/wbs.service";
import { badFiles, CORPUS_UPLOAD_MAX_BYTES, type CorpusFile, goodFilesHostileNames } from "./abuse/corpus";
import { envelopeOf, multipart, sentName, snapshot } from "./abuse/helpers";

const BAD = badFiles();

interface Refusal {
  file: string;
  status: number;
  code: string | undefined;
}

describe("the hostile upload corpus", () => {
  let t: TestApp;
  let root: string;
  let filesDir: string;
  let spoolDir: string;
  /** The spool dir right after start-up (buildTestApp makes one empty folder there). */
  let spoolBaseline: string[];
  let head: Session;
  let unitId: string;
  let complaint: { code: string; secret: string };
  let wbs: { code: string; secret: string };
  let ip = 0;
  const nextIp = () => `10.66.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const savedTmp = { TMPDIR: process.env.TMPDIR, POW: process.env.WBS_POW_BITS };

  const count = async (table: string) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = async () => ({
    files: await count("files"),
    cmp: await count("cmp_attachments"),
    wbs: await count("wbs_attachments"),
    sr: await count("sr_uploads"),
  });

  const staffUpload = (f: CorpusFile) =>
    head.request({
      method: "POST",
      url: "/api/files",
      ...multipart([
        { name: "unitId", value: unitId },
        { name: "file", filename: f.name, data: f.bytes },
      ]),
    });
  const complaintUpload = (f: CorpusFile) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/complaints/track/attachments",
      remoteAddress: nextIp(),
      ...multipart([
        { name: "code", value: complaint.code },
        { name: "secret", value: complaint.secret },
        { name: "file", filename: f.name, data: f.bytes },
      ]),
    });
  const requestUpload = (f: CorpusFile) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/requests/uploads",
      remoteAddress: nextIp(),
      ...multipart([
        { name: "unitCode", value: "KPKNL-BEKASI" },
        { name: "file", filename: f.name, data: f.bytes },
      ]),
    });
  const pow = async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/public/wbs/challenge",
      remoteAddress: nextIp(),
    });
    const { challenge } = res.json();
    return { challenge, nonce: solveChallenge(challenge) };
  };
  const wbsUpload = async (f: CorpusFile) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/wbs/follow/attachments",
      remoteAddress: nextIp(),
      payload: {
        pow: await pow(),
        code: wbs.code,
        secret: wbs.secret,
        // the channel's own limit on names is 160 characters (longer: refused by the schema, also a 4xx)
        filename: f.name,
        contentBase64: f.bytes.toString("base64"),
      },
    });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "zona-proof-upload-"));
    filesDir = join(root, "files");
    spoolDir = join(root, "tmp");
    mkdirSync(spoolDir);
    // The file service spools uploads in os.tmpdir(), read when the app is built.
    process.env.TMPDIR = spoolDir;
    process.env.WBS_POW_BITS = "8";
    t = await buildTestApp({
      env: { FILES_DIR: filesDir, UPLOAD_MAX_BYTES: String(CORPUS_UPLOAD_MAX_BYTES) },
    });
    head = await t.login("kepala.bekasi@zona.demo");
    unitId = t.units["KPKNL-BEKASI"]!;

    const c = await t.app.inject({
      method: "POST",
      url: "/api/public/complaints",
      remoteAddress: nextIp(),
      payload: {
        unitCode: "KPKNL-BEKASI",
        category: "pengaduan",
        service: "Lelang",
        description: "Uang jaminan lelang belum kembali setelah dua minggu.",
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    complaint = c.json();

    const w = await t.app.inject({
      method: "POST",
      url: "/api/public/wbs/units/KPKNL-BEKASI/reports",
      remoteAddress: nextIp(),
      payload: {
        pow: await pow(),
        category: "pungli",
        subject: "Petugas loket",
        description: "Diminta uang tambahan untuk mempercepat salinan risalah lelang.",
      },
    });
    expect(w.statusCode, w.body).toBe(201);
    wbs = w.json();
    spoolBaseline = snapshot(spoolDir);
  });

  afterAll(async () => {
    await t?.close();
    if (savedTmp.TMPDIR === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp.TMPDIR;
    if (savedTmp.POW === undefined) delete process.env.WBS_POW_BITS;
    else process.env.WBS_POW_BITS = savedTmp.POW;
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("has at least 20 distinct bad files, each generated in code", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BAD.map((f) => f.id)).size).toBe(BAD.length);
  });

  const endpoints: Array<{
    name: string;
    send: (f: CorpusFile) => Promise<LightMyRequestResponse>;
    /** The channel has its own size limit (tested on its own below), not UPLOAD_MAX_BYTES. */
    ownSizeLimit?: boolean;
  }> = [
    { name: "staff POST /api/files", send: (f) => staffUpload(f) },
    { name: "public POST /api/public/complaints/track/attachments", send: (f) => complaintUpload(f) },
    { name: "public POST /api/public/wbs/follow/attachments", send: (f) => wbsUpload(f), ownSizeLimit: true },
    { name: "public POST /api/public/requests/uploads (ALASCA)", send: (f) => requestUpload(f) },
  ];

  it.each(endpoints)(
    "$name refuses every bad file with a 4xx envelope and writes nothing",
    async ({ name, send, ownSizeLimit }) => {
      const before = { tree: snapshot(root), rows: await rows() };
      const refusals: Refusal[] = [];
      const accepted: string[] = [];
      for (const f of BAD.filter((b) => !(ownSizeLimit && b.oversize))) {
        const res = await send(f);
        const env = envelopeOf(res.body);
        refusals.push({ file: f.id, status: res.statusCode, code: env?.code });
        if (res.statusCode < 400 || res.statusCode >= 500 || !env)
          accepted.push(`${f.id}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      expect(accepted, `${name} did not refuse`).toEqual([]);
      // Refused for the right reason: sizes as 413, the rest never as a size or a server problem.
      for (const r of refusals) {
        const f = BAD.find((b) => b.id === r.file)!;
        if (f.oversize) expect(r.status, f.id).toBe(413);
        expect(r.code, f.id).not.toMatch(/RATE_LIMITED|INTERNAL/);
      }
      expect(await rows()).toEqual(before.rows);
      expect(snapshot(root)).toEqual(before.tree);
      expect(snapshot(spoolDir)).toEqual(spoolBaseline);
      console.log(
        `upload-corpus: ${name}: ${refusals.length} refused — ${refusals.map((r) => `${r.file}=${r.status}/${r.code}`).join(", ")}`,
      );
    },
  );

  it("refuses a whistle-blowing attachment over its own 5 MB limit, writing nothing", async () => {
    const before = await rows();
    const big: CorpusFile = {
      id: "wbs-oversize",
      why: "over 5 MB",
      name: "bukti.pdf",
      bytes: Buffer.concat([
        Buffer.from("%PDF-1.4\n"),
        Buffer.alloc(WBS_MAX_BYTES + 1, 0x20),
        Buffer.from("%%EOF\n"),
      ]),
    };
    const res = await wbsUpload(big);
    expect(res.statusCode).toBe(413);
    expect(envelopeOf(res.body)?.code).toBe("WBS_ATTACHMENT_TOO_LARGE");
    expect(await rows()).toEqual(before);
  });

  it("covers every public upload route the app declares (a new or renamed one fails here)", () => {
    const covered = new Set([
      "POST /api/files",
      "POST /api/public/complaints/track/attachments",
      "POST /api/public/wbs/follow/attachments",
      "POST /api/public/requests/uploads",
    ]);
    const urls = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    for (const u of covered) expect(urls).toContain(u);
    const publicUploads = t.routes
      .filter((r) => r.method === "POST" && r.access === "public" && /attach|upload/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicUploads.filter((u) => !covered.has(u))).toEqual([]);
  });

  it("accepts valid evidence under hostile names: stored in the file store only, downloaded under a safe name", async () => {
    const outside = snapshot(root).filter((p) => !p.startsWith("files"));
    for (const f of goodFilesHostileNames()) {
      const res = await staffUpload(f);
      expect(res.statusCode, `${f.id}: ${res.body}`).toBe(201);
      const meta = res.json();
      expect(meta.originalName).toBe(sanitizeFilename(sentName(f.name)));
      expect(meta.originalName).not.toMatch(/[/\\\r\n\0\u202e"]/);
      expect(meta.originalName.length).toBeLessThanOrEqual(160);

      const dl = await head.request({ method: "GET", url: `/api/files/${meta.id}/download` });
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(f.bytes)).toBe(true);
      const cd = String(dl.headers["content-disposition"]);
      expect(cd).toMatch(
        /^attachment; filename="[^"\\/\r\n]*"(; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+)?$/,
      );
      expect(cd).not.toMatch(/\.\.|[\r\n\0]/);
      expect(dl.headers["x-content-type-options"]).toBe("nosniff");
      // the injected header never became a header
      expect(dl.headers["set-cookie"]).toBeUndefined();
    }
    // Blobs only under FILES_DIR/sha256/…, nothing new anywhere else under the scratch root.
    const tree = snapshot(root);
    expect(tree.filter((p) => !p.startsWith("files"))).toEqual(outside);
    expect(tree.filter((p) => p.startsWith("files/") && !p.endsWith("/"))).toSatisfy((blobs: string[]) =>
      blobs.every((b) => /^files\/sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64} \d+$/.test(b)),
    );
    expect(snapshot(spoolDir)).toEqual(spoolBaseline);
  });

  it("public channels accept valid attachments with hostile names under a safe name", async () => {
    const goods = goodFilesHostileNames();
    const crlf = goods.find((g) => g.id === "good-crlf")!;
    const res = await complaintUpload(crlf);
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json().attachments as Array<{ name: string }>).map((a) => a.name);
    expect(names).toEqual([sanitizeFilename(sentName(crlf.name))]);

    // The whistle-blowing channel takes the name in JSON: raw CR/LF, NUL and bidi controls arrive as sent.
    for (const f of goods.filter((g) =>
      ["good-crlf", "good-rtl", "good-nul", "good-etc-passwd"].includes(g.id),
    )) {
      const w = await wbsUpload(f);
      if (w.statusCode === 400) {
        // refusing the name outright (the JSON layer rejects NUL in strings) is as safe as cleaning it
        expect(w.json().error.issues, f.id).toEqual([expect.objectContaining({ path: "body.filename" })]);
        continue;
      }
      expect(w.statusCode, `${f.id}: ${w.body}`).toBe(201);
      const stored = String(w.json().filename);
      expect(stored, f.id).not.toMatch(/[/\\\r\n\0\u202e]/);
      expect(stored, f.id).toMatch(/\.(pdf|png)$/);
    }
    expect(snapshot(spoolDir)).toEqual(spoolBaseline);
  });
});
