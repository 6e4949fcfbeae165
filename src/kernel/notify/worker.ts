import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Clock } from "../clock";
import { codec } from "../db/codecs";
import { type DeliveryMeta, type NotifyLog, type Outbox, PermanentDeliveryError } from "./outbox";

export interface OutboxWorkerOptions {
  db: Kysely<any>;
  outbox: Outbox;
  clock: Clock;
  log: NotifyLog;
  /** Names this process in `claimed_by`; unique per process by default. */
  nodeId?: string;
  /** Poll interval of `start()` (default 1000 ms). */
  pollMs?: number;
  /** Delay between an enqueue (or `kick()`) and the run it triggers (default 50 ms). */
  kickDelayMs?: number;
  /** Rows claimed per query (default 20). */
  batchSize?: number;
  /** How long a claim is exclusive; an expired lease (a crashed node) can be claimed again (default 5 min). */
  leaseMs?: number;
  /** A delivery slower than this counts as failed and is retried (default: half the lease). */
  deliveryTimeoutMs?: number;
  /** Attempts before a message is `dead` (default 8). */
  maxAttempts?: number;
  /** Wait before attempt n+1 after n failed attempts (default 30 s · 2^(n-1), at most 1 h). */
  backoffMs?: (failedAttempts: number) => number;
}

/** What one run did. `lost` counts claims another worker won first (it delivers those). */
export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
  dead: number;
  lost: number;
}

const MAX_ERROR_CHARS = 2000;

export function defaultBackoffMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}

/**
 * Delivers outbox messages after commit. Any number of workers (threads of one node, or many app
 * nodes) may run over one database: a message is claimed with a conditional UPDATE that only one of
 * them can win, so no message is delivered twice concurrently; a claim is a lease, so a message held
 * by a crashed node is picked up again once the lease runs out. Failures are retried with exponential
 * backoff until `maxAttempts`, then the message is `dead` with its last error kept.
 */
export class OutboxWorker {
  readonly nodeId: string;
  private readonly db: Kysely<any>;
  private readonly outbox: Outbox;
  private readonly clock: Clock;
  private readonly log: NotifyLog;
  private readonly pollMs: number;
  private readonly kickDelayMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly deliveryTimeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: (failedAttempts: number) => number;

  private timer: NodeJS.Timeout | undefined;
  private kickTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<DrainResult> | undefined;
  private again = false;

  constructor(opts: OutboxWorkerOptions) {
    this.db = opts.db;
    this.outbox = opts.outbox;
    this.clock = opts.clock;
    this.log = opts.log;
    this.nodeId = opts.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.pollMs = opts.pollMs ?? 1000;
    this.kickDelayMs = opts.kickDelayMs ?? 50;
    this.batchSize = opts.batchSize ?? 20;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.deliveryTimeoutMs = opts.deliveryTimeoutMs ?? Math.floor(this.leaseMs / 2);
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.backoffMs = opts.backoffMs ?? defaultBackoffMs;
    if (this.deliveryTimeoutMs >= this.leaseMs)
      throw new Error("deliveryTimeoutMs must be shorter than leaseMs");
  }

  get started(): boolean {
    return this.timer !== undefined;
  }

  /** Poll every `pollMs`, and run soon after each enqueue in this process. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.trigger(), this.pollMs);
    this.timer.unref();
    this.unsubscribe = this.outbox.onEnqueue(() => this.kick());
    this.log.info(
      { node: this.nodeId, types: this.outbox.types(), pollMs: this.pollMs },
      "outbox worker started",
    );
    this.kick();
  }

  /** Stop polling and wait for the delivery in flight, if any. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.kickTimer) clearTimeout(this.kickTimer);
    this.timer = undefined;
    this.kickTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.again = false;
    await this.running?.catch(() => undefined);
  }

  /** Run soon (after `kickDelayMs`), e.g. right after a transaction that enqueued has committed. */
  kick(): void {
    if (!this.timer || this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = undefined;
      this.trigger();
    }, this.kickDelayMs);
    this.kickTimer.unref();
  }

  private trigger(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err) => {
        this.log.error({ err }, "outbox worker run failed");
        return { delivered: 0, retried: 0, failed: 0, dead: 0, lost: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && this.timer) {
          this.again = false;
          this.trigger();
        }
      });
  }

  /** Deliver everything due now (batch after batch) and say what happened. */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { delivered: 0, retried: 0, failed: 0, dead: 0, lost: 0 };
    for (;;) {
      const { result, candidates } = await this.runBatch();
      total.delivered += result.delivered;
      total.retried += result.retried;
      total.failed += result.failed;
      total.dead += result.dead;
      total.lost += result.lost;
      if (candidates < this.batchSize) return total;
    }
  }

  /** One batch: find due messages, claim each, deliver what we won. */
  private async runBatch(): Promise<{ result: DrainResult; candidates: number }> {
    const result: DrainResult = { delivered: 0, retried: 0, failed: 0, dead: 0, lost: 0 };
    const types = this.outbox.types();
    if (types.length === 0) return { result, candidates: 0 };
    const now = this.clock.now().toISOString();
    const due = await this.db
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .where("type", "in", types)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(this.batchSize)
      .execute();
    for (const { id } of due) {
      const outcome = await this.claimAndDeliver(codec.text(id));
      result[outcome] += 1;
    }
    return { result, candidates: due.length };
  }

  private async claimAndDeliver(id: string): Promise<keyof DrainResult> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    // The claim: only one worker's UPDATE can match (SQLite serialises writers; on PostgreSQL the
    // loser waits for the row lock, re-checks the WHERE clause against the committed row and matches
    // nothing). Portable SQL, no SKIP LOCKED needed.
    const claimed = await this.db
      .updateTable("outbox")
      .set({ claimed_by: this.nodeId, claimed_until: new Date(now.getTime() + this.leaseMs).toISOString() })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowIso)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowIso)]))
      .returning(["type", "payload", "attempts", "dedupe_key"])
      .execute();
    const row = claimed[0];
    if (claimed.length !== 1 || !row) return "lost";

    const type = codec.text(row.type);
    const attempt = codec.int(row.attempts) + 1;
    const meta: DeliveryMeta = { id, type, dedupeKey: codec.textOrNull(row.dedupe_key), attempt };
    const handler = this.outbox.handlerFor(type);
    try {
      if (!handler) throw new Error(`no outbox handler for ${type}`);
      await withTimeout(
        handler(codec.json(row.payload), meta),
        this.deliveryTimeoutMs,
        `delivery of ${type}`,
      );
    } catch (err) {
      return this.recordFailure(meta, err);
    }
    const done = await this.db
      .updateTable("outbox")
      .set({
        status: "done",
        attempts: attempt,
        done_at: this.clock.now().toISOString(),
        claimed_until: null,
        last_error: null,
      })
      .where("id", "=", id)
      .where("claimed_by", "=", this.nodeId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      this.log.warn(
        { id, type, node: this.nodeId },
        "outbox lease expired during delivery; message may be delivered again",
      );
    }
    this.log.debug({ id, type, attempt }, "outbox message delivered");
    return "delivered";
  }

  private async recordFailure(meta: DeliveryMeta, err: unknown): Promise<keyof DrainResult> {
    const message = errorText(err);
    const permanent = err instanceof PermanentDeliveryError;
    const now = this.clock.now();
    const status = permanent ? "failed" : meta.attempt >= this.maxAttempts ? "dead" : "pending";
    const next = status === "pending" ? Math.max(1, this.backoffMs(meta.attempt)) : 0;
    await this.db
      .updateTable("outbox")
      .set({
        status,
        attempts: meta.attempt,
        last_error: message,
        next_attempt_at: new Date(now.getTime() + next).toISOString(),
        // A retry is free for any worker; a final status keeps the node that tried last.
        ...(status === "pending" ? { claimed_by: null } : {}),
        claimed_until: null,
      })
      .where("id", "=", meta.id)
      .where("claimed_by", "=", this.nodeId)
      .where("status", "=", "pending")
      .execute();
    const log = { id: meta.id, type: meta.type, attempt: meta.attempt, error: message };
    if (status === "pending") {
      this.log.warn({ ...log, retryInMs: next }, "outbox delivery failed; will retry");
      return "retried";
    }
    this.log.error(
      log,
      status === "dead" ? "outbox message dead after max attempts" : "outbox message failed",
    );
    return status;
  }
}

function errorText(err: unknown): string {
  const text =
    err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
