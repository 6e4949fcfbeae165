import type { Kysely } from "kysely";
import type { AuditLog } from "../../audit/audit";
import type { Clock } from "../../clock";
import { codec, enc } from "../../db/codecs";
import type { MigrationSet } from "../../db/migrations";
import { DomainError, fail } from "../../http/errors";
import { type Actor, assertScope, holds } from "../../identity/actor";
import { unitsRepo } from "../../org/org.repo";
import {
  type Calendar,
  type CalendarConfig,
  calendarConfigSchema,
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
} from "../calendar";
import { type Holiday, loadShippedHolidays } from "../holidays";

/**
 * The calendar's editable data: the national holiday table (shipped 2025–2027 from the SKB decrees,
 * edited by an administrator) and each unit's working hours (inherited from the nearest ancestor
 * that has its own, else the Kemenkeu default).
 */
export const calendarMigrations: MigrationSet = {
  "20261127T0012_calendar_holidays": {
    async up(db) {
      await db.schema
        .createTable("calendar_holidays")
        .addColumn("date", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("confidence", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("calendar_unit_hours")
        .addColumn("unit_id", "text", (c) => c.primaryKey().references("units.id"))
        .addColumn("config", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      const at = new Date(0).toISOString();
      for (const h of loadShippedHolidays()) {
        await db
          .insertInto("calendar_holidays")
          .values({
            date: h.date,
            name: h.name,
            kind: h.kind,
            source: h.decree ?? null,
            confidence: h.confidence ?? null,
            updated_at: at,
          })
          .execute();
      }
    },
  },
};

export interface HolidayRow {
  date: string;
  name: string;
  kind: "libur" | "cuti_bersama";
  source: string | null;
  confidence: string | null;
}

export class CalendarStore {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async holidays(year?: number): Promise<HolidayRow[]> {
    let q = this.db.selectFrom("calendar_holidays").selectAll().orderBy("date");
    if (year) q = q.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
    return (await q.execute()).map((r) => ({
      date: codec.text(r.date),
      name: codec.text(r.name),
      kind: codec.text(r.kind) as HolidayRow["kind"],
      source: codec.textOrNull(r.source),
      confidence: codec.textOrNull(r.confidence),
    }));
  }

  async putHoliday(
    actor: Actor,
    h: { date: string; name: string; kind: Holiday["kind"]; source?: string | null },
  ) {
    if (!holds(actor, "calendar.holiday.write")) throw new DomainError("FORBIDDEN");
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("calendar_holidays")
        .values({
          date: h.date,
          name: h.name,
          kind: h.kind,
          source: h.source ?? null,
          confidence: null,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .column("date")
            .doUpdateSet({ name: h.name, kind: h.kind, source: h.source ?? null, updated_at: at }),
        )
        .execute();
      await this.audit.record(trx, actor, {
        action: "calendar.holiday.saved",
        entityType: "holiday",
        entityId: h.date,
        data: { name: h.name, kind: h.kind },
      });
    });
  }

  async deleteHoliday(actor: Actor, date: string) {
    if (!holds(actor, "calendar.holiday.write")) throw new DomainError("FORBIDDEN");
    await this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom("calendar_holidays").where("date", "=", date).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) fail("CALENDAR_HOLIDAY_NOT_FOUND", { date });
      await this.audit.record(trx, actor, {
        action: "calendar.holiday.deleted",
        entityType: "holiday",
        entityId: date,
      });
    });
  }

  /** A unit's own hours, or the nearest ancestor's, or the default; with where they came from. */
  async hoursFor(unitId: string): Promise<{ config: CalendarConfig; fromUnitId: string | null }> {
    const unit = (await unitsRepo.get(this.db, unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
    const chain = unit.path.split("/").filter(Boolean).reverse();
    const rows = await this.db
      .selectFrom("calendar_unit_hours")
      .selectAll()
      .where("unit_id", "in", chain)
      .execute();
    const byUnit = new Map(rows.map((r) => [codec.text(r.unit_id), codec.json<CalendarConfig>(r.config)]));
    for (const id of chain) {
      const c = byUnit.get(id);
      if (c) return { config: c, fromUnitId: id };
    }
    return { config: { ...DEFAULT_CALENDAR_CONFIG, zone: unit.zone }, fromUnitId: null };
  }

  async setHours(actor: Actor, unitId: string, config: CalendarConfig) {
    const unit = (await unitsRepo.get(this.db, unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
    assertScope(actor, "org.unit.write", unit);
    const parsed = calendarConfigSchema.safeParse(config);
    if (!parsed.success)
      fail("CALENDAR_HOURS_INVALID", { reason: parsed.error.issues[0]?.message ?? "invalid" });
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("calendar_unit_hours")
        .values({ unit_id: unitId, config: enc.json(config), updated_at: at })
        .onConflict((oc) => oc.column("unit_id").doUpdateSet({ config: enc.json(config), updated_at: at }))
        .execute();
      await this.audit.record(trx, actor, {
        action: "calendar.hours.saved",
        unitId,
        entityType: "unit",
        entityId: unitId,
        data: { zone: config.zone },
      });
    });
  }

  /** The calendar SLA clocks and deadlines of a unit run on. */
  async calendarFor(unitId: string): Promise<Calendar> {
    const [{ config }, holidays] = await Promise.all([this.hoursFor(unitId), this.holidays()]);
    return createCalendar(config, holidays);
  }
}
