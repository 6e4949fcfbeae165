import { NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { IconHome, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { NavGroup } from "./nav";
import { activeNavPath } from "./nav";

/** Home, then one group per module the user may use, then the account page. */
export function Navbar({ groups }: { groups: NavGroup[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = activeNavPath(groups, pathname);
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap={2}>
        <NavLink
          component={Link}
          to="/"
          label={t("shell.nav.home")}
          leftSection={<IconHome size={18} aria-hidden />}
          active={pathname === "/"}
          aria-current={pathname === "/" ? "page" : undefined}
        />
        {groups.map((g) => (
          <Stack key={g.name} gap={2} mt="sm" role="group" aria-labelledby={`nav-group-${g.name}`}>
            <Text id={`nav-group-${g.name}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
              {t(g.titleKey)}
            </Text>
            {g.items.map((i) => {
              const Icon = i.icon;
              const isActive = active === i.path;
              return (
                <NavLink
                  key={i.path}
                  component={Link}
                  to={i.path}
                  label={t(i.labelKey)}
                  leftSection={Icon ? <Icon size={18} aria-hidden /> : undefined}
                  active={isActive}
                  aria-current={isActive ? "page" : undefined}
                />
              );
            })}
          </Stack>
        ))}
        <NavLink
          component={Link}
          to="/akun"
          mt="sm"
          label={t("shell.nav.account")}
          leftSection={<IconUserCircle size={18} aria-hidden />}
          active={pathname === "/akun"}
          aria-current={pathname === "/akun" ? "page" : undefined}
        />
      </Stack>
    </ScrollArea>
  );
}
