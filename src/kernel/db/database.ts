import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { type Dialect, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";

export type DialectName = "sqlite" | "postgres";

/** The handle every repository receives. `Kysely<any>` here; repositories narrow it to their tables. */
export interface Database {
  db: Kysely<any>;
  dialect: DialectName;
  /** A label for logs and test names: "sqlite", "pglite", "postgres". */
  lane: string;
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
  return conn;
}

export function createDatabase(url: string, opts: { schema?: string; poolSize?: number } = {}): Database {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", lane: "postgres", close: () => db.destroy() };
  }
  if (url.startsWith("file:")) {
    const conn = openSqlite(sqlitePath(url));
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: conn }) });
    return { db, dialect: "sqlite", lane: "sqlite", close: () => db.destroy() };
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
