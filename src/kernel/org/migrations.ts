import type { MigrationSet } from "../db/migrations";

export const orgMigrations: MigrationSet = {
  "20261127T0002_org_units": {
    async up(db) {
      await db.schema
        .createTable("units")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("parent_id", "text", (c) => c.references("units.id"))
        .addColumn("path", "text", (c) => c.notNull().unique())
        .addColumn("depth", "integer", (c) => c.notNull())
        .addColumn("zone", "text", (c) => c.notNull().defaultTo("WIB"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("units_parent").on("units").column("parent_id").execute();
    },
  },
};
