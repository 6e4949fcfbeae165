import { Center, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api, isApiError, setCsrfToken } from "../../ui/api";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { PageLoader } from "../../ui/components/PageLoader";
import { hasPermission, type Session, SessionContext } from "../../ui/session";
import type { Unit } from "../../ui/types";
import { AppLayout } from "../shell/AppLayout";
import { loginPath } from "./paths";
import { useMe, useMyUnits } from "./queries";

export const UNIT_STORAGE_KEY = "zona_unit";

function readStoredUnit(): string | null {
  try {
    return globalThis.localStorage?.getItem(UNIT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * The signed-in part of the app: loads `/api/me` and the user's units, sends visitors without a
 * session to the login page, and provides the `Session` every page reads.
 */
export default function SessionGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const units = useMyUnits(Boolean(me.data));
  const [storedUnitId, setStoredUnitId] = useState<string | null>(readStoredUnit);

  const unitList: Unit[] = units.data?.items ?? [];
  const currentUnit = useMemo(() => {
    if (unitList.length === 0) return null;
    return unitList.find((u) => u.id === storedUnitId) ?? defaultUnit(unitList, me.data?.assignments ?? []);
  }, [unitList, storedUnitId, me.data]);

  const setCurrentUnitId = useCallback((id: string) => {
    setStoredUnitId(id);
    try {
      globalThis.localStorage?.setItem(UNIT_STORAGE_KEY, id);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);

  const endSession = useCallback(
    async (path: "/api/auth/logout" | "/api/auth/logout-all", notice: "loggedOut" | "loggedOutAll") => {
      try {
        await api.post(path);
      } catch {
        // Even if the server could not be reached, forget the session here.
      }
      setCsrfToken(null);
      navigate("/masuk", { replace: true, state: { notice } });
    },
    [navigate],
  );

  const session: Session | null = useMemo(() => {
    if (!me.data) return null;
    const permissions = me.data.permissions;
    return {
      me: me.data,
      units: unitList,
      currentUnit,
      setCurrentUnitId,
      can: (permission?: string) => hasPermission(permissions, permission),
      logout: () => endSession("/api/auth/logout", "loggedOut"),
      logoutAll: () => endSession("/api/auth/logout-all", "loggedOutAll"),
    };
  }, [me.data, unitList, currentUnit, setCurrentUnitId, endSession]);

  if (me.isPending) return <PageLoader minHeight="100vh" />;
  // A failed refetch keeps the data: stay put (a 401 there is handled by the API client's hook).
  if (me.error && !me.data) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={loginPath(location.pathname, location.search)} replace />;
    }
    return (
      <Center mih="100vh" p="md">
        <Stack maw={520} w="100%">
          <main>
            <h1 className="zona-sr-only">{t("shell.loadFailed")}</h1>
            <ErrorAlert error={me.error} title={t("shell.loadFailed")} onRetry={() => void me.refetch()} />
          </main>
        </Stack>
      </Center>
    );
  }
  if (!session) return null;
  return (
    <SessionContext.Provider value={session}>
      <AppLayout
        unitsError={units.error}
        onRetryUnits={() => void queryClient.invalidateQueries({ queryKey: ["me", "units"] })}
      />
    </SessionContext.Provider>
  );
}

/** Without a stored choice: the unit of the user's first role assignment, else the first unit. */
function defaultUnit(units: Unit[], assignments: { unitId: string }[]): Unit | null {
  for (const a of assignments) {
    const u = units.find((x) => x.id === a.unitId);
    if (u) return u;
  }
  return units[0] ?? null;
}
