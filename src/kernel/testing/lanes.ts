import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { createDatabase, type Database, databaseFromDialect } from "../db/database";

/**
 * Test lanes: every repository and route test runs on each. In-memory SQLite and in-process
 * PostgreSQL (PGlite) always; a real PostgreSQL server too when DATABASE_URL is postgres://
 * (CI sets it). Each call makes a fresh, empty database.
 */
export interface Lane {
  name: "sqlite" | "pglite" | "postgres";
  create(): Promise<Database>;
}

export const sqliteLane: Lane = {
  name: "sqlite",
  create: async () => createDatabase("file::memory:"),
};

export const pgliteLane: Lane = {
  name: "pglite",
  create: async () => {
    const pgl = new PGlite();
    await pgl.waitReady;
    const d = databaseFromDialect(new PGliteDialect(pgl), "postgres", "pglite");
    return {
      ...d,
      close: async () => {
        await d.close();
        await pgl.close().catch(() => {});
      },
    };
  },
};

/** A fresh schema on the server named by DATABASE_URL, dropped again on close. */
export function postgresLane(url: string): Lane {
  return {
    name: "postgres",
    create: async () => {
      const schema = `t_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const d = createDatabase(url, { schema, poolSize: 4 });
      return {
        ...d,
        lane: "postgres",
        schema,
        close: async () => {
          await d.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
        },
      };
    },
  };
}

export function realPostgresUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export function testLanes(): Lane[] {
  const lanes: Lane[] = [sqliteLane, pgliteLane];
  const url = realPostgresUrl();
  if (url) lanes.push(postgresLane(url));
  return lanes;
}
