import { sql } from "kysely";
import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Integrity pact tables. A round is one pact text offered to a unit's staff; each signature keeps the
 * SHA-256 of the exact text the signer saw and snapshots their name and NIP (the printed pact must
 * not change when a profile does). A partial unique index keeps one open round per unit on both
 * dialects; the service checks it first to answer with a clear message.
 */
export const pactMigrations: MigrationSet = {
  "20261202T0101_pact_rounds": {
    async up(db) {
      await db.schema
        .createTable("pact_rounds")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("text_hash", "text", (c) => c.notNull())
        .addColumn("opens_on", "text", (c) => c.notNull())
        .addColumn("closes_on", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        .addColumn("closed_by", "text")
        .addColumn("created_by", "text")
        .addColumn("created_by_name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("pact_rounds_unit")
        .on("pact_rounds")
        .columns(["unit_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("pact_rounds_one_open")
        .on("pact_rounds")
        .column("unit_id")
        .unique()
        .where(sql.ref("status"), "=", sql.lit("open"))
        .execute();

      await db.schema
        .createTable("pact_signatures")
        .addColumn("round_id", "text", (c) => c.notNull().references("pact_rounds.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("text_hash", "text", (c) => c.notNull())
        .addColumn("statement", "text", (c) => c.notNull())
        .addColumn("signer_name", "text", (c) => c.notNull())
        .addColumn("signer_nip", "text")
        .addColumn("user_agent", "text")
        .addColumn("signed_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("pact_signatures_pk", ["round_id", "user_id"])
        .execute();
      await db.schema.createIndex("pact_signatures_user").on("pact_signatures").column("user_id").execute();

      await db.schema
        .createTable("pact_reminders")
        .addColumn("round_id", "text", (c) => c.notNull().references("pact_rounds.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("outbox_id", "text", (c) => c.notNull())
        .addColumn("sent_by", "text")
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("pact_reminders_pk", ["round_id", "user_id", "day"])
        .execute();
    },
  },
};
