import type { Kysely } from "kysely";
import type { Clock } from "../clock";
import { codec, enc } from "../db/codecs";
import type { DialectName } from "../db/database";
import { newId } from "../db/ids";
import type { MigrationSet } from "../db/migrations";
import { type Executor, lockKey } from "../db/transaction";
import { type Actor, actorLabel } from "../identity/actor";
import { type AuditEvent, GENESIS, hashEvent, type VerifyResult, verifier } from "./chain";

export interface AuditEntry {
  action: string;
  unitId?: string | null;
  entityType?: string;
  entityId?: string;
  /** A small summary: ids and changed field names, never passwords, tokens or reporter identity. */
  data?: Record<string, unknown>;
}

export interface AuditQuery {
  unitPaths?: string[] | "all";
  action?: string;
  actorId?: string;
  entityId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit?: number;
}

const MAX_DATA_CHARS = 4000;

export class AuditLog {
  constructor(
    private readonly db: Kysely<any>,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
  ) {}

  /**
   * Append one event inside the caller's transaction, so the state change and its audit row commit
   * or roll back together. Writers are serialised (advisory lock on PostgreSQL; SQLite has one
   * writer) so the chain never forks.
   */
  async record(trx: Executor, actor: Actor, entry: AuditEntry): Promise<AuditEvent> {
    await lockKey(trx, this.dialect, "zona.audit");
    const head = await trx
      .selectFrom("audit_events")
      .select(["seq", "hash"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const data = entry.data ?? {};
    if (JSON.stringify(data).length > MAX_DATA_CHARS)
      throw new Error(`audit data for ${entry.action} too large`);
    const fields = {
      seq: head ? codec.int(head.seq) + 1 : 1,
      id: newId(),
      at: this.clock.now().toISOString(),
      actorId: actor.userId,
      actorLabel: actorLabel(actor),
      unitId: entry.unitId ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      data,
    };
    const prevHash = head ? codec.text(head.hash) : GENESIS;
    const hash = hashEvent(fields, prevHash);
    await trx
      .insertInto("audit_events")
      .values({
        seq: fields.seq,
        id: fields.id,
        at: fields.at,
        actor_id: fields.actorId,
        actor_label: fields.actorLabel,
        unit_id: fields.unitId,
        action: fields.action,
        entity_type: fields.entityType,
        entity_id: fields.entityId,
        data: enc.json(fields.data),
        prev_hash: prevHash,
        hash,
      })
      .execute();
    return { ...fields, prevHash, hash };
  }

  /** Recompute the whole chain in pages (constant memory). */
  async verify(pageSize = 2000): Promise<VerifyResult> {
    const v = verifier();
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom("audit_events")
        .selectAll()
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(pageSize)
        .execute();
      for (const r of rows) if (!v.step(decodeEvent(r))) return v.result();
      if (rows.length < pageSize) return v.result();
      after = codec.int(rows[rows.length - 1]!.seq);
    }
  }

  async list(q: AuditQuery): Promise<AuditEvent[]> {
    let query = this.db
      .selectFrom("audit_events as a")
      .leftJoin("units as u", "u.id", "a.unit_id")
      .selectAll("a")
      .orderBy("a.seq", "desc")
      .limit(Math.min(q.limit ?? 50, 200));
    if (q.unitPaths !== "all") {
      const roots = q.unitPaths ?? [];
      if (roots.length === 0) return [];
      query = query.where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    }
    if (q.action) query = query.where("a.action", "like", `${q.action}%`);
    if (q.actorId) query = query.where("a.actor_id", "=", q.actorId);
    if (q.entityId) query = query.where("a.entity_id", "=", q.entityId);
    if (q.from) query = query.where("a.at", ">=", q.from);
    if (q.to) query = query.where("a.at", "<", q.to);
    if (q.beforeSeq) query = query.where("a.seq", "<", q.beforeSeq);
    return (await query.execute()).map(decodeEvent);
  }
}

export function decodeEvent(r: Record<string, unknown>): AuditEvent {
  return {
    seq: codec.int(r.seq),
    id: codec.text(r.id),
    at: codec.instant(r.at),
    actorId: codec.textOrNull(r.actor_id),
    actorLabel: codec.text(r.actor_label),
    unitId: codec.textOrNull(r.unit_id),
    action: codec.text(r.action),
    entityType: codec.textOrNull(r.entity_type),
    entityId: codec.textOrNull(r.entity_id),
    data: codec.json<Record<string, unknown>>(r.data),
    prevHash: codec.text(r.prev_hash),
    hash: codec.text(r.hash),
  };
}

export const auditMigrations: MigrationSet = {
  "20261127T0003_audit_events": {
    async up(db) {
      // No foreign keys: the trail must outlive the rows it talks about.
      await db.schema
        .createTable("audit_events")
        .addColumn("seq", "bigint", (c) => c.primaryKey())
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("actor_label", "text", (c) => c.notNull())
        .addColumn("unit_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("entity_type", "text")
        .addColumn("entity_id", "text")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_events_unit")
        .on("audit_events")
        .columns(["unit_id", "seq"])
        .execute();
      await db.schema.createIndex("audit_events_entity").on("audit_events").column("entity_id").execute();
      await db.schema
        .createIndex("audit_events_actor")
        .on("audit_events")
        .columns(["actor_id", "seq"])
        .execute();
    },
  },
};
