import { AppShell, Box, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { PageLoader } from "../../ui/components/PageLoader";
import { useSession } from "../../ui/session";
import { webModules } from "../modules";
import { useMeta } from "../session/queries";
import { DEMO_BANNER_HEIGHT, DemoBanner } from "./DemoBanner";
import { LanguageToggle } from "./LanguageToggle";
import { Logo } from "./Logo";
import { Navbar } from "./Navbar";
import { buildNav } from "./nav";
import { UnitSwitcher } from "./UnitSwitcher";
import { UserMenu } from "./UserMenu";

const HEADER_HEIGHT = 60;

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="zona-skip-link" href="#main">
      {t("shell.skipToContent")}
    </a>
  );
}

/** The signed-in frame: header (logo, unit, language, user), navbar from modules, main content. */
export function AppLayout({ unitsError, onRetryUnits }: { unitsError?: unknown; onRetryUnits?: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const meta = useMeta();
  const demo = me.demo || Boolean(meta.data?.demo);
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const groups = useMemo(() => buildNav(webModules, me.permissions), [me.permissions]);

  // On navigation: close the phone menu and move focus to the new page (not on first load).
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    close();
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [location.pathname]);

  const headerHeight = HEADER_HEIGHT + (demo ? DEMO_BANNER_HEIGHT : 0);

  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: 264, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <SkipLink />
      <AppShell.Header>
        {demo ? <DemoBanner /> : null}
        <Group h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? "shell.nav.close" : "shell.nav.open")}
              aria-expanded={opened}
              aria-controls="zona-navbar"
            />
            <Logo />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm">
              <UnitSwitcher />
            </Box>
            <LanguageToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="zona-navbar" aria-label={t("shell.nav.label")}>
        <Box hiddenFrom="sm" mb="sm">
          <UnitSwitcher withLabel />
        </Box>
        <Navbar groups={groups} />
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <Box maw={1280} mx="auto">
          {unitsError ? (
            <ErrorAlert error={unitsError} title={t("shell.unit.loadFailed")} onRetry={onRetryUnits} />
          ) : null}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
