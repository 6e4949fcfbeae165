import { EmptyState as MantineEmptyState } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  /** A button or link that gets the person going. */
  action?: ReactNode;
  /** Render the title as a heading of this level (default: plain text). */
  headingOrder?: 1 | 2 | 3 | 4 | 5 | 6;
}

/** "Nothing here yet" with what to do next. */
export function EmptyState({ title, description, icon, action, headingOrder }: EmptyStateProps) {
  return (
    <MantineEmptyState py="xl" withIndicatorBackground>
      <MantineEmptyState.Indicator>{icon ?? <IconInbox size={28} aria-hidden />}</MantineEmptyState.Indicator>
      <MantineEmptyState.Title order={headingOrder}>{title}</MantineEmptyState.Title>
      {description ? <MantineEmptyState.Description>{description}</MantineEmptyState.Description> : null}
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}
