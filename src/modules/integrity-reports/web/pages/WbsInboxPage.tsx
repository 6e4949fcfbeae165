import { Anchor, Group, SegmentedControl, Text } from "@mantine/core";
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
import type { WbsSummary } from "../../contract";
import { LKE_KEYS } from "../../domain/model";
import { useWbsReports, wbsRegisterXlsxUrl } from "../api";
import { thisYear, WBS_TONE } from "../components/common";
import { EvidenceButton } from "../components/EvidenceButton";

/** /integritas/wbs — the WBS handler's inbox: cases in scope, newest activity first. */
export default function WbsInboxPage() {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const unit = useCurrentUnit();
  const [status, setStatus] = useState<"open" | "closed" | "all">("open");
  const q = useWbsReports(unit?.id, status);
  const canLink = useCan("zi.worksheet.write");
  if (!unit)
    return <EmptyState headingOrder={1} title={t("wbs.inboxTitle")} description={t("common.noUnit")} />;

  const columns: DataTableColumn<WbsSummary>[] = [
    {
      key: "code",
      header: t("wbs.code"),
      cell: (r) => (
        <Anchor component={Link} to={`/integritas/wbs/${r.id}`} fw={600}>
          {r.code}
        </Anchor>
      ),
      sortValue: (r) => r.code,
      filterText: (r) => `${r.code} ${r.subject}`,
    },
    {
      key: "category",
      header: t("wbs.category"),
      cell: (r) => t(`wbsCategory.${r.category}`),
      sortValue: (r) => r.category,
    },
    {
      key: "subject",
      header: t("wbs.subject"),
      cell: (r) => (
        <>
          <Text size="sm" lineClamp={2}>
            {r.subject}
          </Text>
          {r.aboutHead ? (
            <Text size="xs" c="dimmed">
              {t("wbs.aboutHeadFrom", { unit: r.originUnitName })}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: "status",
      header: t("wbs.status"),
      cell: (r) => (
        <Group gap={4}>
          <StatusBadge tone={WBS_TONE[r.status]} size="sm">
            {t(`wbsStatus.${r.status}`)}
          </StatusBadge>
          {r.awaitingHandler ? (
            <StatusBadge tone="warning" size="sm">
              {t("wbs.awaiting")}
            </StatusBadge>
          ) : null}
        </Group>
      ),
      sortValue: (r) => r.status,
    },
    {
      key: "submitted",
      header: t("wbs.submittedOn"),
      cell: (r) => f.date(r.submittedOn),
      sortValue: (r) => r.submittedOn,
    },
    {
      key: "activity",
      header: t("wbs.lastActivity"),
      cell: (r) => f.dateTime(r.lastActivityAt),
      sortValue: (r) => r.lastActivityAt,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("wbs.inboxTitle")}
        description={t("wbs.inboxDescription")}
        actions={
          <Group>
            <Anchor href={`/wbs/${encodeURIComponent(unit.code)}`} target="_blank" rel="noreferrer">
              {t("wbs.publicLink")}
            </Anchor>
            <Anchor href={wbsRegisterXlsxUrl(unit.id, thisYear())} title={t("wbs.exportHint")}>
              {t("wbs.exportXlsx", { year: thisYear() })}
            </Anchor>
            {canLink ? (
              <EvidenceButton
                type="wbs-summary"
                id={String(thisYear())}
                unitId={unit.id}
                keys={LKE_KEYS.wbs}
              />
            ) : null}
          </Group>
        }
      />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        aria-label={t("wbs.status")}
        data={[
          { value: "open", label: t("wbs.filterOpen") },
          { value: "closed", label: t("wbs.filterClosed") },
          { value: "all", label: t("wbs.filterAll") },
        ]}
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable
          caption={t("wbs.inboxTitle")}
          columns={columns}
          rows={q.data.items}
          rowKey={(r) => r.id}
          filterable
          filterLabel={t("common.filter")}
          initialSort={{ key: "activity", direction: "desc" }}
          empty={<EmptyState title={t("wbs.none")} description={t("wbs.noneHint")} />}
        />
      )}
    </>
  );
}
