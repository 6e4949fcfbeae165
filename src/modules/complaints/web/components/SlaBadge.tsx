import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";

const TONE: Record<string, StatusTone> = {
  on_time: "success",
  near_due: "warning",
  overdue: "danger",
  met: "success",
  late: "danger",
};

/** SLA state as colour + icon + word. */
export function SlaBadge({ state }: { state: string | null }) {
  const { t } = useTranslation("complaints");
  if (!state) return null;
  return (
    <StatusBadge tone={TONE[state] ?? "neutral"} size="sm">
      {t(`sla.${state}`)}
    </StatusBadge>
  );
}

const STATUS_TONE: Record<string, StatusTone> = {
  received: "info",
  verified: "info",
  assigned: "info",
  in_progress: "warning",
  answered: "success",
  closed: "neutral",
  rejected: "neutral",
  forwarded: "neutral",
};

export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("complaints");
  return (
    <StatusBadge tone={STATUS_TONE[status] ?? "neutral"} size="sm">
      {t(`status.${status}`)}
    </StatusBadge>
  );
}
