import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../ui/api";
import type { Items, Me, Meta, Unit } from "../../ui/types";

export const queryKeys = {
  meta: ["meta"] as const,
  me: ["me"] as const,
  myUnits: ["me", "units"] as const,
};

/** Public facts about the installation (demo mode, demo accounts). */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: ({ signal }) => api.get<Meta>("/api/meta", { signal }),
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => api.get<Me>("/api/me", { signal }),
  retry: false,
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

export function useMyUnits(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myUnits,
    queryFn: ({ signal }) => api.get<Items<Unit>>("/api/me/units", { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
