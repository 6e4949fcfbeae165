import { Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export const DEMO_BANNER_HEIGHT = 32;

/** Across the top whenever the installation runs on demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Group
      className="zona-demo-banner"
      h={DEMO_BANNER_HEIGHT}
      justify="center"
      gap={6}
      px="sm"
      wrap="nowrap"
      role="note"
      aria-label={t("shell.demo.label")}
    >
      <IconAlertTriangle size={16} aria-hidden />
      <Text size="sm" fw={600} truncate>
        {t("shell.demo.banner")}
      </Text>
    </Group>
  );
}
