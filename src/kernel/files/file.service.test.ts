import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuditLog, auditMigrations } from "../audit/audit";
import { fixedClock } from "../clock";
import type { Database } from "../db/database";
import { migrateUp } from "../db/migrations";
import { DomainError } from "../http/errors";
import { type Actor, systemActor } from "../identity/actor";
import { identityMigrations } from "../identity/migrations";
import { orgMigrations } from "../org/migrations";
import { OrgService } from "../org/org.service";
import type { Unit } from "../org/units";
import { testLanes } from "../testing/lanes";
import { contentKey } from "./driver";
import { createDriver, FileService, limitMb } from "./file.service";
import { LocalDriver } from "./local-driver";
import { filesMigrations } from "./migrations";
import { S3Driver } from "./s3-driver";
import * as sample from "./test-samples";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const read = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const code = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e) => (e instanceof DomainError ? e.code : `thrown: ${(e as Error).message}`),
  );

function actorAt(userId: string, unit: Unit, permissions: string[]): Actor {
  return {
    kind: "user",
    userId,
    email: `${userId}@zona.test`,
    name: userId,
    assignments: [{ id: `a-${userId}`, roleKey: "test", unitId: unit.id, unitPath: unit.path, permissions }],
  };
}

describe.each(testLanes())("FileService on $name", (lane) => {
  let database: Database;
  let org: OrgService;
  let audit: AuditLog;
  let kanwil: Unit;
  let bekasi: Unit;
  let bandung: Unit;
  const clock = fixedClock("2026-11-27T03:00:00.000Z");
  let root: string;
  let driver: LocalDriver;
  let files: FileService;
  let staff: Actor;
  let reviewer: Actor;
  let other: Actor;
  let reader: Actor;

  beforeAll(async () => {
    database = await lane.create();
    await migrateUp(
      database.db,
      [orgMigrations, auditMigrations, identityMigrations, filesMigrations],
      database.schema,
    );
    audit = new AuditLog(database.db, database.dialect, clock);
    org = new OrgService(database.db, audit, clock);
    const sys = systemActor("test");
    const root = await org.create(sys, { code: "DJKN", name: "DJKN", kind: "eselon1", parentId: null });
    kanwil = await org.create(sys, { code: "KANWIL", name: "Kanwil", kind: "kanwil", parentId: root.id });
    bekasi = await org.create(sys, {
      code: "BEKASI",
      name: "KPKNL Bekasi",
      kind: "kantor",
      parentId: kanwil.id,
    });
    bandung = await org.create(sys, {
      code: "BANDUNG",
      name: "KPKNL Bandung",
      kind: "kantor",
      parentId: kanwil.id,
    });
    const at = clock.now().toISOString();
    for (const id of ["u-staff", "u-reviewer", "u-other", "u-reader"]) {
      await database.db
        .insertInto("users")
        .values({ id, email: `${id}@zona.test`, name: id, created_at: at, updated_at: at })
        .execute();
    }
    staff = actorAt("u-staff", bekasi, ["files.upload", "files.read"]);
    reviewer = actorAt("u-reviewer", kanwil, ["files.read"]);
    other = actorAt("u-other", bandung, ["files.upload", "files.read"]);
    reader = actorAt("u-reader", bekasi, ["files.read"]);
  });
  afterAll(async () => {
    await database.close();
  });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "zona-files-svc-"));
    driver = new LocalDriver(join(root, "store"));
    files = new FileService({ db: database.db, audit, clock, driver, maxBytes: 64 * 1024, tmpDir: root });
  });
  afterEach(async () => {
    rmSync(root, { recursive: true, force: true });
    await database.db.deleteFrom("files").execute();
  });

  const upload = (
    actor: Actor,
    bytes: Buffer | Readable,
    filename: string,
    unit: Unit = bekasi,
    svc = files,
  ) =>
    svc.upload(actor, {
      unitId: unit.id,
      unitPath: unit.path,
      filename,
      stream: Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes,
    });

  const rowCount = async () =>
    Number(
      (
        await database.db
          .selectFrom("files")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("stores the bytes by hash, inserts the row and writes the audit event", async () => {
    const bytes = sample.pdf("Pakta integritas");
    const f = await upload(staff, bytes, "Pakta Integritas.pdf");
    expect(f).toMatchObject({
      unitId: bekasi.id,
      sha256: sha(bytes),
      sizeBytes: bytes.length,
      mime: "application/pdf",
      extension: "pdf",
      originalName: "Pakta Integritas.pdf",
      uploadedBy: "u-staff",
      createdAt: "2026-11-27T03:00:00.000Z",
    });
    expect(f.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await files.get(f.id)).toEqual(f);
    expect(await driver.exists(contentKey(f.sha256))).toBe(true);
    const [event] = await audit.list({ unitPaths: "all", entityId: f.id });
    expect(event).toMatchObject({
      action: "files.uploaded",
      unitId: bekasi.id,
      entityType: "file",
      entityId: f.id,
      actorId: "u-staff",
      data: { sha256: f.sha256, size: bytes.length, mime: "application/pdf" },
    });
    // the spool is cleaned up
    expect(readdirSync(root).filter((n) => n.startsWith("zona-upload-"))).toEqual([]);
  });

  it.each([
    ["a PNG", sample.png(), "foto.png", "png"],
    ["a JPEG named .jpeg", sample.jpeg(), "foto.jpeg", "jpg"],
    ["a WebP", sample.webp(), "foto.webp", "webp"],
    ["a DOCX", sample.docx(), "notulen.docx", "docx"],
    ["an XLSX", sample.xlsx(), "realisasi.xlsx", "xlsx"],
    ["a PPTX", sample.pptx(), "paparan.pptx", "pptx"],
    ["an MP4", sample.mp4(), "video.mp4", "mp4"],
  ])("accepts %s", async (_w, bytes, name, ext) => {
    expect((await upload(staff, bytes, name)).extension).toBe(ext);
  });

  it("stores the same bytes once but records two uploads", async () => {
    const bytes = sample.png();
    const a = await upload(staff, bytes, "a.png");
    const b = await upload(staff, bytes, "b.png");
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(await rowCount()).toBe(2);
    const blobs = (readdirSync(join(root, "store"), { recursive: true }) as string[]).filter((p) =>
      String(p).endsWith(a.sha256),
    );
    expect(blobs).toHaveLength(1);
  });

  it("sanitises the name and adds the sniffed extension when there is none", async () => {
    expect((await upload(staff, sample.pdf(), "../../etc/Laporan\u0000.pdf")).originalName).toBe(
      "Laporan.pdf",
    );
    expect((await upload(staff, sample.pdf(), "C:\\Users\\x\\scan")).originalName).toBe("scan.pdf");
    expect((await upload(staff, sample.jpeg(), "")).originalName).toBe("berkas.jpg");
  });

  it("checks the upload scope before reading a byte", async () => {
    let pulled = 0;
    const stream = new Readable({
      read() {
        pulled++;
        this.push(sample.pdf());
        this.push(null);
      },
    });
    expect(await code(upload(other, stream, "x.pdf", bekasi))).toBe("OUT_OF_SCOPE");
    expect(await code(upload(reader, sample.pdf(), "x.pdf", bekasi))).toBe("FORBIDDEN");
    expect(await code(upload(staff, sample.pdf(), "x.pdf", kanwil))).toBe("OUT_OF_SCOPE");
    expect(pulled).toBe(0);
    expect(await rowCount()).toBe(0);
  });

  it("refuses a unit path that is not the unit's own", async () => {
    await expect(
      files.upload(staff, {
        unitId: bekasi.id,
        unitPath: kanwil.path,
        filename: "x.pdf",
        stream: Readable.from([sample.pdf()]),
      }),
    ).rejects.toThrow(/not the path of unit/);
  });

  it.each([
    ["HTML named .pdf", sample.html(), "laporan.pdf", "FILES_EXTENSION_MISMATCH"],
    ["PNG named .pdf", sample.png(), "laporan.pdf", "FILES_EXTENSION_MISMATCH"],
    ["SVG", sample.svg(), "logo.svg", "FILES_TYPE_NOT_ALLOWED"],
    ["plain zip", sample.plainZip(), "arsip.zip", "FILES_TYPE_NOT_ALLOWED"],
    ["plain zip named .xlsx", sample.plainZip(), "data.xlsx", "FILES_EXTENSION_MISMATCH"],
    ["empty file", Buffer.alloc(0), "kosong.pdf", "FILES_EMPTY"],
  ])("refuses %s and leaves no trace", async (_w, bytes, name, expected) => {
    const events = (await audit.list({ unitPaths: "all", action: "files.uploaded", limit: 200 })).length;
    expect(await code(upload(staff, bytes, name))).toBe(expected);
    expect(await rowCount()).toBe(0);
    expect(readdirSync(root)).toEqual([]); // no store directory, no spool left behind
    expect((await audit.list({ unitPaths: "all", action: "files.uploaded", limit: 200 })).length).toBe(
      events,
    );
  });

  describe("size limit", () => {
    const small = () =>
      new FileService({ db: database.db, audit, clock, driver, maxBytes: 1024, tmpDir: root });
    const pdfOf = (size: number) => {
      const head = sample.pdf();
      return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
    };

    it("accepts exactly the limit", async () => {
      expect((await upload(staff, pdfOf(1024), "pas.pdf", bekasi, small())).sizeBytes).toBe(1024);
    });

    it("refuses one byte more, naming the limit in MB", async () => {
      const err = await upload(staff, pdfOf(1025), "besar.pdf", bekasi, small()).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.code).toBe("FILES_TOO_LARGE");
      expect(err.params).toEqual({ limitMb: limitMb(1024), limitBytes: 1024 });
      expect(await rowCount()).toBe(0);
    });

    it("stops reading an endless stream soon after the limit", async () => {
      let pulled = 0;
      const endless = new Readable({
        read() {
          pulled++;
          this.push(Buffer.alloc(100, 0x41));
        },
      });
      expect(await code(upload(staff, endless, "tanpa-akhir.pdf", bekasi, small()))).toBe("FILES_TOO_LARGE");
      // 11 chunks cross the limit; the rest is what the streams' own buffers (16 KiB each) prefetch
      expect(pulled * 100).toBeLessThan(1024 + 4 * 16 * 1024);
      expect(endless.destroyed).toBe(true);
    });

    it("does not hold a document Zona generates to a person's upload limit (type still checked)", async () => {
      const issued = await small().upload(staff, {
        unitId: bekasi.id,
        unitPath: bekasi.path,
        filename: "kutipan.pdf",
        stream: Readable.from([pdfOf(4096)]),
        generated: true,
      });
      expect(issued.sizeBytes).toBe(4096);
      const fake = small().upload(staff, {
        unitId: bekasi.id,
        unitPath: bekasi.path,
        filename: "kutipan.pdf",
        stream: Readable.from([Buffer.from("<html><script>x</script></html>")]),
        generated: true,
      });
      expect(await code(fake)).toBe("FILES_EXTENSION_MISMATCH");
    });

    it("treats a stream that its producer truncated (multipart limit) as too large", async () => {
      const s = Readable.from([sample.pdf()]) as Readable & { truncated?: boolean };
      s.truncated = true;
      expect(await code(upload(staff, s, "terpotong.pdf"))).toBe("FILES_TOO_LARGE");
    });

    it("formats the limit as a person reads it", () => {
      expect(limitMb(25 * 1024 * 1024)).toBe(25);
      expect(limitMb(1.5 * 1024 * 1024)).toBe(1.5);
    });
  });

  it("writes the row and the audit event together or not at all", async () => {
    const failingAudit = Object.create(audit) as AuditLog;
    failingAudit.record = async () => {
      throw new Error("audit unavailable");
    };
    const svc = new FileService({
      db: database.db,
      audit: failingAudit,
      clock,
      driver,
      maxBytes: 1024 * 1024,
      tmpDir: root,
    });
    await expect(upload(staff, sample.png(), "a.png", bekasi, svc)).rejects.toThrow("audit unavailable");
    expect(await rowCount()).toBe(0);
  });

  describe("reading", () => {
    it("lets the unit and its ancestors read, refuses siblings", async () => {
      const f = await upload(staff, sample.docx(), "notulen.docx");
      expect((await files.read(staff, f.id, bekasi.path)).id).toBe(f.id);
      expect((await files.read(reviewer, f.id, bekasi.path)).id).toBe(f.id);
      expect(await code(files.read(other, f.id, bekasi.path))).toBe("OUT_OF_SCOPE");
      expect(await code(files.read(actorAt("u-reader", bekasi, ["files.upload"]), f.id, bekasi.path))).toBe(
        "FORBIDDEN",
      );
      expect(await code(files.read(staff, "0190a0a0-0000-7000-8000-000000000000", bekasi.path))).toBe(
        "FILES_NOT_FOUND",
      );
    });

    it("opens the bytes for download after the same check", async () => {
      const bytes = sample.xlsx();
      const f = await upload(staff, bytes, "realisasi.xlsx");
      const dl = await files.openForDownload(reviewer, f.id, bekasi.path);
      expect(dl.file.id).toBe(f.id);
      expect((await read(dl.stream)).equals(bytes)).toBe(true);
      expect(await code(files.openForDownload(other, f.id, bekasi.path))).toBe("OUT_OF_SCOPE");
    });
  });
});

describe("createDriver", () => {
  const base = {
    FILES_DIR: "./var/files-test",
    S3_REGION: "us-east-1",
    S3_ENDPOINT: undefined,
    S3_BUCKET: undefined,
    S3_ACCESS_KEY_ID: undefined,
    S3_SECRET_ACCESS_KEY: undefined,
  };
  it("builds the local driver by default", () => {
    const d = createDriver({ ...base, FILES_DRIVER: "local" });
    expect(d).toBeInstanceOf(LocalDriver);
    expect((d as LocalDriver).root.endsWith(join("var", "files-test"))).toBe(true);
  });
  it("builds the S3 driver from S3_*", () => {
    const d = createDriver({
      ...base,
      FILES_DRIVER: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "zona",
      S3_ACCESS_KEY_ID: "k",
      S3_SECRET_ACCESS_KEY: "s",
    });
    expect(d).toBeInstanceOf(S3Driver);
    expect((d as S3Driver).urlFor("a/b").href).toBe("http://127.0.0.1:9000/zona/a/b");
  });
  it("refuses an incomplete S3 configuration", () => {
    expect(() => createDriver({ ...base, FILES_DRIVER: "s3" })).toThrow(/S3_ENDPOINT/);
  });
});
