import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit";
import type { Clock } from "../clock";
import type { Config } from "../config/config";
import { newId } from "../db/ids";
import { DomainError, fail } from "../http/errors";
import { type Actor, assertScope } from "../identity/actor";
import { contentKey, type FileDriver } from "./driver";
import { filesRepo, type StoredFile } from "./files.repo";
import { LocalDriver } from "./local-driver";
import { extensionOf, sanitizeFilename } from "./names";
import { S3Driver } from "./s3-driver";
import { checkType, sniffFile } from "./sniff";

export const FILES_PERMISSIONS = { upload: "files.upload", read: "files.read" } as const;

export interface FileServiceOptions {
  db: Kysely<any>;
  audit: AuditLog;
  clock: Clock;
  driver: FileDriver;
  /** Largest accepted upload in bytes (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Where uploads are spooled while they are counted, hashed and sniffed; default the OS temp dir. */
  tmpDir?: string;
}

export interface UploadInput {
  unitId: string;
  /** The unit's materialised path ("/<root>/…/<unitId>/"), for the scope check. */
  unitPath: string;
  /** The name the client sent; sanitised here. */
  filename: string;
  /** The bytes; read once, never buffered whole. */
  stream: Readable;
  /**
   * Bytes Zona made itself (a document it issues), not a person's upload: the configured upload
   * limit is a rule for people and does not apply; GENERATED_MAX_BYTES bounds them instead. Type
   * sniffing and inspection still do.
   */
  generated?: boolean;
}

/** Upper bound for files Zona generates (issued PDFs, exports stored as evidence). */
export const GENERATED_MAX_BYTES = 100 * 1024 * 1024;

export interface Download {
  file: StoredFile;
  stream: Readable;
}

/** "25" for 25 MiB, "1.5", "0.000977": the limit as a person reads it. */
export function limitMb(maxBytes: number): number {
  return Number((maxBytes / (1024 * 1024)).toPrecision(3));
}

/**
 * The evidence store. An upload is streamed to a private spool file while it is counted (stopping
 * at the limit) and hashed; the type is then sniffed from the bytes and checked against the name;
 * the bytes go to the driver under their hash (once, however often they are uploaded); finally the
 * row and its audit event are written in one transaction. The driver write happens before and
 * outside the transaction: a failed transaction leaves at most an unreferenced blob, never a row
 * without bytes.
 */
export class FileService {
  readonly maxBytes: number;
  readonly driver: FileDriver;
  private readonly db: Kysely<any>;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly tmpDir: string;

  constructor(opts: FileServiceOptions) {
    this.db = opts.db;
    this.audit = opts.audit;
    this.clock = opts.clock;
    this.driver = opts.driver;
    this.maxBytes = opts.maxBytes;
    this.tmpDir = opts.tmpDir ?? tmpdir();
    if (!Number.isInteger(this.maxBytes) || this.maxBytes < 1)
      throw new Error("maxBytes must be a positive integer");
  }

  async upload(actor: Actor, input: UploadInput): Promise<StoredFile> {
    assertUnitPath(input.unitId, input.unitPath);
    assertScope(actor, FILES_PERMISSIONS.upload, { id: input.unitId, path: input.unitPath });
    let name = sanitizeFilename(input.filename);
    const dir = await mkdtemp(join(this.tmpDir, "zona-upload-"));
    try {
      const spoolPath = join(dir, "upload");
      const limit = input.generated ? Math.max(this.maxBytes, GENERATED_MAX_BYTES) : this.maxBytes;
      const { size, sha256 } = await spool(input.stream, spoolPath, limit);
      // busboy (multipart) ends a file stream quietly at its own limit and flags it `truncated`
      if ((input.stream as Readable & { truncated?: boolean }).truncated) throw this.tooLarge();
      if (size === 0) fail("FILES_EMPTY", { filename: name });
      const type = checkType(name, await sniffFile(spoolPath));
      if (!extensionOf(name)) name = sanitizeFilename(`${name}.${type.ext}`);

      const key = contentKey(sha256);
      if (!(await this.driver.exists(key))) {
        await this.driver.put(key, createReadStream(spoolPath), { size, sha256 });
      }

      const file: StoredFile = {
        id: newId(),
        unitId: input.unitId,
        sha256,
        sizeBytes: size,
        mime: type.mime,
        extension: type.ext,
        originalName: name,
        uploadedBy: actor.userId,
        createdAt: this.clock.now().toISOString(),
      };
      await this.db.transaction().execute(async (trx) => {
        await filesRepo.insert(trx, file);
        await this.audit.record(trx, actor, {
          action: "files.uploaded",
          unitId: file.unitId,
          entityType: "file",
          entityId: file.id,
          data: { sha256, size, mime: type.mime },
        });
      });
      return file;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A file's row, without any access check (for services that checked access themselves). */
  async get(id: string): Promise<StoredFile | undefined> {
    return filesRepo.get(this.db, id);
  }

  /**
   * A file's row for an actor who may read evidence of its unit. `unitPath` is the path of the
   * file's own unit (look it up with `org.get(file.unitId)`); 404 when missing, 403 out of scope.
   */
  async read(actor: Actor, id: string, unitPath: string): Promise<StoredFile> {
    const file = (await filesRepo.get(this.db, id)) ?? fail("FILES_NOT_FOUND", { id });
    assertUnitPath(file.unitId, unitPath);
    assertScope(actor, FILES_PERMISSIONS.read, { id: file.unitId, path: unitPath });
    return file;
  }

  /** As `read`, plus the bytes. The caller streams them with `downloadHeaders(file)`. */
  async openForDownload(actor: Actor, id: string, unitPath: string): Promise<Download> {
    const file = await this.read(actor, id, unitPath);
    return { file, stream: await this.driver.get(contentKey(file.sha256)) };
  }

  private tooLarge(): DomainError {
    return new DomainError("FILES_TOO_LARGE", { limitMb: limitMb(this.maxBytes), limitBytes: this.maxBytes });
  }
}

/** Paths end with the unit's own id: a path handed in for another unit is a programming error. */
function assertUnitPath(unitId: string, unitPath: string): void {
  if (!unitPath.endsWith(`/${unitId}/`))
    throw new Error(`unit path ${unitPath} is not the path of unit ${unitId}`);
}

/**
 * Copy `source` to a new file at `path`, counting and hashing. Fails with FILES_TOO_LARGE as soon
 * as one byte more than `maxBytes` arrives: at most one chunk past the limit is ever read, and
 * nothing is held in memory.
 */
async function spool(
  source: Readable,
  path: string,
  maxBytes: number,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer | string, _enc, cb) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > maxBytes) {
        cb(new DomainError("FILES_TOO_LARGE", { limitMb: limitMb(maxBytes), limitBytes: maxBytes }));
        return;
      }
      hash.update(buf);
      cb(null, buf);
    },
  });
  await pipeline(source, meter, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  return { size, sha256: hash.digest("hex") };
}

export type FilesConfig = Pick<
  Config,
  | "FILES_DRIVER"
  | "FILES_DIR"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_BUCKET"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
>;

/** The driver the configuration asks for (FILES_DRIVER=local|s3). */
export function createDriver(config: FilesConfig): FileDriver {
  if (config.FILES_DRIVER === "s3") {
    return new S3Driver({
      endpoint: config.S3_ENDPOINT ?? "",
      region: config.S3_REGION,
      bucket: config.S3_BUCKET ?? "",
      accessKeyId: config.S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? "",
    });
  }
  return new LocalDriver(config.FILES_DIR);
}
