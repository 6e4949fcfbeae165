/** Rows of the service-requests tables as the service reads them, decoded the same on both dialects. */
import { codec } from "../../../kernel/db/codecs";
import type { ServiceType, SrEventKind, SrState } from "../contract";

export const OPEN: SrState[] = ["submitted", "in_progress", "waiting_requester"];

export interface ServiceBody {
  description: { id: string; en: string };
  requirements: ServiceType["requirements"];
  fields: ServiceType["fields"];
  sla: ServiceType["sla"];
  handler: ServiceType["handler"];
  template: ServiceType["template"];
  releaseRule: ServiceType["releaseRule"];
}

export interface RequestRow {
  id: string;
  unitId: string;
  serviceId: string;
  number: string;
  secretSalt: string;
  secretHash: string;
  state: SrState;
  fields: Record<string, string>;
  service: ServiceType;
  requesterName: string;
  requesterEmail: string;
  requesterPhone: string | null;
  /** The requester's phone in E.164 when it is an Indonesian mobile number (phone sign-in matches it). */
  requesterPhoneE164: string | null;
  lang: "id" | "en";
  assigneeId: string | null;
  assigneeName: string | null;
  firstResponseAt: string | null;
  submittedAt: string;
  finishedAt: string | null;
  rejectReason: string | null;
  docsRequested: { keys: string[]; message: string } | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  version: number;
}

export function decodeRequest(r: Record<string, unknown>): RequestRow {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    serviceId: codec.text(r.service_id),
    number: codec.text(r.number),
    secretSalt: codec.text(r.secret_salt),
    secretHash: codec.text(r.secret_hash),
    state: codec.text(r.state) as SrState,
    fields: codec.json(r.fields),
    service: codec.json(r.service_snapshot),
    requesterName: codec.text(r.requester_name),
    requesterEmail: codec.text(r.requester_email),
    requesterPhone: codec.textOrNull(r.requester_phone),
    requesterPhoneE164: codec.textOrNull(r.requester_phone_e164),
    lang: codec.text(r.lang) as "id" | "en",
    assigneeId: codec.textOrNull(r.assignee_id),
    assigneeName: codec.textOrNull(r.assignee_name),
    firstResponseAt: codec.instantOrNull(r.first_response_at),
    submittedAt: codec.instant(r.submitted_at),
    finishedAt: codec.instantOrNull(r.finished_at),
    rejectReason: codec.textOrNull(r.reject_reason),
    docsRequested: r.docs_requested ? codec.json(r.docs_requested) : null,
    rating: codec.intOrNull(r.rating),
    ratingComment: codec.textOrNull(r.rating_comment),
    ratedAt: codec.instantOrNull(r.rated_at),
    version: codec.int(r.version),
  };
}

export function decodeService(r: Record<string, unknown>, requestCount = 0): ServiceType {
  const b = codec.json<ServiceBody>(r.body);
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    code: codec.text(r.code),
    name: { id: codec.text(r.name_id), en: codec.text(r.name_en) },
    description: b.description,
    requirements: b.requirements,
    fields: b.fields,
    sla: b.sla,
    handler: b.handler,
    template: b.template,
    releaseRule: b.releaseRule,
    starterKey: codec.textOrNull(r.starter_key),
    active: codec.bool(r.active),
    version: codec.int(r.version),
    updatedAt: codec.instant(r.updated_at),
    requestCount,
  };
}

export interface EventRow {
  id: string;
  requestId: string;
  kind: SrEventKind;
  fromState: SrState | null;
  toState: SrState | null;
  actorName: string | null;
  visibility: "public" | "internal";
  body: string | null;
  data: Record<string, unknown>;
  at: string;
}
export const decodeEvent = (r: Record<string, unknown>): EventRow => ({
  id: codec.text(r.id),
  requestId: codec.text(r.request_id),
  kind: codec.text(r.kind) as SrEventKind,
  fromState: codec.textOrNull(r.from_state) as SrState | null,
  toState: codec.textOrNull(r.to_state) as SrState | null,
  actorName: codec.textOrNull(r.actor_name),
  visibility: codec.text(r.visibility) as "public" | "internal",
  body: codec.textOrNull(r.body),
  data: codec.json(r.data),
  at: codec.instant(r.at),
});
