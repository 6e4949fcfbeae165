import { codec } from "../db/codecs";
import type { Executor } from "../db/transaction";

/**
 * Read-only views of the people at units, for modules: a module never queries the kernel's identity
 * tables itself. Each takes an Executor so it can run inside the caller's transaction (on SQLite the
 * one connection is held by it).
 */

export interface UnitMember {
  unitId: string;
  userId: string;
  name: string;
  email: string;
  nip: string | null;
  active: boolean;
  /** The roles this user holds at exactly this unit. */
  roles: Array<{ key: string; nameId: string; permissions: string[] }>;
}

export interface Person {
  userId: string;
  name: string;
  email: string;
}

/** Everyone with a role assigned at exactly one of `unitIds`: one entry per unit and user, by name. */
export async function membersAt(ex: Executor, unitIds: string[]): Promise<UnitMember[]> {
  if (unitIds.length === 0) return [];
  const rows = await ex
    .selectFrom("role_assignments as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("roles as r", "r.key", "a.role_key")
    .select([
      "a.unit_id",
      "a.role_key",
      "u.id",
      "u.name",
      "u.email",
      "u.nip",
      "u.status",
      "r.permissions",
      "r.name_id",
    ])
    .where("a.unit_id", "in", unitIds)
    .orderBy("u.name")
    .orderBy("u.id")
    .orderBy("a.role_key")
    .execute();
  const byKey = new Map<string, UnitMember>();
  for (const r of rows) {
    const unitId = codec.text(r.unit_id);
    const userId = codec.text(r.id);
    const key = `${unitId}|${userId}`;
    let m = byKey.get(key);
    if (!m) {
      m = {
        unitId,
        userId,
        name: codec.text(r.name),
        email: codec.text(r.email),
        nip: codec.textOrNull(r.nip),
        active: codec.text(r.status) === "active",
        roles: [],
      };
      byKey.set(key, m);
    }
    m.roles.push({
      key: codec.text(r.role_key),
      nameId: codec.text(r.name_id),
      permissions: codec.json<string[]>(r.permissions),
    });
  }
  return [...byKey.values()];
}

/**
 * Active users whose role at exactly one of `unitIds` grants `permission` (the staff who must act,
 * the handlers to notify), once each, by name.
 */
export async function peopleWith(ex: Executor, unitIds: string[], permission: string): Promise<Person[]> {
  const out = new Map<string, Person>();
  for (const m of await membersAt(ex, unitIds)) {
    if (!m.active || !m.roles.some((r) => r.permissions.includes(permission))) continue;
    if (!out.has(m.userId)) out.set(m.userId, { userId: m.userId, name: m.name, email: m.email });
  }
  return [...out.values()];
}

/** Name and e-mail of each user id given (unknown ids are absent). */
export async function peopleById(
  ex: Executor,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, Person>> {
  const want = [...new Set([...ids].filter((x): x is string => !!x))];
  if (want.length === 0) return new Map();
  const rows = await ex.selectFrom("users").select(["id", "name", "email"]).where("id", "in", want).execute();
  return new Map(
    rows.map((r) => [
      codec.text(r.id),
      { userId: codec.text(r.id), name: codec.text(r.name), email: codec.text(r.email) },
    ]),
  );
}
