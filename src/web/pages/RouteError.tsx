import { Button, Center, Code, Stack, Text, Title } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";

/**
 * When a page crashes or its chunk cannot be loaded (typically after a new version was deployed):
 * say so plainly and offer a reload, never a stack trace.
 */
export function RouteError({ inShell = false }: { inShell?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const chunk =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  const content = (
    <Stack align="center" maw={520} ta="center" p="md">
      <Title order={1} fz="h2">
        {chunk ? t("routeError.chunkTitle") : t("routeError.title")}
      </Title>
      <Text c="dimmed">{chunk ? t("routeError.chunkDescription") : t("routeError.description")}</Text>
      {status ? <Code>HTTP {status}</Code> : null}
      <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => window.location.reload()}>
        {t("routeError.reload")}
      </Button>
    </Stack>
  );
  if (inShell) return <Center mih="40vh">{content}</Center>;
  return (
    <Center component="main" mih="100vh">
      {content}
    </Center>
  );
}
