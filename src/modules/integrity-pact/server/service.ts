/**
 * The integrity pact service: rounds per unit, signatures with the hash of the text seen, the signer
 * table, reminders through the outbox and the completion the ZI cycle reads. Every write is one
 * transaction with its audit row; cross-service reads (units, staff) happen before it opens.
 */

import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots } from "../../../kernel/identity/actor";
import { membersAt } from "../../../kernel/identity/people";
import { notifyEmail } from "../../../kernel/notify";
import type { Unit } from "../../../kernel/org/units";
import { linkRecordEvidence, recordEvidenceLinks, unlinkRecordEvidence } from "../../zona-integritas/server";
import type {
  CreateRoundInput,
  MineItem,
  MineRound,
  ReminderResult,
  RoundDetail,
  RoundQuestions,
  RoundSummary,
  RoundWire,
  SignatureWire,
  Signer,
} from "../contract";
import {
  type Completion,
  checkSign,
  completion,
  PACT_PERMISSIONS,
  pactTextHash,
  reminderKey,
  roundStatus,
  STATEMENT,
  validateNewRound,
  verificationCode,
} from "../domain/pact";

const P = PACT_PERMISSIONS;
/** A pact round as evidence for LKE questions (see linkRecordEvidence in Zona Integritas). */
export const PACT_RECORD = { module: "integrity-pact", type: "round" } as const;
/** The round's page: the rounds page with the round selected. */
export const roundPath = (id: string) => `/pakta?putaran=${encodeURIComponent(id)}`;

export interface RoundRow {
  id: string;
  unitId: string;
  title: string;
  body: string;
  textHash: string;
  opensOn: string;
  closesOn: string | null;
  status: "open" | "closed";
  closedAt: string | null;
  createdByName: string;
  createdAt: string;
}

function decodeRound(r: Record<string, unknown>): RoundRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    title: codec.text(r.title),
    body: codec.text(r.body),
    textHash: codec.text(r.text_hash),
    opensOn: codec.text(r.opens_on),
    closesOn: codec.textOrNull(r.closes_on),
    status: codec.text(r.status) as RoundRow["status"],
    closedAt: codec.instantOrNull(r.closed_at),
    createdByName: codec.text(r.created_by_name),
    createdAt: codec.instant(r.created_at),
  };
}

export interface SignatureRow {
  roundId: string;
  userId: string;
  textHash: string;
  statement: string;
  signerName: string;
  signerNip: string | null;
  signedAt: string;
}

function decodeSignature(r: Record<string, unknown>): SignatureRow {
  return {
    roundId: codec.text(r.round_id),
    userId: codec.text(r.user_id),
    textHash: codec.text(r.text_hash),
    statement: codec.text(r.statement),
    signerName: codec.text(r.signer_name),
    signerNip: codec.textOrNull(r.signer_nip),
    signedAt: codec.instant(r.signed_at),
  };
}

export function signatureWire(s: SignatureRow): SignatureWire {
  return {
    roundId: s.roundId,
    userId: s.userId,
    signedAt: s.signedAt,
    textHash: s.textHash,
    statement: s.statement,
    verification: verificationCode(s),
  };
}

/** A person holding a role at exactly the unit. */
export interface UnitPerson {
  userId: string;
  name: string;
  email: string;
  nip: string | null;
  active: boolean;
  roles: string[];
  /** Active, and one of their roles at the unit grants pact.sign: they must sign. */
  staff: boolean;
}

export class PactService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }
  private nowIso() {
    return this.ctx.clock.now().toISOString();
  }
  today(): string {
    return jakartaDate(this.ctx.clock.now());
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  /**
   * Everyone assigned at exactly these units (kernel tables, read only), with whether they are staff
   * who must sign. Evaluators and administrators assigned at a unit are listed but are not staff.
   */
  async peopleAt(ex: Executor, unitIds: string[]): Promise<Map<string, UnitPerson[]>> {
    const out = new Map<string, UnitPerson[]>();
    for (const m of await membersAt(ex, unitIds)) {
      const list = out.get(m.unitId) ?? [];
      list.push({
        userId: m.userId,
        name: m.name,
        email: m.email,
        nip: m.nip,
        active: m.active,
        roles: m.roles.map((r) => r.nameId),
        staff: m.active && m.roles.some((r) => r.permissions.includes(P.sign)),
      });
      out.set(m.unitId, list);
    }
    return out;
  }

  private async roundRow(ex: Executor, id: string): Promise<RoundRow> {
    const r = await ex.selectFrom("pact_rounds").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeRound(r) : fail("PACT_ROUND_NOT_FOUND", { id });
  }

  private async unitOf(round: RoundRow): Promise<Unit> {
    return (await this.ctx.org.get(round.unitId)) ?? fail("PACT_ROUND_NOT_FOUND", { id: round.id });
  }

  /** The round and its unit when the actor holds `permission` over the unit. */
  async roundFor(actor: Actor, id: string, permission: string): Promise<{ round: RoundRow; unit: Unit }> {
    const round = await this.roundRow(this.db, id);
    const unit = await this.unitOf(round);
    assertScope(actor, permission, unit);
    return { round, unit };
  }

  private async signatures(ex: Executor, roundIds: string[]): Promise<SignatureRow[]> {
    if (roundIds.length === 0) return [];
    const rows = await ex
      .selectFrom("pact_signatures")
      .selectAll()
      .where("round_id", "in", roundIds)
      .orderBy("signed_at")
      .execute();
    return rows.map(decodeSignature);
  }

  private summary(round: RoundRow, unit: Unit, c: Completion): RoundSummary {
    return {
      id: round.id,
      unitId: round.unitId,
      unitCode: unit.code,
      unitName: unit.name,
      title: round.title,
      textHash: round.textHash,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      status: roundStatus(round, this.today()),
      closedAt: round.closedAt,
      createdAt: round.createdAt,
      createdByName: round.createdByName,
      completion: c,
    };
  }

  /** Completion of many rounds at once: staff of each round's unit against its signatures. */
  private async completions(rounds: RoundRow[]): Promise<Map<string, Completion>> {
    const people = await this.peopleAt(this.db, [...new Set(rounds.map((r) => r.unitId))]);
    const sigs = await this.signatures(
      this.db,
      rounds.map((r) => r.id),
    );
    const out = new Map<string, Completion>();
    for (const r of rounds) {
      const staff = (people.get(r.unitId) ?? []).filter((p) => p.staff).map((p) => p.userId);
      const signed = sigs.filter((s) => s.roundId === r.id).map((s) => s.userId);
      out.set(r.id, completion(staff, signed));
    }
    return out;
  }

  async listRounds(actor: Actor, q: { unitId?: string | undefined }): Promise<RoundSummary[]> {
    let roots = scopeRoots(actor, P.read);
    if (q.unitId) roots = [(await this.ctx.org.getInScope(actor, q.unitId, P.read)).path];
    if (roots.length === 0) return [];
    const rows = await this.db
      .selectFrom("pact_rounds as p")
      .innerJoin("units as u", "u.id", "p.unit_id")
      .selectAll("p")
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))))
      .orderBy("p.created_at", "desc")
      .limit(500)
      .execute();
    const rounds = rows.map(decodeRound);
    const units = new Map<string, Unit>();
    for (const id of new Set(rounds.map((r) => r.unitId))) {
      const u = await this.ctx.org.get(id);
      if (u) units.set(id, u);
    }
    const done = await this.completions(rounds);
    return rounds
      .filter((r) => units.has(r.unitId))
      .map((r) => this.summary(r, units.get(r.unitId)!, done.get(r.id)!));
  }

  async detail(actor: Actor, id: string): Promise<RoundDetail> {
    const { round, unit } = await this.roundFor(actor, id, P.read);
    const people = (await this.peopleAt(this.db, [unit.id])).get(unit.id) ?? [];
    const sigs = await this.signatures(this.db, [round.id]);
    const sigBy = new Map(sigs.map((s) => [s.userId, s]));
    const reminders = await this.db
      .selectFrom("pact_reminders")
      .select(["user_id"])
      .select((eb) => eb.fn.max("at").as("last"))
      .where("round_id", "=", round.id)
      .groupBy("user_id")
      .execute();
    const remindedAt = new Map(reminders.map((r) => [codec.text(r.user_id), codec.instant(r.last)]));
    const signers: Signer[] = [];
    const listed = new Set<string>();
    for (const p of people) {
      if (!p.staff) continue;
      listed.add(p.userId);
      const s = sigBy.get(p.userId);
      signers.push({
        userId: p.userId,
        name: p.name,
        email: p.email,
        nip: p.nip,
        roles: p.roles,
        signedAt: s?.signedAt ?? null,
        remindedAt: remindedAt.get(p.userId) ?? null,
        staff: true,
        verification: s ? verificationCode(s) : null,
      });
    }
    // Signed while at the unit, since moved or disabled: kept on the record, not counted.
    for (const s of sigs) {
      if (listed.has(s.userId)) continue;
      const p = people.find((x) => x.userId === s.userId);
      signers.push({
        userId: s.userId,
        name: s.signerName,
        email: p?.email ?? "",
        nip: s.signerNip,
        roles: p?.roles ?? [],
        signedAt: s.signedAt,
        remindedAt: null,
        staff: false,
        verification: verificationCode(s),
      });
    }
    const c = completion(
      people.filter((p) => p.staff).map((p) => p.userId),
      sigs.map((s) => s.userId),
    );
    return {
      round: { ...this.summary(round, unit, c), body: round.body },
      signers,
      canManage: can(actor, P.manage, unit.path),
    };
  }

  async roundWire(actor: Actor, id: string): Promise<RoundWire> {
    return (await this.detail(actor, id)).round;
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /** GET /api/pact/rounds/:id/questions: the LKE questions the round is linked to (managers). */
  async roundQuestions(actor: Actor, id: string): Promise<RoundQuestions> {
    await this.roundFor(actor, id, P.manage);
    return { questionKeys: await recordEvidenceLinks(this.ctx, { ...PACT_RECORD, id }) };
  }

  /**
   * The LKE questions the round (its signed pacts) proves: the set given replaces the previous one.
   * Linking goes through the Zona Integritas module, which checks zi.worksheet.write over the unit
   * and the question keys (an unknown key refuses the whole set before anything is unlinked).
   */
  async setRoundQuestions(actor: Actor, id: string, questionKeys: string[]): Promise<RoundQuestions> {
    const { round, unit } = await this.roundFor(actor, id, P.manage);
    const wanted = [...new Set(questionKeys)];
    const current = await recordEvidenceLinks(this.ctx, { ...PACT_RECORD, id });
    if (wanted.length)
      await linkRecordEvidence(this.ctx, actor, {
        unitId: unit.id,
        questionKeys: wanted,
        ref: { ...PACT_RECORD, id, title: round.title, path: roundPath(id) },
      });
    for (const key of current.filter((k) => !wanted.includes(k)))
      await unlinkRecordEvidence(this.ctx, actor, { unitId: unit.id, ...PACT_RECORD, id, questionKey: key });
    return this.roundQuestions(actor, id);
  }

  async createRound(actor: Actor, input: CreateRoundInput): Promise<RoundWire> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.manage);
    const today = this.today();
    const v = validateNewRound(
      { title: input.title, body: input.body, opensOn: input.opensOn, closesOn: input.closesOn ?? null },
      today,
    );
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `pact.unit.${unit.id}`);
      const open = await trx
        .selectFrom("pact_rounds")
        .selectAll()
        .where("unit_id", "=", unit.id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (open) {
        const prev = decodeRound(open);
        if (roundStatus(prev, today) !== "closed")
          fail("PACT_ROUND_OPEN_EXISTS", { unit: unit.name, title: prev.title });
        // Past its closing date: record it as closed so the unit can open the next one.
        await trx
          .updateTable("pact_rounds")
          .set({ status: "closed", closed_at: at, updated_at: at })
          .where("id", "=", prev.id)
          .execute();
      }
      await trx
        .insertInto("pact_rounds")
        .values({
          id,
          unit_id: unit.id,
          title: v.title,
          body: v.body,
          text_hash: pactTextHash(v.body),
          opens_on: v.opensOn,
          closes_on: v.closesOn,
          status: "open",
          closed_at: null,
          closed_by: null,
          created_by: actor.userId,
          created_by_name: actor.name,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "pact.round.opened",
        unitId: unit.id,
        entityType: "pact_round",
        entityId: id,
        data: { title: v.title, opensOn: v.opensOn, closesOn: v.closesOn, textHash: pactTextHash(v.body) },
      });
    });
    return this.roundWire(actor, id);
  }

  async closeRound(actor: Actor, id: string): Promise<RoundWire> {
    const { unit } = await this.roundFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `pact.unit.${unit.id}`);
      const round = await this.roundRow(trx, id);
      if (round.status === "closed") fail("PACT_ROUND_ALREADY_CLOSED");
      const at = this.nowIso();
      await trx
        .updateTable("pact_rounds")
        .set({ status: "closed", closed_at: at, closed_by: actor.userId, updated_at: at })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "pact.round.closed",
        unitId: unit.id,
        entityType: "pact_round",
        entityId: id,
      });
    });
    return this.roundWire(actor, id);
  }

  /**
   * Sign as the actor. Idempotent: a second call returns the first signature unchanged (created:
   * false). Refused when the actor is not staff of the unit, the statement is not ticked, the round is
   * not open, or the hash of the text they saw is not the round's.
   */
  async sign(
    actor: Actor,
    roundId: string,
    input: { textHash: string; agree: boolean },
    userAgent?: string | undefined,
  ): Promise<{ signature: SignatureWire; created: boolean }> {
    const userId = actor.userId ?? fail("FORBIDDEN");
    const round = await this.roundRow(this.db, roundId);
    const people = (await this.peopleAt(this.db, [round.unitId])).get(round.unitId) ?? [];
    const me = people.find((p) => p.userId === userId);
    const today = this.today();
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("pact_signatures")
        .selectAll()
        .where("round_id", "=", roundId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (existing) return { signature: signatureWire(decodeSignature(existing)), created: false };
      const fresh = await this.roundRow(trx, roundId);
      checkSign({
        round: fresh,
        today,
        isStaff: me?.staff === true,
        textHash: input.textHash,
        agree: input.agree,
      });
      const row: SignatureRow = {
        roundId,
        userId,
        textHash: fresh.textHash,
        statement: STATEMENT,
        signerName: me!.name,
        signerNip: me!.nip,
        signedAt: this.nowIso(),
      };
      await this.insertSignature(trx, row, fresh.unitId, userAgent);
      await this.ctx.audit.record(trx, actor, {
        action: "pact.signed",
        unitId: fresh.unitId,
        entityType: "pact_round",
        entityId: roundId,
        data: { textHash: row.textHash, verification: verificationCode(row) },
      });
      return { signature: signatureWire(row), created: true };
    });
  }

  async insertSignature(trx: Executor, row: SignatureRow, unitId: string, userAgent?: string) {
    await trx
      .insertInto("pact_signatures")
      .values({
        round_id: row.roundId,
        user_id: row.userId,
        unit_id: unitId,
        text_hash: row.textHash,
        statement: row.statement,
        signer_name: row.signerName,
        signer_nip: row.signerNip,
        user_agent: userAgent ? userAgent.slice(0, 300) : null,
        signed_at: row.signedAt,
      })
      .execute();
  }

  /**
   * E-mail every staff member who has not signed, at most once per round, person and Jakarta day
   * (the outbox dedupe key; a second press the same day queues nothing new).
   */
  async remind(actor: Actor, roundId: string): Promise<ReminderResult> {
    const { round, unit } = await this.roundFor(actor, roundId, P.manage);
    const today = this.today();
    const status = roundStatus(round, today);
    if (status === "closed") fail("PACT_ROUND_CLOSED");
    if (status === "scheduled") fail("PACT_ROUND_NOT_STARTED", { opensOn: round.opensOn });
    const people = ((await this.peopleAt(this.db, [unit.id])).get(unit.id) ?? []).filter((p) => p.staff);
    const link = `${this.ctx.config.publicUrl}/pakta/tandatangan`;
    return this.db.transaction().execute(async (trx) => {
      const signed = new Set((await this.signatures(trx, [roundId])).map((s) => s.userId));
      let queued = 0;
      let alreadyToday = 0;
      const at = this.nowIso();
      for (const p of people) {
        if (signed.has(p.userId)) continue;
        const res = await notifyEmail(this.ctx.outbox, trx, {
          to: p.email,
          subject: `Pengingat: tanda tangani ${round.title}`,
          text: [
            `Yth. ${p.name},`,
            "",
            `Anda belum menandatangani "${round.title}" untuk ${unit.name}.`,
            round.closesOn ? `Penandatanganan ditutup pada ${round.closesOn}.` : "",
            `Silakan baca dan tanda tangani melalui Zona: ${link}`,
            "",
            "Pesan ini dikirim otomatis oleh Zona atas permintaan pimpinan unit kerja.",
          ]
            .filter((l, i, all) => l !== "" || all[i - 1] !== "")
            .join("\n"),
          dedupeKey: reminderKey(roundId, p.userId, today),
        });
        if (!res.created) {
          alreadyToday++;
          continue;
        }
        queued++;
        await trx
          .insertInto("pact_reminders")
          .values({
            round_id: roundId,
            user_id: p.userId,
            day: today,
            unit_id: unit.id,
            outbox_id: res.id,
            sent_by: actor.userId,
            at,
          })
          .onConflict((oc) => oc.columns(["round_id", "user_id", "day"]).doNothing())
          .execute();
      }
      await this.ctx.audit.record(trx, actor, {
        action: "pact.reminded",
        unitId: unit.id,
        entityType: "pact_round",
        entityId: roundId,
        data: { queued, alreadyToday },
      });
      return { queued, alreadyToday };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The employee's side

  /** Units where the actor is staff (an assignment at the unit whose role grants pact.sign). */
  private staffUnits(actor: Actor): string[] {
    return [...new Set(actor.assignments.filter((a) => a.permissions.includes(P.sign)).map((a) => a.unitId))];
  }

  async mine(actor: Actor): Promise<MineItem[]> {
    const userId = actor.userId;
    if (!userId) return [];
    const units = this.staffUnits(actor);
    const today = this.today();
    const signedRows = await this.db
      .selectFrom("pact_signatures")
      .select(["round_id", "signed_at"])
      .where("user_id", "=", userId)
      .execute();
    const signedAt = new Map(signedRows.map((r) => [codec.text(r.round_id), codec.instant(r.signed_at)]));
    if (units.length === 0 && signedAt.size === 0) return [];
    const rows = await this.db
      .selectFrom("pact_rounds as p")
      .innerJoin("units as u", "u.id", "p.unit_id")
      .selectAll("p")
      .select("u.name as unit_name")
      .where((eb) => {
        const ors = [];
        if (units.length) ors.push(eb("p.unit_id", "in", units));
        if (signedAt.size) ors.push(eb("p.id", "in", [...signedAt.keys()]));
        return eb.or(ors);
      })
      .orderBy("p.opens_on", "desc")
      .orderBy("p.created_at", "desc")
      .execute();
    const items: MineItem[] = [];
    for (const r of rows) {
      const round = decodeRound(r);
      const status = roundStatus(round, today);
      if (status === "scheduled") continue;
      items.push({
        roundId: round.id,
        unitId: round.unitId,
        unitName: codec.text(r.unit_name),
        title: round.title,
        openedAt: round.opensOn,
        closesAt: round.closesOn,
        status,
        signedAt: signedAt.get(round.id) ?? null,
      });
    }
    return items;
  }

  /** The signing page's data: the round's text, the statement, and the caller's signature if any. */
  async mineRound(actor: Actor, roundId: string): Promise<MineRound> {
    const userId = actor.userId ?? fail("FORBIDDEN");
    const round = await this.roundRow(this.db, roundId);
    const unit = await this.unitOf(round);
    const people = (await this.peopleAt(this.db, [unit.id])).get(unit.id) ?? [];
    const me = people.find((p) => p.userId === userId);
    const sig = await this.db
      .selectFrom("pact_signatures")
      .selectAll()
      .where("round_id", "=", roundId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const signature = sig ? decodeSignature(sig) : null;
    if (!me?.staff && !signature) throw new DomainError("PACT_NOT_UNIT_STAFF");
    const status = roundStatus(round, this.today());
    if (status === "scheduled" && !signature) fail("PACT_ROUND_NOT_STARTED", { opensOn: round.opensOn });
    return {
      round: {
        id: round.id,
        unitId: unit.id,
        unitName: unit.name,
        title: round.title,
        body: round.body,
        textHash: round.textHash,
        opensOn: round.opensOn,
        closesOn: round.closesOn,
        status,
      },
      statement: STATEMENT,
      signer: {
        userId,
        name: signature?.signerName ?? me?.name ?? actor.name,
        nip: signature ? signature.signerNip : (me?.nip ?? null),
      },
      canSign: me?.staff === true,
      signature: signature ? signatureWire(signature) : null,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Documents and the ZI cycle

  /** One signature with its round and unit; the signer themself, or a reader over the unit. */
  async signatureFor(actor: Actor, roundId: string, userId: string) {
    const round = await this.roundRow(this.db, roundId);
    const unit = await this.unitOf(round);
    if (actor.userId !== userId) assertScope(actor, P.read, unit);
    const r = await this.db
      .selectFrom("pact_signatures")
      .selectAll()
      .where("round_id", "=", roundId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!r) fail("PACT_SIGNATURE_NOT_FOUND");
    return { round, unit, signature: decodeSignature(r) };
  }

  /** The latest round of a unit (by opening date, then creation) with its completion. */
  async latestCompletion(unitId: string) {
    const r = await this.db
      .selectFrom("pact_rounds")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("opens_on", "desc")
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!r) return null;
    const round = decodeRound(r);
    const c = (await this.completions([round])).get(round.id)!;
    return {
      roundId: round.id,
      title: round.title,
      percent: c.percent,
      signed: c.signed,
      total: c.total,
      open: roundStatus(round, this.today()) === "open",
    };
  }
}
