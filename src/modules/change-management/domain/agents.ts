import { DomainError } from "../../../kernel/http/errors";

/**
 * Change agents (agen perubahan) and the LKE reform counts of sub-pillar "Komitmen dalam Perubahan"
 * (PermenPAN-RB 90/2021, PRA1A and PRA1B):
 *   a. jumlah agen perubahan; jumlah perubahan yang dibuat            → min(perubahan / agen, 1)
 *   b. jumlah perubahan yang dibuat; jumlah yang telah diintegrasikan → min(terintegrasi / perubahan, 1)
 * "Within one year": a change counts when it was realised in the assessed period.
 */

export interface AgentFacts {
  userId: string;
}

export interface ChangeFacts {
  realisedDate: string | null;
  integrated: boolean;
}

export interface ReformCounts {
  jumlah_agen_perubahan: number;
  jumlah_perubahan: number;
  jumlah_perubahan_terintegrasi: number;
}

/**
 * Agents: distinct people on the current decree. Changes made: realised (not only planned) within
 * [from, to]. Integrated: those of them integrated into the management system (by an SOP or a
 * decision), never more than the changes made.
 */
export function reformCounts(
  agents: AgentFacts[],
  changes: ChangeFacts[],
  period: { from: string; to: string },
): ReformCounts {
  const made = changes.filter(
    (c) => c.realisedDate !== null && c.realisedDate >= period.from && c.realisedDate <= period.to,
  );
  return {
    jumlah_agen_perubahan: new Set(agents.map((a) => a.userId)).size,
    jumlah_perubahan: made.length,
    jumlah_perubahan_terintegrasi: made.filter((c) => c.integrated).length,
  };
}

/** The assessed period of a year: 1 January to 31 December. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The two LKE values the counts give (0 when the denominator is 0), for the side note. */
export function reformRatios(c: ReformCounts): { changesPerAgent: number; integratedShare: number } {
  return {
    changesPerAgent:
      c.jumlah_agen_perubahan === 0 ? 0 : Math.min(c.jumlah_perubahan / c.jumlah_agen_perubahan, 1),
    integratedShare:
      c.jumlah_perubahan === 0 ? 0 : Math.min(c.jumlah_perubahan_terintegrasi / c.jumlah_perubahan, 1),
  };
}

/**
 * A change is "integrated into the management system" only once it was realised and when the SOP or
 * decision that integrates it is named (the LKE evidence: "dokumentasi penerapan … dalam sistem
 * manajemen").
 */
export function assertChange(c: {
  realisedDate: string | null;
  integrated: boolean;
  integrationRef: string;
}): void {
  if (!c.integrated) return;
  if (!c.realisedDate) throw new DomainError("CM_INTEGRATION_NEEDS_REALISATION", {});
  if (!c.integrationRef.trim()) throw new DomainError("CM_INTEGRATION_REF_REQUIRED", {});
}
