import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock, systemClock } from "../clock";
import type { Database } from "../db/database";
import { lanes, type TestDatabase } from "../notify/test-lanes";
import { jobsMigrations } from "./migrations";
import { type JobDef, Scheduler, slotStart } from "./scheduler";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const silent = pino({ level: "silent" });
const ctx = { name: "test-context" };
type Ctx = typeof ctx;

describe("slotStart", () => {
  it("floors to the slot in UTC", () => {
    const now = new Date("2026-11-27T23:59:59.999Z");
    expect(slotStart(now, 60).toISOString()).toBe("2026-11-27T23:59:00.000Z");
    expect(slotStart(now, 3600).toISOString()).toBe("2026-11-27T23:00:00.000Z");
    expect(slotStart(now, 86_400).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(slotStart(new Date("2026-11-28T00:00:00.000Z"), 86_400).toISOString()).toBe(
      "2026-11-28T00:00:00.000Z",
    );
  });
});

describe.each(lanes)("scheduler on $name", (lane) => {
  let tdb: TestDatabase;
  let nodeA: Database;
  let nodeB: Database;
  const clock = fixedClock("2026-11-27T08:00:00.000Z");

  beforeAll(async () => {
    tdb = await lane.open([jobsMigrations]);
    nodeA = tdb.database;
    nodeB = tdb.another();
  });
  afterAll(async () => {
    await tdb.close();
  });
  beforeEach(async () => {
    await nodeA.db.deleteFrom("job_runs").execute();
    clock.set("2026-11-27T08:00:00.000Z");
  });

  const twoNodes = (job: JobDef<Ctx>) => [
    new Scheduler<Ctx>({ db: nodeA.db, clock, ctx, log: silent, nodeId: "node-a" }).register(job),
    new Scheduler<Ctx>({ db: nodeB.db, clock, ctx, log: silent, nodeId: "node-b" }).register(job),
  ];

  it("runs a slot exactly once across two nodes ticking concurrently, and again in the next slot", async () => {
    const runs: Array<{ ctx: Ctx; startsAt: string }> = [];
    const [a, b] = twoNodes({
      name: "reminders.send",
      everySeconds: 60,
      run: async (c, slot) => {
        runs.push({ ctx: c, startsAt: slot.startsAt.toISOString() });
      },
    });
    const now = new Date("2026-11-27T08:00:30.000Z");
    const [ra, rb] = await Promise.all([a!.tick(now), b!.tick(now)]);
    expect([...ra, ...rb].map((o) => o.outcome).sort()).toEqual(["done", "taken"]);
    expect(runs).toEqual([{ ctx, startsAt: "2026-11-27T08:00:00.000Z" }]);

    // Later in the same slot: nobody runs it again.
    const late = new Date("2026-11-27T08:00:59.999Z");
    const again = await Promise.all([a!.tick(late), b!.tick(late)]);
    expect(again.flat().map((o) => o.outcome)).toEqual(["taken", "taken"]);
    expect(runs).toHaveLength(1);

    // The next slot runs (once) again.
    const next = new Date("2026-11-27T08:01:00.000Z");
    await Promise.all([b!.tick(next), a!.tick(next)]);
    expect(runs.map((r) => r.startsAt)).toEqual(["2026-11-27T08:00:00.000Z", "2026-11-27T08:01:00.000Z"]);

    const rows = await a!.runs({ name: "reminders.send" });
    expect(rows.map((r) => [r.slot, r.status])).toEqual([
      ["2026-11-27T08:01:00.000Z", "done"],
      ["2026-11-27T08:00:00.000Z", "done"],
    ]);
    expect(rows.every((r) => r.finishedAt !== null && r.error === null)).toBe(true);
  });

  it("stays exactly-once over many slots with both nodes racing", async () => {
    const counts = new Map<string, number>();
    const [a, b] = twoNodes({
      name: "stats.recount",
      everySeconds: 300,
      run: async (_c, { startsAt }) => {
        const k = startsAt.toISOString();
        counts.set(k, (counts.get(k) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const start = Date.parse("2026-11-27T08:00:00.000Z");
    for (let i = 0; i < 20; i++) {
      const now = new Date(start + i * 300_000 + 17_000);
      await Promise.all([a!.tick(now), b!.tick(now), a!.tick(now), b!.tick(now)]);
    }
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const nodes = new Set((await a!.runs({ limit: 100 })).map((r) => r.node));
    expect(nodes.size).toBeGreaterThan(0);
  });

  it("records a failed run with its error without throwing, and runs the next slot", async () => {
    let fail = true;
    const [a] = twoNodes({
      name: "reports.daily",
      everySeconds: 86_400,
      run: async () => {
        if (fail) throw new Error("SLA report source unavailable");
      },
    });
    const out = await a!.tick(new Date("2026-11-27T08:00:00.000Z"));
    expect(out).toEqual([
      {
        name: "reports.daily",
        slot: "2026-11-27T00:00:00.000Z",
        outcome: "failed",
        error: "SLA report source unavailable",
      },
    ]);
    expect(await a!.runs()).toMatchObject([
      { name: "reports.daily", status: "failed", error: "SLA report source unavailable", node: "node-a" },
    ]);
    // Not retried within the slot (at most once per slot) …
    expect((await a!.tick(new Date("2026-11-27T09:00:00.000Z")))[0]!.outcome).toBe("taken");
    // … but the next slot runs.
    fail = false;
    expect((await a!.tick(new Date("2026-11-28T00:00:05.000Z")))[0]!.outcome).toBe("done");
  });

  it("does not start a job's next slot on a node still running its previous one", async () => {
    const waiting: Array<() => void> = [];
    const [a, b] = twoNodes({
      name: "import.slow",
      everySeconds: 60,
      run: () => new Promise<void>((r) => waiting.push(r)),
    });
    const first = a!.tick(new Date("2026-11-27T08:00:00.000Z"));
    await vi.waitFor(async () => expect(await a!.runs()).toHaveLength(1));
    expect(await a!.tick(new Date("2026-11-27T08:01:00.000Z"))).toMatchObject([{ outcome: "busy" }]);
    // Another node is free to take that slot.
    const other = b!.tick(new Date("2026-11-27T08:01:00.000Z"));
    await vi.waitFor(async () => expect(await a!.runs()).toHaveLength(2));
    // The claim row commits before the job body starts: wait for both bodies, or the second one's
    // resolver would be pushed after we released them (a race a loaded CI machine hits).
    await vi.waitFor(() => expect(waiting).toHaveLength(2));
    for (const r of waiting) r();
    expect(await first).toMatchObject([{ outcome: "done", slot: "2026-11-27T08:00:00.000Z" }]);
    expect(await other).toMatchObject([{ outcome: "done", slot: "2026-11-27T08:01:00.000Z" }]);
  });

  it("prunes run records older than N days", async () => {
    const [a] = twoNodes({ name: "noop", everySeconds: 86_400, run: async () => undefined });
    for (let d = 1; d <= 5; d++) await a!.tick(new Date(`2026-11-0${d}T10:00:00.000Z`));
    // Cutoff 2026-11-03T12:00Z: the slots of Nov 1, 2 and 3 (00:00Z) started before it.
    expect(await a!.prune(2, new Date("2026-11-05T12:00:00.000Z"))).toBe(3);
    expect((await a!.runs()).map((r) => r.slot.slice(0, 10))).toEqual(["2026-11-05", "2026-11-04"]);
  });

  it("start() ticks on its own and stop() waits for the run in flight", async () => {
    const events: string[] = [];
    const s = new Scheduler<Ctx>({ db: nodeA.db, clock: systemClock, ctx, log: silent, pollSeconds: 60 });
    s.register({
      name: "loop.check",
      everySeconds: 3600,
      run: async () => {
        events.push("start");
        await new Promise((r) => setTimeout(r, 50));
        events.push("end");
      },
    });
    s.start();
    await vi.waitFor(() => expect(events).toContain("start"));
    await s.stop();
    expect(events).toEqual(["start", "end"]);
  });
});

describe("Scheduler.register", () => {
  it("rejects bad definitions", () => {
    const s = new Scheduler({ db: {} as never, clock: systemClock, ctx, log: silent });
    expect(() => s.register({ name: "Bad Name", everySeconds: 60, run: async () => undefined })).toThrow();
    expect(() => s.register({ name: "ok", everySeconds: 0.5, run: async () => undefined })).toThrow();
    s.register({ name: "ok", everySeconds: 60, run: async () => undefined });
    expect(() => s.register({ name: "ok", everySeconds: 60, run: async () => undefined })).toThrow(/already/);
  });
});
