import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentKey, FileMissingError, hashOfContentKey } from "./driver";
import { LocalDriver } from "./local-driver";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const read = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** Every path under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

describe("LocalDriver", () => {
  let outer: string;
  let dir: string;
  let driver: LocalDriver;

  beforeEach(() => {
    // the store lives in outer/store; anything written to outer/ besides it is an escape
    outer = mkdtempSync(join(tmpdir(), "zona-local-driver-"));
    dir = join(outer, "store");
    driver = new LocalDriver(dir);
  });
  afterEach(() => rmSync(outer, { recursive: true, force: true }));

  it("stores content-addressed under sha256/ab/cd/<hash>, creating directories", async () => {
    const data = Buffer.from("bukti dukung");
    const key = contentKey(sha(data));
    await driver.put(key, data);
    const h = sha(data);
    expect(statSync(join(dir, "sha256", h.slice(0, 2), h.slice(2, 4), h)).isFile()).toBe(true);
    expect(await driver.exists(key)).toBe(true);
    expect((await read(await driver.get(key))).toString()).toBe("bukti dukung");
    // no temporary file is left behind
    expect(tree(dir).filter((p) => p.includes(".tmp-"))).toEqual([]);
  });

  it("accepts a stream and writes it whole", async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const all = Buffer.concat(chunks);
    const key = contentKey(sha(all));
    await driver.put(key, Readable.from(chunks));
    expect(sha(await read(await driver.get(key)))).toBe(sha(all));
  });

  it("refuses bytes that do not hash to their content key, leaving nothing", async () => {
    const key = contentKey(sha(Buffer.from("a")));
    await expect(driver.put(key, Buffer.from("b"))).rejects.toThrow(/does not match/);
    expect(await driver.exists(key)).toBe(false);
    expect(tree(dir).filter((p) => p.includes(".tmp-"))).toEqual([]);
  });

  it("cleans up its temporary file when the source fails", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial"));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(driver.put("misc/x", failing)).rejects.toThrow("client went away");
    expect(await driver.exists("misc/x")).toBe(false);
    expect(tree(dir).filter((p) => p.includes(".tmp-"))).toEqual([]);
  });

  it("replaces atomically: a second put of the same key is fine", async () => {
    await driver.put("misc/a", Buffer.from("one"));
    await driver.put("misc/a", Buffer.from("two"));
    expect(readFileSync(join(dir, "misc", "a"), "utf8")).toBe("two");
  });

  it("reports a missing object", async () => {
    expect(await driver.exists("misc/none")).toBe(false);
    await expect(driver.get("misc/none")).rejects.toBeInstanceOf(FileMissingError);
    await driver.delete("misc/none"); // no error
  });

  it("deletes", async () => {
    await driver.put("misc/a", Buffer.from("x"));
    await driver.delete("misc/a");
    expect(await driver.exists("misc/a")).toBe(false);
  });

  it.each([
    "../escape",
    "../../etc/passwd",
    "/etc/passwd",
    "a/../../escape",
    "sha256/../../escape",
    "a/./b",
    "a//b",
    "",
    ".",
    "..",
    "a\\..\\..\\escape",
    "..\\escape",
    "C:\\escape",
    "a/\u0000b",
    "%2e%2e/escape",
    "a/.hidden",
    "a/b/",
  ])("never writes outside its directory: %j", async (key) => {
    await expect(driver.put(key, Buffer.from("x"))).rejects.toThrow();
    await expect(driver.exists(key)).rejects.toThrow();
    await expect(driver.get(key)).rejects.toThrow();
    expect(readdirSync(outer).filter((n) => n !== "store")).toEqual([]);
  });
});

describe("content keys", () => {
  it("round-trip and reject malformed hashes", () => {
    const h = sha(Buffer.from("x"));
    expect(contentKey(h)).toBe(`sha256/${h.slice(0, 2)}/${h.slice(2, 4)}/${h}`);
    expect(hashOfContentKey(contentKey(h))).toBe(h);
    expect(hashOfContentKey(`sha256/00/00/${h}`)).toBeUndefined();
    expect(() => contentKey("../../etc")).toThrow();
    expect(() => contentKey(h.toUpperCase())).toThrow();
  });
});
