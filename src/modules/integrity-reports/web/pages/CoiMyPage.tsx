import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCurrentUnit } from "../../../../ui/session";
import type { CoiDeclaration } from "../../contract";
import { useCoiMine, useCoiMutations } from "../api";
import { thisYear } from "../components/common";

/** /integritas/benturan-kepentingan — the employee's declarations (yearly and per activity). */
export default function CoiMyPage() {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const unit = useCurrentUnit();
  const q = useCoiMine();
  const year = thisYear();
  const hasAnnual = (q.data?.items ?? []).some(
    (d) => d.kind === "annual" && d.year === year && d.unitId === unit?.id,
  );

  const columns: DataTableColumn<CoiDeclaration>[] = [
    {
      key: "created",
      header: t("coi.date"),
      cell: (d) => f.date(d.createdAt),
      sortValue: (d) => d.createdAt,
    },
    {
      key: "kind",
      header: t("coi.kind"),
      cell: (d) =>
        d.kind === "annual"
          ? t("coi.annualOf", { year: d.year })
          : `${t("coi.adhoc")}: ${d.activityName ?? ""}`,
    },
    { key: "has", header: t("coi.conflict"), cell: (d) => (d.hasConflict ? t("coi.yes") : t("coi.no")) },
    {
      key: "status",
      header: t("coi.status"),
      cell: (d) => (
        <StatusBadge tone={d.status === "reviewed" ? "success" : "warning"} size="sm">
          {d.decision ? t(`coiDecision.${d.decision}`) : t("coi.waiting")}
        </StatusBadge>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("coi.myTitle")} description={t("coi.myDescription")} />
      <Stack gap="lg">
        {unit ? <DeclareForm unitId={unit.id} year={year} hasAnnual={hasAnnual} /> : null}
        {q.isPending ? (
          <PageLoader />
        ) : q.isError ? (
          <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />
        ) : (
          <DataTable
            caption={t("coi.mine")}
            columns={columns}
            rows={q.data.items}
            rowKey={(d) => d.id}
            initialSort={{ key: "created", direction: "desc" }}
            empty={<EmptyState title={t("coi.none")} />}
          />
        )}
      </Stack>
    </>
  );
}

function DeclareForm({ unitId, year, hasAnnual }: { unitId: string; year: number; hasAnnual: boolean }) {
  const { t } = useTranslation("integrity");
  const { declare } = useCoiMutations();
  const [kind, setKind] = useState<"annual" | "adhoc">(hasAnnual ? "adhoc" : "annual");
  const [hasConflict, setHasConflict] = useState(false);
  const [details, setDetails] = useState("");
  const [activityName, setActivityName] = useState("");
  const [activityDate, setActivityDate] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    declare.mutate(
      {
        unitId,
        kind,
        year,
        hasConflict,
        details: details || undefined,
        activityName: kind === "adhoc" ? activityName || undefined : undefined,
        activityDate: kind === "adhoc" ? activityDate || undefined : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t("coi.declared"));
          setDetails("");
          setActivityName("");
          setActivityDate("");
          setHasConflict(false);
        },
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="xs">
        {t("coi.declareTitle")}
      </Title>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t("coi.kind")}
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: "annual", label: t("coi.annualOf", { year }), disabled: hasAnnual },
            { value: "adhoc", label: t("coi.adhoc") },
          ]}
        />
        {hasAnnual && kind === "annual" ? (
          <Alert role="note" color="green">
            {t("coi.annualDone", { year })}
          </Alert>
        ) : null}
        {kind === "adhoc" ? (
          <Group grow align="flex-start">
            <TextInput
              label={t("coi.activityName")}
              required
              value={activityName}
              onChange={(e) => setActivityName(e.currentTarget.value)}
            />
            <TextInput
              label={t("coi.activityDate")}
              type="date"
              required
              value={activityDate}
              onChange={(e) => setActivityDate(e.currentTarget.value)}
            />
          </Group>
        ) : null}
        <Switch
          label={t("coi.hasConflict")}
          checked={hasConflict}
          onChange={(e) => setHasConflict(e.currentTarget.checked)}
        />
        {hasConflict ? (
          <Textarea
            label={t("coi.details")}
            description={t("coi.detailsHint")}
            required
            autosize
            minRows={3}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t("coi.noneStatement")}
          </Text>
        )}
        {declare.isError ? <ErrorAlert error={declare.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={declare.isPending} disabled={kind === "annual" && hasAnnual}>
            {t("coi.submit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
