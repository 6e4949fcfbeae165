import { Button, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import type { GratReport } from "../../contract";
import { useGratMine } from "../api";
import { GRAT_TONE } from "../components/common";
import { GratReportDialog } from "../components/GratReportDialog";

/** /integritas/gratifikasi — the employee's own gratification reports and the report form. */
export default function GratMyPage() {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const unit = useCurrentUnit();
  const q = useGratMine();
  const [open, setOpen] = useState(false);

  const columns: DataTableColumn<GratReport>[] = [
    { key: "number", header: t("grat.number"), cell: (r) => r.number, sortValue: (r) => r.number },
    {
      key: "received",
      header: t("grat.receivedOn"),
      cell: (r) => f.date(r.receivedOn),
      sortValue: (r) => r.receivedOn,
    },
    {
      key: "giver",
      header: t("grat.giverName"),
      cell: (r) => (
        <>
          <Text size="sm">{r.giverName}</Text>
          <Text size="xs" c="dimmed">
            {r.description}
          </Text>
        </>
      ),
      filterText: (r) => `${r.giverName} ${r.description}`,
    },
    {
      key: "value",
      header: t("grat.value"),
      cell: (r) => f.rupiah(r.valueIdr),
      sortValue: (r) => r.valueIdr,
      align: "right",
    },
    { key: "action", header: t("grat.action"), cell: (r) => t(`gratAction.${r.action}`) },
    {
      key: "status",
      header: t("grat.status"),
      cell: (r) => (
        <StatusBadge tone={GRAT_TONE[r.status] ?? "neutral"} size="sm">
          {t(`gratStatus.${r.status}`)}
        </StatusBadge>
      ),
    },
    {
      key: "kpkBy",
      header: t("grat.reportToKpkBy"),
      cell: (r) => f.date(r.deadlines.reportToKpkBy),
      sortValue: (r) => r.deadlines.reportToKpkBy,
    },
    {
      key: "decision",
      header: t("grat.decision"),
      cell: (r) => (r.decision ? t(`gratDecision.${r.decision}`) : "—"),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("grat.myTitle")}
        description={t("grat.myDescription")}
        actions={
          unit ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
              {t("grat.new")}
            </Button>
          ) : null
        }
      />
      {open && unit ? <GratReportDialog opened unitId={unit.id} onClose={() => setOpen(false)} /> : null}
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable
          caption={t("grat.myTitle")}
          columns={columns}
          rows={q.data.items}
          rowKey={(r) => r.id}
          initialSort={{ key: "received", direction: "desc" }}
          empty={<EmptyState title={t("grat.none")} description={t("grat.noneHint")} />}
        />
      )}
    </>
  );
}
