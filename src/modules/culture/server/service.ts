/**
 * The culture service: programme catalogue, held sessions with attendance and files, the Rabu
 * Cendekia speaker queue, leave days and the GSP rotation. Cross-service reads (staff, calendar,
 * files, units) happen before a transaction opens; every write runs in one transaction with its
 * audit row.
 */
import type { Kysely } from "kysely";
import { holidayOn, isWorkingDay, jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, systemActor } from "../../../kernel/identity/actor";
import { membersAt, peopleById } from "../../../kernel/identity/people";
import type { Unit } from "../../../kernel/org/units";
import {
  type ChecklistEntry,
  type CreateProgrammeInput,
  CULTURE_PERMISSIONS,
  type GspSchedule,
  type LeaveWire,
  type OccurrenceListItem,
  type OccurrenceWire,
  type ProgrammeListItem,
  type ProgrammeWire,
  type QueueEntry,
  type StaffMember,
  type UpdateProgrammeInput,
} from "../contract";
import {
  attendanceRate,
  type LeaveKind,
  monthlyAttendance,
  PROGRAMME_TEMPLATES,
  type ProgrammeKind,
  plannedDates,
  type ScheduleRule,
} from "../domain/programmes";
import {
  addDays,
  dateRange,
  daysBetween,
  leavePredicate,
  planRotation,
  roundFromHistory,
} from "../domain/rotation";

const P = CULTURE_PERMISSIONS;
export const GSP_MINE_DAYS = 60;
/** The daily job keeps each rota at least this many days ahead. */
export const GSP_KEEP_AHEAD_DAYS = 30;
const MAX_RANGE_DAYS = 370;

function decodeProgramme(r: Record<string, unknown>, names: Map<string, string>): ProgrammeWire {
  const owner = codec.textOrNull(r.owner_user_id);
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    code: codec.text(r.code),
    kind: codec.text(r.kind) as ProgrammeKind,
    name: codec.text(r.name),
    description: codec.text(r.description),
    schedule: codec.json<ScheduleRule>(r.schedule),
    ownerUserId: owner,
    ownerName: owner ? (names.get(owner) ?? null) : null,
    checklist: codec.json<string[]>(r.checklist),
    active: codec.bool(r.active),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

export interface CultureEvidence {
  link(
    actor: Actor,
    input: {
      unitId: string;
      questionKeys: string[];
      ref: { module: string; type: string; id: string; title: string; path: string };
    },
  ): Promise<{ linked: number }>;
  unlink(
    actor: Actor,
    input: { unitId: string; module: string; type: string; id: string; questionKey?: string },
  ): Promise<void>;
  links(ref: { module: string; type: string; id: string }): Promise<string[]>;
}

export class CultureService {
  private readonly db: Kysely<any>;
  constructor(
    private readonly ctx: AppContext,
    private readonly evidence: CultureEvidence,
  ) {
    this.db = ctx.db;
  }

  today(): string {
    return jakartaDate(this.ctx.clock.now());
  }
  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }
  private lock(trx: Executor, key: string) {
    return lockKey(trx, this.ctx.database.dialect, `culture.${key}`);
  }

  async unit(actor: Actor, unitId: string, permission: string): Promise<Unit> {
    const unit = (await this.ctx.org.get(unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
    assertScope(actor, permission, unit);
    return unit;
  }

  /** The unit's staff: active users with a role assigned at the unit itself, by name. */
  async staff(unitId: string): Promise<StaffMember[]> {
    return (await membersAt(this.ctx.db, [unitId]))
      .filter((m) => m.active)
      .map((m) => ({ userId: m.userId, name: m.name, nip: m.nip }))
      .sort((a, b) => a.name.localeCompare(b.name, "id") || a.userId.localeCompare(b.userId));
  }

  private async names(db: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
    return new Map([...(await peopleById(db, ids))].map(([id, p]) => [id, p.name]));
  }

  // ——— programmes ———

  private async programmeRow(db: Executor, id: string) {
    return (
      (await db.selectFrom("culture_programmes").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CULTURE_PROGRAMME_NOT_FOUND", { id })
    );
  }

  private async decodeProgrammes(db: Executor, rows: Record<string, unknown>[]) {
    const names = await this.names(
      db,
      rows.map((r) => codec.textOrNull(r.owner_user_id)).filter((x): x is string => !!x),
    );
    return rows.map((r) => decodeProgramme(r, names));
  }

  async getProgramme(actor: Actor, id: string, permission: string = P.read): Promise<ProgrammeWire> {
    const row = await this.programmeRow(this.db, id);
    await this.unit(actor, codec.text(row.unit_id), permission);
    return (await this.decodeProgrammes(this.db, [row]))[0]!;
  }

  async listProgrammes(actor: Actor, unitId: string): Promise<ProgrammeListItem[]> {
    await this.unit(actor, unitId, P.read);
    const rows = await this.db
      .selectFrom("culture_programmes")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("position")
      .orderBy("code")
      .execute();
    const programmes = await this.decodeProgrammes(this.db, rows);
    const month = this.today().slice(0, 7);
    const occ = await this.db
      .selectFrom("culture_occurrences")
      .select(["programme_id", "date", "expected", "present"])
      .where("unit_id", "=", unitId)
      .execute();
    return programmes.map((p) => {
      const mine = occ.filter((o: any) => o.programme_id === p.id);
      const thisMonth = mine.filter((o: any) => String(o.date).startsWith(month));
      const sum = thisMonth.reduce(
        (a, o: any) => ({
          expected: a.expected + codec.int(o.expected),
          present: a.present + codec.int(o.present),
        }),
        { expected: 0, present: 0 },
      );
      const last = mine.map((o: any) => codec.text(o.date)).sort();
      return {
        ...p,
        occurrencesThisMonth: thisMonth.length,
        lastHeld: last.length ? last[last.length - 1]! : null,
        attendanceRateThisMonth: attendanceRate(sum),
      };
    });
  }

  private async assertOwner(unitId: string, ownerUserId: string | null | undefined) {
    if (!ownerUserId) return;
    const staff = await this.staff(unitId);
    if (!staff.some((s) => s.userId === ownerUserId))
      fail("CULTURE_NOT_STAFF", { userId: ownerUserId, field: "ownerUserId" });
  }

  async createProgramme(
    actor: Actor,
    input: CreateProgrammeInput & { unitId: string },
  ): Promise<ProgrammeWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    await this.assertOwner(unit.id, input.ownerUserId);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `programmes.${unit.id}`);
      const taken = await trx
        .selectFrom("culture_programmes")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (taken) fail("CULTURE_PROGRAMME_CODE_TAKEN", { code: input.code });
      const last: any = await trx
        .selectFrom("culture_programmes")
        .select((eb) => eb.fn.max("position").as("p"))
        .where("unit_id", "=", unit.id)
        .executeTakeFirst();
      const position = last?.p === null || last?.p === undefined ? 1 : codec.int(last.p) + 1;
      const now = this.nowIso();
      await trx
        .insertInto("culture_programmes")
        .values({
          id,
          unit_id: unit.id,
          code: input.code,
          kind: input.kind,
          name: input.name,
          description: input.description ?? "",
          schedule: enc.json(input.schedule),
          owner_user_id: input.ownerUserId ?? null,
          checklist: enc.json(input.checklist ?? []),
          active: enc.bool(true),
          position,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.programme.created",
        unitId: unit.id,
        entityType: "culture_programme",
        entityId: id,
        data: { code: input.code },
      });
    });
    return this.getProgramme(actor, id);
  }

  /** Add the starting templates the unit does not have yet (by code). */
  async addTemplates(actor: Actor, unitId: string): Promise<{ created: number }> {
    const unit = await this.unit(actor, unitId, P.manage);
    const existing = new Set(
      (
        await this.db.selectFrom("culture_programmes").select("code").where("unit_id", "=", unit.id).execute()
      ).map((r: any) => codec.text(r.code)),
    );
    let created = 0;
    for (const t of PROGRAMME_TEMPLATES) {
      if (existing.has(t.code)) continue;
      await this.createProgramme(actor, {
        unitId: unit.id,
        code: t.code,
        kind: t.kind,
        name: t.name,
        description: t.description,
        schedule: t.schedule,
        ownerUserId: null,
        checklist: t.checklist,
      });
      created++;
    }
    return { created };
  }

  async updateProgramme(actor: Actor, id: string, patch: UpdateProgrammeInput): Promise<ProgrammeWire> {
    const row = await this.programmeRow(this.db, id);
    const unitId = codec.text(row.unit_id);
    await this.unit(actor, unitId, P.manage);
    if (patch.ownerUserId !== undefined) await this.assertOwner(unitId, patch.ownerUserId);
    await this.db.transaction().execute(async (trx) => {
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.schedule !== undefined) set.schedule = enc.json(patch.schedule);
      if (patch.ownerUserId !== undefined) set.owner_user_id = patch.ownerUserId;
      if (patch.checklist !== undefined) set.checklist = enc.json(patch.checklist);
      if (patch.active !== undefined) set.active = enc.bool(patch.active);
      await trx.updateTable("culture_programmes").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.programme.updated",
        unitId,
        entityType: "culture_programme",
        entityId: id,
        data: { fields: Object.keys(patch) },
      });
    });
    return this.getProgramme(actor, id);
  }

  async programmeDetail(actor: Actor, id: string) {
    const programme = await this.getProgramme(actor, id);
    const occ = await this.db
      .selectFrom("culture_occurrences")
      .select(["date", "expected", "present"])
      .where("programme_id", "=", id)
      .execute();
    const monthly = monthlyAttendance(
      occ.map((o: any) => ({
        date: codec.text(o.date),
        expected: codec.int(o.expected),
        present: codec.int(o.present),
      })),
    );
    const evidence = await this.evidence.links({ module: "culture", type: "programme", id });
    return { programme, monthly, evidence };
  }

  async stats(actor: Actor, unitId: string, year: number) {
    await this.unit(actor, unitId, P.read);
    const programmes = await this.db
      .selectFrom("culture_programmes")
      .select(["id", "code", "name"])
      .where("unit_id", "=", unitId)
      .orderBy("position")
      .orderBy("code")
      .execute();
    const occ = await this.db
      .selectFrom("culture_occurrences")
      .select(["programme_id", "date", "expected", "present"])
      .where("unit_id", "=", unitId)
      .where("date", ">=", `${year}-01-01`)
      .where("date", "<=", `${year}-12-31`)
      .execute();
    return {
      year,
      programmes: programmes.map((p: any) => ({
        programmeId: codec.text(p.id),
        code: codec.text(p.code),
        name: codec.text(p.name),
        months: monthlyAttendance(
          occ
            .filter((o: any) => o.programme_id === p.id)
            .map((o: any) => ({
              date: codec.text(o.date),
              expected: codec.int(o.expected),
              present: codec.int(o.present),
            })),
        ),
      })),
    };
  }

  // ——— occurrences ———

  private async occurrenceRow(db: Executor, id: string) {
    return (
      (await db.selectFrom("culture_occurrences").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CULTURE_OCCURRENCE_NOT_FOUND", { id })
    );
  }

  private listItem(
    r: any,
    names: Map<string, string>,
    programmeName: string,
    evidence: string[],
  ): OccurrenceListItem {
    const expected = codec.int(r.expected);
    const present = codec.int(r.present);
    const speaker = codec.textOrNull(r.speaker_user_id);
    return {
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      programmeId: codec.text(r.programme_id),
      programmeName,
      date: codec.text(r.date),
      topic: codec.textOrNull(r.topic),
      speakerUserId: speaker,
      speakerName: speaker ? (names.get(speaker) ?? null) : null,
      notes: codec.text(r.notes),
      expected,
      present,
      rate: attendanceRate({ expected, present }),
      evidence,
      createdAt: codec.instant(r.created_at),
      updatedAt: codec.instant(r.updated_at),
    };
  }

  async listOccurrences(
    actor: Actor,
    programmeId: string,
    range: { from?: string | undefined; to?: string | undefined },
  ): Promise<{ items: OccurrenceListItem[]; planned: string[] }> {
    const programme = await this.getProgramme(actor, programmeId);
    const planned = range.from && range.to ? await this.planned(programme, range.from, range.to) : [];
    let q = this.db.selectFrom("culture_occurrences").selectAll().where("programme_id", "=", programmeId);
    if (range.from) q = q.where("date", ">=", range.from);
    if (range.to) q = q.where("date", "<=", range.to);
    const rows = await q.orderBy("date", "desc").orderBy("id").limit(500).execute();
    const names = await this.names(
      this.db,
      rows.map((r: any) => codec.textOrNull(r.speaker_user_id)).filter((x): x is string => !!x),
    );
    return { items: rows.map((r) => this.listItem(r, names, programme.name, [])), planned };
  }

  /** The dates the programme's rule plans in [from, to] on the unit's working calendar. */
  async planned(programme: ProgrammeWire, from: string, to: string): Promise<string[]> {
    checkRange(from, to);
    const cal = await this.ctx.calendar.calendarFor(programme.unitId);
    return plannedDates(programme.schedule, from, to, (d) => isWorkingDay(cal, d));
  }

  async getOccurrence(actor: Actor, id: string): Promise<OccurrenceWire> {
    const row: any = await this.occurrenceRow(this.db, id);
    const programme = await this.getProgramme(actor, codec.text(row.programme_id));
    const att = await this.db
      .selectFrom("culture_attendance")
      .selectAll()
      .where("occurrence_id", "=", id)
      .execute();
    const speaker = codec.textOrNull(row.speaker_user_id);
    const names = await this.names(this.db, [
      ...att.map((a: any) => codec.text(a.user_id)),
      ...(speaker ? [speaker] : []),
    ]);
    const fileIds = codec.json<string[]>(row.file_ids);
    const files = [];
    for (const fid of fileIds) {
      const f = await this.ctx.files.get(fid);
      if (f) files.push({ id: f.id, originalName: f.originalName, mime: f.mime, sizeBytes: f.sizeBytes });
    }
    const evidence = await this.evidence.links({ module: "culture", type: "occurrence", id });
    return {
      ...this.listItem(row, names, programme.name, evidence),
      files,
      checklist: codec.json<ChecklistEntry[]>(row.checklist),
      attendance: att
        .map((a: any) => ({
          userId: codec.text(a.user_id),
          name: names.get(codec.text(a.user_id)) ?? "—",
          present: codec.bool(a.present),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "id")),
    };
  }

  /** Validate a session's people and files against the unit before any write. */
  private async checkOccurrenceInput(
    unitId: string,
    input: {
      speakerUserId: string | null;
      attendance: { userId: string; present: boolean }[];
      fileIds: string[];
    },
    previousAttendees: Set<string>,
  ) {
    const staff = new Set((await this.staff(unitId)).map((s) => s.userId));
    const known = (u: string) => staff.has(u) || previousAttendees.has(u);
    if (input.speakerUserId && !known(input.speakerUserId))
      fail("CULTURE_NOT_STAFF", { userId: input.speakerUserId, field: "speakerUserId" });
    const seen = new Set<string>();
    for (const a of input.attendance) {
      if (seen.has(a.userId)) fail("CULTURE_DUPLICATE_ATTENDEE", { userId: a.userId });
      seen.add(a.userId);
      if (!known(a.userId)) fail("CULTURE_NOT_STAFF", { userId: a.userId, field: "attendance" });
    }
    for (const fid of new Set(input.fileIds)) {
      const f = await this.ctx.files.get(fid);
      if (!f || f.unitId !== unitId) fail("CULTURE_FILE_INVALID", { id: fid });
    }
  }

  async saveOccurrence(
    actor: Actor,
    target: { programmeId: string } | { occurrenceId: string },
    input: {
      date: string;
      topic: string | null;
      speakerUserId: string | null;
      notes: string;
      fileIds: string[];
      checklist: ChecklistEntry[];
      attendance: { userId: string; present: boolean }[];
      queueEntryId: string | null;
    },
  ): Promise<OccurrenceWire> {
    const existing: any =
      "occurrenceId" in target ? await this.occurrenceRow(this.db, target.occurrenceId) : null;
    const programmeId = existing
      ? codec.text(existing.programme_id)
      : (target as { programmeId: string }).programmeId;
    const programme = await this.getProgramme(actor, programmeId, P.manage);
    const unitId = programme.unitId;
    const previous = new Set<string>();
    if (existing) {
      const att = await this.db
        .selectFrom("culture_attendance")
        .select("user_id")
        .where("occurrence_id", "=", existing.id)
        .execute();
      for (const a of att) previous.add(codec.text((a as any).user_id));
      if (existing.speaker_user_id) previous.add(codec.text(existing.speaker_user_id));
    }
    await this.checkOccurrenceInput(unitId, input, previous);
    const id = existing ? codec.text(existing.id) : newId();
    const expected = input.attendance.length;
    const present = input.attendance.filter((a) => a.present).length;
    await this.db.transaction().execute(async (trx) => {
      let speaker = input.speakerUserId;
      // A GSP session's speaker defaults to the rota's speaker of that day.
      if (!speaker && programme.kind === "rally") {
        const turn: any = await trx
          .selectFrom("culture_gsp_turns")
          .select("user_id")
          .where("unit_id", "=", unitId)
          .where("date", "=", input.date)
          .executeTakeFirst();
        if (turn) speaker = codec.text(turn.user_id);
      }
      if (input.queueEntryId) {
        const entry: any = await trx
          .selectFrom("culture_speaker_queue")
          .selectAll()
          .where("id", "=", input.queueEntryId)
          .where("programme_id", "=", programmeId)
          .executeTakeFirst();
        if (!entry || (entry.status === "done" && entry.occurrence_id !== id))
          fail("CULTURE_QUEUE_ENTRY_INVALID", { id: input.queueEntryId });
        speaker ??= codec.text(entry.user_id);
        await trx
          .updateTable("culture_speaker_queue")
          .set({ status: "done", occurrence_id: id })
          .where("id", "=", input.queueEntryId)
          .execute();
      }
      const now = this.nowIso();
      const values = {
        date: input.date,
        topic: input.topic,
        speaker_user_id: speaker,
        notes: input.notes,
        file_ids: enc.json([...new Set(input.fileIds)]),
        checklist: enc.json(input.checklist),
        expected,
        present,
        updated_at: now,
      };
      if (existing) {
        await trx.updateTable("culture_occurrences").set(values).where("id", "=", id).execute();
        await trx.deleteFrom("culture_attendance").where("occurrence_id", "=", id).execute();
      } else {
        await trx
          .insertInto("culture_occurrences")
          .values({
            id,
            unit_id: unitId,
            programme_id: programmeId,
            created_by: actor.userId,
            created_at: now,
            ...values,
          })
          .execute();
      }
      if (input.attendance.length)
        await trx
          .insertInto("culture_attendance")
          .values(
            input.attendance.map((a) => ({
              occurrence_id: id,
              user_id: a.userId,
              unit_id: unitId,
              present: enc.bool(a.present),
            })),
          )
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: existing ? "culture.occurrence.updated" : "culture.occurrence.recorded",
        unitId,
        entityType: "culture_occurrence",
        entityId: id,
        data: { programmeId, date: input.date, expected, present, files: input.fileIds.length },
      });
    });
    return this.getOccurrence(actor, id);
  }

  async deleteOccurrence(actor: Actor, id: string): Promise<void> {
    const row: any = await this.occurrenceRow(this.db, id);
    const unitId = codec.text(row.unit_id);
    await this.unit(actor, unitId, P.manage);
    try {
      await this.evidence.unlink(actor, { unitId, module: "culture", type: "occurrence", id });
    } catch {
      // No worksheet right: the links (if any) stay; the ZI module shows them until removed there.
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("culture_attendance").where("occurrence_id", "=", id).execute();
      await trx
        .updateTable("culture_speaker_queue")
        .set({ status: "queued", occurrence_id: null })
        .where("occurrence_id", "=", id)
        .execute();
      await trx.deleteFrom("culture_occurrences").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.occurrence.deleted",
        unitId,
        entityType: "culture_occurrence",
        entityId: id,
        data: { date: codec.text(row.date) },
      });
    });
  }

  // ——— evidence ———

  async linkEvidence(actor: Actor, type: "programme" | "occurrence", id: string, questionKeys: string[]) {
    const { unitId, title, path } = await this.evidenceRef(actor, type, id);
    const res = await this.evidence.link(actor, {
      unitId,
      questionKeys,
      ref: { module: "culture", type, id, title, path },
    });
    return { linked: res.linked, questionKeys: await this.evidence.links({ module: "culture", type, id }) };
  }

  async unlinkEvidence(actor: Actor, type: "programme" | "occurrence", id: string, questionKey: string) {
    const { unitId } = await this.evidenceRef(actor, type, id);
    await this.evidence.unlink(actor, { unitId, module: "culture", type, id, questionKey });
    return { questionKeys: await this.evidence.links({ module: "culture", type, id }) };
  }

  private async evidenceRef(actor: Actor, type: "programme" | "occurrence", id: string) {
    if (type === "programme") {
      const p = await this.getProgramme(actor, id, P.manage);
      return { unitId: p.unitId, title: p.name, path: `/budaya/program/${id}` };
    }
    const row: any = await this.occurrenceRow(this.db, id);
    const p = await this.getProgramme(actor, codec.text(row.programme_id), P.manage);
    return { unitId: p.unitId, title: `${p.name} — ${codec.text(row.date)}`, path: `/budaya/sesi/${id}` };
  }

  // ——— Rabu Cendekia speaker queue ———

  async queue(actor: Actor, programmeId: string): Promise<QueueEntry[]> {
    await this.getProgramme(actor, programmeId);
    const rows = await this.db
      .selectFrom("culture_speaker_queue")
      .selectAll()
      .where("programme_id", "=", programmeId)
      .orderBy("status", "desc")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const names = await this.names(
      this.db,
      rows.map((r: any) => codec.text(r.user_id)),
    );
    return rows.map((r: any) => ({
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      programmeId: codec.text(r.programme_id),
      userId: codec.text(r.user_id),
      userName: names.get(codec.text(r.user_id)) ?? "—",
      training: codec.text(r.training),
      returnedOn: codec.textOrNull(r.returned_on),
      status: codec.text(r.status) as "queued" | "done",
      occurrenceId: codec.textOrNull(r.occurrence_id),
      createdAt: codec.instant(r.created_at),
    }));
  }

  async enqueueSpeaker(
    actor: Actor,
    programmeId: string,
    input: { userId: string; training: string; returnedOn: string | null },
  ) {
    const p = await this.getProgramme(actor, programmeId, P.manage);
    const staff = await this.staff(p.unitId);
    if (!staff.some((s) => s.userId === input.userId))
      fail("CULTURE_NOT_STAFF", { userId: input.userId, field: "userId" });
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("culture_speaker_queue")
        .values({
          id,
          unit_id: p.unitId,
          programme_id: programmeId,
          user_id: input.userId,
          training: input.training,
          returned_on: input.returnedOn,
          status: "queued",
          occurrence_id: null,
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.speaker.queued",
        unitId: p.unitId,
        entityType: "culture_speaker_queue",
        entityId: id,
        data: { programmeId, userId: input.userId },
      });
    });
    return (await this.queue(actor, programmeId)).find((e) => e.id === id)!;
  }

  async dequeueSpeaker(actor: Actor, entryId: string) {
    const row: any =
      (await this.db
        .selectFrom("culture_speaker_queue")
        .selectAll()
        .where("id", "=", entryId)
        .executeTakeFirst()) ?? fail("CULTURE_QUEUE_ENTRY_INVALID", { id: entryId });
    const unitId = codec.text(row.unit_id);
    await this.unit(actor, unitId, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("culture_speaker_queue").where("id", "=", entryId).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.speaker.dequeued",
        unitId,
        entityType: "culture_speaker_queue",
        entityId: entryId,
      });
    });
  }

  // ——— leave ———

  private async leaveRows(db: Executor, unitId: string, from?: string, to?: string) {
    let q = db.selectFrom("culture_leaves").selectAll().where("unit_id", "=", unitId);
    if (from) q = q.where("to_date", ">=", from);
    if (to) q = q.where("from_date", "<=", to);
    return q.orderBy("from_date").orderBy("id").execute();
  }

  private async decodeLeaves(db: Executor, rows: any[]): Promise<LeaveWire[]> {
    const names = await this.names(
      db,
      rows.map((r) => codec.text(r.user_id)),
    );
    return rows.map((r) => ({
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      userId: codec.text(r.user_id),
      userName: names.get(codec.text(r.user_id)) ?? "—",
      from: codec.text(r.from_date),
      to: codec.text(r.to_date),
      kind: codec.text(r.kind) as LeaveKind,
      note: codec.text(r.note),
      createdAt: codec.instant(r.created_at),
    }));
  }

  async listLeaves(actor: Actor, unitId: string, from?: string, to?: string): Promise<LeaveWire[]> {
    await this.unit(actor, unitId, P.read);
    return this.decodeLeaves(this.db, await this.leaveRows(this.db, unitId, from, to));
  }

  async addLeave(
    actor: Actor,
    input: { unitId: string; userId: string; from: string; to: string; kind: LeaveKind; note: string },
  ): Promise<LeaveWire> {
    await this.unit(actor, input.unitId, P.manage);
    checkRange(input.from, input.to);
    const staff = await this.staff(input.unitId);
    if (!staff.some((s) => s.userId === input.userId))
      fail("CULTURE_NOT_STAFF", { userId: input.userId, field: "userId" });
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("culture_leaves")
        .values({
          id,
          unit_id: input.unitId,
          user_id: input.userId,
          from_date: input.from,
          to_date: input.to,
          kind: input.kind,
          note: input.note,
          created_by: actor.userId,
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.leave.recorded",
        unitId: input.unitId,
        entityType: "culture_leave",
        entityId: id,
        data: { userId: input.userId, from: input.from, to: input.to, kind: input.kind },
      });
    });
    const row = await this.db.selectFrom("culture_leaves").selectAll().where("id", "=", id).execute();
    return (await this.decodeLeaves(this.db, row))[0]!;
  }

  async deleteLeave(actor: Actor, id: string): Promise<void> {
    const row: any =
      (await this.db.selectFrom("culture_leaves").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CULTURE_LEAVE_NOT_FOUND", { id });
    const unitId = codec.text(row.unit_id);
    await this.unit(actor, unitId, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("culture_leaves").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.leave.deleted",
        unitId,
        entityType: "culture_leave",
        entityId: id,
      });
    });
  }

  // ——— GSP ———

  async roster(unitId: string) {
    const [staff, excluded] = await Promise.all([
      this.staff(unitId),
      this.db.selectFrom("culture_gsp_exclusions").select("user_id").where("unit_id", "=", unitId).execute(),
    ]);
    const out = new Set(excluded.map((r: any) => codec.text(r.user_id)));
    return staff.map((s) => ({ ...s, excluded: out.has(s.userId) }));
  }

  async setRoster(actor: Actor, unitId: string, excludedUserIds: string[]) {
    await this.unit(actor, unitId, P.manage);
    const staff = new Set((await this.staff(unitId)).map((s) => s.userId));
    for (const u of excludedUserIds)
      if (!staff.has(u)) fail("CULTURE_NOT_STAFF", { userId: u, field: "excludedUserIds" });
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("culture_gsp_exclusions").where("unit_id", "=", unitId).execute();
      const now = this.nowIso();
      const unique = [...new Set(excludedUserIds)];
      if (unique.length)
        await trx
          .insertInto("culture_gsp_exclusions")
          .values(unique.map((u) => ({ unit_id: unitId, user_id: u, created_at: now })))
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.gsp.roster_set",
        unitId,
        entityType: "unit",
        entityId: unitId,
        data: { excluded: unique.length },
      });
    });
    return this.roster(unitId);
  }

  async schedule(actor: Actor, unitId: string, from: string, to: string): Promise<GspSchedule> {
    await this.unit(actor, unitId, P.read);
    checkRange(from, to);
    const [roster, cal] = await Promise.all([this.roster(unitId), this.ctx.calendar.calendarFor(unitId)]);
    const turnRows = await this.db
      .selectFrom("culture_gsp_turns")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .execute();
    const horizon: any = await this.db
      .selectFrom("culture_gsp_turns")
      .select((eb) => [eb.fn.min("date").as("first"), eb.fn.max("date").as("last")])
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    const allCounts = await this.db
      .selectFrom("culture_gsp_turns")
      .select((eb) => ["user_id", eb.fn.countAll().as("n")])
      .where("unit_id", "=", unitId)
      .groupBy("user_id")
      .execute();
    const names = await this.names(this.db, [
      ...turnRows.map((r: any) => codec.text(r.user_id)),
      ...allCounts.map((r: any) => codec.text(r.user_id)),
    ]);
    for (const r of roster) names.set(r.userId, r.name);
    const turns = turnRows.map((r: any) => ({
      date: codec.text(r.date),
      userId: codec.text(r.user_id),
      name: names.get(codec.text(r.user_id)) ?? "—",
      topic: codec.textOrNull(r.topic),
      round: codec.int(r.round),
    }));
    const days = dateRange(from, to);
    const assigned = new Set(turns.map((t) => t.date));
    const first = codec.textOrNull(horizon?.first);
    const last = codec.textOrNull(horizon?.last);
    const gaps =
      first && last
        ? days
            .filter((d) => d >= first && d <= last && isWorkingDay(cal, d) && !assigned.has(d))
            .map((date) => ({ date, pending: [] }))
        : [];
    const holidays = days.flatMap((d) => {
      const h = holidayOn(cal, d);
      return h ? [{ date: d, name: h.name ?? "" }] : [];
    });
    const countMap = new Map(allCounts.map((r: any) => [codec.text(r.user_id), codec.int(r.n)]));
    const counts = roster
      .filter((r) => !r.excluded)
      .map((r) => ({ userId: r.userId, name: r.name, turns: countMap.get(r.userId) ?? 0 }));
    return {
      unitId,
      from,
      to,
      today: this.today(),
      roster,
      turns,
      gaps,
      holidays,
      leaves: await this.decodeLeaves(this.db, await this.leaveRows(this.db, unitId, from, to)),
      counts,
    };
  }

  /**
   * (Re)generate the rotation for [from, to]: turns on or after `from` are replaced, earlier ones are
   * kept and the round in progress continues from them. `from` must not be before today unless the
   * caller is the system (the demo seed builds a month that began before today).
   */
  async generate(actor: Actor, unitId: string, from: string, to: string) {
    await this.unit(actor, unitId, P.manage);
    checkRange(from, to);
    const today = this.today();
    if (from < today && actor.kind !== "system") fail("CULTURE_GSP_PAST", { today });
    const [roster, cal] = await Promise.all([this.roster(unitId), this.ctx.calendar.calendarFor(unitId)]);
    const eligible = roster.filter((r) => !r.excluded).map((r) => r.userId);
    if (eligible.length === 0) fail("CULTURE_GSP_NO_ELIGIBLE", { reason: "roster" });
    const dates = dateRange(from, to);
    const working = (d: string) => isWorkingDay(cal, d);
    if (!dates.some(working)) fail("CULTURE_GSP_NO_WORKING_DAYS", { from, to });
    return this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `gsp.${unitId}`);
      const history = await trx
        .selectFrom("culture_gsp_turns")
        .select("user_id")
        .where("unit_id", "=", unitId)
        .where("date", "<", from)
        .orderBy("date")
        .execute();
      const state = roundFromHistory(
        eligible,
        history.map((h: any) => codec.text(h.user_id)),
      );
      const leaves = await this.leaveRows(trx, unitId, from, to);
      const onLeave = leavePredicate(
        leaves.map((l: any) => ({
          userId: codec.text(l.user_id),
          from: codec.text(l.from_date),
          to: codec.text(l.to_date),
        })),
      );
      const plan = planRotation({ roster: eligible, dates, isWorkingDay: working, onLeave, state });
      // Keep a speaker's own topic when the same person keeps the same day.
      const old = await trx
        .selectFrom("culture_gsp_turns")
        .select(["date", "user_id", "topic"])
        .where("unit_id", "=", unitId)
        .where("date", ">=", from)
        .execute();
      const topics = new Map(old.map((o: any) => [`${o.date}|${o.user_id}`, codec.textOrNull(o.topic)]));
      await trx
        .deleteFrom("culture_gsp_turns")
        .where("unit_id", "=", unitId)
        .where("date", ">=", from)
        .execute();
      const now = this.nowIso();
      if (plan.turns.length)
        await trx
          .insertInto("culture_gsp_turns")
          .values(
            plan.turns.map((t) => ({
              unit_id: unitId,
              date: t.date,
              user_id: t.userId,
              round: t.round,
              topic: topics.get(`${t.date}|${t.userId}`) ?? null,
              created_at: now,
            })),
          )
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.gsp.generated",
        unitId,
        entityType: "unit",
        entityId: unitId,
        data: { from, to, created: plan.turns.length, replaced: old.length, gaps: plan.gaps.length },
      });
      return {
        created: plan.turns.length,
        replaced: old.length,
        gaps: plan.gaps.map((g) => ({ date: g.date, pending: g.pending })),
      };
    });
  }

  /**
   * Daily job: keep every unit's rota at least 30 days ahead by extending it to 60 days from today.
   * Only days after the last turn are added, so nothing anyone has seen changes; the rotation
   * continues from the history. A unit whose rota cannot be made (nobody eligible) is skipped.
   */
  async extendRotas(): Promise<{ extended: string[] }> {
    const today = this.today();
    const rows = await this.db
      .selectFrom("culture_gsp_turns")
      .select((eb) => ["unit_id", eb.fn.max("date").as("last")])
      .groupBy("unit_id")
      .execute();
    const extended: string[] = [];
    const system = systemActor("culture.gsp-extend");
    for (const r of rows as any[]) {
      const unitId = codec.text(r.unit_id);
      const last = codec.text(r.last);
      if (last >= addDays(today, GSP_KEEP_AHEAD_DAYS)) continue;
      const from = last < today ? today : addDays(last, 1);
      try {
        await this.generate(system, unitId, from, addDays(today, GSP_MINE_DAYS));
        extended.push(unitId);
      } catch (e) {
        this.ctx.log.warn(
          { unitId, err: e instanceof Error ? e.message : String(e) },
          "GSP rota not extended",
        );
      }
    }
    return { extended };
  }

  /** The speaker (or a manager of the unit) sets the topic of a turn. */
  async setTopic(actor: Actor, unitId: string, date: string, topic: string | null) {
    const unit = await this.unit(actor, unitId, P.read);
    const row: any =
      (await this.db
        .selectFrom("culture_gsp_turns")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("date", "=", date)
        .executeTakeFirst()) ?? fail("CULTURE_GSP_TURN_NOT_FOUND", { date });
    if (codec.text(row.user_id) !== actor.userId) assertScope(actor, P.manage, unit);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("culture_gsp_turns")
        .set({ topic })
        .where("unit_id", "=", unitId)
        .where("date", "=", date)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "culture.gsp.topic_set",
        unitId,
        entityType: "culture_gsp_turn",
        entityId: `${unitId}:${date}`,
      });
    });
    return { date, topic };
  }

  /** The caller's GSP turns from today through the next 60 days, in every unit. */
  async mine(actor: Actor) {
    if (!actor.userId) return { items: [] };
    const today = this.today();
    const rows = await this.db
      .selectFrom("culture_gsp_turns")
      .selectAll()
      .where("user_id", "=", actor.userId)
      .where("date", ">=", today)
      .where("date", "<=", addDays(today, GSP_MINE_DAYS))
      .orderBy("date")
      .execute();
    const units = new Map<string, string>();
    const items = [];
    for (const r of rows as any[]) {
      const unitId = codec.text(r.unit_id);
      if (!units.has(unitId)) units.set(unitId, (await this.ctx.org.get(unitId))?.name ?? unitId);
      items.push({
        date: codec.text(r.date),
        unitId,
        unitName: units.get(unitId)!,
        role: "speaker" as const,
        topic: codec.textOrNull(r.topic),
      });
    }
    return { items };
  }
}

function checkRange(from: string, to: string) {
  if (to < from) fail("CULTURE_DATE_RANGE", { from, to, reason: "to < from" });
  if (daysBetween(from, to) > MAX_RANGE_DAYS)
    fail("CULTURE_DATE_RANGE", { from, to, reason: `> ${MAX_RANGE_DAYS}` });
}
