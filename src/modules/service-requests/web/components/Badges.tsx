import { IconPlayerPause } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";
import type { SlaSnapshot, SrState } from "../../contract";
import { type SlaTone, slaTone } from "../lib";

const STATE_TONE: Record<SrState, StatusTone> = {
  submitted: "info",
  in_progress: "info",
  waiting_requester: "warning",
  completed: "success",
  rejected: "danger",
  cancelled: "neutral",
};

/** The request's state as colour + icon + word. */
export function StateBadge({ state, size = "sm" }: { state: SrState; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation("requests");
  return (
    <StatusBadge tone={STATE_TONE[state]} size={size}>
      {t(`state.${state}`)}
    </StatusBadge>
  );
}

const SLA_TONE: Record<SlaTone, StatusTone> = {
  ok: "success",
  warning: "warning",
  breached: "danger",
  paused: "neutral",
  stopped: "neutral",
};

/** The SLA state (on time / at risk / overdue / paused) as colour + icon + word, never colour alone. */
export function SlaBadge({
  sla,
  size = "sm",
}: {
  sla: Pick<SlaSnapshot, "state" | "paused" | "stopped">;
  size?: "xs" | "sm" | "md";
}) {
  const { t } = useTranslation("requests");
  const tone = slaTone(sla);
  return (
    <StatusBadge tone={SLA_TONE[tone]} size={size} icon={tone === "paused" ? IconPlayerPause : undefined}>
      {t(`sla.${tone}`)}
    </StatusBadge>
  );
}

/** CSS colour of an SLA tone (for the ring and the inbox stripe). */
export const SLA_COLOR: Record<SlaTone, string> = {
  ok: "var(--mantine-color-green-7)",
  warning: "var(--mantine-color-yellow-7)",
  breached: "var(--mantine-color-red-7)",
  paused: "var(--mantine-color-gray-6)",
  stopped: "var(--mantine-color-gray-5)",
};
