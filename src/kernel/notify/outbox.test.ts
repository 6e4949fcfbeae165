import type { AddressInfo } from "node:net";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock, systemClock } from "../clock";
import type { Database } from "../db/database";
import { emailChannel, notifyEmail } from "./email";
import { notifyMigrations } from "./migrations";
import { Outbox, PermanentDeliveryError } from "./outbox";
import { lanes, type TestDatabase } from "./test-lanes";
import { OutboxWorker } from "./worker";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const T0 = "2026-11-27T08:00:00.000Z";
const silent = pino({ level: "silent" });

// One SMTP server for the whole file; each test recognises its messages by a unique token.
interface Received {
  raw: string;
  subject: string;
  messageId: string;
  rcpt: string[];
}
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          raw,
          subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? "",
          messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? "",
          rcpt: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let seq = 0;
const token = () => `t${Date.now().toString(36)}${(seq++).toString(36)}`;
const mailsWith = (tok: string) => received.filter((m) => m.subject.includes(tok));

describe.each(lanes)("outbox on $name", (lane) => {
  let tdb: TestDatabase;
  let database: Database;
  const clock = fixedClock(T0);
  let outbox: Outbox;
  let worker: OutboxWorker;

  // One database per lane (PGlite takes seconds to start); every test starts from empty tables.
  beforeAll(async () => {
    tdb = await lane.open([notifyMigrations]);
    database = tdb.database;
  });
  afterAll(async () => {
    await tdb.close();
  });

  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
    clock.set(T0);
    outbox = new Outbox(database.db, clock);
    outbox.use(emailChannel({ smtpUrl, from: "Zona <zona@kpknl.example>", log: silent }));
    worker = new OutboxWorker({ db: database.db, outbox, clock, log: silent, nodeId: "node-a" });
  });

  afterEach(async () => {
    await worker.stop();
  });

  it("delivers an e-mail enqueued in a committed transaction exactly once, over SMTP", async () => {
    const tok = token();
    const { id } = await database.db.transaction().execute((trx) =>
      notifyEmail(outbox, trx, {
        to: "kepala@kpknl.example",
        subject: `Pengaduan baru ${tok}`,
        text: "Ada pengaduan baru.",
        html: "<p>Ada pengaduan baru.</p>",
      }),
    );
    expect(await worker.drain()).toEqual({ delivered: 1, retried: 0, failed: 0, dead: 0, lost: 0 });
    expect(await worker.drain()).toEqual({ delivered: 0, retried: 0, failed: 0, dead: 0, lost: 0 });

    const mails = mailsWith(tok);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.rcpt).toEqual(["kepala@kpknl.example"]);
    expect(mails[0]!.messageId).toBe(`<${id}@kpknl.example>`);
    expect(mails[0]!.raw).toMatch(/^From: Zona <zona@kpknl\.example>/m);
    expect(mails[0]!.raw).toContain("text/html");

    const row = await outbox.get(id);
    expect(row).toMatchObject({
      status: "done",
      attempts: 1,
      doneAt: T0,
      claimedBy: "node-a",
      lastError: null,
    });
    expect(row!.claimedUntil).toBeNull();
  });

  it("never delivers a message whose transaction rolled back", async () => {
    const tok = token();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await notifyEmail(outbox, trx, { to: "x@kpknl.example", subject: `Batal ${tok}`, text: "-" });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(await worker.drain()).toMatchObject({ delivered: 0 });
    expect(mailsWith(tok)).toHaveLength(0);
    expect(await outbox.counts()).toEqual({ pending: 0, done: 0, failed: 0, dead: 0 });
  });

  it("treats a repeated dedupe key as a no-op", async () => {
    const tok = token();
    const mail = {
      to: "x@kpknl.example",
      subject: `Sekali ${tok}`,
      text: "-",
      dedupeKey: `complaint:42:${tok}`,
    };
    const first = await database.db.transaction().execute((trx) => notifyEmail(outbox, trx, mail));
    const again = await database.db.transaction().execute(async (trx) => {
      const a = await notifyEmail(outbox, trx, mail);
      const b = await notifyEmail(outbox, trx, mail);
      return [a, b];
    });
    expect(first.created).toBe(true);
    expect(again).toEqual([
      { id: first.id, created: false },
      { id: first.id, created: false },
    ]);
    await worker.drain();
    // Still a no-op after delivery: the key stays taken while the row exists.
    await database.db.transaction().execute((trx) => notifyEmail(outbox, trx, mail));
    await worker.drain();
    expect(mailsWith(tok)).toHaveLength(1);
  });

  it("rejects a malformed e-mail at enqueue time", async () => {
    await expect(
      database.db
        .transaction()
        .execute((trx) => notifyEmail(outbox, trx, { to: "not-an-address", subject: "x", text: "x" })),
    ).rejects.toThrow();
  });

  it("retries a failing handler with exponential backoff and ends dead after max attempts", async () => {
    let calls = 0;
    outbox.register("test.flaky", async () => {
      calls++;
      throw new Error(`upstream down (${calls})`);
    });
    const w = new OutboxWorker({ db: database.db, outbox, clock, log: silent, maxAttempts: 4 });
    const { id } = await outbox.enqueue(database.db, { type: "test.flaky", payload: { n: 1 } });

    expect(await w.drain()).toMatchObject({ retried: 1 });
    let row = await outbox.get(id);
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "upstream down (1)",
      claimedBy: null,
    });
    expect(row!.nextAttemptAt).toBe("2026-11-27T08:00:30.000Z"); // 30 s

    expect(await w.drain()).toMatchObject({ retried: 0, dead: 0 }); // not due yet
    clock.advance(30_000);
    expect(await w.drain()).toMatchObject({ retried: 1 });
    row = await outbox.get(id);
    expect(row!.nextAttemptAt).toBe("2026-11-27T08:01:30.000Z"); // +60 s

    clock.advance(60_000);
    await w.drain();
    row = await outbox.get(id);
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: "2026-11-27T08:03:30.000Z" }); // +120 s

    clock.advance(120_000);
    expect(await w.drain()).toMatchObject({ dead: 1 });
    row = await outbox.get(id);
    expect(row).toMatchObject({ status: "dead", attempts: 4, lastError: "upstream down (4)" });

    clock.advance(86_400_000);
    expect(await w.drain()).toMatchObject({ delivered: 0, retried: 0, dead: 0 });
    expect(calls).toBe(4);

    expect(await outbox.requeue(id)).toBe(true);
    expect(await outbox.get(id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("succeeds on a later attempt", async () => {
    let calls = 0;
    outbox.register("test.recovers", async () => {
      if (++calls < 3) throw new Error("not yet");
    });
    const { id } = await outbox.enqueue(database.db, { type: "test.recovers", payload: {} });
    for (let i = 0; i < 3; i++) {
      await worker.drain();
      clock.advance(3_600_000);
    }
    expect(await outbox.get(id)).toMatchObject({ status: "done", attempts: 3, lastError: null });
  });

  it("marks a permanent error failed without retrying", async () => {
    outbox.register("test.bad", async () => {
      throw new PermanentDeliveryError("recipient unknown");
    });
    const { id } = await outbox.enqueue(database.db, { type: "test.bad", payload: {} });
    expect(await worker.drain()).toMatchObject({ failed: 1 });
    expect(await outbox.get(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await outbox.get(id))!.lastError).toContain("recipient unknown");
  });

  it("waits for notBefore, and leaves types it has no handler for to other nodes", async () => {
    const seen: unknown[] = [];
    outbox.register("test.later", async (p) => {
      seen.push(p);
    });
    await outbox.enqueue(database.db, {
      type: "test.later",
      payload: { n: 1 },
      notBefore: "2026-11-27T09:00:00Z",
    });
    const other = await outbox.enqueue(database.db, { type: "complaint.received", payload: { id: "c1" } });
    expect(await worker.drain()).toMatchObject({ delivered: 0 });
    clock.set("2026-11-27T09:00:00.000Z");
    expect(await worker.drain()).toMatchObject({ delivered: 1 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await outbox.get(other.id)).toMatchObject({ status: "pending", attempts: 0, claimedBy: null });
  });

  it("takes over a message whose lease expired (a crashed node), but not one still leased", async () => {
    const seen: string[] = [];
    outbox.register("test.lease", async (p: { n: string }) => {
      seen.push(p.n);
    });
    const a = await outbox.enqueue(database.db, { type: "test.lease", payload: { n: "expired" } });
    const b = await outbox.enqueue(database.db, { type: "test.lease", payload: { n: "held" } });
    await database.db
      .updateTable("outbox")
      .set({ claimed_by: "crashed", claimed_until: "2026-11-27T07:59:00.000Z" })
      .where("id", "=", a.id)
      .execute();
    await database.db
      .updateTable("outbox")
      .set({ claimed_by: "busy-node", claimed_until: "2026-11-27T08:04:00.000Z" })
      .where("id", "=", b.id)
      .execute();
    await worker.drain();
    expect(seen).toEqual(["expired"]);
    clock.set("2026-11-27T08:04:00.001Z");
    await worker.drain();
    expect(seen).toEqual(["expired", "held"]);
  });

  it("with two workers on one database, delivers each message exactly once", async () => {
    const tok = token();
    const N = 20;
    // Node B: its own connection, its own outbox registry and SMTP transport.
    const databaseB = tdb.another();
    const outboxB = new Outbox(databaseB.db, clock);
    outboxB.use(emailChannel({ smtpUrl, from: "Zona <zona@kpknl.example>", log: silent }));
    const calls = new Map<string, number>();
    for (const o of [outbox, outboxB]) {
      o.register("test.count", async (_p, meta) => {
        calls.set(meta.id, (calls.get(meta.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      });
    }
    const ids = await database.db.transaction().execute(async (trx) => {
      const out: string[] = [];
      for (let i = 0; i < N; i++) {
        out.push(
          (await notifyEmail(outbox, trx, { to: `u${i}@kpknl.example`, subject: `${tok} #${i}`, text: "-" }))
            .id,
        );
        out.push((await outbox.enqueue(trx, { type: "test.count", payload: { i } })).id);
      }
      return out;
    });
    const a = new OutboxWorker({
      db: database.db,
      outbox,
      clock,
      log: silent,
      nodeId: "node-a",
      batchSize: 5,
    });
    const b = new OutboxWorker({
      db: databaseB.db,
      outbox: outboxB,
      clock,
      log: silent,
      nodeId: "node-b",
      batchSize: 5,
    });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);

    expect(ra.delivered + rb.delivered).toBe(2 * N);
    expect(ra.delivered).toBeGreaterThan(0);
    expect(rb.delivered).toBeGreaterThan(0);
    expect(ra.lost + rb.lost).toBeGreaterThan(0); // the workers really raced for the same rows
    const mails = mailsWith(tok);
    expect(mails).toHaveLength(N);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(N);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(N);
    expect(await outbox.counts()).toEqual({ pending: 0, done: 2 * N, failed: 0, dead: 0 });
    const byNode = await database.db
      .selectFrom("outbox")
      .select(["claimed_by", (eb) => eb.fn.countAll().as("n")])
      .where("id", "in", ids)
      .groupBy("claimed_by")
      .execute();
    expect(byNode.map((r) => r.claimed_by).sort()).toEqual(["node-a", "node-b"]);
  });

  it("prunes delivered messages older than N days", async () => {
    outbox.register("test.prune", async () => undefined);
    await outbox.enqueue(database.db, { type: "test.prune", payload: {} });
    await worker.drain();
    clock.advance(31 * 86_400_000);
    const fresh = await outbox.enqueue(database.db, { type: "test.prune", payload: {} });
    await worker.drain();
    expect(await outbox.prune(30)).toBe(1);
    expect((await outbox.list()).map((m) => m.id)).toEqual([fresh.id]);
  });
});

describe.each(lanes)("outbox worker loop on $name", (lane) => {
  let tdb: TestDatabase;
  afterEach(async () => {
    await tdb.close();
  });

  it("delivers soon after an enqueue (kick), and stop() waits for the delivery in flight", async () => {
    tdb = await lane.open([notifyMigrations]);
    const { db } = tdb.database;
    const outbox = new Outbox(db, systemClock);
    const events: string[] = [];
    let release: () => void = () => undefined;
    outbox.register("test.slow", async (p: { n: number }) => {
      events.push(`start ${p.n}`);
      if (p.n === 2) await new Promise<void>((r) => (release = r));
      events.push(`end ${p.n}`);
    });
    // A poll interval far longer than the test: only the kick can deliver in time.
    const worker = new OutboxWorker({
      db,
      outbox,
      clock: systemClock,
      log: silent,
      pollMs: 60_000,
      kickDelayMs: 10,
    });
    worker.start();
    await db.transaction().execute((trx) => outbox.enqueue(trx, { type: "test.slow", payload: { n: 1 } }));
    outbox.kick();
    await vi.waitFor(() => expect(events).toEqual(["start 1", "end 1"]), { timeout: 5000 });

    await db.transaction().execute((trx) => outbox.enqueue(trx, { type: "test.slow", payload: { n: 2 } }));
    outbox.kick();
    await vi.waitFor(() => expect(events).toContain("start 2"), { timeout: 5000 });
    const stopped = worker.stop();
    setTimeout(() => release(), 50);
    await stopped;
    expect(events).toEqual(["start 1", "end 1", "start 2", "end 2"]);
    expect(await outbox.counts()).toMatchObject({ done: 2, pending: 0 });
  });
});

describe("e-mail channel without SMTP_URL", () => {
  it("says so once at start and logs each e-mail instead of sending it", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const channel = emailChannel({ from: "Zona <zona@localhost>", log });
    expect(channel.mode).toBe("log");
    expect(lines).toMatchObject([{ level: 40, msg: expect.stringContaining("SMTP_URL is not set") }]);
    await channel.deliver(
      { to: "a@b.example", subject: "Reset", text: "link" },
      {
        id: "m1",
        type: "email",
        dedupeKey: null,
        attempt: 1,
      },
    );
    await channel.deliver(
      { to: "a@b.example", subject: "Again", text: "link" },
      {
        id: "m2",
        type: "email",
        dedupeKey: null,
        attempt: 1,
      },
    );
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1); // the warning, once
    expect(
      lines.filter((l) => l.subject === "Reset" && l.to === "a@b.example" && l.text === "link"),
    ).toHaveLength(1);
  });
});
