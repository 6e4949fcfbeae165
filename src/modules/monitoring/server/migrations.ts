import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Monev tables. Meetings keep agenda and decisions as JSON text arrays (read and written whole with
 * the meeting); participants and files are rows so people and evidence can be found by meeting. A
 * follow-up is one row wherever it shows: the meeting that decided it (meeting_id) and every meeting
 * it was carried into (monev_carry_overs) point at the same row, so closing it anywhere closes it
 * everywhere.
 */
export const monevMigrations: MigrationSet = {
  "20261202T0401_monev_meetings": {
    async up(db) {
      await db.schema
        .createTable("monev_meetings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("chair_id", "text", (c) => c.references("users.id"))
        .addColumn("agenda", "text", (c) => c.notNull())
        .addColumn("minutes", "text", (c) => c.notNull())
        .addColumn("decisions", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("monev_meetings_unit_date")
        .on("monev_meetings")
        .columns(["unit_id", "date"])
        .execute();

      await db.schema
        .createTable("monev_participants")
        .addColumn("meeting_id", "text", (c) => c.notNull().references("monev_meetings.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("monev_participants_pk", ["meeting_id", "user_id"])
        .execute();

      await db.schema
        .createTable("monev_meeting_files")
        .addColumn("meeting_id", "text", (c) => c.notNull().references("monev_meetings.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("monev_meeting_files_pk", ["meeting_id", "file_id"])
        .execute();

      await db.schema
        .createTable("monev_follow_ups")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("meeting_id", "text", (c) => c.notNull().references("monev_meetings.id"))
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("completed_on", "text")
        .addColumn("completion_note", "text")
        .addColumn("drop_reason", "text")
        .addColumn("closed_in_meeting_id", "text")
        .addColumn("closed_by", "text")
        .addColumn("carry_count", "integer", (c) => c.notNull().defaultTo(0))
        // The due date an overdue reminder was last sent for (one reminder per due date).
        .addColumn("reminded_due_date", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("monev_follow_ups_unit")
        .on("monev_follow_ups")
        .columns(["unit_id", "status", "due_date"])
        .execute();
      await db.schema
        .createIndex("monev_follow_ups_owner")
        .on("monev_follow_ups")
        .columns(["owner_id", "status"])
        .execute();
      await db.schema
        .createIndex("monev_follow_ups_meeting")
        .on("monev_follow_ups")
        .column("meeting_id")
        .execute();

      await db.schema
        .createTable("monev_carry_overs")
        .addColumn("follow_up_id", "text", (c) => c.notNull().references("monev_follow_ups.id"))
        .addColumn("meeting_id", "text", (c) => c.notNull().references("monev_meetings.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("carry_number", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("monev_carry_overs_pk", ["follow_up_id", "meeting_id"])
        .execute();
      await db.schema
        .createIndex("monev_carry_overs_meeting")
        .on("monev_carry_overs")
        .column("meeting_id")
        .execute();
    },
  },
};
