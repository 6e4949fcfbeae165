import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Media tables (prefix media_). Every table carries unit_id; dates are YYYY-MM-DD text, instants
 * ISO text, booleans 0/1. Reach figures live on the publication (one per item and channel).
 */
export const mediaMigrations: MigrationSet = {
  "20261202T0501_media_channels": {
    async up(db) {
      await db.schema
        .createTable("media_channels")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("handle", "text")
        .addColumn("url", "text")
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("media_channels_unit_name", ["unit_id", "name"])
        .execute();

      await db.schema
        .createTable("media_settings")
        .addColumn("unit_id", "text", (c) => c.primaryKey().references("units.id"))
        .addColumn("plan_weekends", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("updated_by", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "20261202T0502_media_items": {
    async up(db) {
      await db.schema
        .createTable("media_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("planned_date", "text", (c) => c.notNull())
        .addColumn("theme", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("draft_text", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("assignee_id", "text", (c) => c.references("users.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("reject_reason", "text")
        .addColumn("author_ids", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("created_by", "text")
        .addColumn("submitted_by", "text")
        .addColumn("submitted_at", "text")
        .addColumn("approved_by", "text")
        .addColumn("approved_at", "text")
        .addColumn("published_at", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("media_items_unit_date")
        .on("media_items")
        .columns(["unit_id", "planned_date"])
        .execute();

      await db.schema
        .createTable("media_item_channels")
        .addColumn("item_id", "text", (c) => c.notNull().references("media_items.id").onDelete("cascade"))
        .addColumn("channel_id", "text", (c) => c.notNull().references("media_channels.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("media_item_channels_pk", ["item_id", "channel_id"])
        .execute();

      await db.schema
        .createTable("media_item_files")
        .addColumn("item_id", "text", (c) => c.notNull().references("media_items.id").onDelete("cascade"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("media_item_files_pk", ["item_id", "file_id"])
        .execute();

      await db.schema
        .createTable("media_publications")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("item_id", "text", (c) => c.notNull().references("media_items.id").onDelete("cascade"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull().references("media_channels.id"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("published_on", "text", (c) => c.notNull())
        .addColumn("views", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("likes", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("comments", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("shares", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("reach_updated_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("media_publications_item_channel", ["item_id", "channel_id"])
        .execute();
      await db.schema
        .createIndex("media_publications_unit_date")
        .on("media_publications")
        .columns(["unit_id", "published_on"])
        .execute();

      await db.schema
        .createTable("media_item_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("item_id", "text", (c) => c.notNull().references("media_items.id").onDelete("cascade"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("from_status", "text")
        .addColumn("to_status", "text")
        .addColumn("note", "text")
        .addColumn("actor_id", "text")
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("media_item_events_item")
        .on("media_item_events")
        .columns(["item_id", "at"])
        .execute();
    },
  },
};
