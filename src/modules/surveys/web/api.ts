import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../ui/api";
import type {
  createFollowUpBody,
  createPeriodBody,
  FollowUpWire,
  KindSummary,
  PeriodWire,
  ResultsWire,
  updatePeriodBody,
} from "../contract";

/** TanStack Query bindings for /api/surveys/* (staff). The public pages use plain fetch (small chunk). */
export type CreatePeriodInput = z.input<typeof createPeriodBody>;
export type UpdatePeriodInput = z.input<typeof updatePeriodBody>;
export type CreateFollowUpInput = z.input<typeof createFollowUpBody>;

export const usePeriods = (unitId: string | undefined) =>
  useQuery({
    queryKey: ["surveys", "periods", unitId],
    queryFn: () => api.get<{ items: PeriodWire[] }>("/api/surveys/periods", { query: { unitId } }),
    enabled: !!unitId,
  });

export const useKinds = (unitId: string | undefined) =>
  useQuery({
    queryKey: ["surveys", "kinds", unitId],
    queryFn: () => api.get<{ items: KindSummary[] }>("/api/surveys/kinds", { query: { unitId } }),
  });

export const useResults = (id: string) =>
  useQuery({
    queryKey: ["surveys", "results", id],
    queryFn: () => api.get<ResultsWire>(`/api/surveys/periods/${id}/results`),
  });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["surveys"] });
}

export function useCreatePeriod() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: CreatePeriodInput) => api.post<PeriodWire>("/api/surveys/periods", b),
    onSuccess: inv,
  });
}

export function useUpdatePeriod(id: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: UpdatePeriodInput) => api.patch<PeriodWire>(`/api/surveys/periods/${id}`, b),
    onSuccess: inv,
  });
}

export function useCreateFollowUp(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: CreateFollowUpInput) =>
      api.post<FollowUpWire>(`/api/surveys/periods/${periodId}/followups`, b),
    onSuccess: inv,
  });
}

export function useUpdateFollowUp() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: FollowUpWire["status"] }) =>
      api.patch<FollowUpWire>(`/api/surveys/followups/${id}`, { status }),
    onSuccess: inv,
  });
}
