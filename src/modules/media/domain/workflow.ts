/**
 * The content workflow: idea → draft → submitted → approved → published, with rejection (and its
 * reason) sending the item back for revision. Pure: the service passes who acts and today's date.
 *
 *   start_draft  idea      → draft       (media.plan)
 *   submit       draft     → submitted   (media.plan)
 *   withdraw     submitted → draft       (media.plan)
 *   approve      submitted → approved    (media.approve; never by the item's own author)
 *   reject       submitted → rejected    (media.approve; never by the author; a reason is required)
 *   revise       rejected  → draft       (media.plan)
 *   publish      approved  → published   (media.plan; ≥1 link per channel, valid URL, dates in order)
 *
 * The item's authors are everyone who wrote its title or text, its assignee and whoever submitted it.
 */
import { DomainError } from "../../../kernel/http/errors";
import { MEDIA_PERMISSIONS, type Status } from "./model";

export const COMMANDS = [
  "start_draft",
  "submit",
  "withdraw",
  "approve",
  "reject",
  "revise",
  "publish",
] as const;
export type Command = (typeof COMMANDS)[number];

export const TRANSITIONS: Record<Command, { from: readonly Status[]; to: Status; permission: string }> = {
  start_draft: { from: ["idea"], to: "draft", permission: MEDIA_PERMISSIONS.plan },
  submit: { from: ["draft"], to: "submitted", permission: MEDIA_PERMISSIONS.plan },
  withdraw: { from: ["submitted"], to: "draft", permission: MEDIA_PERMISSIONS.plan },
  approve: { from: ["submitted"], to: "approved", permission: MEDIA_PERMISSIONS.approve },
  reject: { from: ["submitted"], to: "rejected", permission: MEDIA_PERMISSIONS.approve },
  revise: { from: ["rejected"], to: "draft", permission: MEDIA_PERMISSIONS.plan },
  publish: { from: ["approved"], to: "published", permission: MEDIA_PERMISSIONS.plan },
};

/** Content (title, text, date, channels, attachments) can change only before it is submitted. */
export const EDITABLE: readonly Status[] = ["idea", "draft", "rejected"];
export const isEditable = (s: Status): boolean => EDITABLE.includes(s);

export interface ItemState {
  status: Status;
  authorIds: readonly string[];
  assigneeId: string | null;
  submittedBy: string | null;
  /** YYYY-MM-DD (Asia/Jakarta) of the approval, once approved. */
  approvedOn: string | null;
  channelIds: readonly string[];
}

export interface PublicationInput {
  channelId: string;
  url: string;
  publishedOn: string;
}

export type CommandInput =
  | { command: Exclude<Command, "reject" | "publish"> }
  | { command: "reject"; reason: string }
  | { command: "publish"; publications: readonly PublicationInput[] };

export interface Acting {
  actorId: string | null;
  /** YYYY-MM-DD today in the unit's zone. */
  today: string;
}

export function authorsOf(s: Pick<ItemState, "authorIds" | "assigneeId" | "submittedBy">): string[] {
  const out = new Set(s.authorIds);
  if (s.assigneeId) out.add(s.assigneeId);
  if (s.submittedBy) out.add(s.submittedBy);
  return [...out];
}

/** Commands whose status rule allows them now (permissions and authorship are checked separately). */
export function commandsAt(status: Status): Command[] {
  return COMMANDS.filter((c) => TRANSITIONS[c].from.includes(status));
}

/** An absolute http(s) URL with a host that has a dot (or localhost), no spaces, at most 500 characters. */
export function isValidUrl(url: string): boolean {
  if (url.length > 500 || /\s/.test(url)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return false;
  return u.hostname.includes(".") && !u.hostname.startsWith(".") && !u.hostname.endsWith(".");
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isValidDate(d: string): boolean {
  const m = DATE_RE.exec(d);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === d;
}

/**
 * Decide a command: returns the next status or throws the DomainError that explains the refusal.
 * Nothing is changed by a refusal (the caller writes only after this returns).
 */
export function applyCommand(state: ItemState, input: CommandInput, acting: Acting): Status {
  const rule = TRANSITIONS[input.command];
  if (!rule.from.includes(state.status))
    throw new DomainError("MEDIA_TRANSITION_INVALID", {
      command: input.command,
      status: state.status,
      allowedFrom: rule.from.join(", "),
    });
  if (input.command === "approve" || input.command === "reject") {
    if (acting.actorId && authorsOf(state).includes(acting.actorId))
      throw new DomainError("MEDIA_SELF_APPROVAL", { command: input.command });
  }
  if (input.command === "reject" && input.reason.trim() === "")
    throw new DomainError("MEDIA_REASON_REQUIRED");
  if (input.command === "publish") checkPublications(state, input.publications, acting.today);
  return rule.to;
}

/** Publication links: one per channel of the item at most, valid URLs, dates between approval and today. */
export function checkPublications(
  state: Pick<ItemState, "approvedOn" | "channelIds">,
  pubs: readonly PublicationInput[],
  today: string,
): void {
  if (pubs.length === 0) throw new DomainError("MEDIA_PUBLICATION_REQUIRED");
  const seen = new Set<string>();
  for (const p of pubs) {
    if (!state.channelIds.includes(p.channelId))
      throw new DomainError("MEDIA_CHANNEL_NOT_ON_ITEM", { channel: p.channelId });
    if (seen.has(p.channelId)) throw new DomainError("MEDIA_CHANNEL_DUPLICATE", { channel: p.channelId });
    seen.add(p.channelId);
    if (!isValidUrl(p.url)) throw new DomainError("MEDIA_URL_INVALID", { url: p.url });
    if (!isValidDate(p.publishedOn)) throw new DomainError("MEDIA_DATE_INVALID", { date: p.publishedOn });
    const approvedOn = state.approvedOn ?? p.publishedOn;
    if (p.publishedOn < approvedOn || p.publishedOn > today)
      throw new DomainError("MEDIA_PUBLISH_DATE_ORDER", { publishedOn: p.publishedOn, approvedOn, today });
  }
}
