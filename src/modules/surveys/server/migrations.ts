import type { MigrationSet } from "../../../kernel/db/migrations";
import { MAX_ELEMENTS } from "../domain/kinds";

/**
 * Survey tables. Every table carries unit_id. A response keeps its scores in columns s1…s20 (element
 * i of the period's kind snapshot in s<i>), so a period's sums per element, service type and profile
 * answer are ONE grouped SQL aggregate on both dialects. Responses hold no identity: no account, no
 * address, no device link (the one-per-device marks live in their own table, unlinked).
 */
export const surveyMigrations: MigrationSet = {
  "20261202T0601_survey_tables": {
    async up(db) {
      await db.schema
        .createTable("survey_custom_kinds")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("definition", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("survey_periods")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        // the kind as it was when the period was created (versioned questionnaire)
        .addColumn("kind_snapshot", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("period_type", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("part", "integer")
        .addColumn("starts_on", "text", (c) => c.notNull())
        .addColumn("ends_on", "text", (c) => c.notNull())
        .addColumn("service_types", "text", (c) => c.notNull())
        .addColumn("population", "integer")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("one_per_device", "integer", (c) => c.notNull())
        .addColumn("rate_max", "integer", (c) => c.notNull())
        .addColumn("rate_window_minutes", "integer", (c) => c.notNull())
        .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("survey_periods_slot", ["unit_id", "kind_id", "period_type", "year", "part"])
        .execute();
      await db.schema
        .createIndex("survey_periods_unit_year")
        .on("survey_periods")
        .columns(["unit_id", "year"])
        .execute();

      let responses = db.schema
        .createTable("survey_responses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("period_id", "text", (c) => c.notNull().references("survey_periods.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("submitted_on", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("service_type", "text")
        .addColumn("age_group", "text")
        .addColumn("sex", "text")
        .addColumn("education", "text")
        .addColumn("occupation", "text")
        .addColumn("comment", "text");
      for (let i = 1; i <= MAX_ELEMENTS; i++) responses = responses.addColumn(`s${i}`, "smallint");
      await responses.execute();
      await db.schema
        .createIndex("survey_responses_period")
        .on("survey_responses")
        .column("period_id")
        .execute();

      await db.schema
        .createTable("survey_devices")
        .addColumn("period_id", "text", (c) => c.notNull().references("survey_periods.id"))
        .addColumn("device_hash", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("survey_devices_pk", ["period_id", "device_hash"])
        .execute();

      await db.schema
        .createTable("survey_followups")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("period_id", "text", (c) => c.notNull().references("survey_periods.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("element_code", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("survey_followups_period")
        .on("survey_followups")
        .column("period_id")
        .execute();
    },
  },
};
