import {
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import type { BucketWire, Report } from "../../contract";
import { isValidMonth, shiftMonth } from "../../domain/calendar";
import { engagement } from "../../domain/reach";
import { mediaDownloads, useReport } from "../api";
import { BarChart } from "../components/BarChart";
import { currentMonth } from "../labels";

type Metric = "items" | "publications" | "views" | "engagement";
const metricOf = (b: BucketWire, m: Metric) =>
  m === "items"
    ? b.items
    : m === "publications"
      ? b.publications
      : m === "views"
        ? b.reach.views
        : engagement(b.reach);

/** /media/laporan — counts and reach per month, channel and theme, with an XLSX export. */
export default function ReportPage() {
  const { t } = useTranslation("media");
  const f = useFormat();
  const unit = useCurrentUnit();
  const now = currentMonth();
  const [from, setFrom] = useState(shiftMonth(now, -5));
  const [to, setTo] = useState(now);
  const [metric, setMetric] = useState<Metric>("publications");
  const valid = isValidMonth(from) && isValidMonth(to) && from <= to;
  const report = useReport(valid ? unit?.id : undefined, from, to);
  if (!unit)
    return <EmptyState headingOrder={1} title={t("report.pageTitle")} description={t("common.noUnit")} />;

  const columns: DataTableColumn<Report["months"][number]>[] = [
    {
      key: "month",
      header: t("report.month"),
      sortValue: (r) => r.month,
      cell: (r) => f.date(`${r.month}-01`).split(" ").slice(1).join(" "),
    },
    {
      key: "items",
      header: t("report.items"),
      align: "right",
      sortValue: (r) => r.items,
      filterText: () => null,
      cell: (r) => f.number(r.items),
    },
    {
      key: "published",
      header: t("report.published"),
      align: "right",
      sortValue: (r) => r.published,
      filterText: () => null,
      cell: (r) => f.number(r.published),
    },
    {
      key: "gaps",
      header: t("report.gaps"),
      align: "right",
      sortValue: (r) => r.gapCount,
      filterText: () => null,
      cell: (r) => f.number(r.gapCount),
    },
    {
      key: "views",
      header: t("reach.views"),
      align: "right",
      sortValue: (r) => r.reach.views,
      filterText: () => null,
      cell: (r) => f.number(r.reach.views),
    },
    {
      key: "likes",
      header: t("reach.likes"),
      align: "right",
      sortValue: (r) => r.reach.likes,
      filterText: () => null,
      cell: (r) => f.number(r.reach.likes),
    },
    {
      key: "comments",
      header: t("reach.comments"),
      align: "right",
      sortValue: (r) => r.reach.comments,
      filterText: () => null,
      cell: (r) => f.number(r.reach.comments),
    },
    {
      key: "shares",
      header: t("reach.shares"),
      align: "right",
      sortValue: (r) => r.reach.shares,
      filterText: () => null,
      cell: (r) => f.number(r.reach.shares),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("report.pageTitle")}
        eyebrow={unit.name}
        description={t("report.description", { unit: unit.name })}
        actions={
          valid ? (
            <Button
              component="a"
              href={mediaDownloads.report(unit.id, from, to)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t("report.export")}
            </Button>
          ) : null
        }
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput
          type="month"
          label={t("report.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
          error={!valid}
        />
        <TextInput
          type="month"
          label={t("report.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
          error={!valid}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="media-metric">
            {t("report.metric")}
          </Text>
          <SegmentedControl
            aria-labelledby="media-metric"
            value={metric}
            onChange={(v) => setMetric(v as Metric)}
            data={[
              { value: "items", label: t("report.metricItems") },
              { value: "publications", label: t("report.metricPublications") },
              { value: "views", label: t("report.metricViews") },
              { value: "engagement", label: t("reach.engagement") },
            ]}
          />
        </Stack>
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorAlert
          error={report.error}
          title={t("common.loadFailed")}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={2} fz="h4" mb="sm">
                {t("report.channelChart")}
              </Title>
              <BarChart
                title={`${t("report.channelChart")} — ${t(`report.metric${metric === "engagement" ? "Engagement" : metric[0]!.toUpperCase() + metric.slice(1)}`)}`}
                bars={report.data.byChannel.map((b) => ({
                  key: b.key,
                  label: report.data.channels.find((c) => c.id === b.key)?.name ?? b.key,
                  value: metricOf(b, metric),
                }))}
                format={(v) => f.number(v)}
              />
            </Card>
            <Card withBorder>
              <Title order={2} fz="h4" mb="sm">
                {t("report.themeChart")}
              </Title>
              <BarChart
                title={`${t("report.themeChart")} — ${t(`report.metric${metric === "engagement" ? "Engagement" : metric[0]!.toUpperCase() + metric.slice(1)}`)}`}
                bars={report.data.byTheme.map((b) => ({
                  key: b.key,
                  label: t(`theme.${b.key}`),
                  value: metricOf(b, metric),
                }))}
                format={(v) => f.number(v)}
                color="var(--mantine-color-teal-7)"
              />
            </Card>
          </SimpleGrid>
          <DataTable
            caption={t("report.caption")}
            showCaption
            columns={columns}
            rows={report.data.months}
            rowKey={(r) => r.month}
            initialSort={{ key: "month", direction: "asc" }}
            filterable={false}
            empty={<EmptyState title={t("report.empty")} />}
          />
        </Stack>
      )}
    </>
  );
}
