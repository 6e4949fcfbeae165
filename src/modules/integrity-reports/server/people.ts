import { codec } from "../../../kernel/db/codecs";
import type { Executor } from "../../../kernel/db/transaction";

export interface UnitPerson {
  userId: string;
  name: string;
  email: string;
}

/**
 * Active users whose role assigned at exactly one of `unitIds` grants `permission` (kernel tables,
 * read only): the staff who must declare, the handlers and reviewers to notify.
 */
export async function peopleWith(ex: Executor, unitIds: string[], permission: string): Promise<UnitPerson[]> {
  if (unitIds.length === 0) return [];
  const rows = await ex
    .selectFrom("role_assignments as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("roles as r", "r.key", "a.role_key")
    .select(["u.id", "u.name", "u.email", "u.status", "r.permissions"])
    .where("a.unit_id", "in", unitIds)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  const out = new Map<string, UnitPerson>();
  for (const r of rows) {
    if (codec.text(r.status) !== "active") continue;
    if (!codec.json<string[]>(r.permissions).includes(permission)) continue;
    const id = codec.text(r.id);
    if (!out.has(id)) out.set(id, { userId: id, name: codec.text(r.name), email: codec.text(r.email) });
  }
  return [...out.values()];
}
