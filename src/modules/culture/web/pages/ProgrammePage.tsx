import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCalendarUser, IconEdit, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { DataTable } from "../../../../ui/components/DataTable";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { localDateOf } from "../../../../ui/format";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import { CULTURE_PERMISSIONS, type OccurrenceListItem } from "../../contract";
import { useOccurrences, useProgramme } from "../api";
import { BarChart } from "../components/BarChart";
import { EvidencePanel } from "../components/EvidencePanel";
import { scheduleLabel } from "../components/labels";
import { MonthCalendar } from "../components/MonthCalendar";
import { MonthNav, monthLabel } from "../components/MonthNav";
import { ProgrammeDialog } from "../components/ProgrammeDialog";
import { SpeakerQueue } from "../components/SpeakerQueue";
import { isMonth, monthBounds } from "../dates";

/** /budaya/program/:id — one programme: its month calendar of sessions, the list, attendance, evidence. */
export default function ProgrammePage() {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const unit = useCurrentUnit();
  const today = localDateOf(new Date(), unit?.zone ?? "WIB");
  const month = isMonth(params.get("bulan")) ? params.get("bulan")! : today.slice(0, 7);
  const { from, to } = monthBounds(month);
  const canManage = useCan(CULTURE_PERMISSIONS.manage);
  const detail = useProgramme(id);
  const occurrences = useOccurrences(id, from, to);
  const [editing, setEditing] = useState(false);

  if (detail.isLoading) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const { programme, monthly, evidence } = detail.data;
  const items = occurrences.data?.items ?? [];
  const byDate = new Map<string, OccurrenceListItem[]>();
  for (const o of items) byDate.set(o.date, [...(byDate.get(o.date) ?? []), o]);
  // The server plans on the unit's working calendar (holidays and collective leave included).
  const planned = new Set(occurrences.data?.planned ?? []);
  const monthsShort = t("calendar.monthsShort", { returnObjects: true }) as string[];

  return (
    <>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/budaya" size="sm">
            {t("catalogue.title")}
          </Anchor>
        }
        title={programme.name}
        description={programme.description}
        actions={
          <>
            {programme.kind === "rally" ? (
              <Button
                component={Link}
                to="/budaya/gsp"
                variant="light"
                leftSection={<IconCalendarUser size={16} aria-hidden />}
              >
                {t("nav.gsp")}
              </Button>
            ) : null}
            {canManage ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {t("common.edit")}
                </Button>
                <Button
                  component={Link}
                  to={`/budaya/program/${id}/sesi/baru`}
                  leftSection={<IconPlus size={16} aria-hidden />}
                >
                  {t("occurrence.record")}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Group gap="xs" mb="md">
        <Badge variant="light">{t(`kind.${programme.kind}`)}</Badge>
        <Text size="sm">{scheduleLabel(t, programme.schedule)}</Text>
        <Text size="sm">
          · {t("programme.owner")}: {programme.ownerName ?? t("programme.noOwner")}
        </Text>
        {!programme.active ? <Badge color="gray">{t("programme.inactive")}</Badge> : null}
      </Group>

      <Card withBorder padding="md" mb="lg">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t("programme.calendar")}
            </Title>
            <MonthNav month={month} onChange={(m) => setParams({ bulan: m })} />
          </Group>
          <ErrorAlert error={occurrences.error} />
          <MonthCalendar
            month={month}
            today={today}
            caption={t("programme.calendarCaption", { name: programme.name, month: monthLabel(t, month) })}
            renderDay={(date) => {
              const held = byDate.get(date) ?? [];
              if (held.length)
                return held.map((o) => (
                  <Anchor key={o.id} component={Link} to={`/budaya/sesi/${o.id}`} size="xs" display="block">
                    {o.topic ?? t("occurrence.held")}
                    {o.rate !== null ? ` · ${f.number(o.rate, { maxDecimals: 1 })}%` : ""}
                  </Anchor>
                ));
              if (planned.has(date))
                return (
                  <Text size="xs" c={date < today ? "orange.8" : "dimmed"}>
                    {date < today ? t("occurrence.notRecorded") : t("occurrence.planned")}
                  </Text>
                );
              return null;
            }}
          />
          <DataTable
            caption={t("occurrence.listCaption", { month: monthLabel(t, month) })}
            rows={items}
            rowKey={(o) => o.id}
            initialSort={{ key: "date", direction: "desc" }}
            empty={<Text c="dimmed">{t("occurrence.none")}</Text>}
            columns={[
              {
                key: "date",
                header: t("occurrence.date"),
                sortValue: (o) => o.date,
                cell: (o) => (
                  <Anchor component={Link} to={`/budaya/sesi/${o.id}`}>
                    {f.date(o.date, { weekday: true })}
                  </Anchor>
                ),
              },
              {
                key: "topic",
                header: t("occurrence.topic"),
                sortValue: (o) => o.topic ?? "",
                cell: (o) => o.topic ?? "—",
              },
              {
                key: "speaker",
                header: t("occurrence.speaker"),
                sortValue: (o) => o.speakerName ?? "",
                cell: (o) => o.speakerName ?? "—",
              },
              {
                key: "attendance",
                header: t("occurrence.attendance"),
                align: "right",
                sortValue: (o) => o.rate ?? -1,
                cell: (o) =>
                  o.expected
                    ? `${o.present}/${o.expected} (${f.number(o.rate ?? 0, { maxDecimals: 1 })}%)`
                    : "—",
              },
            ]}
          />
        </Stack>
      </Card>

      <Stack gap="lg">
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            {t("stats.perMonth")}
          </Title>
          {monthly.length === 0 ? (
            <Text c="dimmed">{t("stats.none")}</Text>
          ) : (
            <BarChart
              max={100}
              title={t("stats.programmeChart", { name: programme.name })}
              bars={monthly.slice(-12).map((m) => ({
                key: m.month,
                label: `${monthsShort[Number(m.month.slice(5, 7)) - 1]} ${m.month.slice(2, 4)}`,
                value: m.rate ?? 0,
                valueLabel: m.rate === null ? "—" : `${f.number(m.rate, { maxDecimals: 1 })}%`,
              }))}
            />
          )}
        </Card>
        {programme.kind === "knowledge" ? (
          <SpeakerQueue programmeId={programme.id} unitId={programme.unitId} canManage={canManage} />
        ) : null}
        <EvidencePanel type="programmes" id={programme.id} keys={evidence} canManage={canManage} />
      </Stack>
      {editing ? (
        <ProgrammeDialog unitId={programme.unitId} programme={programme} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
