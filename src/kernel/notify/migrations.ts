import { sql } from "kysely";
import type { MigrationSet } from "../db/migrations";

export const notifyMigrations: MigrationSet = {
  "20261127T0005_notify_outbox": {
    async up(db) {
      // Instants are ISO-8601 UTC text (same format everywhere), so text comparison is time order.
      await db.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        // Unique but nullable: both dialects allow many NULLs, so only keyed messages are deduplicated.
        .addColumn("dedupe_key", "text", (c) => c.unique())
        .addColumn("status", "text", (c) =>
          c.notNull().defaultTo("pending").check(sql`status in ('pending', 'done', 'failed', 'dead')`),
        )
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "text", (c) => c.notNull())
        .addColumn("claimed_by", "text")
        .addColumn("claimed_until", "text")
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("done_at", "text")
        .execute();
      // The worker's query: pending rows due now, oldest first.
      await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
    },
  },
};
