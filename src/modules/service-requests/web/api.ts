import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { ApiError, type ApiErrorBody, api, buildUrl } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import {
  type Dashboard,
  type InboxItem,
  type InboxQuery,
  type MyRequests,
  type PaymentBody,
  type PaymentRecord,
  type PublicUnit,
  type RequestDetail,
  type RequesterSession,
  type ServiceType,
  type ServiceTypeInput,
  type ServiceTypeUpdate,
  SR_API,
  type Starter,
  type SubmitBody,
  type SubmitResponse,
  type TrackingView,
  type TransitionBody,
  type UploadRef,
  type UploadResponse,
  type VerificationView,
} from "../contract";

/**
 * TanStack Query bindings for the service-requests API: /api/public/requests (no staff session; the
 * requester proves ownership with the secret or the one-time-code cookie) and /api/requests (staff).
 * Paths come from SR_API in the contract.
 *
 * The contract does not name the shape of list answers; like the other modules, lists arrive as
 * `{ items: [...] }` (local types below).
 */
export interface ListOf<T> {
  items: T[];
}
export interface Assignee {
  id: string;
  name: string;
  roles: string[];
}

// --- public ----------------------------------------------------------------------------------------

export const usePublicUnit = (code: string) =>
  useQuery({
    queryKey: ["requests", "public-unit", code],
    queryFn: () => api.get<PublicUnit>(SR_API.publicUnit(code)),
  });

export const useSubmit = () =>
  useMutation({ mutationFn: (body: SubmitBody) => api.post<SubmitResponse>(SR_API.publicSubmit, body) });

export interface Proof {
  number: string;
  secret?: string;
}

export const useTrack = () =>
  useMutation({
    mutationFn: (p: Proof) =>
      api.post<TrackingView>(SR_API.publicTrack, { number: p.number, secret: p.secret || undefined }),
  });

export const useAnswerDocuments = () =>
  useMutation({
    mutationFn: (b: Proof & { documents: UploadRef[]; message?: string | null }) =>
      api.post<TrackingView>(SR_API.publicDocuments, { ...b, secret: b.secret || undefined }),
  });

export const useCancelRequest = () =>
  useMutation({
    mutationFn: (b: Proof & { reason?: string | null }) =>
      api.post<TrackingView>(SR_API.publicCancel, { ...b, secret: b.secret || undefined }),
  });

export const useRate = () =>
  useMutation({
    mutationFn: (b: Proof & { score: number; comment?: string | null }) =>
      api.post<TrackingView>(SR_API.publicRate, { ...b, secret: b.secret || undefined }),
  });

export const useOtpStart = () =>
  useMutation({
    mutationFn: (b: ({ email: string } | { phone: string }) & { lang: "id" | "en" }) =>
      api.post<{ sent: true; expiresInSeconds: number }>(SR_API.otpStart, b),
  });

export const useOtpVerify = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ({ email: string } | { phone: string }) & { code: string }) =>
      api.post<RequesterSession>(SR_API.otpVerify, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["requests", "mine"] }),
  });
};

export const useRequesterLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(SR_API.logout),
    onSuccess: () => qc.removeQueries({ queryKey: ["requests", "mine"] }),
  });
};

/** The signed-in requester's own requests; answers 401 when no requester cookie is present. */
export const useMine = () =>
  useQuery({
    queryKey: ["requests", "mine"],
    queryFn: () => api.get<MyRequests>(SR_API.mine),
    retry: false,
  });

export const useVerification = (docCode: string) =>
  useQuery({
    queryKey: ["requests", "verify", docCode],
    queryFn: () => api.get<VerificationView>(SR_API.verify(docCode)),
    retry: false,
  });

function headersFor(): Record<string, string> {
  return { Accept: "application/json", "Accept-Language": normaliseLang(i18next.language) };
}

function errorOf(status: number, payload: unknown): ApiError {
  const envelope = (payload as { error?: ApiErrorBody } | undefined)?.error;
  return envelope && typeof envelope.code === "string"
    ? new ApiError(status, envelope)
    : new ApiError(status, { code: `HTTP_${status}` }, false);
}

/**
 * Upload one file for a public request (multipart: `unitCode`, then `file`), reporting progress
 * 0–100. XMLHttpRequest is used because fetch has no upload progress.
 */
export function uploadPublicFile(
  unitCode: string,
  file: File,
  onProgress: (percent: number) => void = () => {},
): Promise<UploadResponse> {
  const form = new FormData();
  form.append("unitCode", unitCode);
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", buildUrl(SR_API.publicUpload));
    for (const [k, v] of Object.entries(headersFor())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "NETWORK_ERROR" }, false));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(payload as UploadResponse);
      } else reject(errorOf(xhr.status, payload));
    };
    xhr.send(form);
  });
}

/** Save bytes from the browser as a file (download link click). */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POST {number, secret?, fileId} → the file's bytes, saved under `name`. */
export async function downloadPublicFile(p: Proof & { fileId: string }, name: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(SR_API.publicDownload), {
      method: "POST",
      headers: { ...headersFor(), "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ number: p.number, secret: p.secret || undefined, fileId: p.fileId }),
    });
  } catch {
    throw new ApiError(0, { code: "NETWORK_ERROR" }, false);
  }
  if (!res.ok) {
    const payload = (res.headers.get("content-type") ?? "").includes("json")
      ? await res.json().catch(() => undefined)
      : undefined;
    throw errorOf(res.status, payload);
  }
  saveBlob(await res.blob(), name);
}

// --- staff ------------------------------------------------------------------------------------------

export const useInbox = (q: Partial<InboxQuery>) =>
  useQuery({
    queryKey: ["requests", "inbox", q],
    enabled: !!q.unitId,
    queryFn: () => api.get<ListOf<InboxItem>>(SR_API.inbox, { query: q }),
  });

export const useRequest = (id: string) =>
  useQuery({
    queryKey: ["requests", "detail", id],
    queryFn: () => api.get<RequestDetail>(SR_API.detail(id)),
  });

function useDetailMutation<T>(id: string, fn: (v: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      // A fresh detail in the answer replaces the cached one; anything else means "read it again".
      if (d && typeof d === "object" && "events" in d && "commands" in d)
        qc.setQueryData(["requests", "detail", id], d);
      else void qc.invalidateQueries({ queryKey: ["requests", "detail", id] });
      void qc.invalidateQueries({ queryKey: ["requests", "inbox"] });
    },
  });
}

export const useTransition = (id: string) =>
  useDetailMutation(id, (b: TransitionBody) => api.post<RequestDetail>(SR_API.transition(id), b));

export const useNote = (id: string) =>
  useDetailMutation(id, (body: string) => api.post<RequestDetail>(SR_API.notes(id), { body }));

export const useRecordPayment = (requestId: string) =>
  useDetailMutation(requestId, (b: PaymentBody) => api.post<PaymentRecord>(SR_API.payments, b));

export const useAssignees = (unitId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ["requests", "assignees", unitId],
    enabled: enabled && !!unitId,
    queryFn: () => api.get<ListOf<Assignee>>(SR_API.assignees, { query: { unitId } }),
  });

export const staffFileUrl = (id: string, fileId: string) => buildUrl(SR_API.staffFile(id, fileId));

export const useCatalogue = (unitId: string | undefined) =>
  useQuery({
    queryKey: ["requests", "catalogue", unitId],
    enabled: !!unitId,
    queryFn: () => api.get<ListOf<ServiceType>>(SR_API.catalogue, { query: { unitId } }),
  });

export const useStarters = (unitId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ["requests", "starters", unitId],
    enabled: enabled && !!unitId,
    queryFn: () => api.get<ListOf<Starter>>(SR_API.starters, { query: { unitId } }),
  });

function useCatalogueMutation<T>(fn: (v: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["requests", "catalogue"] });
      void qc.invalidateQueries({ queryKey: ["requests", "starters"] });
    },
  });
}

export const useAddStarters = () =>
  useCatalogueMutation((b: { unitId: string; keys: string[] }) => api.post<unknown>(SR_API.starters, b));
export const useCreateService = () =>
  useCatalogueMutation((b: ServiceTypeInput) => api.post<ServiceType>(SR_API.catalogue, b));
export const useUpdateService = () =>
  useCatalogueMutation((v: { id: string; body: ServiceTypeUpdate }) =>
    api.put<ServiceType>(SR_API.catalogueItem(v.id), v.body),
  );

export const useDashboard = (q: { unitId: string | undefined; from: string; to: string }) =>
  useQuery({
    queryKey: ["requests", "dashboard", q],
    enabled: !!q.unitId && !!q.from && !!q.to,
    queryFn: () => api.get<Dashboard>(SR_API.dashboard, { query: q }),
  });

export const dashboardXlsxUrl = (q: { unitId: string; from: string; to: string }) =>
  buildUrl(SR_API.dashboardXlsx, q);
