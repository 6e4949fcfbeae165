import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * integrity-reports tables. Whistle-blowing rows carry no IP address, user agent, account or
 * cookie: the reporter is known only by a random code and the SHA-256 of a random secret; optional
 * identity fields and attachment bytes are AES-256-GCM ciphertext (key outside the database).
 */
export const integrityMigrations: MigrationSet = {
  "20261202T0901_integrity_wbs": {
    async up(db) {
      await db.schema
        .createTable("wbs_reports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("origin_unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("about_head", "integer", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("incident_when", "text")
        .addColumn("incident_where", "text")
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("identity_enc", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("submitted_on", "text", (c) => c.notNull())
        .addColumn("awaiting_handler", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("wbs_reports_unit")
        .on("wbs_reports")
        .columns(["unit_id", "status"])
        .execute();

      await db.schema
        .createTable("wbs_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("report_id", "text", (c) => c.notNull().references("wbs_reports.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status", "text")
        .addColumn("author_user_id", "text")
        .addColumn("author_name", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("wbs_messages_report")
        .on("wbs_messages")
        .columns(["report_id", "seq"])
        .unique()
        .execute();

      await db.schema
        .createTable("wbs_attachments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("report_id", "text", (c) => c.notNull().references("wbs_reports.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("filename", "text", (c) => c.notNull())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("size_bytes", "integer", (c) => c.notNull())
        .addColumn("metadata", "text", (c) => c.notNull())
        .addColumn("from_reporter", "integer", (c) => c.notNull())
        .addColumn("content_enc", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("wbs_attachments_report")
        .on("wbs_attachments")
        .column("report_id")
        .execute();

      // Spent proof-of-work challenges (a token is good once); no caller data, expire with the token.
      await db.schema
        .createTable("wbs_pow_spent")
        .addColumn("token_id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text")
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("wbs_pow_spent_expires").on("wbs_pow_spent").column("expires_at").execute();
    },
  },
  "20261202T0902_integrity_gratification": {
    async up(db) {
      await db.schema
        .createTable("grat_reports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("reporter_user_id", "text", (c) => c.references("users.id"))
        .addColumn("reporter_name", "text", (c) => c.notNull())
        .addColumn("giver_name", "text", (c) => c.notNull())
        .addColumn("giver_relation", "text", (c) => c.notNull())
        .addColumn("giver_address", "text")
        .addColumn("occasion", "text", (c) => c.notNull())
        .addColumn("form", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("value_idr", "bigint", (c) => c.notNull())
        .addColumn("received_on", "text", (c) => c.notNull())
        .addColumn("reported_on", "text", (c) => c.notNull())
        .addColumn("place", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("review_note", "text")
        .addColumn("reviewed_by", "text")
        .addColumn("reviewed_at", "text")
        .addColumn("kpk_reference", "text")
        .addColumn("forwarded_on", "text")
        .addColumn("decision", "text")
        .addColumn("decided_on", "text")
        .addColumn("decision_reference", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("grat_reports_unit")
        .on("grat_reports")
        .columns(["unit_id", "received_on"])
        .execute();
      await db.schema
        .createIndex("grat_reports_number")
        .on("grat_reports")
        .columns(["unit_id", "number"])
        .unique()
        .execute();

      await db.schema
        .createTable("grat_reminders")
        .addColumn("report_id", "text", (c) => c.notNull().references("grat_reports.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("recipients", "integer", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("grat_reminders_pk", ["report_id", "kind"])
        .execute();

      await db.schema
        .createTable("grat_campaigns")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("file_id", "text")
        .addColumn("url", "text")
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("grat_campaigns_unit")
        .on("grat_campaigns")
        .columns(["unit_id", "date"])
        .execute();
    },
  },
  "20261202T0903_integrity_coi": {
    async up(db) {
      await db.schema
        .createTable("coi_declarations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("has_conflict", "integer", (c) => c.notNull())
        .addColumn("details", "text")
        .addColumn("activity_name", "text")
        .addColumn("activity_date", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("decision", "text")
        .addColumn("decision_note", "text")
        .addColumn("reviewed_by", "text")
        .addColumn("reviewed_by_name", "text")
        .addColumn("reviewed_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("coi_declarations_unit")
        .on("coi_declarations")
        .columns(["unit_id", "year"])
        .execute();

      await db.schema
        .createTable("coi_functions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("risk_level", "text", (c) => c.notNull())
        .addColumn("controls", "text")
        .addColumn("updated_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("coi_functions_unit")
        .on("coi_functions")
        .columns(["unit_id", "year"])
        .execute();
    },
  },
};
