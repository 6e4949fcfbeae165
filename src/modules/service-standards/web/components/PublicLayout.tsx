import { Anchor, Box, Button, Container, Group, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "../../../../ui/i18n";

const LANGS = [
  { lang: "id", short: "ID", name: "Bahasa Indonesia" },
  { lang: "en", short: "EN", name: "English" },
] as const;

/** ID | EN for a page outside the shell: switches i18next and remembers the choice like the shell. */
function LanguageSwitch() {
  const { t, i18n } = useTranslation("standards");
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

/** The frame of the public service pages: unit name and language in a header, one main column. */
export function PublicLayout({
  unitName,
  title,
  children,
}: {
  unitName: string;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("standards");
  useEffect(() => {
    document.title = `${title} · ${unitName}`;
  }, [title, unitName]);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Anchor href="#main" className="zona-skip-link">
        {t("public.skip")}
      </Anchor>
      <Box component="header" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} size="lg">
              {unitName}
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="md" py="md" component="main" id="main" tabIndex={-1}>
        <Stack gap="lg">
          <Title order={1} fz={{ base: "h2", sm: "h1" }}>
            {title}
          </Title>
          {children}
        </Stack>
      </Container>
      <Box component="footer" py="lg">
        <Container size="md">
          <Text size="sm" c="gray.7" ta="center">
            {t("public.footer", { unit: unitName })}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
