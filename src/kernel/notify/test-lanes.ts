/**
 * Test databases for the outbox and scheduler tests, where "two app nodes over one database" matters:
 * a SQLite file (two connections) and PGlite (two Kysely instances over one in-process server), plus a
 * real PostgreSQL (two pools, a throw-away schema) when DATABASE_URL is a postgres:// URL.
 * kernel/testing's `testLanes()` hands out one connection per fresh database (in-memory SQLite
 * cannot be shared), so it cannot stand for two nodes; once it can (an `another()` handle), these
 * tests should move to it and this file can go. Imported by tests only.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { createDatabase, type Database, databaseFromDialect } from "../db/database";
import { type MigrationSet, migrateUp } from "../db/migrations";

export interface TestDatabase {
  /** The first node's handle (migrations applied). */
  database: Database;
  /** Another handle on the same data, as a second app node would have. */
  another(): Database;
  close(): Promise<void>;
}

export interface Lane {
  name: string;
  open(migrations: MigrationSet[]): Promise<TestDatabase>;
}

const sqliteFile: Lane = {
  name: "sqlite-file",
  async open(migrations) {
    const dir = mkdtempSync(join(tmpdir(), "zona-test-"));
    const url = `file:${join(dir, "zona.db")}`;
    const handles = [createDatabase(url)];
    await migrateUp(handles[0]!.db, migrations);
    return {
      database: handles[0]!,
      another() {
        const h = createDatabase(url);
        handles.push(h);
        return h;
      },
      async close() {
        for (const h of handles) await h.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const pglite: Lane = {
  name: "pglite",
  async open(migrations) {
    const server = new PGlite();
    // Each handle gets its own dialect (its own connection queue), like a node with its own pool.
    // Closing a handle would close the shared server, so only `close()` below does that.
    const handle = (): Database => ({
      ...databaseFromDialect(new PGliteDialect(server), "postgres", "pglite"),
      close: async () => undefined,
    });
    const first = handle();
    await migrateUp(first.db, migrations);
    return { database: first, another: handle, close: () => server.close() };
  },
};

const postgres: Lane = {
  name: "postgres",
  async open(migrations) {
    const url = process.env.DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const handles = [createDatabase(url, { schema, poolSize: 4 })];
    await migrateUp(handles[0]!.db, migrations, schema);
    return {
      database: handles[0]!,
      another() {
        const h = createDatabase(url, { schema, poolSize: 4 });
        handles.push(h);
        return h;
      },
      async close() {
        for (const h of handles) await h.close();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      },
    };
  },
};

export const lanes: Lane[] = [
  sqliteFile,
  pglite,
  ...(/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? [postgres] : []),
];
