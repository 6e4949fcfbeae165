import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type {
  CaseDetail,
  CaseListItem,
  IntakeBody,
  IntakeResponse,
  ListQuery,
  PublicUnit,
  RecapWire,
  RulesWire,
  StaffIntakeBody,
  StaffIntakeResponse,
  TrackedCase,
  TransitionBody,
} from "../contract";

/** TanStack Query bindings for /api/public/complaints (no session) and /api/complaints (staff). */

export const usePublicUnit = (code: string) =>
  useQuery({
    queryKey: ["complaints", "public-unit", code],
    queryFn: () => api.get<PublicUnit>(`/api/public/complaints/units/${encodeURIComponent(code)}`),
  });

export const useIntake = () =>
  useMutation({ mutationFn: (body: IntakeBody) => api.post<IntakeResponse>("/api/public/complaints", body) });

export interface Credentials {
  code: string;
  secret: string;
}

export const useTrack = () =>
  useMutation({ mutationFn: (c: Credentials) => api.post<TrackedCase>("/api/public/complaints/track", c) });
export const useReply = () =>
  useMutation({
    mutationFn: (b: Credentials & { message: string }) =>
      api.post<TrackedCase>("/api/public/complaints/track/reply", b),
  });
export const useRate = () =>
  useMutation({
    mutationFn: (b: Credentials & { score: number; comment?: string }) =>
      api.post<TrackedCase>("/api/public/complaints/track/rating", b),
  });

/** Multipart upload of one attachment: code and secret first, then the file. */
export async function uploadAttachment(c: Credentials, file: File): Promise<TrackedCase> {
  const form = new FormData();
  form.append("code", c.code);
  form.append("secret", c.secret);
  form.append("file", file);
  const res = await fetch(buildUrl("/api/public/complaints/track/attachments"), {
    method: "POST",
    body: form,
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw Object.assign(new Error(body?.error?.message ?? `HTTP ${res.status}`), { status: res.status });
  return body as TrackedCase;
}

export const useCases = (q: Partial<ListQuery>) =>
  useQuery({
    queryKey: ["complaints", "list", q],
    queryFn: () => api.get<{ items: CaseListItem[] }>("/api/complaints", { query: q }),
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: ["complaints", "case", id],
    queryFn: () => api.get<CaseDetail>(`/api/complaints/${id}`),
  });

function useCaseMutation<T>(fn: (v: T) => Promise<CaseDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(["complaints", "case", d.id], d);
      void qc.invalidateQueries({ queryKey: ["complaints", "list"] });
    },
  });
}

export const useTransition = (id: string) =>
  useCaseMutation((b: TransitionBody) => api.post<CaseDetail>(`/api/complaints/${id}/transitions`, b));
export const useNote = (id: string) =>
  useCaseMutation((body: string) => api.post<CaseDetail>(`/api/complaints/${id}/notes`, { body }));

export const useAssignees = (unitId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ["complaints", "assignees", unitId],
    enabled: enabled && !!unitId,
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string; email: string }> }>("/api/complaints/assignees", {
        query: { unitId },
      }),
  });

export const useRecap = (unitId: string | undefined, year: number) =>
  useQuery({
    queryKey: ["complaints", "recap", unitId, year],
    enabled: !!unitId,
    queryFn: () => api.get<RecapWire>("/api/complaints/recap", { query: { unitId, year } }),
  });

export const useRules = (unitId: string | undefined) =>
  useQuery({
    queryKey: ["complaints", "rules", unitId],
    enabled: !!unitId,
    queryFn: () => api.get<RulesWire>("/api/complaints/rules", { query: { unitId } }),
  });

export const useLinkRecap = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { unitId: string; year: number; questionKeys: string[] }) =>
      api.post<{ linked: number; evidence: string[] }>("/api/complaints/recap/evidence", b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["complaints", "recap"] }),
  });
};

export const recapXlsxUrl = (unitId: string, year: number) =>
  buildUrl("/api/complaints/recap.xlsx", { unitId, year });

export const useSaveRules = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { unitId: string; overrides: Record<string, number> }) =>
      api.put<RulesWire>("/api/complaints/rules", b),
    onSuccess: (d, v) => qc.setQueryData(["complaints", "rules", v.unitId], d),
  });
};

export const useStaffIntake = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: StaffIntakeBody) => api.post<StaffIntakeResponse>("/api/complaints/intake", b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["complaints", "list"] }),
  });
};

/** POST /api/files as multipart (the `unitId` field before the file part) → the stored file's id. */
export async function uploadEvidenceFile(unitId: string, file: File): Promise<{ id: string }> {
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
  return payload as { id: string };
}

/** Upload a file to the unit's evidence store, then attach it to the case. */
export const useAttachFile = (id: string, unitId: string) =>
  useCaseMutation(async (file: File) => {
    const stored = await uploadEvidenceFile(unitId, file);
    return api.post<CaseDetail>(`/api/complaints/${id}/attachments`, { fileId: stored.id });
  });
