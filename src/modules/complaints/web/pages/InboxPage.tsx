import { Anchor, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import type { CaseListItem } from "../../contract";
import { CATEGORIES, STATUSES } from "../../domain/workflow";
import { useCases } from "../api";
import { CaseStatusBadge, SlaBadge } from "../components/SlaBadge";

/** Staff inbox: filters, SLA colours, one row per complaint. */
export default function InboxPage() {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const unit = useCurrentUnit();
  const [status, setStatus] = useState<string | null>("open");
  const [sla, setSla] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const q = {
    unitId: unit?.id,
    status: (status ?? undefined) as never,
    sla: (sla ?? undefined) as never,
    category: (category ?? undefined) as never,
  };
  const cases = useCases(q);

  const columns: DataTableColumn<CaseListItem>[] = [
    {
      key: "code",
      header: t("inbox.code"),
      cell: (r) => (
        <Anchor component={Link} to={`/layanan/pengaduan/${r.id}`} fw={600}>
          {r.code}
        </Anchor>
      ),
      sortValue: (r) => r.code,
    },
    {
      key: "received",
      header: t("inbox.received"),
      cell: (r) => f.date(r.receivedAt),
      sortValue: (r) => r.receivedAt,
    },
    {
      key: "summary",
      header: t("inbox.summary"),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {t(`category.${r.category}`)} · {r.service}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {r.summary}
          </Text>
        </Stack>
      ),
      filterText: (r) => `${r.service} ${r.summary}`,
    },
    {
      key: "status",
      header: t("inbox.status"),
      cell: (r) => <CaseStatusBadge status={r.status} />,
      sortValue: (r) => r.status,
    },
    {
      key: "assignee",
      header: t("inbox.assignee"),
      cell: (r) => r.assigneeName ?? "—",
      sortValue: (r) => r.assigneeName ?? "",
    },
    {
      key: "due",
      header: t("inbox.due"),
      cell: (r) =>
        r.currentDue ? (
          <Stack gap={2}>
            <Text size="sm">{f.dateTime(r.currentDue)}</Text>
            <SlaBadge state={r.sla} />
          </Stack>
        ) : (
          "—"
        ),
      sortValue: (r) => r.currentDue ?? "9999",
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.description")}
        actions={
          <Button component={Link} to="/layanan/pengaduan/rekap" variant="light">
            {t("nav.recap")}
          </Button>
        }
      />
      <Group align="end" wrap="wrap">
        <Select
          label={t("inbox.status")}
          value={status}
          onChange={setStatus}
          clearable
          data={[
            { value: "open", label: t("inbox.open") },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select
          label={t("inbox.sla")}
          value={sla}
          onChange={setSla}
          clearable
          data={["on_time", "near_due", "overdue"].map((s) => ({ value: s, label: t(`sla.${s}`) }))}
        />
        <Select
          label={t("field.category")}
          value={category}
          onChange={setCategory}
          clearable
          data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
      </Group>
      {cases.isPending ? (
        <PageLoader />
      ) : cases.isError ? (
        <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <DataTable
          caption={t("inbox.title")}
          columns={columns}
          rows={cases.data.items}
          rowKey={(r) => r.id}
          initialSort={{ key: "due", direction: "asc" }}
          empty={t("inbox.empty")}
        />
      )}
    </Stack>
  );
}
