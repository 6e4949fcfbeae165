import { describe, expect, it } from "vitest";
import { type AuditEvent, canonical, GENESIS, hashEvent, verifier } from "./chain";

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const f = {
      seq: i,
      id: `id-${i}`,
      at: `2026-11-27T0${i % 10}:00:00.000Z`,
      actorId: "u1",
      actorLabel: "a@b.c",
      unitId: null,
      action: "x.done",
      entityType: "thing",
      entityId: `t${i}`,
      data: { n: i, nested: { b: 1, a: [2, 3] } },
    };
    const hash = hashEvent(f, prev);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(events: AuditEvent[]) {
  const v = verifier();
  for (const e of events) if (!v.step(e)) break;
  return v.result();
}

describe("audit chain (pure)", () => {
  it("canonical JSON sorts keys at every level", () => {
    expect(canonical({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("verifies an intact chain and reports count and head", () => {
    const events = chain(5);
    expect(verify(events)).toEqual({ ok: true, count: 5, headHash: events[4]!.hash, headSeq: 5 });
    expect(verify([])).toEqual({ ok: true, count: 0, headHash: GENESIS, headSeq: 0 });
  });

  it("names the edited row", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { n: 999 } };
    expect(verify(events)).toMatchObject({ ok: false, badSeq: 3, reason: expect.stringMatching(/changed/) });
  });

  it("names the row after a deleted one", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verify(events)).toMatchObject({ ok: false, badSeq: 3, reason: expect.stringMatching(/deleted/) });
  });

  it("detects a reorder even when sequence numbers are swapped too", () => {
    const events = chain(5);
    const a = events[1]!;
    const b = events[2]!;
    events[1] = { ...b, seq: 2 };
    events[2] = { ...a, seq: 3 };
    expect(verify(events)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it("detects a rewritten tail whose hashes were recomputed from a wrong link", () => {
    const events = chain(4);
    events[3] = { ...events[3]!, prevHash: "f".repeat(64) };
    events[3] = { ...events[3]!, hash: hashEvent(events[3]!, events[3]!.prevHash) };
    expect(verify(events)).toMatchObject({ ok: false, badSeq: 4, reason: expect.stringMatching(/link/) });
  });
});
