/**
 * The media service: channels, the unit's planning setting, content items and their workflow,
 * publications with reach, the month view with gaps, the report and LKE evidence links. Every write
 * is one transaction with its item event and audit row; cross-service reads (units, users, files,
 * calendar) happen before the transaction opens (SQLite has one connection).
 */
import type { Kysely } from "kysely";
import { holidayOn, isWorkingDay, localDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import type { Executor } from "../../../kernel/db/transaction";
import { fail } from "../../../kernel/http/errors";
import { type Actor, can, systemActor } from "../../../kernel/identity/actor";
import { peopleById } from "../../../kernel/identity/people";
import type { Unit } from "../../../kernel/org/units";
import {
  linkRecordEvidence,
  recordEvidenceLinks,
  unlinkRecordEvidence,
} from "../../zona-integritas/server/index";
import type {
  BucketWire,
  Channel,
  CreateItemInput,
  ItemDetail,
  ItemSummary,
  MonthView,
  Publication,
  Report,
  TransitionInput,
  UpdateItemInput,
} from "../contract";
import { daysOfMonth, gapsOf, isValidMonth, planMonth, shiftMonth } from "../domain/calendar";
import {
  type ChannelKind,
  EVIDENCE_MODULE,
  EVIDENCE_TYPES,
  MEDIA_PERMISSIONS as P,
  STATUSES,
  type Status,
  type Theme,
} from "../domain/model";
import { addReach, aggregate, checkReach, type PublishedFact, type Reach, ZERO_REACH } from "../domain/reach";
import {
  applyCommand,
  authorsOf,
  type Command,
  type CommandInput,
  checkPublications,
  commandsAt,
  type ItemState,
  isEditable,
  isValidDate,
  isValidUrl,
  type PublicationInput,
  TRANSITIONS,
} from "../domain/workflow";

interface ItemRow {
  id: string;
  unitId: string;
  plannedDate: string;
  theme: Theme;
  title: string;
  draftText: string;
  assigneeId: string | null;
  status: Status;
  rejectReason: string | null;
  authorIds: string[];
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function decodeItem(r: Record<string, unknown>): ItemRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    plannedDate: codec.text(r.planned_date),
    theme: codec.text(r.theme) as Theme,
    title: codec.text(r.title),
    draftText: codec.text(r.draft_text),
    assigneeId: codec.textOrNull(r.assignee_id),
    status: codec.text(r.status) as Status,
    rejectReason: codec.textOrNull(r.reject_reason),
    authorIds: codec.json<string[]>(r.author_ids),
    createdBy: codec.textOrNull(r.created_by),
    submittedBy: codec.textOrNull(r.submitted_by),
    approvedBy: codec.textOrNull(r.approved_by),
    approvedAt: codec.instantOrNull(r.approved_at),
    publishedAt: codec.instantOrNull(r.published_at),
    version: codec.int(r.version),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

function decodeChannel(r: Record<string, unknown>): Channel {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    kind: codec.text(r.kind) as ChannelKind,
    name: codec.text(r.name),
    handle: codec.textOrNull(r.handle),
    url: codec.textOrNull(r.url),
    active: codec.bool(r.active),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

function decodePublication(r: Record<string, unknown>): Publication & { itemId: string } {
  return {
    id: codec.text(r.id),
    itemId: codec.text(r.item_id),
    channelId: codec.text(r.channel_id),
    url: codec.text(r.url),
    publishedOn: codec.text(r.published_on),
    reach: {
      views: codec.int(r.views),
      likes: codec.int(r.likes),
      comments: codec.int(r.comments),
      shares: codec.int(r.shares),
    },
    reachUpdatedAt: codec.instantOrNull(r.reach_updated_at),
  };
}

const itemRef = (item: { id: string; title: string; plannedDate: string }) => ({
  module: EVIDENCE_MODULE,
  type: EVIDENCE_TYPES.item,
  id: item.id,
  title: `Publikasi media: ${item.title} (${item.plannedDate})`,
  path: `/media/konten/${item.id}`,
});
const monthRef = (unitId: string, month: string) => ({
  module: EVIDENCE_MODULE,
  type: EVIDENCE_TYPES.month,
  id: `${unitId}:${month}`,
  title: `Rencana publikasi media ${month}`,
  path: `/media?bulan=${month}`,
});

export class MediaService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  private async unit(actor: Actor, unitId: string, permission: string): Promise<Unit> {
    return this.ctx.org.getInScope(actor, unitId, permission);
  }

  private async event(
    trx: Executor,
    actor: Actor,
    item: { id: string; unitId: string },
    action: string,
    extra: {
      from?: Status | null;
      to?: Status | null;
      note?: string | null;
      data?: Record<string, unknown>;
    } = {},
  ) {
    await trx
      .insertInto("media_item_events")
      .values({
        id: newId(),
        item_id: item.id,
        unit_id: item.unitId,
        action,
        from_status: extra.from ?? null,
        to_status: extra.to ?? null,
        note: extra.note ?? null,
        actor_id: actor.userId,
        actor_name: actor.name,
        at: this.nowIso(),
      })
      .execute();
    await this.ctx.audit.record(trx, actor, {
      action: `media.item.${action}`,
      unitId: item.unitId,
      entityType: "media_item",
      entityId: item.id,
      data: { from: extra.from ?? undefined, to: extra.to ?? undefined, ...extra.data },
    });
  }

  // -----------------------------------------------------------------------------------------------
  // Channels and settings

  async listChannels(actor: Actor, unitId: string, ex: Executor = this.db): Promise<Channel[]> {
    await this.unit(actor, unitId, P.read);
    return this.channelsOf(ex, unitId);
  }

  private async channelsOf(ex: Executor, unitId: string): Promise<Channel[]> {
    const rows = await ex
      .selectFrom("media_channels")
      .selectAll()
      .where("unit_id", "=", unitId)
      .orderBy("name")
      .execute();
    return rows.map(decodeChannel);
  }

  private checkChannelUrl(url: string | null | undefined) {
    if (url && !isValidUrl(url)) fail("MEDIA_URL_INVALID", { url });
  }

  async createChannel(
    actor: Actor,
    input: {
      unitId: string;
      kind: ChannelKind;
      name: string;
      handle?: string | null | undefined;
      url?: string | null | undefined;
      active?: boolean | undefined;
    },
  ): Promise<Channel> {
    const unit = await this.unit(actor, input.unitId, P.plan);
    this.checkChannelUrl(input.url);
    return this.db.transaction().execute(async (trx) => {
      const dup = await trx
        .selectFrom("media_channels")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("name", "=", input.name)
        .executeTakeFirst();
      if (dup) fail("MEDIA_CHANNEL_EXISTS", { name: input.name });
      const id = newId();
      const now = this.nowIso();
      await trx
        .insertInto("media_channels")
        .values({
          id,
          unit_id: unit.id,
          kind: input.kind,
          name: input.name,
          handle: input.handle || null,
          url: input.url || null,
          active: enc.bool(input.active ?? true),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "media.channel.created",
        unitId: unit.id,
        entityType: "media_channel",
        entityId: id,
        data: { kind: input.kind, name: input.name },
      });
      return decodeChannel(
        await trx.selectFrom("media_channels").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
      );
    });
  }

  async updateChannel(
    actor: Actor,
    id: string,
    patch: {
      kind?: ChannelKind | undefined;
      name?: string | undefined;
      handle?: string | null | undefined;
      url?: string | null | undefined;
      active?: boolean | undefined;
    },
  ): Promise<Channel> {
    const row = await this.db
      .selectFrom("media_channels")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    const current = row ? decodeChannel(row) : fail("MEDIA_CHANNEL_NOT_FOUND", { id });
    const unit = await this.unit(actor, current.unitId, P.plan);
    this.checkChannelUrl(patch.url);
    return this.db.transaction().execute(async (trx) => {
      if (patch.name !== undefined && patch.name !== current.name) {
        const dup = await trx
          .selectFrom("media_channels")
          .select("id")
          .where("unit_id", "=", unit.id)
          .where("name", "=", patch.name)
          .executeTakeFirst();
        if (dup) fail("MEDIA_CHANNEL_EXISTS", { name: patch.name });
      }
      const values: Record<string, unknown> = { updated_at: this.nowIso() };
      if (patch.kind !== undefined) values.kind = patch.kind;
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.handle !== undefined) values.handle = patch.handle || null;
      if (patch.url !== undefined) values.url = patch.url || null;
      if (patch.active !== undefined) values.active = enc.bool(patch.active);
      await trx.updateTable("media_channels").set(values).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "media.channel.updated",
        unitId: unit.id,
        entityType: "media_channel",
        entityId: id,
        data: { fields: Object.keys(patch) },
      });
      return decodeChannel(
        await trx.selectFrom("media_channels").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
      );
    });
  }

  async settings(actor: Actor, unitId: string): Promise<{ unitId: string; planWeekends: boolean }> {
    await this.unit(actor, unitId, P.read);
    return { unitId, planWeekends: await this.planWeekends(this.db, unitId) };
  }

  private async planWeekends(ex: Executor, unitId: string): Promise<boolean> {
    const r = await ex
      .selectFrom("media_settings")
      .select("plan_weekends")
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    return r ? codec.bool(r.plan_weekends) : false;
  }

  async setSettings(actor: Actor, unitId: string, planWeekends: boolean) {
    const unit = await this.unit(actor, unitId, P.plan);
    await this.db.transaction().execute(async (trx) => {
      const now = this.nowIso();
      const exists = await trx
        .selectFrom("media_settings")
        .select("unit_id")
        .where("unit_id", "=", unit.id)
        .executeTakeFirst();
      if (exists)
        await trx
          .updateTable("media_settings")
          .set({ plan_weekends: enc.bool(planWeekends), updated_by: actor.userId, updated_at: now })
          .where("unit_id", "=", unit.id)
          .execute();
      else
        await trx
          .insertInto("media_settings")
          .values({
            unit_id: unit.id,
            plan_weekends: enc.bool(planWeekends),
            updated_by: actor.userId,
            updated_at: now,
          })
          .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "media.settings.updated",
        unitId: unit.id,
        entityType: "media_settings",
        entityId: unit.id,
        data: { planWeekends },
      });
    });
    return { unitId: unit.id, planWeekends };
  }

  // -----------------------------------------------------------------------------------------------
  // People

  /** Staff who can be assigned content: users with a role at the unit or below it. */
  async assignees(actor: Actor, unitId: string): Promise<Array<{ id: string; name: string }>> {
    const unit = await this.unit(actor, unitId, P.read);
    const users = await this.ctx.identity.listUsers(systemActor("media"), { unitId: unit.id });
    return users.filter((u) => u.status === "active").map((u) => ({ id: u.id, name: u.name }));
  }

  private async names(ex: Executor, ids: Array<string | null>): Promise<Map<string, string>> {
    return new Map([...(await peopleById(ex, ids))].map(([id, p]) => [id, p.name]));
  }

  // -----------------------------------------------------------------------------------------------
  // Items

  private async getRow(ex: Executor, id: string): Promise<ItemRow> {
    const r = await ex.selectFrom("media_items").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeItem(r) : fail("MEDIA_ITEM_NOT_FOUND", { id });
  }

  /** Checks that need other services (assignee, files) — run before the transaction. */
  private async precheck(
    unit: Unit,
    input: {
      assigneeId?: string | null | undefined;
      attachmentIds?: string[] | undefined;
      plannedDate?: string | undefined;
    },
  ) {
    if (input.plannedDate !== undefined && !isValidDate(input.plannedDate))
      fail("MEDIA_DATE_INVALID", { date: input.plannedDate });
    if (input.assigneeId) {
      const staff = await this.ctx.identity.listUsers(systemActor("media"), { unitId: unit.id });
      if (!staff.some((u) => u.id === input.assigneeId))
        fail("MEDIA_ASSIGNEE_INVALID", { id: input.assigneeId });
    }
    for (const fileId of input.attachmentIds ?? []) {
      const f = (await this.ctx.files.get(fileId)) ?? fail("MEDIA_FILE_NOT_FOUND", { id: fileId });
      if (f.unitId !== unit.id) fail("MEDIA_FILE_OTHER_UNIT", { id: fileId });
    }
  }

  private async checkChannels(trx: Executor, unitId: string, ids: string[], allowInactive: Set<string>) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) fail("MEDIA_CHANNEL_DUPLICATE", { channel: id });
      seen.add(id);
      const r = await trx
        .selectFrom("media_channels")
        .selectAll()
        .where("id", "=", id)
        .where("unit_id", "=", unitId)
        .executeTakeFirst();
      const ch = r ? decodeChannel(r) : fail("MEDIA_CHANNEL_NOT_FOUND", { id });
      if (!ch.active && !allowInactive.has(id)) fail("MEDIA_CHANNEL_INACTIVE", { name: ch.name });
    }
  }

  private async setChannels(trx: Executor, item: { id: string; unitId: string }, ids: string[]) {
    await trx.deleteFrom("media_item_channels").where("item_id", "=", item.id).execute();
    for (const channelId of ids)
      await trx
        .insertInto("media_item_channels")
        .values({ item_id: item.id, channel_id: channelId, unit_id: item.unitId })
        .execute();
  }

  private async setFiles(trx: Executor, item: { id: string; unitId: string }, ids: string[]) {
    await trx.deleteFrom("media_item_files").where("item_id", "=", item.id).execute();
    let position = 0;
    for (const fileId of [...new Set(ids)])
      await trx
        .insertInto("media_item_files")
        .values({ item_id: item.id, file_id: fileId, unit_id: item.unitId, position: position++ })
        .execute();
  }

  async createItem(actor: Actor, input: CreateItemInput): Promise<ItemDetail> {
    const unit = await this.unit(actor, input.unitId, P.plan);
    await this.precheck(unit, input);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.checkChannels(trx, unit.id, input.channelIds, new Set());
      const id = newId();
      const now = this.nowIso();
      const text = input.draftText ?? "";
      const status: Status = input.asDraft ? "draft" : "idea";
      await trx
        .insertInto("media_items")
        .values({
          id,
          unit_id: unit.id,
          planned_date: input.plannedDate,
          theme: input.theme,
          title: input.title,
          draft_text: text,
          assignee_id: input.assigneeId ?? null,
          status,
          author_ids: enc.json(actor.userId ? [actor.userId] : []),
          created_by: actor.userId,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const ref = { id, unitId: unit.id };
      await this.setChannels(trx, ref, input.channelIds);
      await this.setFiles(trx, ref, input.attachmentIds ?? []);
      await this.event(trx, actor, ref, "created", {
        to: status,
        data: { plannedDate: input.plannedDate, theme: input.theme, channels: input.channelIds },
      });
      return id;
    });
    return this.detail(actor, id);
  }

  async updateItem(actor: Actor, id: string, patch: UpdateItemInput): Promise<ItemDetail> {
    const current = await this.getRow(this.db, id);
    const unit = await this.unit(actor, current.unitId, P.plan);
    await this.precheck(unit, patch);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.version !== patch.version) fail("MEDIA_VERSION_CONFLICT");
      if (!isEditable(row.status)) fail("MEDIA_NOT_EDITABLE", { status: row.status });
      const before = new Set(
        (
          await trx.selectFrom("media_item_channels").select("channel_id").where("item_id", "=", id).execute()
        ).map((r) => codec.text(r.channel_id)),
      );
      if (patch.channelIds) await this.checkChannels(trx, unit.id, patch.channelIds, before);
      const values: Record<string, unknown> = { version: row.version + 1, updated_at: this.nowIso() };
      const changed: string[] = [];
      const set = (col: string, key: keyof UpdateItemInput, v: unknown, now: unknown) => {
        if (v === undefined || v === now) return;
        values[col] = v;
        changed.push(key);
      };
      set("planned_date", "plannedDate", patch.plannedDate, row.plannedDate);
      set("theme", "theme", patch.theme, row.theme);
      set("title", "title", patch.title, row.title);
      set("draft_text", "draftText", patch.draftText, row.draftText);
      set("assignee_id", "assigneeId", patch.assigneeId, row.assigneeId);
      // Whoever writes the title or the text becomes one of the item's authors (no self-approval).
      if (
        (changed.includes("title") || changed.includes("draftText")) &&
        actor.userId &&
        !row.authorIds.includes(actor.userId)
      )
        values.author_ids = enc.json([...row.authorIds, actor.userId]);
      await trx.updateTable("media_items").set(values).where("id", "=", id).execute();
      const ref = { id, unitId: row.unitId };
      if (patch.channelIds) {
        await this.setChannels(trx, ref, patch.channelIds);
        changed.push("channelIds");
      }
      if (patch.attachmentIds) {
        await this.setFiles(trx, ref, patch.attachmentIds);
        changed.push("attachmentIds");
      }
      await this.event(trx, actor, ref, "updated", {
        note: changed.join(", ") || null,
        data: { fields: changed },
      });
    });
    return this.detail(actor, id);
  }

  async deleteItem(actor: Actor, id: string): Promise<void> {
    const current = await this.getRow(this.db, id);
    await this.unit(actor, current.unitId, P.plan);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.status !== "idea" && row.status !== "draft")
        fail("MEDIA_NOT_DELETABLE", { status: row.status });
      for (const t of ["media_item_channels", "media_item_files", "media_item_events", "media_publications"])
        await trx.deleteFrom(t).where("item_id", "=", id).execute();
      await trx.deleteFrom("media_items").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "media.item.deleted",
        unitId: row.unitId,
        entityType: "media_item",
        entityId: id,
        data: { title: row.title, plannedDate: row.plannedDate, status: row.status },
      });
    });
  }

  private state(row: ItemRow, channelIds: string[], zone: Unit["zone"]): ItemState {
    return {
      status: row.status,
      authorIds: row.authorIds,
      assigneeId: row.assigneeId,
      submittedBy: row.submittedBy,
      approvedOn: row.approvedAt ? localDate(new Date(row.approvedAt), zone) : null,
      channelIds,
    };
  }

  /** Commands this actor may run on the item now. */
  private commandsFor(actor: Actor, unit: Unit, row: ItemRow): Command[] {
    return commandsAt(row.status).filter((c) => {
      if (!can(actor, TRANSITIONS[c].permission, unit.path)) return false;
      if ((c === "approve" || c === "reject") && actor.userId && authorsOf(row).includes(actor.userId))
        return false;
      return true;
    });
  }

  async transition(actor: Actor, id: string, input: TransitionInput): Promise<ItemDetail> {
    const current = await this.getRow(this.db, id);
    const unit = await this.unit(actor, current.unitId, TRANSITIONS[input.command].permission);
    const today = localDate(this.ctx.clock.now(), unit.zone);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.version !== input.version) fail("MEDIA_VERSION_CONFLICT");
      const channelIds = (
        await trx.selectFrom("media_item_channels").select("channel_id").where("item_id", "=", id).execute()
      ).map((r) => codec.text(r.channel_id));
      const cmd: CommandInput =
        input.command === "reject"
          ? { command: "reject", reason: input.reason ?? "" }
          : input.command === "publish"
            ? { command: "publish", publications: input.publications ?? [] }
            : { command: input.command };
      const to = applyCommand(this.state(row, channelIds, unit.zone), cmd, { actorId: actor.userId, today });
      const now = this.nowIso();
      const values: Record<string, unknown> = { status: to, version: row.version + 1, updated_at: now };
      if (input.command === "submit") {
        values.submitted_by = actor.userId;
        values.submitted_at = now;
        values.reject_reason = null;
      }
      if (input.command === "approve") {
        values.approved_by = actor.userId;
        values.approved_at = now;
      }
      if (input.command === "reject") values.reject_reason = input.reason?.trim() ?? null;
      if (input.command === "withdraw" || input.command === "revise") {
        values.approved_by = null;
        values.approved_at = null;
      }
      if (input.command === "publish") {
        values.published_at = now;
        for (const p of input.publications ?? [])
          await trx
            .insertInto("media_publications")
            .values({
              id: newId(),
              item_id: id,
              unit_id: row.unitId,
              channel_id: p.channelId,
              url: p.url,
              published_on: p.publishedOn,
              views: 0,
              likes: 0,
              comments: 0,
              shares: 0,
              reach_updated_at: null,
              created_at: now,
            })
            .execute();
      }
      await trx.updateTable("media_items").set(values).where("id", "=", id).execute();
      await this.event(trx, actor, row, input.command, {
        from: row.status,
        to,
        note: input.command === "reject" ? (input.reason ?? null) : null,
        data:
          input.command === "publish"
            ? {
                publications: (input.publications ?? []).map((p) => ({ channelId: p.channelId, url: p.url })),
              }
            : {},
      });
    });
    return this.detail(actor, id);
  }

  /** A link for another planned channel of an already published item (posted later than the first). */
  async addPublication(actor: Actor, id: string, input: PublicationInput): Promise<ItemDetail> {
    const current = await this.getRow(this.db, id);
    const unit = await this.unit(actor, current.unitId, P.plan);
    const today = localDate(this.ctx.clock.now(), unit.zone);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.status !== "published")
        fail("MEDIA_TRANSITION_INVALID", {
          command: "add_publication",
          status: row.status,
          allowedFrom: "published",
        });
      const channelIds = (
        await trx.selectFrom("media_item_channels").select("channel_id").where("item_id", "=", id).execute()
      ).map((r) => codec.text(r.channel_id));
      const done = (
        await trx.selectFrom("media_publications").select("channel_id").where("item_id", "=", id).execute()
      ).map((r) => codec.text(r.channel_id));
      if (done.includes(input.channelId)) fail("MEDIA_CHANNEL_DUPLICATE", { channel: input.channelId });
      checkPublications(this.state(row, channelIds, unit.zone), [input], today);
      const now = this.nowIso();
      await trx
        .insertInto("media_publications")
        .values({
          id: newId(),
          item_id: id,
          unit_id: row.unitId,
          channel_id: input.channelId,
          url: input.url,
          published_on: input.publishedOn,
          views: 0,
          likes: 0,
          comments: 0,
          shares: 0,
          reach_updated_at: null,
          created_at: now,
        })
        .execute();
      await trx
        .updateTable("media_items")
        .set({ version: row.version + 1, updated_at: now })
        .where("id", "=", id)
        .execute();
      await this.event(trx, actor, row, "publication_added", {
        data: { channelId: input.channelId, url: input.url },
      });
    });
    return this.detail(actor, id);
  }

  async setReach(actor: Actor, publicationId: string, input: Record<string, unknown>): Promise<Publication> {
    const r = await this.db
      .selectFrom("media_publications")
      .selectAll()
      .where("id", "=", publicationId)
      .executeTakeFirst();
    const pub = r ? decodePublication(r) : fail("MEDIA_PUBLICATION_NOT_FOUND", { id: publicationId });
    const item = await this.getRow(this.db, pub.itemId);
    await this.unit(actor, item.unitId, P.plan);
    const reach = checkReach(input);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, pub.itemId);
      if (row.status !== "published") fail("MEDIA_REACH_NOT_PUBLISHED");
      await trx
        .updateTable("media_publications")
        .set({ ...reach, reach_updated_at: this.nowIso() })
        .where("id", "=", publicationId)
        .execute();
      await this.event(trx, actor, row, "reach_updated", { data: { publicationId, ...reach } });
      return decodePublication(
        await trx
          .selectFrom("media_publications")
          .selectAll()
          .where("id", "=", publicationId)
          .executeTakeFirstOrThrow(),
      );
    });
  }

  async detail(actor: Actor, id: string): Promise<ItemDetail> {
    const row = await this.getRow(this.db, id);
    const unit = await this.unit(actor, row.unitId, P.read);
    const [channels, pubs, files, history] = await Promise.all([
      this.db.selectFrom("media_item_channels").select("channel_id").where("item_id", "=", id).execute(),
      this.db
        .selectFrom("media_publications")
        .selectAll()
        .where("item_id", "=", id)
        .orderBy("published_on")
        .execute(),
      this.db
        .selectFrom("media_item_files as mf")
        .innerJoin("files as f", "f.id", "mf.file_id")
        .select(["f.id", "f.original_name", "f.mime", "f.size_bytes"])
        .where("mf.item_id", "=", id)
        .orderBy("mf.position")
        .execute(),
      this.db
        .selectFrom("media_item_events")
        .selectAll()
        .where("item_id", "=", id)
        .orderBy("at", "desc")
        .execute(),
    ]);
    const names = await this.names(this.db, [row.assigneeId, row.createdBy, row.submittedBy, row.approvedBy]);
    const ref = (uid: string | null) => (uid ? { id: uid, name: names.get(uid) ?? uid } : null);
    const publications = pubs.map(decodePublication).map(({ itemId: _i, ...p }) => p);
    const evidenceKeys = await recordEvidenceLinks(this.ctx, {
      module: EVIDENCE_MODULE,
      type: EVIDENCE_TYPES.item,
      id,
    });
    return {
      id: row.id,
      unitId: row.unitId,
      plannedDate: row.plannedDate,
      theme: row.theme,
      title: row.title,
      status: row.status,
      channelIds: channels.map((c) => codec.text(c.channel_id)),
      assignee: ref(row.assigneeId),
      reach: publications.reduce((acc, p) => addReach(acc, p.reach), { ...ZERO_REACH }),
      draftText: row.draftText,
      rejectReason: row.rejectReason,
      createdBy: ref(row.createdBy),
      submittedBy: ref(row.submittedBy),
      approvedBy: ref(row.approvedBy),
      approvedAt: row.approvedAt,
      publishedAt: row.publishedAt,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      publications,
      attachments: files.map((f) => ({
        id: codec.text(f.id),
        originalName: codec.text(f.original_name),
        mime: codec.text(f.mime),
        sizeBytes: codec.int(f.size_bytes),
      })),
      history: history.map((h) => ({
        id: codec.text(h.id),
        action: codec.text(h.action),
        fromStatus: codec.textOrNull(h.from_status),
        toStatus: codec.textOrNull(h.to_status),
        note: codec.textOrNull(h.note),
        actorName: codec.text(h.actor_name),
        at: codec.instant(h.at),
      })),
      commands: this.commandsFor(actor, unit, row),
      editable: isEditable(row.status) && can(actor, P.plan, unit.path),
      evidenceKeys,
    };
  }

  // -----------------------------------------------------------------------------------------------
  // Month view and report

  /** Items planned between two dates (inclusive), with channels, assignee names and reach. */
  private async summaries(unitId: string, from: string, to: string): Promise<ItemSummary[]> {
    const rows = (
      await this.db
        .selectFrom("media_items")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("planned_date", ">=", from)
        .where("planned_date", "<=", to)
        .orderBy("planned_date")
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    ).map(decodeItem);
    const ids = rows.map((r) => r.id);
    const channels = new Map<string, string[]>();
    const reach = new Map<string, Reach>();
    if (ids.length) {
      for (const c of await this.db
        .selectFrom("media_item_channels")
        .select(["item_id", "channel_id"])
        .where("item_id", "in", ids)
        .execute()) {
        const k = codec.text(c.item_id);
        channels.set(k, [...(channels.get(k) ?? []), codec.text(c.channel_id)]);
      }
      for (const p of (
        await this.db.selectFrom("media_publications").selectAll().where("item_id", "in", ids).execute()
      ).map(decodePublication))
        reach.set(p.itemId, addReach(reach.get(p.itemId) ?? ZERO_REACH, p.reach));
    }
    const names = await this.names(
      this.db,
      rows.map((r) => r.assigneeId),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      plannedDate: r.plannedDate,
      theme: r.theme,
      title: r.title,
      status: r.status,
      channelIds: channels.get(r.id) ?? [],
      assignee: r.assigneeId ? { id: r.assigneeId, name: names.get(r.assigneeId) ?? r.assigneeId } : null,
      reach: reach.get(r.id) ?? { ...ZERO_REACH },
    }));
  }

  /** Publications of the unit published between two dates, with their item's theme. */
  private async facts(unitId: string, from: string, to: string): Promise<PublishedFact[]> {
    const rows = await this.db
      .selectFrom("media_publications as p")
      .innerJoin("media_items as i", "i.id", "p.item_id")
      .selectAll("p")
      .select("i.theme as theme")
      .where("p.unit_id", "=", unitId)
      .where("p.published_on", ">=", from)
      .where("p.published_on", "<=", to)
      .execute();
    return rows.map((r) => {
      const p = decodePublication(r);
      return {
        channelId: p.channelId,
        theme: codec.text(r.theme),
        publishedOn: p.publishedOn,
        reach: p.reach,
      };
    });
  }

  private buckets(items: ItemSummary[], facts: PublishedFact[], by: "channel" | "theme"): BucketWire[] {
    const agg = aggregate(facts, (f) => (by === "channel" ? f.channelId : f.theme));
    const counts = new Map<string, number>();
    for (const it of items)
      for (const k of by === "channel" ? it.channelIds : [it.theme]) counts.set(k, (counts.get(k) ?? 0) + 1);
    const keys = [...new Set([...counts.keys(), ...agg.map((b) => b.key)])].sort();
    return keys.map((key) => {
      const b = agg.find((x) => x.key === key);
      return {
        key,
        items: counts.get(key) ?? 0,
        publications: b?.publications ?? 0,
        reach: b?.reach ?? { ...ZERO_REACH },
      };
    });
  }

  async month(actor: Actor, unitId: string, month: string): Promise<MonthView> {
    if (!isValidMonth(month)) fail("MEDIA_MONTH_INVALID", { month });
    const unit = await this.unit(actor, unitId, P.read);
    const cal = await this.ctx.calendar.calendarFor(unit.id);
    const days = daysOfMonth(month);
    const from = days[0]!;
    const to = days.at(-1)!;
    const [items, facts, channels, planWeekends, evidenceKeys] = await Promise.all([
      this.summaries(unit.id, from, to),
      this.facts(unit.id, from, to),
      this.channelsOf(this.db, unit.id),
      this.planWeekends(this.db, unit.id),
      recordEvidenceLinks(this.ctx, {
        module: EVIDENCE_MODULE,
        type: EVIDENCE_TYPES.month,
        id: `${unit.id}:${month}`,
      }),
    ]);
    const plan = planMonth(
      month,
      items.map((i) => i.plannedDate),
      (d) => isWorkingDay(cal, d),
      planWeekends,
    );
    const statusCounts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const i of items) statusCounts[i.status] = (statusCounts[i.status] ?? 0) + 1;
    return {
      unitId: unit.id,
      month,
      planWeekends,
      days: plan.map((d) => ({
        date: d.date,
        weekday: d.weekday,
        working: d.working,
        holiday: holidayOn(cal, d.date)?.name ?? null,
        required: d.required,
        gap: d.gap,
        items: items.filter((i) => i.plannedDate === d.date),
      })),
      gapCount: gapsOf(plan).length,
      requiredDays: plan.filter((d) => d.required).length,
      statusCounts,
      byChannel: this.buckets(items, facts, "channel"),
      byTheme: this.buckets(items, facts, "theme"),
      reach: facts.reduce((acc, f) => addReach(acc, f.reach), { ...ZERO_REACH }),
      channels,
      evidenceKeys,
    };
  }

  async report(actor: Actor, unitId: string, from: string, to: string): Promise<Report> {
    if (!isValidMonth(from)) fail("MEDIA_MONTH_INVALID", { month: from });
    if (!isValidMonth(to)) fail("MEDIA_MONTH_INVALID", { month: to });
    const months: string[] = [];
    for (let m = from; m <= to && months.length <= 24; m = shiftMonth(m, 1)) months.push(m);
    if (from > to || months.length > 24) fail("MEDIA_RANGE_INVALID", { from, to });
    const unit = await this.unit(actor, unitId, P.read);
    const cal = await this.ctx.calendar.calendarFor(unit.id);
    const start = `${from}-01`;
    const end = daysOfMonth(to).at(-1)!;
    const [items, facts, channels, planWeekends] = await Promise.all([
      this.summaries(unit.id, start, end),
      this.facts(unit.id, start, end),
      this.channelsOf(this.db, unit.id),
      this.planWeekends(this.db, unit.id),
    ]);
    return {
      unitId: unit.id,
      from,
      to,
      months: months.map((m) => {
        const mine = items.filter((i) => i.plannedDate.startsWith(m));
        const plan = planMonth(
          m,
          mine.map((i) => i.plannedDate),
          (d) => isWorkingDay(cal, d),
          planWeekends,
        );
        const f = facts.filter((x) => x.publishedOn.startsWith(m));
        return {
          month: m,
          items: mine.length,
          published: mine.filter((i) => i.status === "published").length,
          gapCount: gapsOf(plan).length,
          reach: f.reduce((acc, x) => addReach(acc, x.reach), { ...ZERO_REACH }),
        };
      }),
      byChannel: this.buckets(items, facts, "channel"),
      byTheme: this.buckets(items, facts, "theme"),
      reach: facts.reduce((acc, f) => addReach(acc, f.reach), { ...ZERO_REACH }),
      channels,
    };
  }

  // -----------------------------------------------------------------------------------------------
  // LKE evidence

  async linkItemEvidence(actor: Actor, id: string, questionKeys: string[]): Promise<string[]> {
    const row = await this.getRow(this.db, id);
    await this.unit(actor, row.unitId, P.read);
    await linkRecordEvidence(this.ctx, actor, { unitId: row.unitId, questionKeys, ref: itemRef(row) });
    return recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: EVIDENCE_TYPES.item, id });
  }

  async unlinkItemEvidence(actor: Actor, id: string, questionKey: string): Promise<string[]> {
    const row = await this.getRow(this.db, id);
    await this.unit(actor, row.unitId, P.read);
    await unlinkRecordEvidence(this.ctx, actor, {
      unitId: row.unitId,
      module: EVIDENCE_MODULE,
      type: EVIDENCE_TYPES.item,
      id,
      questionKey,
    });
    return recordEvidenceLinks(this.ctx, { module: EVIDENCE_MODULE, type: EVIDENCE_TYPES.item, id });
  }

  async linkMonthEvidence(
    actor: Actor,
    unitId: string,
    month: string,
    questionKeys: string[],
  ): Promise<string[]> {
    if (!isValidMonth(month)) fail("MEDIA_MONTH_INVALID", { month });
    const unit = await this.unit(actor, unitId, P.read);
    const ref = monthRef(unit.id, month);
    await linkRecordEvidence(this.ctx, actor, { unitId: unit.id, questionKeys, ref });
    return recordEvidenceLinks(this.ctx, ref);
  }

  async unlinkMonthEvidence(
    actor: Actor,
    unitId: string,
    month: string,
    questionKey: string,
  ): Promise<string[]> {
    if (!isValidMonth(month)) fail("MEDIA_MONTH_INVALID", { month });
    const unit = await this.unit(actor, unitId, P.read);
    const ref = monthRef(unit.id, month);
    await unlinkRecordEvidence(this.ctx, actor, {
      unitId: unit.id,
      module: ref.module,
      type: ref.type,
      id: ref.id,
      questionKey,
    });
    return recordEvidenceLinks(this.ctx, ref);
  }
}
