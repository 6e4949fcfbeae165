import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useCurrentUnit } from "../../../../ui/session";
import { useCycles } from "../api";
import { latestCycle } from "./OverviewPage";

/** /zi/lke: the current unit's latest cycle's worksheet. */
export default function WorksheetEntryPage() {
  const { t } = useTranslation("zi");
  const unit = useCurrentUnit();
  const cycles = useCycles({ unitId: unit?.id }, Boolean(unit));
  if (!unit)
    return <EmptyState headingOrder={1} title={t("worksheet.pageTitle")} description={t("common.noUnit")} />;
  if (cycles.isPending) return <PageLoader />;
  if (cycles.isError)
    return (
      <ErrorAlert error={cycles.error} title={t("common.loadFailed")} onRetry={() => void cycles.refetch()} />
    );
  const cycle = latestCycle(cycles.data.items);
  if (cycle) return <Navigate to={`/zi/siklus/${cycle.id}/lke`} replace />;
  return (
    <EmptyState
      headingOrder={1}
      title={t("worksheet.pageTitle")}
      description={t("worksheet.noCycle")}
      action={
        <Button component={Link} to="/zi" variant="light">
          {t("worksheet.toOverview")}
        </Button>
      }
    />
  );
}
