import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLang } from "../../../../ui/i18n";

const LANGS = [
  { lang: "id", short: "ID", name: "Bahasa Indonesia" },
  { lang: "en", short: "EN", name: "English" },
] as const;

/** ID | EN outside the shell: switches i18next and remembers the choice like the shell does. */
function LanguageSwitch() {
  const { t, i18n } = useTranslation("requests");
  const current = useLang();
  return (
    <Group gap={0} role="group" aria-label={t("public.language")} wrap="nowrap">
      {LANGS.map((o) => (
        <Button
          key={o.lang}
          size="compact-md"
          variant={o.lang === current ? "filled" : "default"}
          aria-pressed={o.lang === current}
          lang={o.lang}
          onClick={() => {
            try {
              globalThis.localStorage?.setItem("zona_lang", o.lang);
            } catch {
              // storage disabled
            }
            void i18n.changeLanguage(o.lang);
            document.documentElement.lang = o.lang;
          }}
        >
          {o.short}
          <VisuallyHidden>{` (${o.name})`}</VisuallyHidden>
        </Button>
      ))}
    </Group>
  );
}

/**
 * The frame of the public service pages (catalogue, form, tracking, verification): small and
 * mobile-first — a header with the brand and language, one card, links to tracking and "my requests".
 */
export function PublicLayout({
  title,
  eyebrow,
  children,
}: {
  title: string;
  eyebrow?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("requests");
  useEffect(() => {
    document.title = `${title} · ${t("public.brand")}`;
  }, [title, t]);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Anchor href="#main" className="zona-skip-link">
        {t("public.skip")}
      </Anchor>
      <Box component="header" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="sm" py="xs" px="sm">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} size="md" style={{ minWidth: 0 }} truncate>
              {t("public.brand")}
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="sm" px="xs" pt="sm" pb="xl" component="main" id="main" tabIndex={-1}>
        <Paper withBorder shadow="xs" p={{ base: "md", sm: "xl" }} radius="md">
          <Stack gap="md">
            <div>
              {eyebrow ? (
                <Text size="sm" c="dimmed" fw={500}>
                  {eyebrow}
                </Text>
              ) : null}
              <Title order={1} fz={{ base: "h2", sm: "h1" }}>
                {title}
              </Title>
            </div>
            {children}
          </Stack>
        </Paper>
        <Group component="nav" aria-label={t("public.navLabel")} justify="center" gap="lg" mt="lg">
          <Anchor component={Link} to="/lacak-layanan" underline="always" size="sm">
            {t("public.navTrack")}
          </Anchor>
          <Anchor component={Link} to="/permohonan-saya" underline="always" size="sm">
            {t("public.navMine")}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed" ta="center" mt="sm">
          {t("public.footer")}
        </Text>
      </Container>
    </Box>
  );
}
