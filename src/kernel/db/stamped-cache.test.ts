import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, type Database, openSqlite } from "./database";
import { StampedCache } from "./stamped-cache";

// How long a write by another process may go unseen (sqliteChangeStamp's default), plus a margin.
const OTHER_PROCESS_MS = 250;

describe("StampedCache over SQLite's change stamp", () => {
  let dir = "";
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function fileDb() {
    dir = mkdtempSync(join(tmpdir(), "zona-stamp-"));
    const path = join(dir, "z.db");
    database = createDatabase(`file:${path}`);
    await sql`create table t (id integer primary key, v text)`.execute(database.db);
    await sql`insert into t (v) values ('a')`.execute(database.db);
    return { db: database, path };
  }

  it("keeps the stamp while nothing is written and moves it on a write through this connection", async () => {
    const { db } = await fileDb();
    const s1 = db.changeStamp!();
    await sql`select * from t`.execute(db.db);
    expect(db.changeStamp!()).toBe(s1);
    await sql`update t set v = 'b'`.execute(db.db);
    expect(db.changeStamp!()).not.toBe(s1);
  });

  it("moves the stamp within 200 ms when another process (a second connection) commits to the file", async () => {
    const { db, path } = await fileDb();
    const s1 = db.changeStamp!();
    const other = openSqlite(path);
    other.prepare("update t set v = 'from-cli'").run();
    other.close();
    await new Promise((r) => setTimeout(r, OTHER_PROCESS_MS));
    expect(db.changeStamp!()).not.toBe(s1);
  });

  it("loads once while unchanged, again after any write, and never serves an entry older than a write", async () => {
    const { db } = await fileDb();
    const cache = new StampedCache<string>(db);
    let loads = 0;
    const load = async () => {
      loads++;
      const r = await sql<{ v: string }>`select v from t`.execute(db.db);
      return r.rows[0]!.v;
    };
    expect(await cache.through("k", load)).toBe("a");
    expect(await cache.through("k", load)).toBe("a");
    expect(loads).toBe(1);
    await sql`update t set v = 'c'`.execute(db.db);
    expect(await cache.through("k", load)).toBe("c");
    expect(loads).toBe(2);
  });

  it("an entry loaded across a write is stored under the old stamp, so the next read misses", async () => {
    const { db } = await fileDb();
    const cache = new StampedCache<string>(db);
    const stamp = cache.stamp()!;
    await sql`update t set v = 'written-meanwhile'`.execute(db.db);
    cache.set("k", stamp, "a"); // what a slow reader loaded before the write landed
    expect(cache.get("k", cache.stamp()!)).toBeUndefined();
  });

  it("caches nothing when the database has no stamp (PostgreSQL: other nodes write unseen)", async () => {
    const cache = new StampedCache<number>({});
    let loads = 0;
    const load = async () => ++loads;
    await cache.through("k", load);
    await cache.through("k", load);
    expect(loads).toBe(2);
    expect(cache.stamp()).toBeUndefined();
  });
});
