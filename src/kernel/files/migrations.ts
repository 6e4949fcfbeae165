import type { MigrationSet } from "../db/migrations";

/**
 * One row per upload; the bytes live in the driver under `sha256/…`, so the same bytes uploaded
 * twice are stored once and referenced by two rows. Runs after identity (users) and org (units).
 */
export const filesMigrations: MigrationSet = {
  "20261127T0011_files_files": {
    async up(db) {
      await db.schema
        .createTable("files")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("size_bytes", "bigint", (c) => c.notNull())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("extension", "text", (c) => c.notNull())
        .addColumn("original_name", "text", (c) => c.notNull())
        .addColumn("uploaded_by", "text", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("files_unit").on("files").columns(["unit_id", "created_at"]).execute();
      await db.schema.createIndex("files_sha256").on("files").column("sha256").execute();
    },
  },
};
