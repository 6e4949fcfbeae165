import { Box, Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons shown at the right (wrap below on phones). */
  actions?: ReactNode;
  /** Small line above the title, e.g. the current unit. */
  eyebrow?: ReactNode;
  /** Browser tab title (defaults to `title` when it is a string). */
  documentTitle?: string;
}

/** The one h1 of a page, with an optional description and actions. */
export function PageHeader({ title, description, actions, eyebrow, documentTitle }: PageHeaderProps) {
  const tabTitle = documentTitle ?? (typeof title === "string" ? title : undefined);
  useEffect(() => {
    if (tabTitle) document.title = `${tabTitle} · Zona`;
  }, [tabTitle]);
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: "1 1 20rem" }}>
        {eyebrow ? (
          <Text size="sm" c="dimmed" fw={500}>
            {eyebrow}
          </Text>
        ) : null}
        <Title order={1} fz={{ base: "h2", sm: "h1" }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" maw="48rem">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Box>
          <Group gap="sm">{actions}</Group>
        </Box>
      ) : null}
    </Group>
  );
}
