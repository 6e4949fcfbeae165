import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type { z } from "zod";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type {
  Channel,
  CreateItemInput,
  createChannelBody,
  ItemDetail,
  MonthView,
  Publication,
  ReachWire,
  Report,
  TransitionInput,
  UpdateItemInput,
  updateChannelBody,
} from "../contract";

/** TanStack Query bindings for /api/media/*, plus the attachment upload to /api/files. */

export type CreateChannelInput = z.input<typeof createChannelBody>;
export type UpdateChannelInput = z.input<typeof updateChannelBody>;
export interface UserRef {
  id: string;
  name: string;
}
export interface FileMeta {
  id: string;
  unitId: string;
  sizeBytes: number;
  mime: string;
  originalName: string;
}

export const mediaKeys = {
  all: ["media"] as const,
  month: (unitId: string, month: string) => ["media", "month", unitId, month] as const,
  channels: (unitId: string) => ["media", "channels", unitId] as const,
  settings: (unitId: string) => ["media", "settings", unitId] as const,
  assignees: (unitId: string) => ["media", "assignees", unitId] as const,
  item: (id: string) => ["media", "item", id] as const,
  report: (unitId: string, from: string, to: string) => ["media", "report", unitId, from, to] as const,
};

export function useMonth(unitId: string | undefined, month: string) {
  return useQuery({
    queryKey: mediaKeys.month(unitId ?? "", month),
    queryFn: () => api.get<MonthView>("/api/media/month", { query: { unitId, month } }),
    enabled: !!unitId,
  });
}

export function useChannels(unitId: string | undefined) {
  return useQuery({
    queryKey: mediaKeys.channels(unitId ?? ""),
    queryFn: async () =>
      (await api.get<{ items: Channel[] }>("/api/media/channels", { query: { unitId } })).items,
    enabled: !!unitId,
  });
}

export function useSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: mediaKeys.settings(unitId ?? ""),
    queryFn: () =>
      api.get<{ unitId: string; planWeekends: boolean }>("/api/media/settings", { query: { unitId } }),
    enabled: !!unitId,
  });
}

export function useAssignees(unitId: string | undefined) {
  return useQuery({
    queryKey: mediaKeys.assignees(unitId ?? ""),
    queryFn: async () =>
      (await api.get<{ items: UserRef[] }>("/api/media/assignees", { query: { unitId } })).items,
    enabled: !!unitId,
  });
}

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: mediaKeys.item(id ?? ""),
    queryFn: () => api.get<ItemDetail>(`/api/media/items/${encodeURIComponent(id ?? "")}`),
    enabled: !!id,
  });
}

export function useReport(unitId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: mediaKeys.report(unitId ?? "", from, to),
    queryFn: () => api.get<Report>("/api/media/report", { query: { unitId, from, to } }),
    enabled: !!unitId,
  });
}

/** Every write refreshes the media queries (month, report, item). */
function useMediaMutation<TIn, TOut>(fn: (input: TIn) => Promise<TOut>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (data) => {
      if (data && typeof data === "object" && "id" in data && "status" in data)
        qc.setQueryData(mediaKeys.item((data as unknown as ItemDetail).id), data);
      await qc.invalidateQueries({ queryKey: mediaKeys.all });
    },
  });
}

export const useCreateItem = () =>
  useMediaMutation((input: CreateItemInput) => api.post<ItemDetail>("/api/media/items", input));
export const useUpdateItem = (id: string) =>
  useMediaMutation((input: UpdateItemInput) =>
    api.patch<ItemDetail>(`/api/media/items/${encodeURIComponent(id)}`, input),
  );
export const useDeleteItem = (id: string) =>
  useMediaMutation(() => api.delete(`/api/media/items/${encodeURIComponent(id)}`));
export const useTransition = (id: string) =>
  useMediaMutation((input: TransitionInput) =>
    api.post<ItemDetail>(`/api/media/items/${encodeURIComponent(id)}/transitions`, input),
  );
export const useAddPublication = (id: string) =>
  useMediaMutation((input: { channelId: string; url: string; publishedOn: string }) =>
    api.post<ItemDetail>(`/api/media/items/${encodeURIComponent(id)}/publications`, input),
  );
export const useSetReach = () =>
  useMediaMutation((input: { publicationId: string; reach: ReachWire }) =>
    api.put<Publication>(
      `/api/media/publications/${encodeURIComponent(input.publicationId)}/reach`,
      input.reach,
    ),
  );
export const useCreateChannel = () =>
  useMediaMutation((input: CreateChannelInput) => api.post<Channel>("/api/media/channels", input));
export const useUpdateChannel = () =>
  useMediaMutation((input: { id: string; patch: UpdateChannelInput }) =>
    api.patch<Channel>(`/api/media/channels/${encodeURIComponent(input.id)}`, input.patch),
  );
export const useSaveSettings = () =>
  useMediaMutation((input: { unitId: string; planWeekends: boolean }) =>
    api.put("/api/media/settings", input),
  );
export const useLinkItemEvidence = (id: string) =>
  useMediaMutation((questionKeys: string[]) =>
    api.post<{ questionKeys: string[] }>(`/api/media/items/${encodeURIComponent(id)}/evidence`, {
      questionKeys,
    }),
  );
export const useUnlinkItemEvidence = (id: string) =>
  useMediaMutation((questionKey: string) =>
    api.delete<{ questionKeys: string[] }>(
      `/api/media/items/${encodeURIComponent(id)}/evidence/${encodeURIComponent(questionKey)}`,
    ),
  );
export const useLinkMonthEvidence = (unitId: string, month: string) =>
  useMediaMutation((questionKeys: string[]) =>
    api.post<{ questionKeys: string[] }>(`/api/media/months/${month}/evidence`, { unitId, questionKeys }),
  );

/** The rubric's questions for the evidence picker (key + text), from the ZI module's API. */
export interface RubricQuestion {
  key: string;
  text: string;
}
export function useRubricQuestions(enabled: boolean) {
  return useQuery({
    queryKey: ["media", "rubric-questions"],
    enabled,
    staleTime: 60 * 60_000,
    queryFn: async () => {
      const rubric = await api.get<unknown>("/api/zi/rubrics/permenpanrb-90-2021");
      const out: RubricQuestion[] = [];
      const walk = (o: unknown) => {
        if (Array.isArray(o)) o.forEach(walk);
        else if (o && typeof o === "object") {
          const r = o as Record<string, unknown>;
          if (typeof r.key === "string" && typeof r.text === "string" && "answerType" in r)
            out.push({ key: r.key, text: r.text });
          for (const v of Object.values(r)) if (v && typeof v === "object") walk(v);
        }
      };
      walk(rubric);
      return out;
    },
  });
}

export const mediaDownloads = {
  report: (unitId: string, from: string, to: string) =>
    buildUrl("/api/media/report.xlsx", { unitId, from, to }),
  file: (fileId: string) => buildUrl(`/api/files/${encodeURIComponent(fileId)}/download`),
};

/** Upload an attachment for the unit (multipart; `unitId` must precede the file part). */
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
  const payload: unknown = (res.headers.get("content-type") ?? "").includes("json")
    ? await res.json().catch(() => undefined)
    : undefined;
  if (!res.ok) {
    const envelope = (payload as { error?: ApiErrorBody } | undefined)?.error;
    throw envelope && typeof envelope.code === "string"
      ? new ApiError(res.status, envelope)
      : new ApiError(res.status, { code: `HTTP_${res.status}` }, false);
  }
  return payload as FileMeta;
}
