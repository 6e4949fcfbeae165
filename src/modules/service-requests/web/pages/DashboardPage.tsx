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
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { localDateOf } from "../../../../ui/format";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import { type Breach, formatWorkingMinutes, type ServiceFigures } from "../../contract";
import { dashboardXlsxUrl, useDashboard } from "../api";
import { StateBadge } from "../components/Badges";
import { GroupedBars, PercentBars } from "../components/Charts";
import { loc } from "../components/text";

type Preset = "month" | "quarter" | "year" | "custom";

/** The period of a preset around today (local dates). */
export function periodOf(preset: Exclude<Preset, "custom">, today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  if (preset === "year") return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (preset === "quarter") {
    const q0 = Math.floor((m - 1) / 3) * 3 + 1;
    return { from: `${y}-${pad(q0)}-01`, to: `${y}-${pad(q0 + 2)}-${pad(lastDay(y, q0 + 2))}` };
  }
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

/** /layanan/permohonan/dasbor — requests per service and period, SLA compliance, breaches, XLSX. */
export default function DashboardPage() {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const unit = useCurrentUnit();
  const today = localDateOf(new Date(), unit?.zone ?? "WIB");
  const [preset, setPreset] = useState<Preset>("year");
  const [custom, setCustom] = useState(periodOf("month", today));
  const period = preset === "custom" ? custom : periodOf(preset, today);
  const q = useDashboard({ unitId: unit?.id, ...period });
  const pct = (v: number) => f.percent(v, { maxDecimals: 1 });

  const columns: DataTableColumn<ServiceFigures>[] = [
    {
      key: "name",
      header: t("dash.service"),
      cell: (r) => loc(r.name, f.lang),
      sortValue: (r) => loc(r.name, f.lang),
    },
    {
      key: "submitted",
      header: t("dash.submitted"),
      cell: (r) => f.number(r.submitted),
      sortValue: (r) => r.submitted,
      align: "right",
    },
    {
      key: "completed",
      header: t("dash.completed"),
      cell: (r) => f.number(r.completed),
      sortValue: (r) => r.completed,
      align: "right",
    },
    {
      key: "open",
      header: t("dash.open"),
      cell: (r) => f.number(r.open),
      sortValue: (r) => r.open,
      align: "right",
    },
    {
      key: "breached",
      header: t("dash.breached"),
      cell: (r) => f.number(r.breached),
      sortValue: (r) => r.breached,
      align: "right",
    },
    {
      key: "compliance",
      header: t("dash.compliance"),
      cell: (r) => (r.complianceRate === null ? "–" : pct(r.complianceRate)),
      sortValue: (r) => r.complianceRate,
      align: "right",
    },
    {
      key: "avg",
      header: t("dash.avgHours"),
      cell: (r) =>
        r.averageCompletionWorkingHours === null
          ? "–"
          : f.number(r.averageCompletionWorkingHours, { maxDecimals: 1 }),
      sortValue: (r) => r.averageCompletionWorkingHours,
      align: "right",
    },
    {
      key: "rating",
      header: t("dash.rating"),
      cell: (r) => (r.averageRating === null ? "–" : `${f.number(r.averageRating, { maxDecimals: 2 })} / 4`),
      sortValue: (r) => r.averageRating,
      align: "right",
    },
  ];
  const breachColumns: DataTableColumn<Breach>[] = [
    {
      key: "number",
      header: t("inbox.number"),
      cell: (r) => <Link to={`/layanan/permohonan/${encodeURIComponent(r.requestId)}`}>{r.number}</Link>,
      sortValue: (r) => r.number,
    },
    {
      key: "service",
      header: t("dash.service"),
      cell: (r) => loc(r.serviceName, f.lang),
      sortValue: (r) => loc(r.serviceName, f.lang),
    },
    {
      key: "state",
      header: t("inbox.state"),
      cell: (r) => <StateBadge state={r.state} />,
      sortValue: (r) => r.state,
    },
    {
      key: "due",
      header: t("slaPanel.due"),
      cell: (r) => (r.dueAt ? f.dateTime(r.dueAt) : "–"),
      sortValue: (r) => r.dueAt,
    },
    {
      key: "over",
      header: t("dash.overdueBy"),
      cell: (r) => formatWorkingMinutes(r.overdueMinutes, f.lang),
      sortValue: (r) => r.overdueMinutes,
      align: "right",
    },
    {
      key: "reason",
      header: t("dash.reason"),
      cell: (r) =>
        r.reason ?? (
          <Text size="sm" c="dimmed">
            {t("dash.noReason")}
          </Text>
        ),
      filterText: (r) => r.reason,
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t("dash.title")}
        eyebrow={unit?.name}
        description={t("dash.description")}
        actions={
          unit ? (
            <Button
              component="a"
              href={dashboardXlsxUrl({ unitId: unit.id, ...period })}
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t("dash.xlsx")}
            </Button>
          ) : null
        }
      />
      <Group align="end" wrap="wrap">
        <SegmentedControl
          aria-label={t("dash.period")}
          value={preset}
          onChange={(v) => setPreset(v as Preset)}
          data={(["month", "quarter", "year", "custom"] as const).map((p) => ({
            value: p,
            label: t(`dash.preset.${p}`),
          }))}
        />
        {preset === "custom" ? (
          <>
            <TextInput
              type="date"
              label={t("dash.from")}
              value={custom.from}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setCustom((c) => ({ ...c, from: v }));
              }}
            />
            <TextInput
              type="date"
              label={t("dash.to")}
              value={custom.to}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setCustom((c) => ({ ...c, to: v }));
              }}
            />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {f.date(period.from)} – {f.date(period.to)}
          </Text>
        )}
      </Group>
      {q.isPending && unit ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
            <Figure label={t("dash.submitted")} value={f.number(q.data.total.submitted)} />
            <Figure label={t("dash.completed")} value={f.number(q.data.total.completed)} />
            <Figure
              label={t("dash.compliance")}
              value={q.data.total.complianceRate === null ? "–" : pct(q.data.total.complianceRate)}
              testId="fig-compliance"
            />
            <Figure
              label={t("dash.avgHours")}
              value={
                q.data.total.averageCompletionWorkingHours === null
                  ? "–"
                  : t("dash.hours", {
                      n: f.number(q.data.total.averageCompletionWorkingHours, { maxDecimals: 1 }),
                    })
              }
            />
            <Figure
              label={t("dash.breached")}
              value={f.number(q.data.total.breached)}
              danger={q.data.total.breached > 0}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Title order={2} fz="h4" mb="xs">
                {t("dash.perService")}
              </Title>
              <GroupedBars
                label={t("dash.perService")}
                groups={q.data.services.map((s) => ({
                  label: s.code,
                  values: { submitted: s.submitted, onTime: s.completedOnTime, breached: s.breached },
                }))}
                series={[
                  { key: "submitted", label: t("dash.submitted"), color: "var(--mantine-color-blue-6)" },
                  { key: "onTime", label: t("dash.onTime"), color: "var(--mantine-color-green-6)" },
                  { key: "breached", label: t("dash.breached"), color: "var(--mantine-color-red-6)" },
                ]}
              />
            </Card>
            <Card withBorder>
              <Title order={2} fz="h4" mb="xs">
                {t("dash.compliancePerService")}
              </Title>
              <PercentBars
                label={t("dash.compliancePerService")}
                rows={q.data.services.map((s) => ({ label: loc(s.name, f.lang), value: s.complianceRate }))}
                format={pct}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={2} fz="h4" mb="xs">
              {t("dash.perMonth")}
            </Title>
            <GroupedBars
              label={t("dash.perMonth")}
              groups={q.data.months.map((m) => ({
                label: m.month,
                values: { submitted: m.submitted, completed: m.completed, breached: m.breached },
              }))}
              series={[
                { key: "submitted", label: t("dash.submitted"), color: "var(--mantine-color-blue-6)" },
                { key: "completed", label: t("dash.completed"), color: "var(--mantine-color-green-6)" },
                { key: "breached", label: t("dash.breached"), color: "var(--mantine-color-red-6)" },
              ]}
            />
          </Card>
          <DataTable
            caption={t("dash.tableCaption")}
            showCaption
            columns={columns}
            rows={q.data.services}
            rowKey={(r) => r.serviceId}
            filterable={false}
          />
          <Title order={2} fz="h4">
            {t("dash.breaches")}
          </Title>
          <DataTable
            caption={t("dash.breaches")}
            columns={breachColumns}
            rows={q.data.breaches}
            rowKey={(r) => r.requestId}
            initialSort={{ key: "over", direction: "desc" }}
            empty={<Text c="dimmed">{t("dash.noBreaches")}</Text>}
          />
        </>
      ) : null}
    </Stack>
  );
}

function Figure({
  label,
  value,
  danger,
  testId,
}: {
  label: string;
  value: string;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text fz="xl" fw={700} c={danger ? "red.8" : undefined} data-testid={testId}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Card>
  );
}
