import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";

/** Migration names: `YYYYMMDDTHHMM_<prefix>_<what>` — sortable, and the prefix says whose tables. */
export const MIGRATION_NAME = /^\d{8}T\d{4}_[a-z][a-z0-9]*_[a-z0-9_]+$/;

export type MigrationSet = Record<string, Migration>;

/**
 * Merges the migration sets of the kernel and every module into one ordered list. Names are global,
 * so a duplicate or a malformed name is a programming error caught at start-up (and by a test).
 */
export function mergeMigrations(sets: MigrationSet[]): MigrationSet {
  const merged: MigrationSet = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (!MIGRATION_NAME.test(name)) throw new Error(`bad migration name: ${name}`);
      if (merged[name]) throw new Error(`duplicate migration name: ${name}`);
      merged[name] = m;
    }
  }
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}

export function migrator(db: Kysely<any>, sets: MigrationSet[], schema?: string): Migrator {
  const all = mergeMigrations(sets);
  return new Migrator({
    db,
    provider: { getMigrations: async () => all },
    // Modules are added over time with their own dated migrations; order within a module still holds.
    allowUnorderedMigrations: true,
    migrationTableName: "zona_migrations",
    migrationLockTableName: "zona_migrations_lock",
    // Kysely looks for its tables across every schema; name ours when not the default one.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateUp(
  db: Kysely<any>,
  sets: MigrationSet[],
  schema?: string,
): Promise<MigrationResultSet> {
  const result = await migrator(db, sets, schema).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? "?"} failed: ${err.message}`;
    throw err;
  }
  return result;
}

export interface MigrationStatus {
  name: string;
  executedAt: string | null;
}

export async function migrationStatus(
  db: Kysely<any>,
  sets: MigrationSet[],
  schema?: string,
): Promise<MigrationStatus[]> {
  const list = await migrator(db, sets, schema).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

export async function pendingMigrations(
  db: Kysely<any>,
  sets: MigrationSet[],
  schema?: string,
): Promise<string[]> {
  return (await migrationStatus(db, sets, schema)).filter((m) => !m.executedAt).map((m) => m.name);
}
