import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Complaint tables. Instants are ISO text; the deadlines computed at intake/verification are
 * stored with the case (with the rule set id), so later rule changes never move an old case's clock.
 */
export const complaintMigrations: MigrationSet = {
  "20261202T0801_cmp_cases": {
    async up(db) {
      await db.schema
        .createTable("cmp_cases")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("secret_salt", "text", (c) => c.notNull())
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("sla_class", "text")
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("contact_name", "text")
        .addColumn("contact_email", "text")
        .addColumn("contact_phone", "text")
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("assignee_id", "text")
        .addColumn("assignee_name", "text")
        .addColumn("answer", "text")
        .addColumn("answered_at", "text")
        .addColumn("decision_kind", "text")
        .addColumn("decision_reason", "text")
        .addColumn("forward_channel", "text")
        .addColumn("forward_reference", "text")
        .addColumn("rule_set_id", "text", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("received_date", "text", (c) => c.notNull())
        .addColumn("verified_at", "text")
        .addColumn("responded_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("closed_at", "text")
        .addColumn("verify_due", "text", (c) => c.notNull())
        .addColumn("respond_due", "text", (c) => c.notNull())
        .addColumn("resolve_due", "text")
        .addColumn("statutory_respond_due", "text", (c) => c.notNull())
        .addColumn("statutory_decide_due", "text", (c) => c.notNull())
        .addColumn("rating", "integer")
        .addColumn("rating_comment", "text")
        .addColumn("rated_at", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cmp_cases_unit_received")
        .on("cmp_cases")
        .columns(["unit_id", "received_date"])
        .execute();
      await db.schema
        .createIndex("cmp_cases_status")
        .on("cmp_cases")
        .columns(["status", "unit_id"])
        .execute();

      await db.schema
        .createTable("cmp_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("case_id", "text", (c) => c.notNull().references("cmp_cases.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("from_status", "text")
        .addColumn("to_status", "text")
        .addColumn("actor_id", "text")
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("body", "text")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("cmp_events_case").on("cmp_events").columns(["case_id", "at"]).execute();

      await db.schema
        .createTable("cmp_attachments")
        .addColumn("case_id", "text", (c) => c.notNull().references("cmp_cases.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("added_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("cmp_attachments_pk", ["case_id", "file_id"])
        .execute();

      await db.schema
        .createTable("cmp_rule_overrides")
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("rule_set_id", "text", (c) => c.notNull())
        .addColumn("overrides", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("cmp_rule_overrides_pk", ["unit_id", "rule_set_id"])
        .execute();
    },
  },
};
