import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, type Dialect, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";

export type DialectName = "sqlite" | "postgres";

/** The handle every repository receives. `Kysely<any>` here; repositories narrow it to their tables. */
export interface Database {
  db: Kysely<any>;
  dialect: DialectName;
  /** A label for logs and test names: "sqlite", "pglite", "postgres". */
  lane: string;
  /** The PostgreSQL schema in use when not the default (test lanes use one schema per database). */
  schema?: string;
  /**
   * SQLite only: a value that changes whenever a row is written through this connection or another
   * process commits to the file (`total_changes()` and `data_version`). Read caches compare it to
   * decide whether what they hold is still what the database holds (see stamped-cache.ts). Absent
   * on PostgreSQL, where other nodes write without this process seeing it: nothing is cached there.
   */
  changeStamp?: () => string;
  close(): Promise<void>;
}

// int8 (bigint, count(*)) arrives from pg as a string; every value we store fits in 2^53, and the
// codecs below still accept strings, so both dialects yield plain numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/, "");
  return p === ":memory:" || p === "" ? ":memory:" : resolve(p);
}

/** Open a better-sqlite3 connection with the pragmas Zona relies on. */
export function openSqlite(path: string): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const conn = new SQLite(path);
  if (path !== ":memory:") conn.pragma("journal_mode = WAL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  // FULL: an acknowledged public submission survives a power cut, not just a process crash.
  conn.pragma("synchronous = FULL");
  cacheStatements(conn);
  return conn;
}

/**
 * Kysely's SQLite driver prepares every query afresh; reusing prepared statements by SQL text cuts
 * the cost of a read by about a third. Safe because Zona never iterates two result sets of the same
 * statement at once (no `.stream()`); SQLite re-prepares by itself after a schema change.
 */
function cacheStatements(conn: SQLite.Database, max = 1000): void {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, SQLite.Statement>();
  conn.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.clear();
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof conn.prepare;
}

/**
 * `total_changes()` counts every row this connection inserted, updated or deleted (a rolled-back
 * write still moves it, which only costs a cache miss); it touches no file, so it is read on every
 * call. `data_version` moves when another connection — a `zona` CLI command on the same file —
 * commits; reading it takes file locks (two system calls), so it is re-read at most every
 * `otherProcessMs`: a change made by another process is seen within that time. Read synchronously
 * on the one connection: it sees this connection's uncommitted writes, which again can only cause a
 * miss.
 */
export function sqliteChangeStamp(conn: SQLite.Database, otherProcessMs = 200): () => string {
  const changes = conn.prepare("select total_changes()").raw(true);
  const version = conn.prepare("pragma data_version").raw(true);
  let dataVersion = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    if (now - readAt >= otherProcessMs) {
      dataVersion = (version.get() as [number])[0];
      readAt = now;
    }
    return `${(changes.get() as [number])[0]}:${dataVersion}`;
  };
}

/**
 * Run `fn` while holding a lock named `key` across every node: a session advisory lock on
 * PostgreSQL (held on one pooled connection for the duration); on SQLite there is one node.
 */
export async function withGlobalLock<T>(database: Database, key: string, fn: () => Promise<T>): Promise<T> {
  if (database.dialect !== "postgres") return fn();
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

export function createDatabase(url: string, opts: { schema?: string; poolSize?: number } = {}): Database {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle connection dropped by the server (restart, failover, pg_terminate_backend) must not
    // crash the node: the pool replaces it on the next checkout.
    pool.on("error", (err) => process.emitWarning(`PostgreSQL pool: idle connection lost (${err.message})`));
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", lane: "postgres", schema: opts.schema, close: () => db.destroy() };
  }
  if (url.startsWith("file:")) {
    const conn = openSqlite(sqlitePath(url));
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: conn }) });
    return {
      db,
      dialect: "sqlite",
      lane: "sqlite",
      changeStamp: sqliteChangeStamp(conn),
      close: () => db.destroy(),
    };
  }
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got ${url.slice(0, 12)}…)`);
}

/** Wrap an already-built dialect (PGlite in tests). */
export function databaseFromDialect(dialect: Dialect, name: DialectName, lane: string): Database {
  const db = new Kysely<any>({ dialect });
  return { db, dialect: name, lane, close: () => db.destroy() };
}

export async function ping(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}

const dollarCache = new Map<string, string>();

/**
 * Run hand-written SQL with `?` placeholders on either dialect, bypassing the query builder. Only
 * for hot paths (every authenticated request resolves its session through this); both test lanes
 * cover each use.
 */
export async function rawQuery<R>(
  database: Pick<Database, "db" | "dialect">,
  text: string,
  params: readonly unknown[],
): Promise<R[]> {
  let q = text;
  if (database.dialect === "postgres") {
    q = dollarCache.get(text) ?? "";
    if (!q) {
      let i = 0;
      q = text.replace(/\?/g, () => `$${++i}`);
      dollarCache.set(text, q);
    }
  }
  const r = await database.db.executeQuery<R>(CompiledQuery.raw(q, [...params]));
  return r.rows as R[];
}
