import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit";
import type { Clock } from "../clock";
import { newId } from "../db/ids";
import { StampedCache } from "../db/stamped-cache";
import { DomainError, fail } from "../http/errors";
import { type Actor, assertScope, holds, scopeRoots } from "../identity/actor";
import { unitsRepo } from "./org.repo";
import { childPath, type Unit, type UnitKind, type Zone } from "./units";

export const ORG_PERMISSIONS = { read: "org.unit.read", write: "org.unit.write" } as const;

export interface CreateUnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  zone?: Zone;
}

export class OrgService {
  /** Units under a set of roots, kept until any row is written (SQLite; see StampedCache). */
  private readonly withinCache: StampedCache<Unit[]>;
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    changeStamp?: () => string,
  ) {
    this.withinCache = new StampedCache({ changeStamp }, 1000);
  }

  async get(id: string): Promise<Unit | undefined> {
    return unitsRepo.get(this.db, id);
  }

  async byCode(code: string): Promise<Unit | undefined> {
    return unitsRepo.byCode(this.db, code);
  }

  /** A unit the actor may read with `permission`; 404 when it does not exist, 403 out of scope. */
  async getInScope(actor: Actor, id: string, permission: string = ORG_PERMISSIONS.read): Promise<Unit> {
    const unit = (await unitsRepo.get(this.db, id)) ?? fail("ORG_UNIT_NOT_FOUND", { id });
    assertScope(actor, permission, unit);
    return unit;
  }

  /** Every unit the actor may see with `permission`, in path order. */
  async listInScope(actor: Actor, permission: string = ORG_PERMISSIONS.read): Promise<Unit[]> {
    const roots = scopeRoots(actor, permission);
    const units = await this.withinCache.through(roots.join("\n"), () => unitsRepo.within(this.db, roots));
    return units.slice(); // callers may sort or splice their copy
  }

  async subtree(actor: Actor, rootId: string): Promise<Unit[]> {
    const root = await this.getInScope(actor, rootId);
    return unitsRepo.within(this.db, [root.path]);
  }

  async create(actor: Actor, input: CreateUnitInput): Promise<Unit> {
    return this.db.transaction().execute(async (trx) => {
      const parent = input.parentId
        ? ((await unitsRepo.get(trx, input.parentId)) ?? fail("ORG_PARENT_NOT_FOUND", { id: input.parentId }))
        : null;
      if (parent) assertScope(actor, ORG_PERMISSIONS.write, parent);
      else if (actor.kind !== "system" && !this.isRootAdmin(actor)) throw new DomainError("FORBIDDEN");
      if (await unitsRepo.byCode(trx, input.code)) fail("ORG_CODE_TAKEN", { code: input.code });
      const id = newId();
      const at = this.clock.now().toISOString();
      const unit: Unit = {
        id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        depth: parent ? parent.depth + 1 : 0,
        zone: input.zone ?? parent?.zone ?? "WIB",
        createdAt: at,
        updatedAt: at,
      };
      await unitsRepo.insert(trx, unit);
      await this.audit.record(trx, actor, {
        action: "org.unit.created",
        unitId: id,
        entityType: "unit",
        entityId: id,
        data: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId },
      });
      return unit;
    });
  }

  async update(
    actor: Actor,
    id: string,
    patch: { name?: string; code?: string; zone?: Zone },
  ): Promise<Unit> {
    return this.db.transaction().execute(async (trx) => {
      const unit = (await unitsRepo.get(trx, id)) ?? fail("ORG_UNIT_NOT_FOUND", { id });
      assertScope(actor, ORG_PERMISSIONS.write, unit);
      if (patch.code && patch.code !== unit.code && (await unitsRepo.byCode(trx, patch.code))) {
        fail("ORG_CODE_TAKEN", { code: patch.code });
      }
      await unitsRepo.update(trx, id, { ...patch, updatedAt: this.clock.now().toISOString() });
      await this.audit.record(trx, actor, {
        action: "org.unit.updated",
        unitId: id,
        entityType: "unit",
        entityId: id,
        data: { from: { name: unit.name, code: unit.code, zone: unit.zone }, to: patch },
      });
      return (await unitsRepo.get(trx, id))!;
    });
  }

  /** Move a unit (with its subtree) under another parent. Refuses to move a unit into itself. */
  async move(actor: Actor, id: string, newParentId: string): Promise<Unit> {
    return this.db.transaction().execute(async (trx) => {
      const unit = (await unitsRepo.get(trx, id)) ?? fail("ORG_UNIT_NOT_FOUND", { id });
      const parent =
        (await unitsRepo.get(trx, newParentId)) ?? fail("ORG_PARENT_NOT_FOUND", { id: newParentId });
      assertScope(actor, ORG_PERMISSIONS.write, unit);
      assertScope(actor, ORG_PERMISSIONS.write, parent);
      if (parent.path.startsWith(unit.path)) fail("ORG_MOVE_CYCLE", { code: unit.code, parent: parent.code });
      const at = this.clock.now().toISOString();
      const newPath = childPath(parent.path, unit.id);
      await unitsRepo.setParent(trx, unit.id, parent.id);
      await unitsRepo.movePaths(trx, unit.path, newPath, parent.depth + 1 - unit.depth, at);
      await this.audit.record(trx, actor, {
        action: "org.unit.moved",
        unitId: id,
        entityType: "unit",
        entityId: id,
        data: { fromParentId: unit.parentId, toParentId: parent.id },
      });
      return (await unitsRepo.get(trx, id))!;
    });
  }

  private isRootAdmin(actor: Actor): boolean {
    return (
      holds(actor, ORG_PERMISSIONS.write) && actor.assignments.some((a) => a.unitPath.split("/").length === 3)
    );
  }
}
