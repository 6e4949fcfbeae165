import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, buildUrl } from "../../../ui/api";
import type {
  CreateFollowUpInput,
  CreateMeetingInput,
  FollowUp,
  MeetingDetail,
  MeetingSummary,
  MyFollowUps,
  Person,
  RatesWire,
  StatusChangeInput,
  UpdateMeetingInput,
} from "../contract";
import type { Granularity } from "../domain/rates";
import type { FollowUpStatus, MeetingKind } from "../domain/rules";

/** TanStack Query bindings for /api/monev/* (meetings, follow-ups, rates, people, evidence). */

export const monevKeys = {
  all: ["monev"] as const,
  meetings: (unitId: string, kind?: MeetingKind) => ["monev", "meetings", unitId, kind ?? null] as const,
  meeting: (id: string) => ["monev", "meeting", id] as const,
  followUps: (unitId: string, filter: { status?: FollowUpStatus; ownerId?: string }) =>
    ["monev", "follow-ups", unitId, filter] as const,
  rates: (unitId: string, granularity: Granularity) => ["monev", "rates", unitId, granularity] as const,
  people: (unitId: string) => ["monev", "people", unitId] as const,
  mine: ["monev", "mine"] as const,
};

const enc = encodeURIComponent;

export interface FileMeta {
  id: string;
  unitId: string;
  originalName: string;
  mime: string;
  sizeBytes: number;
}

export const fileDownloadUrl = (fileId: string) => buildUrl(`/api/files/${enc(fileId)}/download`);

export function useMeetings(unitId: string | undefined, kind?: MeetingKind) {
  return useQuery({
    queryKey: monevKeys.meetings(unitId ?? "", kind),
    queryFn: ({ signal }) =>
      api.get<{ items: MeetingSummary[] }>("/api/monev/meetings", { query: { unitId, kind }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: monevKeys.meeting(id ?? ""),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/api/monev/meetings/${enc(id!)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useFollowUps(
  unitId: string | undefined,
  filter: { status?: FollowUpStatus; ownerId?: string } = {},
) {
  return useQuery({
    queryKey: monevKeys.followUps(unitId ?? "", filter),
    queryFn: ({ signal }) =>
      api.get<{ items: FollowUp[] }>("/api/monev/follow-ups", { query: { unitId, ...filter }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useMyFollowUps() {
  return useQuery({
    queryKey: monevKeys.mine,
    queryFn: ({ signal }) => api.get<MyFollowUps>("/api/monev/follow-ups/mine", { signal }),
  });
}

export function useRates(unitId: string | undefined, granularity: Granularity) {
  return useQuery({
    queryKey: monevKeys.rates(unitId ?? "", granularity),
    queryFn: ({ signal }) =>
      api.get<RatesWire>("/api/monev/rates", { query: { unitId, granularity }, signal }),
    enabled: Boolean(unitId),
  });
}

export function usePeople(unitId: string | undefined) {
  return useQuery({
    queryKey: monevKeys.people(unitId ?? ""),
    queryFn: ({ signal }) =>
      api.get<{ items: Person[] }>(`/api/monev/units/${enc(unitId!)}/people`, { signal }),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

/** The LKE questions a meeting can be offered for, from the ZI rubric (key + text). */
export interface RubricQuestion {
  key: string;
  text: string;
  area: string;
}
interface RubricNode {
  key?: string;
  name?: string;
  text?: string;
  components?: RubricNode[];
  areas?: RubricNode[];
  subpillars?: RubricNode[];
  questions?: RubricNode[];
}
export function useLkeQuestions(enabled: boolean) {
  return useQuery({
    queryKey: ["monev", "lke-questions"],
    queryFn: async ({ signal }) => {
      const rubric = await api.get<RubricNode>("/api/zi/rubrics/permenpanrb-90-2021", { signal });
      const out: RubricQuestion[] = [];
      for (const c of rubric.components ?? [])
        for (const a of c.areas ?? [])
          for (const s of a.subpillars ?? [])
            for (const q of s.questions ?? [])
              if (q.key)
                out.push({ key: q.key, text: q.text ?? q.key, area: `${a.name ?? ""} › ${s.name ?? ""}` });
      return out;
    },
    enabled,
    staleTime: 30 * 60_000,
  });
}

export function useMonevMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: monevKeys.all });
  const createMeeting = useMutation({
    mutationFn: (input: CreateMeetingInput) => api.post<MeetingDetail>("/api/monev/meetings", input),
    onSuccess: refresh,
  });
  const updateMeeting = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateMeetingInput }) =>
      api.patch<MeetingDetail>(`/api/monev/meetings/${enc(id)}`, patch),
    onSuccess: (m) => {
      qc.setQueryData(monevKeys.meeting(m.id), m);
      return refresh();
    },
  });
  const addFollowUp = useMutation({
    mutationFn: ({ meetingId, input }: { meetingId: string; input: CreateFollowUpInput }) =>
      api.post<FollowUp>(`/api/monev/meetings/${enc(meetingId)}/follow-ups`, input),
    onSuccess: refresh,
  });
  const setStatus = useMutation({
    mutationFn: ({ id, change }: { id: string; change: StatusChangeInput }) =>
      api.post<FollowUp>(`/api/monev/follow-ups/${enc(id)}/status`, change),
    onSuccess: refresh,
  });
  const linkEvidence = useMutation({
    mutationFn: ({ meetingId, questionKeys }: { meetingId: string; questionKeys: string[] }) =>
      api.post<{ evidence: string[] }>(`/api/monev/meetings/${enc(meetingId)}/evidence`, { questionKeys }),
    onSuccess: refresh,
  });
  const unlinkEvidence = useMutation({
    mutationFn: ({ meetingId, questionKey }: { meetingId: string; questionKey: string }) =>
      api.delete<{ evidence: string[] }>(
        `/api/monev/meetings/${enc(meetingId)}/evidence/${enc(questionKey)}`,
      ),
    onSuccess: refresh,
  });
  return { createMeeting, updateMeeting, addFollowUp, setStatus, linkEvidence, unlinkEvidence };
}

/** Multipart upload to the kernel's evidence store (the JSON client does not do multipart). */
export async function uploadFile(unitId: string, file: File, csrf: string | null): Promise<FileMeta> {
  const form = new FormData();
  form.append("unitId", unitId);
  form.append("file", file);
  const res = await fetch(buildUrl("/api/files"), {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: csrf ? { "x-csrf-token": csrf } : {},
  });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body as FileMeta;
}
