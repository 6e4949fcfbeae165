/**
 * Gratification control (UPG): employees report gifts received or refused; the UPG reviews, closes
 * or forwards to KPK with its reference and records the decision. Deadlines are counted in working
 * days on the unit's calendar under the rule set in force on the receipt date (domain/gratification-rules).
 */

import { isValidLocalDate, jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { lockKey } from "../../../kernel/db/transaction";
import { fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots, systemActor } from "../../../kernel/identity/actor";
import { peopleWith } from "../../../kernel/identity/people";
import { notifyEmail } from "../../../kernel/notify";
import type { Campaign, GratRecap, GratReport } from "../contract";
import {
  type GratReminderKind,
  gratDeadlines,
  remindersDue,
  reportedOnTime,
  thresholdHint,
} from "../domain/gratification-rules";
import {
  GRAT_DECISIONS,
  type GratAction,
  type GratDecision,
  type GratForm,
  type GratOccasion,
  type GratStatus,
  INTEGRITY_PERMISSIONS,
} from "../domain/model";

const P = INTEGRITY_PERMISSIONS;

export interface GratCreate {
  unitId: string;
  giverName: string;
  giverRelation: string;
  giverAddress?: string | undefined;
  occasion: GratOccasion;
  form: GratForm;
  description: string;
  valueIdr: number;
  receivedOn: string;
  place?: string | undefined;
  action: GratAction;
}

type Row = Record<string, unknown>;

export class GratService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }
  private nowIso() {
    return this.ctx.clock.now().toISOString();
  }
  today() {
    return jakartaDate(this.ctx.clock.now());
  }

  private async toWire(r: Row, unitName?: string): Promise<GratReport> {
    const unitId = codec.text(r.unit_id);
    const cal = await this.ctx.calendar.calendarFor(unitId);
    const receivedOn = codec.text(r.received_on);
    const reportedOn = codec.text(r.reported_on);
    const status = codec.text(r.status) as GratStatus;
    const deadlines = gratDeadlines(cal, { receivedOn, reportedOn, upgReceivedOn: reportedOn });
    const forwardedOn = codec.textOrNull(r.forwarded_on);
    const today = this.today();
    return {
      id: codec.text(r.id),
      number: codec.text(r.number),
      unitId,
      unitName: unitName ?? codec.textOrNull(r.unit_name) ?? (await this.ctx.org.get(unitId))?.name ?? "",
      reporterName: codec.text(r.reporter_name),
      reporterUserId: codec.textOrNull(r.reporter_user_id),
      giverName: codec.text(r.giver_name),
      giverRelation: codec.text(r.giver_relation),
      giverAddress: codec.textOrNull(r.giver_address),
      occasion: codec.text(r.occasion) as GratOccasion,
      form: codec.text(r.form) as GratForm,
      description: codec.text(r.description),
      valueIdr: codec.int(r.value_idr),
      receivedOn,
      reportedOn,
      place: codec.textOrNull(r.place),
      action: codec.text(r.action) as GratAction,
      status,
      reviewNote: codec.textOrNull(r.review_note),
      reviewedAt: codec.instantOrNull(r.reviewed_at),
      kpkReference: codec.textOrNull(r.kpk_reference),
      forwardedOn,
      decision: codec.textOrNull(r.decision) as GratDecision | null,
      decidedOn: codec.textOrNull(r.decided_on),
      decisionReference: codec.textOrNull(r.decision_reference),
      deadlines,
      reportedOnTime: reportedOnTime(deadlines, reportedOn),
      forwardOverdue:
        (status === "reported" || status === "reviewed") &&
        deadlines.upgForwardBy !== null &&
        today > deadlines.upgForwardBy,
      threshold: thresholdHint(receivedOn, codec.text(r.occasion) as GratOccasion, codec.int(r.value_idr)),
    };
  }

  private async row(id: string): Promise<Row> {
    return (
      (await this.db
        .selectFrom("grat_reports as g")
        .innerJoin("units as u", "u.id", "g.unit_id")
        .selectAll("g")
        .select("u.name as unit_name")
        .where("g.id", "=", id)
        .executeTakeFirst()) ?? fail("GRAT_NOT_FOUND", { id })
    );
  }

  async create(actor: Actor, input: GratCreate): Promise<GratReport> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.gratReport);
    const today = this.today();
    if (!isValidLocalDate(input.receivedOn)) fail("GRAT_DATE_INVALID", { field: "receivedOn" });
    if (input.receivedOn > today)
      fail("GRAT_DATE_IN_FUTURE", { field: "receivedOn", date: input.receivedOn, today });
    const reviewers = await peopleWith(this.db, [unit.id], P.gratReview);
    const id = newId();
    const at = this.nowIso();
    const year = today.slice(0, 4);
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `grat.number.${unit.id}`);
      const n = await trx
        .selectFrom("grat_reports")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("unit_id", "=", unit.id)
        .where("number", "like", `GRAT-${year}-%`)
        .executeTakeFirstOrThrow();
      const number = `GRAT-${year}-${String(codec.int(n.n) + 1).padStart(4, "0")}`;
      await trx
        .insertInto("grat_reports")
        .values({
          id,
          unit_id: unit.id,
          number,
          reporter_user_id: actor.userId,
          reporter_name: actor.name,
          giver_name: input.giverName,
          giver_relation: input.giverRelation,
          giver_address: input.giverAddress ?? null,
          occasion: input.occasion,
          form: input.form,
          description: input.description,
          value_idr: input.valueIdr,
          received_on: input.receivedOn,
          reported_on: today,
          place: input.place ?? null,
          action: input.action,
          status: "reported",
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "gratification.reported",
        unitId: unit.id,
        entityType: "grat_report",
        entityId: id,
        data: { number, action: input.action, valueIdr: input.valueIdr, receivedOn: input.receivedOn },
      });
      for (const r of reviewers) {
        await notifyEmail(this.ctx.outbox, trx, {
          to: r.email,
          subject: `Laporan gratifikasi ${number} menunggu telaah UPG`,
          text: [
            `Yth. ${r.name},`,
            "",
            `${actor.name} melaporkan gratifikasi (${input.action === "ditolak" ? "ditolak" : "diterima"}) nomor ${number}.`,
            `Telaah dan teruskan ke KPK bila perlu melalui Zona: ${this.ctx.config.publicUrl}/integritas/gratifikasi/register`,
          ].join("\n"),
          dedupeKey: `grat:${id}:new:${r.userId}`,
        });
      }
    });
    return this.toWire(await this.row(id));
  }

  async mine(actor: Actor): Promise<GratReport[]> {
    if (!actor.userId) return [];
    const rows = await this.db
      .selectFrom("grat_reports as g")
      .innerJoin("units as u", "u.id", "g.unit_id")
      .selectAll("g")
      .select("u.name as unit_name")
      .where("g.reporter_user_id", "=", actor.userId)
      .orderBy("g.received_on", "desc")
      .execute();
    return Promise.all(rows.map((r) => this.toWire(r)));
  }

  async get(actor: Actor, id: string): Promise<GratReport> {
    const r = await this.row(id);
    if (codec.textOrNull(r.reporter_user_id) !== actor.userId) {
      const unit = (await this.ctx.org.get(codec.text(r.unit_id)))!;
      if (!can(actor, P.gratReview, unit.path)) fail("GRAT_NOT_OWN");
    }
    return this.toWire(r);
  }

  async list(
    actor: Actor,
    q: { unitId?: string | undefined; year?: number | undefined },
  ): Promise<GratReport[]> {
    let roots = scopeRoots(actor, P.gratReview);
    if (q.unitId) roots = [(await this.ctx.org.getInScope(actor, q.unitId, P.gratReview)).path];
    if (roots.length === 0) return [];
    let query = this.db
      .selectFrom("grat_reports as g")
      .innerJoin("units as u", "u.id", "g.unit_id")
      .selectAll("g")
      .select("u.name as unit_name")
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    if (q.year)
      query = query
        .where("g.received_on", ">=", `${q.year}-01-01`)
        .where("g.received_on", "<=", `${q.year}-12-31`);
    const rows = await query.orderBy("g.received_on", "desc").limit(1000).execute();
    return Promise.all(rows.map((r) => this.toWire(r)));
  }

  private async forReview(actor: Actor, id: string) {
    const r = await this.row(id);
    const unit = (await this.ctx.org.get(codec.text(r.unit_id)))!;
    assertScope(actor, P.gratReview, unit);
    return { r, unit, status: codec.text(r.status) as GratStatus };
  }

  /** Record the UPG's review; with a decision the UPG closes the report itself (not forwarded). */
  async review(actor: Actor, id: string, input: { note: string; decision?: GratDecision | undefined }) {
    const { unit, status } = await this.forReview(actor, id);
    if (status !== "reported" && status !== "reviewed") fail("GRAT_BAD_STATE", { status, step: "review" });
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("grat_reports")
        .set({
          review_note: input.note,
          reviewed_by: actor.userId,
          reviewed_at: at,
          status: input.decision ? "closed" : "reviewed",
          decision: input.decision ?? null,
          decided_on: input.decision ? this.today() : null,
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: input.decision ? "gratification.closed_by_upg" : "gratification.reviewed",
        unitId: unit.id,
        entityType: "grat_report",
        entityId: id,
        data: { decision: input.decision ?? null },
      });
    });
    return this.toWire(await this.row(id));
  }

  async forward(actor: Actor, id: string, input: { kpkReference: string; forwardedOn: string }) {
    const { r, unit, status } = await this.forReview(actor, id);
    if (status !== "reported" && status !== "reviewed") fail("GRAT_BAD_STATE", { status, step: "forward" });
    if (!input.kpkReference.trim()) fail("GRAT_KPK_REFERENCE_REQUIRED");
    const today = this.today();
    if (!isValidLocalDate(input.forwardedOn)) fail("GRAT_DATE_INVALID", { field: "forwardedOn" });
    if (input.forwardedOn > today)
      fail("GRAT_DATE_IN_FUTURE", { field: "forwardedOn", date: input.forwardedOn, today });
    if (input.forwardedOn < codec.text(r.received_on)) fail("GRAT_DATE_INVALID", { field: "forwardedOn" });
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("grat_reports")
        .set({
          status: "forwarded",
          kpk_reference: input.kpkReference.trim(),
          forwarded_on: input.forwardedOn,
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "gratification.forwarded_to_kpk",
        unitId: unit.id,
        entityType: "grat_report",
        entityId: id,
        data: { kpkReference: input.kpkReference.trim(), forwardedOn: input.forwardedOn },
      });
    });
    return this.toWire(await this.row(id));
  }

  async decide(
    actor: Actor,
    id: string,
    input: {
      decision: GratDecision;
      decidedOn: string;
      decisionReference?: string | undefined;
      note?: string | undefined;
    },
  ) {
    const { unit, status } = await this.forReview(actor, id);
    if (status !== "forwarded") fail("GRAT_BAD_STATE", { status, step: "decide" });
    const today = this.today();
    if (!isValidLocalDate(input.decidedOn)) fail("GRAT_DATE_INVALID", { field: "decidedOn" });
    if (input.decidedOn > today)
      fail("GRAT_DATE_IN_FUTURE", { field: "decidedOn", date: input.decidedOn, today });
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("grat_reports")
        .set({
          status: "decided",
          decision: input.decision,
          decided_on: input.decidedOn,
          decision_reference: input.decisionReference ?? null,
          ...(input.note ? { review_note: input.note } : {}),
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "gratification.decided",
        unitId: unit.id,
        entityType: "grat_report",
        entityId: id,
        data: { decision: input.decision, decidedOn: input.decidedOn },
      });
    });
    return this.toWire(await this.row(id));
  }

  async recapFor(unitId: string, year: number): Promise<GratRecap> {
    const rows = await this.db
      .selectFrom("grat_reports")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("received_on", ">=", `${year}-01-01`)
      .where("received_on", "<=", `${year}-12-31`)
      .execute();
    const cal = await this.ctx.calendar.calendarFor(unitId);
    const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, refused: 0, accepted: 0 }));
    const byDecision: Record<string, number> = Object.fromEntries(GRAT_DECISIONS.map((d) => [d, 0]));
    let onTime = 0;
    let value = 0;
    for (const r of rows) {
      const m = byMonth[Number(codec.text(r.received_on).slice(5, 7)) - 1]!;
      if (codec.text(r.action) === "ditolak") m.refused++;
      else m.accepted++;
      const d = codec.textOrNull(r.decision);
      if (d) byDecision[d] = (byDecision[d] ?? 0) + 1;
      value += codec.int(r.value_idr);
      const dl = gratDeadlines(cal, { receivedOn: codec.text(r.received_on) });
      if (reportedOnTime(dl, codec.text(r.reported_on))) onTime++;
    }
    const campaigns = await this.db
      .selectFrom("grat_campaigns")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("unit_id", "=", unitId)
      .where("date", ">=", `${year}-01-01`)
      .where("date", "<=", `${year}-12-31`)
      .executeTakeFirstOrThrow();
    return {
      year,
      total: rows.length,
      refused: rows.filter((r) => codec.text(r.action) === "ditolak").length,
      accepted: rows.filter((r) => codec.text(r.action) === "diterima").length,
      forwardedToKpk: rows.filter((r) => codec.textOrNull(r.forwarded_on) !== null).length,
      reportedOnTime: onTime,
      totalValueIdr: value,
      byMonth,
      byDecision,
      campaigns: codec.int(campaigns.n),
    };
  }

  async recap(actor: Actor, unitId: string, year: number): Promise<GratRecap> {
    await this.ctx.org.getInScope(actor, unitId, P.gratReview);
    return this.recapFor(unitId, year);
  }

  /**
   * Daily: each open report gets each reminder kind at most once, ever (grat_reminders primary key
   * plus the outbox dedupe key), addressed to the unit's UPG reviewers.
   */
  async sendReminders(): Promise<{ queued: number }> {
    const today = this.today();
    const rows = await this.db
      .selectFrom("grat_reports")
      .selectAll()
      .where("status", "in", ["reported", "reviewed"])
      .execute();
    let queued = 0;
    const system = systemActor("gratification-reminders");
    for (const r of rows) {
      const unitId = codec.text(r.unit_id);
      const cal = await this.ctx.calendar.calendarFor(unitId);
      const kinds = remindersDue(
        cal,
        {
          status: codec.text(r.status),
          receivedOn: codec.text(r.received_on),
          upgReceivedOn: codec.text(r.reported_on),
          action: codec.text(r.action),
        },
        today,
      );
      if (kinds.length === 0) continue;
      const reviewers = await peopleWith(this.db, [unitId], P.gratReview);
      const id = codec.text(r.id);
      const number = codec.text(r.number);
      const dl = gratDeadlines(cal, {
        receivedOn: codec.text(r.received_on),
        upgReceivedOn: codec.text(r.reported_on),
      });
      for (const kind of kinds) {
        await this.db.transaction().execute(async (trx) => {
          const ins = await trx
            .insertInto("grat_reminders")
            .values({ report_id: id, kind, unit_id: unitId, recipients: reviewers.length, at: this.nowIso() })
            .onConflict((oc) => oc.columns(["report_id", "kind"]).doNothing())
            .returning("kind")
            .executeTakeFirst();
          if (!ins) return;
          for (const p of reviewers) {
            await notifyEmail(this.ctx.outbox, trx, {
              to: p.email,
              subject: reminderSubject(kind, number),
              text: [
                `Yth. ${p.name},`,
                "",
                reminderSubject(kind, number),
                `Batas penerusan UPG ke KPK: ${dl.upgForwardBy}; batas pelaporan ke KPK: ${dl.reportToKpkBy} (hari kerja).`,
                `Buka register: ${this.ctx.config.publicUrl}/integritas/gratifikasi/register`,
              ].join("\n"),
              dedupeKey: `grat:${id}:${kind}:${p.userId}`,
            });
            queued++;
          }
          await this.ctx.audit.record(trx, system, {
            action: "gratification.reminded",
            unitId,
            entityType: "grat_report",
            entityId: id,
            data: { kind, recipients: reviewers.length },
          });
        });
      }
    }
    return { queued };
  }

  // ---------------------------------------------------------------------------------------------
  // Public campaign items

  private decodeCampaign(r: Row): Campaign {
    return {
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      title: codec.text(r.title),
      date: codec.text(r.date),
      channel: codec.text(r.channel),
      fileId: codec.textOrNull(r.file_id),
      fileName: codec.textOrNull(r.original_name),
      url: codec.textOrNull(r.url),
      createdAt: codec.instant(r.created_at),
    };
  }

  async campaigns(actor: Actor, unitId: string, year?: number): Promise<Campaign[]> {
    await this.ctx.org.getInScope(actor, unitId, P.gratReport);
    let q = this.db
      .selectFrom("grat_campaigns as c")
      .leftJoin("files as f", "f.id", "c.file_id")
      .selectAll("c")
      .select("f.original_name")
      .where("c.unit_id", "=", unitId);
    if (year) q = q.where("c.date", ">=", `${year}-01-01`).where("c.date", "<=", `${year}-12-31`);
    return (await q.orderBy("c.date", "desc").execute()).map((r) => this.decodeCampaign(r));
  }

  async campaignRow(id: string): Promise<Campaign> {
    const r = await this.db
      .selectFrom("grat_campaigns as c")
      .leftJoin("files as f", "f.id", "c.file_id")
      .selectAll("c")
      .select("f.original_name")
      .where("c.id", "=", id)
      .executeTakeFirst();
    return r ? this.decodeCampaign(r) : fail("GRAT_CAMPAIGN_NOT_FOUND", { id });
  }

  async addCampaign(
    actor: Actor,
    input: {
      unitId: string;
      title: string;
      date: string;
      channel: string;
      fileId?: string | undefined;
      url?: string | undefined;
    },
  ): Promise<Campaign> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.gratReview);
    if (!isValidLocalDate(input.date)) fail("GRAT_DATE_INVALID", { field: "date" });
    if (input.fileId) {
      const f = await this.ctx.files.get(input.fileId);
      if (!f || f.unitId !== unit.id) fail("GRAT_FILE_NOT_FOUND", { id: input.fileId });
    }
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("grat_campaigns")
        .values({
          id,
          unit_id: unit.id,
          title: input.title,
          date: input.date,
          channel: input.channel,
          file_id: input.fileId ?? null,
          url: input.url ?? null,
          created_by: actor.userId,
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "gratification.campaign.added",
        unitId: unit.id,
        entityType: "grat_campaign",
        entityId: id,
        data: { title: input.title, date: input.date },
      });
    });
    return this.campaignRow(id);
  }

  async removeCampaign(actor: Actor, id: string): Promise<void> {
    const c = await this.campaignRow(id);
    const unit = await this.ctx.org.getInScope(actor, c.unitId, P.gratReview);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("grat_campaigns").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "gratification.campaign.removed",
        unitId: unit.id,
        entityType: "grat_campaign",
        entityId: id,
      });
    });
  }
}

function reminderSubject(kind: GratReminderKind, number: string): string {
  switch (kind) {
    case "upg-forward-due-soon":
      return `Laporan gratifikasi ${number} harus diteruskan ke KPK dalam 2 hari kerja`;
    case "upg-forward-overdue":
      return `Laporan gratifikasi ${number} melewati batas penerusan UPG ke KPK`;
    case "report-kpk-overdue":
      return `Laporan gratifikasi ${number} melewati 30 hari kerja sejak penerimaan`;
  }
}
