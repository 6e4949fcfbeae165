import { createContext, useContext } from "react";
import type { Me, Unit } from "./types";

/**
 * The signed-in session as every page sees it. The shell (src/web) provides it; pages and module
 * pages read it through these hooks, so they never import the shell.
 */
export interface Session {
  me: Me;
  /** The user's work units, in tree order. */
  units: Unit[];
  /** The unit the user is working in (header switcher); the context for every page. */
  currentUnit: Unit | null;
  setCurrentUnitId: (id: string) => void;
  /** True when the user holds `permission` (undefined = no permission needed). */
  can: (permission?: string) => boolean;
  logout: () => Promise<void>;
  logoutAll: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession must be used inside the signed-in app shell");
  return s;
}

/** The session, or null on public pages. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}

export function useCan(permission?: string): boolean {
  return useSession().can(permission);
}

export function useCurrentUnit(): Unit | null {
  return useSession().currentUnit;
}

/** Permission check used by the shell and by pages: no permission means open to any signed-in user. */
export function hasPermission(permissions: readonly string[], permission?: string): boolean {
  return !permission || permissions.includes(permission);
}
