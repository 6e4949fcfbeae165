import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertKey, type FileDriver, FileMissingError, hashOfContentKey } from "./driver";

/**
 * Files on the local disk under one directory (FILES_DIR), outside the web root. A write goes to a
 * temporary file in the target's own directory, is flushed, then renamed into place, so a reader
 * never sees half an object and a crash leaves at most a `.tmp-*` file behind. Content keys
 * (`sha256/…`) are verified while writing: bytes that do not hash to their key are never stored.
 */
export class LocalDriver implements FileDriver {
  readonly name = "local";
  readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The absolute path for a key; throws for any key that would land outside the root. */
  pathFor(key: string): string {
    assertKey(key);
    const path = resolve(this.root, ...key.split("/"));
    const rel = relative(this.root, path);
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new Error(`storage key escapes the files directory: ${JSON.stringify(key)}`);
    }
    return path;
  }

  async put(key: string, data: Buffer | Readable): Promise<void> {
    const target = this.pathFor(key);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o750 });
    const tmp = join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
    const expected = hashOfContentKey(key);
    const hash = createHash("sha256");
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
      await pipeline(source, hasher, createWriteStream(tmp, { flags: "wx", mode: 0o640, flush: true }));
      if (expected && hash.digest("hex") !== expected) {
        throw new Error(`content does not match its key ${key}`);
      }
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await syncDir(dir);
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathFor(key);
    if (!(await isFile(path))) throw new FileMissingError(key);
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    return isFile(this.pathFor(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === "ENOENT" ||
      (err as NodeJS.ErrnoException).code === "ENOTDIR"
    ) {
      return false;
    }
    throw err;
  }
}

/** Make the rename itself durable. Best effort: some platforms cannot fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  try {
    const fd = await open(dir, "r");
    try {
      await fd.sync();
    } finally {
      await fd.close();
    }
  } catch {
    // not supported here (e.g. Windows); the data file itself was flushed before the rename
  }
}
