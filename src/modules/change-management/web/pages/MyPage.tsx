import { Anchor, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api";
import { errorMessage } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { useSession } from "../../../../ui/session";
import { useMyActivities } from "../api";
import { ActivityStatusBadges } from "../components/common";

// The other modules' "mine" endpoints, typed here from their published shapes (not imported: the
// pages must keep working while those modules are built or switched off).
interface MyPact {
  roundId: string;
  unitId: string;
  unitName: string;
  title: string;
  openedAt: string;
  closesAt: string | null;
  status: "open" | "closed";
  signedAt: string | null;
}
interface MyRally {
  date: string;
  unitId: string;
  unitName: string;
  role: "speaker";
  topic: string | null;
}
interface MyFollowUp {
  id: string;
  meetingId: string;
  meetingTitle: string;
  text: string;
  dueDate: string;
  status: "open" | "done" | "dropped";
  overdue: boolean;
}

function useMine<T>(key: string, path: string) {
  return useQuery({
    queryKey: ["cm", "saya", key],
    queryFn: () => api.get<{ items: T[] }>(path),
    select: (d) => d.items ?? [],
    retry: false,
  });
}

/** A card that shows its own loading, error and empty states, so one failing source never blanks the page. */
function MineCard<T>(props: {
  title: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T[] | undefined;
    refetch: () => unknown;
  };
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation("cm");
  const { t: tu } = useTranslation();
  const q = props.query;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={props.title}>
      <Title order={2} fz="h4" mb="sm">
        {props.title}
      </Title>
      {q.isPending ? (
        <Stack gap="xs" aria-busy>
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </Stack>
      ) : q.isError ? (
        <Stack gap="xs" role="alert">
          <Group gap={6} wrap="nowrap">
            <IconAlertCircle size={16} color="var(--mantine-color-red-8)" aria-hidden />
            <Text size="sm" c="red.8">
              {t("me.cardError")}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {errorMessage(tu, q.error)}
          </Text>
          <Group>
            <Button size="xs" variant="light" onClick={() => void q.refetch()}>
              {t("me.retry")}
            </Button>
          </Group>
        </Stack>
      ) : q.data?.length ? (
        props.children(q.data)
      ) : (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      )}
    </Card>
  );
}

/** /saya — the employee's own page: pact to sign, rally turns, tasks and follow-ups. */
export default function MyPage() {
  const { t } = useTranslation("cm");
  const f = useFormat();
  const session = useSession();
  const pact = useMine<MyPact>("pact", "/api/pact/mine");
  const gsp = useMine<MyRally>("gsp", "/api/culture/gsp/mine");
  const tasks = useMyActivities();
  const followUps = useMine<MyFollowUp>("follow-ups", "/api/monev/follow-ups/mine");

  return (
    <>
      <PageHeader
        title={t("me.pageTitle")}
        description={t("me.description", { name: session.me.user.name })}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MineCard title={t("me.pact")} query={pact} empty={t("me.pactEmpty")}>
          {(items) => (
            <List spacing="sm" listStyleType="none">
              {items.map((p) => (
                <List.Item key={p.roundId}>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {p.title} · {p.unitName}
                    </Text>
                    {p.signedAt ? (
                      <StatusBadge tone="success" size="sm">
                        {t("me.pactSigned", { date: f.date(p.signedAt) })}
                      </StatusBadge>
                    ) : p.status === "open" ? (
                      <Group gap="xs">
                        <StatusBadge tone="warning" size="sm">
                          {p.closesAt
                            ? t("me.pactUnsignedBy", { date: f.date(p.closesAt) })
                            : t("me.pactUnsigned")}
                        </StatusBadge>
                        <Anchor component={Link} to="/pakta/tandatangan" size="sm" fw={600}>
                          {t("me.pactSign")}
                        </Anchor>
                      </Group>
                    ) : (
                      <StatusBadge tone="danger" size="sm">
                        {t("me.pactMissed")}
                      </StatusBadge>
                    )}
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
        </MineCard>
        <MineCard title={t("me.gsp")} query={gsp} empty={t("me.gspEmpty")}>
          {(items) => (
            <List spacing="sm" listStyleType="none">
              {items.map((g) => (
                <List.Item key={`${g.date}-${g.unitId}`}>
                  <Text size="sm" fw={500}>
                    {f.date(g.date, { weekday: true })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("me.gspRole", { unit: g.unitName })}
                    {g.topic ? ` · ${g.topic}` : ""}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </MineCard>
        <MineCard title={t("me.tasks")} query={tasks} empty={t("me.tasksEmpty")}>
          {(items) => (
            <List spacing="sm" listStyleType="none">
              {items.map((a) => (
                <List.Item key={a.id}>
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/perubahan/rencana/${a.id}`} size="sm" fw={500}>
                      {a.title}
                    </Anchor>
                    <Group gap="xs">
                      <Text size="xs" c={a.overdue ? "red.8" : "dimmed"}>
                        {t("me.taskDue", { date: f.date(a.dueDate), progress: f.percent(a.progress) })}
                      </Text>
                      <ActivityStatusBadges status={a.status} overdue={a.overdue} />
                    </Group>
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
        </MineCard>
        <MineCard title={t("me.followUps")} query={followUps} empty={t("me.followUpsEmpty")}>
          {(items) => (
            <List spacing="sm" listStyleType="none">
              {items.map((u) => (
                <List.Item key={u.id}>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {u.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.meetingTitle}
                    </Text>
                    <Group gap="xs">
                      <Text size="xs" c={u.overdue ? "red.8" : "dimmed"}>
                        {t("me.followUpDue", { date: f.date(u.dueDate) })}
                      </Text>
                      <StatusBadge
                        tone={
                          u.status === "done"
                            ? "success"
                            : u.overdue
                              ? "danger"
                              : u.status === "dropped"
                                ? "neutral"
                                : "info"
                        }
                        size="sm"
                      >
                        {u.overdue && u.status === "open"
                          ? t("me.followUpOverdue")
                          : t(`me.followUpStatus.${u.status}`)}
                      </StatusBadge>
                    </Group>
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
        </MineCard>
      </SimpleGrid>
    </>
  );
}
