import { type Kysely, sql, type Transaction } from "kysely";
import type { DialectName } from "./database";

/** A connection or an open transaction: repositories accept either. */
export type Executor = Kysely<any> | Transaction<any>;

/**
 * Serialise writers of a single logical resource (the audit chain head, a counter) inside a
 * transaction. PostgreSQL: a transaction-scoped advisory lock. SQLite: every write transaction is
 * already serialised by the single connection, so nothing to do.
 */
export async function lockKey(trx: Executor, dialect: DialectName, key: string): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
