import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import type { FollowUp } from "../../contract";
import { GRANULARITIES, type Granularity } from "../../domain/rates";
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from "../../domain/rules";
import { useFollowUps, useRates } from "../api";
import { FollowUpActions, FollowUpBadge } from "../components/FollowUpStatus";
import { RateChart } from "../components/RateChart";

/** The follow-up board: open / done / dropped columns, filter by owner, overdue first and in red. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const unit = useCurrentUnit();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [granularity, setGranularity] = useState<Granularity>("month");
  const list = useFollowUps(unit?.id);
  const rates = useRates(unit?.id, granularity);

  const all = list.data?.items ?? [];
  const owners = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of all) m.set(f.owner.id, f.owner.name);
    return [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [all]);
  const visible = all.filter((f) => (!ownerId || f.owner.id === ownerId) && (!onlyOverdue || f.overdue));
  const by = (s: FollowUpStatus) =>
    visible
      .filter((f) => f.status === s)
      .sort((a, b) =>
        s === "open"
          ? Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate)
          : b.updatedAt.localeCompare(a.updatedAt),
      );
  const open = all.filter((f) => f.status === "open");

  if (!unit) return <PageHeader title={t("monev:board.title")} description={t("monev:meetings.noUnit")} />;

  return (
    <>
      <PageHeader
        title={t("monev:board.title")}
        eyebrow={unit.name}
        description={t("monev:board.description")}
      />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Paper withBorder p="md" mb="lg">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t("monev:rates.title")}
          </Title>
          <SegmentedControl
            aria-label={t("monev:rates.granularity")}
            value={granularity}
            onChange={(v) => setGranularity(v as Granularity)}
            data={GRANULARITIES.map((g) => ({ value: g, label: t(`monev:rates.${g}`) }))}
          />
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          {t("monev:rates.hint")}
        </Text>
        <ErrorAlert error={rates.error} />
        {rates.data ? <RateChart periods={rates.data.periods} /> : rates.isPending ? <PageLoader /> : null}
      </Paper>

      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t("monev:board.owner")}
          placeholder={t("monev:board.allOwners")}
          data={owners}
          value={ownerId}
          onChange={setOwnerId}
          clearable
          searchable
        />
        <Switch
          label={t("monev:board.onlyOverdue")}
          checked={onlyOverdue}
          onChange={(e) => setOnlyOverdue(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t("monev:board.summary", { open: open.length, overdue: open.filter((f) => f.overdue).length })}
        </Text>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {FOLLOW_UP_STATUSES.map((s) => {
            const items = by(s);
            return (
              <Paper key={s} withBorder p="sm" component="section" aria-labelledby={`monev-col-${s}`}>
                <Title order={2} size="h5" id={`monev-col-${s}`} mb="sm">
                  {t("monev:board.column", { status: t(`monev:status.${s}`), count: items.length })}
                </Title>
                <Stack gap="xs">
                  {items.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("monev:board.empty")}
                    </Text>
                  ) : (
                    items.map((f) => <Card key={f.id} f={f} />)
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}

function Card({ f }: { f: FollowUp }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper
      withBorder
      p="xs"
      data-overdue={f.overdue || undefined}
      style={f.overdue ? { borderColor: "var(--mantine-color-red-6)", borderLeftWidth: 4 } : undefined}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {f.text}
        </Text>
        <Text size="xs" c="dimmed">
          {f.owner.name} · {t("monev:followUp.due")}:{" "}
          <Text span c={f.overdue ? "red.8" : undefined} fw={f.overdue ? 700 : undefined} size="xs">
            {fmt.date(f.dueDate)}
          </Text>
        </Text>
        <Anchor component={Link} to={`/monev/rapat/${f.meeting.id}`} size="xs">
          {f.meeting.title}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap={4}>
          <Group gap={4}>
            <FollowUpBadge f={f} />
            {f.carryCount > 0 ? (
              <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
                {t("monev:followUp.carryCount", { count: f.carryCount })}
              </Badge>
            ) : null}
          </Group>
          <FollowUpActions f={f} />
        </Group>
      </Stack>
    </Paper>
  );
}
