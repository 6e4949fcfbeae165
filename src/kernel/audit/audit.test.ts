import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock";
import { type Database, migrateUp } from "../db";
import { systemActor } from "../identity/actor";
import { orgMigrations } from "../org/migrations";
import { testLanes } from "../testing/lanes";
import { AuditLog, auditMigrations } from "./audit";

describe.each(testLanes())("audit log on $name", (lane) => {
  let database: Database;
  let audit: AuditLog;
  beforeAll(async () => {
    database = await lane.create();
    await migrateUp(database.db, [orgMigrations, auditMigrations], database.schema);
    audit = new AuditLog(database.db, database.dialect, fixedClock("2026-11-27T01:00:00Z"));
  });
  afterAll(() => database.close());

  it("appends inside the caller's transaction and chains every row", async () => {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++)
        await audit.record(trx, systemActor(), { action: "test.did", entityId: `e${i}`, data: { i } });
    });
    const r = await audit.verify();
    expect(r).toMatchObject({ ok: true, count: 3, headSeq: 3 });
  });

  it("rolls the audit row back with a failed change", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await audit.record(trx, systemActor(), { action: "test.rolled_back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await audit.list({ unitPaths: "all", action: "test.rolled_back" })).toHaveLength(0);
    expect((await audit.verify()).ok).toBe(true);
  });

  it("keeps one chain under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db
          .transaction()
          .execute((trx) => audit.record(trx, systemActor(), { action: "test.concurrent", data: { i } })),
      ),
    );
    const r = await audit.verify();
    expect(r).toMatchObject({ ok: true, count: 15 });
  });

  it("detects an edited row", async () => {
    await database.db.updateTable("audit_events").set({ data: '{"i":42}' }).where("seq", "=", 5).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, badSeq: 5 });
  });
});
