import { DomainError } from "../../../kernel/http/errors";
import { type LeverArea, TEAM_WIDE_ROLES, type TeamRole } from "./model";

export interface MemberSpec {
  userId: string;
  role: TeamRole;
  areaKey: LeverArea | null;
}

/** A member's area: area roles need one; the team-wide roles have none (any given is dropped). */
export function normaliseMember(m: MemberSpec): MemberSpec {
  if (TEAM_WIDE_ROLES.includes(m.role)) return { ...m, areaKey: null };
  if (!m.areaKey) throw new DomainError("CM_AREA_REQUIRED", { userId: m.userId, role: m.role });
  return m;
}

/** One person appears once in a decree; one penanggung jawab; one area lead per area. */
export function assertTeam(members: MemberSpec[]): MemberSpec[] {
  const out = members.map(normaliseMember);
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.userId)) throw new DomainError("CM_MEMBER_DUPLICATE", { userId: m.userId });
    seen.add(m.userId);
  }
  if (out.filter((m) => m.role === "penanggung_jawab").length > 1)
    throw new DomainError("CM_TEAM_ONE_RESPONSIBLE", {});
  const leads = new Map<string, number>();
  for (const m of out)
    if (m.role === "ketua_area" && m.areaKey) leads.set(m.areaKey, (leads.get(m.areaKey) ?? 0) + 1);
  for (const [area, n] of leads) if (n > 1) throw new DomainError("CM_TEAM_ONE_LEAD", { area });
  return out;
}

export type MembershipChange =
  | { kind: "added"; userId: string; role: TeamRole; areaKey: LeverArea | null }
  | { kind: "removed"; userId: string; role: TeamRole; areaKey: LeverArea | null }
  | {
      kind: "changed";
      userId: string;
      role: TeamRole;
      areaKey: LeverArea | null;
      previousRole: TeamRole;
      previousAreaKey: LeverArea | null;
    };

/** What changed between two memberships (a new decree, or one edit), in a stable order. */
export function diffMembers(before: MemberSpec[], after: MemberSpec[]): MembershipChange[] {
  const prev = new Map(before.map((m) => [m.userId, m]));
  const next = new Map(after.map((m) => [m.userId, m]));
  const out: MembershipChange[] = [];
  for (const m of before)
    if (!next.has(m.userId))
      out.push({ kind: "removed", userId: m.userId, role: m.role, areaKey: m.areaKey });
  for (const m of after) {
    const p = prev.get(m.userId);
    if (!p) out.push({ kind: "added", userId: m.userId, role: m.role, areaKey: m.areaKey });
    else if (p.role !== m.role || p.areaKey !== m.areaKey)
      out.push({
        kind: "changed",
        userId: m.userId,
        role: m.role,
        areaKey: m.areaKey,
        previousRole: p.role,
        previousAreaKey: p.areaKey,
      });
  }
  return out;
}
