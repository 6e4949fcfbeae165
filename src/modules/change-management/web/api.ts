import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type { z } from "zod";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type { cycleListItemSchema, WorksheetWire } from "../../zona-integritas/contract";
import type {
  ActivityDetailWire,
  AgentsWire,
  ChangeInput,
  ChangeWire,
  CountsWire,
  CreateActivityInput,
  MyActivitiesWire,
  PersonWire,
  PlanWire,
  RecordQuestionsWire,
  RoleModelWire,
  TeamHistoryWire,
  TeamWire,
  UpdateActivityInput,
} from "../contract";
import type { LeverArea, TeamRole } from "../domain/model";

/** TanStack Query bindings for /api/cm/*, plus the few Zona Integritas reads the pages need. */

export const cmKeys = {
  all: ["cm"] as const,
  people: (unitId: string) => ["cm", "people", unitId] as const,
  team: (unitId: string) => ["cm", "team", unitId] as const,
  history: (unitId: string) => ["cm", "team-history", unitId] as const,
  plan: (unitId: string) => ["cm", "plan", unitId] as const,
  activity: (id: string) => ["cm", "activity", id] as const,
  mine: ["cm", "mine"] as const,
  agents: (unitId: string) => ["cm", "agents", unitId] as const,
  counts: (unitId: string, year: number) => ["cm", "counts", unitId, year] as const,
  decreeQuestions: (id: string) => ["cm", "decree-questions", id] as const,
};

export function usePeople(unitId: string | undefined) {
  return useQuery({
    queryKey: cmKeys.people(unitId ?? ""),
    queryFn: () => api.get<{ items: PersonWire[] }>("/api/cm/people", { query: { unitId } }),
    enabled: !!unitId,
    select: (d) => d.items,
  });
}

// ---- team ----

export function useTeam(unitId: string | undefined) {
  return useQuery({
    queryKey: cmKeys.team(unitId ?? ""),
    queryFn: () => api.get<TeamWire>("/api/cm/team", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useTeamHistory(unitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: cmKeys.history(unitId ?? ""),
    queryFn: () => api.get<{ items: TeamHistoryWire[] }>("/api/cm/team/history", { query: { unitId } }),
    enabled: !!unitId && enabled,
    select: (d) => d.items,
  });
}

export interface MemberInput {
  userId: string;
  role: TeamRole;
  areaKey: LeverArea | null;
}

function useTeamMutation<V>(unitId: string, fn: (v: V) => Promise<TeamWire>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (team) => {
      qc.setQueryData(cmKeys.team(unitId), team);
      void qc.invalidateQueries({ queryKey: cmKeys.history(unitId) });
    },
  });
}

export function useCreateTeamDecree(unitId: string) {
  return useTeamMutation(
    unitId,
    (v: { number: string; date: string; fileId: string | null; members: MemberInput[] }) =>
      api.post<TeamWire>("/api/cm/team/decrees", { unitId, ...v }),
  );
}

export function useAddMember(unitId: string) {
  return useTeamMutation(unitId, (v: MemberInput) =>
    api.post<TeamWire>("/api/cm/team/members", { unitId, ...v }),
  );
}

export function useUpdateMember(unitId: string) {
  return useTeamMutation(unitId, (v: { id: string; role: TeamRole; areaKey: LeverArea | null }) =>
    api.patch<TeamWire>(`/api/cm/team/members/${encodeURIComponent(v.id)}`, {
      role: v.role,
      areaKey: v.areaKey,
    }),
  );
}

export function useRemoveMember(unitId: string) {
  return useTeamMutation(unitId, (id: string) =>
    api.delete<TeamWire>(`/api/cm/team/members/${encodeURIComponent(id)}`),
  );
}

// ---- work plan ----

export function usePlan(unitId: string | undefined) {
  return useQuery({
    queryKey: cmKeys.plan(unitId ?? ""),
    queryFn: () => api.get<PlanWire>("/api/cm/activities", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: cmKeys.activity(id ?? ""),
    queryFn: () => api.get<ActivityDetailWire>(`/api/cm/activities/${encodeURIComponent(id ?? "")}`),
    enabled: !!id,
  });
}

export function useMyActivities() {
  return useQuery({
    queryKey: cmKeys.mine,
    queryFn: () => api.get<MyActivitiesWire>("/api/cm/activities/mine"),
    select: (d) => d.items,
  });
}

function useActivityMutation<V>(fn: (v: V) => Promise<ActivityDetailWire>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(cmKeys.activity(a.id), a);
      void qc.invalidateQueries({ queryKey: cmKeys.plan(a.unitId) });
      void qc.invalidateQueries({ queryKey: cmKeys.mine });
    },
  });
}

export function useCreateActivity() {
  return useActivityMutation((v: CreateActivityInput) =>
    api.post<ActivityDetailWire>("/api/cm/activities", v),
  );
}

export function useUpdateActivity(id: string) {
  return useActivityMutation((v: UpdateActivityInput) =>
    api.patch<ActivityDetailWire>(`/api/cm/activities/${encodeURIComponent(id)}`, v),
  );
}

export function useAttachFile(id: string) {
  return useActivityMutation(async (v: { unitId: string; file: File }) => {
    const meta = await uploadFile(v.unitId, v.file);
    return api.post<ActivityDetailWire>(`/api/cm/activities/${encodeURIComponent(id)}/files`, {
      fileId: meta.id,
    });
  });
}

export function useDetachFile(id: string) {
  return useActivityMutation((fileId: string) =>
    api.delete<ActivityDetailWire>(
      `/api/cm/activities/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
    ),
  );
}

export function useSetQuestions(id: string) {
  return useActivityMutation((questionKeys: string[]) =>
    api.put<ActivityDetailWire>(`/api/cm/activities/${encodeURIComponent(id)}/questions`, { questionKeys }),
  );
}

export function useDeleteActivity(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/cm/activities/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cmKeys.plan(unitId) }),
  });
}

// ---- change agents ----

export function useAgents(unitId: string | undefined) {
  return useQuery({
    queryKey: cmKeys.agents(unitId ?? ""),
    queryFn: () => api.get<AgentsWire>("/api/cm/agents", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useCounts(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: cmKeys.counts(unitId ?? "", year),
    queryFn: () => api.get<CountsWire>("/api/cm/agents/counts", { query: { unitId, year } }),
    enabled: !!unitId,
  });
}

function useAgentsMutation<V, R>(unitId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: cmKeys.agents(unitId) });
      void qc.invalidateQueries({ queryKey: ["cm", "counts", unitId] });
    },
  });
}

export function useCreateAgentDecree(unitId: string) {
  return useAgentsMutation(
    unitId,
    (v: { number: string; date: string; fileId: string | null; userIds: string[] }) =>
      api.post<AgentsWire>("/api/cm/agents/decrees", { unitId, ...v }),
  );
}

export function useSaveChange(unitId: string) {
  return useAgentsMutation(unitId, (v: { agentId: string; changeId?: string; body: ChangeInput }) =>
    v.changeId
      ? api.patch<ChangeWire>(`/api/cm/changes/${encodeURIComponent(v.changeId)}`, v.body)
      : api.post<ChangeWire>(`/api/cm/agents/${encodeURIComponent(v.agentId)}/changes`, v.body),
  );
}

export function useDeleteChange(unitId: string) {
  return useAgentsMutation(unitId, (id: string) => api.delete(`/api/cm/changes/${encodeURIComponent(id)}`));
}

export function useAddRoleModel(unitId: string) {
  return useAgentsMutation(
    unitId,
    (v: { agentId: string; title: string; description: string; date: string }) =>
      api.post<RoleModelWire>(`/api/cm/agents/${encodeURIComponent(v.agentId)}/role-models`, {
        title: v.title,
        description: v.description,
        date: v.date,
      }),
  );
}

export function useSetChangeQuestions(unitId: string) {
  return useAgentsMutation(unitId, (v: { id: string; questionKeys: string[] }) =>
    api.put<ChangeWire>(`/api/cm/changes/${encodeURIComponent(v.id)}/questions`, {
      questionKeys: v.questionKeys,
    }),
  );
}

// ---- decrees as LKE evidence (managers) ----

export function useDecreeQuestions(id: string | undefined) {
  return useQuery({
    queryKey: cmKeys.decreeQuestions(id ?? ""),
    queryFn: () => api.get<RecordQuestionsWire>(`/api/cm/decrees/${encodeURIComponent(id ?? "")}/questions`),
    enabled: !!id,
    select: (d) => d.questionKeys,
  });
}

export function useSetDecreeQuestions(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (questionKeys: string[]) =>
      api.put<RecordQuestionsWire>(`/api/cm/decrees/${encodeURIComponent(id)}/questions`, { questionKeys }),
    onSuccess: (d) => qc.setQueryData(cmKeys.decreeQuestions(id), d),
  });
}

export const cmDownloads = {
  agents: (unitId: string, year: number) => buildUrl("/api/cm/agents/export.xlsx", { unitId, year }),
  file: (fileId: string) => buildUrl(`/api/files/${encodeURIComponent(fileId)}/download`),
};

// ---- Zona Integritas reads (rubric for the question picker; cycles and worksheet for evidence) ----

export interface RubricQuestion {
  key: string;
  sourceId: string;
  text: string;
}
export interface RubricTree {
  id: string;
  title: string;
  components: Array<{
    key: string;
    name: string;
    areas: Array<{
      key: string;
      name: string;
      subpillars: Array<{ key: string; name: string; questions: RubricQuestion[] }>;
    }>;
  }>;
}
export const LKE_RUBRIC = "permenpanrb-90-2021";

export function useRubric(id: string = LKE_RUBRIC, enabled = true) {
  return useQuery({
    queryKey: ["cm", "rubric", id],
    queryFn: () => api.get<RubricTree>(`/api/zi/rubrics/${encodeURIComponent(id)}`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type CycleListItem = z.infer<typeof cycleListItemSchema>;

export function useZiCycles(unitId: string | undefined) {
  return useQuery({
    queryKey: ["cm", "zi-cycles", unitId ?? ""],
    queryFn: () => api.get<{ items: CycleListItem[] }>("/api/zi/cycles", { query: { unitId } }),
    enabled: !!unitId,
    select: (d) => d.items.filter((c) => c.unit.id === unitId),
  });
}

/** The worksheet; `records` may be absent on an older server: treated as empty. */
export type WorksheetEvidence = Pick<WorksheetWire, "cycleId" | "rubricId" | "evidence"> & {
  records?: WorksheetWire["records"];
};

export function useWorksheet(cycleId: string | undefined) {
  return useQuery({
    queryKey: ["cm", "worksheet", cycleId ?? ""],
    queryFn: () =>
      api.get<WorksheetEvidence>(`/api/zi/cycles/${encodeURIComponent(cycleId ?? "")}/worksheet`),
    enabled: !!cycleId,
  });
}

// ---- uploads ----

export interface FileMeta {
  id: string;
  unitId: string;
  originalName: string;
}

/** POST /api/files as multipart (the `unitId` field before the file part). */
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
