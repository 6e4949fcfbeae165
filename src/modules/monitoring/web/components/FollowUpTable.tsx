import { Anchor, Badge, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { useFormat } from "../../../../ui/i18n";
import type { CarriedFollowUp, FollowUp } from "../../contract";
import { FollowUpActions, FollowUpBadge } from "./FollowUpStatus";

/** Follow-ups of a meeting (its own, or those carried into it) with inline status changes. */
export function FollowUpTable({
  rows,
  caption,
  meetingId,
  carried = false,
  empty,
}: {
  rows: Array<FollowUp | CarriedFollowUp>;
  caption: string;
  meetingId?: string;
  carried?: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns: DataTableColumn<FollowUp | CarriedFollowUp>[] = [
    {
      key: "text",
      header: t("monev:followUp.text"),
      cell: (f) => (
        <Stack gap={2}>
          <Text size="sm">{f.text}</Text>
          {carried ? (
            <Text size="xs" c="dimmed">
              {t("monev:followUp.origin")}:{" "}
              <Anchor component={Link} to={`/monev/rapat/${f.meeting.id}`} size="xs">
                {f.meeting.title}
              </Anchor>{" "}
              ({fmt.date(f.meeting.date)})
            </Text>
          ) : null}
          {f.completionNote ? (
            <Text size="xs" c="dimmed">
              {f.completionNote}
            </Text>
          ) : null}
        </Stack>
      ),
      sortValue: (f) => f.text,
    },
    {
      key: "owner",
      header: t("monev:followUp.owner"),
      cell: (f) => f.owner.name,
      sortValue: (f) => f.owner.name,
    },
    {
      key: "due",
      header: t("monev:followUp.due"),
      cell: (f) => (
        <Text size="sm" c={f.overdue ? "red.8" : undefined} fw={f.overdue ? 600 : undefined}>
          {fmt.date(f.dueDate)}
        </Text>
      ),
      sortValue: (f) => f.dueDate,
    },
    {
      key: "status",
      header: t("monev:followUp.status"),
      cell: (f) => (
        <Stack gap={4}>
          <FollowUpBadge f={f} />
          {f.carryCount > 0 ? (
            <Badge variant="outline" color="gray" size="xs" style={{ textTransform: "none" }}>
              {t("monev:followUp.carryCount", { count: f.carryCount })}
            </Badge>
          ) : null}
        </Stack>
      ),
      sortValue: (f) => (f.status === "open" ? (f.overdue ? 0 : 1) : f.status === "done" ? 2 : 3),
    },
    {
      key: "actions",
      header: <VisuallyHidden>{t("monev:followUp.status")}</VisuallyHidden>,
      cell: (f) => <FollowUpActions f={f} {...(meetingId ? { meetingId } : {})} />,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(f) => f.id}
      filterable={rows.length > 8}
      empty={
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      }
    />
  );
}
