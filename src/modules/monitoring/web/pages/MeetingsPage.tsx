import { Anchor, Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { MeetingSummary } from "../../contract";
import { MEETING_KINDS, type MeetingKind, MONEV_PERMISSIONS } from "../../domain/rules";
import { useMeetings } from "../api";
import { CreateMeetingDialog } from "../components/CreateMeetingDialog";
import { MonthCalendar } from "../components/MonthCalendar";
import { KIND_TONE, todayLocal } from "../format";

/** The unit's monev meetings: kind filter, a list or a calendar month, and "record a meeting". */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const unit = useCurrentUnit();
  const canManage = useCan(MONEV_PERMISSIONS.manage);
  const [kind, setKind] = useState<MeetingKind | "all">("all");
  const [view, setView] = useState<"list" | "calendar">("list");
  const [month, setMonth] = useState(todayLocal().slice(0, 7));
  const [creating, create] = useDisclosure(false);
  const meetings = useMeetings(unit?.id, kind === "all" ? undefined : kind);

  if (!unit)
    return (
      <>
        <PageHeader title={t("monev:meetings.title")} />
        <Text>{t("monev:meetings.noUnit")}</Text>
      </>
    );

  const columns: DataTableColumn<MeetingSummary>[] = [
    {
      key: "date",
      header: t("monev:meetings.date"),
      cell: (m) => fmt.date(m.date, { weekday: true }),
      sortValue: (m) => m.date,
    },
    {
      key: "title",
      header: t("monev:meetings.name"),
      cell: (m) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/monev/rapat/${m.id}`}>
            {m.title}
          </Anchor>
          {!m.hasMinutes ? (
            <Text size="xs" c="dimmed">
              {t("monev:meetings.noMinutes")}
            </Text>
          ) : null}
        </Stack>
      ),
      sortValue: (m) => m.title,
    },
    {
      key: "kind",
      header: t("monev:meetings.kind"),
      cell: (m) => (
        <StatusBadge tone={KIND_TONE[m.kind]} size="sm">
          {t(`monev:kind.${m.kind}`)}
        </StatusBadge>
      ),
      sortValue: (m) => m.kind,
    },
    {
      key: "chair",
      header: t("monev:meetings.chair"),
      cell: (m) => m.chair?.name ?? "–",
      sortValue: (m) => m.chair?.name ?? "",
    },
    {
      key: "participants",
      header: t("monev:meetings.participants"),
      cell: (m) => fmt.number(m.participantCount),
      sortValue: (m) => m.participantCount,
      align: "right",
    },
    {
      key: "followUps",
      header: t("monev:meetings.followUps"),
      cell: (m) => (
        <Stack gap={0}>
          <Text size="sm">
            {t("monev:meetings.followUpCounts", { open: m.followUps.open, total: m.followUps.total })}
          </Text>
          {m.followUps.carried > 0 ? (
            <Text size="xs" c="dimmed">
              {t("monev:meetings.carried", { count: m.followUps.carried })}
            </Text>
          ) : null}
        </Stack>
      ),
      sortValue: (m) => m.followUps.open,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("monev:meetings.title")}
        eyebrow={unit.name}
        description={t("monev:meetings.description")}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create.open}>
              {t("monev:meetings.new")}
            </Button>
          ) : null
        }
      />
      <Group justify="space-between" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label={t("monev:meetings.filterKind")}
          value={kind}
          onChange={(v) => setKind(v as MeetingKind | "all")}
          data={[
            { value: "all", label: t("monev:kind.all") },
            ...MEETING_KINDS.map((k) => ({ value: k, label: t(`monev:kind.${k}`) })),
          ]}
        />
        <SegmentedControl
          aria-label={t("monev:meetings.view")}
          value={view}
          onChange={(v) => setView(v as "list" | "calendar")}
          data={[
            { value: "list", label: t("monev:meetings.viewList") },
            { value: "calendar", label: t("monev:meetings.viewCalendar") },
          ]}
        />
      </Group>
      <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      {meetings.isPending ? (
        <PageLoader />
      ) : view === "calendar" ? (
        <MonthCalendar month={month} onMonth={setMonth} meetings={meetings.data?.items ?? []} />
      ) : (
        <DataTable
          caption={t("monev:meetings.table")}
          columns={columns}
          rows={meetings.data?.items ?? []}
          rowKey={(m) => m.id}
          initialSort={{ key: "date", direction: "desc" }}
          empty={<EmptyState title={t("monev:meetings.empty")} description={t("monev:meetings.emptyHint")} />}
        />
      )}
      {canManage ? <CreateMeetingDialog unitId={unit.id} opened={creating} onClose={create.close} /> : null}
    </>
  );
}
