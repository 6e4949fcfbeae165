import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconMicrophone, IconRefresh, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { DataTable } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { localDateOf } from "../../../../ui/format";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit, useSession } from "../../../../ui/session";
import { CULTURE_PERMISSIONS, type GspSchedule, type LeaveWire } from "../../contract";
import { LEAVE_KINDS, type LeaveKind } from "../../domain/programmes";
import { useGspMine, useGspMutations, useGspSchedule } from "../api";
import { BarChart } from "../components/BarChart";
import { MonthCalendar } from "../components/MonthCalendar";
import { MonthNav, monthLabel } from "../components/MonthNav";
import { addMonths, isMonth, monthBounds } from "../dates";

/**
 * /budaya/gsp — Gerakan Semangat Pagi: the month with each working day's speaker, the caller's own
 * turns (with their topic), generating the fair rotation, leave days, who takes part, and the
 * per-employee turn counts that show the rotation is fair.
 */
export default function GspPage() {
  const { t } = useTranslation("culture");
  const unit = useCurrentUnit();
  const { me } = useSession();
  const canManage = useCan(CULTURE_PERMISSIONS.manage);
  const [params, setParams] = useSearchParams();
  const today = localDateOf(new Date(), unit?.zone ?? "WIB");
  const month = isMonth(params.get("bulan")) ? params.get("bulan")! : today.slice(0, 7);
  const { from, to } = monthBounds(month);
  const schedule = useGspSchedule(unit?.id, from, to);

  if (!unit) return <EmptyState title={t("noUnit")} />;
  const data = schedule.data;
  return (
    <>
      <PageHeader eyebrow={unit.name} title={t("gsp.title")} description={t("gsp.description")} />
      <MyTurns unitId={unit.id} />
      <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />
      <Card withBorder padding="md" mb="lg">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t("gsp.calendar")}
            </Title>
            <MonthNav month={month} onChange={(m) => setParams({ bulan: m })} />
          </Group>
          {data ? <GspCalendar data={data} month={month} meId={me.user.id} today={data.today} /> : null}
          {data && data.turns.length === 0 ? <Text c="dimmed">{t("gsp.noTurns")}</Text> : null}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {canManage ? <GenerateCard unitId={unit.id} today={data?.today ?? today} month={month} /> : null}
        {data ? <FairnessCard data={data} /> : null}
        {data ? <LeaveCard data={data} unitId={unit.id} canManage={canManage} month={month} /> : null}
        {data && canManage ? <RosterCard data={data} unitId={unit.id} /> : null}
      </SimpleGrid>
    </>
  );
}

function GspCalendar({
  data,
  month,
  meId,
  today,
}: {
  data: GspSchedule;
  month: string;
  meId: string;
  today: string;
}) {
  const { t } = useTranslation("culture");
  const turns = new Map(data.turns.map((x) => [x.date, x]));
  const holidays = new Map(data.holidays.map((h) => [h.date, h.name]));
  const gaps = new Set(data.gaps.map((g) => g.date));
  const leavesOn = (date: string) => data.leaves.filter((l) => l.from <= date && date <= l.to);
  return (
    <MonthCalendar
      month={month}
      today={today}
      caption={t("gsp.calendarCaption", { month: monthLabel(t, month) })}
      muted={(d) => holidays.has(d)}
      renderDay={(date) => {
        const turn = turns.get(date);
        const holiday = holidays.get(date);
        const away = leavesOn(date);
        return (
          <Stack gap={2}>
            {holiday ? (
              <Text size="xs" c="red.8">
                {holiday || t("gsp.holiday")}
              </Text>
            ) : null}
            {turn ? (
              <Text
                size="xs"
                fw={turn.userId === meId ? 700 : 500}
                c={turn.userId === meId ? "zona.8" : undefined}
              >
                <IconMicrophone size={12} aria-label={t("gsp.speaker")} /> {turn.name}
                {turn.userId === meId ? ` (${t("gsp.you")})` : ""}
              </Text>
            ) : null}
            {turn?.topic ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {turn.topic}
              </Text>
            ) : null}
            {gaps.has(date) ? (
              <Text size="xs" c="orange.8">
                {t("gsp.gap")}
              </Text>
            ) : null}
            {away.length ? (
              <Text size="xs" c="dimmed">
                {t("gsp.away", { names: away.map((l) => l.userName).join(", ") })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}

function MyTurns({ unitId }: { unitId: string }) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const mine = useGspMine();
  const { topic } = useGspMutations();
  const next = mine.data?.items.find((i) => i.unitId === unitId);
  const [text, setText] = useState(next?.topic ?? "");
  useEffect(() => setText(next?.topic ?? ""), [next?.topic]);
  if (!next) return null;
  const others = (mine.data?.items.length ?? 1) - 1;
  return (
    <Alert color="zona" mb="lg" title={t("gsp.myNext", { date: f.date(next.date, { weekday: true }) })}>
      <Stack gap="xs">
        <Text size="sm">{t("gsp.myHelp", { count: others })}</Text>
        <Group align="flex-end">
          <TextInput
            label={t("gsp.myTopic")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button
            loading={topic.isPending}
            onClick={async () => {
              try {
                await topic.mutateAsync({ unitId, date: next.date, topic: text.trim() || null });
                notifySuccess(t("gsp.topicSaved"));
              } catch {
                // shown below
              }
            }}
          >
            {t("common.save")}
          </Button>
        </Group>
        <ErrorAlert error={topic.error} mb="0" />
      </Stack>
    </Alert>
  );
}

function GenerateCard({ unitId, today, month }: { unitId: string; today: string; month: string }) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const { generate } = useGspMutations();
  const monthStart = `${month}-01`;
  const [from, setFrom] = useState(monthStart > today ? monthStart : today);
  const [to, setTo] = useState(monthBounds(addMonths(month, 1)).to);
  const issues = issuesByPath(generate.error);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("gsp.generate.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("gsp.generate.help")}
        </Text>
        <Group grow>
          <TextInput
            type="date"
            label={t("gsp.generate.from")}
            value={from}
            min={today}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={issues.from}
          />
          <TextInput
            type="date"
            label={t("gsp.generate.to")}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={issues.to}
          />
        </Group>
        <Group>
          <ConfirmButton
            danger={false}
            variant="filled"
            leftSection={<IconRefresh size={16} aria-hidden />}
            title={t("gsp.generate.confirmTitle")}
            message={t("gsp.generate.confirm", { from: f.date(from), to: f.date(to) })}
            confirmLabel={t("gsp.generate.button")}
            onConfirm={async () => {
              const r = await generate.mutateAsync({ unitId, from, to });
              notifySuccess(
                t("gsp.generate.done", { created: r.created, replaced: r.replaced, gaps: r.gaps.length }),
              );
            }}
          >
            {t("gsp.generate.button")}
          </ConfirmButton>
        </Group>
        {generate.data && generate.data.gaps.length > 0 ? (
          <Alert color="orange" title={t("gsp.generate.gapsTitle", { count: generate.data.gaps.length })}>
            {generate.data.gaps.map((g) => f.date(g.date)).join(", ")}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function FairnessCard({ data }: { data: GspSchedule }) {
  const { t } = useTranslation("culture");
  const counts = data.counts;
  const values = counts.map((c) => c.turns);
  const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("gsp.fairness.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("gsp.fairness.help")}
        </Text>
        {counts.length ? (
          <>
            <BarChart
              horizontal
              title={t("gsp.fairness.chart")}
              bars={counts.map((c) => ({ key: c.userId, label: c.name, value: c.turns }))}
            />
            <Badge color={spread <= 1 ? "green" : "orange"} variant="light" size="lg">
              {spread <= 1 ? t("gsp.fairness.fair", { spread }) : t("gsp.fairness.uneven", { spread })}
            </Badge>
          </>
        ) : (
          <Text size="sm">{t("gsp.fairness.none")}</Text>
        )}
      </Stack>
    </Card>
  );
}

function LeaveCard({
  data,
  unitId,
  canManage,
  month,
}: {
  data: GspSchedule;
  unitId: string;
  canManage: boolean;
  month: string;
}) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const { addLeave, removeLeave } = useGspMutations();
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [kind, setKind] = useState<LeaveKind>("cuti");
  const [note, setNote] = useState("");
  const issues = issuesByPath(addLeave.error);
  const staffOptions = useMemo(
    () => data.roster.map((r) => ({ value: r.userId, label: r.name })),
    [data.roster],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!userId) return;
    try {
      await addLeave.mutateAsync({ unitId, userId, from, to: to || from, kind, note });
      notifySuccess(t("leave.saved"));
      setUserId(null);
      setFrom("");
      setTo("");
      setNote("");
    } catch {
      // shown below
    }
  }

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("leave.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("leave.help")}
        </Text>
        <DataTable<LeaveWire>
          caption={t("leave.caption", { month: monthLabel(t, month) })}
          rows={data.leaves}
          rowKey={(l) => l.id}
          filterable={false}
          empty={<Text size="sm">{t("leave.none")}</Text>}
          columns={[
            {
              key: "name",
              header: t("leave.employee"),
              sortValue: (l) => l.userName,
              cell: (l) => l.userName,
            },
            {
              key: "dates",
              header: t("leave.dates"),
              sortValue: (l) => l.from,
              cell: (l) => (l.from === l.to ? f.date(l.from) : `${f.date(l.from)} – ${f.date(l.to)}`),
            },
            { key: "kind", header: t("leave.kind"), cell: (l) => t(`leaveKind.${l.kind}`) },
            {
              key: "actions",
              header: <VisuallyHidden>{t("leave.actions")}</VisuallyHidden>,
              cell: (l) =>
                canManage ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("leave.remove", { name: l.userName })}
                    onClick={() => removeLeave.mutate(l.id)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null,
            },
          ]}
        />
        <ErrorAlert error={removeLeave.error} mb="0" />
        {canManage ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Select
                  label={t("leave.employee")}
                  data={staffOptions}
                  value={userId}
                  onChange={setUserId}
                  searchable
                  error={issues.userId}
                />
                <Select
                  label={t("leave.kind")}
                  data={LEAVE_KINDS.map((k) => ({ value: k, label: t(`leaveKind.${k}`) }))}
                  value={kind}
                  onChange={(v) => setKind((v as LeaveKind) ?? "cuti")}
                  allowDeselect={false}
                />
                <TextInput
                  type="date"
                  label={t("leave.from")}
                  value={from}
                  onChange={(e) => {
                    setFrom(e.currentTarget.value);
                    if (!to || to < e.currentTarget.value) setTo(e.currentTarget.value);
                  }}
                  error={issues.from}
                />
                <TextInput
                  type="date"
                  label={t("leave.to")}
                  value={to}
                  min={from || undefined}
                  onChange={(e) => setTo(e.currentTarget.value)}
                  error={issues.to}
                />
              </SimpleGrid>
              <TextInput
                label={t("leave.note")}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t("leave.regenerateHint")}
                </Text>
                <Button type="submit" loading={addLeave.isPending} disabled={!userId || !from}>
                  {t("leave.add")}
                </Button>
              </Group>
              <ErrorAlert error={addLeave.error} mb="0" />
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

function RosterCard({ data, unitId }: { data: GspSchedule; unitId: string }) {
  const { t } = useTranslation("culture");
  const { roster } = useGspMutations();
  const [excluded, setExcluded] = useState(
    new Set(data.roster.filter((r) => r.excluded).map((r) => r.userId)),
  );
  useEffect(
    () => setExcluded(new Set(data.roster.filter((r) => r.excluded).map((r) => r.userId))),
    [data.roster],
  );
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("roster.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("roster.help")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {data.roster.map((r) => (
            <Checkbox
              key={r.userId}
              label={r.name}
              checked={!excluded.has(r.userId)}
              onChange={(e) => {
                const next = new Set(excluded);
                if (e.currentTarget.checked) next.delete(r.userId);
                else next.add(r.userId);
                setExcluded(next);
              }}
            />
          ))}
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="sm">{t("roster.count", { count: data.roster.length - excluded.size })}</Text>
          <Button
            variant="light"
            loading={roster.isPending}
            onClick={async () => {
              try {
                await roster.mutateAsync({ unitId, excludedUserIds: [...excluded] });
                notifySuccess(t("roster.saved"));
              } catch {
                // shown below
              }
            }}
          >
            {t("common.save")}
          </Button>
        </Group>
        <ErrorAlert error={roster.error} mb="0" />
      </Stack>
    </Card>
  );
}
