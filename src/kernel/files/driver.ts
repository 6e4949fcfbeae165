import type { Readable } from "node:stream";

/**
 * Where the bytes live. Keys are slash-separated, each segment starting with a letter or digit
 * (no `.`/`..` segments, no backslashes, no absolute paths); evidence uses content keys
 * `sha256/ab/cd/<sha256>` so the same bytes are stored once.
 */
export interface FileDriver {
  readonly name: string;
  /**
   * Store `data` under `key`, replacing nothing partially: readers see the old object or the whole
   * new one. `info` lets a driver skip work it would otherwise do (S3 needs the length and hash
   * before sending; without them it buffers the stream in memory — pass them for large objects).
   */
  put(key: string, data: Buffer | Readable, info?: PutInfo): Promise<void>;
  /** The object's bytes; rejects with FileMissingError when there is no such object. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete?(key: string): Promise<void>;
}

export interface PutInfo {
  /** Length in bytes. */
  size?: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256?: string;
}

export class FileMissingError extends Error {
  constructor(public readonly key: string) {
    super(`stored object missing: ${key}`);
    this.name = "FileMissingError";
  }
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const CONTENT_KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Throws unless `key` is a well-formed relative key (see FileDriver). */
export function assertKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > 1024)
    throw new Error("invalid storage key");
  for (const seg of key.split("/")) {
    if (!SEGMENT.test(seg)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** `sha256/ab/cd/abcd…`: two levels of fan-out keep directories small. */
export function contentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("sha256 must be 64 lower-case hex digits");
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The hash a content key names, or undefined for any other key. */
export function hashOfContentKey(key: string): string | undefined {
  const m = CONTENT_KEY.exec(key);
  return m && m[1] === m[3]!.slice(0, 2) && m[2] === m[3]!.slice(2, 4) ? m[3] : undefined;
}
