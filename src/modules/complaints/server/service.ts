/**
 * The complaints service: public intake and tracking (code + secret, no account), the staff
 * workflow with its SLA clock on the unit's working calendar, reminders and escalations through the
 * outbox (each exactly once, by dedupe key), figures for the LKE worksheet and the recap.
 *
 * Every write runs in one transaction with its audit row. Cross-service reads (calendar, org,
 * identity, files) happen before the transaction opens (SQLite has one connection).
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Calendar } from "../../../kernel/calendar";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { matchesSaltedHash, saltedHash, unusedCode } from "../../../kernel/crypto";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots, systemActor } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import {
  type CaseDetail,
  type CaseEvent,
  type CaseListItem,
  INTAKE_CHANNELS,
  type ListQuery,
  COMPLAINT_PERMISSIONS as P,
  type PublicUnit,
  type RulesWire,
  type StageWire,
  type TrackedCase,
  type TransitionInput,
} from "../contract";
import {
  computeDeadlines,
  currentStage,
  type Deadlines,
  localDate,
  reminderDate,
  slaState,
} from "../domain/deadlines";
import { type FigureRow, figuresOf, monthlyFigures, type PeriodFigures } from "../domain/figures";
import {
  applyOverrides,
  isConfirmed,
  OVERRIDE_KEYS,
  type OverrideKey,
  overrideProblems,
  type RuleItem,
  type RuleOverrides,
  ruleSet,
  ruleSetOn,
  type SlaClass,
  type SlaRuleSet,
  type StageKey,
} from "../domain/sla-rules";
import { makeCode, makeSecret, normalizeCode, normalizeSecret } from "../domain/tracking";
import {
  type Category,
  type Command,
  commandsFrom,
  complainantMayRate,
  complainantMayReply,
  KPKNL_SERVICES,
  nextStatus,
  OPEN_STATUSES,
  type Status,
} from "../domain/workflow";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
/** How far back staff may date a complaint they record (a letter registered late). */
export const STAFF_INTAKE_MAX_DAYS_BACK = 30;
const RULE_ORDER_ERRORS = {
  atLeast: "CMP_RULE_AT_LEAST",
  atMost: "CMP_RULE_AT_MOST",
  below: "CMP_RULE_BELOW",
} as const;

export interface StaffIntakeInput {
  unitId: string;
  channel: string;
  receivedAt?: string;
  reference: string | null;
  category: Category;
  service: string;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  lang: "id" | "en";
}
export { KPKNL_SERVICES } from "../domain/workflow";

export interface CaseRow {
  id: string;
  unitId: string;
  code: string;
  secretSalt: string;
  secretHash: string;
  channel: string;
  category: Category;
  slaClass: SlaClass | null;
  service: string;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  lang: "id" | "en";
  status: Status;
  assigneeId: string | null;
  assigneeName: string | null;
  answer: string | null;
  answeredAt: string | null;
  decisionKind: string | null;
  decisionReason: string | null;
  forwardChannel: string | null;
  forwardReference: string | null;
  ruleSetId: string;
  receivedAt: string;
  receivedDate: string;
  verifiedAt: string | null;
  respondedAt: string | null;
  finishedAt: string | null;
  closedAt: string | null;
  verifyDue: string;
  respondDue: string;
  resolveDue: string | null;
  statutoryRespondDue: string;
  statutoryDecideDue: string;
  rating: number | null;
  ratingComment: string | null;
  version: number;
}

const t = codec.textOrNull;
function decodeCase(r: Record<string, unknown>): CaseRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    code: codec.text(r.code),
    secretSalt: codec.text(r.secret_salt),
    secretHash: codec.text(r.secret_hash),
    channel: codec.text(r.channel),
    category: codec.text(r.category) as Category,
    slaClass: t(r.sla_class) as SlaClass | null,
    service: codec.text(r.service),
    description: codec.text(r.description),
    contactName: t(r.contact_name),
    contactEmail: t(r.contact_email),
    contactPhone: t(r.contact_phone),
    lang: codec.text(r.lang) === "en" ? "en" : "id",
    status: codec.text(r.status) as Status,
    assigneeId: t(r.assignee_id),
    assigneeName: t(r.assignee_name),
    answer: t(r.answer),
    answeredAt: t(r.answered_at),
    decisionKind: t(r.decision_kind),
    decisionReason: t(r.decision_reason),
    forwardChannel: t(r.forward_channel),
    forwardReference: t(r.forward_reference),
    ruleSetId: codec.text(r.rule_set_id),
    receivedAt: codec.text(r.received_at),
    receivedDate: codec.text(r.received_date),
    verifiedAt: t(r.verified_at),
    respondedAt: t(r.responded_at),
    finishedAt: t(r.finished_at),
    closedAt: t(r.closed_at),
    verifyDue: codec.text(r.verify_due),
    respondDue: codec.text(r.respond_due),
    resolveDue: t(r.resolve_due),
    statutoryRespondDue: codec.text(r.statutory_respond_due),
    statutoryDecideDue: codec.text(r.statutory_decide_due),
    rating: codec.intOrNull(r.rating),
    ratingComment: t(r.rating_comment),
    version: codec.int(r.version),
  };
}

function decodeEvent(r: Record<string, unknown>): CaseEvent {
  return {
    id: codec.text(r.id),
    kind: codec.text(r.kind),
    fromStatus: t(r.from_status) as Status | null,
    toStatus: t(r.to_status) as Status | null,
    actorName: codec.text(r.actor_name),
    visibility: codec.text(r.visibility) === "public" ? "public" : "internal",
    body: t(r.body),
    data: codec.json(r.data),
    at: codec.text(r.at),
  };
}

const COMMAND_EVENT: Record<Command, string> = {
  verify: "verified",
  assign: "assigned",
  start: "started",
  answer: "answered",
  close: "closed",
  reopen: "reopened",
  reject: "rejected",
  forward: "forwarded",
};
const PUBLIC_BODY_KINDS = new Set(["answered", "rejected", "forwarded", "reply"]);
const CHANNEL_NAMES: Record<string, string> = {
  sp4n_lapor: "SP4N-LAPOR!",
  ombudsman: "Ombudsman RI",
  other_agency: "Instansi lain",
  inspectorate: "Inspektorat Jenderal",
};

export interface EventInput {
  kind: string;
  from?: Status | null;
  to?: Status | null;
  visibility: "public" | "internal";
  body?: string | null;
  data?: Record<string, unknown>;
}

export class ComplaintService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  private now(): Date {
    return this.ctx.clock.now();
  }

  private lock(trx: Executor, id: string) {
    return lockKey(trx, this.ctx.database.dialect, `cmp.case.${id}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Rules

  async overridesFor(unitId: string, setId: string, ex: Executor = this.db): Promise<RuleOverrides> {
    const row = await ex
      .selectFrom("cmp_rule_overrides")
      .select("overrides")
      .where("unit_id", "=", unitId)
      .where("rule_set_id", "=", setId)
      .executeTakeFirst();
    return row ? codec.json<RuleOverrides>(row.overrides) : {};
  }

  async rulesFor(unitId: string, setId?: string): Promise<SlaRuleSet> {
    const base = setId ? ruleSet(setId) : ruleSetOn(jakartaDate(this.now()));
    return applyOverrides(base, await this.overridesFor(unitId, base.id));
  }

  async rulesWire(actor: Actor, unitId: string): Promise<RulesWire> {
    const unit = await this.unitInScope(actor, P.read, unitId);
    const base = ruleSetOn(jakartaDate(this.now()));
    const overrides = await this.overridesFor(unitId, base.id);
    const set = applyOverrides(base, overrides);
    const pairs: Array<[RuleItem, RuleItem, OverrideKey | null]> = [
      [set.verify, base.verify, "verify"],
      [set.respond, base.respond, "respond"],
      [set.classes.information, base.classes.information, "information"],
      [set.classes.regular, base.classes.regular, "regular"],
      [set.classes.supervisory, base.classes.supervisory, "supervisory"],
      [set.statutory.respond, base.statutory.respond, null],
      [set.statutory.decide, base.statutory.decide, null],
    ];
    return {
      ruleSetId: set.id,
      version: set.version,
      title: set.title,
      items: pairs.map(([i, d, key]) => ({
        ...i,
        confirmed: isConfirmed(i),
        defaultDays: d.days,
        overrideKey: key,
      })),
      reminderWorkingDaysBefore: set.reminderWorkingDaysBefore,
      defaultReminderWorkingDaysBefore: base.reminderWorkingDaysBefore,
      overrides: overrides as Record<string, number>,
      canConfigure: can(actor, P.configure, unit.path),
    };
  }

  async setRules(actor: Actor, unitId: string, overrides: RuleOverrides): Promise<void> {
    const unit = await this.unitInScope(actor, P.configure, unitId);
    const base = ruleSetOn(jakartaDate(this.now()));
    const clean: RuleOverrides = {};
    for (const k of OVERRIDE_KEYS) if (overrides[k] !== undefined) clean[k] = overrides[k];
    const [problem] = overrideProblems(base, clean);
    if (problem)
      problem.code === "range"
        ? fail("CMP_RULE_RANGE", { key: problem.key, min: problem.min, max: problem.max })
        : fail(RULE_ORDER_ERRORS[problem.code], {
            key: problem.key,
            other: problem.other,
            limit: problem.limit,
          });
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("cmp_rule_overrides")
        .where("unit_id", "=", unitId)
        .where("rule_set_id", "=", base.id)
        .execute();
      if (Object.keys(clean).length > 0)
        await trx
          .insertInto("cmp_rule_overrides")
          .values({
            unit_id: unitId,
            rule_set_id: base.id,
            overrides: enc.json(clean),
            updated_by: actor.userId,
            updated_at: at,
          })
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "complaints.rules.saved",
        unitId: unit.id,
        entityType: "complaint_rules",
        entityId: `${unitId}:${base.id}`,
        data: { overrides: clean },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Scope helpers

  /** The unit, if the actor holds `permission` over it; a refusal is audited, then thrown. */
  private async unitInScope(actor: Actor, permission: string, unitId: string): Promise<Unit> {
    const unit = (await this.ctx.org.get(unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
    await this.guard(actor, permission, unit);
    return unit;
  }

  private async guard(actor: Actor, permission: string, unit: Unit, caseId?: string): Promise<void> {
    try {
      assertScope(actor, permission, unit);
    } catch (e) {
      await this.db.transaction().execute((trx) =>
        this.ctx.audit.record(trx, actor, {
          action: "complaints.access.refused",
          unitId: unit.id,
          entityType: caseId ? "complaint" : "unit",
          entityId: caseId ?? unit.id,
          data: { permission, code: e instanceof DomainError ? e.code : "FORBIDDEN" },
        }),
      );
      throw e;
    }
  }

  private async caseById(id: string, ex: Executor = this.db): Promise<CaseRow> {
    const row = await ex.selectFrom("cmp_cases").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? decodeCase(row) : fail("CMP_NOT_FOUND", { id });
  }

  private async insertEvent(
    trx: Executor,
    c: { id: string; unitId: string },
    actor: Actor | null,
    e: EventInput,
    at: string,
  ) {
    const id = newId();
    await trx
      .insertInto("cmp_events")
      .values({
        id,
        case_id: c.id,
        unit_id: c.unitId,
        kind: e.kind,
        from_status: e.from ?? null,
        to_status: e.to ?? null,
        actor_id: actor?.userId ?? null,
        actor_name: actor ? actor.name : "Pelapor",
        visibility: e.visibility,
        body: e.body ?? null,
        data: enc.json(e.data ?? {}),
        at,
      })
      .execute();
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // Public side

  async publicUnit(code: string): Promise<PublicUnit> {
    const unit = (await this.ctx.org.byCode(code)) ?? fail("CMP_UNIT_NOT_FOUND", { code });
    return {
      code: unit.code,
      name: unit.name,
      services: KPKNL_SERVICES,
      maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
      maxAttachments: MAX_ATTACHMENTS,
    };
  }

  /**
   * Staff record a complaint received at the counter, by phone, by letter or by e-mail (needs
   * complaints.handle over the unit). The code and secret go to the complainant on a receipt; the
   * letter's reference is kept as an internal note on the received event.
   */
  async staffIntake(actor: Actor, input: StaffIntakeInput) {
    const unit = await this.unitInScope(actor, P.handle, input.unitId);
    const now = this.now();
    let receivedAt = now;
    if (input.receivedAt) {
      receivedAt = new Date(input.receivedAt);
      const oldest = now.getTime() - STAFF_INTAKE_MAX_DAYS_BACK * 24 * 3600 * 1000;
      if (receivedAt.getTime() > now.getTime() + 60_000 || receivedAt.getTime() < oldest)
        fail("CMP_RECEIVED_AT_INVALID", { field: "receivedAt", days: STAFF_INTAKE_MAX_DAYS_BACK });
    }
    const { unitId: _unit, channel, reference, receivedAt: _at, ...rest } = input;
    return this.intake(
      { ...rest, unitCode: unit.code },
      { channel, actor, receivedAt, reference: reference ?? undefined },
    );
  }

  /** Receive a complaint. Staff intake (counter, phone, letter) passes the actor and the channel. */
  async intake(
    input: {
      unitCode: string;
      category: Category;
      service: string;
      description: string;
      contactName: string | null;
      contactEmail: string | null;
      contactPhone: string | null;
      lang: "id" | "en";
    },
    opts: {
      channel?: string;
      receivedAt?: Date;
      actor?: Actor;
      code?: string;
      secret?: string;
      reference?: string;
    } = {},
  ): Promise<{ id: string; code: string; secret: string; receivedAt: string; verifyDue: string }> {
    const unit =
      (await this.ctx.org.byCode(input.unitCode)) ?? fail("CMP_UNIT_NOT_FOUND", { code: input.unitCode });
    const cal = await this.ctx.calendar.calendarFor(unit.id);
    const rules = await this.rulesFor(unit.id);
    const received = (opts.receivedAt ?? this.now()).toISOString();
    const d = computeDeadlines(cal, rules, { receivedAt: received, verifiedAt: null, slaClass: null });
    const secret = opts.secret ?? makeSecret(randomBytes(16));
    const stored = saltedHash(secret);
    const id = newId();
    const actor = opts.actor ?? systemActor("complaints.public");
    let code = opts.code ?? makeCode(randomBytes(8));
    await this.db.transaction().execute(async (trx) => {
      code = await unusedCode(
        code,
        () => makeCode(randomBytes(8)),
        async (c) =>
          !!(await trx.selectFrom("cmp_cases").select("id").where("code", "=", c).executeTakeFirst()),
      );
      await trx
        .insertInto("cmp_cases")
        .values({
          id,
          unit_id: unit.id,
          code,
          secret_salt: stored.salt,
          secret_hash: stored.hash,
          channel: opts.channel ?? "web",
          category: input.category,
          sla_class: null,
          service: input.service,
          description: input.description,
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          contact_phone: input.contactPhone,
          lang: input.lang,
          status: "received",
          rule_set_id: rules.id,
          received_at: received,
          received_date: localDate(cal, received),
          verify_due: d.verifyDue,
          respond_due: d.respondDue,
          resolve_due: null,
          statutory_respond_due: d.statutoryRespondDue,
          statutory_decide_due: d.statutoryDecideDue,
          version: 1,
          created_at: received,
          updated_at: received,
        })
        .execute();
      await this.insertEvent(
        trx,
        { id, unitId: unit.id },
        opts.actor ?? null,
        {
          kind: "received",
          to: "received",
          visibility: "public",
          data: { channel: opts.channel ?? "web", ...(opts.reference ? { reference: opts.reference } : {}) },
        },
        received,
      );
      if (input.contactEmail)
        await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: `cmp:${id}:received`,
          payload: {
            to: input.contactEmail,
            subject: input.lang === "en" ? `Complaint received: ${code}` : `Pengaduan diterima: ${code}`,
            text:
              input.lang === "en"
                ? `${unit.name} received your complaint. Tracking code: ${code}. Keep the secret you were shown; it is not sent by e-mail.`
                : `${unit.name} telah menerima pengaduan Anda. Kode pelacakan: ${code}. Simpan kode rahasia yang ditampilkan; kode itu tidak dikirim lewat e-mail.`,
          },
        });
      // no complainant identity in the audit row: only what happened
      await this.ctx.audit.record(trx, actor, {
        action: "complaints.received",
        unitId: unit.id,
        entityType: "complaint",
        entityId: id,
        data: { code, category: input.category, channel: opts.channel ?? "web" },
      });
    });
    return { id, code, secret, receivedAt: received, verifyDue: d.verifyDue };
  }

  /**
   * The case behind a code and secret. A wrong secret and an unknown code give the same answer
   * after the same work (one indexed read, one hash, one constant-time compare).
   */
  async authenticate(rawCode: string, rawSecret: string, ex: Executor = this.db): Promise<CaseRow> {
    const code = normalizeCode(rawCode);
    const secret = normalizeSecret(rawSecret) ?? rawSecret;
    const row = code
      ? await ex.selectFrom("cmp_cases").selectAll().where("code", "=", code).executeTakeFirst()
      : undefined;
    const c = row ? decodeCase(row) : null;
    const ok = matchesSaltedHash(c && { salt: c.secretSalt, hash: c.secretHash }, secret);
    if (!c || !ok) throw new DomainError("CMP_TRACK_NOT_FOUND");
    return c;
  }

  async track(code: string, secret: string): Promise<TrackedCase> {
    const c = await this.authenticate(code, secret);
    return this.trackedView(c);
  }

  private async trackedView(c: CaseRow): Promise<TrackedCase> {
    const unit = await this.ctx.org.get(c.unitId);
    const events = (
      await this.db
        .selectFrom("cmp_events")
        .selectAll()
        .where("case_id", "=", c.id)
        .where("visibility", "=", "public")
        .orderBy("at")
        .orderBy("id")
        .execute()
    ).map(decodeEvent);
    const attachments = await this.db
      .selectFrom("cmp_attachments as a")
      .innerJoin("files as f", "f.id", "a.file_id")
      .select(["f.original_name", "f.size_bytes", "a.added_at"])
      .where("a.case_id", "=", c.id)
      .where("a.source", "=", "public")
      .orderBy("a.added_at")
      .execute();
    const stage = currentStage(c.status, this.deadlinesOf(c));
    return {
      code: c.code,
      unitName: unit?.name ?? "",
      category: c.category,
      service: c.service,
      description: c.description,
      status: c.status,
      receivedAt: c.receivedAt,
      answer: c.answer,
      answeredAt: c.answeredAt,
      decisionReason: c.decisionReason,
      forward: c.forwardChannel ? { channel: c.forwardChannel, reference: c.forwardReference ?? "" } : null,
      currentDue: stage?.due ?? null,
      events: events.map((e) => ({
        kind: e.kind,
        at: e.at,
        toStatus: e.toStatus,
        body: PUBLIC_BODY_KINDS.has(e.kind) ? e.body : null,
        fromComplainant: e.kind === "reply" || e.kind === "rating" || e.kind === "attachment",
      })),
      attachments: attachments.map((a) => ({
        name: codec.text(a.original_name),
        sizeBytes: codec.int(a.size_bytes),
        at: codec.text(a.added_at),
      })),
      canReply: complainantMayReply(c.status),
      canRate: complainantMayRate(c.status, c.answeredAt !== null) && c.rating === null,
      rating: c.rating === null ? null : { score: c.rating, comment: c.ratingComment },
    };
  }

  async publicReply(code: string, secret: string, message: string): Promise<TrackedCase> {
    const first = await this.authenticate(code, secret);
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, first.id);
      const c = await this.caseById(first.id, trx);
      if (!complainantMayReply(c.status)) fail("CMP_REPLY_CLOSED", { status: c.status });
      await this.insertEvent(trx, c, null, { kind: "reply", visibility: "public", body: message }, at);
      await trx
        .updateTable("cmp_cases")
        .set({ updated_at: at, version: c.version + 1 })
        .where("id", "=", c.id)
        .execute();
      await this.ctx.audit.record(trx, systemActor("complaints.public"), {
        action: "complaints.replied",
        unitId: c.unitId,
        entityType: "complaint",
        entityId: c.id,
        data: { length: message.length },
      });
    });
    return this.track(code, secret);
  }

  async publicRate(
    code: string,
    secret: string,
    score: number,
    comment: string | null,
  ): Promise<TrackedCase> {
    const first = await this.authenticate(code, secret);
    await this.seedRating(first.id, score, comment);
    return this.track(code, secret);
  }

  /** Record the complainant's rating (after authentication, or from the demo seed). */
  async seedRating(caseId: string, score: number, comment: string | null): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, caseId);
      const c = await this.caseById(caseId, trx);
      if (!complainantMayRate(c.status, c.answeredAt !== null)) fail("CMP_RATING_NOT_OPEN");
      if (c.rating !== null) fail("CMP_RATING_EXISTS");
      await trx
        .updateTable("cmp_cases")
        .set({ rating: score, rating_comment: comment, rated_at: at, updated_at: at, version: c.version + 1 })
        .where("id", "=", c.id)
        .execute();
      await this.insertEvent(
        trx,
        c,
        null,
        { kind: "rating", visibility: "public", body: comment, data: { score } },
        at,
      );
      await this.ctx.audit.record(trx, systemActor("complaints.public"), {
        action: "complaints.rated",
        unitId: c.unitId,
        entityType: "complaint",
        entityId: c.id,
        data: { score },
      });
    });
  }

  /** A complainant's attachment: the kernel file store sniffs and stores it; at most 5 MB, 5 files. */
  async publicAttach(code: string, secret: string, filename: string, stream: Readable): Promise<TrackedCase> {
    const c = await this.authenticate(code, secret);
    if (!complainantMayReply(c.status)) fail("CMP_REPLY_CLOSED", { status: c.status });
    await this.assertAttachmentRoom(c.id);
    const unit = (await this.ctx.org.get(c.unitId))!;
    const file = await this.ctx.files.upload(systemActor("complaints.public"), {
      unitId: unit.id,
      unitPath: unit.path,
      filename,
      stream: sizeLimit(stream, MAX_ATTACHMENT_BYTES),
    });
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, c.id);
      await this.assertAttachmentRoom(c.id, trx);
      await trx
        .insertInto("cmp_attachments")
        .values({ case_id: c.id, file_id: file.id, unit_id: c.unitId, source: "public", added_at: at })
        .execute();
      await this.insertEvent(
        trx,
        c,
        null,
        { kind: "attachment", visibility: "public", data: { fileId: file.id, name: file.originalName } },
        at,
      );
      await this.ctx.audit.record(trx, systemActor("complaints.public"), {
        action: "complaints.attachment.added",
        unitId: c.unitId,
        entityType: "complaint",
        entityId: c.id,
        data: { fileId: file.id, mime: file.mime, size: file.sizeBytes },
      });
    });
    return this.track(code, secret);
  }

  private async assertAttachmentRoom(caseId: string, ex: Executor = this.db) {
    const r = await ex
      .selectFrom("cmp_attachments")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (Number(r?.n ?? 0) >= MAX_ATTACHMENTS) fail("CMP_ATTACHMENT_LIMIT", { max: MAX_ATTACHMENTS });
  }

  // ---------------------------------------------------------------------------------------------
  // Staff side

  deadlinesOf(c: CaseRow): Deadlines {
    return {
      verifyDue: c.verifyDue,
      respondDue: c.respondDue,
      resolveDue: c.resolveDue,
      statutoryRespondDue: c.statutoryRespondDue,
      statutoryDecideDue: c.statutoryDecideDue,
    };
  }

  private async calendars(unitIds: string[]): Promise<Map<string, Calendar>> {
    const out = new Map<string, Calendar>();
    for (const id of new Set(unitIds)) out.set(id, await this.ctx.calendar.calendarFor(id));
    return out;
  }

  private listItem(c: CaseRow, unitName: string, cal: Calendar): CaseListItem {
    const stage = currentStage(c.status, this.deadlinesOf(c));
    return {
      id: c.id,
      code: c.code,
      unitId: c.unitId,
      unitName,
      category: c.category,
      service: c.service,
      summary: c.description.length > 140 ? `${c.description.slice(0, 140)}…` : c.description,
      status: c.status,
      slaClass: c.slaClass,
      assigneeId: c.assigneeId,
      assigneeName: c.assigneeName,
      receivedAt: c.receivedAt,
      currentDue: stage?.due ?? null,
      sla: stage ? slaState(cal, this.now(), stage.due, null) : null,
      forwardChannel: c.forwardChannel,
    };
  }

  async list(actor: Actor, q: ListQuery): Promise<CaseListItem[]> {
    let roots = scopeRoots(actor, P.read);
    if (q.unitId) {
      const unit = await this.unitInScope(actor, P.read, q.unitId);
      roots = [unit.path];
    }
    if (roots.length === 0) return [];
    let query = this.db
      .selectFrom("cmp_cases as c")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .selectAll("c")
      .select("u.name as unit_name")
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))))
      .orderBy("c.received_at", "desc")
      .limit(500);
    if (q.status === "open") query = query.where("c.status", "in", [...OPEN_STATUSES]);
    else if (q.status) query = query.where("c.status", "=", q.status);
    if (q.category) query = query.where("c.category", "=", q.category);
    if (q.assignee) query = query.where("c.assignee_id", "=", q.assignee);
    if (q.from) query = query.where("c.received_date", ">=", q.from);
    if (q.to) query = query.where("c.received_date", "<=", q.to);
    if (q.q) {
      const like = `%${q.q.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["c.code"]), "like", like),
          eb(eb.fn("lower", ["c.description"]), "like", like),
          eb(eb.fn("lower", ["c.service"]), "like", like),
        ]),
      );
    }
    const rows = await query.execute();
    const cals = await this.calendars(rows.map((r) => codec.text(r.unit_id)));
    const items = rows.map((r) =>
      this.listItem(decodeCase(r), codec.text(r.unit_name), cals.get(codec.text(r.unit_id))!),
    );
    return q.sla ? items.filter((i) => i.sla === q.sla) : items;
  }

  async detail(actor: Actor, id: string): Promise<CaseDetail> {
    const c = await this.caseById(id);
    const unit = (await this.ctx.org.get(c.unitId))!;
    await this.guard(actor, P.read, unit, c.id);
    const cal = await this.ctx.calendar.calendarFor(c.unitId);
    const rules = await this.rulesFor(c.unitId, c.ruleSetId);
    const events = (
      await this.db
        .selectFrom("cmp_events")
        .selectAll()
        .where("case_id", "=", id)
        .orderBy("at")
        .orderBy("id")
        .execute()
    ).map(decodeEvent);
    const attachments = await this.db
      .selectFrom("cmp_attachments as a")
      .innerJoin("files as f", "f.id", "a.file_id")
      .select(["a.file_id", "a.source", "a.added_at", "f.original_name", "f.size_bytes", "f.mime"])
      .where("a.case_id", "=", id)
      .orderBy("a.added_at")
      .execute();
    const now = this.now();
    const stage = (
      key: StageWire["stage"],
      due: string | null,
      doneAt: string | null,
      item: {
        days: number;
        kind: "working" | "calendar";
        source: string;
        confidence: "C1" | "C2" | "S" | "U";
      },
    ): StageWire => ({
      stage: key,
      due,
      doneAt,
      state: slaState(cal, now, due, doneAt),
      days: item.days,
      kind: item.kind,
      source: item.source,
      confidence: item.confidence,
    });
    const verifyDone =
      c.verifiedAt ?? (c.status === "rejected" || c.status === "forwarded" ? c.finishedAt : null);
    const endOfDay = (date: string) => `${date}T16:59:59.999Z`; // 23:59:59 WIB
    const classItem = c.slaClass ? rules.classes[c.slaClass] : rules.classes.regular;
    return {
      ...this.listItem(c, unit.name, cal),
      channel: (INTAKE_CHANNELS as readonly string[]).includes(c.channel)
        ? (c.channel as CaseDetail["channel"])
        : "web",
      description: c.description,
      contactName: c.contactName,
      contactEmail: c.contactEmail,
      contactPhone: c.contactPhone,
      answer: c.answer,
      answeredAt: c.answeredAt,
      decisionReason: c.decisionReason,
      decisionKind: c.decisionKind,
      forwardReference: c.forwardReference,
      ruleSetId: c.ruleSetId,
      rating: c.rating,
      ratingComment: c.ratingComment,
      version: c.version,
      stages: [
        stage("verify", c.verifyDue, verifyDone, rules.verify),
        stage("respond", c.respondDue, c.respondedAt, rules.respond),
        stage("resolve", c.resolveDue, c.resolveDue ? c.finishedAt : null, classItem),
        stage("statutoryRespond", endOfDay(c.statutoryRespondDue), c.respondedAt, rules.statutory.respond),
        stage("statutoryDecide", endOfDay(c.statutoryDecideDue), c.finishedAt, rules.statutory.decide),
      ],
      events,
      attachments: attachments.map((a) => ({
        fileId: codec.text(a.file_id),
        name: codec.text(a.original_name),
        sizeBytes: codec.int(a.size_bytes),
        mime: codec.text(a.mime),
        source: codec.text(a.source) === "staff" ? "staff" : "public",
        at: codec.text(a.added_at),
      })),
      commands: commandsFrom(c.status),
      canHandle: can(actor, P.handle, unit.path),
    };
  }

  /** People who may take a disposition: users holding complaints.handle through a role at the unit. */
  async assignees(actor: Actor, unitId: string): Promise<Array<{ id: string; name: string; email: string }>> {
    await this.unitInScope(actor, P.handle, unitId);
    return this.handlersAt(unitId, P.handle);
  }

  private async handlersAt(unitId: string, permission: string, roleKeys?: string[]) {
    const roles = await this.ctx.identity.listRoles();
    const keys = new Set(
      roleKeys ?? roles.filter((r) => r.permissions.includes(permission)).map((r) => r.key),
    );
    const users = await this.ctx.identity.listUsers(systemActor("complaints"), { unitId });
    return users
      .filter(
        (u) => u.status === "active" && u.assignments.some((a) => a.unitId === unitId && keys.has(a.roleKey)),
      )
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }

  async transition(
    actor: Actor,
    id: string,
    input: TransitionInput,
    opts: { at?: Date } = {},
  ): Promise<CaseDetail> {
    const before = await this.caseById(id);
    const unit = (await this.ctx.org.get(before.unitId))!;
    await this.guard(actor, P.handle, unit, id);
    const cal = await this.ctx.calendar.calendarFor(unit.id);
    const rules = await this.rulesFor(unit.id, before.ruleSetId);
    let assignee: { id: string; name: string; email: string } | undefined;
    if (input.command === "assign") {
      assignee = (await this.handlersAt(unit.id, P.handle)).find((u) => u.id === input.assigneeId);
      if (!assignee) fail("CMP_ASSIGNEE_INVALID", { id: input.assigneeId });
    }
    const now = (opts.at ?? this.now()).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const c = await this.caseById(id, trx);
      const to = nextStatus(c.status, input.command);
      const set: Record<string, unknown> = { status: to, updated_at: now, version: c.version + 1 };
      let body: string | null = null;
      const data: Record<string, unknown> = {};
      const note = "note" in input ? (input.note ?? null) : null;
      if (note) data.note = note;
      switch (input.command) {
        case "verify": {
          const category = input.category ?? c.category;
          const d = computeDeadlines(cal, rules, {
            receivedAt: c.receivedAt,
            verifiedAt: now,
            slaClass: input.slaClass,
          });
          Object.assign(set, {
            verified_at: now,
            sla_class: input.slaClass,
            category,
            resolve_due: d.resolveDue,
            statutory_decide_due: d.statutoryDecideDue,
          });
          Object.assign(data, { slaClass: input.slaClass, category, resolveDue: d.resolveDue });
          break;
        }
        case "assign":
          Object.assign(set, { assignee_id: assignee!.id, assignee_name: assignee!.name });
          Object.assign(data, {
            assigneeId: assignee!.id,
            assigneeName: assignee!.name,
            previous: c.assigneeName,
          });
          break;
        case "start":
          set.responded_at = c.respondedAt ?? now;
          break;
        case "answer":
          body = input.answer;
          Object.assign(set, {
            answer: input.answer,
            answered_at: now,
            finished_at: now,
            responded_at: c.respondedAt ?? now,
          });
          break;
        case "close":
          set.closed_at = now;
          break;
        case "reopen":
          Object.assign(set, { finished_at: null });
          data.note = input.note;
          break;
        case "reject":
          body = input.reason;
          Object.assign(set, {
            decision_kind: input.kind,
            decision_reason: input.reason,
            finished_at: now,
            responded_at: c.respondedAt ?? now,
          });
          data.kind = input.kind;
          break;
        case "forward":
          body = `${CHANNEL_NAMES[input.channel] ?? input.channel}: ${input.reference}`;
          Object.assign(set, {
            forward_channel: input.channel,
            forward_reference: input.reference,
            finished_at: now,
            responded_at: c.respondedAt ?? now,
          });
          Object.assign(data, { channel: input.channel, reference: input.reference });
          break;
      }
      await trx.updateTable("cmp_cases").set(set).where("id", "=", id).execute();
      await this.insertEvent(
        trx,
        c,
        actor,
        { kind: COMMAND_EVENT[input.command], from: c.status, to, visibility: "public", body, data },
        now,
      );
      if (input.command === "assign" && assignee?.email)
        await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: `cmp:${id}:assign:${assignee.id}:${c.version + 1}`,
          payload: {
            to: assignee.email,
            subject: `Disposisi pengaduan ${c.code}`,
            text: `Anda ditunjuk menangani pengaduan ${c.code} (${c.service}) di ${unit.name}.${note ? `\nCatatan: ${note}` : ""}`,
          },
        });
      if (
        (input.command === "answer" || input.command === "reject" || input.command === "forward") &&
        c.contactEmail
      )
        await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: `cmp:${id}:${input.command}:${c.version + 1}`,
          payload: {
            to: c.contactEmail,
            subject:
              c.lang === "en" ? `Update on your complaint ${c.code}` : `Perkembangan pengaduan ${c.code}`,
            text:
              c.lang === "en"
                ? `${unit.name} has updated your complaint ${c.code}. Open the tracking page with your code and secret to read it.`
                : `${unit.name} telah menindaklanjuti pengaduan ${c.code}. Buka halaman lacak dengan kode dan kode rahasia Anda untuk membacanya.`,
          },
        });
      await this.ctx.audit.record(trx, actor, {
        action: `complaints.${COMMAND_EVENT[input.command]}`,
        unitId: c.unitId,
        entityType: "complaint",
        entityId: id,
        data: { from: c.status, to, ...("assigneeId" in data ? { assigneeId: data.assigneeId } : {}) },
      });
    });
    return this.detail(actor, id);
  }

  async addNote(actor: Actor, id: string, body: string, opts: { at?: Date } = {}): Promise<CaseDetail> {
    const c = await this.caseById(id);
    const unit = (await this.ctx.org.get(c.unitId))!;
    await this.guard(actor, P.handle, unit, id);
    const at = (opts.at ?? this.now()).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.insertEvent(trx, c, actor, { kind: "note", visibility: "internal", body }, at);
      await this.ctx.audit.record(trx, actor, {
        action: "complaints.noted",
        unitId: c.unitId,
        entityType: "complaint",
        entityId: id,
      });
    });
    return this.detail(actor, id);
  }

  /** Staff attach an evidence file they uploaded through /api/files (same unit). */
  async attachFile(actor: Actor, id: string, fileId: string): Promise<CaseDetail> {
    const c = await this.caseById(id);
    const unit = (await this.ctx.org.get(c.unitId))!;
    await this.guard(actor, P.handle, unit, id);
    const file = (await this.ctx.files.get(fileId)) ?? fail("FILES_NOT_FOUND", { id: fileId });
    if (file.unitId !== c.unitId) fail("CMP_FILE_OTHER_UNIT", { id: fileId });
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      // Attaching a file twice (a retry, a double click) changes nothing: no duplicate-key 500.
      const already = await trx
        .selectFrom("cmp_attachments")
        .select("file_id")
        .where("case_id", "=", id)
        .where("file_id", "=", fileId)
        .executeTakeFirst();
      if (already) return;
      await this.assertAttachmentRoom(id, trx);
      await trx
        .insertInto("cmp_attachments")
        .values({ case_id: id, file_id: fileId, unit_id: c.unitId, source: "staff", added_at: at })
        .execute();
      await this.insertEvent(
        trx,
        c,
        actor,
        { kind: "attachment", visibility: "internal", data: { fileId, name: file.originalName } },
        at,
      );
      await this.ctx.audit.record(trx, actor, {
        action: "complaints.attachment.added",
        unitId: c.unitId,
        entityType: "complaint",
        entityId: id,
        data: { fileId },
      });
    });
    return this.detail(actor, id);
  }

  // ---------------------------------------------------------------------------------------------
  // SLA job: reminders before, escalations after a deadline — each exactly once (dedupe keys)

  async runSla(now: Date = this.now()): Promise<{ reminders: number; escalations: number }> {
    const rows = (
      await this.db
        .selectFrom("cmp_cases")
        .selectAll()
        .where("status", "in", [...OPEN_STATUSES])
        .execute()
    ).map(decodeCase);
    const cals = await this.calendars(rows.map((r) => r.unitId));
    const handlers = new Map<string, Array<{ id: string; name: string; email: string }>>();
    const heads = new Map<string, Array<{ id: string; name: string; email: string }>>();
    const units = new Map<string, Unit>();
    for (const unitId of cals.keys()) {
      handlers.set(unitId, await this.handlersAt(unitId, P.handle));
      heads.set(unitId, await this.handlersAt(unitId, P.handle, ["head"]));
      units.set(unitId, (await this.ctx.org.get(unitId))!);
    }
    let reminders = 0;
    let escalations = 0;
    const nowIso = now.toISOString();
    for (const c of rows) {
      const cal = cals.get(c.unitId)!;
      const rules = await this.rulesFor(c.unitId, c.ruleSetId);
      const stages: Array<{ key: StageKey; due: string }> = [];
      if (c.status === "received") stages.push({ key: "verify", due: c.verifyDue });
      if (!c.respondedAt) stages.push({ key: "respond", due: c.respondDue });
      if (c.resolveDue && c.status !== "received") stages.push({ key: "resolve", due: c.resolveDue });
      const today = localDate(cal, now);
      const mine = c.assigneeId
        ? (handlers.get(c.unitId) ?? []).filter((h) => h.id === c.assigneeId)
        : (handlers.get(c.unitId) ?? []);
      for (const s of stages) {
        const overdue = nowIso > s.due;
        const remindOn = reminderDate(cal, s.due, rules.reminderWorkingDaysBefore);
        if (!overdue && today < remindOn) continue;
        const kind = overdue ? "escalation" : "reminder";
        const to = overdue
          ? [...new Map([...(heads.get(c.unitId) ?? []), ...mine].map((u) => [u.id, u])).values()]
          : mine;
        const unitName = units.get(c.unitId)?.name ?? "";
        const created = await this.db.transaction().execute(async (trx) => {
          // the marker message holds the dedupe key even when nobody has an e-mail address
          const marker = await this.ctx.outbox.enqueue(trx, {
            type: "complaints.sla",
            dedupeKey: `cmp:${c.id}:${s.key}:${kind}`,
            payload: { caseId: c.id, stage: s.key, kind, due: s.due },
          });
          if (!marker.created) return false;
          for (const u of to)
            await this.ctx.outbox.enqueue(trx, {
              type: "email",
              dedupeKey: `cmp:${c.id}:${s.key}:${kind}:${u.id}`,
              payload: {
                to: u.email,
                subject: overdue
                  ? `[ESKALASI] Pengaduan ${c.code} melewati batas waktu`
                  : `[PENGINGAT] Batas waktu pengaduan ${c.code}`,
                text: `${unitName}: tahap '${s.key}' pengaduan ${c.code} (${c.service}) ${overdue ? "telah melewati" : "mendekati"} batas waktu ${s.due}.`,
              },
            });
          await this.insertEvent(
            trx,
            c,
            systemActor("complaints.sla"),
            { kind, visibility: "internal", data: { stage: s.key, due: s.due, recipients: to.length } },
            nowIso,
          );
          await this.ctx.audit.record(trx, systemActor("complaints.sla"), {
            action: `complaints.sla.${kind}`,
            unitId: c.unitId,
            entityType: "complaint",
            entityId: c.id,
            data: { stage: s.key, due: s.due },
          });
          return true;
        });
        if (created) {
          if (overdue) escalations++;
          else reminders++;
        }
      }
    }
    return { reminders, escalations };
  }

  // ---------------------------------------------------------------------------------------------
  // Figures

  async figureRows(unitId: string, from: string, to: string): Promise<FigureRow[]> {
    const rows = await this.db
      .selectFrom("cmp_cases")
      .select(["received_date", "status", "category", "finished_at", "resolve_due", "verify_due", "rating"])
      .where("unit_id", "=", unitId)
      .where("received_date", ">=", from)
      .where("received_date", "<=", to)
      .execute();
    return rows.map((r) => ({
      receivedDate: codec.text(r.received_date),
      status: codec.text(r.status) as Status,
      category: codec.text(r.category) as Category,
      finishedAt: t(r.finished_at),
      dueAt: t(r.resolve_due) ?? codec.text(r.verify_due),
      rating: codec.intOrNull(r.rating),
    }));
  }

  async figures(
    unitId: string,
    from: string,
    to: string,
  ): Promise<PeriodFigures & { months: ReturnType<typeof monthlyFigures> }> {
    const rows = await this.figureRows(unitId, from, to);
    return { ...figuresOf(rows), months: monthlyFigures(rows, from, to) };
  }

  async recap(actor: Actor, unitId: string, year: number) {
    const unit = await this.unitInScope(actor, P.read, unitId);
    const f = await this.figures(unitId, `${year}-01-01`, `${year}-12-31`);
    const { months, ...total } = f;
    return { unitId, unitName: unit.name, year, total, months };
  }
}

/**
 * The bytes of `source`, failing with CMP_ATTACHMENT_TOO_LARGE one byte past the limit. Lazy (a
 * generator pulls only while the file store reads), so the error surfaces inside its pipeline.
 */
function sizeLimit(source: Readable, max: number): Readable {
  async function* limited() {
    let n = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > max)
        throw new DomainError("CMP_ATTACHMENT_TOO_LARGE", { limitMb: Math.round(max / 1024 / 1024) });
      yield chunk;
    }
  }
  return Readable.from(limited(), { objectMode: false });
}
