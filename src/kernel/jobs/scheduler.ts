import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock";
import { codec } from "../db/codecs";

/**
 * A job that runs once per slot across all nodes. `ScheduledJobDef` in kernel/module.ts is this with
 * the application context (`JobDef<AppContext>`).
 */
export interface JobDef<Ctx> {
  name: string;
  /** Slot length in seconds: 60 = every minute, 86400 = daily (slots start at 00:00 UTC). */
  everySeconds: number;
  run(ctx: Ctx, slot: { startsAt: Date }): Promise<void>;
}

export type JobRunStatus = "running" | "done" | "failed";

export interface JobRun {
  name: string;
  slot: string;
  node: string;
  startedAt: string;
  finishedAt: string | null;
  status: JobRunStatus;
  error: string | null;
}

/**
 * What one tick did with one job: `done`/`failed` — this node ran the slot; `taken` — another node
 * (or an earlier tick) had claimed it; `busy` — this node is still running the job's previous slot;
 * `error` — the claim itself failed (database unreachable), nothing ran.
 */
export interface TickOutcome {
  name: string;
  slot: string;
  outcome: "done" | "failed" | "taken" | "busy" | "error";
  error?: string;
}

export interface SchedulerOptions<Ctx> {
  db: Kysely<any>;
  clock: Clock;
  /** Handed to every job's `run`. */
  ctx: Ctx;
  log: Pick<Logger, "debug" | "info" | "warn" | "error">;
  /** Written to `job_runs.node`; unique per process by default. */
  nodeId?: string;
  /** How often `start()` ticks (default 5 s). A slot is picked up at most this late. */
  pollSeconds?: number;
}

const MAX_ERROR_CHARS = 2000;

/** Start of the slot containing `now`: floor(now / every) · every, counted from the Unix epoch (UTC). */
export function slotStart(now: Date, everySeconds: number): Date {
  const ms = everySeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** A duplicate-key error from better-sqlite3 (SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE) or PostgreSQL (23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Runs registered jobs once per slot across every node sharing the database. On each tick a node
 * INSERTs `(name, slot)` into `job_runs`; the primary key lets exactly one node succeed, and only
 * that node runs the job. Only the current slot is considered: slots missed while every node was
 * down are not back-filled, and a run that crashed mid-way is not retried (its row stays `running`).
 * So a job runs at most once per slot, and should be written to catch up on its own (e.g. "send
 * every reminder due by now that was not sent yet") rather than assume it saw every slot.
 */
export class Scheduler<Ctx> {
  readonly nodeId: string;
  private readonly jobs = new Map<string, JobDef<Ctx>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly db: Kysely<any>;
  private readonly clock: Clock;
  private readonly ctx: Ctx;
  private readonly log: SchedulerOptions<Ctx>["log"];
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(opts: SchedulerOptions<Ctx>) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.ctx = opts.ctx;
    this.log = opts.log;
    this.nodeId = opts.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.pollMs = (opts.pollSeconds ?? 5) * 1000;
  }

  register(def: JobDef<Ctx>): this {
    if (!/^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/.test(def.name)) throw new Error(`bad job name: ${def.name}`);
    if (this.jobs.has(def.name)) throw new Error(`job already registered: ${def.name}`);
    if (!Number.isInteger(def.everySeconds) || def.everySeconds < 1) {
      throw new Error(`job ${def.name}: everySeconds must be a positive integer`);
    }
    this.jobs.set(def.name, def);
    return this;
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Run every job whose current slot this node wins. Never throws; a failed run is recorded. */
  async tick(now: Date = this.clock.now()): Promise<TickOutcome[]> {
    return Promise.all([...this.jobs.values()].map((job) => this.tickJob(job, now)));
  }

  private async tickJob(job: JobDef<Ctx>, now: Date): Promise<TickOutcome> {
    const startsAt = slotStart(now, job.everySeconds);
    const slot = startsAt.toISOString();
    if (this.inFlight.has(job.name)) return { name: job.name, slot, outcome: "busy" };
    try {
      await this.db
        .insertInto("job_runs")
        .values({
          name: job.name,
          slot,
          node: this.nodeId,
          started_at: this.clock.now().toISOString(),
          status: "running",
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) return { name: job.name, slot, outcome: "taken" };
      this.log.error({ err, job: job.name, slot }, "could not claim job slot");
      return { name: job.name, slot, outcome: "error", error: errorText(err) };
    }
    const run = this.execute(job, slot, startsAt);
    this.inFlight.set(job.name, run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(job.name);
    }
  }

  private async execute(job: JobDef<Ctx>, slot: string, startsAt: Date): Promise<TickOutcome> {
    this.log.debug({ job: job.name, slot, node: this.nodeId }, "job started");
    let error: string | null = null;
    try {
      await job.run(this.ctx, { startsAt });
    } catch (err) {
      error = errorText(err);
      this.log.error({ err, job: job.name, slot }, "job failed");
    }
    try {
      await this.db
        .updateTable("job_runs")
        .set({
          status: error === null ? "done" : "failed",
          finished_at: this.clock.now().toISOString(),
          error,
        })
        .where("name", "=", job.name)
        .where("slot", "=", slot)
        .where("node", "=", this.nodeId)
        .execute();
    } catch (err) {
      this.log.error({ err, job: job.name, slot }, "could not record job result");
    }
    return error === null
      ? { name: job.name, slot, outcome: "done" }
      : { name: job.name, slot, outcome: "failed", error };
  }

  /** Tick every `pollSeconds` (the timer does not keep the process alive). */
  start(): void {
    if (this.timer) return;
    this.log.info({ node: this.nodeId, jobs: this.names() }, "scheduler started");
    const loop = () => {
      if (this.ticking) return; // the previous tick is still claiming; `busy` covers long runs
      this.ticking = this.tick()
        .catch((err) => this.log.error({ err }, "scheduler tick failed"))
        .finally(() => {
          this.ticking = undefined;
        });
    };
    this.timer = setInterval(loop, this.pollMs);
    this.timer.unref();
    loop();
  }

  /** Stop ticking and wait for the runs in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Recent runs, newest slot first. */
  async runs(q: { name?: string; limit?: number } = {}): Promise<JobRun[]> {
    let query = this.db
      .selectFrom("job_runs")
      .selectAll()
      .orderBy("slot", "desc")
      .orderBy("name")
      .limit(Math.min(q.limit ?? 50, 500));
    if (q.name) query = query.where("name", "=", q.name);
    return (await query.execute()).map(decodeJobRun);
  }

  /** Delete run records whose slot is older than `olderThanDays` (e.g. from a daily job). */
  prune(olderThanDays: number, now: Date = this.clock.now()): Promise<number> {
    return pruneJobRuns(this.db, olderThanDays, now);
  }
}

export async function pruneJobRuns(db: Kysely<any>, olderThanDays: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString();
  const r = await db.deleteFrom("job_runs").where("slot", "<", cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function decodeJobRun(r: Record<string, unknown>): JobRun {
  return {
    name: codec.text(r.name),
    slot: codec.instant(r.slot),
    node: codec.text(r.node),
    startedAt: codec.instant(r.started_at),
    finishedAt: codec.instantOrNull(r.finished_at),
    status: codec.text(r.status) as JobRunStatus,
    error: codec.textOrNull(r.error),
  };
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}
