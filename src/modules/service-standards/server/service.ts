/**
 * The service-standards service: services and their versioned standards, SOPs, the service pledge
 * (maklumat), facilities with photos, the unit's contact card, the completeness checklist, LKE
 * evidence links and the public portal view. Every write is one transaction with its audit row;
 * file and cross-module reads happen before the transaction opens (SQLite has one connection).
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import { localDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { type Executor, lockKey } from "../../../kernel/db/transaction";
import type { StoredFile } from "../../../kernel/files";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import {
  linkRecordEvidence,
  recordEvidenceLinks,
  unlinkRecordEvidence,
} from "../../zona-integritas/server/index";
import type {
  addPhotoBody,
  CompletenessWire,
  createFacilityBody,
  createPledgeBody,
  createServiceBody,
  createSopBody,
  FacilityWire,
  linkEvidenceBody,
  PledgeWire,
  ProfileWire,
  PublicPortal,
  ServiceDetail,
  ServiceListItem,
  ServiceWire,
  SopWire,
  unlinkEvidenceBody,
  updateFacilityBody,
  updatePledgeBody,
  updateProfileBody,
  updateServiceBody,
  updateSopBody,
  updateVersionBody,
  VersionWire,
} from "../contract";
import {
  missingComponents,
  type ServiceFacts,
  serviceCompleteness,
  unitCompleteness,
} from "../domain/completeness";
import {
  type AccessibilityFlag,
  EMPTY_CONTENT,
  EVIDENCE_MODULE,
  type EvidenceType,
  type FacilityKind,
  STD_PERMISSIONS as P,
  publicPart,
  type StandardContent,
} from "../domain/model";
import { publishedOn, publishProblem, versionStates } from "../domain/versions";

export const PHOTO_LIMIT = 8;
export const IMAGE_MIMES = ["image/png", "image/jpeg", "image/webp"] as const;
const DOCUMENT_MIMES = ["application/pdf", ...IMAGE_MIMES] as const;

interface VersionRow {
  id: string;
  serviceId: string;
  unitId: string;
  number: number;
  status: "draft" | "published";
  effectiveDate: string | null;
  decreeNumber: string | null;
  decreeDate: string | null;
  decreeFileId: string | null;
  changeNote: string;
  content: StandardContent;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const decodeService = (r: Record<string, unknown>): ServiceWire => ({
  id: codec.text(r.id),
  unitId: codec.text(r.unit_id),
  code: codec.text(r.code),
  nameId: codec.text(r.name_id),
  nameEn: codec.text(r.name_en),
  descriptionId: codec.text(r.description_id),
  descriptionEn: codec.text(r.description_en),
  sortOrder: codec.int(r.sort_order),
  active: codec.bool(r.active),
  createdAt: codec.instant(r.created_at),
  updatedAt: codec.instant(r.updated_at),
});

const decodeVersion = (r: Record<string, unknown>): VersionRow => ({
  id: codec.text(r.id),
  serviceId: codec.text(r.service_id),
  unitId: codec.text(r.unit_id),
  number: codec.int(r.number),
  status: codec.text(r.status) as VersionRow["status"],
  effectiveDate: codec.textOrNull(r.effective_date),
  decreeNumber: codec.textOrNull(r.decree_number),
  decreeDate: codec.textOrNull(r.decree_date),
  decreeFileId: codec.textOrNull(r.decree_file_id),
  changeNote: codec.text(r.change_note),
  content: { ...EMPTY_CONTENT, ...codec.json<Partial<StandardContent>>(r.content) },
  publishedAt: codec.instantOrNull(r.published_at),
  createdAt: codec.instant(r.created_at),
  updatedAt: codec.instant(r.updated_at),
});

const decodeSop = (r: Record<string, unknown>): SopWire => ({
  id: codec.text(r.id),
  unitId: codec.text(r.unit_id),
  serviceId: codec.text(r.service_id),
  number: codec.text(r.number),
  title: codec.text(r.title),
  fileId: codec.textOrNull(r.file_id),
  effectiveDate: codec.text(r.effective_date),
  createdAt: codec.instant(r.created_at),
  updatedAt: codec.instant(r.updated_at),
});

interface PledgeRow extends Omit<PledgeWire, "inForce"> {}
const decodePledge = (r: Record<string, unknown>): PledgeRow => ({
  id: codec.text(r.id),
  unitId: codec.text(r.unit_id),
  status: codec.text(r.status) as PledgeRow["status"],
  text: codec.text(r.text),
  signatoryName: codec.text(r.signatory_name),
  signatoryTitle: codec.text(r.signatory_title),
  signedDate: codec.text(r.signed_date),
  fileId: codec.textOrNull(r.file_id),
  publishedAt: codec.instantOrNull(r.published_at),
  createdAt: codec.instant(r.created_at),
  updatedAt: codec.instant(r.updated_at),
});

type FacilityRow = Omit<FacilityWire, "photos">;
const decodeFacility = (r: Record<string, unknown>): FacilityRow => ({
  id: codec.text(r.id),
  unitId: codec.text(r.unit_id),
  kind: codec.text(r.kind) as FacilityKind,
  name: codec.text(r.name),
  description: codec.text(r.description),
  location: codec.text(r.location),
  accessibility: codec.json<AccessibilityFlag[]>(r.accessibility),
  published: codec.bool(r.published),
  sortOrder: codec.int(r.sort_order),
  createdAt: codec.instant(r.created_at),
  updatedAt: codec.instant(r.updated_at),
});

/** The pledge in force on a date: the latest published one signed on or before it. */
export function pledgeInForce<T extends { status: string; signedDate: string; createdAt: string }>(
  pledges: readonly T[],
  date: string,
): T | null {
  let best: T | null = null;
  for (const p of pledges) {
    if (p.status !== "published" || p.signedDate > date) continue;
    if (
      !best ||
      p.signedDate > best.signedDate ||
      (p.signedDate === best.signedDate && p.createdAt > best.createdAt)
    )
      best = p;
  }
  return best;
}

const EMPTY_PROFILE = { address: "", phone: "", whatsapp: "", email: "", website: "", serviceHours: "" };

export class StandardsService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  /** Today in the unit's own zone. */
  today(unit: Pick<Unit, "zone">): string {
    return localDate(this.ctx.clock.now(), unit.zone);
  }

  private lock(trx: Executor, key: string) {
    return lockKey(trx, this.ctx.database.dialect, `std.${key}`);
  }

  private unit(actor: Actor, unitId: string, permission: string): Promise<Unit> {
    return this.ctx.org.getInScope(actor, unitId, permission);
  }

  /** The unit of a record found by id: 403 (OUT_OF_SCOPE) when the actor may not act on it. */
  private async unitOf(
    actor: Actor,
    unitId: string,
    permission: string,
    notFound: () => never,
  ): Promise<Unit> {
    const unit = (await this.ctx.org.get(unitId)) ?? notFound();
    assertScope(actor, permission, unit);
    return unit;
  }

  /**
   * A file to attach: it exists, belongs to the unit and has one of the accepted types. Read before
   * the transaction opens.
   */
  private async checkFile(fileId: string, unitId: string, mimes: readonly string[]): Promise<StoredFile> {
    const file = (await this.ctx.files.get(fileId)) ?? fail("STD_FILE_NOT_FOUND", { id: fileId });
    if (file.unitId !== unitId) fail("STD_FILE_OTHER_UNIT", { name: file.originalName });
    if (!mimes.includes(file.mime))
      fail("STD_FILE_WRONG_TYPE", { name: file.originalName, mime: file.mime, allowed: mimes.join(", ") });
    return file;
  }

  // ---------------------------------------------------------------------------------------------
  // Services

  private async serviceRow(ex: Executor, id: string): Promise<ServiceWire> {
    const r = await ex.selectFrom("std_services").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeService(r) : fail("STD_SERVICE_NOT_FOUND", { id });
  }

  private async serviceFor(actor: Actor, id: string, permission: string) {
    const service = await this.serviceRow(this.db, id);
    const unit = await this.unitOf(actor, service.unitId, permission, () =>
      fail("STD_SERVICE_NOT_FOUND", { id }),
    );
    return { service, unit };
  }

  private async versionsOf(
    ex: Executor,
    where: { serviceId?: string; unitId?: string },
  ): Promise<VersionRow[]> {
    let q = ex.selectFrom("std_versions").selectAll();
    if (where.serviceId) q = q.where("service_id", "=", where.serviceId);
    if (where.unitId) q = q.where("unit_id", "=", where.unitId);
    return (await q.orderBy("number").execute()).map(decodeVersion);
  }

  private async sopsOf(ex: Executor, where: { serviceId?: string; unitId?: string }): Promise<SopWire[]> {
    let q = ex.selectFrom("std_sops").selectAll();
    if (where.serviceId) q = q.where("service_id", "=", where.serviceId);
    if (where.unitId) q = q.where("unit_id", "=", where.unitId);
    return (await q.orderBy("effective_date").orderBy("number").execute()).map(decodeSop);
  }

  private facts(service: ServiceWire, versions: VersionRow[], sops: SopWire[], today: string): ServiceFacts {
    const mine = versions.filter((v) => v.serviceId === service.id);
    const current = publishedOn(mine, today);
    const draft = mine.find((v) => v.status === "draft") ?? null;
    return {
      serviceId: service.id,
      active: service.active,
      current: current?.content ?? null,
      draft: draft?.content ?? null,
      currentHasDecreeFile: !!current?.decreeFileId,
      sopCount: sops.filter((s) => s.serviceId === service.id).length,
    };
  }

  private toVersionWire(v: VersionRow, states: Map<string, string>): VersionWire {
    return {
      ...v,
      state: (states.get(v.id) ?? "draft") as VersionWire["state"],
      missing: missingComponents(v.content),
    };
  }

  async listServices(actor: Actor, unitId: string): Promise<ServiceListItem[]> {
    const unit = await this.unit(actor, unitId, P.read);
    const today = this.today(unit);
    const [rows, versions, sops] = await Promise.all([
      this.db
        .selectFrom("std_services")
        .selectAll()
        .where("unit_id", "=", unit.id)
        .orderBy("sort_order")
        .orderBy("name_id")
        .execute(),
      this.versionsOf(this.db, { unitId: unit.id }),
      this.sopsOf(this.db, { unitId: unit.id }),
    ]);
    return rows.map(decodeService).map((s) => {
      const mine = versions.filter((v) => v.serviceId === s.id);
      const current = publishedOn(mine, today);
      const scheduled = mine
        .filter((v) => v.status === "published" && (v.effectiveDate ?? "") > today)
        .sort((a, b) => a.number - b.number)[0];
      return {
        ...s,
        currentVersion: current
          ? { id: current.id, number: current.number, effectiveDate: current.effectiveDate as string }
          : null,
        hasDraft: mine.some((v) => v.status === "draft"),
        scheduled: scheduled
          ? { number: scheduled.number, effectiveDate: scheduled.effectiveDate as string }
          : null,
        sopCount: sops.filter((o) => o.serviceId === s.id).length,
        completeness: serviceCompleteness(this.facts(s, versions, sops, today)),
      };
    });
  }

  async createService(actor: Actor, input: z.output<typeof createServiceBody>): Promise<ServiceWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `unit.${unit.id}`);
      await this.assertCodeFree(trx, unit.id, input.code);
      const now = this.nowIso();
      await trx
        .insertInto("std_services")
        .values({
          id,
          unit_id: unit.id,
          code: input.code,
          name_id: input.nameId,
          name_en: input.nameEn,
          description_id: input.descriptionId,
          description_en: input.descriptionEn,
          sort_order: input.sortOrder,
          active: enc.bool(true),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.service.created",
        unitId: unit.id,
        entityType: "std.service",
        entityId: id,
        data: { code: input.code, name: input.nameId },
      });
    });
    return this.serviceRow(this.db, id);
  }

  private async assertCodeFree(ex: Executor, unitId: string, code: string, except?: string) {
    let q = ex.selectFrom("std_services").select("id").where("unit_id", "=", unitId).where("code", "=", code);
    if (except) q = q.where("id", "<>", except);
    if (await q.executeTakeFirst()) fail("STD_SERVICE_CODE_TAKEN", { code });
  }

  async updateService(
    actor: Actor,
    id: string,
    input: z.output<typeof updateServiceBody>,
  ): Promise<ServiceWire> {
    const { unit } = await this.serviceFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `unit.${unit.id}`);
      if (input.code !== undefined) await this.assertCodeFree(trx, unit.id, input.code, id);
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (input.code !== undefined) set.code = input.code;
      if (input.nameId !== undefined) set.name_id = input.nameId;
      if (input.nameEn !== undefined) set.name_en = input.nameEn;
      if (input.descriptionId !== undefined) set.description_id = input.descriptionId;
      if (input.descriptionEn !== undefined) set.description_en = input.descriptionEn;
      if (input.sortOrder !== undefined) set.sort_order = input.sortOrder;
      if (input.active !== undefined) set.active = enc.bool(input.active);
      await trx.updateTable("std_services").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.service.updated",
        unitId: unit.id,
        entityType: "std.service",
        entityId: id,
        data: { fields: Object.keys(input) },
      });
    });
    return this.serviceRow(this.db, id);
  }

  async serviceDetail(actor: Actor, id: string): Promise<ServiceDetail> {
    const { service, unit } = await this.serviceFor(actor, id, P.read);
    const today = this.today(unit);
    const [versions, sops, evidenceKeys] = await Promise.all([
      this.versionsOf(this.db, { serviceId: id }),
      this.sopsOf(this.db, { serviceId: id }),
      recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: "service", id }),
    ]);
    const states = versionStates(versions, today);
    return {
      service,
      versions: versions.map((v) => this.toVersionWire(v, states)).reverse(),
      sops,
      completeness: serviceCompleteness(this.facts(service, versions, sops, today)),
      evidenceKeys,
      today,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Versions

  private async versionFor(actor: Actor, id: string, permission: string) {
    const r = await this.db.selectFrom("std_versions").selectAll().where("id", "=", id).executeTakeFirst();
    const version = r ? decodeVersion(r) : fail("STD_VERSION_NOT_FOUND", { id });
    const unit = await this.unitOf(actor, version.unitId, permission, () =>
      fail("STD_VERSION_NOT_FOUND", { id }),
    );
    return { version, unit };
  }

  private async versionWire(id: string, unit: Unit): Promise<VersionWire> {
    const r = await this.db
      .selectFrom("std_versions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const v = decodeVersion(r);
    const all = await this.versionsOf(this.db, { serviceId: v.serviceId });
    return this.toVersionWire(v, versionStates(all, this.today(unit)));
  }

  /** Start a new draft, copied from the newest version (or empty for a first standard). */
  async createDraft(actor: Actor, serviceId: string): Promise<VersionWire> {
    const { unit } = await this.serviceFor(actor, serviceId, P.manage);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `service.${serviceId}`);
      const versions = await this.versionsOf(trx, { serviceId });
      const draft = versions.find((v) => v.status === "draft");
      if (draft) fail("STD_DRAFT_EXISTS", { number: draft.number });
      const latest = versions.at(-1);
      const now = this.nowIso();
      const number = (latest?.number ?? 0) + 1;
      await trx
        .insertInto("std_versions")
        .values({
          id,
          service_id: serviceId,
          unit_id: unit.id,
          number,
          status: "draft",
          effective_date: null,
          decree_number: null,
          decree_date: null,
          decree_file_id: null,
          change_note: "",
          content: enc.json(latest?.content ?? EMPTY_CONTENT),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.version.drafted",
        unitId: unit.id,
        entityType: "std.version",
        entityId: id,
        data: { serviceId, number, from: latest?.number ?? null },
      });
    });
    return this.versionWire(id, unit);
  }

  async updateVersion(
    actor: Actor,
    id: string,
    input: z.output<typeof updateVersionBody>,
  ): Promise<VersionWire> {
    const { version, unit } = await this.versionFor(actor, id, P.manage);
    if (input.decreeFileId) await this.checkFile(input.decreeFileId, unit.id, DOCUMENT_MIMES);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `service.${version.serviceId}`);
      const r = await trx
        .selectFrom("std_versions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const fresh = decodeVersion(r);
      if (fresh.status !== "draft") fail("STD_VERSION_NOT_DRAFT", { number: fresh.number });
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (input.content !== undefined) set.content = enc.json(input.content);
      if (input.effectiveDate !== undefined) set.effective_date = input.effectiveDate;
      if (input.decreeNumber !== undefined) set.decree_number = input.decreeNumber || null;
      if (input.decreeDate !== undefined) set.decree_date = input.decreeDate;
      if (input.decreeFileId !== undefined) set.decree_file_id = input.decreeFileId;
      if (input.changeNote !== undefined) set.change_note = input.changeNote;
      await trx.updateTable("std_versions").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.version.updated",
        unitId: unit.id,
        entityType: "std.version",
        entityId: id,
        data: { number: fresh.number, fields: Object.keys(input) },
      });
    });
    return this.versionWire(id, unit);
  }

  /**
   * Publish a draft: it needs its decree (number, date, effective date), every public component,
   * and an effective date after the versions already published. Frozen from then on.
   */
  async publishVersion(actor: Actor, id: string): Promise<VersionWire> {
    const { version, unit } = await this.versionFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `service.${version.serviceId}`);
      const all = await this.versionsOf(trx, { serviceId: version.serviceId });
      const draft = all.find((v) => v.id === id) as VersionRow;
      const problem = publishProblem(draft, all);
      if (problem) {
        const { code, ...params } = problem;
        throw new DomainError(code, code === "STD_VERSION_NOT_DRAFT" ? { number: draft.number } : params);
      }
      const missing = missingComponents(draft.content).public;
      if (missing.length)
        throw new DomainError("STD_VERSION_INCOMPLETE", { missing: missing.join(", "), components: missing });
      const now = this.nowIso();
      await trx
        .updateTable("std_versions")
        .set({ status: "published", published_by: actor.userId, published_at: now, updated_at: now })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.version.published",
        unitId: unit.id,
        entityType: "std.version",
        entityId: id,
        data: {
          serviceId: draft.serviceId,
          number: draft.number,
          effectiveDate: draft.effectiveDate,
          decreeNumber: draft.decreeNumber,
        },
      });
    });
    return this.versionWire(id, unit);
  }

  async deleteDraft(actor: Actor, id: string): Promise<void> {
    const { version, unit } = await this.versionFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `service.${version.serviceId}`);
      const r = await trx
        .selectFrom("std_versions")
        .select(["status", "number"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!r) fail("STD_VERSION_NOT_FOUND", { id });
      if (codec.text(r.status) !== "draft") fail("STD_VERSION_NOT_DRAFT", { number: codec.int(r.number) });
      await trx.deleteFrom("std_versions").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.version.deleted",
        unitId: unit.id,
        entityType: "std.version",
        entityId: id,
        data: { serviceId: version.serviceId, number: version.number },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // SOPs

  async listSops(actor: Actor, unitId: string): Promise<SopWire[]> {
    const unit = await this.unit(actor, unitId, P.read);
    return this.sopsOf(this.db, { unitId: unit.id });
  }

  private async sopRow(id: string): Promise<SopWire> {
    const r = await this.db.selectFrom("std_sops").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeSop(r) : fail("STD_SOP_NOT_FOUND", { id });
  }

  async createSop(actor: Actor, input: z.output<typeof createSopBody>): Promise<SopWire> {
    const { unit } = await this.serviceFor(actor, input.serviceId, P.manage);
    if (input.fileId) await this.checkFile(input.fileId, unit.id, DOCUMENT_MIMES);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const now = this.nowIso();
      await trx
        .insertInto("std_sops")
        .values({
          id,
          unit_id: unit.id,
          service_id: input.serviceId,
          number: input.number,
          title: input.title,
          file_id: input.fileId,
          effective_date: input.effectiveDate,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.sop.created",
        unitId: unit.id,
        entityType: "std.sop",
        entityId: id,
        data: { serviceId: input.serviceId, number: input.number },
      });
    });
    return this.sopRow(id);
  }

  async updateSop(actor: Actor, id: string, input: z.output<typeof updateSopBody>): Promise<SopWire> {
    const sop = await this.sopRow(id);
    const unit = await this.unitOf(actor, sop.unitId, P.manage, () => fail("STD_SOP_NOT_FOUND", { id }));
    if (input.fileId) await this.checkFile(input.fileId, unit.id, DOCUMENT_MIMES);
    await this.db.transaction().execute(async (trx) => {
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (input.number !== undefined) set.number = input.number;
      if (input.title !== undefined) set.title = input.title;
      if (input.fileId !== undefined) set.file_id = input.fileId;
      if (input.effectiveDate !== undefined) set.effective_date = input.effectiveDate;
      await trx.updateTable("std_sops").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.sop.updated",
        unitId: unit.id,
        entityType: "std.sop",
        entityId: id,
        data: { fields: Object.keys(input) },
      });
    });
    return this.sopRow(id);
  }

  async deleteSop(actor: Actor, id: string): Promise<void> {
    const sop = await this.sopRow(id);
    const unit = await this.unitOf(actor, sop.unitId, P.manage, () => fail("STD_SOP_NOT_FOUND", { id }));
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("std_sops").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.sop.deleted",
        unitId: unit.id,
        entityType: "std.sop",
        entityId: id,
        data: { number: sop.number, title: sop.title },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Pledge (maklumat pelayanan)

  private async pledgesOf(unitId: string): Promise<PledgeRow[]> {
    return (
      await this.db
        .selectFrom("std_pledges")
        .selectAll()
        .where("unit_id", "=", unitId)
        .orderBy("signed_date", "desc")
        .orderBy("created_at", "desc")
        .execute()
    ).map(decodePledge);
  }

  private withForce(rows: PledgeRow[], today: string): PledgeWire[] {
    const inForce = pledgeInForce(rows, today);
    return rows.map((p) => ({ ...p, inForce: p.id === inForce?.id }));
  }

  async listPledges(
    actor: Actor,
    unitId: string,
  ): Promise<{ items: PledgeWire[]; evidence: Record<string, string[]> }> {
    const unit = await this.unit(actor, unitId, P.read);
    const items = this.withForce(await this.pledgesOf(unit.id), this.today(unit));
    const evidence: Record<string, string[]> = {};
    for (const p of items)
      evidence[p.id] = await recordEvidenceLinks(this.ctx, {
        module: EVIDENCE_MODULE,
        type: "pledge",
        id: p.id,
      });
    return { items, evidence };
  }

  private async pledgeFor(actor: Actor, id: string, permission: string) {
    const r = await this.db.selectFrom("std_pledges").selectAll().where("id", "=", id).executeTakeFirst();
    const pledge = r ? decodePledge(r) : fail("STD_PLEDGE_NOT_FOUND", { id });
    const unit = await this.unitOf(actor, pledge.unitId, permission, () =>
      fail("STD_PLEDGE_NOT_FOUND", { id }),
    );
    return { pledge, unit };
  }

  private async pledgeWire(id: string, unit: Unit): Promise<PledgeWire> {
    return this.withForce(await this.pledgesOf(unit.id), this.today(unit)).find(
      (p) => p.id === id,
    ) as PledgeWire;
  }

  async createPledge(actor: Actor, input: z.output<typeof createPledgeBody>): Promise<PledgeWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    if (input.fileId) await this.checkFile(input.fileId, unit.id, DOCUMENT_MIMES);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const now = this.nowIso();
      await trx
        .insertInto("std_pledges")
        .values({
          id,
          unit_id: unit.id,
          status: "draft",
          text: input.text,
          signatory_name: input.signatoryName,
          signatory_title: input.signatoryTitle,
          signed_date: input.signedDate,
          file_id: input.fileId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.pledge.created",
        unitId: unit.id,
        entityType: "std.pledge",
        entityId: id,
        data: { signedDate: input.signedDate },
      });
    });
    return this.pledgeWire(id, unit);
  }

  async updatePledge(
    actor: Actor,
    id: string,
    input: z.output<typeof updatePledgeBody>,
  ): Promise<PledgeWire> {
    const { unit } = await this.pledgeFor(actor, id, P.manage);
    if (input.fileId) await this.checkFile(input.fileId, unit.id, DOCUMENT_MIMES);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `pledge.${id}`);
      const r = await trx
        .selectFrom("std_pledges")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (codec.text(r.status) !== "draft") fail("STD_PLEDGE_NOT_DRAFT");
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (input.text !== undefined) set.text = input.text;
      if (input.signatoryName !== undefined) set.signatory_name = input.signatoryName;
      if (input.signatoryTitle !== undefined) set.signatory_title = input.signatoryTitle;
      if (input.signedDate !== undefined) set.signed_date = input.signedDate;
      if (input.fileId !== undefined) set.file_id = input.fileId;
      await trx.updateTable("std_pledges").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.pledge.updated",
        unitId: unit.id,
        entityType: "std.pledge",
        entityId: id,
        data: { fields: Object.keys(input) },
      });
    });
    return this.pledgeWire(id, unit);
  }

  async publishPledge(actor: Actor, id: string): Promise<PledgeWire> {
    const { unit } = await this.pledgeFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `pledge.${id}`);
      const r = await trx
        .selectFrom("std_pledges")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (codec.text(r.status) !== "draft") fail("STD_PLEDGE_NOT_DRAFT");
      const now = this.nowIso();
      await trx
        .updateTable("std_pledges")
        .set({ status: "published", published_by: actor.userId, published_at: now, updated_at: now })
        .where("id", "=", id)
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.pledge.published",
        unitId: unit.id,
        entityType: "std.pledge",
        entityId: id,
      });
    });
    return this.pledgeWire(id, unit);
  }

  async deletePledge(actor: Actor, id: string): Promise<void> {
    const { unit } = await this.pledgeFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `pledge.${id}`);
      const r = await trx
        .selectFrom("std_pledges")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (codec.text(r.status) !== "draft") fail("STD_PLEDGE_NOT_DRAFT");
      await trx.deleteFrom("std_pledges").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.pledge.deleted",
        unitId: unit.id,
        entityType: "std.pledge",
        entityId: id,
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Facilities

  private async facilitiesOf(unitId: string, onlyPublished = false): Promise<FacilityWire[]> {
    let q = this.db.selectFrom("std_facilities").selectAll().where("unit_id", "=", unitId);
    if (onlyPublished) q = q.where("published", "=", enc.bool(true));
    const rows = (await q.orderBy("sort_order").orderBy("name").execute()).map(decodeFacility);
    const photos = await this.db
      .selectFrom("std_facility_photos")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("sort_order")
      .orderBy("created_at")
      .orderBy("file_id")
      .execute();
    return rows.map((f) => ({
      ...f,
      photos: photos
        .filter((p) => codec.text(p.facility_id) === f.id)
        .map((p) => ({
          fileId: codec.text(p.file_id),
          caption: codec.text(p.caption),
          sortOrder: codec.int(p.sort_order),
        })),
    }));
  }

  async listFacilities(
    actor: Actor,
    unitId: string,
  ): Promise<{ items: FacilityWire[]; evidenceKeys: string[] }> {
    const unit = await this.unit(actor, unitId, P.read);
    const [items, evidenceKeys] = await Promise.all([
      this.facilitiesOf(unit.id),
      recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: "facilities", id: unit.id }),
    ]);
    return { items, evidenceKeys };
  }

  private async facilityFor(actor: Actor, id: string, permission: string) {
    const r = await this.db.selectFrom("std_facilities").selectAll().where("id", "=", id).executeTakeFirst();
    const facility = r ? decodeFacility(r) : fail("STD_FACILITY_NOT_FOUND", { id });
    const unit = await this.unitOf(actor, facility.unitId, permission, () =>
      fail("STD_FACILITY_NOT_FOUND", { id }),
    );
    return { facility, unit };
  }

  private async facilityWire(id: string, unitId: string): Promise<FacilityWire> {
    return (await this.facilitiesOf(unitId)).find((f) => f.id === id) as FacilityWire;
  }

  async createFacility(actor: Actor, input: z.output<typeof createFacilityBody>): Promise<FacilityWire> {
    const unit = await this.unit(actor, input.unitId, P.manage);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const now = this.nowIso();
      await trx
        .insertInto("std_facilities")
        .values({
          id,
          unit_id: unit.id,
          kind: input.kind,
          name: input.name,
          description: input.description,
          location: input.location,
          accessibility: enc.json(input.accessibility),
          published: enc.bool(input.published),
          sort_order: input.sortOrder,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.facility.created",
        unitId: unit.id,
        entityType: "std.facility",
        entityId: id,
        data: { kind: input.kind, name: input.name },
      });
    });
    return this.facilityWire(id, unit.id);
  }

  async updateFacility(
    actor: Actor,
    id: string,
    input: z.output<typeof updateFacilityBody>,
  ): Promise<FacilityWire> {
    const { unit } = await this.facilityFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      const set: Record<string, unknown> = { updated_at: this.nowIso() };
      if (input.kind !== undefined) set.kind = input.kind;
      if (input.name !== undefined) set.name = input.name;
      if (input.description !== undefined) set.description = input.description;
      if (input.location !== undefined) set.location = input.location;
      if (input.accessibility !== undefined) set.accessibility = enc.json(input.accessibility);
      if (input.published !== undefined) set.published = enc.bool(input.published);
      if (input.sortOrder !== undefined) set.sort_order = input.sortOrder;
      await trx.updateTable("std_facilities").set(set).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.facility.updated",
        unitId: unit.id,
        entityType: "std.facility",
        entityId: id,
        data: { fields: Object.keys(input) },
      });
    });
    return this.facilityWire(id, unit.id);
  }

  async deleteFacility(actor: Actor, id: string): Promise<void> {
    const { facility, unit } = await this.facilityFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("std_facility_photos").where("facility_id", "=", id).execute();
      await trx.deleteFrom("std_facilities").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.facility.deleted",
        unitId: unit.id,
        entityType: "std.facility",
        entityId: id,
        data: { name: facility.name },
      });
    });
  }

  async addPhoto(
    actor: Actor,
    facilityId: string,
    input: z.output<typeof addPhotoBody>,
  ): Promise<FacilityWire> {
    const { unit } = await this.facilityFor(actor, facilityId, P.manage);
    await this.checkFile(input.fileId, unit.id, IMAGE_MIMES);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, `facility.${facilityId}`);
      const existing = await trx
        .selectFrom("std_facility_photos")
        .select(["file_id", "sort_order"])
        .where("facility_id", "=", facilityId)
        .execute();
      if (existing.some((p) => codec.text(p.file_id) === input.fileId)) fail("STD_PHOTO_EXISTS");
      if (existing.length >= PHOTO_LIMIT) fail("STD_PHOTO_LIMIT", { max: PHOTO_LIMIT });
      await trx
        .insertInto("std_facility_photos")
        .values({
          facility_id: facilityId,
          file_id: input.fileId,
          unit_id: unit.id,
          caption: input.caption,
          sort_order: existing.reduce((m, p) => Math.max(m, codec.int(p.sort_order) + 1), 0),
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.facility.photo_added",
        unitId: unit.id,
        entityType: "std.facility",
        entityId: facilityId,
        data: { fileId: input.fileId },
      });
    });
    return this.facilityWire(facilityId, unit.id);
  }

  async removePhoto(actor: Actor, facilityId: string, fileId: string): Promise<FacilityWire> {
    const { unit } = await this.facilityFor(actor, facilityId, P.manage);
    await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .deleteFrom("std_facility_photos")
        .where("facility_id", "=", facilityId)
        .where("file_id", "=", fileId)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) fail("STD_PHOTO_NOT_FOUND", { id: fileId });
      await this.ctx.audit.record(trx, actor, {
        action: "standards.facility.photo_removed",
        unitId: unit.id,
        entityType: "std.facility",
        entityId: facilityId,
        data: { fileId },
      });
    });
    return this.facilityWire(facilityId, unit.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Contact card

  private async profileOf(unitId: string): Promise<ProfileWire> {
    const r = await this.db
      .selectFrom("std_profiles")
      .selectAll()
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    if (!r) return { unitId, ...EMPTY_PROFILE, updatedAt: null };
    return {
      unitId,
      address: codec.text(r.address),
      phone: codec.text(r.phone),
      whatsapp: codec.text(r.whatsapp),
      email: codec.text(r.email),
      website: codec.text(r.website),
      serviceHours: codec.text(r.service_hours),
      updatedAt: codec.instant(r.updated_at),
    };
  }

  async profile(actor: Actor, unitId: string): Promise<ProfileWire> {
    const unit = await this.unit(actor, unitId, P.read);
    return this.profileOf(unit.id);
  }

  async setProfile(
    actor: Actor,
    unitId: string,
    input: z.output<typeof updateProfileBody>,
  ): Promise<ProfileWire> {
    const unit = await this.unit(actor, unitId, P.manage);
    await this.db.transaction().execute(async (trx) => {
      const values = {
        address: input.address,
        phone: input.phone,
        whatsapp: input.whatsapp,
        email: input.email,
        website: input.website,
        service_hours: input.serviceHours,
        updated_at: this.nowIso(),
      };
      await trx
        .insertInto("std_profiles")
        .values({ unit_id: unit.id, ...values })
        .onConflict((oc) => oc.column("unit_id").doUpdateSet(values))
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "standards.profile.updated",
        unitId: unit.id,
        entityType: "std.profile",
        entityId: unit.id,
      });
    });
    return this.profileOf(unit.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Completeness

  async completeness(actor: Actor, unitId: string): Promise<CompletenessWire> {
    const unit = await this.unit(actor, unitId, P.read);
    const today = this.today(unit);
    const [serviceRows, versions, sops, pledges, facilities, profile] = await Promise.all([
      this.db
        .selectFrom("std_services")
        .selectAll()
        .where("unit_id", "=", unit.id)
        .orderBy("sort_order")
        .orderBy("name_id")
        .execute(),
      this.versionsOf(this.db, { unitId: unit.id }),
      this.sopsOf(this.db, { unitId: unit.id }),
      this.pledgesOf(unit.id),
      this.facilitiesOf(unit.id, true),
      this.profileOf(unit.id),
    ]);
    const services = serviceRows.map(decodeService);
    const pledge = pledgeInForce(pledges, today);
    const result = unitCompleteness({
      services: services.map((s) => this.facts(s, versions, sops, today)),
      pledgeInForce: pledge !== null,
      pledgeHasFile: !!pledge?.fileId,
      publishedFacilities: facilities.length,
      facilitiesWithPhotos: facilities.filter((f) => f.photos.length > 0).length,
      contactFilled:
        !!profile.address.trim() &&
        !!(profile.phone.trim() || profile.whatsapp.trim() || profile.email.trim()),
    });
    const byId = new Map(services.map((s) => [s.id, s]));
    return {
      unitId: unit.id,
      today,
      ...result,
      services: result.services.map((c) => {
        const s = byId.get(c.serviceId) as ServiceWire;
        return { ...c, code: s.code, nameId: s.nameId, nameEn: s.nameEn };
      }),
      evidence: {
        pledge: pledge
          ? await recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: "pledge", id: pledge.id })
          : [],
        facilities: await recordEvidenceLinks(this.ctx, {
          module: EVIDENCE_MODULE,
          type: "facilities",
          id: unit.id,
        }),
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // LKE evidence

  /** The record offered to the worksheet: its id, title and page. */
  private async evidenceRef(actor: Actor, unitId: string, type: EvidenceType, id: string | undefined) {
    const unit = await this.unit(actor, unitId, P.read);
    if (type === "facilities") {
      return {
        unit,
        ref: {
          module: EVIDENCE_MODULE,
          type,
          id: unit.id,
          title: `Sarana prasarana pelayanan ${unit.name}`,
          path: "/standar-layanan/sarana",
        },
      };
    }
    if (!id) fail("STD_RECORD_REQUIRED", { type });
    if (type === "service") {
      const service = await this.serviceRow(this.db, id);
      if (service.unitId !== unit.id) fail("STD_SERVICE_NOT_FOUND", { id });
      return {
        unit,
        ref: {
          module: EVIDENCE_MODULE,
          type,
          id,
          title: `Standar pelayanan: ${service.nameId}`,
          path: `/standar-layanan/layanan/${id}`,
        },
      };
    }
    const { pledge } = await this.pledgeFor(actor, id, P.read);
    if (pledge.unitId !== unit.id) fail("STD_PLEDGE_NOT_FOUND", { id });
    return {
      unit,
      ref: {
        module: EVIDENCE_MODULE,
        type,
        id,
        title: `Maklumat pelayanan ${unit.name} (${pledge.signedDate})`,
        path: "/standar-layanan/maklumat",
      },
    };
  }

  async linkEvidence(actor: Actor, input: z.output<typeof linkEvidenceBody>): Promise<string[]> {
    const { unit, ref } = await this.evidenceRef(actor, input.unitId, input.type, input.id);
    await linkRecordEvidence(this.ctx, actor, { unitId: unit.id, questionKeys: input.questionKeys, ref });
    return recordEvidenceLinks(this.ctx, ref);
  }

  async unlinkEvidence(actor: Actor, input: z.output<typeof unlinkEvidenceBody>): Promise<string[]> {
    const { unit, ref } = await this.evidenceRef(actor, input.unitId, input.type, input.id);
    await unlinkRecordEvidence(this.ctx, actor, {
      unitId: unit.id,
      module: ref.module,
      type: ref.type,
      id: ref.id,
      questionKey: input.questionKey,
    });
    return recordEvidenceLinks(this.ctx, ref);
  }

  // ---------------------------------------------------------------------------------------------
  // Public portal

  private async publicUnit(code: string): Promise<Unit> {
    return (await this.ctx.org.byCode(code)) ?? fail("STD_UNIT_NOT_FOUND", { code });
  }

  /** What the public page shows: only standards in force, the pledge in force, published facilities. */
  async portal(code: string): Promise<PublicPortal> {
    const unit = await this.publicUnit(code);
    const today = this.today(unit);
    const [serviceRows, versions, sops, pledges, facilities, profile] = await Promise.all([
      this.db
        .selectFrom("std_services")
        .selectAll()
        .where("unit_id", "=", unit.id)
        .where("active", "=", enc.bool(true))
        .orderBy("sort_order")
        .orderBy("name_id")
        .execute(),
      this.versionsOf(this.db, { unitId: unit.id }),
      this.sopsOf(this.db, { unitId: unit.id }),
      this.pledgesOf(unit.id),
      this.facilitiesOf(unit.id, true),
      this.profileOf(unit.id),
    ]);
    const services: PublicPortal["services"] = [];
    for (const s of serviceRows.map(decodeService)) {
      const v = publishedOn(
        versions.filter((x) => x.serviceId === s.id),
        today,
      );
      if (!v) continue;
      services.push({
        code: s.code,
        nameId: s.nameId,
        nameEn: s.nameEn,
        descriptionId: s.descriptionId,
        descriptionEn: s.descriptionEn,
        standard: publicPart(v.content),
        version: {
          number: v.number,
          effectiveDate: v.effectiveDate as string,
          decreeNumber: v.decreeNumber ?? "",
          decreeDate: v.decreeDate ?? "",
        },
        sops: sops
          .filter((o) => o.serviceId === s.id && o.effectiveDate <= today)
          .map((o) => ({ number: o.number, title: o.title, effectiveDate: o.effectiveDate })),
      });
    }
    const pledge = pledgeInForce(pledges, today);
    const { unitId: _u, updatedAt: _t, ...contact } = profile;
    const base = `/api/public/units/${encodeURIComponent(unit.code)}/facility-photos`;
    return {
      unit: { code: unit.code, name: unit.name, zone: unit.zone },
      contact,
      today,
      services,
      pledge: pledge
        ? {
            text: pledge.text,
            signatoryName: pledge.signatoryName,
            signatoryTitle: pledge.signatoryTitle,
            signedDate: pledge.signedDate,
          }
        : null,
      facilities: facilities.map((f) => ({
        id: f.id,
        kind: f.kind,
        name: f.name,
        description: f.description,
        location: f.location,
        accessibility: f.accessibility,
        photos: f.photos.map((p) => ({ url: `${base}/${encodeURIComponent(p.fileId)}`, caption: p.caption })),
      })),
      links: {
        survey: `/survei/${encodeURIComponent(unit.code)}`,
        complaint: `/pengaduan/${encodeURIComponent(unit.code)}`,
      },
    };
  }

  /**
   * A facility photo for the public: only a file attached as a photo of a published facility of
   * that unit, and only when it is an image. Anything else is 404, whatever the file is.
   */
  async publicPhoto(code: string, fileId: string): Promise<StoredFile> {
    const unit = await this.publicUnit(code);
    const row = await this.db
      .selectFrom("std_facility_photos as p")
      .innerJoin("std_facilities as f", "f.id", "p.facility_id")
      .select("p.file_id")
      .where("p.unit_id", "=", unit.id)
      .where("f.unit_id", "=", unit.id)
      .where("p.file_id", "=", fileId)
      .where("f.published", "=", enc.bool(true))
      .executeTakeFirst();
    if (!row) fail("STD_PHOTO_NOT_FOUND", { id: fileId });
    const file = await this.ctx.files.get(fileId);
    if (!file || file.unitId !== unit.id || !(IMAGE_MIMES as readonly string[]).includes(file.mime))
      fail("STD_PHOTO_NOT_FOUND", { id: fileId });
    return file;
  }
}
