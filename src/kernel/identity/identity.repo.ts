import { codec } from "../db/codecs";
import type { Executor } from "../db/transaction";
import type { Assignment } from "./actor";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  phone: string | null;
  passwordHash: string | null;
  status: "active" | "disabled";
  totpSecret: string | null;
  totpPending: string | null;
  totpEnabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export function decodeUser(r: Record<string, unknown>): UserRow {
  return {
    id: codec.text(r.id),
    email: codec.text(r.email),
    name: codec.text(r.name),
    nip: codec.textOrNull(r.nip),
    phone: codec.textOrNull(r.phone),
    passwordHash: codec.textOrNull(r.password_hash),
    status: codec.text(r.status) as UserRow["status"],
    totpSecret: codec.textOrNull(r.totp_secret),
    totpPending: codec.textOrNull(r.totp_pending),
    totpEnabled: codec.bool(r.totp_enabled),
    failedLogins: codec.int(r.failed_logins),
    lockedUntil: codec.instantOrNull(r.locked_until),
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

export interface AssignmentView extends Assignment {
  roleName: { id: string; en: string };
  unitCode: string;
  unitName: string;
}

export const usersRepo = {
  async get(db: Executor, id: string) {
    const r = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeUser(r) : undefined;
  },
  async byEmail(db: Executor, email: string) {
    const r = await db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email.trim().toLowerCase())
      .executeTakeFirst();
    return r ? decodeUser(r) : undefined;
  },
  /** Assignments with their role's permissions and the unit's path, for one or many users. */
  async assignments(db: Executor, userIds: string[]): Promise<Map<string, AssignmentView[]>> {
    const out = new Map<string, AssignmentView[]>();
    if (userIds.length === 0) return out;
    const rows = await db
      .selectFrom("role_assignments as a")
      .innerJoin("roles as r", "r.key", "a.role_key")
      .innerJoin("units as u", "u.id", "a.unit_id")
      .select([
        "a.id",
        "a.user_id",
        "a.role_key",
        "a.unit_id",
        "u.path",
        "u.code",
        "u.name as unit_name",
        "r.permissions",
        "r.name_id",
        "r.name_en",
      ])
      .where("a.user_id", "in", userIds)
      .orderBy("u.path")
      .execute();
    for (const r of rows) {
      const uid = codec.text(r.user_id);
      const list = out.get(uid) ?? [];
      list.push(decodeAssignment(r));
      out.set(uid, list);
    }
    return out;
  },
};

/** A role assignment row joined with its role and unit. */
export function decodeAssignment(r: Record<string, unknown>): AssignmentView {
  return {
    id: codec.text(r.id),
    roleKey: codec.text(r.role_key),
    unitId: codec.text(r.unit_id),
    unitPath: codec.text(r.path),
    unitCode: codec.text(r.code),
    unitName: codec.text(r.unit_name),
    permissions: codec.json<string[]>(r.permissions),
    roleName: { id: codec.text(r.name_id), en: codec.text(r.name_en) },
  };
}
