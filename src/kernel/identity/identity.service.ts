import { type Kysely, sql } from "kysely";
import type { AuditLog } from "../audit/audit";
import type { Clock } from "../clock";
import { randomToken, sealer, sha256hex } from "../crypto";
import { codec, enc } from "../db/codecs";
import { type DialectName, rawQuery } from "../db/database";
import { newId } from "../db/ids";
import { StampedCache } from "../db/stamped-cache";
import { DomainError, fail } from "../http/errors";
import type { RateLimiter } from "../http/rate-limit";
import type { PermissionDef } from "../module";
import { notifyEmail, type Outbox } from "../notify";
import { unitsRepo } from "../org/org.repo";
import { type Actor, assertScope, can, holds, scopeRoots, systemActor } from "./actor";
import { type AssignmentView, decodeAssignment, decodeUser, type UserRow, usersRepo } from "./identity.repo";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import type { RoleDef } from "./roles";
import { newTotpSecret, otpauthUrl, verifyTotp } from "./totp";

const SESSION_SQL =
  "select s.csrf_token, s.expires_at, s.last_seen_at, u.id as user_id, u.email, u.name, u.status " +
  "from sessions s join users u on u.id = s.user_id where s.id = ?";
const ASSIGNMENTS_SQL =
  "select a.id, a.role_key, a.unit_id, u.path, u.code, u.name as unit_name, r.permissions, r.name_id, r.name_en " +
  "from role_assignments a join roles r on r.key = a.role_key join units u on u.id = a.unit_id where a.user_id = ? order by u.path";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
const SESSION_TOUCH_MS = 5 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;

export interface IdentityOptions {
  db: Kysely<any>;
  dialect: DialectName;
  audit: AuditLog;
  clock: Clock;
  rateLimiter: RateLimiter;
  outbox: Outbox;
  secret: string;
  sessionTtlHours: number;
  publicUrl: string;
  permissions: () => PermissionDef[];
  /** The database's change stamp (SQLite): sessions are then resolved from memory until a write. */
  changeStamp?: () => string;
}

interface ResolvedSession {
  actor: Actor;
  session: SessionInfo;
  /** When the session row was last touched (ms): the sliding expiry is written from the slow path. */
  lastSeenMs: number;
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  phone: string | null;
  status: "active" | "disabled";
  totpEnabled: boolean;
}

export interface SessionInfo {
  id: string;
  csrfToken: string;
  userId: string;
  expiresAt: string;
}

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    nip: u.nip,
    phone: u.phone,
    status: u.status,
    totpEnabled: u.totpEnabled,
  };
}

function normEmail(e: string): string {
  return e.trim().toLowerCase();
}

export class IdentityService {
  private readonly totpBox;
  private readonly sessions: StampedCache<ResolvedSession>;
  constructor(private readonly o: IdentityOptions) {
    this.totpBox = sealer(o.secret, "totp");
    this.sessions = new StampedCache({ changeStamp: o.changeStamp });
  }

  private get db() {
    return this.o.db;
  }
  private now() {
    return this.o.clock.now();
  }

  // ---------- roles ----------

  /** Write the built-in roles (code + module grants) into the table; custom roles are left alone. */
  async syncBuiltinRoles(roles: RoleDef[]): Promise<void> {
    const at = this.now().toISOString();
    for (const r of roles) {
      await this.db
        .insertInto("roles")
        .values({
          key: r.key,
          name_id: r.name.id,
          name_en: r.name.en,
          permissions: enc.json(r.permissions),
          builtin: 1,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            name_id: r.name.id,
            name_en: r.name.en,
            permissions: enc.json(r.permissions),
            builtin: 1,
          }),
        )
        .execute();
    }
  }

  async listRoles() {
    const rows = await this.db
      .selectFrom("roles")
      .selectAll()
      .orderBy("builtin", "desc")
      .orderBy("key")
      .execute();
    return rows.map((r) => ({
      key: codec.text(r.key),
      name: { id: codec.text(r.name_id), en: codec.text(r.name_en) },
      permissions: codec.json<string[]>(r.permissions),
      builtin: codec.bool(r.builtin),
    }));
  }

  async saveCustomRole(
    actor: Actor,
    input: { key: string; name: { id: string; en: string }; permissions: string[] },
  ) {
    if (!holds(actor, "identity.role.write")) throw new DomainError("FORBIDDEN");
    const known = new Set(this.o.permissions().map((p) => p.key));
    const unknown = input.permissions.filter((p) => !known.has(p));
    if (unknown.length) fail("IDENTITY_UNKNOWN_PERMISSION", { permissions: unknown.join(", ") });
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("roles")
        .select(["builtin"])
        .where("key", "=", input.key)
        .executeTakeFirst();
      if (existing && codec.bool(existing.builtin)) fail("IDENTITY_ROLE_BUILTIN", { key: input.key });
      const at = this.now().toISOString();
      const values = {
        name_id: input.name.id,
        name_en: input.name.en,
        permissions: enc.json([...new Set(input.permissions)].sort()),
        updated_at: at,
      };
      if (existing) await trx.updateTable("roles").set(values).where("key", "=", input.key).execute();
      else
        await trx
          .insertInto("roles")
          .values({ key: input.key, builtin: 0, ...values })
          .execute();
      await this.o.audit.record(trx, actor, {
        action: existing ? "identity.role.updated" : "identity.role.created",
        entityType: "role",
        entityId: input.key,
        data: { permissions: input.permissions },
      });
    });
  }

  // ---------- users ----------

  async createUser(
    actor: Actor,
    input: {
      email: string;
      name: string;
      nip?: string | null;
      phone?: string | null;
      password?: string | null;
      roleKey: string;
      unitId: string;
    },
  ): Promise<PublicUser> {
    const email = normEmail(input.email);
    if (input.password) {
      const p = passwordProblem(input.password, email);
      if (p) fail("IDENTITY_WEAK_PASSWORD", { reason: p });
    }
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return this.db.transaction().execute(async (trx) => {
      const unit =
        (await unitsRepo.get(trx, input.unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: input.unitId });
      assertScope(actor, "identity.user.write", unit);
      await this.assertCanGrant(trx, actor, input.roleKey, unit.path);
      if (await usersRepo.byEmail(trx, email)) fail("IDENTITY_EMAIL_TAKEN", { email });
      if (
        input.nip &&
        (await trx.selectFrom("users").select("id").where("nip", "=", input.nip).executeTakeFirst())
      ) {
        fail("IDENTITY_NIP_TAKEN", { nip: input.nip });
      }
      const at = this.now().toISOString();
      const id = newId();
      await trx
        .insertInto("users")
        .values({
          id,
          email,
          name: input.name.trim(),
          nip: input.nip || null,
          phone: input.phone || null,
          password_hash: passwordHash,
          status: "active",
          totp_enabled: 0,
          failed_logins: 0,
          password_changed_at: passwordHash ? at : null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto("role_assignments")
        .values({ id: newId(), user_id: id, role_key: input.roleKey, unit_id: unit.id, created_at: at })
        .execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.user.created",
        unitId: unit.id,
        entityType: "user",
        entityId: id,
        data: { email, roleKey: input.roleKey },
      });
      return publicUser((await usersRepo.get(trx, id))!);
    });
  }

  /** Users that have at least one assignment inside the actor's `identity.user.read` scope. */
  async listUsers(actor: Actor, filter: { unitId?: string; q?: string } = {}) {
    let roots = scopeRoots(actor, "identity.user.read");
    if (filter.unitId) {
      const unit =
        (await unitsRepo.get(this.db, filter.unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: filter.unitId });
      assertScope(actor, "identity.user.read", unit);
      roots = [unit.path];
    }
    if (roots.length === 0) return [];
    let q = this.db
      .selectFrom("users as us")
      .selectAll("us")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("role_assignments as a")
            .innerJoin("units as u", "u.id", "a.unit_id")
            .select("a.id")
            .whereRef("a.user_id", "=", "us.id")
            .where((eb2) => eb2.or(roots.map((r) => eb2("u.path", "like", `${r}%`)))),
        ),
      )
      .orderBy("us.name")
      .limit(500);
    if (filter.q) {
      const like = `%${filter.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([
          eb("us.email", "like", like),
          eb(eb.fn("lower", ["us.name"]), "like", like),
          eb("us.nip", "like", like),
        ]),
      );
    }
    const users = (await q.execute()).map(decodeUser);
    const assignments = await usersRepo.assignments(
      this.db,
      users.map((u) => u.id),
    );
    return users.map((u) => ({
      ...publicUser(u),
      assignments: (assignments.get(u.id) ?? []).map(viewAssignment),
    }));
  }

  async updateUser(
    actor: Actor,
    id: string,
    patch: { name?: string; nip?: string | null; phone?: string | null; status?: "active" | "disabled" },
  ) {
    return this.db.transaction().execute(async (trx) => {
      const user = (await usersRepo.get(trx, id)) ?? fail("IDENTITY_USER_NOT_FOUND", { id });
      await this.assertManages(trx, actor, id);
      const at = this.now().toISOString();
      await trx
        .updateTable("users")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.nip !== undefined ? { nip: patch.nip || null } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone || null } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
      if (patch.status === "disabled") await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.user.updated",
        entityType: "user",
        entityId: id,
        data: { fields: Object.keys(patch), status: patch.status ?? user.status },
      });
      return publicUser((await usersRepo.get(trx, id))!);
    });
  }

  async addAssignment(actor: Actor, userId: string, roleKey: string, unitId: string) {
    return this.db.transaction().execute(async (trx) => {
      (await usersRepo.get(trx, userId)) ?? fail("IDENTITY_USER_NOT_FOUND", { id: userId });
      const unit = (await unitsRepo.get(trx, unitId)) ?? fail("ORG_UNIT_NOT_FOUND", { id: unitId });
      assertScope(actor, "identity.user.write", unit);
      await this.assertCanGrant(trx, actor, roleKey, unit.path);
      const dup = await trx
        .selectFrom("role_assignments")
        .select("id")
        .where("user_id", "=", userId)
        .where("role_key", "=", roleKey)
        .where("unit_id", "=", unitId)
        .executeTakeFirst();
      if (dup) fail("IDENTITY_ASSIGNMENT_EXISTS");
      const id = newId();
      await trx
        .insertInto("role_assignments")
        .values({
          id,
          user_id: userId,
          role_key: roleKey,
          unit_id: unitId,
          created_at: this.now().toISOString(),
        })
        .execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.role.assigned",
        unitId,
        entityType: "user",
        entityId: userId,
        data: { roleKey, assignmentId: id },
      });
      return id;
    });
  }

  async removeAssignment(actor: Actor, userId: string, assignmentId: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("role_assignments as a")
        .innerJoin("units as u", "u.id", "a.unit_id")
        .select(["a.id", "a.role_key", "a.unit_id", "u.path"])
        .where("a.id", "=", assignmentId)
        .where("a.user_id", "=", userId)
        .executeTakeFirst();
      if (!row) fail("IDENTITY_ASSIGNMENT_NOT_FOUND");
      assertScope(actor, "identity.user.write", { id: codec.text(row.unit_id), path: codec.text(row.path) });
      await trx.deleteFrom("role_assignments").where("id", "=", assignmentId).execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.role.revoked",
        unitId: codec.text(row.unit_id),
        entityType: "user",
        entityId: userId,
        data: { roleKey: codec.text(row.role_key), assignmentId },
      });
    });
  }

  /** No escalation: an actor may only hand out a role whose every permission they hold there. */
  private async assertCanGrant(trx: any, actor: Actor, roleKey: string, unitPath: string) {
    const role = await trx
      .selectFrom("roles")
      .select(["permissions"])
      .where("key", "=", roleKey)
      .executeTakeFirst();
    if (!role) fail("IDENTITY_ROLE_NOT_FOUND", { key: roleKey });
    const perms = codec.json<string[]>(role.permissions);
    // A full administrator (roles and users) may hand out sensitive permissions it does not hold
    // itself: it appoints, e.g., the whistle-blowing handler without reading the reports.
    const sensitive = new Set(
      this.o
        .permissions()
        .filter((p) => p.sensitive)
        .map((p) => p.key),
    );
    const appoints =
      can(actor, "identity.role.write", unitPath) && can(actor, "identity.user.write", unitPath);
    const missing = perms.filter((p) => !can(actor, p, unitPath) && !(appoints && sensitive.has(p)));
    if (missing.length) fail("IDENTITY_ROLE_ESCALATION", { key: roleKey, permissions: missing.join(", ") });
  }

  /** The actor manages a user when they hold identity.user.write over every unit the user is assigned at. */
  private async assertManages(trx: any, actor: Actor, userId: string) {
    if (actor.kind === "system") return;
    const list = (await usersRepo.assignments(trx, [userId])).get(userId) ?? [];
    if (list.length === 0) {
      if (!holds(actor, "identity.user.write")) throw new DomainError("FORBIDDEN");
      return;
    }
    for (const a of list) assertScope(actor, "identity.user.write", { id: a.unitId, path: a.unitPath });
  }

  async setPassword(actor: Actor, userId: string, password: string) {
    const user = (await usersRepo.get(this.db, userId)) ?? fail("IDENTITY_USER_NOT_FOUND", { id: userId });
    const p = passwordProblem(password, user.email);
    if (p) fail("IDENTITY_WEAK_PASSWORD", { reason: p });
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      if (actor.userId !== userId) await this.assertManages(trx, actor, userId);
      const at = this.now().toISOString();
      await trx
        .updateTable("users")
        .set({
          password_hash: hash,
          password_changed_at: at,
          failed_logins: 0,
          locked_until: null,
          updated_at: at,
        })
        .where("id", "=", userId)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.password.set",
        entityType: "user",
        entityId: userId,
      });
    });
  }

  async changeOwnPassword(actor: Actor, current: string, next: string) {
    const user = (await usersRepo.get(this.db, actor.userId!)) ?? fail("UNAUTHENTICATED");
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.recordFailure(user);
      fail("AUTH_INVALID_CREDENTIALS");
    }
    await this.setPassword(actor, user.id, next);
  }

  // ---------- login and sessions ----------

  async login(input: {
    email: string;
    password: string;
    totp?: string;
    userAgent?: string;
  }): Promise<{ user: PublicUser; token: string; session: SessionInfo }> {
    const email = normEmail(input.email);
    const user = await usersRepo.byEmail(this.db, email);
    const now = this.now();
    if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
      const minutes = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 60000);
      fail("AUTH_LOCKED", { minutes });
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.status !== "active") {
      if (user) await this.recordFailure(user);
      fail("AUTH_INVALID_CREDENTIALS");
    }
    if (user.totpEnabled) {
      if (!input.totp) fail("AUTH_TOTP_REQUIRED");
      if (!verifyTotp(this.totpBox.open(user.totpSecret!), input.totp, now)) {
        await this.recordFailure(user);
        fail("AUTH_TOTP_INVALID");
      }
    }
    const token = randomToken(32);
    const session: SessionInfo = {
      id: sha256hex(token),
      csrfToken: randomToken(24),
      userId: user.id,
      expiresAt: new Date(now.getTime() + this.o.sessionTtlHours * 3600_000).toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null })
        .where("id", "=", user.id)
        .execute();
      await trx
        .insertInto("sessions")
        .values({
          id: session.id,
          user_id: user.id,
          csrf_token: session.csrfToken,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: session.expiresAt,
          user_agent: input.userAgent?.slice(0, 200) ?? null,
        })
        .execute();
      await this.o.audit.record(trx, actorFor(user), {
        action: "identity.login",
        entityType: "user",
        entityId: user.id,
      });
    });
    return { user: publicUser(user), token, session };
  }

  /** Count a failed attempt in the database (so every node sees it); lock after the threshold. */
  private async recordFailure(user: UserRow) {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      // One atomic increment, so concurrent failures on several nodes are all counted.
      const row = await trx
        .updateTable("users")
        .set({ failed_logins: sql`failed_logins + 1` })
        .where("id", "=", user.id)
        .returning("failed_logins")
        .executeTakeFirstOrThrow();
      const failures = codec.int(row.failed_logins);
      if (failures >= LOCKOUT_THRESHOLD) {
        const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60000).toISOString();
        await trx
          .updateTable("users")
          .set({ failed_logins: 0, locked_until: until })
          .where("id", "=", user.id)
          .execute();
        await this.o.audit.record(trx, systemActor("login-throttle"), {
          action: "identity.user.locked",
          entityType: "user",
          entityId: user.id,
          data: { until, failures },
        });
      }
    });
  }

  /**
   * Resolve a session cookie token to an actor; null when unknown or expired. Every authenticated
   * request comes through here: on SQLite the answer is kept until any row is written (a logout, a
   * role change, a disabled user all write), so a repeat costs no query; see StampedCache.
   */
  async actorFromSession(token: string): Promise<{ actor: Actor; session: SessionInfo } | null> {
    const now = this.now();
    const stamp = this.sessions.stamp();
    if (stamp !== undefined) {
      // Keyed by the token itself (held only in this process's memory): a hit costs no hash.
      const hit = this.sessions.get(token, stamp);
      if (
        hit &&
        hit.session.expiresAt > now.toISOString() &&
        now.getTime() - hit.lastSeenMs <= SESSION_TOUCH_MS
      ) {
        return { actor: hit.actor, session: hit.session };
      }
    }
    const resolved = await this.resolveSession(sha256hex(token), now);
    if (resolved && stamp !== undefined) this.sessions.set(token, stamp, resolved);
    return resolved && { actor: resolved.actor, session: resolved.session };
  }

  private async resolveSession(id: string, now: Date): Promise<ResolvedSession | null> {
    const database = { db: this.db, dialect: this.o.dialect };
    // Hot path (every authenticated request): two hand-written queries instead of the builder.
    const [row] = await rawQuery<Record<string, unknown>>(database, SESSION_SQL, [id]);
    if (!row) return null;
    const expiresAt = codec.instant(row.expires_at);
    if (expiresAt <= now.toISOString() || row.status !== "active") {
      await this.db.deleteFrom("sessions").where("id", "=", id).execute();
      return null;
    }
    const userId = codec.text(row.user_id);
    const assignments = (await rawQuery<Record<string, unknown>>(database, ASSIGNMENTS_SQL, [userId])).map(
      decodeAssignment,
    );
    // Sliding expiry, written at most every few minutes so reads stay reads.
    let lastSeenMs = new Date(codec.instant(row.last_seen_at)).getTime();
    let newExpiry = expiresAt;
    if (now.getTime() - lastSeenMs > SESSION_TOUCH_MS) {
      newExpiry = new Date(now.getTime() + this.o.sessionTtlHours * 3600_000).toISOString();
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: now.toISOString(), expires_at: newExpiry })
        .where("id", "=", id)
        .execute();
      lastSeenMs = now.getTime();
    }
    return {
      actor: {
        kind: "user",
        userId,
        email: codec.text(row.email),
        name: codec.text(row.name),
        assignments,
        sessionId: id,
        via: "session",
      },
      session: { id, csrfToken: codec.text(row.csrf_token), userId, expiresAt: newExpiry },
      lastSeenMs,
    };
  }

  async logout(actor: Actor) {
    if (!actor.sessionId) return;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("id", "=", actor.sessionId!).execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.logout",
        entityType: "user",
        entityId: actor.userId ?? undefined,
      });
    });
  }

  async logoutEverywhere(actor: Actor): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom("sessions").where("user_id", "=", actor.userId!).executeTakeFirst();
      await this.o.audit.record(trx, actor, {
        action: "identity.logout_all",
        entityType: "user",
        entityId: actor.userId ?? undefined,
        data: { sessions: Number(r.numDeletedRows) },
      });
      return Number(r.numDeletedRows);
    });
  }

  async pruneSessions(): Promise<number> {
    const now = this.now().toISOString();
    const r = await this.db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async me(actor: Actor) {
    const user = (await usersRepo.get(this.db, actor.userId!)) ?? fail("UNAUTHENTICATED");
    const assignments = (await usersRepo.assignments(this.db, [user.id])).get(user.id) ?? [];
    const permissions = [...new Set(assignments.flatMap((a) => a.permissions))]
      .filter((p) => !actor.tokenScopes || actor.tokenScopes.includes(p))
      .sort();
    return { user: publicUser(user), assignments: assignments.map(viewAssignment), permissions };
  }

  // ---------- API tokens ----------

  async createToken(actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number }) {
    if (actor.via === "token") throw new DomainError("FORBIDDEN");
    const me = await this.me(actor);
    const missing = input.scopes.filter((s) => !me.permissions.includes(s));
    if (missing.length) fail("IDENTITY_TOKEN_SCOPE", { permissions: missing.join(", ") });
    const token = `zona_${randomToken(30)}`;
    const id = newId();
    const now = this.now();
    const expiresAt = input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86400_000).toISOString()
      : null;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("api_tokens")
        .values({
          id,
          user_id: actor.userId,
          name: input.name,
          token_hash: sha256hex(token),
          prefix: token.slice(0, 10),
          scopes: enc.json([...new Set(input.scopes)].sort()),
          created_at: now.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.token.created",
        entityType: "api_token",
        entityId: id,
        data: { name: input.name, scopes: input.scopes },
      });
    });
    return {
      token,
      item: {
        id,
        name: input.name,
        prefix: token.slice(0, 10),
        scopes: input.scopes,
        createdAt: now.toISOString(),
        expiresAt,
        lastUsedAt: null,
      },
    };
  }

  async listTokens(actor: Actor) {
    const rows = await this.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("user_id", "=", actor.userId)
      .where("revoked_at", "is", null)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map((r) => ({
      id: codec.text(r.id),
      name: codec.text(r.name),
      prefix: codec.text(r.prefix),
      scopes: codec.json<string[]>(r.scopes),
      createdAt: codec.instant(r.created_at),
      expiresAt: codec.instantOrNull(r.expires_at),
      lastUsedAt: codec.instantOrNull(r.last_used_at),
    }));
  }

  async revokeToken(actor: Actor, id: string) {
    await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("api_tokens")
        .set({ revoked_at: this.now().toISOString() })
        .where("id", "=", id)
        .where("user_id", "=", actor.userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) fail("IDENTITY_TOKEN_NOT_FOUND");
      await this.o.audit.record(trx, actor, {
        action: "identity.token.revoked",
        entityType: "api_token",
        entityId: id,
      });
    });
  }

  async actorFromToken(token: string): Promise<Actor | null> {
    const row = await this.db
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select([
        "t.id",
        "t.scopes",
        "t.expires_at",
        "t.revoked_at",
        "t.last_used_at",
        "u.id as user_id",
        "u.email",
        "u.name",
        "u.status",
      ])
      .where("t.token_hash", "=", sha256hex(token))
      .executeTakeFirst();
    const now = this.now();
    if (!row || row.revoked_at || row.status !== "active") return null;
    if (row.expires_at && codec.instant(row.expires_at) <= now.toISOString()) return null;
    const userId = codec.text(row.user_id);
    const lastUsed = row.last_used_at ? new Date(codec.instant(row.last_used_at)).getTime() : 0;
    if (now.getTime() - lastUsed > SESSION_TOUCH_MS) {
      await this.db
        .updateTable("api_tokens")
        .set({ last_used_at: now.toISOString() })
        .where("id", "=", row.id)
        .execute();
    }
    return {
      kind: "user",
      userId,
      email: codec.text(row.email),
      name: codec.text(row.name),
      assignments: (await usersRepo.assignments(this.db, [userId])).get(userId) ?? [],
      tokenScopes: codec.json<string[]>(row.scopes),
      via: "token",
    };
  }

  // ---------- TOTP ----------

  async totpSetup(actor: Actor) {
    const user = (await usersRepo.get(this.db, actor.userId!))!;
    const secret = newTotpSecret();
    await this.db
      .updateTable("users")
      .set({ totp_pending: this.totpBox.seal(secret) })
      .where("id", "=", user.id)
      .execute();
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async totpEnable(actor: Actor, code: string) {
    const user = (await usersRepo.get(this.db, actor.userId!))!;
    if (!user.totpPending) fail("AUTH_TOTP_NOT_SET_UP");
    const secret = this.totpBox.open(user.totpPending);
    if (!verifyTotp(secret, code, this.now())) fail("AUTH_TOTP_INVALID");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ totp_secret: user.totpPending, totp_pending: null, totp_enabled: 1 })
        .where("id", "=", user.id)
        .execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.totp.enabled",
        entityType: "user",
        entityId: user.id,
      });
    });
  }

  async totpDisable(actor: Actor, code: string) {
    const user = (await usersRepo.get(this.db, actor.userId!))!;
    if (!user.totpEnabled || !user.totpSecret) return;
    if (!verifyTotp(this.totpBox.open(user.totpSecret), code, this.now())) fail("AUTH_TOTP_INVALID");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ totp_secret: null, totp_enabled: 0 })
        .where("id", "=", user.id)
        .execute();
      await this.o.audit.record(trx, actor, {
        action: "identity.totp.disabled",
        entityType: "user",
        entityId: user.id,
      });
    });
  }

  // ---------- password reset ----------

  /** Always succeeds from the caller's view, so it does not reveal which e-mails exist. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await usersRepo.byEmail(this.db, email);
    if (user?.status !== "active") return;
    const token = randomToken(32);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("password_resets")
        .values({
          token_hash: sha256hex(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
        })
        .execute();
      const link = `${this.o.publicUrl}/atur-ulang-sandi?token=${encodeURIComponent(token)}`;
      await notifyEmail(this.o.outbox, trx, {
        to: user.email,
        subject: "Zona — atur ulang kata sandi / reset your password",
        text:
          `Yth. ${user.name},\n\nKami menerima permintaan untuk mengatur ulang kata sandi akun Zona Anda. ` +
          `Buka tautan berikut dalam 60 menit:\n${link}\n\nJika Anda tidak memintanya, abaikan e-mail ini.\n\n` +
          `---\nWe received a request to reset your Zona password. Open the link above within 60 minutes. ` +
          `If you did not ask for it, ignore this e-mail.`,
      });
      await this.o.audit.record(trx, systemActor("password-reset"), {
        action: "identity.password.reset_requested",
        entityType: "user",
        entityId: user.id,
      });
    });
  }

  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const hashId = sha256hex(token);
    const now = this.now().toISOString();
    const row = await this.db
      .selectFrom("password_resets")
      .selectAll()
      .where("token_hash", "=", hashId)
      .executeTakeFirst();
    if (!row || row.used_at || codec.instant(row.expires_at) <= now) fail("AUTH_RESET_INVALID");
    const user = (await usersRepo.get(this.db, codec.text(row.user_id)))!;
    const p = passwordProblem(password, user.email);
    if (p) fail("IDENTITY_WEAK_PASSWORD", { reason: p });
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("token_hash", "=", hashId)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0) fail("AUTH_RESET_INVALID");
      await trx
        .updateTable("users")
        .set({
          password_hash: hash,
          password_changed_at: now,
          failed_logins: 0,
          locked_until: null,
          updated_at: now,
        })
        .where("id", "=", user.id)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
      await this.o.audit.record(trx, actorFor(user), {
        action: "identity.password.reset",
        entityType: "user",
        entityId: user.id,
      });
    });
  }
}

export function viewAssignment(a: AssignmentView) {
  return {
    id: a.id,
    roleKey: a.roleKey,
    roleName: a.roleName,
    unitId: a.unitId,
    unitCode: a.unitCode,
    unitName: a.unitName,
  };
}

function actorFor(u: UserRow): Actor {
  return { kind: "user", userId: u.id, email: u.email, name: u.name, assignments: [] };
}
