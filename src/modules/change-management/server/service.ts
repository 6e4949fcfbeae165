/**
 * The change-management service: the ZI team and its decrees (with membership history), the work
 * plan with its evidence and LKE links, overdue reminders, and the change agents with their changes
 * and role-model activities. Cross-service reads (units, people, files) happen before a
 * transaction opens; every write is one transaction with its audit row.
 */
import type { Kysely } from "kysely";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import type { Executor } from "../../../kernel/db/transaction";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots, systemActor } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import {
  linkRecordEvidence,
  type RecordRef,
  recordEvidenceLinks,
  unlinkRecordEvidence,
} from "../../zona-integritas/server";
import type {
  ActivityDetailWire,
  ActivityWire,
  AgentsWire,
  AgentWire,
  ChangeWire,
  CountsWire,
  DecreeWire,
  FileRefWire,
  MemberWire,
  MyActivityWire,
  PersonWire,
  PlanWire,
  RecordQuestionsWire,
  RoleModelWire,
  TeamHistoryWire,
  TeamWire,
} from "../contract";
import { assertDates, isOverdue, progressByArea, reconcile, reminderKey } from "../domain/activities";
import { assertChange, reformCounts, reformRatios, yearPeriod } from "../domain/agents";
import { type ActivityStatus, CM_PERMISSIONS, type LeverArea, type TeamRole } from "../domain/model";
import { assertTeam, diffMembers, type MemberSpec, normaliseMember } from "../domain/team";

const P = CM_PERMISSIONS;
export const CM_RECORD = { module: "change-management", type: "activity" } as const;
/** The team decree (SK Tim Kerja ZI) and the change-agent decree (SK Agen Perubahan) as LKE evidence. */
export const CM_DECREE_RECORD = { module: "change-management", type: "decree" } as const;
/** A concrete change (perubahan konkret) of a change agent as LKE evidence. */
export const CM_CHANGE_RECORD = { module: "change-management", type: "change" } as const;
const DECREE_LABEL: Record<DecreeKind, { title: string; path: string }> = {
  team: { title: "SK Tim Kerja ZI", path: "/perubahan/tim" },
  agents: { title: "SK Agen Perubahan", path: "/perubahan/agen" },
};
type DecreeKind = "team" | "agents";

interface ActivityRow {
  id: string;
  unitId: string;
  areaKey: LeverArea;
  title: string;
  target: string;
  output: string;
  picUserId: string;
  picName: string;
  startDate: string;
  dueDate: string;
  progress: number;
  status: ActivityStatus;
  note: string;
  updatedAt: string;
}

function decodeActivity(r: Record<string, unknown>): ActivityRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    areaKey: codec.text(r.area_key) as LeverArea,
    title: codec.text(r.title),
    target: codec.text(r.target),
    output: codec.text(r.output),
    picUserId: codec.text(r.pic_user_id),
    picName: codec.text(r.pic_name),
    startDate: codec.text(r.start_date),
    dueDate: codec.text(r.due_date),
    progress: codec.int(r.progress),
    status: codec.text(r.status) as ActivityStatus,
    note: codec.text(r.note),
    updatedAt: codec.instant(r.updated_at),
  };
}

interface DecreeRow {
  id: string;
  unitId: string;
  number: string;
  date: string;
  fileId: string | null;
  active: boolean;
  createdAt: string;
  replacedAt: string | null;
}

function decodeDecree(r: Record<string, unknown>): DecreeRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    number: codec.text(r.number),
    date: codec.text(r.decree_date),
    fileId: codec.textOrNull(r.file_id),
    active: codec.bool(r.active),
    createdAt: codec.instant(r.created_at),
    replacedAt: codec.instantOrNull(r.replaced_at),
  };
}

function decodeMember(r: Record<string, unknown>): MemberWire {
  return {
    id: codec.text(r.id),
    decreeId: codec.text(r.decree_id),
    userId: codec.text(r.user_id),
    name: codec.text(r.user_name),
    role: codec.text(r.role) as TeamRole,
    areaKey: codec.textOrNull(r.area_key) as LeverArea | null,
  };
}

function decodeChange(
  r: Record<string, unknown>,
  files: Map<string, FileRefWire>,
  questionKeys: string[],
): ChangeWire {
  const fileId = codec.textOrNull(r.integration_file_id);
  return {
    id: codec.text(r.id),
    agentId: codec.text(r.agent_id),
    title: codec.text(r.title),
    description: codec.text(r.description),
    plannedDate: codec.textOrNull(r.planned_date),
    realisedDate: codec.textOrNull(r.realised_date),
    integrated: codec.bool(r.integrated),
    integrationRef: codec.text(r.integration_ref),
    integrationFile: fileId ? (files.get(fileId) ?? null) : null,
    questionKeys,
  };
}

const MEMBER_ORDER: Record<TeamRole, number> = {
  penanggung_jawab: 0,
  koordinator: 1,
  ketua_area: 2,
  anggota: 3,
};

export interface CreateDecreeInput {
  unitId: string;
  number: string;
  date: string;
  fileId?: string | null | undefined;
}

export class CmService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  today(): string {
    return jakartaDate(this.ctx.clock.now());
  }
  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  // ---------------------------------------------------------------------------------------------
  // Shared reads (before any transaction)

  /** The unit, 404 when unknown, 403 when outside the actor's scope for `permission`. */
  unit(actor: Actor, unitId: string, permission: string = P.read): Promise<Unit> {
    return this.ctx.org.getInScope(actor, unitId, permission);
  }

  private async unitById(id: string): Promise<Unit> {
    return (await this.ctx.org.get(id)) ?? fail("ORG_UNIT_NOT_FOUND", { id });
  }

  /** The unit's active employees (anyone with a role at the unit or below it). */
  async people(actor: Actor, unitId: string): Promise<PersonWire[]> {
    await this.unit(actor, unitId);
    return this.staff(unitId);
  }

  private async staff(unitId: string): Promise<PersonWire[]> {
    const users = await this.ctx.identity.listUsers(systemActor("cm"), { unitId });
    return users
      .filter((u) => u.status === "active")
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }

  private async staffMap(unitId: string, userIds: string[]): Promise<Map<string, PersonWire>> {
    const byId = new Map((await this.staff(unitId)).map((p) => [p.id, p]));
    for (const id of userIds) if (!byId.has(id)) fail("CM_PERSON_NOT_IN_UNIT", { userId: id });
    return byId;
  }

  private async assertFile(unit: Unit, fileId: string | null | undefined): Promise<void> {
    if (!fileId) return;
    const file = (await this.ctx.files.get(fileId)) ?? fail("CM_FILE_NOT_FOUND", { id: fileId });
    if (file.unitId !== unit.id) fail("CM_FILE_OTHER_UNIT", { id: fileId });
  }

  private async fileRefs(ex: Executor, ids: Array<string | null>): Promise<Map<string, FileRefWire>> {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    if (wanted.length === 0) return new Map();
    const rows = await ex
      .selectFrom("files")
      .select(["id", "original_name", "mime", "size_bytes"])
      .where("id", "in", wanted)
      .execute();
    return new Map(
      rows.map((r) => [
        codec.text(r.id),
        {
          id: codec.text(r.id),
          name: codec.text(r.original_name),
          mime: codec.text(r.mime),
          sizeBytes: codec.int(r.size_bytes),
        },
      ]),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Decrees (team and change agents share the table)

  private async decrees(
    kind: DecreeKind,
    unitId: string,
  ): Promise<Array<DecreeWire & { memberCount: number }>> {
    const rows = (
      await this.db
        .selectFrom("cm_decrees")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("kind", "=", kind)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute()
    ).map(decodeDecree);
    const files = await this.fileRefs(
      this.db,
      rows.map((r) => r.fileId),
    );
    const table = kind === "team" ? "cm_team_members" : "cm_agents";
    const counts = new Map<string, number>();
    if (rows.length) {
      const c = await this.db
        .selectFrom(table)
        .select(["decree_id", (eb) => eb.fn.countAll().as("n")])
        .where(
          "decree_id",
          "in",
          rows.map((r) => r.id),
        )
        .groupBy("decree_id")
        .execute();
      for (const r of c) counts.set(codec.text(r.decree_id), codec.int(r.n));
    }
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      number: r.number,
      date: r.date,
      file: r.fileId ? (files.get(r.fileId) ?? null) : null,
      active: r.active,
      createdAt: r.createdAt,
      replacedAt: r.replacedAt,
      memberCount: counts.get(r.id) ?? 0,
    }));
  }

  private async activeDecree(ex: Executor, kind: DecreeKind, unitId: string): Promise<DecreeRow | null> {
    const r = await ex
      .selectFrom("cm_decrees")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("kind", "=", kind)
      .where("active", "=", 1)
      .executeTakeFirst();
    return r ? decodeDecree(r) : null;
  }

  /** Insert a decree as the active one; the previous one (if any) is marked replaced. */
  private async replaceDecree(
    trx: Executor,
    actor: Actor,
    kind: DecreeKind,
    input: CreateDecreeInput,
    at: string,
  ): Promise<{ id: string; previous: DecreeRow | null }> {
    const previous = await this.activeDecree(trx, kind, input.unitId);
    if (previous)
      await trx
        .updateTable("cm_decrees")
        .set({ active: 0, replaced_at: at })
        .where("id", "=", previous.id)
        .execute();
    const id = newId();
    await trx
      .insertInto("cm_decrees")
      .values({
        id,
        unit_id: input.unitId,
        kind,
        number: input.number,
        decree_date: input.date,
        file_id: input.fileId ?? null,
        active: enc.bool(true),
        replaced_at: null,
        created_by: actor.userId,
        created_at: at,
      })
      .execute();
    return { id, previous };
  }

  // ---------------------------------------------------------------------------------------------
  // Team

  async team(actor: Actor, unitId: string): Promise<TeamWire> {
    await this.unit(actor, unitId);
    const decrees = await this.decrees("team", unitId);
    const active = decrees.find((d) => d.active) ?? null;
    const members = active
      ? (
          await this.db
            .selectFrom("cm_team_members")
            .selectAll()
            .where("decree_id", "=", active.id)
            .where("ended_at", "is", null)
            .execute()
        )
          .map(decodeMember)
          .sort(
            (a, b) =>
              MEMBER_ORDER[a.role] - MEMBER_ORDER[b.role] ||
              (a.areaKey ?? "").localeCompare(b.areaKey ?? "") ||
              a.name.localeCompare(b.name),
          )
      : [];
    const { memberCount: _m, ...decree } = active ?? { memberCount: 0 };
    return { decree: active ? (decree as DecreeWire) : null, members, decrees };
  }

  private async historySeq(trx: Executor, unitId: string): Promise<number> {
    const r = await trx
      .selectFrom("cm_team_history")
      .select((eb) => eb.fn.max("seq").as("m"))
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    return r?.m === null || r?.m === undefined ? 0 : codec.int(r.m);
  }

  private async writeHistory(
    trx: Executor,
    actor: Actor,
    unitId: string,
    decreeId: string,
    entries: Array<{
      action: TeamHistoryWire["action"];
      userId?: string | null;
      name?: string | null;
      role?: TeamRole | null;
      areaKey?: LeverArea | null;
      previousRole?: TeamRole | null;
      previousAreaKey?: LeverArea | null;
    }>,
    at: string,
  ) {
    let seq = await this.historySeq(trx, unitId);
    for (const e of entries) {
      seq += 1;
      await trx
        .insertInto("cm_team_history")
        .values({
          id: newId(),
          unit_id: unitId,
          decree_id: decreeId,
          action: e.action,
          user_id: e.userId ?? null,
          user_name: e.name ?? null,
          role: e.role ?? null,
          area_key: e.areaKey ?? null,
          previous_role: e.previousRole ?? null,
          previous_area_key: e.previousAreaKey ?? null,
          actor_name: actor.name,
          at,
          seq,
        })
        .execute();
    }
  }

  /** A new SK Tim Kerja ZI: replaces the previous team; each membership change is recorded. */
  async createTeamDecree(
    actor: Actor,
    input: CreateDecreeInput & {
      members: Array<{ userId: string; role: TeamRole; areaKey?: LeverArea | null | undefined }>;
    },
  ): Promise<TeamWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    const members = assertTeam(input.members.map((m) => ({ ...m, areaKey: m.areaKey ?? null })));
    const people = await this.staffMap(
      unit.id,
      members.map((m) => m.userId),
    );
    await this.assertFile(unit, input.fileId);
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.currentMembers(trx, unit.id);
      const { id, previous } = await this.replaceDecree(trx, actor, "team", input, at);
      if (previous)
        await trx
          .updateTable("cm_team_members")
          .set({ ended_at: at })
          .where("decree_id", "=", previous.id)
          .where("ended_at", "is", null)
          .execute();
      for (const m of members)
        await trx
          .insertInto("cm_team_members")
          .values({
            id: newId(),
            unit_id: unit.id,
            decree_id: id,
            user_id: m.userId,
            user_name: people.get(m.userId)!.name,
            role: m.role,
            area_key: m.areaKey,
            created_at: at,
            ended_at: null,
          })
          .execute();
      const names = new Map([...before.map((b) => [b.userId, b.name] as const)]);
      for (const p of people.values()) names.set(p.id, p.name);
      await this.writeHistory(
        trx,
        actor,
        unit.id,
        id,
        [
          { action: "decree" },
          ...diffMembers(before, members).map((c) => ({
            action: c.kind,
            userId: c.userId,
            name: names.get(c.userId) ?? null,
            role: c.role,
            areaKey: c.areaKey,
            previousRole: c.kind === "changed" ? c.previousRole : null,
            previousAreaKey: c.kind === "changed" ? c.previousAreaKey : null,
          })),
        ],
        at,
      );
      await this.ctx.audit.record(trx, actor, {
        action: "cm.team.decreed",
        entityType: "cm_decree",
        entityId: id,
        unitId: unit.id,
        data: { number: input.number, members: members.length, replaces: previous?.id ?? null },
      });
    });
    return this.team(actor, unit.id);
  }

  private async currentMembers(ex: Executor, unitId: string): Promise<Array<MemberSpec & MemberWire>> {
    const rows = await ex
      .selectFrom("cm_team_members as m")
      .innerJoin("cm_decrees as d", "d.id", "m.decree_id")
      .selectAll("m")
      .where("m.unit_id", "=", unitId)
      .where("d.active", "=", 1)
      .where("m.ended_at", "is", null)
      .execute();
    return rows.map(decodeMember);
  }

  async addMember(
    actor: Actor,
    input: { unitId: string; userId: string; role: TeamRole; areaKey?: LeverArea | null | undefined },
  ): Promise<TeamWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    const people = await this.staffMap(unit.id, [input.userId]);
    const spec = normaliseMember({ userId: input.userId, role: input.role, areaKey: input.areaKey ?? null });
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      const decree =
        (await this.activeDecree(trx, "team", unit.id)) ?? fail("CM_NO_DECREE", { kind: "Tim Kerja ZI" });
      const current = await this.currentMembers(trx, unit.id);
      const name = people.get(input.userId)!.name;
      if (current.some((m) => m.userId === input.userId)) fail("CM_ALREADY_MEMBER", { name });
      assertTeam([...current, spec]);
      await trx
        .insertInto("cm_team_members")
        .values({
          id: newId(),
          unit_id: unit.id,
          decree_id: decree.id,
          user_id: spec.userId,
          user_name: name,
          role: spec.role,
          area_key: spec.areaKey,
          created_at: at,
          ended_at: null,
        })
        .execute();
      await this.writeHistory(
        trx,
        actor,
        unit.id,
        decree.id,
        [{ action: "added", userId: spec.userId, name, role: spec.role, areaKey: spec.areaKey }],
        at,
      );
      await this.ctx.audit.record(trx, actor, {
        action: "cm.team.member_added",
        entityType: "cm_decree",
        entityId: decree.id,
        unitId: unit.id,
        data: { userId: spec.userId, role: spec.role, areaKey: spec.areaKey },
      });
    });
    return this.team(actor, unit.id);
  }

  private async memberRow(memberId: string) {
    const r =
      (await this.db
        .selectFrom("cm_team_members")
        .selectAll()
        .where("id", "=", memberId)
        .where("ended_at", "is", null)
        .executeTakeFirst()) ?? fail("CM_MEMBER_NOT_FOUND", { id: memberId });
    return decodeMember(r) as MemberWire & { unitId?: string };
  }

  async updateMember(
    actor: Actor,
    memberId: string,
    patch: { role?: TeamRole | undefined; areaKey?: LeverArea | null | undefined },
  ): Promise<TeamWire> {
    const before = await this.memberRow(memberId);
    const unitId = await this.memberUnit(memberId);
    const unit = await this.unit(actor, unitId, P.manage);
    const next = normaliseMember({
      userId: before.userId,
      role: patch.role ?? before.role,
      areaKey: patch.areaKey === undefined ? before.areaKey : patch.areaKey,
    });
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      const current = await this.currentMembers(trx, unit.id);
      assertTeam(current.map((m) => (m.id === memberId ? next : m)));
      await trx
        .updateTable("cm_team_members")
        .set({ role: next.role, area_key: next.areaKey })
        .where("id", "=", memberId)
        .execute();
      const changes = diffMembers([before], [next]);
      if (changes.length)
        await this.writeHistory(
          trx,
          actor,
          unit.id,
          before.decreeId,
          [
            {
              action: "changed",
              userId: before.userId,
              name: before.name,
              role: next.role,
              areaKey: next.areaKey,
              previousRole: before.role,
              previousAreaKey: before.areaKey,
            },
          ],
          at,
        );
      await this.ctx.audit.record(trx, actor, {
        action: "cm.team.member_changed",
        entityType: "cm_team_member",
        entityId: memberId,
        unitId: unit.id,
        data: { role: next.role, areaKey: next.areaKey },
      });
    });
    return this.team(actor, unit.id);
  }

  private async memberUnit(memberId: string): Promise<string> {
    const r =
      (await this.db
        .selectFrom("cm_team_members")
        .select("unit_id")
        .where("id", "=", memberId)
        .executeTakeFirst()) ?? fail("CM_MEMBER_NOT_FOUND", { id: memberId });
    return codec.text(r.unit_id);
  }

  async removeMember(actor: Actor, memberId: string): Promise<TeamWire> {
    const before = await this.memberRow(memberId);
    const unit = await this.unit(actor, await this.memberUnit(memberId), P.manage);
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("cm_team_members").set({ ended_at: at }).where("id", "=", memberId).execute();
      await this.writeHistory(
        trx,
        actor,
        unit.id,
        before.decreeId,
        [
          {
            action: "removed",
            userId: before.userId,
            name: before.name,
            role: before.role,
            areaKey: before.areaKey,
          },
        ],
        at,
      );
      await this.ctx.audit.record(trx, actor, {
        action: "cm.team.member_removed",
        entityType: "cm_team_member",
        entityId: memberId,
        unitId: unit.id,
        data: { userId: before.userId },
      });
    });
    return this.team(actor, unit.id);
  }

  async teamHistory(actor: Actor, unitId: string): Promise<TeamHistoryWire[]> {
    await this.unit(actor, unitId);
    const rows = await this.db
      .selectFrom("cm_team_history as h")
      .innerJoin("cm_decrees as d", "d.id", "h.decree_id")
      .selectAll("h")
      .select("d.number as decree_number")
      .where("h.unit_id", "=", unitId)
      .orderBy("h.seq", "desc")
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: codec.text(r.id),
      decreeId: codec.text(r.decree_id),
      decreeNumber: codec.text(r.decree_number),
      action: codec.text(r.action) as TeamHistoryWire["action"],
      userId: codec.textOrNull(r.user_id),
      name: codec.textOrNull(r.user_name),
      role: codec.textOrNull(r.role) as TeamRole | null,
      areaKey: codec.textOrNull(r.area_key) as LeverArea | null,
      previousRole: codec.textOrNull(r.previous_role) as TeamRole | null,
      previousAreaKey: codec.textOrNull(r.previous_area_key) as LeverArea | null,
      actorName: codec.text(r.actor_name),
      at: codec.instant(r.at),
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Work plan

  private toWire(a: ActivityRow, today: string, fileCount: number): ActivityWire {
    return { ...a, overdue: isOverdue(a, today), fileCount };
  }

  private async fileCounts(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .selectFrom("cm_activity_files")
      .select(["activity_id", (eb) => eb.fn.countAll().as("n")])
      .where("activity_id", "in", ids)
      .groupBy("activity_id")
      .execute();
    for (const r of rows) out.set(codec.text(r.activity_id), codec.int(r.n));
    return out;
  }

  async plan(actor: Actor, unitId: string): Promise<PlanWire> {
    await this.unit(actor, unitId);
    const today = this.today();
    const rows = (
      await this.db
        .selectFrom("cm_activities")
        .selectAll()
        .where("unit_id", "=", unitId)
        .orderBy("due_date")
        .orderBy("id")
        .execute()
    ).map(decodeActivity);
    const counts = await this.fileCounts(rows.map((r) => r.id));
    const items = rows.map((r) => this.toWire(r, today, counts.get(r.id) ?? 0));
    return { today, items, areas: progressByArea(items, today) };
  }

  private async activityRow(id: string): Promise<ActivityRow> {
    const r =
      (await this.db.selectFrom("cm_activities").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CM_ACTIVITY_NOT_FOUND", { id });
    return decodeActivity(r);
  }

  /** Read access: cm.read over the unit, or being the activity's person in charge. */
  private async readable(actor: Actor, id: string): Promise<{ row: ActivityRow; unit: Unit }> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    if (row.picUserId !== actor.userId || actor.kind !== "user") assertScope(actor, P.read, unit);
    return { row, unit };
  }

  async activity(actor: Actor, id: string): Promise<ActivityDetailWire> {
    const { row, unit } = await this.readable(actor, id);
    const fileRows = await this.db
      .selectFrom("cm_activity_files")
      .select("file_id")
      .where("activity_id", "=", id)
      .orderBy("linked_at")
      .execute();
    const ids = fileRows.map((r) => codec.text(r.file_id));
    const files = await this.fileRefs(this.db, ids);
    const questionKeys = await recordEvidenceLinks(this.ctx, { ...CM_RECORD, id });
    const canManage = can(actor, P.manage, unit.path);
    return {
      ...this.toWire(row, this.today(), ids.length),
      files: ids.map((f) => files.get(f)).filter((f): f is FileRefWire => !!f),
      questionKeys,
      canManage,
      canReport: canManage || (actor.kind === "user" && actor.userId === row.picUserId),
    };
  }

  async createActivity(
    actor: Actor,
    input: {
      unitId: string;
      areaKey: LeverArea;
      title: string;
      target: string;
      output: string;
      picUserId: string;
      startDate: string;
      dueDate: string;
      progress: number;
      status: ActivityStatus;
      note: string;
    },
  ): Promise<ActivityDetailWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    assertDates(input.startDate, input.dueDate);
    const { status, progress } = reconcile(input, "both");
    const people = await this.staffMap(unit.id, [input.picUserId]);
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cm_activities")
        .values({
          id,
          unit_id: unit.id,
          area_key: input.areaKey,
          title: input.title,
          target: input.target,
          output: input.output,
          pic_user_id: input.picUserId,
          pic_name: people.get(input.picUserId)!.name,
          start_date: input.startDate,
          due_date: input.dueDate,
          progress,
          status,
          note: input.note,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.activity.created",
        entityType: "cm_activity",
        entityId: id,
        unitId: unit.id,
        data: { title: input.title, areaKey: input.areaKey, dueDate: input.dueDate },
      });
    });
    return this.activity(actor, id);
  }

  /**
   * A manager (cm.manage over the unit) changes anything; the person in charge reports progress,
   * status and note only. Anyone else: 403.
   */
  async updateActivity(
    actor: Actor,
    id: string,
    patch: Partial<{
      areaKey: LeverArea;
      title: string;
      target: string;
      output: string;
      picUserId: string;
      startDate: string;
      dueDate: string;
      progress: number;
      status: ActivityStatus;
      note: string;
    }>,
  ): Promise<ActivityDetailWire> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    const isOwner = actor.kind === "user" && actor.userId === row.picUserId;
    if (!can(actor, P.manage, unit.path)) {
      if (!isOwner) assertScope(actor, P.manage, unit);
      const other = Object.keys(patch).filter(
        (k) => !["progress", "status", "note"].includes(k) && patch[k as keyof typeof patch] !== undefined,
      );
      if (other.length) throw new DomainError("CM_OWNER_PROGRESS_ONLY", { fields: other.join(", ") });
    }
    const startDate = patch.startDate ?? row.startDate;
    const dueDate = patch.dueDate ?? row.dueDate;
    assertDates(startDate, dueDate);
    const changed =
      patch.status !== undefined && patch.progress !== undefined
        ? "both"
        : patch.progress !== undefined
          ? "progress"
          : "status";
    const { status, progress } = reconcile(
      { status: patch.status ?? row.status, progress: patch.progress ?? row.progress },
      changed,
    );
    const picName =
      patch.picUserId && patch.picUserId !== row.picUserId
        ? (await this.staffMap(unit.id, [patch.picUserId])).get(patch.picUserId)!.name
        : row.picName;
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("cm_activities")
        .set({
          area_key: patch.areaKey ?? row.areaKey,
          title: patch.title ?? row.title,
          target: patch.target ?? row.target,
          output: patch.output ?? row.output,
          pic_user_id: patch.picUserId ?? row.picUserId,
          pic_name: picName,
          start_date: startDate,
          due_date: dueDate,
          progress,
          status,
          note: patch.note ?? row.note,
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.activity.updated",
        entityType: "cm_activity",
        entityId: id,
        unitId: unit.id,
        data: { fields: Object.keys(patch), progress, status, asOwner: !can(actor, P.manage, unit.path) },
      });
    });
    return this.activity(actor, id);
  }

  async deleteActivity(actor: Actor, id: string): Promise<void> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    assertScope(actor, P.manage, unit);
    const links = await recordEvidenceLinks(this.ctx, { ...CM_RECORD, id });
    // The worksheet must not keep pointing at a deleted activity (needs zi.worksheet.write).
    if (links.length) await unlinkRecordEvidence(this.ctx, actor, { unitId: unit.id, ...CM_RECORD, id });
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("cm_activity_files").where("activity_id", "=", id).execute();
      await trx.deleteFrom("cm_reminders").where("activity_id", "=", id).execute();
      await trx.deleteFrom("cm_activities").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.activity.deleted",
        entityType: "cm_activity",
        entityId: id,
        unitId: unit.id,
        data: { title: row.title },
      });
    });
  }

  /** Evidence files: a manager or the person in charge attaches files uploaded for the unit. */
  async attachFile(actor: Actor, id: string, fileId: string): Promise<ActivityDetailWire> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    this.assertReporter(actor, row, unit);
    await this.assertFile(unit, fileId);
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom("cm_activity_files")
        .select("file_id")
        .where("activity_id", "=", id)
        .where("file_id", "=", fileId)
        .executeTakeFirst();
      if (exists) return;
      await trx
        .insertInto("cm_activity_files")
        .values({
          activity_id: id,
          file_id: fileId,
          unit_id: unit.id,
          linked_by: actor.userId,
          linked_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.activity.file_attached",
        entityType: "cm_activity",
        entityId: id,
        unitId: unit.id,
        data: { fileId },
      });
    });
    return this.activity(actor, id);
  }

  async detachFile(actor: Actor, id: string, fileId: string): Promise<ActivityDetailWire> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    this.assertReporter(actor, row, unit);
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .deleteFrom("cm_activity_files")
        .where("activity_id", "=", id)
        .where("file_id", "=", fileId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) fail("CM_FILE_NOT_FOUND", { id: fileId });
      await this.ctx.audit.record(trx, actor, {
        action: "cm.activity.file_detached",
        entityType: "cm_activity",
        entityId: id,
        unitId: unit.id,
        data: { fileId },
      });
    });
    return this.activity(actor, id);
  }

  private assertReporter(actor: Actor, row: ActivityRow, unit: Unit) {
    if (actor.kind === "user" && actor.userId === row.picUserId) return;
    assertScope(actor, P.manage, unit);
  }

  /**
   * Which LKE questions the activity proves: the set given replaces the previous one. Linking goes
   * through the Zona Integritas module (which checks zi.worksheet.write and the question keys).
   */
  async setQuestions(actor: Actor, id: string, questionKeys: string[]): Promise<ActivityDetailWire> {
    const row = await this.activityRow(id);
    const unit = await this.unitById(row.unitId);
    assertScope(actor, P.manage, unit);
    await this.replaceLinks(
      actor,
      unit.id,
      { ...CM_RECORD, id, title: row.title, path: `/perubahan/rencana/${id}` },
      questionKeys,
    );
    return this.activity(actor, id);
  }

  /**
   * Make `questionKeys` the set of LKE questions the record is linked to: the new ones are linked
   * (which also refreshes the title and path of the links kept), the others unlinked. Linking goes
   * through the Zona Integritas module, which checks zi.worksheet.write and the question keys; an
   * unknown key refuses the whole set before anything is unlinked.
   */
  private async replaceLinks(actor: Actor, unitId: string, ref: RecordRef, questionKeys: string[]) {
    const wanted = [...new Set(questionKeys)];
    const current = await recordEvidenceLinks(this.ctx, ref);
    if (wanted.length) await linkRecordEvidence(this.ctx, actor, { unitId, questionKeys: wanted, ref });
    for (const key of current.filter((k) => !wanted.includes(k)))
      await unlinkRecordEvidence(this.ctx, actor, {
        unitId,
        module: ref.module,
        type: ref.type,
        id: ref.id,
        questionKey: key,
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Decrees and changes as LKE evidence

  /** A decree (team or change agents) and its unit, when the actor holds `permission` over it. */
  private async decreeFor(actor: Actor, id: string, permission: string) {
    const r =
      (await this.db.selectFrom("cm_decrees").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CM_DECREE_NOT_FOUND", { id });
    const decree = decodeDecree(r);
    const kind = codec.text(r.kind) as DecreeKind;
    const unit = await this.unitById(decree.unitId);
    assertScope(actor, permission, unit);
    return { decree, kind, unit };
  }

  /** GET /api/cm/decrees/:id/questions (managers: the picker's current value). */
  async decreeQuestions(actor: Actor, id: string): Promise<RecordQuestionsWire> {
    await this.decreeFor(actor, id, P.manage);
    return { questionKeys: await recordEvidenceLinks(this.ctx, { ...CM_DECREE_RECORD, id }) };
  }

  /** The LKE questions an SK (Tim Kerja ZI or Agen Perubahan) proves: the set given replaces the previous one. */
  async setDecreeQuestions(actor: Actor, id: string, questionKeys: string[]): Promise<RecordQuestionsWire> {
    const { decree, kind, unit } = await this.decreeFor(actor, id, P.manage);
    const label = DECREE_LABEL[kind];
    await this.replaceLinks(
      actor,
      unit.id,
      { ...CM_DECREE_RECORD, id, title: `${label.title} No. ${decree.number}`, path: label.path },
      questionKeys,
    );
    return this.decreeQuestions(actor, id);
  }

  /** The LKE questions a change agent's concrete change proves (managers only; replaces the set). */
  async setChangeQuestions(actor: Actor, id: string, questionKeys: string[]): Promise<ChangeWire> {
    const change = await this.changeById(id);
    const agent = await this.agentRow(change.agentId);
    const unit = await this.unitById(agent.unitId);
    assertScope(actor, P.manage, unit);
    await this.replaceLinks(
      actor,
      unit.id,
      {
        ...CM_CHANGE_RECORD,
        id,
        title: `Perubahan oleh agen perubahan ${agent.name}: ${change.title}`,
        path: "/perubahan/agen",
      },
      questionKeys,
    );
    return this.changeById(id);
  }

  /** GET /api/cm/activities/mine: where the caller is the person in charge (any unit). */
  async mine(actor: Actor): Promise<MyActivityWire[]> {
    if (actor.kind !== "user" || !actor.userId) return [];
    const today = this.today();
    const rows = (
      await this.db
        .selectFrom("cm_activities")
        .selectAll()
        .where("pic_user_id", "=", actor.userId)
        .orderBy("due_date")
        .orderBy("id")
        .execute()
    ).map(decodeActivity);
    return rows
      .map((r) => ({
        id: r.id,
        title: r.title,
        areaKey: r.areaKey,
        dueDate: r.dueDate,
        status: r.status,
        progress: r.progress,
        overdue: isOverdue(r, today),
      }))
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          Number(a.status === "selesai") - Number(b.status === "selesai"),
      );
  }

  /**
   * The daily job: every activity overdue today that has not had its reminder for its current due
   * date gets one e-mail to its person in charge. Safe to run any number of times.
   */
  async sendOverdueReminders(): Promise<number> {
    const today = this.today();
    const due = (
      await this.db
        .selectFrom("cm_activities as a")
        .leftJoin("cm_reminders as r", (j) =>
          j.onRef("r.activity_id", "=", "a.id").onRef("r.due_date", "=", "a.due_date"),
        )
        .selectAll("a")
        .where("r.activity_id", "is", null)
        .where("a.status", "!=", "selesai")
        .where("a.due_date", "<", today)
        .orderBy("a.unit_id")
        .execute()
    ).map(decodeActivity);
    const emails = new Map<string, string>();
    for (const unitId of new Set(due.map((a) => a.unitId)))
      for (const p of await this.staff(unitId)) emails.set(p.id, p.email);
    let sent = 0;
    for (const a of due) {
      const to = emails.get(a.picUserId);
      await this.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom("cm_reminders")
          .select("activity_id")
          .where("activity_id", "=", a.id)
          .where("due_date", "=", a.dueDate)
          .executeTakeFirst();
        if (taken) return;
        await trx
          .insertInto("cm_reminders")
          .values({ activity_id: a.id, due_date: a.dueDate, unit_id: a.unitId, sent_at: this.nowIso() })
          .execute();
        if (!to) return; // the person left the unit: recorded, nobody to write to
        const res = await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: reminderKey(a.id, a.dueDate),
          payload: {
            to,
            subject: `Kegiatan ZI melewati batas waktu: ${a.title}`,
            text: [
              `Yth. ${a.picName},`,
              "",
              `Kegiatan rencana kerja Zona Integritas "${a.title}" telah melewati batas waktu ${a.dueDate} dan belum selesai (progres ${a.progress}%).`,
              "Mohon perbarui progres dan data dukungnya di Zona, atau sampaikan kendalanya kepada koordinator Tim ZI.",
              "",
              `${this.ctx.config.publicUrl}/perubahan/rencana/${a.id}`,
            ].join("\n"),
          },
        });
        if (res.created) sent += 1;
      });
    }
    if (sent) this.ctx.outbox.kick();
    return sent;
  }

  // ---------------------------------------------------------------------------------------------
  // Change agents

  async agents(actor: Actor, unitId: string): Promise<AgentsWire> {
    const unit = await this.unit(actor, unitId);
    const decrees = await this.decrees("agents", unitId);
    const active = decrees.find((d) => d.active) ?? null;
    const agentRows = active
      ? await this.db
          .selectFrom("cm_agents")
          .selectAll()
          .where("decree_id", "=", active.id)
          .orderBy("user_name")
          .execute()
      : [];
    const ids = agentRows.map((r) => codec.text(r.id));
    const changeRows = ids.length
      ? await this.db
          .selectFrom("cm_changes")
          .selectAll()
          .where("agent_id", "in", ids)
          .orderBy("planned_date")
          .orderBy("id")
          .execute()
      : [];
    const files = await this.fileRefs(
      this.db,
      changeRows.map((r) => codec.textOrNull(r.integration_file_id)),
    );
    const links = new Map<string, string[]>();
    for (const r of changeRows) {
      const id = codec.text(r.id);
      links.set(id, await recordEvidenceLinks(this.ctx, { ...CM_CHANGE_RECORD, id }));
    }
    const changes = changeRows.map((r) => decodeChange(r, files, links.get(codec.text(r.id)) ?? []));
    const roleModels: RoleModelWire[] = (
      ids.length
        ? await this.db
            .selectFrom("cm_role_models")
            .selectAll()
            .where("agent_id", "in", ids)
            .orderBy("activity_date", "desc")
            .execute()
        : []
    ).map((r) => ({
      id: codec.text(r.id),
      agentId: codec.text(r.agent_id),
      title: codec.text(r.title),
      description: codec.text(r.description),
      date: codec.text(r.activity_date),
    }));
    const agents: AgentWire[] = agentRows.map((r) => {
      const id = codec.text(r.id);
      return {
        id,
        decreeId: codec.text(r.decree_id),
        userId: codec.text(r.user_id),
        name: codec.text(r.user_name),
        changes: changes.filter((c) => c.agentId === id),
        roleModels: roleModels.filter((m) => m.agentId === id),
      };
    });
    const { memberCount: _m, ...decree } = active ?? { memberCount: 0 };
    return {
      decree: active ? (decree as DecreeWire) : null,
      agents,
      decrees,
      canManage: can(actor, P.manage, unit.path),
    };
  }

  async createAgentDecree(
    actor: Actor,
    input: CreateDecreeInput & { userIds: string[] },
  ): Promise<AgentsWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    const userIds = [...new Set(input.userIds)];
    const people = await this.staffMap(unit.id, userIds);
    await this.assertFile(unit, input.fileId);
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      const { id, previous } = await this.replaceDecree(trx, actor, "agents", input, at);
      // Agents who stay on the new decree keep their records: their rows move to it.
      const kept = new Set<string>();
      if (previous) {
        const prevAgents = await trx
          .selectFrom("cm_agents")
          .selectAll()
          .where("decree_id", "=", previous.id)
          .execute();
        for (const r of prevAgents) {
          const userId = codec.text(r.user_id);
          if (userIds.includes(userId)) {
            kept.add(userId);
            await trx
              .updateTable("cm_agents")
              .set({ decree_id: id })
              .where("id", "=", codec.text(r.id))
              .execute();
          } else {
            await trx
              .updateTable("cm_agents")
              .set({ ended_at: at })
              .where("id", "=", codec.text(r.id))
              .execute();
          }
        }
      }
      for (const userId of userIds.filter((u) => !kept.has(u)))
        await trx
          .insertInto("cm_agents")
          .values({
            id: newId(),
            unit_id: unit.id,
            decree_id: id,
            user_id: userId,
            user_name: people.get(userId)!.name,
            created_at: at,
            ended_at: null,
          })
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.agents.decreed",
        entityType: "cm_decree",
        entityId: id,
        unitId: unit.id,
        data: { number: input.number, agents: userIds.length, replaces: previous?.id ?? null },
      });
    });
    return this.agents(actor, unit.id);
  }

  private async agentRow(id: string) {
    const r =
      (await this.db.selectFrom("cm_agents").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CM_AGENT_NOT_FOUND", { id });
    return {
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      userId: codec.text(r.user_id),
      name: codec.text(r.user_name),
      endedAt: codec.textOrNull(r.ended_at),
    };
  }

  /** A manager, or the change agent for their own records. */
  private async agentWriter(actor: Actor, agentId: string) {
    const agent = await this.agentRow(agentId);
    const unit = await this.unitById(agent.unitId);
    const self = actor.kind === "user" && actor.userId === agent.userId;
    if (!self && !can(actor, P.manage, unit.path)) {
      if (!can(actor, P.read, unit.path)) assertScope(actor, P.manage, unit);
      fail("CM_CHANGE_FORBIDDEN");
    }
    return { agent, unit };
  }

  async addChange(
    actor: Actor,
    agentId: string,
    input: {
      title: string;
      description: string;
      plannedDate?: string | null | undefined;
      realisedDate?: string | null | undefined;
      integrated: boolean;
      integrationRef: string;
      integrationFileId?: string | null | undefined;
    },
  ): Promise<ChangeWire> {
    const { agent, unit } = await this.agentWriter(actor, agentId);
    if (agent.endedAt) fail("CM_AGENT_NOT_CURRENT", { name: agent.name });
    const c = {
      ...input,
      plannedDate: input.plannedDate ?? null,
      realisedDate: input.realisedDate ?? null,
      integrationFileId: input.integrationFileId ?? null,
    };
    assertChange(c);
    await this.assertFile(unit, c.integrationFileId);
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cm_changes")
        .values({
          id,
          unit_id: unit.id,
          agent_id: agentId,
          title: c.title,
          description: c.description,
          planned_date: c.plannedDate,
          realised_date: c.realisedDate,
          integrated: enc.bool(c.integrated),
          integration_ref: c.integrationRef,
          integration_file_id: c.integrationFileId,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.change.created",
        entityType: "cm_change",
        entityId: id,
        unitId: unit.id,
        data: { agentId, title: c.title, integrated: c.integrated },
      });
    });
    return this.changeById(id);
  }

  private async changeById(id: string): Promise<ChangeWire> {
    const r =
      (await this.db.selectFrom("cm_changes").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CM_CHANGE_NOT_FOUND", { id });
    const files = await this.fileRefs(this.db, [codec.textOrNull(r.integration_file_id)]);
    return decodeChange(r, files, await recordEvidenceLinks(this.ctx, { ...CM_CHANGE_RECORD, id }));
  }

  async updateChange(
    actor: Actor,
    id: string,
    patch: Partial<{
      title: string;
      description: string;
      plannedDate: string | null;
      realisedDate: string | null;
      integrated: boolean;
      integrationRef: string;
      integrationFileId: string | null;
    }>,
  ): Promise<ChangeWire> {
    const before = await this.changeById(id);
    const { unit } = await this.agentWriter(actor, before.agentId);
    const next = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      plannedDate: patch.plannedDate === undefined ? before.plannedDate : patch.plannedDate,
      realisedDate: patch.realisedDate === undefined ? before.realisedDate : patch.realisedDate,
      integrated: patch.integrated ?? before.integrated,
      integrationRef: patch.integrationRef ?? before.integrationRef,
      integrationFileId:
        patch.integrationFileId === undefined
          ? (before.integrationFile?.id ?? null)
          : patch.integrationFileId,
    };
    assertChange(next);
    await this.assertFile(unit, patch.integrationFileId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("cm_changes")
        .set({
          title: next.title,
          description: next.description,
          planned_date: next.plannedDate,
          realised_date: next.realisedDate,
          integrated: enc.bool(next.integrated),
          integration_ref: next.integrationRef,
          integration_file_id: next.integrationFileId,
          updated_at: this.nowIso(),
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.change.updated",
        entityType: "cm_change",
        entityId: id,
        unitId: unit.id,
        data: { fields: Object.keys(patch), integrated: next.integrated },
      });
    });
    return this.changeById(id);
  }

  async deleteChange(actor: Actor, id: string): Promise<void> {
    const before = await this.changeById(id);
    const { unit } = await this.agentWriter(actor, before.agentId);
    // The worksheet must not keep pointing at a deleted change. The agent may delete their own change
    // without holding zi.worksheet.write, so the links a manager made are removed on the module's behalf.
    if (before.questionKeys.length)
      await unlinkRecordEvidence(this.ctx, systemActor("cm"), { unitId: unit.id, ...CM_CHANGE_RECORD, id });
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("cm_changes").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.change.deleted",
        entityType: "cm_change",
        entityId: id,
        unitId: unit.id,
        data: { title: before.title },
      });
    });
  }

  async addRoleModel(
    actor: Actor,
    agentId: string,
    input: { title: string; description: string; date: string },
  ): Promise<RoleModelWire> {
    const { agent, unit } = await this.agentWriter(actor, agentId);
    if (agent.endedAt) fail("CM_AGENT_NOT_CURRENT", { name: agent.name });
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cm_role_models")
        .values({
          id,
          unit_id: unit.id,
          agent_id: agentId,
          title: input.title,
          description: input.description,
          activity_date: input.date,
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.role_model.created",
        entityType: "cm_role_model",
        entityId: id,
        unitId: unit.id,
        data: { agentId, title: input.title },
      });
    });
    return { id, agentId, title: input.title, description: input.description, date: input.date };
  }

  async deleteRoleModel(actor: Actor, id: string): Promise<void> {
    const r =
      (await this.db.selectFrom("cm_role_models").selectAll().where("id", "=", id).executeTakeFirst()) ??
      fail("CM_ROLE_MODEL_NOT_FOUND", { id });
    const { unit } = await this.agentWriter(actor, codec.text(r.agent_id));
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("cm_role_models").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "cm.role_model.deleted",
        entityType: "cm_role_model",
        entityId: id,
        unitId: unit.id,
        data: { title: codec.text(r.title) },
      });
    });
  }

  /** The LKE reform counts of "Komitmen dalam Perubahan" for a unit and year, from the records. */
  async counts(actor: Actor, unitId: string, year?: number): Promise<CountsWire> {
    const data = await this.agents(actor, unitId);
    const y = year ?? Number(this.today().slice(0, 4));
    const period = yearPeriod(y);
    const changes = (
      await this.db
        .selectFrom("cm_changes")
        .select(["realised_date", "integrated"])
        .where("unit_id", "=", unitId)
        .execute()
    ).map((r) => ({ realisedDate: codec.textOrNull(r.realised_date), integrated: codec.bool(r.integrated) }));
    const counts = reformCounts(data.agents, changes, period);
    return {
      unitId,
      year: y,
      ...period,
      counts,
      ratios: reformRatios(counts),
      questionKeys: { made: "reform.mp.komitmen-perubahan.a", integrated: "reform.mp.komitmen-perubahan.b" },
    };
  }

  /** Units whose records the actor may list (for scope-aware reads elsewhere). */
  roots(actor: Actor): string[] {
    return scopeRoots(actor, P.read);
  }
}
