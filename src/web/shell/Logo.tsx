import { Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-zona-8)" />
      <path d="M9 9h14v3.2L13.6 20H23v3H9v-3.2L18.4 12H9z" fill="#fff" />
    </svg>
  );
}

/** Zona's mark and name; a link home. */
export function Logo({ to = "/" }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={t("shell.homeLink")}>
      <Group gap={8} wrap="nowrap">
        <LogoMark />
        <div>
          <Text fw={750} fz="lg" lh={1.1} c="zona.9">
            Zona
          </Text>
          <Text fz="xs" lh={1.1} c="dimmed" visibleFrom="xs">
            {t("app.tagline")}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
