import { Box, Center, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useMeta } from "../session/queries";
import { DemoBanner } from "../shell/DemoBanner";
import { LanguageToggle } from "../shell/LanguageToggle";
import { Logo } from "../shell/Logo";

/** The frame of the public sign-in pages: logo and language in a header, one card in main. */
export function AuthLayout({
  title,
  children,
  below,
}: {
  title: string;
  children: ReactNode;
  below?: ReactNode;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  useEffect(() => {
    document.title = `${title} · Zona`;
  }, [title]);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <a className="zona-skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header>
        {meta.data?.demo ? <DemoBanner /> : null}
        <Container size="sm" py="md">
          <Group justify="space-between">
            <Logo to="/masuk" />
            <LanguageToggle />
          </Group>
        </Container>
      </header>
      <Container size={below ? "sm" : 460} pb="xl" component="main" id="main" tabIndex={-1}>
        <Center>
          <Stack w="100%" maw={440} gap="lg">
            <Paper withBorder shadow="xs" p={{ base: "md", sm: "xl" }} radius="md">
              <Title order={1} fz="h2" mb="xs">
                {title}
              </Title>
              {children}
            </Paper>
          </Stack>
        </Center>
        {below ? <Box mt="lg">{below}</Box> : null}
        <Text size="xs" c="dimmed" ta="center" mt="xl">
          {t("app.footer")}
          {meta.data?.version ? ` · v${meta.data.version}` : ""}
        </Text>
      </Container>
    </Box>
  );
}
