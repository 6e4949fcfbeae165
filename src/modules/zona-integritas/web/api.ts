import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type { z } from "zod";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type {
  CycleDetail,
  CycleWire,
  createCycleBody,
  cycleListItemSchema,
  GapsWire,
  historyItemSchema,
  importResultSchema,
  OverviewRow,
  rubricSummarySchema,
  ScoreSummary,
  updateCycleBody,
  WorksheetWire,
} from "../contract";
import type { Answer } from "../domain/answers";
import type { ThresholdOverrides } from "../domain/readiness";
import type { Gate, Rubric } from "../domain/rubric";
import type { Column, Command } from "../domain/stages";

/**
 * TanStack Query bindings for the Zona Integritas API (/api/zi/*), plus the two multipart calls the
 * JSON client does not make (evidence upload to /api/files, XLSX import).
 */

export type CycleListItem = z.infer<typeof cycleListItemSchema>;
export type RubricSummary = z.infer<typeof rubricSummarySchema>;
export type HistoryItem = z.infer<typeof historyItemSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type CreateCycleInput = z.input<typeof createCycleBody>;
export type UpdateCycleInput = z.input<typeof updateCycleBody>;
export type Predicate = "WBK" | "WBBM";
export type RubricGate = Gate;
/** GET /api/zi/rubrics/:id: the rubric as data plus the stored threshold overrides. */
export type RubricDetail = Rubric & { overrides: ThresholdOverrides };
export interface ZiSettings {
  /** MM-DD: the yearly proposal deadline (31 May by default). */
  proposalDeadline: string;
}

export interface FileMeta {
  id: string;
  unitId: string;
  sizeBytes: number;
  mime: string;
  extension: string;
  originalName: string;
  createdAt: string;
}

export interface AnswerInput {
  key: string;
  answer: Answer;
  note?: string;
  source?: string | null;
}

export interface SaveAnswersResult {
  saved: number;
  score: ScoreSummary;
}

export interface ImportRowError {
  row: number;
  question?: string;
  column?: string;
  message: string;
}

export const ziKeys = {
  all: ["zi"] as const,
  rubrics: ["zi", "rubrics"] as const,
  rubric: (id: string) => ["zi", "rubric", id] as const,
  settings: ["zi", "settings"] as const,
  cycles: (filter: { unitId?: string; year?: number }) => ["zi", "cycles", "list", filter] as const,
  cycle: (id: string) => ["zi", "cycles", id] as const,
  worksheet: (id: string) => ["zi", "cycles", id, "worksheet"] as const,
  history: (id: string, key: string) => ["zi", "cycles", id, "history", key] as const,
  gaps: (id: string, column: Column, predicate: Predicate) =>
    ["zi", "cycles", id, "gaps", column, predicate] as const,
  overview: (rootUnitId: string | undefined, year: number | undefined) =>
    ["zi", "overview", rootUnitId ?? null, year ?? null] as const,
};

const base = (id: string) => `/api/zi/cycles/${encodeURIComponent(id)}`;

/** Download links (the browser sends the session cookie; the server sets Content-Disposition). */
export const ziDownloads = {
  xlsx: (cycleId: string) => buildUrl(`${base(cycleId)}/export.xlsx`),
  pdf: (cycleId: string) => buildUrl(`${base(cycleId)}/report.pdf`),
  overview: (rootUnitId: string | undefined, year: number | undefined) =>
    buildUrl("/api/zi/overview.xlsx", { rootUnitId, year }),
  file: (fileId: string) => buildUrl(`/api/files/${encodeURIComponent(fileId)}/download`),
};

export function useRubrics(enabled = true) {
  return useQuery({
    queryKey: ziKeys.rubrics,
    queryFn: ({ signal }) => api.get<{ items: RubricSummary[] }>("/api/zi/rubrics", { signal }),
    staleTime: 30 * 60_000,
    enabled,
  });
}

export function useRubric(id: string | null | undefined) {
  return useQuery({
    queryKey: ziKeys.rubric(id ?? ""),
    queryFn: ({ signal }) => api.get<RubricDetail>(`/api/zi/rubrics/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
    // The editor keeps typed numbers in local state; a refetch on focus would reset them.
    refetchOnWindowFocus: false,
  });
}

export function useZiSettings() {
  return useQuery({
    queryKey: ziKeys.settings,
    queryFn: ({ signal }) => api.get<ZiSettings>("/api/zi/settings", { signal }),
    refetchOnWindowFocus: false,
  });
}

/**
 * Admin settings: threshold overrides (the PUT replaces every override of the rubric) and the proposal
 * deadline. Both change readiness and deadlines everywhere, so every ["zi"] query is refetched after.
 */
export function useZiSettingsMutations() {
  const qc = useQueryClient();
  const invalidateAll = () => qc.invalidateQueries({ queryKey: ziKeys.all });
  const thresholds = useMutation({
    mutationFn: ({ rubricId, overrides }: { rubricId: string; overrides: ThresholdOverrides }) =>
      api.put<{ overrides: ThresholdOverrides }>(
        `/api/zi/rubrics/${encodeURIComponent(rubricId)}/thresholds`,
        { overrides },
      ),
    onSuccess: invalidateAll,
  });
  const deadline = useMutation({
    mutationFn: (proposalDeadline: string) => api.put<ZiSettings>("/api/zi/settings", { proposalDeadline }),
    onSuccess: invalidateAll,
  });
  return { thresholds, deadline };
}

export function useCycles(filter: { unitId?: string; year?: number }, enabled = true) {
  return useQuery({
    queryKey: ziKeys.cycles(filter),
    queryFn: ({ signal }) => api.get<{ items: CycleListItem[] }>("/api/zi/cycles", { query: filter, signal }),
    enabled,
  });
}

export function useCycle(id: string | undefined) {
  return useQuery({
    queryKey: ziKeys.cycle(id ?? ""),
    queryFn: ({ signal }) => api.get<CycleDetail>(base(id!), { signal }),
    enabled: Boolean(id),
  });
}

export function useWorksheet(id: string | undefined) {
  return useQuery({
    queryKey: ziKeys.worksheet(id ?? ""),
    queryFn: ({ signal }) => api.get<WorksheetWire>(`${base(id!)}/worksheet`, { signal }),
    enabled: Boolean(id),
    // Typed work lives in local drafts; a refetch on focus would only move the saved values under it.
    refetchOnWindowFocus: false,
  });
}

export function useHistory(id: string, key: string | null) {
  return useQuery({
    queryKey: ziKeys.history(id, key ?? ""),
    queryFn: ({ signal }) =>
      api.get<{ items: HistoryItem[] }>(`${base(id)}/questions/${encodeURIComponent(key!)}/history`, {
        signal,
      }),
    enabled: Boolean(key),
  });
}

export function useGaps(id: string | undefined, column: Column, predicate: Predicate) {
  return useQuery({
    queryKey: ziKeys.gaps(id ?? "", column, predicate),
    queryFn: ({ signal }) => api.get<GapsWire>(`${base(id!)}/gaps`, { query: { column, predicate }, signal }),
    enabled: Boolean(id),
  });
}

export function useOverview(rootUnitId: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ziKeys.overview(rootUnitId, year),
    queryFn: ({ signal }) =>
      api.get<{ year: number; items: OverviewRow[] }>("/api/zi/overview", {
        query: { rootUnitId, year },
        signal,
      }),
    enabled: Boolean(rootUnitId),
    placeholderData: keepPreviousData,
  });
}

/** Every cycle query (detail, worksheet, gaps, lists, overview) is under ["zi"]. */
function useInvalidateCycle() {
  const qc = useQueryClient();
  return (cycleId?: string) =>
    Promise.all([
      cycleId
        ? qc.invalidateQueries({ queryKey: ziKeys.cycle(cycleId) })
        : qc.invalidateQueries({ queryKey: ["zi", "cycles"] }),
      qc.invalidateQueries({ queryKey: ["zi", "cycles", "list"] }),
      qc.invalidateQueries({ queryKey: ["zi", "overview"] }),
    ]);
}

export function useCycleMutations(cycleId?: string) {
  const invalidate = useInvalidateCycle();
  const create = useMutation({
    mutationFn: (body: CreateCycleInput) => api.post<CycleWire>("/api/zi/cycles", body),
    onSuccess: () => invalidate(),
  });
  const update = useMutation({
    mutationFn: (body: UpdateCycleInput) => api.patch<CycleWire>(base(cycleId!), body),
    onSuccess: () => invalidate(cycleId),
  });
  const transition = useMutation({
    mutationFn: (body: { command: Command; note?: string; awarded?: boolean }) =>
      api.post<CycleWire>(`${base(cycleId!)}/transitions`, body),
    onSuccess: () => invalidate(cycleId),
  });
  return { create, update, transition };
}

/** Fill IPAK and IPKP in a column from the unit's perception surveys in Zona. */
export function pullSurveyIndices(cycleId: string, column: Column) {
  return api.post<{ applied: Array<{ key: string; index: number; source: string }>; score: unknown }>(
    `${base(cycleId)}/hasil-from-surveys/${column}`,
  );
}

export function saveAnswers(cycleId: string, column: Column, answers: AnswerInput[]) {
  return api.put<SaveAnswersResult>(`${base(cycleId)}/answers/${column}`, { answers });
}

export function linkEvidence(cycleId: string, fileId: string, questionKeys: string[]) {
  return api.post<unknown>(`${base(cycleId)}/evidence`, { fileId, questionKeys });
}

export function unlinkEvidence(cycleId: string, questionKey: string, fileId: string) {
  return api.delete<unknown>(
    `${base(cycleId)}/evidence/${encodeURIComponent(questionKey)}/${encodeURIComponent(fileId)}`,
  );
}

/**
 * A multipart POST with the same headers and error envelope as the JSON client. Field order matters
 * for /api/files: the `unitId` text field must come before the file part.
 */
async function postMultipart<T>(path: string, fields: [string, string | Blob][]): Promise<T> {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": normaliseLang(i18next.language),
  };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(path), { method: "POST", body: form, headers, credentials: "same-origin" });
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
  return payload as T;
}

export function uploadFile(unitId: string, file: File) {
  return postMultipart<FileMeta>("/api/files", [
    ["unitId", unitId],
    ["file", file],
  ]);
}

export function importWorksheet(cycleId: string, column: Column, file: File) {
  return postMultipart<ImportResult>(`${base(cycleId)}/import/${column}`, [["file", file]]);
}

/** The row-by-row report of a refused import (400 ZI_IMPORT_INVALID, params.errors). */
export function importErrorsOf(e: unknown): ImportRowError[] | null {
  if (!(e instanceof ApiError) || e.code !== "ZI_IMPORT_INVALID") return null;
  const errors = e.params.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : null;
}
