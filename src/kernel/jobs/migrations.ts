import { sql } from "kysely";
import type { MigrationSet } from "../db/migrations";

export const jobsMigrations: MigrationSet = {
  "20261127T0006_jobs_runs": {
    async up(db) {
      // One row per job and slot: the primary key is the lock that lets exactly one node run a slot.
      await db.schema
        .createTable("job_runs")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("slot", "text", (c) => c.notNull())
        .addColumn("node", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("job_runs_pk", ["name", "slot"])
        .execute();
      await db.schema.createIndex("job_runs_slot").on("job_runs").column("slot").execute();
    },
  },
};
