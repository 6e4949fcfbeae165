import { Anchor, Box, Container, Group, Paper, SegmentedControl, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The frame of the public complaint pages: small, mobile-first, one card, a language switch. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation("complaints");
  useEffect(() => {
    document.title = `${title} · Zona`;
  }, [title]);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <a className="zona-skip-link" href="#main">
        {t("public.skip")}
      </a>
      <header>
        <Container size="sm" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700}>Zona · {t("public.brand")}</Text>
            <SegmentedControl
              size="xs"
              aria-label={t("public.language")}
              value={i18n.language === "en" ? "en" : "id"}
              onChange={(v) => void i18n.changeLanguage(v)}
              data={[
                { value: "id", label: "ID" },
                { value: "en", label: "EN" },
              ]}
            />
          </Group>
        </Container>
      </header>
      <Container size="sm" px="xs" pb="xl" component="main" id="main" tabIndex={-1}>
        <Paper withBorder shadow="xs" p={{ base: "md", sm: "xl" }} radius="md">
          <Title order={1} fz="h2" mb="sm">
            {title}
          </Title>
          {children}
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="lg">
          {t("public.footer")}{" "}
          <Anchor
            href="https://www.lapor.go.id"
            target="_blank"
            rel="noreferrer"
            size="xs"
            underline="always"
          >
            SP4N-LAPOR!
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
