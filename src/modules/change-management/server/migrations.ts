import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Change-management tables (prefix cm_). Every row carries unit_id. A decree (team or change
 * agents) replaces the previous one: the old stays with active = 0 and its members/agents keep
 * their ended_at, so the history can always be shown.
 */
export const cmMigrations: MigrationSet = {
  "20261202T0201_cm_team": {
    async up(db) {
      await db.schema
        .createTable("cm_decrees")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        // "team" (SK Tim Kerja ZI) or "agents" (SK Agen Perubahan)
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("decree_date", "text", (c) => c.notNull())
        .addColumn("file_id", "text", (c) => c.references("files.id"))
        .addColumn("active", "integer", (c) => c.notNull())
        .addColumn("replaced_at", "text")
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cm_decrees_unit")
        .on("cm_decrees")
        .columns(["unit_id", "kind", "active"])
        .execute();

      await db.schema
        .createTable("cm_team_members")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("decree_id", "text", (c) => c.notNull().references("cm_decrees.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("area_key", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema
        .createIndex("cm_team_members_decree")
        .on("cm_team_members")
        .columns(["decree_id", "ended_at"])
        .execute();

      await db.schema
        .createTable("cm_team_history")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("decree_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("user_id", "text")
        .addColumn("user_name", "text")
        .addColumn("role", "text")
        .addColumn("area_key", "text")
        .addColumn("previous_role", "text")
        .addColumn("previous_area_key", "text")
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cm_team_history_unit")
        .on("cm_team_history")
        .columns(["unit_id", "seq"])
        .execute();
    },
  },
  "20261202T0202_cm_activities": {
    async up(db) {
      await db.schema
        .createTable("cm_activities")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("area_key", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("output", "text", (c) => c.notNull())
        .addColumn("pic_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("pic_name", "text", (c) => c.notNull())
        .addColumn("start_date", "text", (c) => c.notNull())
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("progress", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cm_activities_unit")
        .on("cm_activities")
        .columns(["unit_id", "area_key", "due_date"])
        .execute();
      await db.schema.createIndex("cm_activities_pic").on("cm_activities").column("pic_user_id").execute();
      await db.schema
        .createIndex("cm_activities_due")
        .on("cm_activities")
        .columns(["status", "due_date"])
        .execute();

      await db.schema
        .createTable("cm_activity_files")
        .addColumn("activity_id", "text", (c) => c.notNull().references("cm_activities.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("linked_by", "text")
        .addColumn("linked_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("cm_activity_files_pk", ["activity_id", "file_id"])
        .execute();

      // One overdue reminder per activity and due date, for good (the outbox's dedupe key is freed
      // when delivered messages are pruned; this row is not).
      await db.schema
        .createTable("cm_reminders")
        .addColumn("activity_id", "text", (c) => c.notNull())
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("sent_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("cm_reminders_pk", ["activity_id", "due_date"])
        .execute();
    },
  },
  "20261202T0203_cm_agents": {
    async up(db) {
      await db.schema
        .createTable("cm_agents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("decree_id", "text", (c) => c.notNull().references("cm_decrees.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema.createIndex("cm_agents_decree").on("cm_agents").columns(["decree_id"]).execute();

      await db.schema
        .createTable("cm_changes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("agent_id", "text", (c) => c.notNull().references("cm_agents.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("planned_date", "text")
        .addColumn("realised_date", "text")
        .addColumn("integrated", "integer", (c) => c.notNull())
        .addColumn("integration_ref", "text", (c) => c.notNull())
        .addColumn("integration_file_id", "text", (c) => c.references("files.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cm_changes_unit")
        .on("cm_changes")
        .columns(["unit_id", "realised_date"])
        .execute();

      await db.schema
        .createTable("cm_role_models")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("agent_id", "text", (c) => c.notNull().references("cm_agents.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("activity_date", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
};
