/**
 * The service-requests service (ALASCA): catalogue per unit, public submission with uploads, the
 * requester's number + secret and e-mail one-time-code login, the staff workflow with its SLA clock
 * (computed from the event log on the unit's calendar), produced PDFs with a verification code,
 * payment records, the dashboard and the hourly SLA notifications.
 *
 * Every write runs in one transaction with its audit row. Cross-service reads (org, calendar,
 * identity, files) happen before a transaction opens (SQLite has one connection).
 */
import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { type Calendar, formatLocalDate, toLocal } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { matchesSaltedHash, saltedHash, sha256hex as sha256, unusedCode } from "../../../kernel/crypto";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, can, scopeRoots, systemActor } from "../../../kernel/identity/actor";
import { notifyWhatsApp } from "../../../kernel/notify";
import type { Unit } from "../../../kernel/org/units";
import {
  AUCTION_REF_FIELD,
  type Breach,
  commandsFrom,
  type Dashboard,
  FINAL_STATES,
  type InboxItem,
  type InboxQuery,
  type MyRequests,
  maskEmail,
  maskPhone,
  normalizeIdPhone,
  SR_PERMISSIONS as P,
  type PaymentBody,
  type PaymentRecord,
  type PaymentStatus,
  type ProducedDocument,
  type PublicService,
  type PublicUnit,
  RATING_MAX,
  type RequestDetail,
  type RequestDocument,
  type RequestEvent,
  type SatisfactionFigures,
  type ServiceFigures,
  type ServiceType,
  type SlaSnapshot,
  type SrActorCommand,
  type SrEventKind,
  type SrState,
  type Starter,
  type SubmitResponse,
  type TrackingView,
  type TransitionInput,
  type UploadRef,
  type UploadResponse,
  type VerificationView,
  verifyPagePath,
} from "../contract";
import {
  normalizeAuctionRef,
  releaseProblem,
  STARTERS,
  type StarterEntry,
  serviceProblems,
  starterByKey,
  submissionProblems,
} from "../domain/catalogue";
import {
  documentNumber,
  makeDocCode,
  makeNumber,
  makeSecret,
  normalizeDocCode,
  normalizeNumber,
  normalizeSecret,
} from "../domain/codes";
import { completedOnTime, rulesFromHours, type SlaLog, slaSnapshot } from "../domain/sla";
import { FIRST_RESPONSE_COMMANDS, nextState } from "../domain/workflow";
import { documentPdf } from "./pdf";
import {
  maskedAddress,
  OTP_MAX_ATTEMPTS,
  OTP_MAX_PER_15_MIN,
  OTP_TTL_MINUTES,
  ownsRequest,
  REQUESTER_SESSION_DAYS,
  type RequesterAddress,
  type RequesterIdentity,
  requesterSessionView,
  whatsappCodeMessage,
} from "./requester";
import {
  decodeEvent,
  decodeRequest,
  decodeService,
  type EventRow,
  OPEN,
  type RequestRow,
  type ServiceBody,
} from "./rows";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Where the auction payment status comes from. Until an auctions module exists: the treasurer's records here. */
export interface AuctionPaymentSource {
  name: string;
  status(unitId: string, auctionRef: string): Promise<PaymentStatus | null>;
}

const EVENT_OF: Record<SrActorCommand, SrEventKind> = {
  accept: "accepted",
  assign: "assigned",
  request_documents: "documents_requested",
  resume: "resumed",
  upload_documents: "documents_uploaded",
  complete: "completed",
  reject: "rejected",
  cancel: "cancelled",
};

const TEMPLATE_TITLE: Record<ServiceType["template"], { id: string; en: string }> = {
  kutipan_risalah: { id: "Kutipan Risalah Lelang", en: "Extract of the Auction Minutes" },
  kuitansi_pelunasan: { id: "Kuitansi Pelunasan Lelang", en: "Auction Payment Receipt" },
  formulir_bphtb: { id: "Surat Keterangan Data BPHTB", en: "BPHTB Data Statement" },
  validasi_ssp: { id: "Keterangan Validasi SSP", en: "SSP Validation Statement" },
  generic: { id: "Surat Keterangan Layanan", en: "Service Statement" },
};

async function* limited(stream: Readable, max: number) {
  let n = 0;
  for await (const chunk of stream) {
    n += (chunk as Buffer).length;
    if (n > max) fail("FILES_TOO_LARGE", { limitMb: max / 1024 / 1024, limitBytes: max });
    yield chunk;
  }
}

export class ServiceRequestService {
  private readonly db: Kysely<any>;
  private paymentSource: AuctionPaymentSource;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
    this.paymentSource = { name: "staff", status: (u, r) => this.recordedPayment(u, r) };
  }

  /** An auctions module plugs its payment status in here (see server/index.ts setAuctionPaymentSource). */
  usePaymentSource(source: AuctionPaymentSource) {
    this.paymentSource = source;
  }

  private now(): Date {
    return this.ctx.clock.now();
  }
  private lock(trx: Executor, id: string) {
    return lockKey(trx, this.ctx.database.dialect, `sr.request.${id}`);
  }

  private async unitOf(id: string): Promise<Unit> {
    return (await this.ctx.org.get(id)) ?? fail("ORG_UNIT_NOT_FOUND", { id });
  }

  /** The unit, if the actor holds `permission` over it; a refusal is audited, then thrown. */
  private async unitInScope(
    actor: Actor,
    permission: string,
    unitId: string,
    entity?: { type: string; id: string },
  ) {
    const unit = await this.unitOf(unitId);
    try {
      assertScope(actor, permission, unit);
    } catch (e) {
      await this.db.transaction().execute((trx) =>
        this.ctx.audit.record(trx, actor, {
          action: "requests.access.refused",
          unitId: unit.id,
          entityType: entity?.type ?? "unit",
          entityId: entity?.id ?? unit.id,
          data: { permission, code: e instanceof DomainError ? e.code : "FORBIDDEN" },
        }),
      );
      throw e;
    }
    return unit;
  }

  // ---------------------------------------------------------------------------------------------
  // Catalogue

  private async serviceRow(id: string, ex: Executor = this.db): Promise<ServiceType> {
    const r = await ex.selectFrom("sr_services").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) fail("SR_SERVICE_NOT_FOUND", { code: id });
    const n = await ex
      .selectFrom("sr_requests")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("service_id", "=", id)
      .executeTakeFirst();
    return decodeService(r, Number(n?.n ?? 0));
  }

  async listServices(actor: Actor, unitId: string): Promise<ServiceType[]> {
    await this.unitInScope(actor, P.read, unitId);
    return this.servicesOf(unitId);
  }

  async servicesOf(unitId: string, onlyActive = false): Promise<ServiceType[]> {
    let q = this.db.selectFrom("sr_services").selectAll().where("unit_id", "=", unitId).orderBy("code");
    if (onlyActive) q = q.where("active", "=", 1);
    const rows = await q.execute();
    const counts = await this.db
      .selectFrom("sr_requests")
      .select(["service_id", (eb) => eb.fn.countAll().as("n")])
      .where("unit_id", "=", unitId)
      .groupBy("service_id")
      .execute();
    const byId = new Map(counts.map((c) => [codec.text(c.service_id), Number(c.n)]));
    return rows.map((r) => decodeService(r, byId.get(codec.text(r.id)) ?? 0));
  }

  async getService(actor: Actor, id: string): Promise<ServiceType> {
    const s = await this.serviceRow(id);
    await this.unitInScope(actor, P.read, s.unitId, { type: "service", id });
    return s;
  }

  private checkService(body: ServiceBody) {
    const p = serviceProblems(body);
    if (p.length) throw new DomainError(p[0]!.code, p[0]!.params);
  }

  async createService(
    actor: Actor,
    input: Omit<ServiceType, "id" | "version" | "updatedAt" | "requestCount" | "starterKey"> & {
      starterKey?: string | null;
    },
  ): Promise<ServiceType> {
    const unit = await this.unitInScope(actor, P.configure, input.unitId);
    const body: ServiceBody = {
      description: input.description,
      requirements: input.requirements,
      fields: input.fields,
      sla: input.sla,
      handler: input.handler,
      template: input.template,
      releaseRule: input.releaseRule,
    };
    this.checkService(body);
    const id = newId();
    const now = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("sr_services")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (taken) fail("SR_SERVICE_CODE_TAKEN", { code: input.code });
      await trx
        .insertInto("sr_services")
        .values({
          id,
          unit_id: unit.id,
          code: input.code,
          starter_key: input.starterKey ?? null,
          name_id: input.name.id,
          name_en: input.name.en,
          body: enc.json(body),
          active: enc.bool(input.active),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "requests.service.created",
        unitId: unit.id,
        entityType: "service",
        entityId: id,
        data: { code: input.code, starterKey: input.starterKey ?? null, sla: input.sla },
      });
    });
    return this.serviceRow(id);
  }

  async updateService(
    actor: Actor,
    id: string,
    input: Omit<ServiceType, "id" | "unitId" | "version" | "updatedAt" | "requestCount" | "starterKey"> & {
      version: number;
    },
  ): Promise<ServiceType> {
    const before = await this.serviceRow(id);
    await this.unitInScope(actor, P.configure, before.unitId, { type: "service", id });
    const body: ServiceBody = {
      description: input.description,
      requirements: input.requirements,
      fields: input.fields,
      sla: input.sla,
      handler: input.handler,
      template: input.template,
      releaseRule: input.releaseRule,
    };
    this.checkService(body);
    const now = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const cur = await this.serviceRow(id, trx);
      if (cur.version !== input.version) fail("SR_VERSION_CONFLICT", { current: cur.version });
      if (input.code !== cur.code) {
        const taken = await trx
          .selectFrom("sr_services")
          .select("id")
          .where("unit_id", "=", cur.unitId)
          .where("code", "=", input.code)
          .executeTakeFirst();
        if (taken) fail("SR_SERVICE_CODE_TAKEN", { code: input.code });
      }
      await trx
        .updateTable("sr_services")
        .set({
          code: input.code,
          name_id: input.name.id,
          name_en: input.name.en,
          body: enc.json(body),
          active: enc.bool(input.active),
          version: cur.version + 1,
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "requests.service.updated",
        unitId: cur.unitId,
        entityType: "service",
        entityId: id,
        data: { code: input.code, active: input.active, sla: input.sla, previousSla: cur.sla },
      });
    });
    return this.serviceRow(id);
  }

  async deleteService(actor: Actor, id: string): Promise<void> {
    const before = await this.serviceRow(id);
    await this.unitInScope(actor, P.configure, before.unitId, { type: "service", id });
    await this.db.transaction().execute(async (trx) => {
      const cur = await this.serviceRow(id, trx);
      if (cur.requestCount > 0) fail("SR_SERVICE_IN_USE", { count: cur.requestCount });
      await trx.deleteFrom("sr_services").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "requests.service.deleted",
        unitId: cur.unitId,
        entityType: "service",
        entityId: id,
        data: { code: cur.code },
      });
    });
  }

  async starters(actor: Actor, unitId: string): Promise<Starter[]> {
    await this.unitInScope(actor, P.read, unitId);
    const have = await this.servicesOf(unitId);
    return STARTERS.map((s) => ({
      ...s,
      alreadyAdded: have.some((h) => h.starterKey === s.key || h.code === s.code),
    }));
  }

  /** Adds starting entries to a unit (skipping those already there); returns the unit's catalogue. */
  async addStarters(actor: Actor, unitId: string, keys: string[]): Promise<ServiceType[]> {
    await this.unitInScope(actor, P.configure, unitId);
    const entries: StarterEntry[] = keys.map(
      (k) => starterByKey(k) ?? fail("SR_STARTER_UNKNOWN", { key: k }),
    );
    const have = await this.servicesOf(unitId);
    for (const s of entries) {
      if (have.some((h) => h.starterKey === s.key || h.code === s.code)) continue;
      const { key, ...rest } = s;
      await this.createService(actor, { ...rest, unitId, active: true, starterKey: key });
    }
    return this.servicesOf(unitId);
  }

  // ---------------------------------------------------------------------------------------------
  // Payments

  private decodePayment(r: Record<string, unknown>): PaymentRecord {
    return {
      id: codec.text(r.id),
      unitId: codec.text(r.unit_id),
      auctionRef: codec.text(r.auction_ref),
      buyerName: codec.text(r.buyer_name),
      objectDescription: codec.text(r.object_description),
      amount: codec.int(r.amount),
      paidInFull: codec.bool(r.paid_in_full),
      paidAt: codec.textOrNull(r.paid_at),
      landOrBuilding: codec.bool(r.land_or_building),
      source: "staff",
      recordedBy: codec.text(r.recorded_by),
      recordedAt: codec.instant(r.recorded_at),
    };
  }

  async recordedPayment(unitId: string, auctionRef: string): Promise<PaymentStatus | null> {
    const r = await this.db
      .selectFrom("sr_payments")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("auction_ref", "=", normalizeAuctionRef(auctionRef))
      .executeTakeFirst();
    if (!r) return null;
    const p = this.decodePayment(r);
    return {
      auctionRef: p.auctionRef,
      paidInFull: p.paidInFull,
      paidAt: p.paidAt,
      amount: p.amount,
      landOrBuilding: p.landOrBuilding,
      source: "staff",
    };
  }

  paymentStatus(unitId: string, auctionRef: string): Promise<PaymentStatus | null> {
    if (!auctionRef.trim()) return Promise.resolve(null);
    return this.paymentSource.status(unitId, normalizeAuctionRef(auctionRef));
  }

  async listPayments(actor: Actor, unitId: string): Promise<PaymentRecord[]> {
    if (!can(actor, P.payment, (await this.unitOf(unitId)).path))
      await this.unitInScope(actor, P.read, unitId);
    const rows = await this.db
      .selectFrom("sr_payments")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("recorded_at", "desc")
      .execute();
    return rows.map((r) => this.decodePayment(r));
  }

  /** The receiving treasurer records (or corrects) an auction's payment status. */
  async recordPayment(
    actor: Actor,
    body: Required<PaymentBody>,
    opts: { at?: Date } = {},
  ): Promise<PaymentRecord> {
    const unit = await this.unitInScope(actor, P.payment, body.unitId);
    const ref = normalizeAuctionRef(body.auctionRef);
    const now = (opts.at ?? this.now()).toISOString();
    let id = newId();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("sr_payments")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("auction_ref", "=", ref)
        .executeTakeFirst();
      const values = {
        buyer_name: body.buyerName,
        object_description: body.objectDescription,
        amount: body.amount,
        paid_in_full: enc.bool(body.paidInFull),
        paid_at: body.paidAt,
        land_or_building: enc.bool(body.landOrBuilding),
        recorded_by: actor.name,
        recorded_at: now,
      };
      if (existing) {
        id = codec.text(existing.id);
        await trx.updateTable("sr_payments").set(values).where("id", "=", id).execute();
      } else
        await trx
          .insertInto("sr_payments")
          .values({ id, unit_id: unit.id, auction_ref: ref, ...values })
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: existing ? "requests.payment.updated" : "requests.payment.recorded",
        unitId: unit.id,
        entityType: "auction_payment",
        entityId: id,
        data: {
          auctionRef: ref,
          amount: body.amount,
          paidInFull: body.paidInFull,
          landOrBuilding: body.landOrBuilding,
        },
      });
    });
    const r = await this.db
      .selectFrom("sr_payments")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return this.decodePayment(r);
  }

  // ---------------------------------------------------------------------------------------------
  // SLA

  private async events(requestIds: string[], ex: Executor = this.db): Promise<Map<string, EventRow[]>> {
    const out = new Map<string, EventRow[]>();
    for (let i = 0; i < requestIds.length; i += 500) {
      const chunk = requestIds.slice(i, i + 500);
      if (!chunk.length) continue;
      const rows = await ex
        .selectFrom("sr_events")
        .selectAll()
        .where("request_id", "in", chunk)
        .orderBy("request_id")
        .orderBy("seq")
        .execute();
      for (const r of rows) {
        const e = decodeEvent(r);
        out.set(e.requestId, [...(out.get(e.requestId) ?? []), e]);
      }
    }
    return out;
  }

  slaLog(r: RequestRow, events: EventRow[]): SlaLog {
    return {
      submittedAt: r.submittedAt,
      transitions: events
        .filter((e) => e.toState && e.fromState && e.toState !== e.fromState)
        .map((e) => ({ at: e.at, to: e.toState! })),
      firstResponseAt: r.firstResponseAt,
    };
  }

  snapshot(cal: Calendar, r: RequestRow, events: EventRow[], now: Date = this.now()): SlaSnapshot {
    return slaSnapshot(cal, this.slaLog(r, events), rulesFromHours(r.service.sla), now.toISOString());
  }

  private async calendars(unitIds: string[]): Promise<Map<string, Calendar>> {
    const out = new Map<string, Calendar>();
    for (const id of new Set(unitIds)) out.set(id, await this.ctx.calendar.calendarFor(id));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Public side

  private publicService(s: ServiceType): PublicService {
    return {
      code: s.code,
      name: s.name,
      description: s.description,
      requirements: s.requirements,
      fields: s.fields,
      sla: s.sla,
      releaseRule: s.releaseRule,
    };
  }

  async publicUnit(code: string): Promise<PublicUnit> {
    const unit = (await this.ctx.org.byCode(code)) ?? fail("SR_UNIT_NOT_FOUND", { code });
    const services = await this.servicesOf(unit.id, true);
    const cal = await this.ctx.calendar.calendarFor(unit.id);
    const hours: PublicUnit["hours"] = {};
    for (const [d, list] of Object.entries(cal.config.week))
      if (list?.length) hours[d] = list.map((i) => ({ ...i }));
    return {
      code: unit.code,
      name: unit.name,
      services: services.map((s) => this.publicService(s)),
      maxUploadBytes: MAX_UPLOAD_BYTES,
      hours,
    };
  }

  /** A public upload (before or while a request exists): stored and sniffed by the kernel file store. */
  async publicUpload(unitCode: string, filename: string, stream: Readable): Promise<UploadResponse> {
    const unit = (await this.ctx.org.byCode(unitCode)) ?? fail("SR_UNIT_NOT_FOUND", { code: unitCode });
    const file = await this.ctx.files.upload(systemActor("requests.public"), {
      unitId: unit.id,
      unitPath: unit.path,
      filename,
      stream: Readable.from(limited(stream, MAX_UPLOAD_BYTES)),
    });
    const id = newId();
    const token = randomBytes(18).toString("base64url");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("sr_uploads")
        .values({
          id,
          unit_id: unit.id,
          file_id: file.id,
          token_hash: sha256(token),
          request_id: null,
          created_at: this.now().toISOString(),
        })
        .execute();
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.upload.received",
        unitId: unit.id,
        entityType: "file",
        entityId: file.id,
        data: { mime: file.mime, size: file.sizeBytes },
      });
    });
    return { uploadId: id, token, name: file.originalName, mime: file.mime, sizeBytes: file.sizeBytes };
  }

  /** Uploads referenced by a submission: each must exist, be unused, belong to the unit and match its token. */
  private async resolveUploads(unitId: string, refs: UploadRef[]) {
    const out: Array<{ uploadId: string; fileId: string; requirementKey: string; mime: string }> = [];
    for (const ref of refs) {
      const u = await this.db
        .selectFrom("sr_uploads")
        .selectAll()
        .where("id", "=", ref.uploadId)
        .executeTakeFirst();
      const ok =
        u &&
        codec.text(u.unit_id) === unitId &&
        u.request_id == null &&
        timingSafeEqual(Buffer.from(codec.text(u.token_hash), "hex"), Buffer.from(sha256(ref.token), "hex"));
      if (!ok || out.some((o) => o.uploadId === ref.uploadId))
        fail("SR_UPLOAD_INVALID", { uploadId: ref.uploadId });
      const file =
        (await this.ctx.files.get(codec.text(u.file_id))) ??
        fail("SR_UPLOAD_INVALID", { uploadId: ref.uploadId });
      out.push({
        uploadId: ref.uploadId,
        fileId: file.id,
        requirementKey: ref.requirementKey,
        mime: file.mime,
      });
    }
    return out;
  }

  async submit(
    input: {
      unitCode: string;
      serviceCode: string;
      fields: Record<string, string>;
      documents: UploadRef[];
      requester: { name: string; email: string; phone: string | null };
      lang: "id" | "en";
    },
    opts: { at?: Date; number?: string; secret?: string } = {},
  ): Promise<SubmitResponse & { id: string }> {
    const unit =
      (await this.ctx.org.byCode(input.unitCode)) ?? fail("SR_UNIT_NOT_FOUND", { code: input.unitCode });
    const service = (await this.servicesOf(unit.id, true)).find(
      (s) => s.code === input.serviceCode.toUpperCase(),
    );
    if (!service) fail("SR_SERVICE_NOT_FOUND", { code: input.serviceCode });
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.fields)) if (v.trim()) fields[k] = v.trim();
    const uploads = await this.resolveUploads(unit.id, input.documents);
    const problems = submissionProblems(service, fields, uploads);
    if (problems.length) throw new DomainError(problems[0]!.code, problems[0]!.params);
    const payment = await this.paymentStatus(unit.id, fields[AUCTION_REF_FIELD] ?? "");
    const release = releaseProblem(
      service.releaseRule,
      payment,
      fields,
      uploads.map((u) => u.requirementKey),
    );
    if (release) throw new DomainError(release.code, release.params);
    const cal = await this.ctx.calendar.calendarFor(unit.id);

    const at = (opts.at ?? this.now()).toISOString();
    const secret = opts.secret ?? makeSecret(randomBytes(16));
    const stored = saltedHash(secret);
    const id = newId();
    let number = opts.number ?? makeNumber(randomBytes(8));
    const { requestCount: _n, ...snapshot } = service;
    await this.db.transaction().execute(async (trx) => {
      number = await unusedCode(
        number,
        () => makeNumber(randomBytes(8)),
        async (n) =>
          !!(await trx.selectFrom("sr_requests").select("id").where("number", "=", n).executeTakeFirst()),
      );
      await trx
        .insertInto("sr_requests")
        .values({
          id,
          unit_id: unit.id,
          service_id: service.id,
          number,
          secret_salt: stored.salt,
          secret_hash: stored.hash,
          state: "submitted",
          fields: enc.json(fields),
          service_snapshot: enc.json({ ...snapshot, requestCount: 0 }),
          requester_name: input.requester.name,
          requester_email: input.requester.email,
          requester_phone: input.requester.phone,
          requester_phone_e164: normalizeIdPhone(input.requester.phone),
          lang: input.lang,
          assignee_id: service.handler.userId,
          assignee_name: null,
          first_response_at: null,
          submitted_at: at,
          submitted_date: localDateOf(cal, at),
          finished_at: null,
          reject_reason: null,
          docs_requested: null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const u of uploads) {
        // an upload is claimed once: the conditional update fails for a concurrent second use
        const res = await trx
          .updateTable("sr_uploads")
          .set({ request_id: id })
          .where("id", "=", u.uploadId)
          .where("request_id", "is", null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) fail("SR_UPLOAD_INVALID", { uploadId: u.uploadId });
        await trx
          .insertInto("sr_documents")
          .values({
            request_id: id,
            file_id: u.fileId,
            unit_id: unit.id,
            requirement_key: u.requirementKey,
            source: "requester",
            added_at: at,
          })
          .execute();
      }
      const eventId = await this.insertEvent(
        trx,
        { id, unitId: unit.id },
        null,
        {
          kind: "submitted",
          to: "submitted",
          visibility: "public",
          data: { documents: uploads.length },
        },
        at,
      );
      await this.notifyRequester(
        trx,
        {
          id,
          number,
          lang: input.lang,
          requesterEmail: input.requester.email,
          unitName: unit.name,
          serviceName: service.name,
        },
        eventId,
        "submitted",
      );
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.submitted",
        unitId: unit.id,
        entityType: "service_request",
        entityId: id,
        data: { number, service: service.code, documents: uploads.length },
      });
    });
    const s = slaSnapshot(
      cal,
      { submittedAt: at, transitions: [], firstResponseAt: null },
      rulesFromHours(service.sla),
      at,
    );
    return {
      id,
      number,
      secret,
      submittedAt: at,
      firstResponseDueAt: s.firstResponseDueAt,
      dueAt: s.dueAt ?? at,
    };
  }

  private async insertEvent(
    trx: Executor,
    r: { id: string; unitId: string },
    actor: Actor | null,
    e: {
      kind: SrEventKind;
      from?: SrState | null;
      to?: SrState | null;
      visibility: "public" | "internal";
      body?: string | null;
      data?: Record<string, unknown>;
    },
    at: string,
  ): Promise<string> {
    const id = newId();
    const last = await trx
      .selectFrom("sr_events")
      .select((eb) => eb.fn.max("seq").as("m"))
      .where("request_id", "=", r.id)
      .executeTakeFirst();
    await trx
      .insertInto("sr_events")
      .values({
        id,
        request_id: r.id,
        unit_id: r.unitId,
        seq: Number(last?.m ?? 0) + 1,
        kind: e.kind,
        from_state: e.from ?? null,
        to_state: e.to ?? null,
        actor_id: actor?.userId ?? null,
        actor_name: actor ? actor.name : null,
        visibility: e.visibility,
        body: e.body ?? null,
        data: enc.json(e.data ?? {}),
        at,
      })
      .execute();
    return id;
  }

  /** An e-mail to the requester about a change (no secret, no personal data beyond the number). */
  private async notifyRequester(
    trx: Executor,
    r: {
      id: string;
      number: string;
      lang: "id" | "en";
      requesterEmail: string;
      unitName: string;
      serviceName: { id: string; en: string };
    },
    eventId: string,
    kind: SrEventKind,
  ) {
    const id = {
      submitted: "telah diterima",
      accepted: "sedang diproses",
      documents_requested: "memerlukan dokumen tambahan dari Anda (waktu layanan dijeda)",
      resumed: "diproses kembali",
      documents_uploaded: "diproses kembali setelah dokumen Anda diterima",
      completed: "telah selesai; dokumen dapat diunduh di halaman lacak",
      rejected: "ditolak; alasannya dapat dibaca di halaman lacak",
      cancelled: "dibatalkan",
    } as Partial<Record<SrEventKind, string>>;
    const en = {
      submitted: "has been received",
      accepted: "is being processed",
      documents_requested: "needs more documents from you (the service clock is paused)",
      resumed: "is being processed again",
      documents_uploaded: "is being processed again now that your documents arrived",
      completed: "is completed; download the document on the tracking page",
      rejected: "was rejected; read the reason on the tracking page",
      cancelled: "was cancelled",
    } as Partial<Record<SrEventKind, string>>;
    const what = r.lang === "en" ? en[kind] : id[kind];
    if (!what) return;
    const url = `${this.ctx.config.publicUrl}/lacak-layanan?nomor=${encodeURIComponent(r.number)}`;
    await this.ctx.outbox.enqueue(trx, {
      type: "email",
      dedupeKey: `sr:${r.id}:ev:${eventId}`,
      payload: {
        to: r.requesterEmail,
        subject: r.lang === "en" ? `Request ${r.number}: ${what}` : `Permohonan ${r.number}: ${what}`,
        text:
          r.lang === "en"
            ? `${r.unitName}: your request ${r.number} (${r.serviceName.en}) ${what}.\nTrack it: ${url}\nYour secret is not sent by e-mail; you can also sign in with a one-time code sent to this address.`
            : `${r.unitName}: permohonan ${r.number} (${r.serviceName.id}) ${what}.\nLacak: ${url}\nKode rahasia tidak dikirim lewat e-mail; Anda juga dapat masuk dengan kode sekali pakai yang dikirim ke alamat ini.`,
      },
    });
  }

  /**
   * The request behind a number, and whether the caller proved ownership (secret or requester
   * session). An unknown number and a wrong secret give the same 404 after the same work.
   */
  async authenticate(
    rawNumber: string,
    rawSecret: string | undefined,
    requester: RequesterIdentity | null,
  ): Promise<{ r: RequestRow; owner: boolean }> {
    const number = normalizeNumber(rawNumber);
    const row = number
      ? await this.db.selectFrom("sr_requests").selectAll().where("number", "=", number).executeTakeFirst()
      : undefined;
    const r = row ? decodeRequest(row) : null;
    let owner = false;
    if (rawSecret) {
      const secret = normalizeSecret(rawSecret) ?? rawSecret;
      const ok = matchesSaltedHash(r && { salt: r.secretSalt, hash: r.secretHash }, secret);
      if (!r || !ok) throw new DomainError("SR_TRACK_NOT_FOUND");
      owner = true;
    } else {
      // same hash work as the secret path, so timing does not tell a number exists
      matchesSaltedHash(null, "");
      if (!r) throw new DomainError("SR_TRACK_NOT_FOUND");
      owner = ownsRequest(requester, r);
    }
    return { r, owner };
  }

  private async ownerOnly(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
  ): Promise<RequestRow> {
    const { r, owner } = await this.authenticate(number, secret, requester);
    if (!owner) throw new DomainError("SR_TRACK_NOT_FOUND");
    return r;
  }

  private async documentsOf(requestId: string): Promise<RequestDocument[]> {
    const rows = await this.db
      .selectFrom("sr_documents as d")
      .innerJoin("files as f", "f.id", "d.file_id")
      .select([
        "d.file_id",
        "d.requirement_key",
        "d.source",
        "d.added_at",
        "f.original_name",
        "f.mime",
        "f.size_bytes",
      ])
      .where("d.request_id", "=", requestId)
      .orderBy("d.added_at")
      .execute();
    return rows.map((r) => ({
      fileId: codec.text(r.file_id),
      requirementKey: codec.textOrNull(r.requirement_key),
      name: codec.text(r.original_name),
      mime: codec.text(r.mime),
      sizeBytes: codec.int(r.size_bytes),
      source: codec.text(r.source) as RequestDocument["source"],
      at: codec.instant(r.added_at),
    }));
  }

  private async producedOf(requestId: string): Promise<ProducedDocument | null> {
    const r = await this.db
      .selectFrom("sr_produced")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("issued_at", "desc")
      .executeTakeFirst();
    if (!r) return null;
    const docCode = codec.text(r.doc_code);
    return {
      docCode,
      number: codec.text(r.number),
      title: codec.json(r.title),
      issuedAt: codec.instant(r.issued_at),
      fileId: codec.text(r.file_id),
      sha256: codec.text(r.sha256),
      verifyUrl: `${this.ctx.config.publicUrl}${verifyPagePath(docCode)}`,
    };
  }

  async track(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
  ): Promise<TrackingView> {
    const { r, owner } = await this.authenticate(number, secret, requester);
    return this.trackingView(r, owner);
  }

  private async trackingView(r: RequestRow, owner: boolean): Promise<TrackingView> {
    const unit = await this.unitOf(r.unitId);
    const cal = await this.ctx.calendar.calendarFor(r.unitId);
    const events = (await this.events([r.id])).get(r.id) ?? [];
    const sla = this.snapshot(cal, r, events);
    const history = events
      .filter((e) => e.visibility === "public")
      .map((e) => ({ kind: e.kind, at: e.at, toState: e.toState, body: owner ? e.body : null }));
    return {
      number: r.number,
      unitCode: unit.code,
      unitName: unit.name,
      maxUploadBytes: MAX_UPLOAD_BYTES,
      serviceCode: r.service.code,
      serviceName: r.service.name,
      state: r.state,
      submittedAt: r.submittedAt,
      sla,
      history,
      detailed: owner,
      details: owner
        ? {
            requesterName: r.requesterName,
            fields: r.fields,
            service: this.publicService(r.service),
            documents: await this.documentsOf(r.id),
            documentsRequested: r.state === "waiting_requester" ? r.docsRequested : null,
            produced: await this.producedOf(r.id),
            rejectReason: r.rejectReason,
            canUpload: r.state === "waiting_requester",
            canCancel: OPEN.includes(r.state),
            canRate: r.state === "completed" && r.rating == null,
            rating: r.rating != null ? { score: r.rating, comment: r.ratingComment } : null,
          }
        : null,
    };
  }

  /** The requester answers a request for documents: the uploads are attached and the clock resumes. */
  async publicUploadDocuments(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
    refs: UploadRef[],
    message: string | null,
  ): Promise<TrackingView> {
    const r = await this.ownerOnly(number, secret, requester);
    const check = nextState(r.state, "upload_documents");
    if (!check.ok) throw new DomainError(check.code, check.params);
    const uploads = await this.resolveUploads(r.unitId, refs);
    for (const u of uploads) {
      const p = submissionProblems({ fields: [], requirements: r.service.requirements }, {}, [u]).find(
        (x) => x.code === "SR_DOCUMENT_TYPE" || x.code === "SR_DOCUMENT_UNKNOWN",
      );
      if (p) throw new DomainError(p.code, p.params);
    }
    const unit = await this.unitOf(r.unitId);
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, r.id);
      const cur = decodeRequest(
        await trx.selectFrom("sr_requests").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow(),
      );
      const again = nextState(cur.state, "upload_documents");
      if (!again.ok) throw new DomainError(again.code, again.params);
      for (const u of uploads) {
        const res = await trx
          .updateTable("sr_uploads")
          .set({ request_id: r.id })
          .where("id", "=", u.uploadId)
          .where("request_id", "is", null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) fail("SR_UPLOAD_INVALID", { uploadId: u.uploadId });
        await trx
          .insertInto("sr_documents")
          .values({
            request_id: r.id,
            file_id: u.fileId,
            unit_id: r.unitId,
            requirement_key: u.requirementKey,
            source: "requester",
            added_at: at,
          })
          .execute();
      }
      await trx
        .updateTable("sr_requests")
        .set({ state: again.to, docs_requested: null, version: cur.version + 1, updated_at: at })
        .where("id", "=", r.id)
        .execute();
      const eventId = await this.insertEvent(
        trx,
        cur,
        null,
        {
          kind: "documents_uploaded",
          from: cur.state,
          to: again.to,
          visibility: "public",
          body: message,
          data: { files: uploads.length, keys: uploads.map((u) => u.requirementKey) },
        },
        at,
      );
      await this.notifyRequester(
        trx,
        { ...cur, unitName: unit.name, serviceName: cur.service.name },
        eventId,
        "documents_uploaded",
      );
      await this.notifyHandlersOfUpload(trx, cur, unit);
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.documents_uploaded",
        unitId: r.unitId,
        entityType: "service_request",
        entityId: r.id,
        data: { from: cur.state, to: again.to, files: uploads.length },
      });
    });
    return this.track(number, secret, requester);
  }

  private async notifyHandlersOfUpload(trx: Executor, r: RequestRow, unit: Unit) {
    if (!r.assigneeId) return;
    const u = await trx
      .selectFrom("users")
      .select(["email"])
      .where("id", "=", r.assigneeId)
      .executeTakeFirst();
    if (!u?.email) return;
    await this.ctx.outbox.enqueue(trx, {
      type: "email",
      dedupeKey: `sr:${r.id}:uploaded:${r.version + 1}`,
      payload: {
        to: codec.text(u.email),
        subject: `Dokumen tambahan masuk: ${r.number}`,
        text: `${unit.name}: pemohon ${r.number} (${r.service.name.id}) telah mengunggah dokumen yang diminta. Jam layanan berjalan kembali.`,
      },
    });
  }

  async publicCancel(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
    reason: string | null,
  ): Promise<TrackingView> {
    const r = await this.ownerOnly(number, secret, requester);
    const unit = await this.unitOf(r.unitId);
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, r.id);
      const cur = decodeRequest(
        await trx.selectFrom("sr_requests").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow(),
      );
      const t = nextState(cur.state, "cancel");
      if (!t.ok) throw new DomainError(t.code, t.params);
      await trx
        .updateTable("sr_requests")
        .set({ state: t.to, finished_at: at, version: cur.version + 1, updated_at: at })
        .where("id", "=", r.id)
        .execute();
      const eventId = await this.insertEvent(
        trx,
        cur,
        null,
        { kind: "cancelled", from: cur.state, to: t.to, visibility: "public", body: reason },
        at,
      );
      await this.notifyRequester(
        trx,
        { ...cur, unitName: unit.name, serviceName: cur.service.name },
        eventId,
        "cancelled",
      );
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.cancelled",
        unitId: r.unitId,
        entityType: "service_request",
        entityId: r.id,
        data: { from: cur.state },
      });
    });
    return this.track(number, secret, requester);
  }

  async publicRate(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
    score: number,
    comment: string | null,
    opts: { at?: Date } = {},
  ): Promise<TrackingView> {
    const r = await this.ownerOnly(number, secret, requester);
    const at = (opts.at ?? this.now()).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, r.id);
      const cur = decodeRequest(
        await trx.selectFrom("sr_requests").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow(),
      );
      if (cur.state !== "completed" || cur.rating != null) fail("SR_RATING_NOT_ALLOWED");
      await trx
        .updateTable("sr_requests")
        .set({
          rating: score,
          rating_comment: comment,
          rated_at: at,
          version: cur.version + 1,
          updated_at: at,
        })
        .where("id", "=", r.id)
        .execute();
      await this.insertEvent(
        trx,
        cur,
        null,
        { kind: "rated", visibility: "internal", body: comment, data: { score } },
        at,
      );
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.rated",
        unitId: r.unitId,
        entityType: "service_request",
        entityId: r.id,
        data: { score },
      });
    });
    return this.track(number, secret, requester);
  }

  /** A file of the request, for its requester (secret or session): their uploads and the produced document. */
  async publicDownload(
    number: string,
    secret: string | undefined,
    requester: RequesterIdentity | null,
    fileId: string,
  ) {
    const r = await this.ownerOnly(number, secret, requester);
    return this.openRequestFile(r, fileId);
  }

  private async openRequestFile(r: RequestRow, fileId: string) {
    const d = await this.db
      .selectFrom("sr_documents")
      .select("file_id")
      .where("request_id", "=", r.id)
      .where("file_id", "=", fileId)
      .executeTakeFirst();
    if (!d) fail("SR_FILE_NOT_FOUND");
    const unit = await this.unitOf(r.unitId);
    return this.ctx.files.openForDownload(systemActor("requests"), fileId, unit.path);
  }

  // ---------------------------------------------------------------------------------------------
  // Requester login (e-mail one-time code)

  /**
   * Sends a 6-digit code to an e-mail address, or to a phone over WhatsApp. Sent whether or not the
   * address has requests: the answer never tells who is a requester.
   */
  async otpStart(
    address: RequesterAddress | string,
    lang: "id" | "en",
  ): Promise<{ expiresInSeconds: number }> {
    const a: RequesterAddress = typeof address === "string" ? { email: address } : address;
    const now = this.now();
    const since = new Date(now.getTime() - 15 * 60_000).toISOString();
    let q = this.db
      .selectFrom("sr_otps")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("created_at", ">", since);
    q = a.phone !== undefined ? q.where("phone", "=", a.phone) : q.where("email", "=", a.email);
    const recent = await q.executeTakeFirst();
    if (Number(recent?.n ?? 0) >= OTP_MAX_PER_15_MIN) fail("SR_OTP_TOO_MANY", { minutes: 15 });
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const stored = saltedHash(code);
    const id = newId();
    const expires = new Date(now.getTime() + OTP_TTL_MINUTES * 60_000).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("sr_otps")
        .values({
          id,
          unit_id: null,
          // a phone code has no e-mail (the column predates phone sign-in and is NOT NULL)
          email: a.email ?? "",
          phone: a.phone ?? null,
          salt: stored.salt,
          code_hash: stored.hash,
          attempts: 0,
          expires_at: expires,
          used_at: null,
          created_at: now.toISOString(),
        })
        .execute();
      if (a.phone !== undefined) {
        await notifyWhatsApp(this.ctx.outbox, trx, {
          dedupeKey: `sr:otp:${id}`,
          ...whatsappCodeMessage(a.phone, code, lang),
        });
      } else {
        await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: `sr:otp:${id}`,
          payload: {
            to: a.email,
            subject: lang === "en" ? `Your sign-in code: ${code}` : `Kode masuk Anda: ${code}`,
            text:
              lang === "en"
                ? `Your one-time code for the service requests page is ${code}. It expires in ${OTP_TTL_MINUTES} minutes. If you did not ask for it, ignore this e-mail.`
                : `Kode sekali pakai untuk halaman permohonan layanan: ${code}. Berlaku ${OTP_TTL_MINUTES} menit. Abaikan e-mail ini bila Anda tidak memintanya.`,
          },
        });
      }
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.requester.otp_sent",
        unitId: null,
        entityType: "requester_otp",
        entityId: id,
        data: maskedAddress(a),
      });
    });
    return { expiresInSeconds: OTP_TTL_MINUTES * 60 };
  }

  /** Checks the code; on success a requester session (token returned once, stored hashed). */
  async otpVerify(
    address: RequesterAddress | string,
    code: string,
  ): Promise<{ token: string; expiresAt: string }> {
    const a: RequesterAddress = typeof address === "string" ? { email: address } : address;
    const now = this.now();
    let q = this.db
      .selectFrom("sr_otps")
      .selectAll()
      .where("used_at", "is", null)
      .where("expires_at", ">", now.toISOString());
    q = a.phone !== undefined ? q.where("phone", "=", a.phone) : q.where("email", "=", a.email);
    const row = await q.orderBy("created_at", "desc").executeTakeFirst();
    if (!row || codec.int(row.attempts) >= OTP_MAX_ATTEMPTS) {
      matchesSaltedHash(null, code);
      fail("SR_OTP_INVALID");
    }
    const ok = matchesSaltedHash({ salt: codec.text(row.salt), hash: codec.text(row.code_hash) }, code);
    const id = codec.text(row.id);
    if (!ok) {
      await this.db
        .updateTable("sr_otps")
        .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
        .where("id", "=", id)
        .execute();
      fail("SR_OTP_INVALID");
    }
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + REQUESTER_SESSION_DAYS * 86400_000).toISOString();
    await this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("sr_otps")
        .set({ used_at: now.toISOString() })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) fail("SR_OTP_INVALID");
      await trx
        .insertInto("sr_requester_sessions")
        .values({
          token_hash: sha256(token),
          unit_id: null,
          email: a.email ?? "",
          phone: a.phone ?? null,
          expires_at: expiresAt,
          created_at: now.toISOString(),
        })
        .execute();
      await this.ctx.audit.record(trx, systemActor("requests.public"), {
        action: "requests.requester.signed_in",
        unitId: null,
        entityType: "requester_otp",
        entityId: id,
        data: maskedAddress(a),
      });
    });
    return { token, expiresAt };
  }

  async sessionOf(token: string | undefined): Promise<RequesterIdentity | null> {
    if (!token || token.length > 100) return null;
    const r = await this.db
      .selectFrom("sr_requester_sessions")
      .selectAll()
      .where("token_hash", "=", sha256(token))
      .where("expires_at", ">", this.now().toISOString())
      .executeTakeFirst();
    if (!r) return null;
    const phone = codec.textOrNull(r.phone);
    return {
      email: phone ? null : codec.text(r.email),
      phone,
      expiresAt: codec.instant(r.expires_at),
    };
  }

  async logout(token: string | undefined) {
    if (!token) return;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sr_requester_sessions").where("token_hash", "=", sha256(token)).execute();
    });
  }

  async mine(session: RequesterIdentity): Promise<MyRequests> {
    let q = this.db
      .selectFrom("sr_requests as r")
      .innerJoin("units as u", "u.id", "r.unit_id")
      .selectAll("r")
      .select("u.name as unit_name");
    q = session.phone
      ? q.where("r.requester_phone_e164", "=", session.phone)
      : q.where("r.requester_email", "=", session.email ?? "");
    const rows = (await q.orderBy("r.submitted_at", "desc").limit(200).execute()).map((r) => ({
      r: decodeRequest(r),
      unitName: codec.text(r.unit_name),
    }));
    const cals = await this.calendars(rows.map((x) => x.r.unitId));
    const ev = await this.events(rows.map((x) => x.r.id));
    return {
      session: requesterSessionView(session),
      items: rows.map(({ r, unitName }) => ({
        number: r.number,
        unitName,
        serviceName: r.service.name,
        state: r.state,
        submittedAt: r.submittedAt,
        sla: this.snapshot(cals.get(r.unitId)!, r, ev.get(r.id) ?? []),
      })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Verification

  async verify(rawCode: string): Promise<VerificationView> {
    const code = normalizeDocCode(rawCode);
    const r = code
      ? await this.db
          .selectFrom("sr_produced as p")
          .innerJoin("units as u", "u.id", "p.unit_id")
          .innerJoin("sr_requests as r", "r.id", "p.request_id")
          .select([
            "p.doc_code",
            "p.number",
            "p.title",
            "p.issued_at",
            "p.sha256",
            "u.code as unit_code",
            "u.name as unit_name",
            "r.service_snapshot",
          ])
          .where("p.doc_code", "=", code)
          .executeTakeFirst()
      : undefined;
    if (!r) fail("SR_DOCUMENT_NOT_FOUND", { code: rawCode.slice(0, 20) });
    return {
      valid: true,
      docCode: codec.text(r.doc_code),
      documentNumber: codec.text(r.number),
      title: codec.json(r.title),
      issuedAt: codec.instant(r.issued_at),
      issuingUnit: { code: codec.text(r.unit_code), name: codec.text(r.unit_name) },
      serviceName: codec.json<ServiceType>(r.service_snapshot).name,
      sha256: codec.text(r.sha256),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Staff side

  private async requestById(id: string, ex: Executor = this.db): Promise<RequestRow> {
    const row = await ex.selectFrom("sr_requests").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? decodeRequest(row) : fail("SR_NOT_FOUND", { id });
  }

  private item(r: RequestRow, unitName: string, sla: SlaSnapshot): InboxItem {
    return {
      id: r.id,
      number: r.number,
      unitId: r.unitId,
      unitName,
      serviceId: r.serviceId,
      serviceCode: r.service.code,
      serviceName: r.service.name,
      state: r.state,
      requesterName: r.requesterName,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeName,
      submittedAt: r.submittedAt,
      sla,
    };
  }

  /** The inbox: open requests first, by working time left (least first; paused ones after), then the finished ones. */
  async inbox(actor: Actor, q: InboxQuery): Promise<InboxItem[]> {
    let roots = scopeRoots(actor, P.read);
    if (q.unitId) roots = [(await this.unitInScope(actor, P.read, q.unitId)).path];
    if (roots.length === 0) return [];
    let query = this.db
      .selectFrom("sr_requests as r")
      .innerJoin("units as u", "u.id", "r.unit_id")
      .selectAll("r")
      .select("u.name as unit_name")
      .where((eb) => eb.or(roots.map((root) => eb("u.path", "like", `${root}%`))))
      .orderBy("r.submitted_at", "desc")
      .limit(1000);
    if (q.state === "open") query = query.where("r.state", "in", OPEN);
    else if (q.state) query = query.where("r.state", "=", q.state);
    if (q.serviceId) query = query.where("r.service_id", "=", q.serviceId);
    if (q.assignee === "me") query = query.where("r.assignee_id", "=", actor.userId ?? "-");
    else if (q.assignee === "none") query = query.where("r.assignee_id", "is", null);
    else if (q.assignee) query = query.where("r.assignee_id", "=", q.assignee);
    if (q.q) {
      const like = `%${q.q.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["r.number"]), "like", like),
          eb(eb.fn("lower", ["r.requester_name"]), "like", like),
        ]),
      );
    }
    const rows = (await query.execute()).map((r) => ({
      r: decodeRequest(r),
      unitName: codec.text(r.unit_name),
    }));
    const cals = await this.calendars(rows.map((x) => x.r.unitId));
    const ev = await this.events(rows.map((x) => x.r.id));
    let items = rows.map(({ r, unitName }) =>
      this.item(r, unitName, this.snapshot(cals.get(r.unitId)!, r, ev.get(r.id) ?? [])),
    );
    if (q.sla) items = items.filter((i) => i.sla.state === q.sla && !i.sla.stopped);
    const rank = (i: InboxItem) => (i.sla.stopped ? 2 : i.sla.paused ? 1 : 0);
    return items.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (rank(a) < 2
          ? a.sla.remainingMinutes - b.sla.remainingMinutes
          : b.submittedAt.localeCompare(a.submittedAt)),
    );
  }

  async detail(actor: Actor, id: string): Promise<RequestDetail> {
    const r = await this.requestById(id);
    const unit = await this.unitInScope(actor, P.read, r.unitId, { type: "service_request", id });
    const cal = await this.ctx.calendar.calendarFor(r.unitId);
    const events = (await this.events([id])).get(id) ?? [];
    const canHandle = can(actor, P.handle, unit.path);
    return {
      ...this.item(r, unit.name, this.snapshot(cal, r, events)),
      fields: r.fields,
      service: r.service,
      requester: {
        name: r.requesterName,
        email: canHandle ? r.requesterEmail : null,
        phone: canHandle ? r.requesterPhone : null,
        emailMasked: maskEmail(r.requesterEmail),
        phoneMasked: maskPhone(r.requesterPhone),
      },
      documents: await this.documentsOf(id),
      documentsRequested: r.state === "waiting_requester" ? r.docsRequested : null,
      produced: await this.producedOf(id),
      rejectReason: r.rejectReason,
      payment:
        r.service.releaseRule !== "none"
          ? await this.paymentStatus(r.unitId, r.fields[AUCTION_REF_FIELD] ?? "")
          : null,
      rating:
        r.rating != null
          ? { score: r.rating, comment: r.ratingComment, at: r.ratedAt ?? r.submittedAt }
          : null,
      events: events.map(
        (e): RequestEvent => ({
          id: e.id,
          kind: e.kind,
          fromState: e.fromState,
          toState: e.toState,
          at: e.at,
          actorName: e.actorName ?? (e.visibility === "public" ? "Pemohon" : null),
          visibility: e.visibility,
          body: e.body,
          data: e.data,
        }),
      ),
      commands: canHandle ? commandsFrom(r.state) : [],
      canHandle,
      version: r.version,
    };
  }

  async staffFile(actor: Actor, id: string, fileId: string) {
    const r = await this.requestById(id);
    await this.unitInScope(actor, P.read, r.unitId, { type: "service_request", id });
    return this.openRequestFile(r, fileId);
  }

  /** Users who may handle requests at a unit (requests.handle through a role held at the unit). */
  async assignees(actor: Actor, unitId: string) {
    await this.unitInScope(actor, P.handle, unitId);
    return this.handlersAt(unitId, P.handle);
  }

  private async handlersAt(unitId: string, permission: string, roleKeys?: string[]) {
    const roles = await this.ctx.identity.listRoles();
    const keys = new Set(
      roleKeys ?? roles.filter((r) => r.permissions.includes(permission)).map((r) => r.key),
    );
    const users = await this.ctx.identity.listUsers(systemActor("requests"), { unitId });
    return users
      .filter(
        (u) => u.status === "active" && u.assignments.some((a) => a.unitId === unitId && keys.has(a.roleKey)),
      )
      .map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        roles: [...new Set(u.assignments.filter((a) => a.unitId === unitId).map((a) => a.roleKey))],
      }));
  }

  private async nextSeq(unitId: string, series: string, year: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.ctx.database.dialect, `sr.seq.${unitId}.${series}.${year}`);
      const r = await trx
        .selectFrom("sr_doc_sequences")
        .select("last")
        .where("unit_id", "=", unitId)
        .where("series", "=", series)
        .where("year", "=", year)
        .executeTakeFirst();
      const next = (r ? codec.int(r.last) : 0) + 1;
      if (r)
        await trx
          .updateTable("sr_doc_sequences")
          .set({ last: next })
          .where("unit_id", "=", unitId)
          .where("series", "=", series)
          .where("year", "=", year)
          .execute();
      else
        await trx
          .insertInto("sr_doc_sequences")
          .values({ unit_id: unitId, series, year, last: next })
          .execute();
      return next;
    });
  }

  /** Generates and stores the produced PDF (before the completing transaction; see DESIGN §2). */
  private async produce(
    actor: Actor,
    r: RequestRow,
    unit: Unit,
    cal: Calendar,
    text: string | null,
    at: Date,
  ) {
    const local = toLocal(cal, at);
    const year = Number(local.date.slice(0, 4));
    const seq = await this.nextSeq(unit.id, r.service.code, year);
    const number = documentNumber(r.service.code, seq, unit.code, year);
    const docCode = makeDocCode(randomBytes(12));
    const verifyUrl = `${this.ctx.config.publicUrl}${verifyPagePath(docCode)}`;
    const parent = unit.parentId ? await this.ctx.org.get(unit.parentId) : undefined;
    const title = TEMPLATE_TITLE[r.service.template];
    const rows: Array<[string, string]> = r.service.fields
      .filter((f) => r.fields[f.key])
      .map((f) => {
        const v = r.fields[f.key]!;
        const opt = f.options?.find((o) => o.value === v);
        return [
          f.label.id,
          opt
            ? opt.label.id
            : f.kind === "money"
              ? `Rp${Number(v.replace(/\D/g, "")).toLocaleString("id-ID")}`
              : v,
        ];
      });
    const pdf = await documentPdf({
      unit: { code: unit.code, name: unit.name, parentName: parent?.name ?? null },
      title: title.id,
      number,
      dateText: formatLocalDate(local.date, "id"),
      issuedAt: at,
      requestNumber: r.number,
      serviceName: r.service.name.id,
      requesterName: r.requesterName,
      rows,
      body: text,
      verifyUrl,
      docCode,
    });
    const file = await this.ctx.files.upload(systemActor("requests.documents"), {
      unitId: unit.id,
      unitPath: unit.path,
      filename: `${number.replace(/[^A-Za-z0-9-]+/g, "_")}.pdf`,
      stream: Readable.from([pdf]),
      generated: true, // an office's small upload limit must not stop it issuing documents
    });
    void actor;
    return { docCode, number, title, fileId: file.id, sha256: sha256(pdf) };
  }

  async transition(
    actor: Actor,
    id: string,
    input: TransitionInput,
    opts: { at?: Date } = {},
  ): Promise<RequestDetail> {
    const before = await this.requestById(id);
    const unit = await this.unitInScope(actor, P.handle, before.unitId, { type: "service_request", id });
    const pre = nextState(before.state, input.command);
    if (!pre.ok) throw new DomainError(pre.code, pre.params);
    if (before.version !== input.version) fail("SR_VERSION_CONFLICT", { current: before.version });
    const at = opts.at ?? this.now();
    const now = at.toISOString();
    let assignee: { id: string; name: string; email: string } | undefined;
    if (input.command === "assign") {
      assignee = (await this.handlersAt(unit.id, P.handle)).find((u) => u.id === input.assigneeId);
      if (!assignee) fail("SR_ASSIGNEE_INVALID", { id: input.assigneeId });
    }
    if (input.command === "request_documents")
      for (const k of input.keys)
        if (k !== "other" && !before.service.requirements.some((r) => r.key === k))
          fail("SR_REQUESTED_KEYS_INVALID", { key: k });
    let produced: Awaited<ReturnType<ServiceRequestService["produce"]>> | undefined;
    if (input.command === "complete") {
      const docs = await this.documentsOf(id);
      const payment = await this.paymentStatus(before.unitId, before.fields[AUCTION_REF_FIELD] ?? "");
      const release = releaseProblem(
        before.service.releaseRule,
        payment,
        before.fields,
        docs.map((d) => d.requirementKey ?? ""),
      );
      if (release) throw new DomainError(release.code, release.params);
      const cal = await this.ctx.calendar.calendarFor(unit.id);
      produced = await this.produce(actor, before, unit, cal, input.documentText ?? null, at);
    }
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, id);
      const c = await this.requestById(id, trx);
      const t = nextState(c.state, input.command);
      if (!t.ok) throw new DomainError(t.code, t.params);
      if (c.version !== input.version) fail("SR_VERSION_CONFLICT", { current: c.version });
      const set: Record<string, unknown> = { state: t.to, version: c.version + 1, updated_at: now };
      if (FIRST_RESPONSE_COMMANDS.includes(input.command) && !c.firstResponseAt) set.first_response_at = now;
      if (FINAL_STATES.includes(t.to)) set.finished_at = now;
      let body: string | null = null;
      let visibility: "public" | "internal" = "public";
      const data: Record<string, unknown> = {};
      const note = "note" in input ? (input.note ?? null) : null;
      if (note) data.note = note;
      switch (input.command) {
        case "assign":
          Object.assign(set, { assignee_id: assignee!.id, assignee_name: assignee!.name });
          Object.assign(data, {
            assigneeId: assignee!.id,
            assigneeName: assignee!.name,
            previous: c.assigneeName,
          });
          visibility = "internal";
          break;
        case "request_documents":
          set.docs_requested = enc.json({ keys: input.keys, message: input.message });
          body = input.message;
          data.keys = input.keys;
          break;
        case "resume":
          set.docs_requested = null;
          break;
        case "reject":
          set.reject_reason = input.reason;
          body = input.reason;
          break;
        case "complete":
          await trx
            .insertInto("sr_produced")
            .values({
              doc_code: produced!.docCode,
              unit_id: c.unitId,
              request_id: id,
              number: produced!.number,
              title: enc.json(produced!.title),
              file_id: produced!.fileId,
              sha256: produced!.sha256,
              issued_at: now,
            })
            .execute();
          await trx
            .insertInto("sr_documents")
            .values({
              request_id: id,
              file_id: produced!.fileId,
              unit_id: c.unitId,
              requirement_key: null,
              source: "produced",
              added_at: now,
            })
            .execute();
          Object.assign(data, {
            documentNumber: produced!.number,
            docCode: produced!.docCode,
            sha256: produced!.sha256,
          });
          break;
        default:
          break;
      }
      await trx.updateTable("sr_requests").set(set).where("id", "=", id).execute();
      const kind = EVENT_OF[input.command];
      const eventId = await this.insertEvent(
        trx,
        c,
        actor,
        { kind, from: c.state, to: t.to, visibility, body, data },
        now,
      );
      if (visibility === "public")
        await this.notifyRequester(
          trx,
          { ...c, unitName: unit.name, serviceName: c.service.name },
          eventId,
          kind,
        );
      if (assignee?.email)
        await this.ctx.outbox.enqueue(trx, {
          type: "email",
          dedupeKey: `sr:${id}:assign:${assignee.id}:${c.version + 1}`,
          payload: {
            to: assignee.email,
            subject: `Disposisi permohonan ${c.number}`,
            text: `Anda ditunjuk menangani permohonan ${c.number} (${c.service.name.id}) di ${unit.name}.${note ? `\nCatatan: ${note}` : ""}`,
          },
        });
      await this.ctx.audit.record(trx, actor, {
        action: `requests.${kind}`,
        unitId: c.unitId,
        entityType: "service_request",
        entityId: id,
        data: {
          number: c.number,
          from: c.state,
          to: t.to,
          ...(assignee ? { assigneeId: assignee.id } : {}),
          ...(produced ? { documentNumber: produced.number, docCode: produced.docCode } : {}),
        },
      });
    });
    return this.detail(actor, id);
  }

  async addNote(actor: Actor, id: string, body: string, opts: { at?: Date } = {}): Promise<RequestDetail> {
    const r = await this.requestById(id);
    await this.unitInScope(actor, P.handle, r.unitId, { type: "service_request", id });
    const at = (opts.at ?? this.now()).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.insertEvent(trx, r, actor, { kind: "note", visibility: "internal", body }, at);
      await this.ctx.audit.record(trx, actor, {
        action: "requests.noted",
        unitId: r.unitId,
        entityType: "service_request",
        entityId: id,
      });
    });
    return this.detail(actor, id);
  }

  // ---------------------------------------------------------------------------------------------
  // SLA job: warning and breach notifications, each exactly once (dedupe keys)

  async runSla(now: Date = this.now()): Promise<{ warnings: number; breaches: number }> {
    const rows = (
      await this.db.selectFrom("sr_requests").selectAll().where("state", "in", OPEN).execute()
    ).map(decodeRequest);
    const cals = await this.calendars(rows.map((r) => r.unitId));
    const ev = await this.events(rows.map((r) => r.id));
    const handlers = new Map<string, Awaited<ReturnType<ServiceRequestService["handlersAt"]>>>();
    const heads = new Map<string, Awaited<ReturnType<ServiceRequestService["handlersAt"]>>>();
    const units = new Map<string, Unit>();
    for (const unitId of cals.keys()) {
      handlers.set(unitId, await this.handlersAt(unitId, P.handle));
      heads.set(unitId, await this.handlersAt(unitId, P.read, ["head"]));
      units.set(unitId, await this.unitOf(unitId));
    }
    let warnings = 0;
    let breaches = 0;
    const nowIso = now.toISOString();
    for (const r of rows) {
      const s = this.snapshot(cals.get(r.unitId)!, r, ev.get(r.id) ?? [], now);
      if (s.paused || s.state === "ok") continue;
      const kind = s.state === "breached" ? "breached" : "warning";
      const mine = r.assigneeId
        ? (handlers.get(r.unitId) ?? []).filter((h) => h.id === r.assigneeId)
        : (handlers.get(r.unitId) ?? []).filter(
            (h) => !r.service.handler.roleKey || h.roles.includes(r.service.handler.roleKey),
          );
      const to =
        kind === "breached"
          ? [...new Map([...(heads.get(r.unitId) ?? []), ...mine].map((u) => [u.id, u])).values()]
          : mine;
      const unitName = units.get(r.unitId)?.name ?? "";
      const created = await this.db.transaction().execute(async (trx) => {
        const marker = await this.ctx.outbox.enqueue(trx, {
          type: "requests.sla",
          dedupeKey: `sr:${r.id}:sla:${kind}`,
          payload: { requestId: r.id, kind, dueAt: s.dueAt },
        });
        if (!marker.created) return false;
        for (const u of to)
          await this.ctx.outbox.enqueue(trx, {
            type: "email",
            dedupeKey: `sr:${r.id}:sla:${kind}:${u.id}`,
            payload: {
              to: u.email,
              subject:
                kind === "breached"
                  ? `[MELEWATI SLA] Permohonan ${r.number}`
                  : `[PERINGATAN SLA] Permohonan ${r.number} telah memakai ${s.percent}% waktu`,
              text: `${unitName}: permohonan ${r.number} (${r.service.name.id}) ${kind === "breached" ? "telah melewati" : "mendekati"} batas waktu ${s.dueAt ?? "-"}; terpakai ${s.elapsedMinutes} dari ${s.targetMinutes} menit kerja.`,
            },
          });
        await this.insertEvent(
          trx,
          r,
          systemActor("requests.sla"),
          {
            kind: kind === "breached" ? "sla_breached" : "sla_warning",
            visibility: "internal",
            data: { dueAt: s.dueAt, percent: s.percent, recipients: to.length },
          },
          nowIso,
        );
        await this.ctx.audit.record(trx, systemActor("requests.sla"), {
          action: `requests.sla.${kind}`,
          unitId: r.unitId,
          entityType: "service_request",
          entityId: r.id,
          data: { dueAt: s.dueAt, percent: s.percent },
        });
        return true;
      });
      if (created) {
        if (kind === "breached") breaches++;
        else warnings++;
      }
    }
    return { warnings, breaches };
  }

  // ---------------------------------------------------------------------------------------------
  // Dashboard and satisfaction

  async dashboard(
    actor: Actor,
    unitId: string,
    from: string,
    to: string,
  ): Promise<Dashboard & { rows: InboxItem[] }> {
    if (from > to) fail("SR_PERIOD_INVALID", { from, to });
    const unit = await this.unitInScope(actor, P.read, unitId);
    const rows = (
      await this.db
        .selectFrom("sr_requests")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("submitted_date", ">=", from)
        .where("submitted_date", "<=", to)
        .orderBy("submitted_at")
        .execute()
    ).map(decodeRequest);
    const cal = await this.ctx.calendar.calendarFor(unitId);
    const ev = await this.events(rows.map((r) => r.id));
    const services = await this.servicesOf(unitId);
    const snaps = rows.map((r) => ({ r, s: this.snapshot(cal, r, ev.get(r.id) ?? []) }));
    const figures = (list: typeof snaps) => {
      const completed = list.filter((x) => x.r.state === "completed");
      const onTime = completed.filter((x) => completedOnTime(x.s));
      const responded = list.filter((x) => x.s.firstResponseAt);
      const ratings = list.filter((x) => x.r.rating != null);
      const pct = (a: number, b: number) => (b ? Math.round((a * 1000) / b) / 10 : null);
      return {
        submitted: list.length,
        completed: completed.length,
        rejected: list.filter((x) => x.r.state === "rejected").length,
        cancelled: list.filter((x) => x.r.state === "cancelled").length,
        open: list.filter((x) => OPEN.includes(x.r.state)).length,
        completedOnTime: onTime.length,
        breached: list.filter(
          (x) => x.s.state === "breached" && x.r.state !== "rejected" && x.r.state !== "cancelled",
        ).length,
        complianceRate: pct(onTime.length, completed.length),
        firstResponseOnTimeRate: pct(
          responded.filter((x) => !x.s.firstResponseBreached).length,
          responded.length,
        ),
        averageCompletionWorkingHours: completed.length
          ? Math.round((completed.reduce((a, x) => a + x.s.elapsedMinutes, 0) / completed.length / 60) * 10) /
            10
          : null,
        ratings: ratings.length,
        averageRating: ratings.length
          ? Math.round((ratings.reduce((a, x) => a + x.r.rating!, 0) / ratings.length) * 100) / 100
          : null,
      };
    };
    const perService: ServiceFigures[] = services
      .map((svc) => ({ svc, list: snaps.filter((x) => x.r.serviceId === svc.id) }))
      .filter(({ svc, list }) => list.length > 0 || svc.active)
      .map(({ svc, list }) => ({ serviceId: svc.id, code: svc.code, name: svc.name, ...figures(list) }));
    const months = new Map<string, { submitted: number; completed: number; breached: number }>();
    for (const { r, s } of snaps) {
      const m = localDateOf(cal, r.submittedAt).slice(0, 7);
      const e = months.get(m) ?? { submitted: 0, completed: 0, breached: 0 };
      e.submitted++;
      if (r.state === "completed") e.completed++;
      if (s.state === "breached" && r.state !== "rejected" && r.state !== "cancelled") e.breached++;
      months.set(m, e);
    }
    const breaches: Breach[] = snaps
      .filter(({ r, s }) => s.state === "breached" && r.state !== "rejected" && r.state !== "cancelled")
      .map(({ r, s }) => {
        const notes = (ev.get(r.id) ?? []).filter((e) => e.kind === "note" && e.body);
        return {
          requestId: r.id,
          number: r.number,
          serviceCode: r.service.code,
          serviceName: r.service.name,
          state: r.state,
          submittedAt: r.submittedAt,
          dueAt: s.dueAt,
          completedAt: r.state === "completed" ? r.finishedAt : null,
          overdueMinutes: -s.remainingMinutes,
          reason: notes.at(-1)?.body ?? null,
        };
      });
    const dist: Record<string, number> = {};
    for (let i = 1; i <= RATING_MAX; i++) dist[String(i)] = rows.filter((r) => r.rating === i).length;
    return {
      unitId,
      unitName: unit.name,
      from,
      to,
      total: figures(snaps),
      services: perService,
      months: [...months.entries()].sort().map(([month, v]) => ({ month, ...v })),
      breaches,
      ratingDistribution: dist,
      rows: snaps.map(({ r, s }) => this.item(r, unit.name, s)),
    };
  }

  async satisfaction(unitId: string, from: string, to: string): Promise<SatisfactionFigures> {
    const rows = await this.db
      .selectFrom("sr_requests")
      .select(["rating"])
      .where("unit_id", "=", unitId)
      .where("rating", "is not", null)
      .where("submitted_date", ">=", from)
      .where("submitted_date", "<=", to)
      .execute();
    const scores = rows.map((r) => codec.int(r.rating));
    const dist: Record<string, number> = {};
    for (let i = 1; i <= RATING_MAX; i++) dist[String(i)] = scores.filter((s) => s === i).length;
    return {
      unitId,
      from,
      to,
      ratings: scores.length,
      average: scores.length
        ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100
        : null,
      satisfiedPercent: scores.length
        ? Math.round((scores.filter((s) => s >= 3).length * 1000) / scores.length) / 10
        : null,
      distribution: dist,
      scaleMax: RATING_MAX,
    };
  }
}

/** The local date (YYYY-MM-DD) of an instant in the calendar's zone. */
export function localDateOf(cal: Calendar, at: string): string {
  return toLocal(cal, at).date;
}
