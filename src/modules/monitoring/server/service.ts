/**
 * The monev service: meetings, their follow-ups (tindak lanjut) and carry-over, completion rates,
 * overdue reminders and LKE evidence links. Every write is one transaction with its audit row; scope
 * is checked against the meeting's unit before the transaction opens (SQLite has one connection, so
 * cross-service reads happen first).
 */
import type { Kysely } from "kysely";
import { toLocal } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { fail } from "../../../kernel/http/errors";
import { type Actor, can, systemActor } from "../../../kernel/identity/actor";
import { notifyEmail } from "../../../kernel/notify";
import type { Unit } from "../../../kernel/org/units";
import { linkRecordEvidence, recordEvidenceLinks, unlinkRecordEvidence } from "../../zona-integritas/server";
import type {
  CarriedFollowUp,
  CreateFollowUpInput,
  CreateMeetingInput,
  FollowUp,
  MeetingDetail,
  MeetingSummary,
  MyFollowUps,
  Person,
  RatesWire,
  StatusChangeInput,
} from "../contract";
import { type Granularity, periodBounds, periodOf, ratesBetween } from "../domain/rates";
import {
  assertDate,
  assertDueDate,
  assertMeetingDateFits,
  carryOver,
  checkStatusChange,
  type FollowUpStatus,
  isOverdue,
  type MeetingKind,
  MONEV_PERMISSIONS as P,
  reminderKey,
  type StatusChange,
} from "../domain/rules";

export const EVIDENCE_MODULE = "monitoring";
export const EVIDENCE_TYPE = "meeting";

interface MeetingRow {
  id: string;
  unitId: string;
  kind: MeetingKind;
  date: string;
  title: string;
  chairId: string | null;
  agenda: string[];
  minutes: string;
  decisions: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

function decodeMeeting(r: Record<string, unknown>): MeetingRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    kind: codec.text(r.kind) as MeetingKind,
    date: codec.text(r.date),
    title: codec.text(r.title),
    chairId: codec.textOrNull(r.chair_id),
    agenda: codec.json<string[]>(r.agenda),
    minutes: codec.text(r.minutes),
    decisions: codec.json<string[]>(r.decisions),
    version: codec.int(r.version),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

interface FollowUpRow {
  id: string;
  unitId: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  meetingKind: MeetingKind;
  text: string;
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  dueDate: string;
  status: FollowUpStatus;
  completedOn: string | null;
  completionNote: string | null;
  dropReason: string | null;
  closedInMeetingId: string | null;
  carryCount: number;
  remindedDueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

function decodeFollowUp(r: Record<string, unknown>): FollowUpRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    meetingId: codec.text(r.meeting_id),
    meetingTitle: codec.text(r.m_title),
    meetingDate: codec.text(r.m_date),
    meetingKind: codec.text(r.m_kind) as MeetingKind,
    text: codec.text(r.text),
    ownerId: codec.text(r.owner_id),
    ownerName: codec.text(r.owner_name),
    ownerEmail: codec.text(r.owner_email),
    dueDate: codec.text(r.due_date),
    status: codec.text(r.status) as FollowUpStatus,
    completedOn: codec.textOrNull(r.completed_on),
    completionNote: codec.textOrNull(r.completion_note),
    dropReason: codec.textOrNull(r.drop_reason),
    closedInMeetingId: codec.textOrNull(r.closed_in_meeting_id),
    carryCount: codec.int(r.carry_count),
    remindedDueDate: codec.textOrNull(r.reminded_due_date),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

const followUps = (ex: Executor) =>
  ex
    .selectFrom("monev_follow_ups as f")
    .innerJoin("monev_meetings as m", "m.id", "f.meeting_id")
    .innerJoin("users as u", "u.id", "f.owner_id")
    .selectAll("f")
    .select([
      "m.title as m_title",
      "m.date as m_date",
      "m.kind as m_kind",
      "u.name as owner_name",
      "u.email as owner_email",
    ]);

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

export class MonevService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  /** Today's date at the unit (its time zone). */
  async today(unitId: string): Promise<string> {
    return toLocal(await this.ctx.calendar.calendarFor(unitId), this.ctx.clock.now()).date;
  }

  private lock(trx: Executor, unitId: string) {
    return lockKey(trx, this.ctx.database.dialect, `monev.unit.${unitId}`);
  }

  // ---------------------------------------------------------------------------------------------
  // People

  /** Active people with a role at the unit (or below it): the ones who can chair, attend or own. */
  async people(unitId: string): Promise<Person[]> {
    const users = await this.ctx.identity.listUsers(systemActor("monev"), { unitId });
    return users
      .filter((u) => u.status === "active")
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }

  async peopleFor(actor: Actor, unitId: string): Promise<Person[]> {
    await this.ctx.org.getInScope(actor, unitId, P.read);
    return this.people(unitId);
  }

  private async assertMembers(unitId: string, ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const members = new Set((await this.people(unitId)).map((p) => p.id));
    for (const id of ids) if (!members.has(id)) fail("MONEV_NOT_UNIT_MEMBER", { field, id });
  }

  private async assertFiles(unitId: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const file = (await this.ctx.files.get(id)) ?? fail("MONEV_FILE_NOT_FOUND", { id });
      if (file.unitId !== unitId) fail("MONEV_FILE_OTHER_UNIT", { file: file.originalName });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Meetings

  private async meetingRow(ex: Executor, id: string): Promise<MeetingRow> {
    const r = await ex.selectFrom("monev_meetings").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeMeeting(r) : fail("MONEV_MEETING_NOT_FOUND", { id });
  }

  private async meetingFor(
    actor: Actor,
    id: string,
    permission: string,
  ): Promise<{ meeting: MeetingRow; unit: Unit }> {
    const meeting = await this.meetingRow(this.db, id);
    const unit = await this.ctx.org.getInScope(actor, meeting.unitId, permission);
    return { meeting, unit };
  }

  async createMeeting(actor: Actor, input: CreateMeetingInput): Promise<MeetingDetail> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.manage);
    assertDate("date", input.date);
    const participantIds = uniq(input.participantIds ?? []);
    const fileIds = uniq(input.fileIds ?? []);
    const chairId = input.chairId ?? null;
    await this.assertMembers(unit.id, [...participantIds, ...(chairId ? [chairId] : [])], "participantIds");
    await this.assertFiles(unit.id, fileIds);
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, unit.id);
      await trx
        .insertInto("monev_meetings")
        .values({
          id,
          unit_id: unit.id,
          kind: input.kind,
          date: input.date,
          title: input.title,
          chair_id: chairId,
          agenda: enc.json(input.agenda ?? []),
          minutes: input.minutes ?? "",
          decisions: enc.json(input.decisions ?? []),
          version: 1,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.writeParticipants(trx, id, unit.id, participantIds);
      await this.writeFiles(trx, id, unit.id, fileIds);
      // Every open follow-up of an earlier meeting of the unit comes along.
      const open = await trx
        .selectFrom("monev_follow_ups as f")
        .innerJoin("monev_meetings as m", "m.id", "f.meeting_id")
        .select(["f.id", "f.status", "f.meeting_id", "f.carry_count", "m.date as m_date"])
        .where("f.unit_id", "=", unit.id)
        .where("f.status", "=", "open")
        .execute();
      const carried = carryOver(
        { id, date: input.date },
        open.map((r) => ({
          id: codec.text(r.id),
          status: codec.text(r.status) as FollowUpStatus,
          meetingId: codec.text(r.meeting_id),
          meetingDate: codec.text(r.m_date),
          carryCount: codec.int(r.carry_count),
        })),
      );
      for (const c of carried) {
        await trx
          .insertInto("monev_carry_overs")
          .values({
            follow_up_id: c.id,
            meeting_id: id,
            unit_id: unit.id,
            carry_number: c.carryCount,
            created_at: at,
          })
          .execute();
        await trx
          .updateTable("monev_follow_ups")
          .set({ carry_count: c.carryCount, updated_at: at })
          .where("id", "=", c.id)
          .execute();
      }
      await this.ctx.audit.record(trx, actor, {
        action: "monev.meeting.created",
        unitId: unit.id,
        entityType: "monev_meeting",
        entityId: id,
        data: { kind: input.kind, date: input.date, carried: carried.length },
      });
    });
    return this.detail(actor, id);
  }

  private async writeParticipants(trx: Executor, meetingId: string, unitId: string, ids: readonly string[]) {
    await trx.deleteFrom("monev_participants").where("meeting_id", "=", meetingId).execute();
    for (const userId of ids)
      await trx
        .insertInto("monev_participants")
        .values({ meeting_id: meetingId, user_id: userId, unit_id: unitId })
        .execute();
  }

  private async writeFiles(trx: Executor, meetingId: string, unitId: string, ids: readonly string[]) {
    await trx.deleteFrom("monev_meeting_files").where("meeting_id", "=", meetingId).execute();
    let position = 0;
    for (const fileId of ids)
      await trx
        .insertInto("monev_meeting_files")
        .values({ meeting_id: meetingId, file_id: fileId, unit_id: unitId, position: position++ })
        .execute();
  }

  async updateMeeting(
    actor: Actor,
    id: string,
    patch: {
      version: number;
      kind?: MeetingKind | undefined;
      date?: string | undefined;
      title?: string | undefined;
      chairId?: string | null | undefined;
      participantIds?: string[] | undefined;
      agenda?: string[] | undefined;
      minutes?: string | undefined;
      decisions?: string[] | undefined;
      fileIds?: string[] | undefined;
    },
  ): Promise<MeetingDetail> {
    const { meeting, unit } = await this.meetingFor(actor, id, P.manage);
    const participantIds = patch.participantIds ? uniq(patch.participantIds) : undefined;
    const fileIds = patch.fileIds ? uniq(patch.fileIds) : undefined;
    await this.assertMembers(
      unit.id,
      [...(participantIds ?? []), ...(patch.chairId ? [patch.chairId] : [])],
      "participantIds",
    );
    if (fileIds) await this.assertFiles(unit.id, fileIds);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, unit.id);
      const current = await this.meetingRow(trx, id);
      if (current.version !== patch.version) fail("MONEV_VERSION_CONFLICT", { version: current.version });
      if (patch.date !== undefined && patch.date !== current.date) {
        const dues = await trx
          .selectFrom("monev_follow_ups")
          .select("due_date")
          .where("meeting_id", "=", id)
          .execute();
        assertMeetingDateFits(
          patch.date,
          dues.map((d) => codec.text(d.due_date)),
        );
      }
      const set: Record<string, unknown> = { version: current.version + 1, updated_at: this.nowIso() };
      if (patch.kind !== undefined) set.kind = patch.kind;
      if (patch.date !== undefined) set.date = patch.date;
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.chairId !== undefined) set.chair_id = patch.chairId;
      if (patch.agenda !== undefined) set.agenda = enc.json(patch.agenda);
      if (patch.minutes !== undefined) set.minutes = patch.minutes;
      if (patch.decisions !== undefined) set.decisions = enc.json(patch.decisions);
      await trx.updateTable("monev_meetings").set(set).where("id", "=", id).execute();
      if (participantIds) await this.writeParticipants(trx, id, unit.id, participantIds);
      if (fileIds) await this.writeFiles(trx, id, unit.id, fileIds);
      await this.ctx.audit.record(trx, actor, {
        action: "monev.meeting.updated",
        unitId: unit.id,
        entityType: "monev_meeting",
        entityId: meeting.id,
        data: { fields: Object.keys(patch).filter((k) => k !== "version") },
      });
    });
    return this.detail(actor, id);
  }

  async listMeetings(
    actor: Actor,
    q: { unitId: string; kind?: MeetingKind | undefined; from?: string | undefined; to?: string | undefined },
  ): Promise<MeetingSummary[]> {
    const unit = await this.ctx.org.getInScope(actor, q.unitId, P.read);
    let query = this.db
      .selectFrom("monev_meetings as m")
      .leftJoin("users as c", "c.id", "m.chair_id")
      .selectAll("m")
      .select(["c.name as chair_name", "c.email as chair_email"])
      .where("m.unit_id", "=", unit.id);
    if (q.kind) query = query.where("m.kind", "=", q.kind);
    if (q.from) query = query.where("m.date", ">=", q.from);
    if (q.to) query = query.where("m.date", "<=", q.to);
    const rows = await query.orderBy("m.date", "desc").orderBy("m.created_at", "desc").limit(1000).execute();
    const ids = rows.map((r) => codec.text(r.id));
    if (ids.length === 0) return [];
    const counts = new Map<string, { total: number; open: number; carried: number; participants: number }>();
    const get = (id: string) => {
      const c = counts.get(id) ?? { total: 0, open: 0, carried: 0, participants: 0 };
      counts.set(id, c);
      return c;
    };
    for (const f of await this.db
      .selectFrom("monev_follow_ups")
      .select(["meeting_id", "status"])
      .where("meeting_id", "in", ids)
      .execute()) {
      const c = get(codec.text(f.meeting_id));
      c.total += 1;
      if (f.status === "open") c.open += 1;
    }
    for (const co of await this.db
      .selectFrom("monev_carry_overs")
      .select("meeting_id")
      .where("meeting_id", "in", ids)
      .execute())
      get(codec.text(co.meeting_id)).carried += 1;
    for (const p of await this.db
      .selectFrom("monev_participants")
      .select("meeting_id")
      .where("meeting_id", "in", ids)
      .execute())
      get(codec.text(p.meeting_id)).participants += 1;
    return rows.map((r) => {
      const m = decodeMeeting(r);
      const c = get(m.id);
      return {
        id: m.id,
        unitId: m.unitId,
        kind: m.kind,
        date: m.date,
        title: m.title,
        chair: m.chairId
          ? { id: m.chairId, name: codec.text(r.chair_name), email: codec.text(r.chair_email) }
          : null,
        participantCount: c.participants,
        followUps: { total: c.total, open: c.open, carried: c.carried },
        hasMinutes: m.minutes.trim() !== "",
      };
    });
  }

  async detail(actor: Actor, id: string): Promise<MeetingDetail> {
    const { meeting, unit } = await this.meetingFor(actor, id, P.read);
    const today = await this.today(unit.id);
    const manage = can(actor, P.manage, unit.path);
    const people = await this.db
      .selectFrom("monev_participants as p")
      .innerJoin("users as u", "u.id", "p.user_id")
      .select(["u.id", "u.name", "u.email"])
      .where("p.meeting_id", "=", id)
      .orderBy("u.name")
      .execute();
    const chair = meeting.chairId
      ? await this.db
          .selectFrom("users")
          .select(["id", "name", "email"])
          .where("id", "=", meeting.chairId)
          .executeTakeFirst()
      : undefined;
    const files = await this.db
      .selectFrom("monev_meeting_files as mf")
      .innerJoin("files as fl", "fl.id", "mf.file_id")
      .select(["fl.id", "fl.original_name", "fl.mime", "fl.size_bytes"])
      .where("mf.meeting_id", "=", id)
      .orderBy("mf.position")
      .execute();
    const own = (
      await followUps(this.db)
        .where("f.meeting_id", "=", id)
        .orderBy("f.created_at")
        .orderBy("f.id")
        .execute()
    ).map(decodeFollowUp);
    const carriedRows = await followUps(this.db)
      .innerJoin("monev_carry_overs as co", "co.follow_up_id", "f.id")
      .select("co.carry_number")
      .where("co.meeting_id", "=", id)
      .orderBy("m.date")
      .orderBy("f.created_at")
      .orderBy("f.id")
      .execute();
    const person = (r: { id: unknown; name: unknown; email: unknown }): Person => ({
      id: codec.text(r.id),
      name: codec.text(r.name),
      email: codec.text(r.email),
    });
    return {
      id: meeting.id,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      kind: meeting.kind,
      date: meeting.date,
      title: meeting.title,
      chair: chair ? person(chair) : null,
      participants: people.map(person),
      agenda: meeting.agenda,
      minutes: meeting.minutes,
      decisions: meeting.decisions,
      files: files.map((f) => ({
        id: codec.text(f.id),
        originalName: codec.text(f.original_name),
        mime: codec.text(f.mime),
        sizeBytes: codec.int(f.size_bytes),
      })),
      followUps: own.map((f) => this.toWire(f, today, actor, manage)),
      carriedOver: carriedRows.map(
        (r): CarriedFollowUp => ({
          ...this.toWire(decodeFollowUp(r), today, actor, manage),
          carryNumber: codec.int(r.carry_number),
        }),
      ),
      evidence: await recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: EVIDENCE_TYPE, id }),
      canManage: manage,
      version: meeting.version,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Follow-ups

  private toWire(f: FollowUpRow, today: string, actor: Actor, manage: boolean): FollowUp {
    return {
      id: f.id,
      unitId: f.unitId,
      meeting: { id: f.meetingId, title: f.meetingTitle, date: f.meetingDate, kind: f.meetingKind },
      text: f.text,
      owner: { id: f.ownerId, name: f.ownerName, email: f.ownerEmail },
      dueDate: f.dueDate,
      status: f.status,
      completedOn: f.completedOn,
      completionNote: f.completionNote,
      dropReason: f.dropReason,
      closedInMeetingId: f.closedInMeetingId,
      carryCount: f.carryCount,
      overdue: isOverdue(f, today),
      canUpdateStatus: manage || (actor.userId !== null && actor.userId === f.ownerId),
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    };
  }

  private async followUpRow(ex: Executor, id: string): Promise<FollowUpRow> {
    const r = await followUps(ex).where("f.id", "=", id).executeTakeFirst();
    return r ? decodeFollowUp(r) : fail("MONEV_FOLLOW_UP_NOT_FOUND", { id });
  }

  private async followUpWire(actor: Actor, id: string, unit: Unit): Promise<FollowUp> {
    const f = await this.followUpRow(this.db, id);
    return this.toWire(f, await this.today(unit.id), actor, can(actor, P.manage, unit.path));
  }

  async addFollowUp(actor: Actor, meetingId: string, input: CreateFollowUpInput): Promise<FollowUp> {
    const { meeting, unit } = await this.meetingFor(actor, meetingId, P.manage);
    if (!input.ownerId) fail("MONEV_OWNER_REQUIRED", {});
    assertDueDate(meeting.date, input.dueDate);
    await this.assertMembers(unit.id, [input.ownerId], "ownerId");
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, unit.id);
      await trx
        .insertInto("monev_follow_ups")
        .values({
          id,
          unit_id: unit.id,
          meeting_id: meeting.id,
          text: input.text,
          owner_id: input.ownerId,
          due_date: input.dueDate,
          status: "open",
          carry_count: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "monev.follow_up.created",
        unitId: unit.id,
        entityType: "monev_follow_up",
        entityId: id,
        data: { meetingId: meeting.id, ownerId: input.ownerId, dueDate: input.dueDate },
      });
    });
    return this.followUpWire(actor, id, unit);
  }

  private async followUpFor(actor: Actor, id: string): Promise<{ f: FollowUpRow; unit: Unit }> {
    const f = await this.followUpRow(this.db, id);
    const unit = await this.ctx.org.getInScope(actor, f.unitId, P.read);
    return { f, unit };
  }

  async updateFollowUp(
    actor: Actor,
    id: string,
    patch: { text?: string | undefined; ownerId?: string | undefined; dueDate?: string | undefined },
  ): Promise<FollowUp> {
    const { f, unit } = await this.followUpFor(actor, id);
    if (!can(actor, P.manage, unit.path)) fail("FORBIDDEN", { permission: P.manage });
    if (patch.dueDate !== undefined) assertDueDate(f.meetingDate, patch.dueDate);
    if (patch.ownerId !== undefined) await this.assertMembers(unit.id, [patch.ownerId], "ownerId");
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, unit.id);
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (patch.text !== undefined) set.text = patch.text;
      if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
      if (patch.dueDate !== undefined) set.due_date = patch.dueDate;
      await trx.updateTable("monev_follow_ups").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "monev.follow_up.updated",
        unitId: unit.id,
        entityType: "monev_follow_up",
        entityId: id,
        data: { ...patch },
      });
    });
    return this.followUpWire(actor, id, unit);
  }

  /**
   * Close (done, dropped) or reopen a follow-up. The unit's managers may change any follow-up; its
   * owner may change their own. The change shows in every meeting that lists it (one row).
   */
  async changeStatus(actor: Actor, id: string, input: StatusChangeInput): Promise<FollowUp> {
    const { f, unit } = await this.followUpFor(actor, id);
    const manage = can(actor, P.manage, unit.path);
    if (!manage && actor.userId !== f.ownerId) fail("MONEV_NOT_OWNER", {});
    const today = await this.today(unit.id);
    const change: StatusChange =
      input.status === "done"
        ? { status: "done", completedOn: input.completedOn, note: input.note }
        : input.status === "dropped"
          ? { status: "dropped", reason: input.reason }
          : { status: "open" };
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, unit.id);
      const current = await this.followUpRow(trx, id);
      checkStatusChange({ status: current.status, meetingDate: current.meetingDate }, change, today);
      if (input.meetingId && input.meetingId !== current.meetingId) {
        const carried = await trx
          .selectFrom("monev_carry_overs")
          .select("meeting_id")
          .where("follow_up_id", "=", id)
          .where("meeting_id", "=", input.meetingId)
          .executeTakeFirst();
        if (!carried) fail("MONEV_NOT_IN_MEETING", { id, meetingId: input.meetingId });
      }
      const closing = change.status !== "open";
      await trx
        .updateTable("monev_follow_ups")
        .set({
          status: change.status,
          completed_on: change.status === "done" ? change.completedOn : null,
          completion_note:
            change.status === "done" ? (change.note?.trim() ? change.note.trim() : null) : null,
          drop_reason: change.status === "dropped" ? change.reason.trim() : null,
          closed_in_meeting_id: closing ? (input.meetingId ?? null) : null,
          closed_by: closing ? actor.userId : null,
          updated_at: this.nowIso(),
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: `monev.follow_up.${change.status === "open" ? "reopened" : change.status}`,
        unitId: unit.id,
        entityType: "monev_follow_up",
        entityId: id,
        data: { from: current.status, to: change.status, meetingId: input.meetingId ?? null },
      });
    });
    return this.followUpWire(actor, id, unit);
  }

  async listFollowUps(
    actor: Actor,
    q: { unitId: string; status?: FollowUpStatus | undefined; ownerId?: string | undefined },
  ): Promise<FollowUp[]> {
    const unit = await this.ctx.org.getInScope(actor, q.unitId, P.read);
    const today = await this.today(unit.id);
    const manage = can(actor, P.manage, unit.path);
    let query = followUps(this.db).where("f.unit_id", "=", unit.id);
    if (q.status) query = query.where("f.status", "=", q.status);
    if (q.ownerId) query = query.where("f.owner_id", "=", q.ownerId);
    const rows = await query
      .orderBy("f.due_date")
      .orderBy("f.created_at")
      .orderBy("f.id")
      .limit(2000)
      .execute();
    return rows.map((r) => this.toWire(decodeFollowUp(r), today, actor, manage));
  }

  /** The caller's own follow-ups, across units: open first by due date, then the closed ones. */
  async mine(actor: Actor): Promise<MyFollowUps> {
    if (!actor.userId) return { items: [] };
    const rows = (await followUps(this.db).where("f.owner_id", "=", actor.userId).limit(500).execute()).map(
      decodeFollowUp,
    );
    const todays = new Map<string, string>();
    for (const unitId of uniq(rows.map((r) => r.unitId))) todays.set(unitId, await this.today(unitId));
    const rank = (s: FollowUpStatus) => (s === "open" ? 0 : 1);
    rows.sort((a, b) =>
      rank(a.status) !== rank(b.status)
        ? rank(a.status) - rank(b.status)
        : a.status === "open"
          ? a.dueDate.localeCompare(b.dueDate)
          : b.updatedAt.localeCompare(a.updatedAt),
    );
    return {
      items: rows.map((f) => ({
        id: f.id,
        meetingId: f.meetingId,
        meetingTitle: f.meetingTitle,
        text: f.text,
        dueDate: f.dueDate,
        status: f.status,
        overdue: isOverdue(f, todays.get(f.unitId)!),
      })),
    };
  }

  async rates(
    actor: Actor,
    q: { unitId: string; granularity: Granularity; from?: string | undefined; to?: string | undefined },
  ): Promise<RatesWire> {
    const unit = await this.ctx.org.getInScope(actor, q.unitId, P.read);
    const today = await this.today(unit.id);
    // Default range: 12 months ending next month (upcoming due dates show), the last 8 quarters, or
    // the last 5 years — each ending with the current (or next) period.
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    const monthStart = (offset: number) => {
      const t = y * 12 + (m - 1) + offset;
      return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}-01`;
    };
    const defaults: Record<Granularity, { from: string; to: string }> = {
      month: { from: monthStart(-10), to: periodBounds(periodOf(monthStart(1), "month")).to },
      quarter: {
        from: periodBounds(periodOf(monthStart(-21), "quarter")).from,
        to: periodBounds(periodOf(today, "quarter")).to,
      },
      year: { from: `${y - 4}-01-01`, to: `${y}-12-31` },
    };
    const from = q.from ?? defaults[q.granularity].from;
    const to = q.to ?? defaults[q.granularity].to;
    assertDate("from", from);
    assertDate("to", to);
    if (to < from) fail("MONEV_RANGE_INVALID", { from, to });
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 20) fail("MONEV_RANGE_INVALID", { from, to });
    const rows = await this.db
      .selectFrom("monev_follow_ups")
      .select(["status", "due_date", "completed_on"])
      .where("unit_id", "=", unit.id)
      .where("due_date", ">=", from)
      .where("due_date", "<=", to)
      .execute();
    const items = rows.map((r) => ({
      status: codec.text(r.status) as FollowUpStatus,
      dueDate: codec.text(r.due_date),
      completedOn: codec.textOrNull(r.completed_on),
    }));
    return {
      granularity: q.granularity,
      today,
      periods: ratesBetween(items, { from, to }, q.granularity, today),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Evidence (LKE)

  async linkEvidence(actor: Actor, meetingId: string, questionKeys: string[]): Promise<string[]> {
    const { meeting, unit } = await this.meetingFor(actor, meetingId, P.read);
    await linkRecordEvidence(this.ctx, actor, {
      unitId: unit.id,
      questionKeys,
      ref: {
        module: EVIDENCE_MODULE,
        type: EVIDENCE_TYPE,
        id: meeting.id,
        title: `${meeting.title} (${meeting.date})`,
        path: `/monev/rapat/${meeting.id}`,
      },
    });
    return recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: EVIDENCE_TYPE, id: meeting.id });
  }

  async unlinkEvidence(actor: Actor, meetingId: string, questionKey: string): Promise<string[]> {
    const { meeting, unit } = await this.meetingFor(actor, meetingId, P.read);
    await unlinkRecordEvidence(this.ctx, actor, {
      unitId: unit.id,
      module: EVIDENCE_MODULE,
      type: EVIDENCE_TYPE,
      id: meeting.id,
      questionKey,
    });
    return recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: EVIDENCE_TYPE, id: meeting.id });
  }

  // ---------------------------------------------------------------------------------------------
  // Reminders

  /**
   * E-mail every owner of an open follow-up past its due date, once per follow-up and due date (the
   * dedupe key and reminded_due_date both hold it). Catches up by itself: whatever is overdue now
   * and was not reminded yet is reminded, however many daily slots were missed.
   */
  async sendReminders(): Promise<number> {
    const units = uniq(
      (
        await this.db.selectFrom("monev_follow_ups").select("unit_id").where("status", "=", "open").execute()
      ).map((r) => codec.text(r.unit_id)),
    );
    const system = systemActor("monev.reminders");
    let sent = 0;
    for (const unitId of units) {
      const today = await this.today(unitId);
      const base = this.ctx.config.publicUrl;
      sent += await this.db.transaction().execute(async (trx) => {
        await this.lock(trx, unitId);
        const due = (
          await followUps(trx)
            .where("f.unit_id", "=", unitId)
            .where("f.status", "=", "open")
            .where("f.due_date", "<", today)
            .execute()
        )
          .map(decodeFollowUp)
          .filter((f) => f.remindedDueDate !== f.dueDate);
        let created = 0;
        for (const f of due) {
          const res = await notifyEmail(this.ctx.outbox, trx, {
            to: f.ownerEmail,
            subject: `Tindak lanjut melewati batas waktu: ${f.text.slice(0, 80)}`,
            text: [
              `Yth. ${f.ownerName},`,
              "",
              `Tindak lanjut berikut dari rapat "${f.meetingTitle}" (${f.meetingDate}) telah melewati batas waktu ${f.dueDate} dan masih terbuka:`,
              "",
              `  ${f.text}`,
              "",
              `Perbarui statusnya di ${base}/monev/rapat/${f.meetingId}`,
              "",
              `(EN) The follow-up above from "${f.meetingTitle}" was due on ${f.dueDate} and is still open.`,
            ].join("\n"),
            dedupeKey: reminderKey(f.id, f.dueDate),
          });
          await trx
            .updateTable("monev_follow_ups")
            .set({ reminded_due_date: f.dueDate })
            .where("id", "=", f.id)
            .execute();
          if (res.created) created += 1;
        }
        if (created > 0)
          await this.ctx.audit.record(trx, system, {
            action: "monev.follow_up.reminded",
            unitId,
            entityType: "unit",
            entityId: unitId,
            data: { count: created, ids: due.map((f) => f.id).slice(0, 50) },
          });
        return created;
      });
    }
    if (sent > 0) this.ctx.outbox.kick();
    return sent;
  }
}
