export { codec, enc } from "./codecs";
export {
  createDatabase,
  type Database,
  type DialectName,
  databaseFromDialect,
  openSqlite,
  ping,
  rawQuery,
  sqlitePath,
  withGlobalLock,
} from "./database";
export { newId } from "./ids";
export {
  MIGRATION_NAME,
  type MigrationSet,
  type MigrationStatus,
  mergeMigrations,
  migrateUp,
  migrationStatus,
  pendingMigrations,
} from "./migrations";
export { StampedCache } from "./stamped-cache";
export { type Executor, lockKey } from "./transaction";
