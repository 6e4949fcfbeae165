import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, buildUrl } from "../../../ui/api";
import type {
  Campaign,
  CoiDeclaration,
  CoiDeclareInput,
  CoiEvaluationWire,
  CoiFunction,
  GratCreateInput,
  GratRecap,
  GratReport,
  WbsDetail,
  WbsSummary,
} from "../contract";

/** TanStack Query bindings for /api/integrity/*. */
export const keys = {
  all: ["integrity"] as const,
  wbs: (unitId: string | undefined, status: string) => ["integrity", "wbs", unitId ?? "", status] as const,
  wbsCase: (id: string) => ["integrity", "wbs-case", id] as const,
  gratMine: ["integrity", "grat-mine"] as const,
  gratList: (unitId: string | undefined, year: number) => ["integrity", "grat", unitId ?? "", year] as const,
  gratRecap: (unitId: string | undefined, year: number) =>
    ["integrity", "grat-recap", unitId ?? "", year] as const,
  campaigns: (unitId: string | undefined, year: number) =>
    ["integrity", "campaigns", unitId ?? "", year] as const,
  coiMine: ["integrity", "coi-mine"] as const,
  coiList: (unitId: string | undefined, year: number) => ["integrity", "coi", unitId ?? "", year] as const,
  coiFunctions: (unitId: string | undefined, year: number) =>
    ["integrity", "coi-fn", unitId ?? "", year] as const,
  coiEval: (unitId: string | undefined, year: number) =>
    ["integrity", "coi-eval", unitId ?? "", year] as const,
};

const enc = encodeURIComponent;
type Items<T> = { items: T[] };

export const wbsDownload = (id: string, attachmentId: string) =>
  `/api/integrity/wbs/reports/${enc(id)}/attachments/${enc(attachmentId)}`;

export function useWbsReports(unitId: string | undefined, status: "open" | "closed" | "all") {
  return useQuery({
    queryKey: keys.wbs(unitId, status),
    queryFn: ({ signal }) =>
      api.get<Items<WbsSummary>>("/api/integrity/wbs/reports", { query: { unitId, status }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useWbsCase(id: string | undefined) {
  return useQuery({
    queryKey: keys.wbsCase(id ?? ""),
    queryFn: ({ signal }) => api.get<WbsDetail>(`/api/integrity/wbs/reports/${enc(id!)}`, { signal }),
    enabled: Boolean(id),
    refetchOnWindowFocus: false,
  });
}

export function useWbsMutations(id: string) {
  const qc = useQueryClient();
  const set = (d: WbsDetail) => {
    qc.setQueryData(keys.wbsCase(id), d);
    void qc.invalidateQueries({ queryKey: ["integrity", "wbs"] });
  };
  return {
    post: useMutation({
      mutationFn: (b: { body: string; internal: boolean }) =>
        api.post<WbsDetail>(`/api/integrity/wbs/reports/${enc(id)}/messages`, b),
      onSuccess: set,
    }),
    status: useMutation({
      mutationFn: (b: { status: string; note?: string }) =>
        api.post<WbsDetail>(`/api/integrity/wbs/reports/${enc(id)}/status`, b),
      onSuccess: set,
    }),
    identity: useMutation({
      mutationFn: () =>
        api.post<{ name: string | null; contact: string | null }>(
          `/api/integrity/wbs/reports/${enc(id)}/identity`,
        ),
    }),
  };
}

export function useGratMine() {
  return useQuery({
    queryKey: keys.gratMine,
    queryFn: ({ signal }) => api.get<Items<GratReport>>("/api/integrity/gratification/mine", { signal }),
  });
}

export function useGratList(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.gratList(unitId, year),
    queryFn: ({ signal }) =>
      api.get<Items<GratReport>>("/api/integrity/gratification/reports", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useGratRecap(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.gratRecap(unitId, year),
    queryFn: ({ signal }) =>
      api.get<GratRecap>("/api/integrity/gratification/recap", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useCampaigns(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.campaigns(unitId, year),
    queryFn: ({ signal }) =>
      api.get<Items<Campaign>>("/api/integrity/gratification/campaigns", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useGratMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.all });
  return {
    create: useMutation({
      mutationFn: (b: GratCreateInput) => api.post<GratReport>("/api/integrity/gratification/reports", b),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: (b: { id: string; note: string; decision?: string }) =>
        api.post<GratReport>(`/api/integrity/gratification/reports/${enc(b.id)}/review`, {
          note: b.note,
          decision: b.decision,
        }),
      onSuccess: refresh,
    }),
    forward: useMutation({
      mutationFn: (b: { id: string; kpkReference: string; forwardedOn: string }) =>
        api.post<GratReport>(`/api/integrity/gratification/reports/${enc(b.id)}/forward`, {
          kpkReference: b.kpkReference,
          forwardedOn: b.forwardedOn,
        }),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: (b: { id: string; decision: string; decidedOn: string; decisionReference?: string }) =>
        api.post<GratReport>(`/api/integrity/gratification/reports/${enc(b.id)}/decision`, {
          decision: b.decision,
          decidedOn: b.decidedOn,
          decisionReference: b.decisionReference,
        }),
      onSuccess: refresh,
    }),
    addCampaign: useMutation({
      mutationFn: (b: { unitId: string; title: string; date: string; channel: string; url?: string }) =>
        api.post<Campaign>("/api/integrity/gratification/campaigns", b),
      onSuccess: refresh,
    }),
    removeCampaign: useMutation({
      mutationFn: (id: string) => api.delete(`/api/integrity/gratification/campaigns/${enc(id)}`),
      onSuccess: refresh,
    }),
  };
}

export function useCoiMine() {
  return useQuery({
    queryKey: keys.coiMine,
    queryFn: ({ signal }) => api.get<Items<CoiDeclaration>>("/api/integrity/coi/mine", { signal }),
  });
}

export function useCoiList(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.coiList(unitId, year),
    queryFn: ({ signal }) =>
      api.get<Items<CoiDeclaration>>("/api/integrity/coi/declarations", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useCoiFunctions(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.coiFunctions(unitId, year),
    queryFn: ({ signal }) =>
      api.get<Items<CoiFunction>>("/api/integrity/coi/functions", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useCoiEvaluation(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.coiEval(unitId, year),
    queryFn: ({ signal }) =>
      api.get<CoiEvaluationWire>("/api/integrity/coi/evaluation", { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useCoiMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.all });
  return {
    declare: useMutation({
      mutationFn: (b: CoiDeclareInput) => api.post<CoiDeclaration>("/api/integrity/coi/declarations", b),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: (b: { id: string; decision: string; note?: string }) =>
        api.post<CoiDeclaration>(`/api/integrity/coi/declarations/${enc(b.id)}/review`, {
          decision: b.decision,
          note: b.note,
        }),
      onSuccess: refresh,
    }),
    saveFunction: useMutation({
      mutationFn: (b: {
        id?: string;
        unitId: string;
        year: number;
        name: string;
        description?: string;
        riskLevel: string;
        controls?: string;
      }) => {
        const { id, ...body } = b;
        return id
          ? api.put<CoiFunction>(`/api/integrity/coi/functions/${enc(id)}`, body)
          : api.post<CoiFunction>("/api/integrity/coi/functions", body);
      },
      onSuccess: refresh,
    }),
    removeFunction: useMutation({
      mutationFn: (id: string) => api.delete(`/api/integrity/coi/functions/${enc(id)}`),
      onSuccess: refresh,
    }),
  };
}

export function useLinkEvidence() {
  return useMutation({
    mutationFn: (b: { type: string; id: string; unitId: string; questionKeys: string[] }) =>
      api.post<{ questionKeys: string[] }>("/api/integrity/evidence", b),
  });
}

/** The anonymous WBS register (code, dates, category, status, handling unit) as XLSX. */
export const wbsRegisterXlsxUrl = (unitId: string, year: number) =>
  buildUrl("/api/integrity/wbs/register.xlsx", { unitId, year });
/** The UPG's gratification register of a year as XLSX. */
export const gratRegisterXlsxUrl = (unitId: string, year: number) =>
  buildUrl("/api/integrity/gratification/register.xlsx", { unitId, year });
