import type { AppContext } from "../kernel/context";
import { newId } from "../kernel/db";
import type { ServerModule } from "../kernel/module";

/**
 * The scheduler's heartbeat: one row per slot in which a node ran it. Operators read it to see that
 * scheduled work is alive; with several nodes it shows each slot ran once (no unique key here, so a
 * double run would show as two rows — the two-node test counts them).
 */
export const systemModule: ServerModule = {
  name: "system",
  migrations: {
    "20261127T0030_system_heartbeats": {
      async up(db) {
        await db.schema
          .createTable("system_heartbeats")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("slot", "text", (c) => c.notNull())
          .addColumn("node", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("system_heartbeats_slot")
          .on("system_heartbeats")
          .column("slot")
          .execute();
      },
    },
  },
};

export function heartbeatJob(everySeconds: number, node: string) {
  return {
    name: "system.heartbeat",
    everySeconds,
    run: async (ctx: AppContext, slot: { startsAt: Date }) => {
      await ctx.db
        .insertInto("system_heartbeats")
        .values({ id: newId(), slot: slot.startsAt.toISOString(), node, at: ctx.clock.now().toISOString() })
        .execute();
      // Keep a day of beats.
      const cutoff = new Date(ctx.clock.now().getTime() - 86400_000).toISOString();
      await ctx.db.deleteFrom("system_heartbeats").where("at", "<", cutoff).execute();
    },
  };
}
