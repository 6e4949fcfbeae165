import { createHash } from "node:crypto";

/**
 * The audit chain, pure. Each event's hash covers its own fields and the previous event's hash, so
 * editing, deleting or reordering any row breaks every link after it. The genesis link is 64 zeros.
 */
export const GENESIS = "0".repeat(64);

export interface AuditEventFields {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  unitId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
}

export interface AuditEvent extends AuditEventFields {
  prevHash: string;
  hash: string;
}

/** Canonical JSON: keys sorted at every level, so the same event always hashes the same. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

export function hashEvent(e: AuditEventFields, prevHash: string): string {
  const body = canonical({
    seq: e.seq,
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    unitId: e.unitId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    data: e.data,
    prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}

export type VerifyResult =
  | { ok: true; count: number; headHash: string; headSeq: number }
  | { ok: false; count: number; badSeq: number; badId: string; reason: string };

/**
 * Verifies events in stored order (ascending seq). Streams: call `step` per event, then `result`.
 * Reasons name what a person would look for: an edited row, a missing row, a reordered row.
 */
export function verifier() {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  let failure: VerifyResult | null = null;
  return {
    step(e: AuditEvent): boolean {
      if (failure) return false;
      count++;
      const fail = (reason: string) => {
        failure = { ok: false, count, badSeq: e.seq, badId: e.id, reason };
        return false;
      };
      if (e.seq !== expectedSeq) {
        return fail(
          e.seq > expectedSeq
            ? `sequence gap: expected #${expectedSeq}, found #${e.seq} (a row was deleted)`
            : `sequence out of order: expected #${expectedSeq}, found #${e.seq}`,
        );
      }
      if (e.prevHash !== prevHash)
        return fail("previous-hash link broken (a row before it was changed, removed or reordered)");
      if (hashEvent(e, prevHash) !== e.hash) return fail("hash mismatch (this row's content was changed)");
      prevHash = e.hash;
      expectedSeq++;
      return true;
    },
    result(): VerifyResult {
      return failure ?? { ok: true, count, headHash: prevHash, headSeq: expectedSeq - 1 };
    },
  };
}
