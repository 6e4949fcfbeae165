import { Badge } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconInfoCircle,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { IconComponent } from "../module";

export type StatusTone = "success" | "warning" | "danger" | "info" | "neutral";

const TONES: Record<StatusTone, { color: string; icon: IconComponent }> = {
  success: { color: "green", icon: IconCircleCheck },
  warning: { color: "yellow", icon: IconAlertTriangle },
  danger: { color: "red", icon: IconCircleX },
  info: { color: "zona", icon: IconInfoCircle },
  neutral: { color: "gray", icon: IconCircleDashed },
};

export interface StatusBadgeProps {
  tone: StatusTone;
  /** The word: status is never told by colour alone. */
  children: ReactNode;
  icon?: IconComponent;
  size?: "xs" | "sm" | "md" | "lg";
}

/** A status as colour + icon + word (on track / at risk / overdue). */
export function StatusBadge({ tone, children, icon, size = "md" }: StatusBadgeProps) {
  const t = TONES[tone];
  const Icon = icon ?? t.icon;
  return (
    <Badge
      variant="light"
      color={t.color}
      size={size}
      leftSection={<Icon size={14} stroke={2} aria-hidden />}
      styles={{
        root: { textTransform: "none", color: `var(--mantine-color-${t.color}-9)`, minWidth: "max-content" },
        label: { overflow: "visible" },
      }}
    >
      {children}
    </Badge>
  );
}
