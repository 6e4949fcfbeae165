import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout, IconLogout2, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../ui/session";

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() ||
    "?"
  );
}

/** The signed-in user: account page, sign out, sign out everywhere. */
export function UserMenu() {
  const { t } = useTranslation();
  const { me, logout, logoutAll } = useSession();
  const { user } = me;
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t("shell.user.menu", { name: user.name })}
          p={4}
          style={{ borderRadius: 8 }}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar color="zona" radius="xl" size={32} alt="">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="md" maw={180} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/akun" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t("shell.user.account")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t("shell.user.logout")}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} aria-hidden />} onClick={() => void logoutAll()}>
          {t("shell.user.logoutAll")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
