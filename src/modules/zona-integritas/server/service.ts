/**
 * The Zona Integritas service: cycles and their stages, the three-column worksheet, evidence links,
 * history, stored scores and the multi-unit table. Every write takes the cycle's lock, checks stage
 * and scope inside the transaction, writes its history and audit rows, and re-stores the column's
 * score before it commits — so what the overview reads is never behind the worksheet.
 */
import { type Kysely, sql } from "kysely";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots } from "../../../kernel/identity/actor";
import { type Fraction, mul, toNumber } from "../../../kernel/math/fraction";
import type { Unit } from "../../../kernel/org/units";
import { pactCompletion } from "../../integrity-pact/server";
import { perceptionIndices } from "../../surveys/server";
import type { CycleDetail, CycleWire, GapsWire, OverviewRow, ScoreSummary, WorksheetWire } from "../contract";
import { type Answer, answerValue } from "../domain/answers";
import { pathsToGates, rankGaps } from "../domain/gaps";
import type { Readiness, ThresholdOverrides } from "../domain/readiness";
import { indexRubric, loadRubric, type Predicate, questionsOf, type Rubric } from "../domain/rubric";
import { type LkeScore, scoreValues } from "../domain/scoring";
import {
  COLUMN_RULES,
  COLUMNS,
  COMMANDS,
  type Column,
  type Command,
  checkTransition,
  columnOpen,
  DEFAULT_PROPOSAL_DEADLINE,
  leadingColumn,
  proposalDeadline,
  type Stage,
  TRANSITIONS,
  ZI_PERMISSIONS,
} from "../domain/stages";
import {
  failingKeys,
  fracText,
  judge,
  parseFrac,
  readinessToWire,
  scoreFromPoints,
  storedPoints,
  summaryOf,
} from "./score-store";

export interface CycleRow {
  id: string;
  unitId: string;
  year: number;
  target: Predicate;
  rubricId: string;
  stage: Stage;
  priorWbk: boolean;
  pactPercent: number | null;
  declarationDate: string | null;
  declarationFileId: string | null;
  result: "WBK" | "WBBM" | "none" | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function decodeCycle(r: Record<string, unknown>): CycleRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    year: codec.int(r.year),
    target: codec.text(r.target) as Predicate,
    rubricId: codec.text(r.rubric_id),
    stage: codec.text(r.stage) as Stage,
    priorWbk: codec.bool(r.prior_wbk),
    pactPercent: r.pact_percent === null || r.pact_percent === undefined ? null : Number(r.pact_percent),
    declarationDate: codec.textOrNull(r.declaration_date),
    declarationFileId: codec.textOrNull(r.declaration_file_id),
    result: codec.textOrNull(r.result) as CycleRow["result"],
    version: codec.int(r.version),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

export interface StoredScore {
  cycleId: string;
  column: Column;
  total: number;
  points: Record<string, string>;
  answered: number;
  withEvidence: number;
  readyWbk: boolean;
  readyWbbm: boolean;
  failingWbk: string[];
  failingWbbm: string[];
}

function decodeScore(r: Record<string, unknown>): StoredScore {
  return {
    cycleId: codec.text(r.cycle_id),
    column: codec.text(r.col) as Column,
    total: Number(r.total),
    points: codec.json(r.points),
    answered: codec.int(r.answered),
    withEvidence: codec.int(r.with_evidence),
    readyWbk: codec.bool(r.ready_wbk),
    readyWbbm: codec.bool(r.ready_wbbm),
    failingWbk: codec.json(r.failing_wbk),
    failingWbbm: codec.json(r.failing_wbbm),
  };
}

/** Another module's record offered as evidence (see linkRecord). */
export interface RecordRef {
  module: string;
  type: string;
  id: string;
  title: string;
  /** The record's page in the web app, e.g. "/perubahan/rencana/<id>". */
  path: string;
}

/** The rubric records are checked against (the current edition). */
const DEFAULT_RUBRIC = "permenpanrb-90-2021";

export interface SaveItem {
  key: string;
  answer: Answer;
  note?: string | undefined;
  source?: string | null | undefined;
}

export class ZiService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  /** The service's clock (documents print their generation time from it). */
  now(): Date {
    return this.ctx.clock.now();
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  private lock(trx: Executor, cycleId: string) {
    return lockKey(trx, this.ctx.database.dialect, `zi.cycle.${cycleId}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Settings and thresholds

  async overrides(rubricId: string, ex: Executor = this.db): Promise<ThresholdOverrides> {
    const rows = await ex
      .selectFrom("zi_threshold_overrides")
      .selectAll()
      .where("rubric_id", "=", rubricId)
      .execute();
    const out: Record<string, Partial<Record<Predicate, number | null>>> = {};
    for (const r of rows) {
      const key = codec.text(r.gate_key);
      const g = out[key] ?? {};
      out[key] = g;
      g[codec.text(r.predicate) as Predicate] = r.value === null ? null : Number(r.value);
    }
    return out;
  }

  async setOverrides(actor: Actor, rubricId: string, overrides: ThresholdOverrides): Promise<void> {
    const rubric = loadRubric(rubricId);
    for (const [k, byPred] of Object.entries(overrides)) {
      const gate =
        rubric.thresholds.gates.find((g) => g.key === k) ??
        fail("ZI_GATE_UNKNOWN", { gate: k, rubric: rubricId });
      // An area gate is a share of the area's weight; a score gate cannot ask for more than 100 points.
      const max = gate.kind === "areaShare" ? 1 : 100;
      for (const v of Object.values(byPred))
        if (typeof v === "number" && v > max) fail("ZI_THRESHOLD_OUT_OF_RANGE", { gate: k, value: v, max });
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("zi_threshold_overrides").where("rubric_id", "=", rubricId).execute();
      for (const [gate, byPred] of Object.entries(overrides)) {
        for (const [pred, value] of Object.entries(byPred)) {
          if (value === undefined) continue;
          await trx
            .insertInto("zi_threshold_overrides")
            .values({
              rubric_id: rubricId,
              gate_key: gate,
              predicate: pred,
              value: value === null ? null : String(value),
              updated_by: actor.userId,
              updated_at: this.nowIso(),
            })
            .execute();
        }
      }
      await this.ctx.audit.record(trx, actor, {
        action: "zi.thresholds.updated",
        entityType: "rubric",
        entityId: rubricId,
        data: { gates: Object.keys(overrides) },
      });
      // Readiness flags of every cycle on this rubric follow the new thresholds.
      const cycles = (
        await trx.selectFrom("zi_cycles").selectAll().where("rubric_id", "=", rubricId).execute()
      ).map(decodeCycle);
      for (const c of cycles) await this.rejudge(trx, c);
    });
  }

  async proposalDeadlineSetting(ex: Executor = this.db): Promise<string> {
    const row = await ex
      .selectFrom("zi_settings")
      .select("value")
      .where("key", "=", "proposal_deadline")
      .executeTakeFirst();
    return row ? codec.text(row.value) : DEFAULT_PROPOSAL_DEADLINE;
  }

  async setProposalDeadline(actor: Actor, monthDay: string): Promise<void> {
    if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(monthDay)) fail("VALIDATION_FAILED", {});
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("zi_settings")
        .values({ key: "proposal_deadline", value: monthDay, updated_at: this.nowIso() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: monthDay, updated_at: this.nowIso() }))
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "zi.settings.updated",
        entityType: "setting",
        entityId: "proposal_deadline",
        data: { value: monthDay },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Cycles

  private async cycleRow(ex: Executor, id: string): Promise<CycleRow> {
    const r = await ex.selectFrom("zi_cycles").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeCycle(r) : fail("ZI_CYCLE_NOT_FOUND", { id });
  }

  private async unitOf(cycle: CycleRow): Promise<Unit> {
    return (await this.ctx.org.get(cycle.unitId)) ?? fail("ZI_CYCLE_NOT_FOUND", { id: cycle.id });
  }

  /** The cycle and its unit, when the actor holds `permission` over the unit (404/403 otherwise). */
  async cycleFor(
    actor: Actor,
    id: string,
    permission: string = ZI_PERMISSIONS.read,
  ): Promise<{ cycle: CycleRow; unit: Unit }> {
    const cycle = await this.cycleRow(this.db, id);
    const unit = await this.unitOf(cycle);
    assertScope(actor, permission, unit);
    return { cycle, unit };
  }

  async toWire(cycle: CycleRow, unit: Unit, ex: Executor = this.db): Promise<CycleWire> {
    return {
      id: cycle.id,
      unit: { id: unit.id, code: unit.code, name: unit.name, path: unit.path },
      year: cycle.year,
      target: cycle.target,
      rubricId: cycle.rubricId,
      stage: cycle.stage,
      priorWbk: cycle.priorWbk,
      pactPercent: cycle.pactPercent,
      declarationDate: cycle.declarationDate,
      declarationFileId: cycle.declarationFileId,
      proposalDeadline: proposalDeadline(cycle.year, await this.proposalDeadlineSetting(ex)),
      result: cycle.result,
      version: cycle.version,
      createdAt: cycle.createdAt,
      updatedAt: cycle.updatedAt,
    };
  }

  async createCycle(
    actor: Actor,
    input: { unitId: string; year: number; target: Predicate; rubricId: string; priorWbk: boolean },
  ): Promise<CycleWire> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, ZI_PERMISSIONS.manage);
    const rubric = loadRubric(input.rubricId);
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("zi_cycles")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("year", "=", input.year)
        .executeTakeFirst();
      if (existing) fail("ZI_CYCLE_EXISTS", { year: input.year, id: existing.id });
      await trx
        .insertInto("zi_cycles")
        .values({
          id,
          unit_id: unit.id,
          year: input.year,
          target: input.target,
          rubric_id: rubric.id,
          stage: "pencanangan",
          prior_wbk: enc.bool(input.priorWbk),
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.event(trx, actor, { id, unitId: unit.id }, null, null, "pencanangan", null);
      const cycle = await this.cycleRow(trx, id);
      for (const col of COLUMNS) await this.restoreScore(trx, cycle, col);
      await this.ctx.audit.record(trx, actor, {
        action: "zi.cycle.created",
        unitId: unit.id,
        entityType: "zi_cycle",
        entityId: id,
        data: { year: input.year, target: input.target, rubric: rubric.id },
      });
    });
    return this.toWire(await this.cycleRow(this.db, id), unit);
  }

  async listCycles(actor: Actor, filter: { unitId?: string; year?: number }) {
    const roots = scopeRoots(actor, ZI_PERMISSIONS.read);
    if (roots.length === 0) return [];
    let q = this.db
      .selectFrom("zi_cycles as c")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .selectAll("c")
      .select(["u.code as unit_code", "u.name as unit_name", "u.path as unit_path"])
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    if (filter.unitId) q = q.where("c.unit_id", "=", filter.unitId);
    if (filter.year) q = q.where("c.year", "=", filter.year);
    const rows = await q.orderBy("c.year", "desc").orderBy("u.path").execute();
    const ids = rows.map((r) => codec.text(r.id));
    const scores = ids.length
      ? (await this.db.selectFrom("zi_scores").selectAll().where("cycle_id", "in", ids).execute()).map(
          decodeScore,
        )
      : [];
    const deadline = await this.proposalDeadlineSetting();
    return rows.map((r) => {
      const cycle = decodeCycle(r);
      const rubric = loadRubric(cycle.rubricId);
      const col = (c: Column) => {
        const s = scores.find((x) => x.cycleId === cycle.id && x.column === c);
        return s ? summaryOf(rubric, scoreFromPoints(rubric, s.points), s) : null;
      };
      return {
        id: cycle.id,
        unit: {
          id: cycle.unitId,
          code: codec.text(r.unit_code),
          name: codec.text(r.unit_name),
          path: codec.text(r.unit_path),
        },
        year: cycle.year,
        target: cycle.target,
        rubricId: cycle.rubricId,
        stage: cycle.stage,
        priorWbk: cycle.priorWbk,
        pactPercent: cycle.pactPercent,
        declarationDate: cycle.declarationDate,
        declarationFileId: cycle.declarationFileId,
        proposalDeadline: proposalDeadline(cycle.year, deadline),
        result: cycle.result,
        version: cycle.version,
        createdAt: cycle.createdAt,
        updatedAt: cycle.updatedAt,
        scores: { unit: col("unit"), tpi: col("tpi"), tpn: col("tpn") },
      };
    });
  }

  async updateCycle(
    actor: Actor,
    id: string,
    patch: {
      target?: Predicate | undefined;
      priorWbk?: boolean | undefined;
      pactPercent?: number | null | undefined;
      declarationDate?: string | null | undefined;
      declarationFileId?: string | null | undefined;
      version: number;
    },
  ): Promise<CycleWire> {
    const { unit } = await this.cycleFor(actor, id, ZI_PERMISSIONS.manage);
    // Read before the transaction: on SQLite a read outside it would wait for the one connection.
    if (patch.declarationFileId) {
      const file =
        (await this.ctx.files.get(patch.declarationFileId)) ??
        fail("ZI_FILE_NOT_FOUND", { id: patch.declarationFileId });
      if (file.unitId !== unit.id) fail("ZI_EVIDENCE_OTHER_UNIT", { file: file.originalName });
    }
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const cycle = await this.cycleRow(trx, id);
      if (cycle.version !== patch.version) fail("ZI_VERSION_CONFLICT", { version: cycle.version });
      // The target and the declaration belong to the unit's own stages; once evaluation starts they are fixed.
      if (
        (patch.target !== undefined || patch.declarationDate !== undefined) &&
        !columnOpen("unit", cycle.stage) &&
        cycle.stage !== "pencanangan"
      )
        fail("ZI_COLUMN_LOCKED", { column: "unit", stage: cycle.stage });
      const set: Record<string, unknown> = { version: cycle.version + 1, updated_at: this.nowIso() };
      if (patch.target !== undefined) set.target = patch.target;
      if (patch.priorWbk !== undefined) set.prior_wbk = enc.bool(patch.priorWbk);
      if (patch.pactPercent !== undefined) set.pact_percent = patch.pactPercent;
      if (patch.declarationDate !== undefined) set.declaration_date = patch.declarationDate;
      if (patch.declarationFileId !== undefined) set.declaration_file_id = patch.declarationFileId;
      await trx.updateTable("zi_cycles").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "zi.cycle.updated",
        unitId: cycle.unitId,
        entityType: "zi_cycle",
        entityId: id,
        data: { fields: Object.keys(set).filter((k) => k !== "version" && k !== "updated_at") },
      });
      await this.rejudge(trx, await this.cycleRow(trx, id));
    });
    return this.toWire(await this.cycleRow(this.db, id), unit);
  }

  /** The commands the actor may run now (stage and permission both allow; gates are checked on run). */
  commandsFor(actor: Actor, cycle: CycleRow, unit: Unit): Command[] {
    return COMMANDS.filter((c) => {
      const t = TRANSITIONS[c];
      return t.from.includes(cycle.stage) && can(actor, t.permission, unit.path);
    });
  }

  editableFor(actor: Actor, cycle: CycleRow, unit: Unit): Column[] {
    return COLUMNS.filter(
      (c) => columnOpen(c, cycle.stage) && can(actor, COLUMN_RULES[c].permission, unit.path),
    );
  }

  async transition(
    actor: Actor,
    id: string,
    input: { command: Command; note?: string | undefined; awarded?: boolean | undefined },
  ): Promise<CycleWire> {
    const t = TRANSITIONS[input.command];
    const { unit } = await this.cycleFor(actor, id, ZI_PERMISSIONS.read);
    assertScope(actor, t.permission, unit);
    // Read before the transaction (SQLite has one connection): the integrity pact's live completion.
    const pact = input.command === "declare" ? await pactCompletion(this.ctx, unit.id) : null;
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const cycle = await this.cycleRow(trx, id);
      const tpi = await this.storedScore(trx, id, "tpi");
      const failing = cycle.target === "WBK" ? tpi.failingWbk : tpi.failingWbbm;
      const today = jakartaDate(this.ctx.clock.now());
      const deadline = proposalDeadline(cycle.year, await this.proposalDeadlineSetting(trx));
      const failure = checkTransition(input.command, {
        stage: cycle.stage,
        declarationRecorded: cycle.declarationDate !== null && cycle.declarationFileId !== null,
        // Signatures collected in Zona count when the unit has a pact round; else the recorded share.
        pactPercent: pact ? pact.percent : cycle.pactPercent,
        tpiReady: failing.length === 0,
        tpiFailingGates: failing,
        today,
        proposalDeadline: deadline,
        ...(input.awarded !== undefined ? { awarded: input.awarded } : {}),
      });
      if (failure) throw new DomainError(failure.code, failure.params);
      const set: Record<string, unknown> = {
        stage: t.to,
        version: cycle.version + 1,
        updated_at: this.nowIso(),
      };
      if (input.command === "decide") set.result = input.awarded ? cycle.target : "none";
      await trx.updateTable("zi_cycles").set(set).where("id", "=", id).execute();
      await this.event(trx, actor, cycle, input.command, cycle.stage, t.to, input.note ?? null);
      await this.ctx.audit.record(trx, actor, {
        action: `zi.cycle.${input.command}`,
        unitId: cycle.unitId,
        entityType: "zi_cycle",
        entityId: id,
        data: {
          from: cycle.stage,
          to: t.to,
          ...(input.command === "decide" ? { awarded: input.awarded } : {}),
        },
      });
    });
    return this.toWire(await this.cycleRow(this.db, id), unit);
  }

  private async event(
    trx: Executor,
    actor: Actor,
    cycle: { id: string; unitId: string },
    command: Command | null,
    from: Stage | null,
    to: Stage,
    note: string | null,
  ) {
    await trx
      .insertInto("zi_stage_events")
      .values({
        id: newId(),
        cycle_id: cycle.id,
        unit_id: cycle.unitId,
        command,
        from_stage: from,
        to_stage: to,
        actor_id: actor.userId,
        actor_name: actor.name,
        note,
        at: this.nowIso(),
      })
      .execute();
  }

  async detail(actor: Actor, id: string): Promise<CycleDetail> {
    const { cycle, unit } = await this.cycleFor(actor, id);
    const rubric = loadRubric(cycle.rubricId);
    const overrides = await this.overrides(rubric.id);
    const events = await this.db
      .selectFrom("zi_stage_events")
      .selectAll()
      .where("cycle_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute();
    const stored = await this.storedScores(this.db, id);
    const scores = {} as Record<Column, ScoreSummary>;
    const readiness = {} as CycleDetail["readiness"];
    for (const col of COLUMNS) {
      const s = stored[col];
      const score = scoreFromPoints(rubric, s.points);
      scores[col] = summaryOf(rubric, score, s);
      readiness[col] = readinessToWire(judge(rubric, score, { priorWbk: cycle.priorWbk, overrides }));
    }
    return {
      cycle: await this.toWire(cycle, unit),
      events: events.map((e) => ({
        id: codec.text(e.id),
        command: codec.textOrNull(e.command) as Command | null,
        fromStage: codec.textOrNull(e.from_stage) as Stage | null,
        toStage: codec.text(e.to_stage) as Stage,
        actorName: codec.text(e.actor_name),
        note: codec.textOrNull(e.note),
        at: codec.instant(e.at),
      })),
      scores,
      readiness,
      leadingColumn: leadingColumn(cycle.stage),
      pact: await pactCompletion(this.ctx, unit.id),
      progress: await this.progress(rubric, id, cycle.unitId),
      commands: this.commandsFor(actor, cycle, unit),
      editable: this.editableFor(actor, cycle, unit),
    };
  }

  private async progress(rubric: Rubric, cycleId: string, unitId: string) {
    const answered = new Set(
      (
        await this.db
          .selectFrom("zi_answers")
          .select("question_key")
          .where("cycle_id", "=", cycleId)
          .where("col", "=", "unit")
          .execute()
      ).map((r) => codec.text(r.question_key)),
    );
    const withEvidence = new Set(
      (
        await this.db
          .selectFrom("zi_evidence")
          .select("question_key")
          .where("cycle_id", "=", cycleId)
          .execute()
      ).map((r) => codec.text(r.question_key)),
    );
    for (const keys of Object.keys(await this.recordsOf(unitId))) withEvidence.add(keys);
    return rubric.components.flatMap((c) =>
      c.areas.map((a) => {
        const keys = a.subpillars.flatMap((s) => s.questions.map((q) => q.key));
        return {
          areaKey: a.key,
          name: a.name,
          questions: keys.length,
          answered: keys.filter((k) => answered.has(k)).length,
          withEvidence: keys.filter((k) => withEvidence.has(k)).length,
        };
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Scores

  private async storedScore(ex: Executor, cycleId: string, col: Column): Promise<StoredScore> {
    const r = await ex
      .selectFrom("zi_scores")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .where("col", "=", col)
      .executeTakeFirst();
    return r ? decodeScore(r) : fail("ZI_CYCLE_NOT_FOUND", { id: cycleId });
  }

  private async storedScores(ex: Executor, cycleId: string): Promise<Record<Column, StoredScore>> {
    const rows = (await ex.selectFrom("zi_scores").selectAll().where("cycle_id", "=", cycleId).execute()).map(
      decodeScore,
    );
    const out = {} as Record<Column, StoredScore>;
    for (const c of COLUMNS)
      out[c] = rows.find((r) => r.column === c) ?? fail("ZI_CYCLE_NOT_FOUND", { id: cycleId });
    return out;
  }

  /** A column's exact score from its answers (the engine; used for gaps, reports and re-storing). */
  async scoreColumn(
    ex: Executor,
    cycle: CycleRow,
    col: Column,
  ): Promise<{ rubric: Rubric; score: LkeScore }> {
    const rubric = loadRubric(cycle.rubricId);
    const rows = await ex
      .selectFrom("zi_answers")
      .select(["question_key", "value_exact"])
      .where("cycle_id", "=", cycle.id)
      .where("col", "=", col)
      .execute();
    const values = new Map<string, Fraction>();
    for (const r of rows) values.set(codec.text(r.question_key), parseFrac(codec.text(r.value_exact)));
    return { rubric, score: scoreValues(rubric, values) };
  }

  /** Re-score one column from its answers and store the result (inside the writer's transaction). */
  private async restoreScore(trx: Executor, cycle: CycleRow, col: Column): Promise<ScoreSummary> {
    const { rubric, score } = await this.scoreColumn(trx, cycle, col);
    const answered = [...score.questions.values()].filter((q) => q.answered).length;
    const counts = { answered, withEvidence: await this.evidenceCount(trx, cycle.id, cycle.unitId) };
    const r = judge(rubric, score, {
      priorWbk: cycle.priorWbk,
      overrides: await this.overrides(rubric.id, trx),
    });
    const row = {
      unit_id: cycle.unitId,
      total: toNumber(score.total),
      pengungkit: toNumber(score.pengungkit),
      hasil: toNumber(score.hasil),
      points: enc.json(storedPoints(score)),
      answered: counts.answered,
      with_evidence: counts.withEvidence,
      ready_wbk: enc.bool(r.WBK.pass),
      ready_wbbm: enc.bool(r.WBBM.pass),
      failing_wbk: enc.json(failingKeys(r.WBK)),
      failing_wbbm: enc.json(failingKeys(r.WBBM)),
      updated_at: this.nowIso(),
    };
    await trx
      .insertInto("zi_scores")
      .values({ cycle_id: cycle.id, col, ...row })
      .onConflict((oc) => oc.columns(["cycle_id", "col"]).doUpdateSet(row))
      .execute();
    return summaryOf(rubric, score, counts);
  }

  /** Re-score every column of a cycle from its answers (maintenance; bulk loads). */
  async rescore(cycleId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, cycleId);
      const cycle = await this.cycleRow(trx, cycleId);
      for (const col of COLUMNS) await this.restoreScore(trx, cycle, col);
    });
  }

  /** Judge readiness again from stored points (thresholds or the cycle's inputs changed). */
  private async rejudge(trx: Executor, cycle: CycleRow): Promise<void> {
    const rubric = loadRubric(cycle.rubricId);
    const overrides = await this.overrides(rubric.id, trx);
    const stored = await this.storedScores(trx, cycle.id);
    for (const col of COLUMNS) {
      const r = judge(rubric, scoreFromPoints(rubric, stored[col].points), {
        priorWbk: cycle.priorWbk,
        overrides,
      });
      await trx
        .updateTable("zi_scores")
        .set({
          ready_wbk: enc.bool(r.WBK.pass),
          ready_wbbm: enc.bool(r.WBBM.pass),
          failing_wbk: enc.json(failingKeys(r.WBK)),
          failing_wbbm: enc.json(failingKeys(r.WBBM)),
        })
        .where("cycle_id", "=", cycle.id)
        .where("col", "=", col)
        .execute();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The worksheet

  async worksheet(actor: Actor, id: string): Promise<WorksheetWire> {
    const { cycle, unit } = await this.cycleFor(actor, id);
    const rows = await this.db.selectFrom("zi_answers").selectAll().where("cycle_id", "=", id).execute();
    const columns: WorksheetWire["columns"] = { unit: {}, tpi: {}, tpn: {} };
    for (const r of rows) {
      columns[codec.text(r.col) as Column][codec.text(r.question_key)] = {
        answer: r.answer === null ? null : codec.json(r.answer),
        note: codec.text(r.note),
        source: codec.textOrNull(r.source),
        value: toNumber(parseFrac(codec.text(r.value_exact))),
        points: toNumber(parseFrac(codec.text(r.points_exact))),
        updatedAt: codec.instant(r.updated_at),
        updatedBy: codec.textOrNull(r.updated_by),
      };
    }
    return {
      cycleId: id,
      rubricId: cycle.rubricId,
      stage: cycle.stage,
      columns,
      evidence: await this.evidenceOf(id),
      records: await this.recordsOf(cycle.unitId),
      editable: this.editableFor(actor, cycle, unit),
      canLinkEvidence: columnOpen("unit", cycle.stage) && can(actor, ZI_PERMISSIONS.write, unit.path),
    };
  }

  private async evidenceOf(cycleId: string) {
    const rows = await this.db
      .selectFrom("zi_evidence as e")
      .innerJoin("files as f", "f.id", "e.file_id")
      .select(["e.question_key", "f.id", "f.original_name", "f.mime", "f.size_bytes"])
      .where("e.cycle_id", "=", cycleId)
      .orderBy("e.linked_at")
      .execute();
    const out: Record<string, Array<{ id: string; name: string; mime: string; sizeBytes: number }>> = {};
    for (const r of rows) {
      const key = codec.text(r.question_key);
      const list = out[key] ?? [];
      out[key] = list;
      list.push({
        id: codec.text(r.id),
        name: codec.text(r.original_name),
        mime: codec.text(r.mime),
        sizeBytes: codec.int(r.size_bytes),
      });
    }
    return out;
  }

  /**
   * Save answers into one column, all or nothing: every answer is checked against the rubric first
   * (the first bad one is refused naming its question), then all are written with their history,
   * and the column's score is stored again — in one transaction, under the cycle's lock.
   */
  async saveAnswers(
    actor: Actor,
    id: string,
    col: Column,
    items: SaveItem[],
    opts: { action?: "answer" | "import" } = {},
  ): Promise<{ saved: number; score: ScoreSummary }> {
    const { unit } = await this.cycleFor(actor, id);
    assertScope(actor, COLUMN_RULES[col].permission, unit);
    const seen = new Set<string>();
    for (const it of items) {
      if (seen.has(it.key)) fail("ZI_DUPLICATE_QUESTION", { question: it.key });
      seen.add(it.key);
    }
    let score!: ScoreSummary;
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const cycle = await this.cycleRow(trx, id);
      if (!columnOpen(col, cycle.stage))
        fail("ZI_COLUMN_LOCKED", { column: col.toUpperCase(), stage: cycle.stage });
      const rubric = loadRubric(cycle.rubricId);
      const idx = indexRubric(rubric);
      const checked = items.map((it) => {
        const value = answerValue(rubric, it.key, it.answer);
        return { ...it, value, points: mul(value, idx.questions.get(it.key)!.share) };
      });
      const at = this.nowIso();
      for (const it of checked) {
        const where = (q: any) =>
          q.where("cycle_id", "=", id).where("col", "=", col).where("question_key", "=", it.key);
        if (it.answer === null) {
          await where(trx.deleteFrom("zi_answers")).execute();
        } else {
          const row = {
            unit_id: cycle.unitId,
            answer: enc.json(it.answer),
            value_exact: fracText(it.value),
            points_exact: fracText(it.points),
            points_num: toNumber(it.points),
            note: it.note ?? "",
            source: it.source ?? null,
            updated_by: actor.name,
            updated_at: at,
          };
          await trx
            .insertInto("zi_answers")
            .values({ cycle_id: id, col, question_key: it.key, ...row })
            .onConflict((oc) => oc.columns(["cycle_id", "col", "question_key"]).doUpdateSet(row))
            .execute();
        }
        await this.history(trx, actor, cycle, {
          col,
          key: it.key,
          action: opts.action ?? "answer",
          answer: it.answer,
          note: it.note ?? null,
        });
      }
      score = await this.restoreScore(trx, cycle, col);
      await this.ctx.audit.record(trx, actor, {
        action: opts.action === "import" ? "zi.worksheet.imported" : "zi.answers.saved",
        unitId: cycle.unitId,
        entityType: "zi_cycle",
        entityId: id,
        data: { column: col, count: items.length, keys: items.slice(0, 20).map((i) => i.key) },
      });
    });
    return { saved: items.length, score };
  }

  private async history(
    trx: Executor,
    actor: Actor,
    cycle: CycleRow,
    h: {
      col: Column | null;
      key: string;
      action: string;
      answer?: Answer;
      note?: string | null;
      fileId?: string;
    },
  ) {
    await trx
      .insertInto("zi_history")
      .values({
        id: newId(),
        cycle_id: cycle.id,
        unit_id: cycle.unitId,
        col: h.col,
        question_key: h.key,
        action: h.action,
        answer: h.answer === undefined ? null : enc.json(h.answer),
        note: h.note ?? null,
        file_id: h.fileId ?? null,
        actor_id: actor.userId,
        actor_name: actor.name,
        at: this.nowIso(),
      })
      .execute();
  }

  async questionHistory(actor: Actor, id: string, key: string) {
    const { cycle } = await this.cycleFor(actor, id);
    if (!indexRubric(loadRubric(cycle.rubricId)).questions.has(key))
      fail("ZI_QUESTION_UNKNOWN", { question: key, rubric: cycle.rubricId });
    const rows = await this.db
      .selectFrom("zi_history as h")
      .leftJoin("files as f", "f.id", "h.file_id")
      .select(["h.id", "h.col", "h.action", "h.answer", "h.note", "h.actor_name", "h.at", "f.original_name"])
      .where("h.cycle_id", "=", id)
      .where("h.question_key", "=", key)
      .orderBy("h.at", "desc")
      .orderBy("h.id", "desc")
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: codec.text(r.id),
      column: codec.textOrNull(r.col) as Column | null,
      action: codec.text(r.action) as "answer" | "evidence.link" | "evidence.unlink" | "import",
      ...(r.answer !== null
        ? { answer: codec.json<Answer>(r.answer) }
        : r.action === "answer" || r.action === "import"
          ? { answer: null }
          : {}),
      note: codec.textOrNull(r.note),
      fileName: codec.textOrNull(r.original_name),
      actorName: codec.text(r.actor_name),
      at: codec.instant(r.at),
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Evidence

  async linkEvidence(actor: Actor, id: string, fileId: string, keys: string[]): Promise<{ linked: number }> {
    const { unit } = await this.cycleFor(actor, id);
    assertScope(actor, ZI_PERMISSIONS.write, unit);
    const file = (await this.ctx.files.get(fileId)) ?? fail("ZI_FILE_NOT_FOUND", { id: fileId });
    let linked = 0;
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const cycle = await this.cycleRow(trx, id);
      if (!columnOpen("unit", cycle.stage)) fail("ZI_COLUMN_LOCKED", { column: "UNIT", stage: cycle.stage });
      if (file.unitId !== cycle.unitId) fail("ZI_EVIDENCE_OTHER_UNIT", { file: file.originalName });
      const idx = indexRubric(loadRubric(cycle.rubricId));
      for (const k of keys)
        if (!idx.questions.has(k)) fail("ZI_QUESTION_UNKNOWN", { question: k, rubric: cycle.rubricId });
      for (const k of new Set(keys)) {
        const exists = await trx
          .selectFrom("zi_evidence")
          .select("file_id")
          .where("cycle_id", "=", id)
          .where("question_key", "=", k)
          .where("file_id", "=", fileId)
          .executeTakeFirst();
        if (exists) continue;
        await trx
          .insertInto("zi_evidence")
          .values({
            cycle_id: id,
            question_key: k,
            file_id: fileId,
            unit_id: cycle.unitId,
            linked_by: actor.userId,
            linked_at: this.nowIso(),
          })
          .execute();
        await this.history(trx, actor, cycle, { col: null, key: k, action: "evidence.link", fileId });
        linked++;
      }
      for (const col of COLUMNS) await this.restoreEvidenceCount(trx, id, col);
      await this.ctx.audit.record(trx, actor, {
        action: "zi.evidence.linked",
        unitId: cycle.unitId,
        entityType: "zi_cycle",
        entityId: id,
        data: { fileId, keys: keys.slice(0, 20) },
      });
    });
    return { linked };
  }

  async unlinkEvidence(actor: Actor, id: string, key: string, fileId: string): Promise<void> {
    const { unit } = await this.cycleFor(actor, id);
    assertScope(actor, ZI_PERMISSIONS.write, unit);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const cycle = await this.cycleRow(trx, id);
      if (!columnOpen("unit", cycle.stage)) fail("ZI_COLUMN_LOCKED", { column: "UNIT", stage: cycle.stage });
      const del = await trx
        .deleteFrom("zi_evidence")
        .where("cycle_id", "=", id)
        .where("question_key", "=", key)
        .where("file_id", "=", fileId)
        .executeTakeFirst();
      if (Number(del.numDeletedRows) === 0) fail("ZI_FILE_NOT_FOUND", { id: fileId });
      await this.history(trx, actor, cycle, { col: null, key, action: "evidence.unlink", fileId });
      for (const col of COLUMNS) await this.restoreEvidenceCount(trx, id, col);
      await this.ctx.audit.record(trx, actor, {
        action: "zi.evidence.unlinked",
        unitId: cycle.unitId,
        entityType: "zi_cycle",
        entityId: id,
        data: { fileId, key },
      });
    });
  }

  private async restoreEvidenceCount(trx: Executor, cycleId: string, col: Column) {
    const cycle = await this.cycleRow(trx, cycleId);
    await trx
      .updateTable("zi_scores")
      .set({ with_evidence: await this.evidenceCount(trx, cycleId, cycle.unitId) })
      .where("cycle_id", "=", cycleId)
      .where("col", "=", col)
      .execute();
  }

  /** Questions with any evidence: files linked in this cycle, or records of other modules for the unit. */
  private async evidenceCount(trx: Executor, cycleId: string, unitId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(*) as n from (
        select question_key from zi_evidence where cycle_id = ${cycleId}
        union
        select question_key from zi_record_links where unit_id = ${unitId}
      ) q`.execute(trx);
    return codec.int(r.rows[0]?.n ?? 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Records of other modules as evidence

  /** Link another module's record (activity, meeting, post…) to worksheet questions of its unit. */
  async linkRecord(
    actor: Actor,
    input: { unitId: string; questionKeys: string[]; ref: RecordRef },
  ): Promise<{ linked: number }> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, ZI_PERMISSIONS.write);
    const known = indexRubric(loadRubric(DEFAULT_RUBRIC)).questions;
    for (const k of input.questionKeys)
      if (!known.has(k)) fail("ZI_QUESTION_UNKNOWN", { question: k, rubric: DEFAULT_RUBRIC });
    const cycles = await this.unitCycles(unit.id);
    let linked = 0;
    await this.db.transaction().execute(async (trx) => {
      for (const c of cycles) await this.lock(trx, c.id);
      for (const key of new Set(input.questionKeys)) {
        const where = (q: any) =>
          q
            .where("unit_id", "=", unit.id)
            .where("question_key", "=", key)
            .where("module", "=", input.ref.module)
            .where("record_type", "=", input.ref.type)
            .where("record_id", "=", input.ref.id);
        const exists = await where(trx.selectFrom("zi_record_links").select("record_id")).executeTakeFirst();
        if (exists) {
          // The record's title may have changed since: keep the link's label current.
          await where(
            trx.updateTable("zi_record_links").set({ title: input.ref.title, path: input.ref.path }),
          ).execute();
          continue;
        }
        await trx
          .insertInto("zi_record_links")
          .values({
            unit_id: unit.id,
            question_key: key,
            module: input.ref.module,
            record_type: input.ref.type,
            record_id: input.ref.id,
            title: input.ref.title,
            path: input.ref.path,
            linked_by: actor.userId,
            linked_at: this.nowIso(),
          })
          .execute();
        linked++;
      }
      for (const c of cycles) for (const col of COLUMNS) await this.restoreEvidenceCount(trx, c.id, col);
      await this.ctx.audit.record(trx, actor, {
        action: "zi.record.linked",
        unitId: unit.id,
        entityType: `${input.ref.module}.${input.ref.type}`,
        entityId: input.ref.id,
        data: { keys: input.questionKeys.slice(0, 20) },
      });
    });
    return { linked };
  }

  async unlinkRecord(
    actor: Actor,
    input: { unitId: string; module: string; type: string; id: string; questionKey?: string | undefined },
  ): Promise<void> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, ZI_PERMISSIONS.write);
    const cycles = await this.unitCycles(unit.id);
    await this.db.transaction().execute(async (trx) => {
      for (const c of cycles) await this.lock(trx, c.id);
      let q = trx
        .deleteFrom("zi_record_links")
        .where("unit_id", "=", unit.id)
        .where("module", "=", input.module)
        .where("record_type", "=", input.type)
        .where("record_id", "=", input.id);
      if (input.questionKey) q = q.where("question_key", "=", input.questionKey);
      await q.execute();
      for (const c of cycles) for (const col of COLUMNS) await this.restoreEvidenceCount(trx, c.id, col);
      await this.ctx.audit.record(trx, actor, {
        action: "zi.record.unlinked",
        unitId: unit.id,
        entityType: `${input.module}.${input.type}`,
        entityId: input.id,
        data: { key: input.questionKey ?? null },
      });
    });
  }

  /** The question keys a record is linked to. */
  async recordLinks(ref: { module: string; type: string; id: string }): Promise<string[]> {
    const rows = await this.db
      .selectFrom("zi_record_links")
      .select("question_key")
      .where("module", "=", ref.module)
      .where("record_type", "=", ref.type)
      .where("record_id", "=", ref.id)
      .orderBy("question_key")
      .execute();
    return [...new Set(rows.map((r) => codec.text(r.question_key)))];
  }

  private async unitCycles(unitId: string): Promise<CycleRow[]> {
    return (await this.db.selectFrom("zi_cycles").selectAll().where("unit_id", "=", unitId).execute()).map(
      decodeCycle,
    );
  }

  private async recordsOf(unitId: string) {
    const rows = await this.db
      .selectFrom("zi_record_links")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("linked_at")
      .execute();
    const out: Record<string, RecordRef[]> = {};
    for (const r of rows) {
      const key = codec.text(r.question_key);
      const list = out[key] ?? [];
      out[key] = list;
      list.push({
        module: codec.text(r.module),
        type: codec.text(r.record_type),
        id: codec.text(r.record_id),
        title: codec.text(r.title),
        path: codec.text(r.path),
      });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Hasil inputs from the surveys module

  /**
   * Fill the IPAK and IPKP questions of a column from the surveys module: the perception surveys
   * of the cycle's year (else the year before), with their source. A survey not yet held leaves its
   * question as it is. Same rules as any save: column open, writer in scope.
   */
  async pullSurveyIndices(
    actor: Actor,
    id: string,
    col: Column,
  ): Promise<{ applied: Array<{ key: string; index: number; source: string }>; score: ScoreSummary | null }> {
    const { cycle, unit } = await this.cycleFor(actor, id);
    const rubric = loadRubric(cycle.rubricId);
    const surveyKeys = questionsOf(rubric)
      .filter((e) => e.question.answerType === "survey_index")
      .map((e) => e.question.key);
    // The rubric lists IPAK first, then IPKP (checked by the rubric tests).
    const [ipakKey, ipkpKey] = surveyKeys;
    let found = await perceptionIndices(this.ctx, unit.id, cycle.year);
    if (!found.ipak && !found.ipkp) found = await perceptionIndices(this.ctx, unit.id, cycle.year - 1);
    const items: SaveItem[] = [];
    const applied: Array<{ key: string; index: number; source: string }> = [];
    for (const [key, p, name] of [
      [ipakKey, found.ipak, "IPAK"],
      [ipkpKey, found.ipkp, "IPKP"],
    ] as const) {
      if (!key || !p) continue;
      // The worksheet takes the index as published: two decimals.
      const index = Math.round(p.index * 100) / 100;
      const source = `Survei ${name} "${p.title}" di Zona (${p.respondents} responden)`;
      items.push({ key, answer: index, note: "", source });
      applied.push({ key, index, source });
    }
    if (items.length === 0) return { applied, score: null };
    const { score } = await this.saveAnswers(actor, id, col, items);
    return { applied, score };
  }

  // ---------------------------------------------------------------------------------------------
  // Gaps

  async gaps(actor: Actor, id: string, col: Column, predicate: Predicate): Promise<GapsWire> {
    const { cycle } = await this.cycleFor(actor, id);
    const { rubric, score } = await this.scoreColumn(this.db, cycle, col);
    const readiness: Readiness = judge(rubric, score, {
      priorWbk: cycle.priorWbk,
      overrides: await this.overrides(rubric.id),
    });
    const g = rankGaps(rubric, score);
    const n = toNumber;
    return {
      column: col,
      predicate,
      items: g.items.map((i) => ({
        key: i.key,
        text: i.text,
        answerType: i.answerType,
        areaKey: i.areaKey,
        value: n(i.value),
        share: n(i.share),
        toGain: n(i.toGain),
        bestAnswer: i.bestAnswer,
        evidence: i.evidence,
      })),
      byArea: g.byArea.map((a) => ({
        key: a.key,
        name: a.name,
        weight: n(a.weight),
        score: n(a.score),
        toGain: n(a.toGain),
        count: a.items.length,
      })),
      paths: pathsToGates(rubric, score, readiness[predicate]).map((p) => ({
        gateKey: p.gateKey,
        label: p.label,
        deficit: n(p.deficit),
        reachable: p.reachable,
        ...(p.reason ? { reason: p.reason } : {}),
        steps: p.steps.map((s) => ({
          key: s.key,
          text: s.text,
          requiredAnswer: s.requiredAnswer,
          requiredValue: n(s.requiredValue),
          ...(s.requiredIndex ? { requiredIndex: n(s.requiredIndex) } : {}),
          gain: n(s.gain),
          evidence: s.evidence,
        })),
      })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The multi-unit table

  async overview(actor: Actor, q: { rootUnitId?: string | undefined; year?: number | undefined }) {
    let roots = scopeRoots(actor, ZI_PERMISSIONS.read);
    if (q.rootUnitId) {
      const root = await this.ctx.org.getInScope(actor, q.rootUnitId, ZI_PERMISSIONS.read);
      roots = [root.path];
    }
    if (roots.length === 0) throw new DomainError("FORBIDDEN", { permission: ZI_PERMISSIONS.read });
    const inRoots = (col: string) => (eb: any) => eb.or(roots.map((r) => eb(col, "like", `${r}%`)));
    let year = q.year;
    if (year === undefined) {
      const latest = await this.db
        .selectFrom("zi_cycles as c")
        .innerJoin("units as u", "u.id", "c.unit_id")
        .select(sql<number>`max(c.year)`.as("y"))
        .where(inRoots("u.path"))
        .executeTakeFirst();
      year = latest?.y != null ? codec.int(latest.y) : Number(jakartaDate(this.ctx.clock.now()).slice(0, 4));
    }
    const units = await this.db
      .selectFrom("units as u")
      .select(["u.id", "u.code", "u.name", "u.path", "u.depth"])
      .where(inRoots("u.path"))
      .orderBy("u.path")
      .execute();
    const cycles = await this.db
      .selectFrom("zi_cycles as c")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .select(["c.id", "c.unit_id", "c.year", "c.target", "c.stage", "c.result", "c.rubric_id"])
      .where(inRoots("u.path"))
      .where("c.year", "=", year)
      .execute();
    const scores = await this.db
      .selectFrom("zi_scores as s")
      .innerJoin("zi_cycles as c", "c.id", "s.cycle_id")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .select([
        "s.cycle_id",
        "s.col",
        "s.total",
        "s.answered",
        "s.ready_wbk",
        "s.ready_wbbm",
        "s.failing_wbk",
        "s.failing_wbbm",
      ])
      .where(inRoots("u.path"))
      .where("c.year", "=", year)
      .execute();
    const byCycle = new Map<string, Map<Column, (typeof scores)[number]>>();
    for (const s of scores) {
      const id = codec.text(s.cycle_id);
      const m = byCycle.get(id) ?? new Map<Column, (typeof scores)[number]>();
      byCycle.set(id, m);
      m.set(codec.text(s.col) as Column, s);
    }
    const cycleByUnit = new Map(cycles.map((c) => [codec.text(c.unit_id), c]));
    const questionCount = new Map<string, number>();
    const rows: OverviewRow[] = units.map((u) => {
      const c = cycleByUnit.get(codec.text(u.id));
      const unit = {
        id: codec.text(u.id),
        code: codec.text(u.code),
        name: codec.text(u.name),
        path: codec.text(u.path),
        depth: codec.int(u.depth),
      };
      if (!c) {
        return {
          unit,
          cycle: null,
          scores: { unit: null, tpi: null, tpn: null },
          ready: null,
          failingGates: [],
          answered: 0,
          questions: 0,
        };
      }
      const cycleId = codec.text(c.id);
      const stage = codec.text(c.stage) as Stage;
      const target = codec.text(c.target) as Predicate;
      const m = byCycle.get(cycleId) ?? new Map();
      const lead = m.get(leadingColumn(stage));
      const rubricId = codec.text(c.rubric_id);
      const qn = questionCount.get(rubricId) ?? indexRubric(loadRubric(rubricId)).questions.size;
      questionCount.set(rubricId, qn);
      const total = (col: Column) => {
        const s = m.get(col);
        return s && codec.int(s.answered) > 0 ? Number(s.total) : null;
      };
      return {
        unit,
        cycle: {
          id: cycleId,
          year: codec.int(c.year),
          target,
          stage,
          result: codec.textOrNull(c.result) as "WBK" | "WBBM" | "none" | null,
        },
        scores: { unit: total("unit"), tpi: total("tpi"), tpn: total("tpn") },
        ready: lead ? codec.bool(target === "WBK" ? lead.ready_wbk : lead.ready_wbbm) : null,
        failingGates: lead
          ? codec.json<string[]>(target === "WBK" ? lead.failing_wbk : lead.failing_wbbm)
          : [],
        answered: m.get("unit") ? codec.int(m.get("unit")!.answered) : 0,
        questions: qn,
      };
    });
    return { year, items: rows };
  }

  /** Cycle with everything the XLSX export and PDF report need. */
  async exportData(actor: Actor, id: string) {
    const { cycle, unit } = await this.cycleFor(actor, id);
    const rubric = loadRubric(cycle.rubricId);
    const sheet = await this.worksheet(actor, id);
    const scores = {} as Record<Column, LkeScore>;
    for (const col of COLUMNS) scores[col] = (await this.scoreColumn(this.db, cycle, col)).score;
    return { cycle, unit, rubric, sheet, scores, overrides: await this.overrides(rubric.id) };
  }
}
