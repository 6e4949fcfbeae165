/**
 * The fixture resolver of the authorisation matrix: one entry per route of the app's route table
 * (method + url). An entry says what the route guards (kind and effective permission) and how to
 * build a request that reaches that guard for data owned by the target unit (KPKNL Bekasi): path
 * params of a record the demo office owns, the query, and a minimal valid body (generated from the
 * route's OpenAPI schema unless the entry gives one).
 *
 * Kinds:
 *   public         no session needed: never 401/403 (one anonymous case)
 *   self           any signed-in user acts on their own things (me, tokens, "mine" lists)
 *   scoped         needs `perm` over the target unit: allowed for own/parent relations only
 *   global         needs `perm` anywhere (data that belongs to no unit: rubrics, roles, holidays)
 * A route missing here fails the matrix: "route X is not covered by the authorisation matrix".
 */
import { Readable } from "node:stream";
import { newId } from "../../../src/kernel/db/ids";
import type { Part } from "../../../src/kernel/testing";
import type { MatrixUser, World } from "./world";

export type Kind = "public" | "self" | "scoped" | "global";

export interface Fx {
  w: World;
  /** Id of the first row of `table` owned by the target unit (ordered by id), with extra where. */
  id(table: string, where?: Record<string, unknown>): Promise<string>;
  /** A copy of a row with a new id (and `patch`), for cases that destroy what they touch. */
  clone(table: string, id: string, patch?: Record<string, unknown>): Promise<string>;
  /** A new file stored at the target unit (a small PDF unless `data` is given). */
  file(name?: string, data?: Buffer): Promise<string>;
  target: { id: string; code: string; path: string };
}

export interface Fixture {
  kind?: Kind;
  /** The permission(s) the route really checks over the target (default: the declared one); all
   * must be held. E.g. linking a record as LKE evidence needs zi.worksheet.write as well. */
  perm?: string | string[];
  /** Alternatively: any one of these permissions over the target suffices. */
  permAny?: string[];
  /** Only the unit's own staff may act (a domain rule: signing its pact, declaring a conflict of
   * interest): a role at the parent is refused too. */
  ownOnly?: boolean;
  /** Allowed answers that are 404 for a documented reason (the demo holds no such record). */
  allow404?: string;
  /** `user`: the case's caller, when `fresh` (for routes over the caller's own things). */
  params?: (f: Fx, user?: MatrixUser) => Promise<Record<string, string>> | Record<string, string>;
  query?: (f: Fx) => Record<string, string>;
  /** JSON body; `generic` is the minimal body generated from the schema. */
  body?: (f: Fx, generic: any) => unknown | Promise<unknown>;
  /** multipart/form-data parts instead of a JSON body. */
  form?: (f: Fx) => Promise<Part[]> | Part[];
  /** Resolve params and body again for every case (the route destroys or consumes its record). */
  fresh?: boolean;
  /** Run after every other route (it changes a record other routes' fixtures use, e.g. closes the
   * open pact round). */
  last?: boolean;
  /** A list filtered by unit: out-of-scope callers may get 2xx when no out-of-scope row comes back. */
  list?: boolean;
  /** A list of people (`items[].id` or `userId` are users): each must hold a role in the caller's subtree. */
  people?: boolean;
  /** A list whose rows carry no unit: `items` may not outnumber the rows of `sqlTable` in the
   * caller's subtree (so a caller whose subtree holds none sees none). */
  sqlTable?: string;
  /** The caller's session ends or changes in the call: use a throwaway user per case. */
  throwaway?: boolean;
  note?: string;
}

export function makeFx(w: World): Fx {
  const db = w.t.db;
  const target = w.target;
  return {
    w,
    target,
    async id(table, where = {}) {
      let q = db.selectFrom(table).select("id").where("unit_id", "=", target.id);
      for (const [k, v] of Object.entries(where)) q = q.where(k, "=", v);
      const row = await q.orderBy("id").executeTakeFirst();
      if (!row) throw new Error(`fixture: no ${table} row at ${target.code} ${JSON.stringify(where)}`);
      return String(row.id);
    },
    async clone(table, id, patch = {}) {
      const row = await db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const nid = newId();
      await db
        .insertInto(table)
        .values({ ...row, id: nid, ...patch })
        .execute();
      return nid;
    },
    async file(name = "bukti.pdf", data?: Buffer) {
      const pdf = data ?? Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
      const f = await w.t.ctx.files.upload(w.system, {
        unitId: target.id,
        unitPath: target.path,
        filename: name,
        stream: Readable.from(pdf),
      });
      return f.id;
    },
  };
}

const pdfPart = (name = "file"): Part => ({
  name,
  filename: "bukti.pdf",
  type: "application/pdf",
  data: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
});
const unitQ = (f: Fx) => ({ unitId: f.target.id });
const pub: Fixture = { kind: "public" };
const self: Fixture = { kind: "self" };
const RUBRIC = "permenpanrb-90-2021";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e0b1d40000000049454e44ae426082",
  "hex",
);
const one = (table: string, where?: Record<string, unknown>) => async (f: Fx) => ({
  id: await f.id(table, where),
});
const cycle = one("zi_cycles");
const round = one("pact_rounds");
const activity = one("cm_activities");
const programme = one("culture_programmes");
const occurrence = one("culture_occurrences");
const meeting = one("monev_meetings");
const mediaItem = one("media_items");
const complaint = one("cmp_cases");
const wbs = one("wbs_reports");
const grat = one("grat_reports");

export const FIXTURES: Record<string, Fixture> = {
  // ---------- system, docs ----------
  "GET /api/openapi.json": pub,
  "GET /api/docs/openapi.json": pub,
  "GET /api/docs/openapi.yaml": pub,
  "GET /api/docs": pub,
  "GET /api/docs/": pub,
  "GET /api/docs/js/scalar.js": pub,
  "GET /api/health": pub,
  "GET /api/ready": pub,
  "GET /api/meta": pub,

  // ---------- org ----------
  "GET /api/units": { list: true },
  "GET /api/units/:id": { params: (f) => ({ id: f.target.id }) },
  "GET /api/units/:id/subtree": { params: (f) => ({ id: f.target.id }) },
  "POST /api/units": {
    fresh: true,
    body: (f) => ({
      code: `M-${newId().slice(-8)}`,
      name: "Seksi Uji Matriks",
      kind: "kawasan",
      parentId: f.target.id,
    }),
  },
  "PATCH /api/units/:id": { params: (f) => ({ id: f.target.id }), body: () => ({ name: "KPKNL Bekasi" }) },
  "POST /api/units/:id/move": {
    fresh: true,
    params: async (f) => {
      const u = await f.w.t.ctx.org.create(f.w.system, {
        code: `MV-${newId().slice(-8)}`,
        name: "Unit pindahan",
        kind: "kawasan",
        parentId: f.target.id,
      });
      return { id: u.id };
    },
    body: (f) => ({ parentId: f.w.units.child.id }),
  },
  "GET /api/audit": { list: true, query: unitQ },

  // ---------- identity ----------
  "POST /api/auth/login": pub,
  "POST /api/auth/logout": { kind: "self", throwaway: true },
  "POST /api/auth/logout-all": { kind: "self", throwaway: true },
  "POST /api/auth/password-reset/request": pub,
  "POST /api/auth/password-reset/confirm": pub,
  "POST /api/auth/password": {
    kind: "self",
    body: () => ({ current: "bukan-sandi-ini", password: "Matriks-Uji-2026-baru" }),
  },
  "POST /api/auth/totp/setup": self,
  "POST /api/auth/totp/enable": { kind: "self", body: () => ({ code: "000000" }) },
  "POST /api/auth/totp/disable": { kind: "self", body: () => ({ code: "000000" }) },
  "GET /api/auth/tokens": self,
  "POST /api/auth/tokens": { kind: "self", body: () => ({ name: "matriks", scopes: ["org.unit.read"] }) },
  "DELETE /api/auth/tokens/:id": {
    kind: "self",
    fresh: true,
    params: async (f, u) => {
      if (!u) return { id: newId() };
      const actor = await f.w.actorOf(u);
      const tok = await f.w.t.ctx.identity.createToken(actor, { name: "matriks", scopes: [] });
      return { id: tok.item.id };
    },
  },
  "GET /api/me": self,
  "GET /api/me/units": self,
  "GET /api/users": { list: true, query: unitQ },
  "POST /api/users": {
    fresh: true,
    body: (f) => ({
      email: `baru.${newId().slice(-10)}@matrix.test`,
      name: "Pegawai Baru",
      roleKey: "employee",
      unitId: f.target.id,
    }),
  },
  "PATCH /api/users/:id": {
    params: async (f) => ({ id: await userAt(f) }),
    body: () => ({ phone: "081234567890" }),
  },
  "POST /api/users/:id/assignments": {
    params: async (f) => ({ id: await userAt(f) }),
    body: (f) => ({ roleKey: "treasurer", unitId: f.target.id }),
  },
  "DELETE /api/users/:id/assignments/:assignmentId": {
    fresh: true,
    params: async (f) => {
      const u = await f.w.t.ctx.identity.createUser(f.w.system, {
        email: `hapus.${newId().slice(-10)}@matrix.test`,
        name: "Pegawai Sementara",
        roleKey: "employee",
        unitId: f.target.id,
      });
      await f.w.t.ctx.identity.addAssignment(f.w.system, u.id, "media_officer", f.target.id);
      const a = await f.w.t.db
        .selectFrom("role_assignments")
        .select("id")
        .where("user_id", "=", u.id)
        .where("role_key", "=", "media_officer")
        .executeTakeFirstOrThrow();
      return { id: u.id, assignmentId: String(a.id) };
    },
  },
  "GET /api/roles": self,
  "PUT /api/roles/:key": {
    kind: "global",
    params: () => ({ key: "matriks_kustom" }),
    body: () => ({ name: { id: "Peran Uji", en: "Test role" }, permissions: ["org.unit.read"] }),
  },
  "GET /api/permissions": self,

  // ---------- files, calendar ----------
  "POST /api/files": { form: (f) => [{ name: "unitId", value: f.target.id }, pdfPart()] },
  "GET /api/files/:id": { params: async (f) => ({ id: await f.file() }) },
  "GET /api/files/:id/download": { params: async (f) => ({ id: await f.file() }) },
  "GET /api/calendar/holidays": self,
  "PUT /api/calendar/holidays/:date": {
    kind: "global",
    params: () => ({ date: "2026-12-31" }),
    body: () => ({ name: "Libur uji matriks", kind: "cuti_bersama" }),
  },
  "DELETE /api/calendar/holidays/:date": {
    kind: "global",
    fresh: true,
    params: async (f) => {
      await f.w.t.ctx.calendar.putHoliday(f.w.system, {
        date: "2026-12-30",
        name: "Libur uji",
        kind: "cuti_bersama",
      });
      return { date: "2026-12-30" };
    },
  },
  "GET /api/units/:id/hours": { params: (f) => ({ id: f.target.id }) },
  "PUT /api/units/:id/hours": {
    params: (f) => ({ id: f.target.id }),
    body: () => ({
      zone: "WIB",
      week: { 1: [{ start: "07:30", end: "16:00" }], 5: [{ start: "07:30", end: "16:30" }] },
    }),
  },

  // ---------- surveys ----------
  "GET /api/surveys/kinds": { list: true },
  "POST /api/surveys/kinds": { fresh: true },
  "GET /api/surveys/sample-size": { kind: "global", query: () => ({ population: "1200" }) },
  "GET /api/surveys/periods": { list: true },
  "POST /api/surveys/periods": { fresh: true },
  "GET /api/surveys/periods/:id": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "PATCH /api/surveys/periods/:id": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "GET /api/surveys/periods/:id/results": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "GET /api/surveys/periods/:id/followups": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "POST /api/surveys/periods/:id/followups": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "PATCH /api/surveys/followups/:id": { params: async (f) => ({ id: await f.id("survey_followups") }) },
  "DELETE /api/surveys/followups/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("survey_followups", await f.id("survey_followups")) }),
  },
  "GET /api/surveys/periods/:id/responses.xlsx": {
    params: async (f) => ({ id: await f.id("survey_periods") }),
  },
  "GET /api/surveys/periods/:id/results.xlsx": {
    params: async (f) => ({ id: await f.id("survey_periods") }),
  },
  "GET /api/surveys/periods/:id/report.pdf": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "GET /api/surveys/periods/:id/poster.svg": { params: async (f) => ({ id: await f.id("survey_periods") }) },
  "GET /api/public/surveys/:code": { kind: "public", params: async (f) => ({ code: await surveyCode(f) }) },
  "POST /api/public/surveys/:code/responses": {
    kind: "public",
    params: async (f) => ({ code: await surveyCode(f) }),
  },
  "GET /s/_/form.css": pub,
  "GET /s/_/form.js": pub,
  "GET /s/:code": { kind: "public", params: async (f) => ({ code: await surveyCode(f) }) },
  "GET /api/public/surveys/units/:unitCode/results": {
    kind: "public",
    params: (f) => ({ unitCode: f.target.code }),
  },

  // ---------- zona integritas ----------
  "GET /api/zi/rubrics": { kind: "global" },
  "GET /api/zi/rubrics/:id": { kind: "global", params: () => ({ id: RUBRIC }) },
  "PUT /api/zi/rubrics/:id/thresholds": { kind: "global", params: () => ({ id: RUBRIC }) },
  "GET /api/zi/settings": { kind: "global" },
  "PUT /api/zi/settings": { kind: "global", note: "a national setting (the proposal deadline)" },
  "GET /api/zi/cycles": { list: true },
  "POST /api/zi/cycles": { fresh: true },
  "GET /api/zi/cycles/:id": { params: cycle },
  "PATCH /api/zi/cycles/:id": {
    fresh: true,
    params: cycle,
    body: async (f) => ({ version: await version(f, "zi_cycles", (await cycle(f)).id), priorWbk: false }),
  },
  "POST /api/zi/cycles/:id/transitions": { perm: "zi.cycle.manage", params: cycle },
  "GET /api/zi/cycles/:id/worksheet": { params: cycle },
  "PUT /api/zi/cycles/:id/answers/:column": {
    perm: "zi.tpi.evaluate",
    note: "the demo cycle is in TPI review: the tpi column is the open one",
    params: async (f) => ({ ...(await cycle(f)), column: "tpi" }),
    body: async (f) => ({ answers: [{ key: await questionKey(f), answer: "ya" }] }),
  },
  "POST /api/zi/cycles/:id/hasil-from-surveys/:column": {
    perm: "zi.worksheet.write",
    params: async (f) => ({ ...(await cycle(f)), column: "unit" }),
  },
  "POST /api/zi/cycles/:id/evidence": {
    params: cycle,
    body: async (f) => ({ fileId: await f.file(), questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/zi/cycles/:id/evidence/:questionKey/:fileId": {
    params: async (f) => ({ ...(await cycle(f)), questionKey: await questionKey(f), fileId: await f.file() }),
  },
  "GET /api/zi/cycles/:id/questions/:key/history": {
    params: async (f) => ({ ...(await cycle(f)), key: await questionKey(f) }),
  },
  "GET /api/zi/cycles/:id/gaps": { params: cycle },
  "GET /api/zi/cycles/:id/export.xlsx": { params: cycle },
  "POST /api/zi/cycles/:id/import/:column": {
    perm: "zi.tpi.evaluate",
    params: async (f) => ({ ...(await cycle(f)), column: "tpi" }),
    form: () => [{ name: "file", filename: "lke.xlsx", type: XLSX, data: Buffer.from("not a workbook") }],
  },
  "GET /api/zi/cycles/:id/report.pdf": { params: cycle },
  "GET /api/zi/overview": { list: true },
  "GET /api/zi/overview.xlsx": { list: true },

  // ---------- integrity pact ----------
  "GET /api/pact/rounds": { list: true },
  "POST /api/pact/rounds": {
    fresh: true,
    body: (_f, g) => ({
      ...g,
      title: "Pakta Integritas Uji Matriks",
      body: "Saya menyatakan akan bekerja dengan jujur, tidak menerima gratifikasi, dan menjaga integritas. ".repeat(
        3,
      ),
    }),
  },
  "GET /api/pact/rounds/:id": { params: round },
  "POST /api/pact/rounds/:id/close": { params: round, last: true },
  "POST /api/pact/rounds/:id/reminders": { params: round },
  "GET /api/pact/rounds/:id/questions": { params: round },
  "PUT /api/pact/rounds/:id/questions": { params: round },
  "POST /api/pact/rounds/:id/sign": {
    params: round,
    ownOnly: true,
    body: async (f) => {
      const row = await f.w.t.db
        .selectFrom("pact_rounds")
        .select("text_hash")
        .where("id", "=", (await round(f)).id)
        .executeTakeFirstOrThrow();
      return { textHash: String(row.text_hash), agree: true };
    },
  },
  "GET /api/pact/mine": self,
  "GET /api/pact/mine/:id": { perm: "pact.sign", ownOnly: true, params: round },
  "GET /api/pact/rounds/:id/signatures/:userId/pact.pdf": {
    perm: "pact.read",
    params: async (f) => {
      const row = await f.w.t.db
        .selectFrom("pact_signatures")
        .select(["round_id", "user_id"])
        .where("unit_id", "=", f.target.id)
        .orderBy("round_id")
        .executeTakeFirstOrThrow();
      return { id: String(row.round_id), userId: String(row.user_id) };
    },
  },
  "GET /api/pact/rounds/:id/rollup.pdf": { params: round },

  // ---------- change management ----------
  "GET /api/cm/people": { list: true, people: true },
  "GET /api/cm/team": { list: true },
  "POST /api/cm/team/decrees": { fresh: true, note: "replaces the team decree; members stay on the old one" },
  "POST /api/cm/team/members": { fresh: true },
  "PATCH /api/cm/team/members/:id": { params: async (f) => ({ id: await currentMember(f) }) },
  "DELETE /api/cm/team/members/:id": {
    fresh: true,
    params: async (f) => ({
      id: await f.clone("cm_team_members", await currentMember(f), { user_id: await newStaff(f) }),
    }),
  },
  "GET /api/cm/team/history": { list: true, sqlTable: "cm_team_history" },
  "GET /api/cm/activities": { list: true },
  "GET /api/cm/activities/mine": self,
  "POST /api/cm/activities": { fresh: true },
  "GET /api/cm/activities/:id": { perm: "cm.read", params: activity },
  "PATCH /api/cm/activities/:id": { perm: "cm.manage", params: activity },
  "DELETE /api/cm/activities/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("cm_activities", (await activity(f)).id) }),
  },
  "POST /api/cm/activities/:id/files": { perm: "cm.manage", params: activity },
  "DELETE /api/cm/activities/:id/files/:fileId": {
    perm: "cm.manage",
    fresh: true,
    params: async (f) => {
      const { id } = await activity(f);
      const fileId = await f.file();
      await f.w.t.db
        .insertInto("cm_activity_files")
        .values({
          activity_id: id,
          file_id: fileId,
          unit_id: f.target.id,
          linked_by: null,
          linked_at: f.w.t.clock.now().toISOString(),
        })
        .execute();
      return { id, fileId };
    },
  },
  "PUT /api/cm/activities/:id/questions": { params: activity },
  "GET /api/cm/decrees/:id/questions": { params: async (f) => ({ id: await f.id("cm_decrees") }) },
  "PUT /api/cm/decrees/:id/questions": { params: async (f) => ({ id: await f.id("cm_decrees") }) },
  "PUT /api/cm/changes/:id/questions": { params: async (f) => ({ id: await f.id("cm_changes") }) },
  "GET /api/cm/agents": { list: true },
  "POST /api/cm/agents/decrees": { fresh: true },
  "GET /api/cm/agents/counts": { list: true },
  "GET /api/cm/agents/export.xlsx": { list: true },
  "POST /api/cm/agents/:id/changes": {
    perm: "cm.manage",
    note: "or the agent concerned (not a matrix user)",
    params: async (f) => ({ id: await f.id("cm_agents") }),
  },
  "PATCH /api/cm/changes/:id": {
    perm: "cm.manage",
    note: "or the agent concerned (not a matrix user)",
    params: async (f) => ({ id: await f.id("cm_changes") }),
  },
  "DELETE /api/cm/changes/:id": {
    perm: "cm.manage",
    note: "or the agent concerned (not a matrix user)",
    fresh: true,
    params: async (f) => ({ id: await f.clone("cm_changes", await f.id("cm_changes")) }),
  },
  "POST /api/cm/agents/:id/role-models": {
    perm: "cm.manage",
    note: "or the agent concerned (not a matrix user)",
    params: async (f) => ({ id: await f.id("cm_agents") }),
  },
  "DELETE /api/cm/role-models/:id": {
    perm: "cm.manage",
    note: "or the agent concerned (not a matrix user)",
    fresh: true,
    params: async (f) => ({ id: await f.clone("cm_role_models", await f.id("cm_role_models")) }),
  },

  // ---------- culture ----------
  "GET /api/culture/programmes": { list: true },
  "POST /api/culture/programmes": { fresh: true, body: (_f, g) => ({ ...g, code: `UJI_${++serial}` }) },
  "POST /api/culture/programmes/templates": { fresh: true },
  "GET /api/culture/programmes/:id": { params: programme },
  "PATCH /api/culture/programmes/:id": { params: programme },
  "POST /api/culture/programmes/:id/evidence": {
    perm: ["culture.manage", "zi.worksheet.write"],
    params: programme,
    body: async (f) => ({ questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/culture/programmes/:id/evidence/:questionKey": {
    perm: ["culture.manage", "zi.worksheet.write"],
    params: async (f) => ({ ...(await programme(f)), questionKey: await questionKey(f) }),
  },
  "GET /api/culture/programmes/:id/occurrences": { params: programme },
  "POST /api/culture/programmes/:id/occurrences": { params: programme },
  "GET /api/culture/occurrences/:id": { params: occurrence },
  "PUT /api/culture/occurrences/:id": { params: occurrence },
  "DELETE /api/culture/occurrences/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("culture_occurrences", (await occurrence(f)).id) }),
  },
  "POST /api/culture/occurrences/:id/evidence": {
    perm: ["culture.manage", "zi.worksheet.write"],
    params: occurrence,
    body: async (f) => ({ questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/culture/occurrences/:id/evidence/:questionKey": {
    perm: ["culture.manage", "zi.worksheet.write"],
    params: async (f) => ({ ...(await occurrence(f)), questionKey: await questionKey(f) }),
  },
  "GET /api/culture/stats": { list: true, query: (f) => ({ unitId: f.target.id, year: "2026" }) },
  "GET /api/culture/programmes/:id/queue": { params: programme },
  "POST /api/culture/programmes/:id/queue": { params: programme },
  "DELETE /api/culture/queue/:id": {
    fresh: true,
    params: async (f) => ({
      id: await f.clone("culture_speaker_queue", await f.id("culture_speaker_queue")),
    }),
  },
  "GET /api/culture/staff": { list: true, people: true },
  "GET /api/culture/leaves": { list: true },
  "POST /api/culture/leaves": { fresh: true },
  "DELETE /api/culture/leaves/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("culture_leaves", await f.id("culture_leaves")) }),
  },
  "GET /api/culture/gsp/mine": self,
  "GET /api/culture/gsp/schedule": { list: true },
  "POST /api/culture/gsp/generate": {},
  "PUT /api/culture/gsp/roster": {},
  "PATCH /api/culture/gsp/turns/:unitId/:date": {
    perm: "culture.manage",
    note: "or the staff member whose turn it is",
    params: async (f) => {
      const row = await f.w.t.db
        .selectFrom("culture_gsp_turns")
        .select("date")
        .where("unit_id", "=", f.target.id)
        .orderBy("date")
        .executeTakeFirstOrThrow();
      return { unitId: f.target.id, date: String(row.date) };
    },
  },

  // ---------- monitoring ----------
  "GET /api/monev/meetings": { list: true },
  "POST /api/monev/meetings": { fresh: true },
  "GET /api/monev/meetings/:id": { params: meeting },
  "PATCH /api/monev/meetings/:id": { params: meeting },
  "POST /api/monev/meetings/:id/follow-ups": { params: meeting },
  "POST /api/monev/meetings/:id/evidence": {
    perm: ["monev.read", "zi.worksheet.write"],
    params: meeting,
    body: async (f) => ({ questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/monev/meetings/:id/evidence/:questionKey": {
    perm: ["monev.read", "zi.worksheet.write"],
    params: async (f) => ({ ...(await meeting(f)), questionKey: await questionKey(f) }),
  },
  "GET /api/monev/follow-ups": { list: true },
  "GET /api/monev/follow-ups/mine": self,
  "PATCH /api/monev/follow-ups/:id": { params: async (f) => ({ id: await f.id("monev_follow_ups") }) },
  "POST /api/monev/follow-ups/:id/status": {
    perm: "monev.manage",
    params: async (f) => ({ id: await f.id("monev_follow_ups") }),
  },
  "GET /api/monev/rates": { list: true },
  "GET /api/monev/units/:id/people": { params: (f) => ({ id: f.target.id }) },

  // ---------- media ----------
  "GET /api/media/channels": { list: true },
  "POST /api/media/channels": { fresh: true },
  "PATCH /api/media/channels/:id": { params: async (f) => ({ id: await f.id("media_channels") }) },
  "GET /api/media/settings": { list: true },
  "PUT /api/media/settings": {},
  "GET /api/media/assignees": { list: true, people: true },
  "GET /api/media/month": { list: true, query: (f) => ({ unitId: f.target.id, month: "2026-11" }) },
  "GET /api/media/report": {
    list: true,
    query: (f) => ({ unitId: f.target.id, from: "2026-01", to: "2026-11" }),
  },
  "GET /api/media/report.xlsx": {
    list: true,
    query: (f) => ({ unitId: f.target.id, from: "2026-01", to: "2026-11" }),
  },
  "POST /api/media/months/:month/evidence": {
    perm: ["media.read", "zi.worksheet.write"],
    params: () => ({ month: "2026-10" }),
    body: async (f) => ({ unitId: f.target.id, questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/media/months/:month/evidence/:questionKey": {
    perm: ["media.read", "zi.worksheet.write"],
    params: async (f) => ({ month: "2026-10", questionKey: await questionKey(f) }),
  },
  "POST /api/media/items": { fresh: true },
  "GET /api/media/items/:id": { params: mediaItem },
  "PATCH /api/media/items/:id": {
    fresh: true,
    params: draftItem,
    body: () => ({ version: 1, title: "Judul diperbarui oleh uji matriks" }),
  },
  "DELETE /api/media/items/:id": { fresh: true, params: draftItem },
  "POST /api/media/items/:id/transitions": {
    perm: "media.plan",
    fresh: true,
    params: draftItem,
    body: () => ({ command: "submit", version: 1 }),
  },
  "POST /api/media/items/:id/publications": { params: mediaItem },
  "PUT /api/media/publications/:id/reach": {
    params: async (f) => ({ id: await f.id("media_publications") }),
  },
  "POST /api/media/items/:id/evidence": {
    perm: ["media.read", "zi.worksheet.write"],
    params: mediaItem,
    body: async (f) => ({ questionKeys: [await questionKey(f)] }),
  },
  "DELETE /api/media/items/:id/evidence/:questionKey": {
    perm: ["media.read", "zi.worksheet.write"],
    params: async (f) => ({ ...(await mediaItem(f)), questionKey: await questionKey(f) }),
  },

  // ---------- service standards ----------
  "GET /api/standards/services": { list: true },
  "POST /api/standards/services": {
    fresh: true,
    body: (_f, g) => ({ ...g, code: `layanan-uji-${++serial}` }),
  },
  "GET /api/standards/services/:id": { params: async (f) => ({ id: await f.id("std_services") }) },
  "PATCH /api/standards/services/:id": { params: async (f) => ({ id: await f.id("std_services") }) },
  "POST /api/standards/services/:id/versions": { params: async (f) => ({ id: await f.id("std_services") }) },
  "PATCH /api/standards/versions/:id": { fresh: true, params: draftVersion },
  "POST /api/standards/versions/:id/publish": { fresh: true, params: draftVersion },
  "DELETE /api/standards/versions/:id": { fresh: true, params: draftVersion },
  "GET /api/standards/sops": { list: true },
  "POST /api/standards/sops": { fresh: true },
  "PATCH /api/standards/sops/:id": { params: async (f) => ({ id: await f.id("std_sops") }) },
  "DELETE /api/standards/sops/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("std_sops", await f.id("std_sops")) }),
  },
  "GET /api/standards/pledges": { list: true },
  "POST /api/standards/pledges": { fresh: true },
  "PATCH /api/standards/pledges/:id": { fresh: true, params: draftPledge },
  "POST /api/standards/pledges/:id/publish": { fresh: true, params: draftPledge },
  "DELETE /api/standards/pledges/:id": { fresh: true, params: draftPledge },
  "GET /api/standards/facilities": { list: true },
  "POST /api/standards/facilities": { fresh: true },
  "PATCH /api/standards/facilities/:id": { params: async (f) => ({ id: await f.id("std_facilities") }) },
  "DELETE /api/standards/facilities/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("std_facilities", await f.id("std_facilities")) }),
  },
  "POST /api/standards/facilities/:id/photos": {
    fresh: true,
    params: async (f) => ({ id: await f.id("std_facilities") }),
    body: async (f, g) => ({ ...g, fileId: await f.file("foto.png", PNG) }),
  },
  "DELETE /api/standards/facilities/:id/photos/:fileId": {
    fresh: true,
    params: async (f) => {
      const row = await f.w.t.db
        .selectFrom("std_facility_photos")
        .selectAll()
        .where("unit_id", "=", f.target.id)
        .orderBy("file_id")
        .executeTakeFirstOrThrow();
      const fileId = await f.file("foto.pdf");
      await f.w.t.db
        .insertInto("std_facility_photos")
        .values({ ...row, file_id: fileId })
        .execute();
      return { id: String(row.facility_id), fileId };
    },
  },
  "GET /api/standards/profile": { list: true },
  "PUT /api/standards/profile": {},
  "GET /api/standards/completeness": { list: true },
  "POST /api/standards/evidence": {},
  "POST /api/standards/evidence/unlink": {},
  "GET /api/public/units/:code/standards": { kind: "public", params: (f) => ({ code: f.target.code }) },
  "GET /api/public/units/:code/facility-photos/:fileId": {
    kind: "public",
    params: async (f) => ({ code: f.target.code, fileId: await f.file() }),
  },

  // ---------- complaints ----------
  "GET /api/public/complaints/units/:code": { kind: "public", params: (f) => ({ code: f.target.code }) },
  "POST /api/public/complaints": pub,
  "POST /api/public/complaints/track": pub,
  "POST /api/public/complaints/track/reply": pub,
  "POST /api/public/complaints/track/rating": pub,
  "POST /api/public/complaints/track/attachments": { kind: "public", form: () => [pdfPart()] },
  "GET /api/complaints": { list: true },
  "POST /api/complaints/intake": { fresh: true },
  "GET /api/complaints/assignees": { list: true, people: true },
  "GET /api/complaints/rules": { list: true },
  "PUT /api/complaints/rules": {},
  "GET /api/complaints/recap": { list: true },
  "GET /api/complaints/recap.xlsx": { list: true },
  "POST /api/complaints/recap/evidence": { perm: ["complaints.read", "zi.worksheet.write"] },
  "GET /api/complaints/:id": { params: complaint },
  "POST /api/complaints/:id/transitions": { params: complaint },
  "POST /api/complaints/:id/notes": { params: complaint },
  "POST /api/complaints/:id/attachments": { params: complaint },

  // ---------- integrity reports: WBS, gratification, conflict of interest ----------
  "GET /api/public/wbs/challenge": pub,
  "GET /api/public/wbs/units/:code": { kind: "public", params: (f) => ({ code: f.target.code }) },
  "POST /api/public/wbs/units/:code/reports": { kind: "public", params: (f) => ({ code: f.target.code }) },
  "POST /api/public/wbs/follow": pub,
  "POST /api/public/wbs/follow/messages": pub,
  "POST /api/public/wbs/follow/attachments": { kind: "public", form: () => [pdfPart()] },
  "GET /api/integrity/wbs/reports": { list: true },
  "GET /api/integrity/wbs/register.xlsx": { list: true },
  "GET /api/integrity/wbs/reports/:id": { params: wbs },
  "POST /api/integrity/wbs/reports/:id/messages": { params: wbs },
  "POST /api/integrity/wbs/reports/:id/status": {
    fresh: true,
    params: async (f) => ({
      id: await f.clone("wbs_reports", await f.id("wbs_reports", { status: "received" }), {
        code: `WBS-M${++serial}`,
      }),
    }),
    body: () => ({ status: "in_review" }),
  },
  "POST /api/integrity/wbs/reports/:id/identity": { params: wbs },
  "GET /api/integrity/wbs/reports/:id/attachments/:attachmentId": {
    params: async (f) => {
      const row = await f.w.t.db
        .selectFrom("wbs_attachments")
        .select(["id", "report_id"])
        .where("unit_id", "=", f.target.id)
        .orderBy("id")
        .executeTakeFirst();
      return row
        ? { id: String(row.report_id), attachmentId: String(row.id) }
        : { ...(await wbs(f)), attachmentId: newId() };
    },
    allow404: "the demo office's reports carry no attachment",
  },
  "GET /api/integrity/gratification/rules": self,
  "POST /api/integrity/gratification/reports": { fresh: true },
  "GET /api/integrity/gratification/mine": { kind: "global" },
  "GET /api/integrity/gratification/reports": { list: true },
  "GET /api/integrity/gratification/register.xlsx": { list: true },
  "GET /api/integrity/gratification/reports/:id": { perm: "gratification.review", params: grat },
  "POST /api/integrity/gratification/reports/:id/review": {
    fresh: true,
    params: async (f) => ({
      id: await f.clone("grat_reports", await f.id("grat_reports", { status: "reported" }), {
        number: 9000 + ++serial,
      }),
    }),
  },
  "POST /api/integrity/gratification/reports/:id/forward": {
    fresh: true,
    params: (f) => gratIn(f, "reviewed"),
  },
  "POST /api/integrity/gratification/reports/:id/decision": {
    fresh: true,
    params: (f) => gratIn(f, "forwarded"),
  },
  "GET /api/integrity/gratification/recap": { list: true },
  "GET /api/integrity/gratification/campaigns": { list: true },
  "POST /api/integrity/gratification/campaigns": { fresh: true },
  "DELETE /api/integrity/gratification/campaigns/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("grat_campaigns", await f.id("grat_campaigns")) }),
  },
  "POST /api/integrity/coi/declarations": { fresh: true, ownOnly: true },
  "GET /api/integrity/coi/mine": { kind: "global" },
  "GET /api/integrity/coi/declarations": { list: true },
  "POST /api/integrity/coi/declarations/:id/review": {
    params: async (f) => ({ id: await f.id("coi_declarations") }),
  },
  "GET /api/integrity/coi/functions": { list: true, sqlTable: "coi_functions" },
  "POST /api/integrity/coi/functions": { fresh: true },
  "PUT /api/integrity/coi/functions/:id": { params: async (f) => ({ id: await f.id("coi_functions") }) },
  "DELETE /api/integrity/coi/functions/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.clone("coi_functions", await f.id("coi_functions")) }),
  },
  "GET /api/integrity/coi/evaluation": { list: true },
  // ---------- service requests (ALASCA) ----------
  "GET /api/public/requests/units/:code": { kind: "public", params: (f) => ({ code: f.target.code }) },
  "POST /api/public/requests/uploads": {
    kind: "public",
    form: (f) => [{ name: "unitCode", value: f.target.code }, pdfPart()],
  },
  "POST /api/public/requests": pub,
  "POST /api/public/requests/track": pub,
  "POST /api/public/requests/documents": pub,
  "POST /api/public/requests/cancel": pub,
  "POST /api/public/requests/rate": pub,
  "POST /api/public/requests/download": pub,
  "POST /api/public/requests/login/start": pub,
  "POST /api/public/requests/login/verify": pub,
  "POST /api/public/requests/logout": pub,
  "GET /api/public/requests/mine": pub,
  "GET /api/public/documents/:code/verify": { kind: "public", params: () => ({ code: "TIDAK-ADA-0001" }) },
  "GET /api/requests/catalogue": { list: true },
  "POST /api/requests/catalogue": { fresh: true, body: (_f, g) => ({ ...g, code: `UJI${++serial}` }) },
  "GET /api/requests/catalogue/starters": { list: true },
  "POST /api/requests/catalogue/starters": {},
  "GET /api/requests/catalogue/:id": { params: async (f) => ({ id: await f.id("sr_services") }) },
  "PUT /api/requests/catalogue/:id": {
    fresh: true,
    params: async (f) => ({ id: await f.id("sr_services") }),
    body: async (f, g) => ({
      ...g,
      code: `UJI${++serial}`,
      version: await version(f, "sr_services", await f.id("sr_services")),
    }),
  },
  "DELETE /api/requests/catalogue/:id": {
    fresh: true,
    params: async (f) => ({
      id: await f.clone("sr_services", await f.id("sr_services"), { code: `hapus-${++serial}` }),
    }),
  },
  "GET /api/requests/payments": {
    list: true,
    permAny: ["requests.payment", "requests.read"],
    note: "the treasurer (requests.payment) or a reader (requests.read) over the unit",
  },
  "POST /api/requests/payments": {},
  "GET /api/requests/assignees": { list: true, people: true },
  "GET /api/requests/dashboard": { list: true },
  "GET /api/requests/dashboard.xlsx": { list: true },
  "GET /api/requests": { list: true },
  "GET /api/requests/:id": { params: async (f) => ({ id: await f.id("sr_requests") }) },
  "POST /api/requests/:id/transition": { params: async (f) => ({ id: await f.id("sr_requests") }) },
  "POST /api/requests/:id/notes": { params: async (f) => ({ id: await f.id("sr_requests") }) },
  "GET /api/requests/:id/files/:fileId": {
    params: async (f) => {
      const row = await f.w.t.db
        .selectFrom("sr_documents")
        .select(["request_id", "file_id"])
        .where("unit_id", "=", f.target.id)
        .orderBy("request_id")
        .executeTakeFirstOrThrow();
      return { id: String(row.request_id), fileId: String(row.file_id) };
    },
  },

  "POST /api/integrity/evidence": {
    perm: "zi.worksheet.write",
    body: async (f) => ({
      type: "wbs-summary",
      id: "2026",
      unitId: f.target.id,
      questionKeys: [await questionKey(f)],
    }),
  },
};

let serial = 0;

async function currentMember(f: Fx): Promise<string> {
  const row = await f.w.t.db
    .selectFrom("cm_team_members as m")
    .innerJoin("cm_decrees as d", "d.id", "m.decree_id")
    .select("m.id")
    .where("m.unit_id", "=", f.target.id)
    .where("d.active", "=", 1)
    .where("m.ended_at", "is", null)
    .orderBy("m.id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

async function newStaff(f: Fx): Promise<string> {
  const u = await f.w.t.ctx.identity.createUser(f.w.system, {
    email: `staf.${newId().slice(-10)}@matrix.test`,
    name: "Staf Uji",
    roleKey: "employee",
    unitId: f.target.id,
  });
  return u.id;
}

async function version(f: Fx, table: string, id: string): Promise<number> {
  const row = await f.w.t.db
    .selectFrom(table)
    .select("version")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** A new draft version of a published service standard (drafts are what can be edited). */
async function draftVersion(f: Fx): Promise<Record<string, string>> {
  const id = await f.id("std_versions");
  return { id: await f.clone("std_versions", id, { status: "draft", number: 100 + ++serial }) };
}

async function draftPledge(f: Fx): Promise<Record<string, string>> {
  return { id: await f.clone("std_pledges", await f.id("std_pledges"), { status: "draft" }) };
}

async function draftItem(f: Fx): Promise<Record<string, string>> {
  return { id: await f.clone("media_items", await f.id("media_items", { status: "draft" }), { version: 1 }) };
}

/** A copy of a gratification report of the target unit, in `status`. */
async function gratIn(f: Fx, status: string): Promise<Record<string, string>> {
  const any = await f.id("grat_reports", { status: "reviewed" });
  return { id: await f.clone("grat_reports", any, { status, number: 9000 + ++serial }) };
}

async function questionKey(f: Fx): Promise<string> {
  const row = await f.w.t.db
    .selectFrom("zi_answers")
    .select("question_key")
    .where("unit_id", "=", f.target.id)
    .orderBy("question_key")
    .executeTakeFirstOrThrow();
  return String(row.question_key);
}

async function surveyCode(f: Fx): Promise<string> {
  const row = await f.w.t.db
    .selectFrom("survey_periods")
    .selectAll()
    .where("unit_id", "=", f.target.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return String((row as any).code ?? (row as any).public_code ?? row.id);
}

async function userAt(f: Fx): Promise<string> {
  const row = await f.w.t.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "pegawai@zona.demo")
    .executeTakeFirstOrThrow();
  return String(row.id);
}
