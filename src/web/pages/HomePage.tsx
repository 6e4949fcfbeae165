import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { IconApps, IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../ui/api";
import { EmptyState } from "../../ui/components/EmptyState";
import { ErrorAlert } from "../../ui/components/ErrorAlert";
import { PageHeader } from "../../ui/components/PageHeader";
import { ZONE_TIME_ZONES } from "../../ui/format";
import { useFormat } from "../../ui/i18n";
import { useSession } from "../../ui/session";
import type { AuditPage } from "../../ui/types";
import { auditActionLabel } from "../admin/audit-labels";
import { webModules } from "../modules";
import { homeCards } from "../shell/nav";

/** 'pagi' 04–10, 'siang' 11–14, 'sore' 15–17, 'malam' otherwise, by the unit's clock. */
export function greetingPart(hour: number): "morning" | "midday" | "afternoon" | "evening" {
  if (hour >= 4 && hour < 11) return "morning";
  if (hour >= 11 && hour < 15) return "midday";
  if (hour >= 15 && hour < 18) return "afternoon";
  return "evening";
}

export default function HomePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me, units, currentUnit, can } = useSession();
  const zone = currentUnit?.zone ?? "WIB";
  const now = new Date();
  const hour = Number(
    new Intl.DateTimeFormat("en", {
      timeZone: ZONE_TIME_ZONES[zone],
      hour: "numeric",
      hourCycle: "h23",
    }).format(now),
  );
  const cards = useMemo(() => homeCards(webModules, me.permissions), [me.permissions]);
  const canAudit = can("audit.read");
  const activity = useQuery({
    queryKey: ["audit", "recent"],
    queryFn: ({ signal }) => api.get<AuditPage>("/api/audit", { query: { limit: 10 }, signal }),
    enabled: canAudit,
  });
  const unitName = new Map(units.map((u) => [u.id, u.name]));

  return (
    <>
      <PageHeader
        title={t(`home.greeting.${greetingPart(hour)}`, { name: me.user.name })}
        documentTitle={t("home.title")}
        eyebrow={`${f.date(now, { zone, weekday: true })}${currentUnit ? ` · ${currentUnit.name}` : ""}`}
        description={t("home.description")}
      />
      <Stack gap="xl">
        <section aria-labelledby="home-roles">
          <Title order={2} fz="h3" id="home-roles" mb="sm">
            {t("home.roles.title")}
          </Title>
          {me.assignments.length === 0 ? (
            <Text c="dimmed">{t("home.roles.none")}</Text>
          ) : (
            <Card withBorder padding="md">
              <List spacing="xs" listStyleType="none" p={0}>
                {me.assignments.map((a) => (
                  <List.Item key={a.id}>
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="light" size="lg">
                        {f.name(a.roleName)}
                      </Badge>
                      <Text size="sm">
                        {a.unitName}{" "}
                        <Text span c="dimmed" size="sm">
                          ({a.unitCode})
                        </Text>
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
              <Text size="sm" c="dimmed" mt="sm">
                {t("home.roles.scope", { count: units.length })}
              </Text>
            </Card>
          )}
        </section>

        <section aria-labelledby="home-modules">
          <Title order={2} fz="h3" id="home-modules" mb="sm">
            {t("home.modules.title")}
          </Title>
          {cards.length === 0 ? (
            <EmptyState
              icon={<IconApps size={28} aria-hidden />}
              title={t("home.modules.emptyTitle")}
              description={t("home.modules.emptyDescription")}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {cards.map((c) => {
                const Icon = c.icon ?? IconApps;
                return (
                  <Card key={c.module} withBorder padding="lg">
                    <Group gap="sm" mb="xs" wrap="nowrap">
                      <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
                        <Icon size={20} />
                      </ThemeIcon>
                      <Title order={3} fz="h4">
                        {t(c.titleKey)}
                      </Title>
                    </Group>
                    <Text size="sm" c="dimmed" mb="md" style={{ flex: 1 }}>
                      {t(c.descriptionKey)}
                    </Text>
                    <Anchor component={Link} to={c.path} fw={600} size="sm">
                      <Group gap={4} component="span">
                        {t("home.modules.open", { name: t(c.titleKey) })}
                        <IconArrowRight size={14} aria-hidden />
                      </Group>
                    </Anchor>
                  </Card>
                );
              })}
            </SimpleGrid>
          )}
        </section>

        {canAudit ? (
          <section aria-labelledby="home-activity">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h3" id="home-activity">
                {t("home.activity.title")}
              </Title>
              <Anchor component={Link} to="/admin/audit" size="sm">
                {t("home.activity.all")}
              </Anchor>
            </Group>
            {activity.error ? (
              <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
            ) : activity.isPending ? (
              <Stack gap="xs" aria-busy="true">
                <Skeleton h={20} />
                <Skeleton h={20} />
                <Skeleton h={20} />
              </Stack>
            ) : activity.data.items.length === 0 ? (
              <Text c="dimmed">{t("home.activity.empty")}</Text>
            ) : (
              <Card withBorder padding="sm">
                <List spacing="xs" listStyleType="none" p={0}>
                  {activity.data.items.map((e) => (
                    <List.Item key={e.seq}>
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {e.actorLabel}
                        </Text>{" "}
                        · {auditActionLabel(t, e.action)}
                        {e.unitId && unitName.get(e.unitId) ? ` · ${unitName.get(e.unitId)}` : ""}
                      </Text>
                      <Text size="xs" c="dimmed">
                        <time dateTime={e.at}>{f.dateTime(e.at, { zone })}</time>
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Card>
            )}
          </section>
        ) : null}
      </Stack>
    </>
  );
}
