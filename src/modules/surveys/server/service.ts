/**
 * The surveys service: kinds, periods, public submissions, the computation of a period and its
 * follow-up plan. Staff writes run in one transaction with their audit row. Public submissions keep
 * no identity: the one-per-device mark is a hash of (period, random cookie token) in its own table,
 * not linked to the response; rate limits key on an HMAC of the address (kernel RateLimiter).
 */
import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec, enc } from "../../../kernel/db/codecs";
import { rawQuery } from "../../../kernel/db/database";
import { newId } from "../../../kernel/db/ids";
import { DomainError, fail } from "../../../kernel/http/errors";
import { type Actor, assertScope, scopeRoots } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import { requestSatisfaction } from "../../service-requests/server";
import type {
  FollowUpWire,
  KindSummary,
  PeriodWire,
  PublicForm,
  PublicResults,
  ResultsWire,
  SubmitBody,
} from "../contract";
import { computeIndex, emptyTotals, GroupedTotals, type Totals, toWire } from "../domain/compute";
import {
  AGREE_OPTIONS,
  builtInKind,
  builtInKinds,
  MAX_ELEMENTS,
  PROFILE,
  PROFILE_FIELDS,
  type SurveyKind,
  surveyKindSchema,
} from "../domain/kinds";
import {
  type PeriodStatus,
  type PeriodType,
  partsOf,
  periodLabel,
  periodRange,
  submissionBlock,
} from "../domain/periods";
import { sampleSize } from "../domain/sample";

export const SURVEY_PERMISSIONS = { read: "survey.read", manage: "survey.manage" } as const;
const P = SURVEY_PERMISSIONS;

export interface PeriodRow {
  id: string;
  unitId: string;
  kindId: string;
  kind: SurveyKind;
  title: string;
  periodType: PeriodType;
  year: number;
  part: number | null;
  startsOn: string;
  endsOn: string;
  serviceTypes: string[];
  population: number | null;
  status: PeriodStatus;
  code: string;
  onePerDevice: boolean;
  rateMax: number;
  rateWindowMinutes: number;
  published: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function decodePeriod(r: Record<string, unknown>): PeriodRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    kindId: codec.text(r.kind_id),
    kind: codec.json(r.kind_snapshot),
    title: codec.text(r.title),
    periodType: codec.text(r.period_type) as PeriodType,
    year: codec.int(r.year),
    part: codec.intOrNull(r.part),
    startsOn: codec.text(r.starts_on),
    endsOn: codec.text(r.ends_on),
    serviceTypes: codec.json(r.service_types),
    population: codec.intOrNull(r.population),
    status: codec.text(r.status) as PeriodStatus,
    code: codec.text(r.code),
    onePerDevice: codec.bool(r.one_per_device),
    rateMax: codec.int(r.rate_max),
    rateWindowMinutes: codec.int(r.rate_window_minutes),
    published: codec.bool(r.published),
    version: codec.int(r.version),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

function decodeFollowUp(r: Record<string, unknown>): FollowUpWire {
  return {
    id: codec.text(r.id),
    periodId: codec.text(r.period_id),
    elementCode: codec.text(r.element_code),
    action: codec.text(r.action),
    owner: codec.text(r.owner),
    dueDate: codec.text(r.due_date),
    status: codec.text(r.status) as FollowUpWire["status"],
    note: codec.text(r.note),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

/** Short public code: 8 characters without look-alikes (0/O, 1/l/I). */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export function shortCode(): string {
  const bytes = randomBytes(8);
  let s = "";
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

export const DEVICE_COOKIE = "zona_svy";
export const deviceHash = (periodId: string, token: string) =>
  createHash("sha256").update(`${periodId}:${token}`).digest("base64url");

const scoreCols = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

export interface ComputedPeriod {
  overall: Totals;
  byService: Map<string, Totals>;
  byProfile: Record<string, Map<string, Totals>>;
}

/**
 * Address-wide limit of public submissions across every survey (per HMAC of the address, no address
 * kept), on top of each period's own configurable limit. Counted inside the submission's
 * transaction, so it is not a route-level `config.rateLimit` (that would commit on its own).
 */
export const SUBMIT_LIMIT = { name: "survey.submit", max: 60, windowSeconds: 60 } as const;

const PUBLIC_PERIOD =
  "select id, unit_id, kind_id, title, period_type, year, part, starts_on, ends_on, service_types, population, status, code, one_per_device, rate_max, rate_window_minutes, published, version, created_at, updated_at from survey_periods where code = ?";
const PERIOD_KIND = "select kind_snapshot from survey_periods where id = ?";
const INSERT_DEVICE =
  "insert into survey_devices (period_id, device_hash, unit_id) values (?, ?, ?) on conflict (period_id, device_hash) do nothing returning period_id";
const insertResponse = new Map<number, string>();
function insertResponseSql(n: number): string {
  let q = insertResponse.get(n);
  if (!q) {
    const cols = scoreCols(n);
    q = `insert into survey_responses (id, period_id, unit_id, submitted_on, channel, service_type, age_group, sex, education, occupation, comment, ${cols.join(", ")}) values (${Array.from({ length: 11 + n }, () => "?").join(", ")})`;
    insertResponse.set(n, q);
  }
  return q;
}

export class SurveyService {
  private readonly db: Kysely<any>;
  constructor(private readonly ctx: AppContext) {
    this.db = ctx.db;
  }

  private nowIso() {
    return this.ctx.clock.now().toISOString();
  }
  today() {
    return jakartaDate(this.ctx.clock.now());
  }

  // ---- kinds ------------------------------------------------------------------------------------

  async listKinds(actor: Actor, unitId?: string): Promise<KindSummary[]> {
    const out: KindSummary[] = builtInKinds().map((k) => summary(k, null));
    const roots = scopeRoots(actor, P.read);
    if (roots.length) {
      let q = this.db
        .selectFrom("survey_custom_kinds as k")
        .innerJoin("units as u", "u.id", "k.unit_id")
        .select(["k.id", "k.unit_id", "k.definition"])
        .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
      if (unitId) q = q.where("k.unit_id", "=", unitId);
      for (const r of await q.orderBy("k.created_at").orderBy("k.id").execute())
        out.push(summary(codec.json<SurveyKind>(r.definition), codec.text(r.unit_id)));
    }
    return out;
  }

  async createKind(
    actor: Actor,
    input: {
      unitId: string;
      title: { id: string; en: string };
      elements: { label: { id: string; en: string }; question: { id: string; en: string } }[];
    },
  ): Promise<KindSummary> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.manage);
    const id = `custom-${newId()}`;
    const kind = surveyKindSchema.parse({
      id,
      kind: "custom",
      version: 1,
      regulation: `Survei ${unit.code}`,
      confidence: "U",
      sources: [`Disusun oleh ${unit.name}`],
      title: input.title,
      result: "perception",
      scale: { min: 1, max: 4 },
      elements: input.elements.map((e, i) => ({
        code: `K${i + 1}`,
        label: e.label,
        question: e.question,
        options: AGREE_OPTIONS,
      })),
    });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("survey_custom_kinds")
        .values({
          id,
          unit_id: unit.id,
          definition: enc.json(kind),
          created_by: actor.userId,
          created_at: this.nowIso(),
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.kind.created",
        unitId: unit.id,
        entityType: "survey_kind",
        entityId: id,
        data: { title: input.title.id, elements: kind.elements.length },
      });
    });
    return summary(kind, unit.id);
  }

  private async kindFor(unit: Unit, kindId: string): Promise<SurveyKind> {
    const built = builtInKind(kindId);
    if (built) return built;
    const row = await this.db
      .selectFrom("survey_custom_kinds")
      .select(["unit_id", "definition"])
      .where("id", "=", kindId)
      .executeTakeFirst();
    if (!row) fail("SURVEY_KIND_UNKNOWN", { id: kindId });
    if (codec.text(row.unit_id) !== unit.id) fail("SURVEY_CUSTOM_KIND_OTHER_UNIT", { id: kindId });
    return codec.json<SurveyKind>(row.definition);
  }

  // ---- periods ----------------------------------------------------------------------------------

  async createPeriod(
    actor: Actor,
    input: {
      unitId: string;
      kindId: string;
      title?: string | undefined;
      periodType: PeriodType;
      year: number;
      part?: number | null | undefined;
      serviceTypes: string[];
      population?: number | null | undefined;
      onePerDevice: boolean;
      rateMax: number;
      rateWindowMinutes: number;
      status: "draft" | "open";
    },
  ): Promise<PeriodWire> {
    const unit = await this.ctx.org.getInScope(actor, input.unitId, P.manage);
    const kind = await this.kindFor(unit, input.kindId);
    const part = input.periodType === "year" ? null : (input.part ?? null);
    if (input.periodType !== "year" && (part === null || part > partsOf(input.periodType)))
      fail("SURVEY_PART_INVALID", { part: part ?? "-", type: input.periodType });
    const range = periodRange(input.periodType, input.year, part);
    const services = [...new Set(input.serviceTypes)];
    const id = newId();
    const at = this.nowIso();
    const title =
      input.title ?? `${kind.title.id} — ${periodLabel(input.periodType, input.year, part, "id")}`;
    await this.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom("survey_periods")
        .select("id")
        .where("unit_id", "=", unit.id)
        .where("kind_id", "=", kind.id)
        .where("period_type", "=", input.periodType)
        .where("year", "=", input.year);
      q = part === null ? q.where("part", "is", null) : q.where("part", "=", part);
      if (await q.executeTakeFirst()) fail("SURVEY_PERIOD_EXISTS", { kind: kind.kind.toUpperCase() });
      await trx
        .insertInto("survey_periods")
        .values({
          id,
          unit_id: unit.id,
          kind_id: kind.id,
          kind: kind.kind,
          kind_snapshot: enc.json(kind),
          title,
          period_type: input.periodType,
          year: input.year,
          part,
          starts_on: range.startsOn,
          ends_on: range.endsOn,
          service_types: enc.json(services),
          population: input.population ?? null,
          status: input.status,
          code: shortCode(),
          one_per_device: enc.bool(input.onePerDevice),
          rate_max: input.rateMax,
          rate_window_minutes: input.rateWindowMinutes,
          published: 0,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.period.created",
        unitId: unit.id,
        entityType: "survey_period",
        entityId: id,
        data: { kind: kind.id, periodType: input.periodType, year: input.year, part },
      });
    });
    return this.periodWire(await this.periodRow(this.db, id));
  }

  async periodRow(db: Kysely<any>, id: string): Promise<PeriodRow> {
    const r = await db.selectFrom("survey_periods").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodePeriod(r) : fail("SURVEY_PERIOD_NOT_FOUND", { id });
  }

  /** The period, after checking `permission` over its unit. */
  async periodFor(
    actor: Actor,
    id: string,
    permission: string = P.read,
  ): Promise<{ period: PeriodRow; unit: Unit }> {
    const period = await this.periodRow(this.db, id);
    const unit = (await this.ctx.org.get(period.unitId)) ?? fail("SURVEY_PERIOD_NOT_FOUND", { id });
    assertScope(actor, permission, unit);
    return { period, unit };
  }

  async responseCount(periodIds: string[]): Promise<Map<string, number>> {
    const m = new Map<string, number>();
    if (!periodIds.length) return m;
    const rows = await this.db
      .selectFrom("survey_responses")
      .select(["period_id", sql<number>`count(*)`.as("n")])
      .where("period_id", "in", periodIds)
      .groupBy("period_id")
      .execute();
    for (const r of rows) m.set(codec.text(r.period_id), codec.int(r.n));
    return m;
  }

  async periodWire(p: PeriodRow, unit?: Unit, count?: number): Promise<PeriodWire> {
    const u = unit ?? (await this.ctx.org.get(p.unitId))!;
    const n = count ?? (await this.responseCount([p.id])).get(p.id) ?? 0;
    return {
      id: p.id,
      unit: { id: u.id, code: u.code, name: u.name },
      kindId: p.kindId,
      kind: p.kind.kind,
      kindTitle: p.kind.title,
      result: p.kind.result,
      title: p.title,
      periodType: p.periodType,
      year: p.year,
      part: p.part,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      serviceTypes: p.serviceTypes,
      population: p.population,
      requiredSample: p.population ? sampleSize(p.population) : null,
      responses: n,
      status: p.status,
      code: p.code,
      onePerDevice: p.onePerDevice,
      rateMax: p.rateMax,
      rateWindowMinutes: p.rateWindowMinutes,
      published: p.published,
      version: p.version,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }

  async listPeriods(
    actor: Actor,
    filter: { unitId?: string | undefined; year?: number | undefined },
  ): Promise<PeriodWire[]> {
    const roots = scopeRoots(actor, P.read);
    if (!roots.length) return [];
    let q = this.db
      .selectFrom("survey_periods as p")
      .innerJoin("units as u", "u.id", "p.unit_id")
      .selectAll("p")
      .where((eb) => eb.or(roots.map((r) => eb("u.path", "like", `${r}%`))));
    if (filter.unitId) q = q.where("p.unit_id", "=", filter.unitId);
    if (filter.year) q = q.where("p.year", "=", filter.year);
    const rows = (await q.orderBy("p.starts_on", "desc").orderBy("p.kind").execute()).map(decodePeriod);
    const counts = await this.responseCount(rows.map((r) => r.id));
    const units = new Map<string, Unit>();
    const out: PeriodWire[] = [];
    for (const r of rows) {
      let u = units.get(r.unitId);
      if (!u) {
        u = (await this.ctx.org.get(r.unitId))!;
        units.set(r.unitId, u);
      }
      out.push(await this.periodWire(r, u, counts.get(r.id) ?? 0));
    }
    return out;
  }

  async updatePeriod(
    actor: Actor,
    id: string,
    input: {
      version: number;
      title?: string | undefined;
      serviceTypes?: string[] | undefined;
      population?: number | null | undefined;
      onePerDevice?: boolean | undefined;
      rateMax?: number | undefined;
      rateWindowMinutes?: number | undefined;
      status?: PeriodStatus | undefined;
      published?: boolean | undefined;
    },
  ): Promise<PeriodWire> {
    const { unit } = await this.periodFor(actor, id, P.manage);
    await this.db.transaction().execute(async (trx) => {
      const cur = await this.periodRow(trx, id);
      if (cur.version !== input.version) fail("SURVEY_VERSION_CONFLICT");
      const patch: Record<string, unknown> = { version: cur.version + 1, updated_at: this.nowIso() };
      if (input.title !== undefined) patch.title = input.title;
      if (input.serviceTypes !== undefined) {
        const next = [...new Set(input.serviceTypes)];
        const removed = cur.serviceTypes.filter((s) => !next.includes(s));
        if (removed.length) {
          const used = await trx
            .selectFrom("survey_responses")
            .select("service_type")
            .where("period_id", "=", id)
            .where("service_type", "in", removed)
            .limit(1)
            .executeTakeFirst();
          if (used) fail("SURVEY_KIND_CHANGE_LOCKED", { service: codec.text(used.service_type) });
        }
        patch.service_types = enc.json(next);
      }
      if (input.population !== undefined) patch.population = input.population;
      if (input.onePerDevice !== undefined) patch.one_per_device = enc.bool(input.onePerDevice);
      if (input.rateMax !== undefined) patch.rate_max = input.rateMax;
      if (input.rateWindowMinutes !== undefined) patch.rate_window_minutes = input.rateWindowMinutes;
      if (input.status !== undefined) patch.status = input.status;
      if (input.published !== undefined) patch.published = enc.bool(input.published);
      await trx.updateTable("survey_periods").set(patch).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.period.updated",
        unitId: unit.id,
        entityType: "survey_period",
        entityId: id,
        data: Object.fromEntries(Object.entries(input).filter(([k]) => k !== "version")),
      });
    });
    return this.periodWire(await this.periodRow(this.db, id), unit);
  }

  // ---- computation ------------------------------------------------------------------------------

  /**
   * A period's overall sums: ONE plain aggregate (COUNT and SUM per element, no grouping), what the
   * IKM/index needs everywhere but the results page (public results, the ZI perception indices).
   * Integer sums keep the result exact.
   */
  async overallTotals(period: PeriodRow): Promise<Totals> {
    const cols = scoreCols(period.kind.elements.length);
    const r = (await this.db
      .selectFrom("survey_responses")
      .select([
        sql<number>`count(*)`.as("n"),
        ...cols.map((c) => sql<number>`sum(${sql.ref(c)})`.as(`t_${c}`)),
      ])
      .where("period_id", "=", period.id)
      .executeTakeFirstOrThrow()) as Record<string, unknown>;
    const count = codec.int(r.n);
    // SUM over no rows is NULL
    return { count, sums: cols.map((c) => (count ? codec.int(r[`t_${c}`]) : 0)) };
  }

  /**
   * A period's sums with its breakdowns (the results page): ONE grouped aggregate (service type × profile answers) with SUM per element,
   * folded here into the overall totals and the breakdowns. Integer sums keep the result exact.
   */
  async totals(period: PeriodRow): Promise<ComputedPeriod> {
    const n = period.kind.elements.length;
    const cols = scoreCols(n);
    const dims = ["service_type", "age_group", "sex", "education", "occupation"] as const;
    const rows = await this.db
      .selectFrom("survey_responses")
      .select([
        ...dims,
        sql<number>`count(*)`.as("n"),
        ...cols.map((c) => sql<number>`sum(${sql.ref(c)})`.as(`t_${c}`)),
      ])
      .where("period_id", "=", period.id)
      .groupBy([...dims])
      .execute();
    const overall = emptyTotals(n);
    const byService = new GroupedTotals(n);
    const byProfile: Record<string, GroupedTotals> = Object.fromEntries(
      PROFILE_FIELDS.map((f) => [f, new GroupedTotals(n)]),
    );
    const fieldCol: Record<string, string> = {
      ageGroup: "age_group",
      sex: "sex",
      education: "education",
      occupation: "occupation",
    };
    for (const r of rows as Record<string, unknown>[]) {
      const t: Totals = { count: codec.int(r.n), sums: cols.map((c) => codec.int(r[`t_${c}`])) };
      overall.count += t.count;
      for (let i = 0; i < n; i++) overall.sums[i]! += t.sums[i]!;
      byService.addTotals(codec.textOrNull(r.service_type) ?? "", t);
      for (const f of PROFILE_FIELDS) byProfile[f]!.addTotals(codec.textOrNull(r[fieldCol[f]!]) ?? "", t);
    }
    return {
      overall,
      byService: byService.groups,
      byProfile: Object.fromEntries(PROFILE_FIELDS.map((f) => [f, byProfile[f]!.groups])),
    };
  }

  /** ALASCA's ratings for an SKM period (figures flow here from the service-requests module). */
  private async requestRatings(period: PeriodRow, unitId: string): Promise<ResultsWire["serviceRequests"]> {
    if (period.kind.kind !== "skm" || !this.ctx.modules.some((m) => m.name === "service-requests"))
      return null;
    const f = await requestSatisfaction(this.ctx, unitId, period.startsOn, period.endsOn);
    return {
      ratings: f.ratings,
      average: f.average,
      satisfiedPercent: f.satisfiedPercent,
      scaleMax: f.scaleMax,
    };
  }

  async results(actor: Actor, id: string): Promise<ResultsWire> {
    const { period, unit } = await this.periodFor(actor, id);
    const codes = period.kind.elements.map((e) => e.code);
    const t = await this.totals(period);
    const rows = (m: Map<string, Totals>, order: readonly string[]) =>
      [...m.entries()]
        .sort(([a], [b]) => rank(order, a) - rank(order, b))
        .map(([key, tot]) => ({ key, ...toWire(codes, computeIndex(codes, tot)) }));
    const comments = await this.db
      .selectFrom("survey_responses")
      .select(["submitted_on", "service_type", "comment"])
      .where("period_id", "=", id)
      .where("comment", "is not", null)
      .where("comment", "<>", "")
      .orderBy("submitted_on", "desc")
      .limit(500)
      .execute();
    return {
      period: await this.periodWire(period, unit, t.overall.count),
      kind: period.kind,
      overall: toWire(codes, computeIndex(codes, t.overall)),
      byService: rows(t.byService, period.serviceTypes),
      byProfile: Object.fromEntries(
        PROFILE_FIELDS.map((f) => [f, rows(t.byProfile[f]!, PROFILE[f] as readonly string[])]),
      ),
      comments: comments.map((c) => ({
        date: codec.text(c.submitted_on),
        serviceType: codec.textOrNull(c.service_type),
        text: codec.text(c.comment),
      })),
      followUps: await this.followUpsOf(id),
      serviceRequests: await this.requestRatings(period, unit.id),
    };
  }

  /** Raw responses for the anonymous export (no ids, the day only). */
  async responses(actor: Actor, id: string) {
    const { period, unit } = await this.periodFor(actor, id);
    const cols = scoreCols(period.kind.elements.length);
    const rows = await this.db
      .selectFrom("survey_responses")
      .select([
        "submitted_on",
        "channel",
        "service_type",
        "age_group",
        "sex",
        "education",
        "occupation",
        "comment",
        ...cols,
      ])
      .where("period_id", "=", id)
      .orderBy("submitted_on")
      .orderBy("id")
      .execute();
    return {
      period,
      unit,
      rows: rows.map((r) => ({
        date: codec.text(r.submitted_on),
        channel: codec.text(r.channel),
        serviceType: codec.textOrNull(r.service_type),
        ageGroup: codec.textOrNull(r.age_group),
        sex: codec.textOrNull(r.sex),
        education: codec.textOrNull(r.education),
        occupation: codec.textOrNull(r.occupation),
        comment: codec.textOrNull(r.comment),
        scores: cols.map((c) => codec.int(r[c])),
      })),
    };
  }

  // ---- follow-up --------------------------------------------------------------------------------

  async followUpsOf(periodId: string): Promise<FollowUpWire[]> {
    const rows = await this.db
      .selectFrom("survey_followups")
      .selectAll()
      .where("period_id", "=", periodId)
      .orderBy("due_date")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(decodeFollowUp);
  }

  async createFollowUp(
    actor: Actor,
    periodId: string,
    input: {
      elementCode: string;
      action: string;
      owner: string;
      dueDate: string;
      status: FollowUpWire["status"];
      note: string;
    },
  ): Promise<FollowUpWire> {
    const { period, unit } = await this.periodFor(actor, periodId, P.manage);
    if (!period.kind.elements.some((e) => e.code === input.elementCode))
      fail("SURVEY_ELEMENT_UNKNOWN", { element: input.elementCode });
    const id = newId();
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("survey_followups")
        .values({
          id,
          period_id: periodId,
          unit_id: unit.id,
          element_code: input.elementCode,
          action: input.action,
          owner: input.owner,
          due_date: input.dueDate,
          status: input.status,
          note: input.note,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.followup.created",
        unitId: unit.id,
        entityType: "survey_followup",
        entityId: id,
        data: { periodId, element: input.elementCode, dueDate: input.dueDate },
      });
    });
    return (await this.followUpsOf(periodId)).find((f) => f.id === id)!;
  }

  async updateFollowUp(
    actor: Actor,
    id: string,
    input: Partial<{
      action: string;
      owner: string;
      dueDate: string;
      status: FollowUpWire["status"];
      note: string;
    }>,
  ): Promise<FollowUpWire> {
    const row = await this.db
      .selectFrom("survey_followups")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) fail("SURVEY_FOLLOWUP_NOT_FOUND", { id });
    const f = decodeFollowUp(row);
    const { unit } = await this.periodFor(actor, f.periodId, P.manage);
    const patch: Record<string, unknown> = { updated_at: this.nowIso() };
    if (input.action !== undefined) patch.action = input.action;
    if (input.owner !== undefined) patch.owner = input.owner;
    if (input.dueDate !== undefined) patch.due_date = input.dueDate;
    if (input.status !== undefined) patch.status = input.status;
    if (input.note !== undefined) patch.note = input.note;
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("survey_followups").set(patch).where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.followup.updated",
        unitId: unit.id,
        entityType: "survey_followup",
        entityId: id,
        data: input,
      });
    });
    return (await this.followUpsOf(f.periodId)).find((x) => x.id === id)!;
  }

  async deleteFollowUp(actor: Actor, id: string): Promise<void> {
    const row = await this.db
      .selectFrom("survey_followups")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) fail("SURVEY_FOLLOWUP_NOT_FOUND", { id });
    const f = decodeFollowUp(row);
    const { unit } = await this.periodFor(actor, f.periodId, P.manage);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("survey_followups").where("id", "=", id).execute();
      await this.ctx.audit.record(trx, actor, {
        action: "survey.followup.deleted",
        unitId: unit.id,
        entityType: "survey_followup",
        entityId: id,
        data: { periodId: f.periodId, element: f.elementCode },
      });
    });
  }

  // ---- public -----------------------------------------------------------------------------------

  /**
   * Parsed kind snapshots by period id. A snapshot never changes after the period is created (the
   * versioned questionnaire), so caching it is safe on every node; the rest of the row (status,
   * limits, dates) is read fresh on every request.
   */
  private readonly kindSnapshots = new Map<string, SurveyKind>();

  async byCode(code: string): Promise<PeriodRow> {
    const ex = { db: this.db, dialect: this.ctx.database.dialect };
    const [r] = await rawQuery<Record<string, unknown>>(ex, PUBLIC_PERIOD, [code]);
    // a draft period is not public yet: it does not exist for the public
    if (!r || codec.text(r.status) === "draft") fail("SURVEY_NOT_FOUND", { code });
    const id = codec.text(r.id);
    let kind = this.kindSnapshots.get(id);
    if (!kind) {
      const [k] = await rawQuery<{ kind_snapshot: unknown }>(ex, PERIOD_KIND, [id]);
      kind = codec.json<SurveyKind>(k!.kind_snapshot);
      if (this.kindSnapshots.size >= 1000) this.kindSnapshots.clear();
      this.kindSnapshots.set(id, kind);
    }
    return decodePeriod({ ...r, kind_snapshot: kind });
  }

  async publicForm(code: string, deviceToken: string | undefined): Promise<PublicForm> {
    const p = await this.byCode(code);
    const unit = (await this.ctx.org.get(p.unitId))!;
    const block = submissionBlock(p, this.today());
    let already = false;
    if (p.onePerDevice && deviceToken) {
      already = !!(await this.db
        .selectFrom("survey_devices")
        .select("period_id")
        .where("period_id", "=", p.id)
        .where("device_hash", "=", deviceHash(p.id, deviceToken))
        .executeTakeFirst());
    }
    return {
      code: p.code,
      unit: { code: unit.code, name: unit.name },
      title: p.title,
      periodType: p.periodType,
      year: p.year,
      part: p.part,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      state: block ?? "open",
      kind: p.kind,
      serviceTypes: p.serviceTypes,
      profile: PROFILE as unknown as Record<string, string[]>,
      alreadySubmitted: already,
    };
  }

  /**
   * A public submission: all or nothing. Returns the device token to keep in the cookie (a new one
   * when the browser sent none).
   */
  async submit(
    code: string,
    body: SubmitBody,
    client: { deviceToken?: string | undefined; address: string; channel?: "web" | "import" },
  ): Promise<{ deviceToken: string | null }> {
    const p = await this.byCode(code);
    const block = submissionBlock(p, this.today());
    if (block === "closed") fail("SURVEY_PERIOD_CLOSED", { endsOn: p.endsOn });
    if (block === "not_started") fail("SURVEY_PERIOD_NOT_STARTED", { startsOn: p.startsOn });
    if (block === "not_open") fail("SURVEY_PERIOD_NOT_OPEN");
    const scores = checkScores(p.kind, body.scores);
    const serviceType = checkService(p.serviceTypes, body.serviceType);

    const token = p.onePerDevice
      ? (validToken(client.deviceToken) ?? randomBytes(18).toString("base64url"))
      : null;
    // Hot public path: hand-written SQL with `?` placeholders (rawQuery, both dialects) instead of
    // the query builder, its text built once per element count.
    const values: unknown[] = [
      newId(),
      p.id,
      p.unitId,
      this.today(),
      client.channel ?? "web",
      serviceType,
      body.ageGroup ?? null,
      body.sex ?? null,
      body.education ?? null,
      body.occupation ?? null,
      body.comment ? body.comment : null,
      ...scores,
    ];
    // Both flood limits are counted INSIDE the transaction (one commit per submission, not three):
    // the address-wide SUBMIT_LIMIT across all surveys (it replaces the route-level limit, so a
    // period with a loose rateMax is still protected) and the period's own configurable limit. A
    // refused submission rolls back its hits with everything else: the counters count accepted
    // submissions, and a 429 writes nothing. Only trx in here (SQLite has one connection).
    const now = this.ctx.clock.now();
    const limiter = this.ctx.rateLimiter;
    const addressKey = limiter.keyFor(SUBMIT_LIMIT.name, client.address);
    const periodKey = limiter.keyFor(`survey:${p.id}`, client.address);
    await this.db.transaction().execute(async (trx) => {
      const all = await limiter.hit(addressKey, SUBMIT_LIMIT.windowSeconds, now, trx);
      if (all.count > SUBMIT_LIMIT.max) throw new DomainError("RATE_LIMITED", { retryAfter: all.retryAfter });
      const mine = await limiter.hit(periodKey, p.rateWindowMinutes * 60, now, trx);
      if (mine.count > p.rateMax) throw new DomainError("RATE_LIMITED", { retryAfter: mine.retryAfter });
      const ex = { db: trx, dialect: this.ctx.database.dialect };
      if (token) {
        const marked = await rawQuery(ex, INSERT_DEVICE, [p.id, deviceHash(p.id, token), p.unitId]);
        if (marked.length === 0) fail("SURVEY_ALREADY_SUBMITTED");
      }
      await rawQuery(ex, insertResponseSql(scores.length), values);
    });
    return { deviceToken: token };
  }

  async publicResults(unitCode: string): Promise<PublicResults> {
    const unit = (await this.ctx.org.byCode(unitCode)) ?? fail("SURVEY_UNIT_NOT_FOUND", { code: unitCode });
    const rows = (
      await this.db
        .selectFrom("survey_periods")
        .selectAll()
        .where("unit_id", "=", unit.id)
        .where("published", "=", 1)
        .orderBy("starts_on")
        .execute()
    ).map(decodePeriod);
    const periods = [];
    for (const p of rows) {
      const codes = p.kind.elements.map((e) => e.code);
      const r = toWire(codes, computeIndex(codes, await this.overallTotals(p)));
      periods.push({
        code: p.code,
        title: p.title,
        kind: p.kind.kind,
        result: p.kind.result,
        periodType: p.periodType,
        year: p.year,
        part: p.part,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        respondents: r.respondents,
        ikm: p.kind.result === "ikm" ? r.ikm : null,
        index: r.index,
        grade: p.kind.result === "ikm" ? r.grade : null,
        elements: p.kind.elements.map((e, i) => ({ code: e.code, label: e.label, nrr: r.elements[i]!.nrr })),
        followUps: (await this.followUpsOf(p.id)).map((f) => ({
          elementCode: f.elementCode,
          action: f.action,
          dueDate: f.dueDate,
          status: f.status,
        })),
      });
    }
    return { unit: { code: unit.code, name: unit.name }, periods };
  }

  // ---- for the Zona Integritas module -----------------------------------------------------------

  async perceptionIndices(unitId: string, year: number) {
    const rows = (
      await this.db
        .selectFrom("survey_periods")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("year", "=", year)
        .where("kind", "in", ["ipak", "ipkp"])
        .where("status", "<>", "draft")
        .orderBy("ends_on", "desc")
        .execute()
    ).map(decodePeriod);
    const pick = async (kind: "ipak" | "ipkp") => {
      for (const p of rows.filter((r) => r.kind.kind === kind)) {
        const codes = p.kind.elements.map((e) => e.code);
        const r = computeIndex(codes, await this.overallTotals(p));
        if (r.index)
          return {
            index: toWire(codes, r).index!,
            respondents: r.respondents,
            periodId: p.id,
            title: p.title,
          };
      }
      return null;
    };
    return { ipak: await pick("ipak"), ipkp: await pick("ipkp") };
  }
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? (key === "" ? 10_000 : 5_000) : i;
}

function summary(k: SurveyKind, unitId: string | null): KindSummary {
  return {
    id: k.id,
    kind: k.kind,
    version: k.version,
    regulation: k.regulation,
    confidence: k.confidence,
    title: k.title,
    result: k.result,
    elements: k.elements.map((e) => ({ code: e.code, label: e.label })),
    unitId,
  };
}

function validToken(t: string | undefined): string | undefined {
  return t && /^[A-Za-z0-9_-]{16,64}$/.test(t) ? t : undefined;
}

/** Scores in the kind's element order; every element answered, nothing else. */
export function checkScores(kind: SurveyKind, scores: Record<string, number>): number[] {
  const codes = new Set(kind.elements.map((e) => e.code));
  for (const k of Object.keys(scores))
    if (!codes.has(k)) fail("SURVEY_ELEMENT_UNKNOWN", { element: k.slice(0, 8) });
  if (kind.elements.length > MAX_ELEMENTS) throw new Error("kind has too many elements");
  return kind.elements.map((e) => {
    const v = scores[e.code];
    if (v === undefined) fail("SURVEY_ELEMENT_MISSING", { element: e.code });
    return v;
  });
}

function checkService(allowed: string[], given: string | undefined): string | null {
  if (allowed.length === 0)
    return given ? fail("SURVEY_SERVICE_UNKNOWN", { service: given, allowed: "-" }) : null;
  if (!given) return allowed.length === 1 ? allowed[0]! : fail("SURVEY_SERVICE_MISSING");
  if (!allowed.includes(given))
    fail("SURVEY_SERVICE_UNKNOWN", { service: given.slice(0, 120), allowed: allowed.join(", ") });
  return given;
}
