import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { MonthDay, MonthView } from "../../contract";
import { isValidMonth, shiftMonth } from "../../domain/calendar";
import { MEDIA_PERMISSIONS } from "../../domain/model";
import { useAssignees, useCreateItem, useLinkMonthEvidence, useMonth } from "../api";
import { BarChart } from "../components/BarChart";
import { EvidencePanel } from "../components/EvidencePanel";
import { ItemForm } from "../components/ItemForm";
import { currentMonth, STATUS_TONE, todayWib } from "../labels";

const MAX_IN_CELL = 3;

/** /media — the month's content calendar: each day's items, empty required days highlighted. */
export default function MonthPage() {
  const { t } = useTranslation("media");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canPlan = useCan(MEDIA_PERMISSIONS.plan);
  const [params, setParams] = useSearchParams();
  const param = params.get("bulan") ?? "";
  const month = isValidMonth(param) ? param : currentMonth();
  const data = useMonth(unit?.id, month);
  const [planDate, setPlanDate] = useState<string | null>(null);

  if (!unit)
    return <EmptyState headingOrder={1} title={t("month.pageTitle")} description={t("common.noUnit")} />;

  const go = (m: string) => setParams({ bulan: m }, { replace: false });
  const monthLabel = f.date(`${month}-01`).split(" ").slice(1).join(" ");

  return (
    <>
      <PageHeader
        title={t("month.pageTitle")}
        eyebrow={unit.name}
        description={t("month.description", {
          unit: unit.name,
          rule: data.data?.planWeekends ? t("month.ruleAll") : t("month.ruleWorking"),
        })}
        actions={
          canPlan ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setPlanDate(month === currentMonth() ? todayWib() : `${month}-01`)}
            >
              {t("month.newItem")}
            </Button>
          ) : null
        }
      />
      <Group justify="space-between" mb="md" wrap="wrap">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("month.prev")}
            onClick={() => go(shiftMonth(month, -1))}
          >
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Title order={2} fz="h3" miw={170} ta="center" aria-live="polite">
            {monthLabel}
          </Title>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("month.next")}
            onClick={() => go(shiftMonth(month, 1))}
          >
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          {month !== currentMonth() ? (
            <Button variant="subtle" size="xs" onClick={() => go(currentMonth())}>
              {t("month.thisMonth")}
            </Button>
          ) : null}
        </Group>
      </Group>
      {data.isPending ? (
        <PageLoader />
      ) : data.isError ? (
        <ErrorAlert error={data.error} title={t("common.loadFailed")} onRetry={() => void data.refetch()} />
      ) : (
        <MonthBody view={data.data} canPlan={canPlan} onPlan={setPlanDate} />
      )}
      <PlanDialog
        unitId={unit.id}
        date={planDate}
        channels={data.data?.channels ?? []}
        onClose={() => setPlanDate(null)}
      />
    </>
  );
}

function MonthBody({
  view,
  canPlan,
  onPlan,
}: {
  view: MonthView;
  canPlan: boolean;
  onPlan: (d: string) => void;
}) {
  const { t } = useTranslation("media");
  const f = useFormat();
  const link = useLinkMonthEvidence(view.unitId, view.month);
  const channelName = (id: string) => view.channels.find((c) => c.id === id)?.name ?? id;
  const items = view.days.reduce((s, d) => s + d.items.length, 0);
  const gaps = view.days.filter((d) => d.gap);
  // Weeks Monday..Sunday, padded with empty cells.
  const cells: Array<MonthDay | null> = [...Array((view.days[0]?.weekday ?? 1) - 1).fill(null), ...view.days];
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<MonthDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const weekdays = t("month.weekdays", { returnObjects: true }) as string[];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat
          label={t("month.gaps")}
          value={f.number(view.gapCount)}
          note={
            view.gapCount ? (
              <StatusBadge tone="warning" size="sm">
                {t("month.gapsHint", { count: view.gapCount, required: view.requiredDays })}
              </StatusBadge>
            ) : (
              <StatusBadge tone="success" size="sm">
                {t("month.noGaps")}
              </StatusBadge>
            )
          }
        />
        <Stat label={t("month.items")} value={f.number(items)} />
        <Stat label={t("month.published")} value={f.number(view.statusCounts.published ?? 0)} />
        <Stat
          label={t("reach.total")}
          value={f.number(view.reach.views)}
          note={
            <Text size="xs" c="dimmed">
              {t("reach.views")} · {t("reach.engagement")}{" "}
              {f.number(view.reach.likes + view.reach.comments + view.reach.shares)}
            </Text>
          }
        />
      </SimpleGrid>

      <Box style={{ overflowX: "auto" }}>
        <table
          className="media-calendar"
          style={{ width: "100%", minWidth: 720, borderCollapse: "collapse", tableLayout: "fixed" }}
        >
          <caption style={{ position: "absolute", left: -10000 }}>{t("month.pageTitle")}</caption>
          <thead>
            <tr>
              {weekdays.map((w) => (
                <th key={w} scope="col" style={{ padding: 4, fontSize: 13, textAlign: "left" }}>
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.find((d) => d)!.date}>
                {w.map((d, i) =>
                  d ? (
                    <DayCell
                      key={d.date}
                      day={d}
                      canPlan={canPlan}
                      onPlan={onPlan}
                      channelName={channelName}
                    />
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity
                    <td key={`pad-${i}`} style={{ border: "1px solid var(--mantine-color-gray-3)" }} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      {gaps.length ? (
        <Text size="sm" role="note">
          <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: "-2px" }} />{" "}
          {t("month.gapList", { dates: gaps.map((d) => f.date(d.date).replace(/ \d{4}$/, "")).join(", ") })}
        </Text>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("month.byChannel")}
          </Title>
          <BarChart
            title={t("month.byChannel")}
            bars={view.byChannel.map((b) => ({ key: b.key, label: channelName(b.key), value: b.items }))}
            format={(v) => f.number(v)}
          />
        </Card>
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("month.byTheme")}
          </Title>
          <BarChart
            title={t("month.byTheme")}
            bars={view.byTheme.map((b) => ({ key: b.key, label: t(`theme.${b.key}`), value: b.items }))}
            format={(v) => f.number(v)}
            color="var(--mantine-color-teal-7)"
          />
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} fz="h4" mb="sm">
          {t("month.evidence")}
        </Title>
        <EvidencePanel
          linked={view.evidenceKeys}
          hint={t("month.evidenceMonth")}
          onLink={(keys) => link.mutateAsync(keys)}
        />
      </Card>
    </Stack>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      {note}
    </Paper>
  );
}

function DayCell({
  day,
  canPlan,
  onPlan,
  channelName,
}: {
  day: MonthDay;
  canPlan: boolean;
  onPlan: (d: string) => void;
  channelName: (id: string) => string;
}) {
  const { t } = useTranslation("media");
  const f = useFormat();
  const dateText = f.date(day.date, { weekday: true });
  const bg = day.gap
    ? "var(--mantine-color-yellow-0)"
    : !day.required
      ? "var(--mantine-color-gray-0)"
      : undefined;
  return (
    <td
      data-date={day.date}
      data-gap={day.gap ? "true" : undefined}
      aria-label={
        day.gap
          ? t("month.gapDay", { date: dateText })
          : t("month.openDay", { date: dateText, count: day.items.length })
      }
      style={{
        verticalAlign: "top",
        border: day.gap
          ? "2px dashed var(--mantine-color-yellow-7)"
          : "1px solid var(--mantine-color-gray-3)",
        background: bg,
        padding: 4,
        height: 104,
      }}
    >
      <Group justify="space-between" gap={2} wrap="nowrap">
        <Text size="sm" fw={700} c={day.working ? undefined : "dimmed"}>
          {Number(day.date.slice(8))}
        </Text>
        {canPlan ? (
          <Tooltip label={t("month.planDay", { date: dateText })}>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={t("month.planDay", { date: dateText })}
              onClick={() => onPlan(day.date)}
            >
              <IconPlus size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      {day.holiday ? (
        <Text size="xs" c="red.8" lineClamp={1} title={day.holiday}>
          {day.holiday}
        </Text>
      ) : null}
      {day.gap ? (
        <StatusBadge tone="warning" size="xs">
          {t("month.gap")}
        </StatusBadge>
      ) : null}
      <Stack gap={2} mt={2}>
        {day.items.slice(0, MAX_IN_CELL).map((it) => (
          <Anchor
            key={it.id}
            component={Link}
            to={`/media/konten/${it.id}`}
            size="xs"
            lineClamp={2}
            title={`${it.title} — ${t(`status.${it.status}`)} — ${it.channelIds.map(channelName).join(", ")}`}
          >
            <StatusBadge tone={STATUS_TONE[it.status]} size="xs">
              {t(`status.${it.status}`)}
            </StatusBadge>{" "}
            {it.title}
          </Anchor>
        ))}
        {day.items.length > MAX_IN_CELL ? (
          <Text size="xs" c="dimmed">
            {t("month.moreItems", { count: day.items.length - MAX_IN_CELL })}
          </Text>
        ) : null}
      </Stack>
    </td>
  );
}

function PlanDialog({
  unitId,
  date,
  channels,
  onClose,
}: {
  unitId: string;
  date: string | null;
  channels: MonthView["channels"];
  onClose: () => void;
}) {
  const { t } = useTranslation("media");
  const assignees = useAssignees(date ? unitId : undefined);
  const create = useCreateItem();
  return (
    <Dialog opened={!!date} onClose={onClose} title={t("form.createTitle")} size="lg">
      {date ? (
        <ItemForm
          key={date}
          unitId={unitId}
          channels={channels}
          assignees={assignees.data ?? []}
          submitLabel={t("form.create")}
          showAsDraft
          initial={{
            title: "",
            plannedDate: date,
            theme: "zi",
            channelIds: channels
              .filter((c) => c.active)
              .slice(0, 1)
              .map((c) => c.id),
            assigneeId: null,
            draftText: "",
            attachments: [],
            asDraft: false,
          }}
          onCancel={onClose}
          onSubmit={async (v) => {
            await create.mutateAsync({
              unitId,
              plannedDate: v.plannedDate,
              theme: v.theme,
              title: v.title.trim(),
              channelIds: v.channelIds,
              assigneeId: v.assigneeId,
              draftText: v.draftText,
              attachmentIds: v.attachments.map((a) => a.id),
              asDraft: v.asDraft,
            });
            notifySuccess(t("form.created"));
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}
