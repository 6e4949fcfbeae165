/**
 * Reach figures (entered by hand after publishing, from each platform's insights) and their sums
 * per channel, per theme and per month.
 */
import { DomainError } from "../../../kernel/http/errors";

export const REACH_FIELDS = ["views", "likes", "comments", "shares"] as const;
export type ReachField = (typeof REACH_FIELDS)[number];
export type Reach = Record<ReachField, number>;

export const ZERO_REACH: Reach = { views: 0, likes: 0, comments: 0, shares: 0 };

/** Each figure must be a non-negative safe integer; throws MEDIA_REACH_INVALID naming the field. */
export function checkReach(r: Record<string, unknown>): Reach {
  const out = { ...ZERO_REACH };
  for (const f of REACH_FIELDS) {
    const v = r[f];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
      throw new DomainError("MEDIA_REACH_INVALID", { field: f, value: String(v) });
    out[f] = v;
  }
  return out;
}

export function addReach(a: Reach, b: Reach): Reach {
  return {
    views: a.views + b.views,
    likes: a.likes + b.likes,
    comments: a.comments + b.comments,
    shares: a.shares + b.shares,
  };
}

/** Likes + comments + shares: the interactions a platform counts as engagement. */
export const engagement = (r: Reach): number => r.likes + r.comments + r.shares;

export interface PublishedFact {
  channelId: string;
  theme: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  reach: Reach;
}

export interface Bucket {
  key: string;
  publications: number;
  reach: Reach;
}

/** Sum publications and reach by a key (channel, theme, month), keys in first-seen order sorted by key. */
export function aggregate(facts: readonly PublishedFact[], keyOf: (f: PublishedFact) => string): Bucket[] {
  const map = new Map<string, Bucket>();
  for (const f of facts) {
    const k = keyOf(f);
    const b = map.get(k) ?? { key: k, publications: 0, reach: { ...ZERO_REACH } };
    b.publications += 1;
    b.reach = addReach(b.reach, f.reach);
    map.set(k, b);
  }
  return [...map.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const totalReach = (facts: readonly PublishedFact[]): Reach =>
  facts.reduce((acc, f) => addReach(acc, f.reach), { ...ZERO_REACH });

export const byChannel = (facts: readonly PublishedFact[]) => aggregate(facts, (f) => f.channelId);
export const byTheme = (facts: readonly PublishedFact[]) => aggregate(facts, (f) => f.theme);
export const byMonth = (facts: readonly PublishedFact[]) =>
  aggregate(facts, (f) => f.publishedOn.slice(0, 7));
