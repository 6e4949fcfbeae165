import { Anchor, Box, Button, Group, Progress, Select, Stack, Text } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useCurrentUnit } from "../../../../ui/session";
import type { OverviewRow } from "../../contract";
import { STAGES } from "../../domain/stages";
import { useOverview, ziDownloads } from "../api";
import { useZiFormat } from "../format";

const NO_CYCLE = "none";

function yearOptions(now: number): string[] {
  const out: string[] = [];
  for (let y = now + 1; y >= 2019; y--) out.push(String(y));
  return out;
}

/** /zi/unit-unit — every unit under the current one: stage, scores, readiness, progress. */
export default function UnitsPage() {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const unit = useCurrentUnit();
  const [params, setParams] = useSearchParams();
  const now = new Date().getFullYear();
  const yearParam = Number(params.get("tahun"));
  // Without ?tahun= the server answers with the latest year that has cycles (a unit preparing next
  // year's proposal in December should see that year, not an empty current one).
  const [year, setYear] = useState<number | undefined>(
    Number.isInteger(yearParam) && yearParam >= 2014 ? yearParam : undefined,
  );
  const [stage, setStage] = useState<string | null>(null);
  const [ready, setReady] = useState<string | null>(null);
  const overview = useOverview(unit?.id, year);
  const shownYear = year ?? overview.data?.year ?? now;

  const rows = useMemo(() => {
    const items = overview.data?.items ?? [];
    return items.filter((r) => {
      if (stage === NO_CYCLE && r.cycle) return false;
      if (stage && stage !== NO_CYCLE && r.cycle?.stage !== stage) return false;
      if (ready === "yes" && r.ready !== true) return false;
      if (ready === "no" && r.ready !== false) return false;
      return true;
    });
  }, [overview.data, stage, ready]);
  const minDepth = Math.min(...(overview.data?.items ?? []).map((r) => r.unit.depth), 0);

  const score = (v: number | null) => (v === null ? "–" : f.score(v));
  const columns: DataTableColumn<OverviewRow>[] = [
    {
      key: "unit",
      header: t("units.unit"),
      // Tree order (the unit path) by default; sorting by name is one click away.
      sortValue: (r) => r.unit.path,
      filterText: (r) => `${r.unit.name} ${r.unit.code}`,
      cell: (r) => (
        <Box pl={(r.unit.depth - minDepth) * 16} style={{ minWidth: 180 }}>
          {r.cycle ? (
            <Anchor component={Link} to={`/zi/siklus/${r.cycle.id}`} fw={500} size="sm">
              {r.unit.name}
            </Anchor>
          ) : (
            <Text size="sm" fw={500}>
              {r.unit.name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {r.unit.code}
          </Text>
        </Box>
      ),
    },
    {
      key: "stage",
      header: t("units.stage"),
      sortValue: (r) => (r.cycle ? STAGES.indexOf(r.cycle.stage) : null),
      filterText: (r) => (r.cycle ? t(`stage.${r.cycle.stage}`) : t("units.noCycle")),
      cell: (r) =>
        r.cycle ? (
          <Text size="sm">{t(`stage.${r.cycle.stage}`)}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("units.noCycle")}
          </Text>
        ),
    },
    {
      key: "target",
      header: t("units.target"),
      sortValue: (r) => r.cycle?.target ?? null,
      cell: (r) => r.cycle?.target ?? "–",
    },
    {
      key: "scoreUnit",
      header: t("units.scoreUnit"),
      sortValue: (r) => r.scores.unit,
      filterText: () => null,
      align: "right",
      cell: (r) => score(r.scores.unit),
    },
    {
      key: "scoreTpi",
      header: t("units.scoreTpi"),
      sortValue: (r) => r.scores.tpi,
      filterText: () => null,
      align: "right",
      cell: (r) => score(r.scores.tpi),
    },
    {
      key: "scoreTpn",
      header: t("units.scoreTpn"),
      sortValue: (r) => r.scores.tpn,
      filterText: () => null,
      align: "right",
      cell: (r) => score(r.scores.tpn),
    },
    {
      key: "ready",
      header: t("units.ready"),
      sortValue: (r) => (r.ready === null ? null : r.ready ? 1 : 0),
      filterText: () => null,
      cell: (r) =>
        r.ready === null ? (
          <Text size="sm" c="dimmed">
            {t("units.readyUnknown")}
          </Text>
        ) : r.ready ? (
          <StatusBadge tone="success" size="sm">
            {t("units.readyYes")}
          </StatusBadge>
        ) : (
          <StatusBadge tone="danger" size="sm">
            {t("units.readyNo")}
          </StatusBadge>
        ),
    },
    {
      key: "failing",
      header: t("units.failing"),
      sortValue: (r) => r.failingGates.length,
      filterText: (r) => r.failingGates.join(" "),
      cell: (r) =>
        r.failingGates.length ? (
          <Text size="xs" style={{ maxWidth: 260 }}>
            {r.failingGates.join("; ")}
          </Text>
        ) : (
          "–"
        ),
    },
    {
      key: "progress",
      header: t("units.progress"),
      sortValue: (r) => (r.questions ? r.answered / r.questions : 0),
      filterText: () => null,
      cell: (r) => (
        <Stack gap={2} miw={110}>
          <Text size="xs">{t("progress.count", { done: r.answered, total: r.questions })}</Text>
          <Progress
            value={r.questions ? (r.answered / r.questions) * 100 : 0}
            size="sm"
            aria-label={t("progress.bar", { area: r.unit.name, done: r.answered, total: r.questions })}
          />
        </Stack>
      ),
    },
  ];

  if (!unit)
    return <EmptyState headingOrder={1} title={t("units.pageTitle")} description={t("common.noUnit")} />;

  return (
    <>
      <PageHeader
        title={t("units.pageTitle")}
        description={t("units.description", { unit: unit.name })}
        actions={
          <Button
            component="a"
            href={ziDownloads.overview(unit.id, shownYear)}
            download
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t("units.export")}
          </Button>
        }
      />
      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <ErrorAlert
          error={overview.error}
          title={t("common.loadFailed")}
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <DataTable
          caption={t("units.caption")}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.unit.id}
          filterLabel={t("units.filterLabel")}
          initialSort={{ key: "unit", direction: "asc" }}
          empty={<EmptyState title={t("units.empty")} />}
          toolbar={
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label={t("units.year")}
                data={yearOptions(now)}
                value={String(shownYear)}
                onChange={(v) => {
                  if (!v) return;
                  setYear(Number(v));
                  setParams({ tahun: v }, { replace: true });
                }}
                allowDeselect={false}
                w={110}
              />
              <Select
                label={t("units.stage")}
                placeholder={t("units.allStages")}
                data={[
                  ...STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })),
                  { value: NO_CYCLE, label: t("units.noCycle") },
                ]}
                value={stage}
                onChange={setStage}
                clearable
                w={{ base: "100%", xs: 220 }}
              />
              <Select
                label={t("units.ready")}
                placeholder={t("units.readyAll")}
                data={[
                  { value: "yes", label: t("units.readyYes") },
                  { value: "no", label: t("units.readyNo") },
                ]}
                value={ready}
                onChange={setReady}
                clearable
                w={{ base: "100%", xs: 160 }}
              />
            </Group>
          }
        />
      )}
    </>
  );
}
