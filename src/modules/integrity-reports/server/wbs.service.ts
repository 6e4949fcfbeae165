/**
 * Whistle-blowing: the anonymous public channel and the handler's case work.
 *
 * Privacy by construction: public routes get no actor, no address, no user agent and no cookie
 * (the service never receives the request); a report row holds the code, the SHA-256 of the secret,
 * what the reporter wrote, and — only when given — the identity sealed with AES-256-GCM. Throttling
 * is by proof of work (per request) and by a failure counter keyed by an HMAC of the report code
 * (never the address). Handlers' views and downloads are audited without the reporter's identity.
 */

import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { checkType, sanitizeFilename, sniffBuffer } from "../../../kernel/files";
import { fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, scopeRoots, systemActor } from "../../../kernel/identity/actor";
import { peopleWith } from "../../../kernel/identity/people";
import { notifyEmail } from "../../../kernel/notify";
import type {
  PowToken,
  WbsAttachment,
  WbsDetail,
  WbsFollowView,
  WbsMessage,
  WbsReceipt,
  WbsSummary,
} from "../contract";
import { INTEGRITY_PERMISSIONS, WBS_CATEGORIES, type WbsCategory, type WbsStatus } from "../domain/model";
import {
  checkTransition,
  handlingUnit,
  isClosed,
  isWellFormedCode,
  nextStatuses,
  normaliseCode,
  stripMetadata,
} from "../domain/wbs";
import {
  hashSecret,
  issueChallenge,
  loadWbsKey,
  newReportCode,
  newSecret,
  open,
  powBits,
  seal,
  secretMatches,
  verifyPow,
} from "./secrets";
import type { WbsRegisterRow } from "./xlsx";

const P = INTEGRITY_PERMISSIONS;
/** Wrong code/secret answers allowed per code and hour before that code is locked for the hour. */
export const FOLLOW_MAX_FAILURES = 10;
export const FOLLOW_WINDOW_SECONDS = 3600;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const PUBLIC_ACTOR = systemActor("wbs-public");

interface ReportRow {
  id: string;
  unitId: string;
  originUnitId: string;
  code: string;
  secretHash: string;
  category: WbsCategory;
  aboutHead: boolean;
  subject: string;
  when: string | null;
  where: string | null;
  description: string;
  identityEnc: string | null;
  status: WbsStatus;
  submittedOn: string;
  awaitingHandler: boolean;
  createdAt: string;
  updatedAt: string;
}

function decodeReport(r: Record<string, unknown>): ReportRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    originUnitId: codec.text(r.origin_unit_id),
    code: codec.text(r.code),
    secretHash: codec.text(r.secret_hash),
    category: codec.text(r.category) as WbsCategory,
    aboutHead: codec.bool(r.about_head),
    subject: codec.text(r.subject),
    when: codec.textOrNull(r.incident_when),
    where: codec.textOrNull(r.incident_where),
    description: codec.text(r.description),
    identityEnc: codec.textOrNull(r.identity_enc),
    status: codec.text(r.status) as WbsStatus,
    submittedOn: codec.text(r.submitted_on),
    awaitingHandler: codec.bool(r.awaiting_handler),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

function decodeMessage(r: Record<string, unknown>): WbsMessage {
  return {
    id: codec.text(r.id),
    seq: codec.int(r.seq),
    author: codec.text(r.author) as WbsMessage["author"],
    kind: codec.text(r.kind) as WbsMessage["kind"],
    body: codec.text(r.body),
    status: codec.textOrNull(r.status) as WbsStatus | null,
    authorName: codec.textOrNull(r.author_name),
    createdAt: codec.instant(r.created_at),
  };
}

function decodeAttachment(r: Record<string, unknown>): WbsAttachment {
  return {
    id: codec.text(r.id),
    filename: codec.text(r.filename),
    mime: codec.text(r.mime),
    sizeBytes: codec.int(r.size_bytes),
    metadata: codec.text(r.metadata) as WbsAttachment["metadata"],
    fromReporter: codec.bool(r.from_reporter),
    createdAt: codec.instant(r.created_at),
  };
}

export interface WbsSubmit {
  pow: PowToken;
  category: WbsCategory;
  aboutHead: boolean;
  subject: string;
  when?: string | undefined;
  where?: string | undefined;
  description: string;
  identity?: { name?: string | undefined; contact?: string | undefined } | undefined;
}

export class WbsService {
  private keyCache: Buffer | null = null;
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }
  private get key(): Buffer {
    this.keyCache ??= loadWbsKey();
    return this.keyCache;
  }
  private nowIso() {
    return this.ctx.clock.now().toISOString();
  }

  // ---------------------------------------------------------------------------------------------
  // Public side

  async channel(unitCode: string) {
    const unit = (await this.ctx.org.byCode(unitCode)) ?? fail("WBS_UNIT_NOT_FOUND", { code: unitCode });
    const parent = unit.parentId ? await this.ctx.org.get(unit.parentId) : undefined;
    return {
      unitCode: unit.code,
      unitName: unit.name,
      parentName: parent?.name ?? null,
      categories: [...WBS_CATEGORIES],
    };
  }

  challenge(): { challenge: string; bits: number } {
    const bits = powBits();
    return {
      challenge: issueChallenge(this.ctx.config.sessionSecret, this.ctx.clock.now().getTime(), bits),
      bits,
    };
  }

  /** Verify the proof of work and mark it spent (in the caller's transaction). */
  private async spendPow(trx: Executor, pow: PowToken): Promise<void> {
    const now = this.ctx.clock.now().getTime();
    const { tokenId, expiresAt } = verifyPow(this.ctx.config.sessionSecret, pow, now, powBits());
    await trx.deleteFrom("wbs_pow_spent").where("expires_at", "<", now).execute();
    const r = await trx
      .insertInto("wbs_pow_spent")
      .values({ token_id: tokenId, unit_id: null, expires_at: expiresAt })
      .onConflict((oc) => oc.column("token_id").doNothing())
      .returning("token_id")
      .executeTakeFirst();
    if (!r) fail("WBS_POW_REUSED");
  }

  async submit(unitCode: string, input: WbsSubmit): Promise<WbsReceipt> {
    const origin = (await this.ctx.org.byCode(unitCode)) ?? fail("WBS_UNIT_NOT_FOUND", { code: unitCode });
    const unitId = handlingUnit(origin, input.aboutHead);
    const handlers = await peopleWith(this.db, [unitId], P.wbsHandle);
    const id = newId();
    const secret = newSecret();
    const at = this.nowIso();
    const identity =
      input.identity && (input.identity.name || input.identity.contact)
        ? seal(
            this.key,
            Buffer.from(
              JSON.stringify({ name: input.identity.name ?? null, contact: input.identity.contact ?? null }),
            ),
            `wbs-identity:${id}`,
          )
        : null;
    const code = await this.db.transaction().execute(async (trx) => {
      await this.spendPow(trx, input.pow);
      let code = newReportCode();
      for (let i = 0; i < 5; i++) {
        const taken = await trx
          .selectFrom("wbs_reports")
          .select("id")
          .where("code", "=", code)
          .executeTakeFirst();
        if (!taken) break;
        code = newReportCode();
      }
      await trx
        .insertInto("wbs_reports")
        .values({
          id,
          unit_id: unitId,
          origin_unit_id: origin.id,
          code,
          secret_hash: hashSecret(secret),
          category: input.category,
          about_head: enc.bool(input.aboutHead),
          subject: input.subject,
          incident_when: input.when ?? null,
          incident_where: input.where ?? null,
          description: input.description,
          identity_enc: identity,
          status: "received",
          submitted_on: jakartaDate(this.ctx.clock.now()),
          awaiting_handler: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, PUBLIC_ACTOR, {
        action: "wbs.report.received",
        unitId,
        entityType: "wbs_report",
        entityId: id,
        data: { category: input.category, aboutHead: input.aboutHead, withIdentity: identity !== null },
      });
      const link = `${this.ctx.config.publicUrl}/integritas/wbs/${id}`;
      for (const h of handlers) {
        await notifyEmail(this.ctx.outbox, trx, {
          to: h.email,
          subject: `Laporan WBS baru ${code}`,
          text: [
            `Yth. ${h.name},`,
            "",
            `Laporan pengaduan (whistle-blowing) baru ${code} masuk untuk ditangani.`,
            `Buka di Zona: ${link}`,
            "",
            "Isi laporan tidak dikirim lewat surel. Jaga kerahasiaan pelapor.",
          ].join("\n"),
          dedupeKey: `wbs:${id}:new:${h.userId}`,
        });
      }
      return code;
    });
    return { code, secret, handledByParent: unitId !== origin.id };
  }

  /**
   * The report a code and secret open. Every refusal — unknown code, wrong secret, malformed code —
   * is the same WBS_ACCESS_DENIED, and each counts against that code (existing or not) until it
   * is locked for the hour.
   */
  private async authenticate(trx: Executor, codeInput: string, secret: string): Promise<ReportRow> {
    const code = normaliseCode(codeInput);
    const key = this.ctx.rateLimiter.keyFor("wbs.follow", code);
    const now = this.ctx.clock.now();
    const failures = await this.ctx.rateLimiter.count(key, FOLLOW_WINDOW_SECONDS, now);
    if (failures >= FOLLOW_MAX_FAILURES)
      fail("WBS_TOO_MANY_ATTEMPTS", { minutes: Math.ceil(FOLLOW_WINDOW_SECONDS / 60) });
    const row = isWellFormedCode(code)
      ? await trx.selectFrom("wbs_reports").selectAll().where("code", "=", code).executeTakeFirst()
      : undefined;
    const report = row ? decodeReport(row) : null;
    // Hash even when there is no report, so both refusals cost the same.
    const ok = secretMatches(secret, report?.secretHash ?? "0".repeat(64)) && report !== null;
    if (!ok) {
      await this.ctx.rateLimiter.hit(key, FOLLOW_WINDOW_SECONDS, now);
      fail("WBS_ACCESS_DENIED");
    }
    return report!;
  }

  private async followAuth(pow: PowToken, code: string, secret: string): Promise<ReportRow> {
    // Spending the proof commits even when the code is refused (so the failure counter sticks).
    await this.db.transaction().execute((trx) => this.spendPow(trx, pow));
    return this.authenticate(this.db, code, secret);
  }

  async followView(input: { pow: PowToken; code: string; secret: string }): Promise<WbsFollowView> {
    const report = await this.followAuth(input.pow, input.code, input.secret);
    return this.publicView(report);
  }

  private async publicView(report: ReportRow): Promise<WbsFollowView> {
    const messages = await this.messages(this.db, report.id);
    const attachments = await this.attachments(this.db, report.id);
    return {
      code: report.code,
      category: report.category,
      status: report.status,
      submittedOn: report.submittedOn,
      subject: report.subject,
      description: report.description,
      messages: messages
        .filter((m) => m.kind !== "note")
        .map((m) => ({
          seq: m.seq,
          author: m.author,
          kind: m.kind as "message" | "status",
          body: m.body,
          status: m.status,
          on: m.createdAt.slice(0, 10),
        })),
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        metadata: a.metadata,
        sizeBytes: a.sizeBytes,
      })),
    };
  }

  async followMessage(input: {
    pow: PowToken;
    code: string;
    secret: string;
    body: string;
  }): Promise<WbsFollowView> {
    const report = await this.followAuth(input.pow, input.code, input.secret);
    if (isClosed(report.status)) fail("WBS_REPORT_CLOSED");
    const handlers = await peopleWith(this.db, [report.unitId], P.wbsHandle);
    await this.db.transaction().execute(async (trx) => {
      for (const h of handlers)
        await notifyEmail(this.ctx.outbox, trx, {
          to: h.email,
          subject: `Informasi tambahan untuk laporan WBS ${report.code}`,
          text: `Pelapor menambahkan informasi pada laporan ${report.code}. Buka di Zona: ${this.ctx.config.publicUrl}/integritas/wbs/${report.id}`,
        });
      await this.addMessage(trx, report, { author: "reporter", kind: "message", body: input.body });
      await trx
        .updateTable("wbs_reports")
        .set({ awaiting_handler: 1, updated_at: this.nowIso() })
        .where("id", "=", report.id)
        .execute();
      await this.ctx.audit.record(trx, PUBLIC_ACTOR, {
        action: "wbs.report.reporter_added_information",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: report.id,
      });
    });
    return this.publicView({ ...report, awaitingHandler: true });
  }

  async followAttachment(input: {
    pow: PowToken;
    code: string;
    secret: string;
    filename: string;
    contentBase64: string;
  }) {
    const report = await this.followAuth(input.pow, input.code, input.secret);
    if (isClosed(report.status)) fail("WBS_REPORT_CLOSED");
    if (!/^[A-Za-z0-9+/=\s]+$/.test(input.contentBase64)) fail("WBS_ATTACHMENT_INVALID");
    const raw = Buffer.from(input.contentBase64, "base64");
    if (raw.length === 0) fail("WBS_ATTACHMENT_INVALID");
    if (raw.length > MAX_ATTACHMENT_BYTES)
      fail("WBS_ATTACHMENT_TOO_LARGE", { limitMb: MAX_ATTACHMENT_BYTES / 1048576 });
    const type = checkType(input.filename, await sniffBuffer(raw));
    const cleaned = stripMetadata(type.mime, raw);
    const bytes = Buffer.from(cleaned.bytes);
    const id = newId();
    const filename = sanitize(input.filename, type.ext);
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `wbs.report.${report.id}`);
      const n = await trx
        .selectFrom("wbs_attachments")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("report_id", "=", report.id)
        .executeTakeFirstOrThrow();
      if (codec.int(n.n) >= MAX_ATTACHMENTS) fail("WBS_ATTACHMENT_LIMIT", { max: MAX_ATTACHMENTS });
      await trx
        .insertInto("wbs_attachments")
        .values({
          id,
          report_id: report.id,
          unit_id: report.unitId,
          filename,
          mime: type.mime,
          size_bytes: bytes.length,
          metadata: cleaned.handling,
          from_reporter: 1,
          content_enc: seal(this.key, bytes, `wbs-attachment:${id}`),
          created_at: this.nowIso(),
        })
        .execute();
      await trx
        .updateTable("wbs_reports")
        .set({ awaiting_handler: 1, updated_at: this.nowIso() })
        .where("id", "=", report.id)
        .execute();
      await this.ctx.audit.record(trx, PUBLIC_ACTOR, {
        action: "wbs.attachment.added",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: report.id,
        data: { attachmentId: id, mime: type.mime, metadata: cleaned.handling },
      });
    });
    return { id, filename, metadata: cleaned.handling };
  }

  // ---------------------------------------------------------------------------------------------
  // Handler side

  private async messages(ex: Executor, reportId: string): Promise<WbsMessage[]> {
    const rows = await ex
      .selectFrom("wbs_messages")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("seq")
      .execute();
    return rows.map(decodeMessage);
  }

  private async attachments(ex: Executor, reportId: string): Promise<WbsAttachment[]> {
    const rows = await ex
      .selectFrom("wbs_attachments")
      .select(["id", "filename", "mime", "size_bytes", "metadata", "from_reporter", "created_at"])
      .where("report_id", "=", reportId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(decodeAttachment);
  }

  private async addMessage(
    trx: Executor,
    report: ReportRow,
    m: {
      author: "reporter" | "handler";
      kind: "message" | "note" | "status";
      body: string;
      status?: WbsStatus;
      actor?: Actor;
    },
  ) {
    await lockKey(trx, this.ctx.database.dialect, `wbs.report.${report.id}`);
    const last = await trx
      .selectFrom("wbs_messages")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("report_id", "=", report.id)
      .executeTakeFirst();
    const seq = (codec.intOrNull(last?.seq) ?? 0) + 1;
    await trx
      .insertInto("wbs_messages")
      .values({
        id: newId(),
        report_id: report.id,
        unit_id: report.unitId,
        seq,
        author: m.author,
        kind: m.kind,
        body: m.body,
        status: m.status ?? null,
        author_user_id: m.actor?.userId ?? null,
        author_name: m.actor ? m.actor.name : null,
        created_at: this.nowIso(),
      })
      .execute();
  }

  private async reportFor(
    actor: Actor,
    id: string,
  ): Promise<{ report: ReportRow; unitName: string; originName: string }> {
    const r = await this.db.selectFrom("wbs_reports").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) fail("WBS_REPORT_NOT_FOUND", { id });
    const report = decodeReport(r);
    const unit = (await this.ctx.org.get(report.unitId)) ?? fail("WBS_REPORT_NOT_FOUND", { id });
    assertScope(actor, P.wbsHandle, unit);
    const origin = await this.ctx.org.get(report.originUnitId);
    return { report, unitName: unit.name, originName: origin?.name ?? "" };
  }

  private summary(
    report: ReportRow,
    unitName: string,
    originName: string,
    lastActivityAt: string,
  ): WbsSummary {
    return {
      id: report.id,
      code: report.code,
      unitId: report.unitId,
      unitName,
      originUnitName: originName,
      aboutHead: report.aboutHead,
      category: report.category,
      status: report.status,
      subject: report.subject,
      hasIdentity: report.identityEnc !== null,
      submittedOn: report.submittedOn,
      lastActivityAt,
      awaitingHandler: report.awaitingHandler,
    };
  }

  async list(
    actor: Actor,
    q: { unitId?: string | undefined; status: "open" | "closed" | "all" },
  ): Promise<WbsSummary[]> {
    let roots = scopeRoots(actor, P.wbsHandle);
    if (q.unitId) roots = [(await this.ctx.org.getInScope(actor, q.unitId, P.wbsHandle)).path];
    if (roots.length === 0) return [];
    let query = this.db
      .selectFrom("wbs_reports as w")
      .innerJoin("units as u", "u.id", "w.unit_id")
      .innerJoin("units as o", "o.id", "w.origin_unit_id")
      .selectAll("w")
      .select(["u.name as unit_name", "o.name as origin_name"])
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    if (q.status === "open") query = query.where("w.status", "not like", "closed%");
    if (q.status === "closed") query = query.where("w.status", "like", "closed%");
    const rows = await query.orderBy("w.updated_at", "desc").limit(500).execute();
    // Listing shows who is reported: it is a view too, audited without any reporter data.
    await this.db.transaction().execute((trx) =>
      this.ctx.audit.record(trx, actor, {
        action: "wbs.reports.listed",
        unitId: q.unitId ?? null,
        data: { status: q.status, count: rows.length },
      }),
    );
    return rows.map((r) => {
      const report = decodeReport(r);
      return this.summary(report, codec.text(r.unit_name), codec.text(r.origin_name), report.updatedAt);
    });
  }

  async detail(actor: Actor, id: string): Promise<WbsDetail> {
    const { report, unitName, originName } = await this.reportFor(actor, id);
    await this.db.transaction().execute((trx) =>
      this.ctx.audit.record(trx, actor, {
        action: "wbs.report.viewed",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: report.id,
      }),
    );
    return this.detailOf(report, unitName, originName);
  }

  private async detailOf(report: ReportRow, unitName: string, originName: string): Promise<WbsDetail> {
    return {
      ...this.summary(report, unitName, originName, report.updatedAt),
      when: report.when,
      where: report.where,
      description: report.description,
      messages: await this.messages(this.db, report.id),
      attachments: await this.attachments(this.db, report.id),
      nextStatuses: [...nextStatuses(report.status)],
    };
  }

  async post(actor: Actor, id: string, input: { body: string; internal: boolean }): Promise<WbsDetail> {
    const { report, unitName, originName } = await this.reportFor(actor, id);
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await this.addMessage(trx, report, {
        author: "handler",
        kind: input.internal ? "note" : "message",
        body: input.body,
        actor,
      });
      await trx
        .updateTable("wbs_reports")
        .set(input.internal ? { updated_at: at } : { updated_at: at, awaiting_handler: 0 })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: input.internal ? "wbs.note.added" : "wbs.reply.sent",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: id,
      });
    });
    const fresh = decodeReport(
      await this.db.selectFrom("wbs_reports").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    );
    return this.detailOf(fresh, unitName, originName);
  }

  async setStatus(
    actor: Actor,
    id: string,
    input: { status: WbsStatus; note?: string | undefined },
  ): Promise<WbsDetail> {
    const { report, unitName, originName } = await this.reportFor(actor, id);
    checkTransition(report.status, input.status);
    await this.db.transaction().execute(async (trx) => {
      await this.addMessage(trx, report, {
        author: "handler",
        kind: "status",
        body: input.note ?? "",
        status: input.status,
        actor,
      });
      await trx
        .updateTable("wbs_reports")
        .set({ status: input.status, awaiting_handler: 0, updated_at: this.nowIso() })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "wbs.status.changed",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: id,
        data: { from: report.status, to: input.status },
      });
    });
    const fresh = decodeReport(
      await this.db.selectFrom("wbs_reports").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    );
    return this.detailOf(fresh, unitName, originName);
  }

  /** Decrypt the optional identity on an explicit request; the audit row says who looked, not what. */
  async revealIdentity(actor: Actor, id: string): Promise<{ name: string | null; contact: string | null }> {
    const { report } = await this.reportFor(actor, id);
    await this.db.transaction().execute((trx) =>
      this.ctx.audit.record(trx, actor, {
        action: "wbs.identity.revealed",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: id,
        data: { present: report.identityEnc !== null },
      }),
    );
    if (!report.identityEnc) return { name: null, contact: null };
    return JSON.parse(open(this.key, report.identityEnc, `wbs-identity:${id}`).toString("utf8"));
  }

  async download(actor: Actor, id: string, attachmentId: string) {
    const { report } = await this.reportFor(actor, id);
    const r = await this.db
      .selectFrom("wbs_attachments")
      .selectAll()
      .where("id", "=", attachmentId)
      .where("report_id", "=", id)
      .executeTakeFirst();
    if (!r) fail("WBS_ATTACHMENT_NOT_FOUND", { id: attachmentId });
    await this.db.transaction().execute((trx) =>
      this.ctx.audit.record(trx, actor, {
        action: "wbs.attachment.viewed",
        unitId: report.unitId,
        entityType: "wbs_report",
        entityId: id,
        data: { attachmentId },
      }),
    );
    return {
      meta: decodeAttachment(r),
      bytes: open(this.key, codec.text(r.content_enc), `wbs-attachment:${attachmentId}`),
    };
  }

  /** Yearly figures of a unit's channel (reports handled by the unit), for the LKE. */
  /**
   * The anonymous register (see server/xlsx.ts): the query selects only code, dates, category,
   * status and the handling unit's name — never a column the reporter typed or the sealed identity —
   * plus, from the trail, when the handler first replied and when the case was closed (dates only;
   * message bodies are not read). Exporting is a view of the register, so it is audited (count only).
   */
  async registerRows(
    actor: Actor,
    q: { unitId?: string | undefined; year: number },
  ): Promise<WbsRegisterRow[]> {
    let roots = scopeRoots(actor, P.wbsHandle);
    if (q.unitId) roots = [(await this.ctx.org.getInScope(actor, q.unitId, P.wbsHandle)).path];
    if (roots.length === 0) return [];
    const rows = await this.db
      .selectFrom("wbs_reports as w")
      .innerJoin("units as u", "u.id", "w.unit_id")
      .select([
        "w.id",
        "w.code",
        "w.category",
        "w.status",
        "w.submitted_on",
        "w.updated_at",
        "u.name as unit_name",
      ])
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))))
      .where("w.submitted_on", ">=", `${q.year}-01-01`)
      .where("w.submitted_on", "<=", `${q.year}-12-31`)
      .orderBy("w.submitted_on")
      .orderBy("w.code")
      .execute();
    const ids = rows.map((r) => codec.text(r.id));
    const trail =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom("wbs_messages")
            .select(["report_id", "author", "kind", "status", "created_at"])
            .where("report_id", "in", ids)
            .orderBy("seq")
            .execute();
    const first = new Map<string, string>();
    const closed = new Map<string, string>();
    for (const m of trail) {
      const rid = codec.text(m.report_id);
      const day = jakartaDate(new Date(codec.text(m.created_at)));
      if (codec.text(m.author) === "handler" && codec.text(m.kind) === "message" && !first.has(rid))
        first.set(rid, day);
      const status = codec.textOrNull(m.status);
      if (codec.text(m.kind) === "status" && status) {
        if (status.startsWith("closed_")) closed.set(rid, day);
        else closed.delete(rid); // reopened
      }
    }
    await this.db.transaction().execute((trx) =>
      this.ctx.audit.record(trx, actor, {
        action: "wbs.register.exported",
        unitId: q.unitId ?? null,
        data: { year: q.year, count: rows.length },
      }),
    );
    return rows.map((r) => {
      const rid = codec.text(r.id);
      return {
        code: codec.text(r.code),
        submittedOn: codec.text(r.submitted_on),
        category: codec.text(r.category),
        status: codec.text(r.status),
        handlingUnit: codec.text(r.unit_name),
        firstResponseOn: first.get(rid) ?? null,
        closedOn: codec.text(r.status).startsWith("closed_") ? (closed.get(rid) ?? null) : null,
        lastActivityOn: jakartaDate(new Date(codec.text(r.updated_at))),
      };
    });
  }

  async figures(unitId: string, year: number) {
    const rows = await this.db
      .selectFrom("wbs_reports")
      .select(["status", "about_head", "unit_id", "origin_unit_id"])
      .where((eb) => eb.or([eb("unit_id", "=", unitId), eb("origin_unit_id", "=", unitId)]))
      .where("submitted_on", ">=", `${year}-01-01`)
      .where("submitted_on", "<=", `${year}-12-31`)
      .execute();
    const handled = rows.filter((r) => codec.text(r.unit_id) === unitId);
    const byStatus: Record<string, number> = {};
    for (const r of handled) byStatus[codec.text(r.status)] = (byStatus[codec.text(r.status)] ?? 0) + 1;
    return {
      received: handled.length,
      closed: handled.filter((r) => codec.text(r.status).startsWith("closed_")).length,
      substantiated: byStatus.closed_substantiated ?? 0,
      routedToParent: rows.filter(
        (r) => codec.text(r.origin_unit_id) === unitId && codec.text(r.unit_id) !== unitId,
      ).length,
      byStatus,
    };
  }
}

function sanitize(name: string, ext: string): string {
  const clean = sanitizeFilename(name);
  return /\.[A-Za-z0-9]{1,5}$/.test(clean) ? clean : `${clean}.${ext}`;
}
