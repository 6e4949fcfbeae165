/**
 * Conflict of interest: yearly and ad-hoc declarations by employees, the reviewer's handling
 * decision, the mapping of conflict-prone functions with their risk level, and the yearly
 * evaluation figure (declared / employees) the LKE asks for.
 */

import { isValidLocalDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { lockKey } from "../../../kernel/db/transaction";
import { fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, scopeRoots } from "../../../kernel/identity/actor";
import { peopleWith } from "../../../kernel/identity/people";
import type { CoiDeclaration, CoiEvaluationWire, CoiFunction } from "../contract";
import { coiEvaluation } from "../domain/coi";
import { type CoiDecision, type CoiKind, INTEGRITY_PERMISSIONS, type RiskLevel } from "../domain/model";

const P = INTEGRITY_PERMISSIONS;
type Row = Record<string, unknown>;

function decodeDecl(r: Row): CoiDeclaration {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    userId: codec.text(r.user_id),
    userName: codec.text(r.user_name),
    kind: codec.text(r.kind) as CoiKind,
    year: codec.int(r.year),
    hasConflict: codec.bool(r.has_conflict),
    details: codec.textOrNull(r.details),
    activityName: codec.textOrNull(r.activity_name),
    activityDate: codec.textOrNull(r.activity_date),
    status: codec.text(r.status) as CoiDeclaration["status"],
    decision: codec.textOrNull(r.decision) as CoiDecision | null,
    decisionNote: codec.textOrNull(r.decision_note),
    reviewedByName: codec.textOrNull(r.reviewed_by_name),
    reviewedAt: codec.instantOrNull(r.reviewed_at),
    createdAt: codec.instant(r.created_at),
  };
}

function decodeFn(r: Row): CoiFunction {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    year: codec.int(r.year),
    name: codec.text(r.name),
    description: codec.textOrNull(r.description),
    riskLevel: codec.text(r.risk_level) as RiskLevel,
    controls: codec.textOrNull(r.controls),
    updatedAt: codec.instant(r.updated_at),
  };
}

export interface CoiDeclare {
  unitId: string;
  kind: CoiKind;
  year: number;
  hasConflict: boolean;
  details?: string | undefined;
  activityName?: string | undefined;
  activityDate?: string | undefined;
}

export class CoiService {
  constructor(private readonly ctx: AppContext) {}
  private get db() {
    return this.ctx.db;
  }
  private nowIso() {
    return this.ctx.clock.now().toISOString();
  }

  async declare(actor: Actor, input: CoiDeclare): Promise<CoiDeclaration> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.coiDeclare);
    const userId = actor.userId ?? fail("FORBIDDEN");
    if (!actor.assignments.some((a) => a.unitId === unit.id && a.permissions.includes(P.coiDeclare)))
      fail("COI_NOT_STAFF");
    if (input.hasConflict && !input.details) fail("COI_DETAILS_REQUIRED");
    if (input.kind === "adhoc" && (!input.activityName || !input.activityDate)) fail("COI_ACTIVITY_REQUIRED");
    if (input.activityDate && !isValidLocalDate(input.activityDate))
      fail("GRAT_DATE_INVALID", { field: "activityDate" });
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `coi.${unit.id}.${userId}`);
      if (input.kind === "annual") {
        const exists = await trx
          .selectFrom("coi_declarations")
          .select("id")
          .where("unit_id", "=", unit.id)
          .where("user_id", "=", userId)
          .where("kind", "=", "annual")
          .where("year", "=", input.year)
          .executeTakeFirst();
        if (exists) fail("COI_ANNUAL_EXISTS", { year: input.year });
      }
      await trx
        .insertInto("coi_declarations")
        .values({
          id,
          unit_id: unit.id,
          user_id: userId,
          user_name: actor.name,
          kind: input.kind,
          year: input.year,
          has_conflict: enc.bool(input.hasConflict),
          details: input.details ?? null,
          activity_name: input.kind === "adhoc" ? (input.activityName ?? null) : null,
          activity_date: input.kind === "adhoc" ? (input.activityDate ?? null) : null,
          // A "no conflict" annual declaration needs no handling; anything else waits for review.
          status: input.hasConflict ? "submitted" : "reviewed",
          decision: input.hasConflict ? null : "tidak_ada_benturan",
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "coi.declared",
        unitId: unit.id,
        entityType: "coi_declaration",
        entityId: id,
        data: { kind: input.kind, year: input.year, hasConflict: input.hasConflict },
      });
    });
    return decodeDecl(
      await this.db.selectFrom("coi_declarations").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    );
  }

  async mine(actor: Actor): Promise<CoiDeclaration[]> {
    if (!actor.userId) return [];
    const rows = await this.db
      .selectFrom("coi_declarations")
      .selectAll()
      .where("user_id", "=", actor.userId)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(decodeDecl);
  }

  async list(
    actor: Actor,
    q: { unitId?: string | undefined; year?: number | undefined },
  ): Promise<CoiDeclaration[]> {
    let roots = scopeRoots(actor, P.coiReview);
    if (q.unitId) roots = [(await this.ctx.org.getInScope(actor, q.unitId, P.coiReview)).path];
    if (roots.length === 0) return [];
    let query = this.db
      .selectFrom("coi_declarations as d")
      .innerJoin("units as u", "u.id", "d.unit_id")
      .selectAll("d")
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    if (q.year) query = query.where("d.year", "=", q.year);
    return (await query.orderBy("d.created_at", "desc").limit(2000).execute()).map(decodeDecl);
  }

  async review(actor: Actor, id: string, input: { decision: CoiDecision; note?: string | undefined }) {
    const r = await this.db
      .selectFrom("coi_declarations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) fail("COI_NOT_FOUND", { id });
    const unit = (await this.ctx.org.get(codec.text(r.unit_id)))!;
    assertScope(actor, P.coiReview, unit);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("coi_declarations")
        .set({
          status: "reviewed",
          decision: input.decision,
          decision_note: input.note ?? null,
          reviewed_by: actor.userId,
          reviewed_by_name: actor.name,
          reviewed_at: this.nowIso(),
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "coi.reviewed",
        unitId: unit.id,
        entityType: "coi_declaration",
        entityId: id,
        data: { decision: input.decision },
      });
    });
    return decodeDecl(
      await this.db.selectFrom("coi_declarations").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    );
  }

  async functions(actor: Actor, unitId: string, year: number): Promise<CoiFunction[]> {
    await this.ctx.org.getInScope(actor, unitId, P.coiDeclare);
    return this.functionsOf(unitId, year);
  }

  async functionsOf(unitId: string, year: number): Promise<CoiFunction[]> {
    const rows = await this.db
      .selectFrom("coi_functions")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("year", "=", year)
      .orderBy("name")
      .execute();
    return rows.map(decodeFn);
  }

  async saveFunction(
    actor: Actor,
    id: string | null,
    input: {
      unitId: string;
      year: number;
      name: string;
      description?: string | undefined;
      riskLevel: RiskLevel;
      controls?: string | undefined;
    },
  ): Promise<CoiFunction> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.coiReview);
    const at = this.nowIso();
    const fnId = id ?? newId();
    if (id) {
      const r = await this.db
        .selectFrom("coi_functions")
        .select("unit_id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!r || codec.text(r.unit_id) !== unit.id) fail("COI_FUNCTION_NOT_FOUND", { id });
    }
    await this.db.transaction().execute(async (trx) => {
      const values = {
        year: input.year,
        name: input.name,
        description: input.description ?? null,
        risk_level: input.riskLevel,
        controls: input.controls ?? null,
        updated_by: actor.userId,
        updated_at: at,
      };
      if (id) await trx.updateTable("coi_functions").set(values).where("id", "=", id).execute();
      else
        await trx
          .insertInto("coi_functions")
          .values({ id: fnId, unit_id: unit.id, created_at: at, ...values })
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: id ? "coi.function.updated" : "coi.function.mapped",
        unitId: unit.id,
        entityType: "coi_function",
        entityId: fnId,
        data: { name: input.name, riskLevel: input.riskLevel, year: input.year },
      });
    });
    return decodeFn(
      await this.db.selectFrom("coi_functions").selectAll().where("id", "=", fnId).executeTakeFirstOrThrow(),
    );
  }

  async removeFunction(actor: Actor, id: string): Promise<void> {
    const r = await this.db
      .selectFrom("coi_functions")
      .select("unit_id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) fail("COI_FUNCTION_NOT_FOUND", { id });
    const unit = await this.ctx.org.getInScope(actor, codec.text(r.unit_id), P.coiReview);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("coi_functions").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "coi.function.removed",
        unitId: unit.id,
        entityType: "coi_function",
        entityId: id,
      });
    });
  }

  async evaluationFor(unitId: string, year: number): Promise<CoiEvaluationWire> {
    const staff = await peopleWith(this.db, [unitId], P.coiDeclare);
    const rows = await this.db
      .selectFrom("coi_declarations")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("year", "=", year)
      .execute();
    const decls = rows.map(decodeDecl);
    const annual = decls.filter((d) => d.kind === "annual");
    const ev = coiEvaluation(
      year,
      staff.map((s) => s.userId),
      annual.map((d) => ({ userId: d.userId, hasConflict: d.hasConflict })),
    );
    const declaredIds = new Set(annual.map((d) => d.userId));
    const fns = await this.functionsOf(unitId, year);
    return {
      ...ev,
      adhoc: decls.filter((d) => d.kind === "adhoc").length,
      reviewed: decls.filter((d) => d.status === "reviewed").length,
      pendingReview: decls.filter((d) => d.status === "submitted").length,
      functionsMapped: fns.length,
      highRiskFunctions: fns.filter((f) => f.riskLevel === "tinggi").length,
      missing: staff
        .filter((s) => !declaredIds.has(s.userId))
        .map((s) => ({ userId: s.userId, name: s.name })),
    };
  }

  async evaluation(actor: Actor, unitId: string, year: number) {
    await this.ctx.org.getInScope(actor, unitId, P.coiReview);
    return this.evaluationFor(unitId, year);
  }
}
