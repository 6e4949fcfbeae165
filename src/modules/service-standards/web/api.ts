import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { ApiError, type ApiErrorBody, api, buildUrl, getCsrfToken } from "../../../ui/api";
import { normaliseLang } from "../../../ui/format";
import type {
  CompletenessWire,
  FacilityWire,
  PledgeWire,
  ProfileWire,
  PublicPortal,
  ServiceDetail,
  ServiceListItem,
  ServiceWire,
  SopWire,
  VersionWire,
} from "../contract";
import type { EvidenceType } from "../domain/model";

/** TanStack Query bindings for /api/standards and the public portal endpoint. */

const KEY = "standards";

export function useServices(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, "services", unitId],
    enabled: !!unitId,
    queryFn: () => api.get<{ items: ServiceListItem[] }>("/api/standards/services", { query: { unitId } }),
  });
}

export function useService(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, "service", id],
    enabled: !!id,
    refetchOnWindowFocus: false,
    queryFn: () => api.get<ServiceDetail>(`/api/standards/services/${encodeURIComponent(id ?? "")}`),
  });
}

export function usePledges(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, "pledges", unitId],
    enabled: !!unitId,
    queryFn: () =>
      api.get<{ items: PledgeWire[]; evidence: Record<string, string[]> }>("/api/standards/pledges", {
        query: { unitId },
      }),
  });
}

export function useProfile(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, "profile", unitId],
    enabled: !!unitId,
    refetchOnWindowFocus: false,
    queryFn: () => api.get<ProfileWire>("/api/standards/profile", { query: { unitId } }),
  });
}

export function useFacilities(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, "facilities", unitId],
    enabled: !!unitId,
    queryFn: () =>
      api.get<{ items: FacilityWire[]; evidenceKeys: string[] }>("/api/standards/facilities", {
        query: { unitId },
      }),
  });
}

export function useCompleteness(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, "completeness", unitId],
    enabled: !!unitId,
    queryFn: () => api.get<CompletenessWire>("/api/standards/completeness", { query: { unitId } }),
  });
}

export function usePortal(code: string | undefined) {
  return useQuery({
    queryKey: [KEY, "public", code],
    enabled: !!code,
    staleTime: 60_000,
    queryFn: () => api.get<PublicPortal>(`/api/public/units/${encodeURIComponent(code ?? "")}/standards`),
  });
}

/** A write that refreshes every standards query after it succeeds. */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useCreateService = () =>
  useWrite((b: Record<string, unknown>) => api.post<ServiceWire>("/api/standards/services", b));
export const useUpdateService = (id: string) =>
  useWrite((b: Record<string, unknown>) => api.patch<ServiceWire>(`/api/standards/services/${id}`, b));
export const useCreateDraft = (serviceId: string) =>
  useWrite(() => api.post<VersionWire>(`/api/standards/services/${serviceId}/versions`));
export const useUpdateVersion = () =>
  useWrite(({ id, body }: { id: string; body: Record<string, unknown> }) =>
    api.patch<VersionWire>(`/api/standards/versions/${id}`, body),
  );
export const usePublishVersion = () =>
  useWrite((id: string) => api.post<VersionWire>(`/api/standards/versions/${id}/publish`));
export const useDeleteVersion = () =>
  useWrite((id: string) => api.delete<void>(`/api/standards/versions/${id}`));
export const useCreateSop = () =>
  useWrite((b: Record<string, unknown>) => api.post<SopWire>("/api/standards/sops", b));
export const useDeleteSop = () => useWrite((id: string) => api.delete<void>(`/api/standards/sops/${id}`));
export const useCreatePledge = () =>
  useWrite((b: Record<string, unknown>) => api.post<PledgeWire>("/api/standards/pledges", b));
export const usePublishPledge = () =>
  useWrite((id: string) => api.post<PledgeWire>(`/api/standards/pledges/${id}/publish`));
export const useDeletePledge = () =>
  useWrite((id: string) => api.delete<void>(`/api/standards/pledges/${id}`));
export const useSaveProfile = (unitId: string) =>
  useWrite((b: Record<string, unknown>) =>
    api.put<ProfileWire>(`/api/standards/profile?unitId=${encodeURIComponent(unitId)}`, b),
  );
export const useCreateFacility = () =>
  useWrite((b: Record<string, unknown>) => api.post<FacilityWire>("/api/standards/facilities", b));
export const useUpdateFacility = () =>
  useWrite(({ id, body }: { id: string; body: Record<string, unknown> }) =>
    api.patch<FacilityWire>(`/api/standards/facilities/${id}`, body),
  );
export const useDeleteFacility = () =>
  useWrite((id: string) => api.delete<void>(`/api/standards/facilities/${id}`));
export const useAddPhoto = () =>
  useWrite(
    async ({
      facilityId,
      unitId,
      file,
      caption,
    }: {
      facilityId: string;
      unitId: string;
      file: File;
      caption: string;
    }) => {
      const meta = await uploadFile(unitId, file);
      return api.post<FacilityWire>(`/api/standards/facilities/${facilityId}/photos`, {
        fileId: meta.id,
        caption,
      });
    },
  );
export const useRemovePhoto = () =>
  useWrite(({ facilityId, fileId }: { facilityId: string; fileId: string }) =>
    api.delete<FacilityWire>(`/api/standards/facilities/${facilityId}/photos/${fileId}`),
  );

export interface EvidenceTarget {
  unitId: string;
  type: EvidenceType;
  id?: string;
}
export const useLinkEvidence = () =>
  useWrite(({ target, questionKeys }: { target: EvidenceTarget; questionKeys: string[] }) =>
    api.post<{ questionKeys: string[] }>("/api/standards/evidence", { ...target, questionKeys }),
  );
export const useUnlinkEvidence = () =>
  useWrite(({ target, questionKey }: { target: EvidenceTarget; questionKey: string }) =>
    api.post<{ questionKeys: string[] }>("/api/standards/evidence/unlink", { ...target, questionKey }),
  );

export interface RubricQuestion {
  key: string;
  text: string;
}
/** Every question of the current LKE edition, for the evidence picker. */
export function useRubricQuestions(enabled: boolean) {
  return useQuery({
    queryKey: ["zi", "rubric-questions", "permenpanrb-90-2021"],
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
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

export const fileDownloadUrl = (fileId: string) =>
  buildUrl(`/api/files/${encodeURIComponent(fileId)}/download`);

/** Upload a file for the unit (multipart; `unitId` must precede the file part). */
export async function uploadFile(unitId: string, file: File): Promise<{ id: string; originalName: string }> {
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
  return payload as { id: string; originalName: string };
}
