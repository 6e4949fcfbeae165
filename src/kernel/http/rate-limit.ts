import { createHmac } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { MigrationSet } from "../db/migrations";

/**
 * Fixed-window counters kept in the database, so every app node counts the same hits (two nodes on
 * one PostgreSQL answer 429 alike). Keys are HMACs: no raw IP address is ever written.
 */
export class RateLimiter {
  constructor(
    private readonly db: Kysely<any>,
    private readonly secret: string,
  ) {}

  keyFor(name: string, subject: string): string {
    return `${name}:${createHmac("sha256", this.secret).update(subject).digest("base64url").slice(0, 22)}`;
  }

  /** Count one hit; returns the count in the current window and seconds until it resets. */
  async hit(key: string, windowSeconds: number, now: Date): Promise<{ count: number; retryAfter: number }> {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const row = await this.db
      .insertInto("rate_limits")
      .values({ key, window_start: start, count: 1, expires_at: start + windowMs })
      .onConflict((oc) =>
        oc.columns(["key", "window_start"]).doUpdateSet({ count: sql`rate_limits.count + 1` }),
      )
      .returning("count")
      .executeTakeFirstOrThrow();
    return {
      count: Number(row.count),
      retryAfter: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
    };
  }

  async count(key: string, windowSeconds: number, now: Date): Promise<number> {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const row = await this.db
      .selectFrom("rate_limits")
      .select("count")
      .where("key", "=", key)
      .where("window_start", "=", start)
      .executeTakeFirst();
    return row ? Number(row.count) : 0;
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom("rate_limits").where("key", "=", key).execute();
  }

  /** Drop expired windows; run by a scheduled job. */
  async prune(now: Date): Promise<number> {
    const r = await this.db
      .deleteFrom("rate_limits")
      .where("expires_at", "<", now.getTime())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

export const rateLimitMigrations: MigrationSet = {
  "20261127T0001_http_rate_limits": {
    async up(db) {
      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("window_start", "bigint", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("rate_limits_pk", ["key", "window_start"])
        .execute();
      await db.schema.createIndex("rate_limits_expires").on("rate_limits").column("expires_at").execute();
    },
  },
};
