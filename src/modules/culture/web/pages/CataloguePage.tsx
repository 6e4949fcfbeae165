import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCalendarUser, IconPlus, IconSparkles } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { localDateOf } from "../../../../ui/format";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import { CULTURE_PERMISSIONS } from "../../contract";
import { attendanceRate } from "../../domain/programmes";
import { useProgrammeMutations, useProgrammes, useStats } from "../api";
import { BarChart } from "../components/BarChart";
import { scheduleLabel } from "../components/labels";
import { ProgrammeDialog } from "../components/ProgrammeDialog";

/** /budaya — the unit's culture programmes, their month at a glance and attendance per month. */
export default function CataloguePage() {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canManage = useCan(CULTURE_PERMISSIONS.manage);
  const programmes = useProgrammes(unit?.id);
  const { templates } = useProgrammeMutations();
  const [creating, setCreating] = useState(false);

  if (!unit) return <EmptyState title={t("noUnit")} />;
  const items = programmes.data?.items ?? [];

  return (
    <>
      <PageHeader
        eyebrow={unit.name}
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={
          <>
            <Button
              component={Link}
              to="/budaya/gsp"
              variant="light"
              leftSection={<IconCalendarUser size={16} aria-hidden />}
            >
              {t("nav.gsp")}
            </Button>
            {canManage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t("catalogue.add")}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      <ErrorAlert error={templates.error} />
      {programmes.isLoading ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState
          title={t("catalogue.empty")}
          description={t("catalogue.emptyHelp")}
          action={
            canManage ? (
              <Button
                leftSection={<IconSparkles size={16} aria-hidden />}
                loading={templates.isPending}
                onClick={async () => {
                  try {
                    const r = await templates.mutateAsync(unit.id);
                    notifySuccess(t("catalogue.templatesAdded", { count: r.created }));
                  } catch {
                    // shown above
                  }
                }}
              >
                {t("catalogue.useTemplates")}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="xl">
          {items.map((p) => (
            <Card key={p.id} withBorder padding="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/budaya/program/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Title>
                  {!p.active ? <Badge color="gray">{t("programme.inactive")}</Badge> : null}
                </Group>
                <Group gap="xs">
                  <Badge variant="light">{t(`kind.${p.kind}`)}</Badge>
                  <Text size="sm">{scheduleLabel(t, p.schedule)}</Text>
                </Group>
                <Text size="sm" c="dimmed" lineClamp={3}>
                  {p.description}
                </Text>
                <Text size="sm">
                  {t("programme.owner")}: {p.ownerName ?? t("programme.noOwner")}
                </Text>
                <Text size="sm">
                  {t("catalogue.thisMonth", { count: p.occurrencesThisMonth })}
                  {p.attendanceRateThisMonth !== null
                    ? ` · ${t("catalogue.attendance", { rate: f.number(p.attendanceRateThisMonth, { maxDecimals: 1 }) })}`
                    : ""}
                </Text>
                <Text size="sm" c="dimmed">
                  {p.lastHeld
                    ? t("catalogue.lastHeld", { date: f.date(p.lastHeld) })
                    : t("catalogue.neverHeld")}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {items.length > 0 ? <AttendanceSection unitId={unit.id} zone={unit.zone} /> : null}
      {creating ? <ProgrammeDialog unitId={unit.id} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function AttendanceSection({ unitId, zone }: { unitId: string; zone: "WIB" | "WITA" | "WIT" }) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const thisYear = Number(localDateOf(new Date(), zone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const stats = useStats(unitId, year);
  const monthsShort = t("calendar.monthsShort", { returnObjects: true }) as string[];
  const bars = useMemo(() => {
    const progs = (stats.data?.programmes ?? []).filter((p) => !programmeId || p.programmeId === programmeId);
    const byMonth = new Map<string, { expected: number; present: number }>();
    for (const p of progs)
      for (const m of p.months) {
        const cur = byMonth.get(m.month) ?? { expected: 0, present: 0 };
        cur.expected += m.expected;
        cur.present += m.present;
        byMonth.set(m.month, cur);
      }
    return [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => {
        const rate = attendanceRate(v) ?? 0;
        return {
          key: month,
          label: monthsShort[Number(month.slice(5, 7)) - 1] ?? month,
          value: rate,
          valueLabel: `${f.number(rate, { maxDecimals: 1 })}%`,
        };
      });
  }, [stats.data, programmeId, monthsShort, f]);

  return (
    <Card withBorder padding="md">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3">
            {t("stats.title")}
          </Title>
          <Group>
            <Select
              label={t("stats.programme")}
              data={[
                { value: "", label: t("stats.allProgrammes") },
                ...(stats.data?.programmes ?? []).map((p) => ({ value: p.programmeId, label: p.name })),
              ]}
              value={programmeId ?? ""}
              onChange={(v) => setProgrammeId(v || null)}
              allowDeselect={false}
            />
            <Select
              label={t("stats.year")}
              data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({
                value: String(y),
                label: String(y),
              }))}
              value={String(year)}
              onChange={(v) => setYear(Number(v ?? thisYear))}
              allowDeselect={false}
              w={110}
            />
          </Group>
        </Group>
        <ErrorAlert error={stats.error} />
        {bars.length === 0 ? (
          <Text c="dimmed">{t("stats.none")}</Text>
        ) : (
          <BarChart bars={bars} max={100} title={t("stats.chartTitle", { year })} />
        )}
      </Stack>
    </Card>
  );
}
