import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { type DialectName, rawQuery } from "../db/database";
import type { MigrationSet } from "../db/migrations";
import type { Executor } from "../db/transaction";

/**
 * Fixed-window counters kept in the database, so every app node counts the same hits (two nodes on
 * one PostgreSQL answer 429 alike). Keys are HMACs: no raw IP address is ever written.
 */
const HIT_SQL =
  "insert into rate_limits (key, window_start, count, expires_at) values (?, ?, 1, ?) " +
  "on conflict (key, window_start) do update set count = rate_limits.count + 1 returning count";

export class RateLimiter {
  constructor(
    private readonly db: Kysely<any>,
    private readonly secret: string,
    private readonly dialect: DialectName = "sqlite",
  ) {}

  keyFor(name: string, subject: string): string {
    return `${name}:${createHmac("sha256", this.secret).update(subject).digest("base64url").slice(0, 22)}`;
  }

  /**
   * Count one hit; returns the count in the current window and seconds until it resets. Pass the
   * caller's transaction as `ex` to count inside it (one commit instead of two on a hot public path;
   * a refused request then rolls its own hit back, which is what a limit on accepted writes wants).
   */
  async hit(
    key: string,
    windowSeconds: number,
    now: Date,
    ex: Executor = this.db,
  ): Promise<{ count: number; retryAfter: number }> {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    // Hand-written (rawQuery): every login and public submission passes here.
    const [row] = await rawQuery<{ count: unknown }>(
      { db: ex as Kysely<any>, dialect: this.dialect },
      HIT_SQL,
      [key, start, start + windowMs],
    );
    if (!row) throw new Error("rate limit upsert returned no row");
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
