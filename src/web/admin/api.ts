import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../ui/api";
import type { Zone } from "../../ui/format";
import type { AuditPage, Items, Permission, Role, Unit, UnitKind, UserItem } from "../../ui/types";

/** TanStack Query bindings for the kernel's admin API (units, users, roles, audit, calendar). */

export const adminKeys = {
  units: ["units"] as const,
  users: (filter: { unitId?: string; q?: string }) => ["users", filter] as const,
  roles: ["roles"] as const,
  permissions: ["permissions"] as const,
  audit: (filter: AuditFilter) => ["audit", "list", filter] as const,
  holidays: (year: number) => ["calendar", "holidays", year] as const,
  /** Under ["units"], so unit edits (a zone change moves the default hours' zone) refresh it too. */
  hours: (unitId: string) => ["units", "hours", unitId] as const,
};

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: adminKeys.units,
    queryFn: ({ signal }) => api.get<Items<Unit>>("/api/units", { signal }),
    enabled,
  });
}

export function useUsers(filter: { unitId?: string; q?: string }) {
  return useQuery({
    queryKey: adminKeys.users(filter),
    queryFn: ({ signal }) => api.get<Items<UserItem>>("/api/users", { query: filter, signal }),
    placeholderData: (prev) => prev,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: adminKeys.roles,
    queryFn: ({ signal }) => api.get<Items<Role>>("/api/roles", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePermissions() {
  return useQuery({
    queryKey: adminKeys.permissions,
    queryFn: ({ signal }) => api.get<Items<Permission>>("/api/permissions", { signal }),
    staleTime: 30 * 60_000,
  });
}

export interface AuditFilter {
  action?: string;
  unitId?: string;
  from?: string;
  to?: string;
}

export function useAudit(filter: AuditFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/api/audit", {
        query: { ...filter, beforeSeq: pageParam, limit: pageSize },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
}

export interface CreateUserInput {
  email: string;
  name: string;
  nip?: string | null;
  phone?: string | null;
  password?: string | null;
  roleKey: string;
  unitId: string;
}

export interface UpdateUserInput {
  name?: string;
  nip?: string | null;
  phone?: string | null;
  status?: "active" | "disabled";
}

export interface CreateUnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  zone?: Zone;
}

/** Mutations that refresh what they change (and the header's unit list after unit edits). */
export function useAdminMutations() {
  const qc = useQueryClient();
  const refreshUsers = () => qc.invalidateQueries({ queryKey: ["users"] });
  const refreshUnits = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: adminKeys.units }),
      qc.invalidateQueries({ queryKey: ["me"] }),
    ]);
  return {
    createUser: useMutation({
      mutationFn: (input: CreateUserInput) => api.post<UserItem>("/api/users", input),
      onSuccess: refreshUsers,
    }),
    updateUser: useMutation({
      mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
        api.patch<UserItem>(`/api/users/${id}`, input),
      onSuccess: refreshUsers,
    }),
    addAssignment: useMutation({
      mutationFn: ({ userId, roleKey, unitId }: { userId: string; roleKey: string; unitId: string }) =>
        api.post<{ id: string }>(`/api/users/${userId}/assignments`, { roleKey, unitId }),
      onSuccess: () => Promise.all([refreshUsers(), qc.invalidateQueries({ queryKey: ["me"] })]),
    }),
    removeAssignment: useMutation({
      mutationFn: ({ userId, assignmentId }: { userId: string; assignmentId: string }) =>
        api.delete(`/api/users/${userId}/assignments/${assignmentId}`),
      onSuccess: () => Promise.all([refreshUsers(), qc.invalidateQueries({ queryKey: ["me"] })]),
    }),
    createUnit: useMutation({
      mutationFn: (input: CreateUnitInput) => api.post<Unit>("/api/units", input),
      onSuccess: refreshUnits,
    }),
    updateUnit: useMutation({
      mutationFn: ({ id, ...input }: { id: string; name?: string; code?: string; zone?: Zone }) =>
        api.patch<Unit>(`/api/units/${id}`, input),
      onSuccess: refreshUnits,
    }),
    moveUnit: useMutation({
      mutationFn: ({ id, parentId }: { id: string; parentId: string }) =>
        api.post<Unit>(`/api/units/${id}/move`, { parentId }),
      onSuccess: refreshUnits,
    }),
  };
}

// ---- Calendar: holidays and working hours (src/kernel/calendar/server/routes.ts) ----

export type HolidayKind = "libur" | "cuti_bersama";
export const HOLIDAY_KINDS: HolidayKind[] = ["libur", "cuti_bersama"];

export interface Holiday {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  name: string;
  kind: HolidayKind;
  /** The decree (SKB, isbat decision) or another source; null when none was given. */
  source: string | null;
  /** C1 regulation text, C2 two or more sources, S one source, U unconfirmed; null when edited here. */
  confidence: string | null;
}

export interface WorkInterval {
  /** Local `HH:MM`. */
  start: string;
  end: string;
}

/** ISO weekday, "1" = Monday … "7" = Sunday. */
export type Weekday = "1" | "2" | "3" | "4" | "5" | "6" | "7";
export const WEEKDAYS: Weekday[] = ["1", "2", "3", "4", "5", "6", "7"];

export interface HoursConfig {
  zone: Zone;
  /** A missing or empty day is not a working day. */
  week: Partial<Record<Weekday, WorkInterval[]>>;
}

export interface UnitHours {
  config: HoursConfig;
  /** null: the default Kemenkeu hours; else the unit whose own hours apply (this one or an ancestor). */
  fromUnitId: string | null;
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: adminKeys.holidays(year),
    queryFn: ({ signal }) => api.get<Items<Holiday>>("/api/calendar/holidays", { query: { year }, signal }),
  });
}

/** The holidays of a year, from the cache when fresh (to check a date before overwriting it). */
export function useFetchHolidays() {
  const qc = useQueryClient();
  return (year: number) =>
    qc.fetchQuery({
      queryKey: adminKeys.holidays(year),
      queryFn: ({ signal }) => api.get<Items<Holiday>>("/api/calendar/holidays", { query: { year }, signal }),
      staleTime: 30_000,
    });
}

export function useUnitHours(unitId: string) {
  return useQuery({
    queryKey: adminKeys.hours(unitId),
    queryFn: ({ signal }) => api.get<UnitHours>(`/api/units/${unitId}/hours`, { signal }),
  });
}

export interface SaveHolidayInput {
  date: string;
  name: string;
  kind: HolidayKind;
  source: string | null;
  /** When editing an entry whose date changed: the old date, removed after the new one is saved. */
  previousDate?: string;
}

export function useCalendarMutations() {
  const qc = useQueryClient();
  const refreshHolidays = () => qc.invalidateQueries({ queryKey: ["calendar", "holidays"] });
  return {
    saveHoliday: useMutation({
      mutationFn: async ({ date, previousDate, ...body }: SaveHolidayInput) => {
        await api.put(`/api/calendar/holidays/${date}`, body);
        if (previousDate && previousDate !== date) await api.delete(`/api/calendar/holidays/${previousDate}`);
      },
      onSettled: refreshHolidays,
    }),
    deleteHoliday: useMutation({
      mutationFn: (date: string) => api.delete(`/api/calendar/holidays/${date}`),
      onSettled: refreshHolidays,
    }),
    // Descendants without their own hours inherit these, so every unit's hours are refreshed.
    saveHours: useMutation({
      mutationFn: ({ unitId, config }: { unitId: string; config: HoursConfig }) =>
        api.put(`/api/units/${unitId}/hours`, config),
      onSuccess: () => qc.invalidateQueries({ queryKey: ["units", "hours"] }),
    }),
  };
}
