import { hostname } from "node:os";
import type { Config } from "../kernel/config/config";
import type { AppContext } from "../kernel/context";
import { createDatabase, withGlobalLock } from "../kernel/db";
import { Scheduler } from "../kernel/jobs";
import { OutboxWorker } from "../kernel/notify";
import { type BuiltApp, buildApp } from "./app";
import { seedDemo } from "./demo";
import { heartbeatJob } from "./system";

export interface Running extends BuiltApp {
  url: string;
  seeded: boolean;
  close(): Promise<void>;
}

/** Start background work for one node: the outbox worker and the scheduled jobs. */
export function startBackground(ctx: AppContext) {
  const nodeId = ctx.config.NODE_ID ?? `${hostname()}:${process.pid}`;
  const worker = new OutboxWorker({ db: ctx.db, outbox: ctx.outbox, clock: ctx.clock, log: ctx.log, nodeId });
  const scheduler = new Scheduler<AppContext>({ db: ctx.db, clock: ctx.clock, ctx, log: ctx.log, nodeId });
  for (const m of ctx.modules) for (const job of m.jobs ?? []) scheduler.register(job);
  scheduler.register(heartbeatJob(ctx.config.JOBS_HEARTBEAT_SECONDS, nodeId));
  worker.start();
  scheduler.start();
  return {
    worker,
    scheduler,
    stop: async () => {
      await scheduler.stop();
      await worker.stop();
    },
  };
}

/** `zona serve`: database, migrations, demo office on first start, HTTP, worker and jobs. */
export async function serve(config: Config): Promise<Running> {
  const database = createDatabase(config.DATABASE_URL);
  const built = await buildApp({ config, database });
  // Nodes starting together on an empty database would both try to seed: one does, under a lock.
  const seeded = config.demo
    ? await withGlobalLock(database, "zona.demo-seed", () => seedDemo(built.ctx))
    : false;
  const background = config.JOBS ? startBackground(built.ctx) : null;
  await built.app.listen({ port: config.PORT, host: config.HOST });
  const addr = built.app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.PORT;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  let closing: Promise<void> | null = null;
  return {
    ...built,
    url: `http://${host}:${port}`,
    seeded,
    close: () => {
      closing ??= (async () => {
        await built.app.close();
        await background?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
