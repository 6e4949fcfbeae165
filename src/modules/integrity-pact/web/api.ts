import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../ui/api";
import type {
  CreateRoundInput,
  MineResponse,
  MineRound,
  ReminderResult,
  RoundDetail,
  RoundQuestions,
  RoundSummary,
  RoundWire,
  SignatureWire,
} from "../contract";

/** TanStack Query bindings for the integrity pact API (/api/pact/*). */
export const pactKeys = {
  all: ["pact"] as const,
  rounds: (unitId: string | undefined) => ["pact", "rounds", unitId ?? ""] as const,
  round: (id: string) => ["pact", "round", id] as const,
  mine: ["pact", "mine"] as const,
  mineRound: (id: string) => ["pact", "mine", id] as const,
  roundQuestions: (id: string) => ["pact", "round-questions", id] as const,
};

const enc = encodeURIComponent;

export const pactDownloads = {
  rollup: (roundId: string) => `/api/pact/rounds/${enc(roundId)}/rollup.pdf`,
  signed: (roundId: string, userId: string) =>
    `/api/pact/rounds/${enc(roundId)}/signatures/${enc(userId)}/pact.pdf`,
};

export function useRounds(unitId: string | undefined) {
  return useQuery({
    queryKey: pactKeys.rounds(unitId),
    queryFn: ({ signal }) =>
      api.get<{ items: RoundSummary[] }>("/api/pact/rounds", { query: { unitId }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: pactKeys.round(id ?? ""),
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/pact/rounds/${enc(id!)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useMine() {
  return useQuery({
    queryKey: pactKeys.mine,
    queryFn: ({ signal }) => api.get<MineResponse>("/api/pact/mine", { signal }),
  });
}

export function useMineRound(id: string | undefined) {
  return useQuery({
    queryKey: pactKeys.mineRound(id ?? ""),
    queryFn: ({ signal }) => api.get<MineRound>(`/api/pact/mine/${enc(id!)}`, { signal }),
    enabled: Boolean(id),
    // The text must not change under someone reading it; a refetch happens after signing or on error.
    refetchOnWindowFocus: false,
  });
}

export function usePactMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: pactKeys.all });
  const open = useMutation({
    mutationFn: (input: CreateRoundInput) => api.post<RoundWire>("/api/pact/rounds", input),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: (id: string) => api.post<RoundWire>(`/api/pact/rounds/${enc(id)}/close`),
    onSuccess: refresh,
  });
  const remind = useMutation({
    mutationFn: (id: string) => api.post<ReminderResult>(`/api/pact/rounds/${enc(id)}/reminders`),
    onSuccess: refresh,
  });
  const sign = useMutation({
    mutationFn: ({ id, textHash, agree }: { id: string; textHash: string; agree: boolean }) =>
      api.post<SignatureWire>(`/api/pact/rounds/${enc(id)}/sign`, { textHash, agree }),
    onSettled: refresh,
  });
  return { open, close, remind, sign };
}

// ---- the round as LKE evidence (Zona Integritas worksheet) ----

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

/** The LKE rubric (questions for the picker): GET /api/zi/rubrics/:id. */
export function useRubric(id: string = LKE_RUBRIC) {
  return useQuery({
    queryKey: ["pact", "rubric", id],
    queryFn: ({ signal }) => api.get<RubricTree>(`/api/zi/rubrics/${enc(id)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRoundQuestions(id: string | undefined) {
  return useQuery({
    queryKey: pactKeys.roundQuestions(id ?? ""),
    queryFn: ({ signal }) => api.get<RoundQuestions>(`/api/pact/rounds/${enc(id!)}/questions`, { signal }),
    enabled: Boolean(id),
    select: (d) => d.questionKeys,
  });
}

export function useSetRoundQuestions(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (questionKeys: string[]) =>
      api.put<RoundQuestions>(`/api/pact/rounds/${enc(id)}/questions`, { questionKeys }),
    onSuccess: (d) => qc.setQueryData(pactKeys.roundQuestions(id), d),
  });
}
