import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type { z } from "zod";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type {
  AttendanceStats,
  CreateProgrammeInput,
  GspMine,
  GspSchedule,
  LeaveWire,
  monthStatSchema,
  OccurrenceListItem,
  OccurrenceWire,
  ProgrammeListItem,
  ProgrammeWire,
  QueueEntry,
  SaveOccurrenceInput,
  StaffMember,
  UpdateProgrammeInput,
} from "../contract";

/** TanStack Query bindings for /api/culture/* plus the multipart upload to /api/files. */

export type MonthStat = z.infer<typeof monthStatSchema>;
export interface ProgrammeDetail {
  programme: ProgrammeWire;
  monthly: MonthStat[];
  evidence: string[];
}
export interface FileMeta {
  id: string;
  unitId: string;
  sizeBytes: number;
  mime: string;
  originalName: string;
}
export interface RubricQuestion {
  key: string;
  sourceId?: string;
  text: string;
}
interface RubricJson {
  components: Array<{ areas: Array<{ name?: string; subpillars: Array<{ questions: RubricQuestion[] }> }> }>;
}

export const cultureKeys = {
  all: ["culture"] as const,
  programmes: (unitId: string) => ["culture", "programmes", unitId] as const,
  programme: (id: string) => ["culture", "programme", id] as const,
  occurrences: (id: string, from?: string, to?: string) => ["culture", "occurrences", id, from, to] as const,
  occurrence: (id: string) => ["culture", "occurrence", id] as const,
  staff: (unitId: string) => ["culture", "staff", unitId] as const,
  stats: (unitId: string, year: number) => ["culture", "stats", unitId, year] as const,
  queue: (id: string) => ["culture", "queue", id] as const,
  schedule: (unitId: string, from: string, to: string) => ["culture", "gsp", unitId, from, to] as const,
  mine: ["culture", "gsp", "mine"] as const,
};

export function useProgrammes(unitId: string | undefined) {
  return useQuery({
    queryKey: cultureKeys.programmes(unitId ?? ""),
    queryFn: () => api.get<{ items: ProgrammeListItem[] }>("/api/culture/programmes", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: cultureKeys.programme(id ?? ""),
    queryFn: () => api.get<ProgrammeDetail>(`/api/culture/programmes/${id}`),
    enabled: !!id,
  });
}

export function useOccurrences(programmeId: string | undefined, from?: string, to?: string) {
  return useQuery({
    queryKey: cultureKeys.occurrences(programmeId ?? "", from, to),
    queryFn: () =>
      api.get<{ items: OccurrenceListItem[]; planned: string[] }>(
        `/api/culture/programmes/${programmeId}/occurrences`,
        {
          query: { from, to },
        },
      ),
    enabled: !!programmeId,
  });
}

export function useOccurrence(id: string | undefined) {
  return useQuery({
    queryKey: cultureKeys.occurrence(id ?? ""),
    queryFn: () => api.get<OccurrenceWire>(`/api/culture/occurrences/${id}`),
    enabled: !!id,
  });
}

export function useStaff(unitId: string | undefined) {
  return useQuery({
    queryKey: cultureKeys.staff(unitId ?? ""),
    queryFn: () => api.get<{ items: StaffMember[] }>("/api/culture/staff", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useStats(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: cultureKeys.stats(unitId ?? "", year),
    queryFn: () => api.get<AttendanceStats>("/api/culture/stats", { query: { unitId, year } }),
    enabled: !!unitId,
  });
}

export function useQueue(programmeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: cultureKeys.queue(programmeId ?? ""),
    queryFn: () => api.get<{ items: QueueEntry[] }>(`/api/culture/programmes/${programmeId}/queue`),
    enabled: !!programmeId && enabled,
  });
}

export function useGspSchedule(unitId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: cultureKeys.schedule(unitId ?? "", from, to),
    queryFn: () => api.get<GspSchedule>("/api/culture/gsp/schedule", { query: { unitId, from, to } }),
    enabled: !!unitId,
  });
}

export function useGspMine() {
  return useQuery({ queryKey: cultureKeys.mine, queryFn: () => api.get<GspMine>("/api/culture/gsp/mine") });
}

export function useRubricQuestions(enabled: boolean) {
  return useQuery({
    queryKey: ["culture", "rubric-questions"],
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const r = await api.get<RubricJson>("/api/zi/rubrics/permenpanrb-90-2021");
      return r.components.flatMap((c) => c.areas.flatMap((a) => a.subpillars.flatMap((s) => s.questions)));
    },
  });
}

/** Every write invalidates the module's queries (lists, stats and the schedule move together). */
function useCultureMutation<TVars, TResult>(fn: (v: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

export function useProgrammeMutations() {
  return {
    create: useCultureMutation((body: CreateProgrammeInput) =>
      api.post<ProgrammeWire>("/api/culture/programmes", body),
    ),
    templates: useCultureMutation((unitId: string) =>
      api.post<{ created: number }>("/api/culture/programmes/templates", { unitId }),
    ),
    update: useCultureMutation(({ id, patch }: { id: string; patch: UpdateProgrammeInput }) =>
      api.patch<ProgrammeWire>(`/api/culture/programmes/${id}`, patch),
    ),
  };
}

export function useOccurrenceMutations() {
  return {
    create: useCultureMutation(({ programmeId, body }: { programmeId: string; body: SaveOccurrenceInput }) =>
      api.post<OccurrenceWire>(`/api/culture/programmes/${programmeId}/occurrences`, body),
    ),
    update: useCultureMutation(({ id, body }: { id: string; body: SaveOccurrenceInput }) =>
      api.put<OccurrenceWire>(`/api/culture/occurrences/${id}`, body),
    ),
    remove: useCultureMutation((id: string) => api.delete(`/api/culture/occurrences/${id}`)),
  };
}

export function useEvidenceMutations(type: "programmes" | "occurrences", id: string) {
  return {
    link: useCultureMutation((questionKeys: string[]) =>
      api.post<{ questionKeys: string[] }>(`/api/culture/${type}/${id}/evidence`, { questionKeys }),
    ),
    unlink: useCultureMutation((key: string) =>
      api.delete<{ questionKeys: string[] }>(
        `/api/culture/${type}/${id}/evidence/${encodeURIComponent(key)}`,
      ),
    ),
  };
}

export function useQueueMutations(programmeId: string) {
  return {
    add: useCultureMutation((body: { userId: string; training: string; returnedOn: string | null }) =>
      api.post<QueueEntry>(`/api/culture/programmes/${programmeId}/queue`, body),
    ),
    remove: useCultureMutation((id: string) => api.delete(`/api/culture/queue/${id}`)),
  };
}

export function useGspMutations() {
  return {
    generate: useCultureMutation((body: { unitId: string; from: string; to: string }) =>
      api.post<{ created: number; replaced: number; gaps: { date: string; pending: string[] }[] }>(
        "/api/culture/gsp/generate",
        body,
      ),
    ),
    roster: useCultureMutation((body: { unitId: string; excludedUserIds: string[] }) =>
      api.put("/api/culture/gsp/roster", body),
    ),
    addLeave: useCultureMutation(
      (body: {
        unitId: string;
        userId: string;
        from: string;
        to: string;
        kind: LeaveWire["kind"];
        note: string;
      }) => api.post<LeaveWire>("/api/culture/leaves", body),
    ),
    removeLeave: useCultureMutation((id: string) => api.delete(`/api/culture/leaves/${id}`)),
    topic: useCultureMutation(
      ({ unitId, date, topic }: { unitId: string; date: string; topic: string | null }) =>
        api.patch(`/api/culture/gsp/turns/${unitId}/${date}`, { topic }),
    ),
  };
}

export async function uploadFile(unitId: string, file: File): Promise<FileMeta> {
  const form = new FormData();
  form.append("unitId", unitId);
  form.append("file", file);
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": normaliseLang(i18next.language),
  };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl("/api/files"), {
      method: "POST",
      body: form,
      headers,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, { code: "NETWORK_ERROR" }, false);
  }
  const type = res.headers.get("content-type") ?? "";
  const payload: unknown = type.includes("json") ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    const envelope = (payload as { error?: ApiErrorBody } | undefined)?.error;
    throw envelope && typeof envelope.code === "string"
      ? new ApiError(res.status, envelope)
      : new ApiError(res.status, { code: `HTTP_${res.status}` }, false);
  }
  return payload as FileMeta;
}
