import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Service-standards tables (prefix std_). Every table carries unit_id. A standard's 14 components
 * are one JSON document per version (they are read and written together, and a version is frozen
 * once published); dates are YYYY-MM-DD text, instants ISO text, booleans 0/1.
 */
export const stdMigrations: MigrationSet = {
  "20261202T0701_std_services": {
    async up(db) {
      await db.schema
        .createTable("std_services")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("name_id", "text", (c) => c.notNull())
        .addColumn("name_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_id", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("std_services_unit_code", ["unit_id", "code"])
        .execute();

      await db.schema
        .createTable("std_versions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull().references("std_services.id"))
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("effective_date", "text")
        .addColumn("decree_number", "text")
        .addColumn("decree_date", "text")
        .addColumn("decree_file_id", "text", (c) => c.references("files.id"))
        .addColumn("change_note", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("published_by", "text")
        .addColumn("published_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("std_versions_service_number", ["service_id", "number"])
        .execute();
      await db.schema
        .createIndex("std_versions_unit")
        .on("std_versions")
        .columns(["unit_id", "service_id", "status"])
        .execute();

      await db.schema
        .createTable("std_sops")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("service_id", "text", (c) => c.notNull().references("std_services.id"))
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("file_id", "text", (c) => c.references("files.id"))
        .addColumn("effective_date", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("std_sops_unit")
        .on("std_sops")
        .columns(["unit_id", "service_id"])
        .execute();

      await db.schema
        .createTable("std_pledges")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("signatory_name", "text", (c) => c.notNull())
        .addColumn("signatory_title", "text", (c) => c.notNull())
        .addColumn("signed_date", "text", (c) => c.notNull())
        .addColumn("file_id", "text", (c) => c.references("files.id"))
        .addColumn("published_by", "text")
        .addColumn("published_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("std_pledges_unit")
        .on("std_pledges")
        .columns(["unit_id", "status"])
        .execute();

      await db.schema
        .createTable("std_facilities")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("accessibility", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("std_facilities_unit").on("std_facilities").column("unit_id").execute();

      // A photo is published with its facility; the public image route serves only files listed here.
      await db.schema
        .createTable("std_facility_photos")
        .addColumn("facility_id", "text", (c) => c.notNull().references("std_facilities.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("caption", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("std_facility_photos_pk", ["facility_id", "file_id"])
        .execute();
      await db.schema
        .createIndex("std_facility_photos_file")
        .on("std_facility_photos")
        .columns(["unit_id", "file_id"])
        .execute();

      // The unit's public contact card (units themselves carry only code, name and zone).
      await db.schema
        .createTable("std_profiles")
        .addColumn("unit_id", "text", (c) => c.primaryKey().references("units.id"))
        .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("whatsapp", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("email", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("website", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("service_hours", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
};
