import { DomainError } from "../http/errors";

/**
 * Who is acting. Built once per request from the session or API token; pure helpers below decide
 * access. A role is assigned at a unit and covers that unit's subtree; unit paths are materialised
 * as "/<rootId>/<childId>/…/" so "covers" is a prefix test.
 */
export interface Assignment {
  id: string;
  roleKey: string;
  unitId: string;
  unitPath: string;
  permissions: readonly string[];
}

export interface Actor {
  kind: "user" | "system";
  userId: string | null;
  email: string | null;
  name: string;
  assignments: Assignment[];
  /** Set when authenticated by an API token: the token may narrow the user's permissions. */
  tokenScopes?: readonly string[];
  sessionId?: string;
  via?: "session" | "token";
}

export const systemActor = (name = "system"): Actor => ({
  kind: "system",
  userId: null,
  email: null,
  name,
  assignments: [],
});

function tokenAllows(actor: Actor, permission: string): boolean {
  return !actor.tokenScopes || actor.tokenScopes.includes(permission);
}

/** Does the actor hold `permission` anywhere? (route-level check) */
export function holds(actor: Actor, permission: string): boolean {
  if (actor.kind === "system") return true;
  return tokenAllows(actor, permission) && actor.assignments.some((a) => a.permissions.includes(permission));
}

/** Does the actor hold `permission` over the unit at `unitPath`? */
export function can(actor: Actor, permission: string, unitPath: string): boolean {
  if (actor.kind === "system") return true;
  if (!tokenAllows(actor, permission)) return false;
  return actor.assignments.some((a) => a.permissions.includes(permission) && unitPath.startsWith(a.unitPath));
}

export function assertScope(actor: Actor, permission: string, unit: { id: string; path: string }): void {
  if (can(actor, permission, unit.path)) return;
  throw new DomainError(holds(actor, permission) ? "OUT_OF_SCOPE" : "FORBIDDEN", { permission });
}

/**
 * The unit paths under which `permission` holds, minimal (a path covered by another is dropped).
 * List queries filter with `path LIKE root || '%'` for each root.
 */
export function scopeRoots(actor: Actor, permission: string): string[] {
  if (actor.kind === "system") return ["/"];
  if (!tokenAllows(actor, permission)) return [];
  const paths = [
    ...new Set(actor.assignments.filter((a) => a.permissions.includes(permission)).map((a) => a.unitPath)),
  ].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "system" ? `system:${actor.name}` : (actor.email ?? actor.userId ?? "?");
}
