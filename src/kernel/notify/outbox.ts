import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock";
import { codec, enc } from "../db/codecs";
import { newId } from "../db/ids";
import type { Executor } from "../db/transaction";

/** The few logger methods the outbox, its worker and channels use (a pino or Fastify logger fits). */
export type NotifyLog = Pick<Logger, "debug" | "info" | "warn" | "error">;

export type OutboxStatus = "pending" | "done" | "failed" | "dead";

export interface OutboxMessage<P = unknown> {
  id: string;
  type: string;
  payload: P;
  dedupeKey: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

/** What a handler learns about the message besides its payload. */
export interface DeliveryMeta {
  /** The outbox id: stable across retries, usable as an idempotency key towards the outside world. */
  id: string;
  type: string;
  dedupeKey: string | null;
  /** 1 for the first attempt. */
  attempt: number;
}

export type OutboxHandler<P = any> = (payload: P, meta: DeliveryMeta) => Promise<void>;

/** A delivery target registered under one message type (e-mail, WhatsApp, …). */
export interface Channel<P = any> {
  readonly type: string;
  /** "live" sends to the outside world; "log" writes to the log instead (not configured). */
  readonly mode: "live" | "log";
  deliver(payload: P, meta: DeliveryMeta): Promise<void>;
  close?(): Promise<void>;
}

export interface EnqueueInput<P = unknown> {
  type: string;
  payload: P;
  /** Enqueueing the same key again is a no-op (the first message stands). */
  dedupeKey?: string;
  /** Do not deliver before this instant. */
  notBefore?: Date | string;
}

export interface EnqueueResult {
  id: string;
  /** false when a message with the same dedupe key already existed. */
  created: boolean;
}

/**
 * A handler throws this when retrying cannot help (a malformed payload, a recipient the provider
 * rejects). The message is marked `failed` at once instead of being retried until `dead`.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentDeliveryError";
  }
}

const MAX_PAYLOAD_CHARS = 256 * 1024;
const TYPE = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/**
 * The transactional outbox. `enqueue` writes inside the caller's transaction, so a message exists
 * if and only if the business change committed; an {@link OutboxWorker} delivers it afterwards to
 * the handler registered for its type. Delivery is at-least-once: handlers must be idempotent
 * (use `meta.id` or the dedupe key towards the outside world).
 */
export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Kysely<any>,
    private readonly clock: Clock,
  ) {}

  /** Register the handler for one message type (one handler per type). */
  register<P = any>(type: string, handler: OutboxHandler<P>): this {
    if (!TYPE.test(type)) throw new Error(`bad outbox type: ${type}`);
    if (this.handlers.has(type)) throw new Error(`outbox handler already registered for ${type}`);
    this.handlers.set(type, handler as OutboxHandler);
    return this;
  }

  /** Register a channel under its own type. */
  use(channel: Channel): this {
    return this.register(channel.type, (payload, meta) => channel.deliver(payload, meta));
  }

  handlerFor(type: string): OutboxHandler | undefined {
    return this.handlers.get(type);
  }

  /** The types this process can deliver; a worker only claims these. */
  types(): string[] {
    return [...this.handlers.keys()];
  }

  /** Called after every enqueue (the worker uses it to run soon); returns an unsubscribe function. */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ask the worker(s) in this process to look for due messages soon. `enqueue` does this already;
   * calling it again right after the transaction commits makes delivery immediate on PostgreSQL,
   * where a worker's own connection cannot see the row before the commit.
   */
  kick(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // a listener must never break the caller's transaction
      }
    }
  }

  /** Add a message inside the caller's transaction (`trx`). Idempotent per `dedupeKey`. */
  async enqueue<P>(trx: Executor, input: EnqueueInput<P>): Promise<EnqueueResult> {
    if (!TYPE.test(input.type)) throw new Error(`bad outbox type: ${input.type}`);
    const payload = enc.json(input.payload ?? null);
    if (payload.length > MAX_PAYLOAD_CHARS) throw new Error(`outbox payload for ${input.type} too large`);
    const now = this.clock.now().toISOString();
    const notBefore = input.notBefore === undefined ? now : new Date(input.notBefore).toISOString();
    const id = newId();
    const row = {
      id,
      type: input.type,
      payload,
      dedupe_key: input.dedupeKey ?? null,
      status: "pending",
      attempts: 0,
      next_attempt_at: notBefore,
      created_at: now,
    };
    let created: boolean;
    if (input.dedupeKey === undefined) {
      await trx.insertInto("outbox").values(row).execute();
      created = true;
    } else {
      // ON CONFLICT DO NOTHING (both dialects) rather than catching the error: on PostgreSQL a
      // failed statement would abort the caller's whole transaction.
      const inserted = await trx
        .insertInto("outbox")
        .values(row)
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .returning("id")
        .execute();
      created = inserted.length > 0;
    }
    this.kick();
    if (created) return { id, created };
    const existing = await trx
      .selectFrom("outbox")
      .select("id")
      .where("dedupe_key", "=", input.dedupeKey!)
      .executeTakeFirstOrThrow();
    return { id: codec.text(existing.id), created: false };
  }

  async get<P = unknown>(id: string): Promise<OutboxMessage<P> | undefined> {
    const row = await this.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? decodeMessage<P>(row) : undefined;
  }

  async list(q: { status?: OutboxStatus; type?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
    let query = this.db
      .selectFrom("outbox")
      .selectAll()
      .orderBy("id", "desc")
      .limit(Math.min(q.limit ?? 50, 500));
    if (q.status) query = query.where("status", "=", q.status);
    if (q.type) query = query.where("type", "=", q.type);
    return (await query.execute()).map((r) => decodeMessage(r));
  }

  /** Message counts by status (for health pages and operators). */
  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll().as("n")])
      .groupBy("status")
      .execute();
    const out: Record<OutboxStatus, number> = { pending: 0, done: 0, failed: 0, dead: 0 };
    for (const r of rows) out[codec.text(r.status) as OutboxStatus] = codec.int(r.n);
    return out;
  }

  /** Put a `failed` or `dead` message back in the queue (after fixing the cause). */
  async requeue(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable("outbox")
      .set({
        status: "pending",
        attempts: 0,
        next_attempt_at: this.clock.now().toISOString(),
        claimed_by: null,
        claimed_until: null,
      })
      .where("id", "=", id)
      .where("status", "in", ["failed", "dead"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Delete delivered messages older than `olderThanDays`; failed and dead ones stay for inspection. */
  async prune(olderThanDays: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - olderThanDays * 86_400_000).toISOString();
    const r = await this.db
      .deleteFrom("outbox")
      .where("status", "=", "done")
      .where("done_at", "<", cutoff)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

export function decodeMessage<P = unknown>(r: Record<string, unknown>): OutboxMessage<P> {
  return {
    id: codec.text(r.id),
    type: codec.text(r.type),
    payload: codec.json<P>(r.payload),
    dedupeKey: codec.textOrNull(r.dedupe_key),
    status: codec.text(r.status) as OutboxStatus,
    attempts: codec.int(r.attempts),
    nextAttemptAt: codec.instant(r.next_attempt_at),
    claimedBy: codec.textOrNull(r.claimed_by),
    claimedUntil: codec.instantOrNull(r.claimed_until),
    lastError: codec.textOrNull(r.last_error),
    createdAt: codec.instant(r.created_at),
    doneAt: codec.instantOrNull(r.done_at),
  };
}
