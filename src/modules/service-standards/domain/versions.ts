/**
 * Versions of a service standard. A standard is set by a decree (keputusan kepala kantor) and
 * takes effect on a date; the version the public sees on a day is the published version with the
 * latest effective date on or before that day. Older versions stay as history; a published version
 * whose date has not come yet is "scheduled". Only a draft can be edited or deleted.
 */

export type VersionState = "draft" | "scheduled" | "current" | "superseded";

export interface VersionLike {
  id: string;
  number: number;
  status: "draft" | "published";
  /** YYYY-MM-DD, required once published. */
  effectiveDate: string | null;
}

/** The version in force on `date` (YYYY-MM-DD), or null when none is yet. */
export function publishedOn<V extends VersionLike>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.status !== "published" || !v.effectiveDate || v.effectiveDate > date) continue;
    if (
      !best ||
      v.effectiveDate > (best.effectiveDate as string) ||
      (v.effectiveDate === best.effectiveDate && v.number > best.number)
    )
      best = v;
  }
  return best;
}

/** Each version's state on `date`. */
export function versionStates<V extends VersionLike>(
  versions: readonly V[],
  date: string,
): Map<string, VersionState> {
  const current = publishedOn(versions, date);
  const out = new Map<string, VersionState>();
  for (const v of versions) {
    if (v.status === "draft") out.set(v.id, "draft");
    else if (v.id === current?.id) out.set(v.id, "current");
    else if ((v.effectiveDate ?? "") > date) out.set(v.id, "scheduled");
    else out.set(v.id, "superseded");
  }
  return out;
}

export type PublishProblem =
  | { code: "STD_VERSION_NOT_DRAFT" }
  | { code: "STD_DECREE_MISSING"; field: "decreeNumber" | "decreeDate" | "effectiveDate" }
  | { code: "STD_DECREE_AFTER_EFFECTIVE"; decreeDate: string; effectiveDate: string }
  | { code: "STD_EFFECTIVE_NOT_AFTER"; effectiveDate: string; latest: string };

/**
 * Can this draft be published beside the service's other versions? A new version must take effect
 * after every version already published (otherwise it would never be the one in force), and its
 * decree cannot be signed after the day it takes effect.
 */
export function publishProblem(
  draft: VersionLike & { decreeNumber: string | null; decreeDate: string | null },
  others: readonly VersionLike[],
): PublishProblem | null {
  if (draft.status !== "draft") return { code: "STD_VERSION_NOT_DRAFT" };
  if (!draft.decreeNumber?.trim()) return { code: "STD_DECREE_MISSING", field: "decreeNumber" };
  if (!draft.decreeDate) return { code: "STD_DECREE_MISSING", field: "decreeDate" };
  if (!draft.effectiveDate) return { code: "STD_DECREE_MISSING", field: "effectiveDate" };
  if (draft.decreeDate > draft.effectiveDate)
    return {
      code: "STD_DECREE_AFTER_EFFECTIVE",
      decreeDate: draft.decreeDate,
      effectiveDate: draft.effectiveDate,
    };
  const latest = others
    .filter((o) => o.id !== draft.id && o.status === "published" && o.effectiveDate)
    .reduce<string | null>(
      (m, o) => (m === null || (o.effectiveDate as string) > m ? (o.effectiveDate as string) : m),
      null,
    );
  if (latest !== null && draft.effectiveDate <= latest)
    return { code: "STD_EFFECTIVE_NOT_AFTER", effectiveDate: draft.effectiveDate, latest };
  return null;
}
