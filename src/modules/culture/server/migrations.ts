import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Culture tables (prefix `culture_`). Every table carries unit_id; dates are local 'YYYY-MM-DD' text,
 * instants UTC ISO text, booleans 0/1, lists as JSON text. User and file ids point at kernel tables.
 */
export const cultureMigrations: MigrationSet = {
  "20261202T0301_culture_programmes": {
    async up(db) {
      await db.schema
        .createTable("culture_programmes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("schedule", "text", (c) => c.notNull())
        .addColumn("owner_user_id", "text", (c) => c.references("users.id"))
        .addColumn("checklist", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("culture_programmes_unit_code", ["unit_id", "code"])
        .execute();

      await db.schema
        .createTable("culture_occurrences")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("programme_id", "text", (c) => c.notNull().references("culture_programmes.id"))
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("topic", "text")
        .addColumn("speaker_user_id", "text", (c) => c.references("users.id"))
        .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("file_ids", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("checklist", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("expected", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("present", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("culture_occurrences_programme_date")
        .on("culture_occurrences")
        .columns(["programme_id", "date"])
        .execute();
      await db.schema
        .createIndex("culture_occurrences_unit_date")
        .on("culture_occurrences")
        .columns(["unit_id", "date"])
        .execute();

      await db.schema
        .createTable("culture_attendance")
        .addColumn("occurrence_id", "text", (c) => c.notNull().references("culture_occurrences.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("present", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("culture_attendance_pk", ["occurrence_id", "user_id"])
        .execute();

      await db.schema
        .createTable("culture_speaker_queue")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("programme_id", "text", (c) => c.notNull().references("culture_programmes.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("training", "text", (c) => c.notNull())
        .addColumn("returned_on", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("occurrence_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "20261202T0302_culture_gsp": {
    async up(db) {
      await db.schema
        .createTable("culture_leaves")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("from_date", "text", (c) => c.notNull())
        .addColumn("to_date", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("culture_leaves_unit_dates")
        .on("culture_leaves")
        .columns(["unit_id", "to_date"])
        .execute();

      await db.schema
        .createTable("culture_gsp_turns")
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("round", "integer", (c) => c.notNull())
        .addColumn("topic", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("culture_gsp_turns_pk", ["unit_id", "date"])
        .execute();
      await db.schema
        .createIndex("culture_gsp_turns_user")
        .on("culture_gsp_turns")
        .columns(["user_id", "date"])
        .execute();

      // Employees left out of the rotation (e.g. the head of office); everyone else at the unit takes turns.
      await db.schema
        .createTable("culture_gsp_exclusions")
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("culture_gsp_exclusions_pk", ["unit_id", "user_id"])
        .execute();
    },
  },
};
