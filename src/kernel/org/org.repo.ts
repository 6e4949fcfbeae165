import { sql } from "kysely";
import { codec } from "../db/codecs";
import type { Executor } from "../db/transaction";
import type { Unit, UnitKind, Zone } from "./units";

export function decodeUnit(r: Record<string, unknown>): Unit {
  return {
    id: codec.text(r.id),
    code: codec.text(r.code),
    name: codec.text(r.name),
    kind: codec.text(r.kind) as UnitKind,
    parentId: codec.textOrNull(r.parent_id),
    path: codec.text(r.path),
    depth: codec.int(r.depth),
    zone: codec.text(r.zone) as Zone,
    createdAt: codec.instant(r.created_at),
    updatedAt: codec.instant(r.updated_at),
  };
}

export const unitsRepo = {
  async get(db: Executor, id: string): Promise<Unit | undefined> {
    const r = await db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeUnit(r) : undefined;
  },
  async byCode(db: Executor, code: string): Promise<Unit | undefined> {
    const r = await db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirst();
    return r ? decodeUnit(r) : undefined;
  },
  async insert(db: Executor, u: Unit): Promise<void> {
    await db
      .insertInto("units")
      .values({
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        parent_id: u.parentId,
        path: u.path,
        depth: u.depth,
        zone: u.zone,
        created_at: u.createdAt,
        updated_at: u.updatedAt,
      })
      .execute();
  },
  async update(
    db: Executor,
    id: string,
    patch: { name?: string; code?: string; zone?: Zone; updatedAt: string },
  ) {
    await db
      .updateTable("units")
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.zone !== undefined ? { zone: patch.zone } : {}),
        updated_at: patch.updatedAt,
      })
      .where("id", "=", id)
      .execute();
  },
  /** Re-root a subtree: every path under `oldPrefix` gets `newPrefix` instead; depth shifts alike. */
  async movePaths(db: Executor, oldPrefix: string, newPrefix: string, depthDelta: number, at: string) {
    await db
      .updateTable("units")
      .set({
        path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
        depth: sql`depth + ${depthDelta}`,
        updated_at: at,
      })
      .where("path", "like", `${oldPrefix}%`)
      .execute();
  },
  async setParent(db: Executor, id: string, parentId: string | null): Promise<void> {
    await db.updateTable("units").set({ parent_id: parentId }).where("id", "=", id).execute();
  },
  /** Units under any of the given roots (paths), in no particular order. */
  async within(db: Executor, roots: string[]): Promise<Unit[]> {
    if (roots.length === 0) return [];
    const rows = await db
      .selectFrom("units")
      .selectAll()
      .where((eb) => eb.or(roots.map((r) => eb("path", "like", `${r}%`))))
      .orderBy("path")
      .execute();
    return rows.map(decodeUnit);
  },
  async all(db: Executor): Promise<Unit[]> {
    return (await db.selectFrom("units").selectAll().orderBy("path").execute()).map(decodeUnit);
  },
  async byIds(db: Executor, ids: string[]): Promise<Unit[]> {
    if (ids.length === 0) return [];
    return (await db.selectFrom("units").selectAll().where("id", "in", ids).execute()).map(decodeUnit);
  },
};
