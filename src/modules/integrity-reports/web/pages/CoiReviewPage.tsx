import {
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { CoiDeclaration, CoiFunction } from "../../contract";
import { COI_DECISIONS, LKE_KEYS, RISK_LEVELS } from "../../domain/model";
import { useCoiEvaluation, useCoiFunctions, useCoiList, useCoiMutations } from "../api";
import { thisYear, YearSelect } from "../components/common";
import { EvidenceButton } from "../components/EvidenceButton";

const RISK_TONE: Record<string, StatusTone> = { rendah: "success", sedang: "warning", tinggi: "danger" };

/** /integritas/benturan-kepentingan/tinjau — review declarations, map functions, the yearly evaluation. */
export default function CoiReviewPage() {
  const { t } = useTranslation("integrity");
  const unit = useCurrentUnit();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(Number(params.get("tahun")) || thisYear());
  const tab = params.get("tab") ?? "deklarasi";
  if (!unit)
    return <EmptyState headingOrder={1} title={t("coi.reviewTitle")} description={t("common.noUnit")} />;
  return (
    <>
      <PageHeader
        title={t("coi.reviewTitle")}
        description={t("coi.reviewDescription", { unit: unit.name })}
        actions={<YearSelect label={t("common.year")} value={year} onChange={setYear} />}
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams({ tab: v ?? "deklarasi", tahun: String(year) }, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="deklarasi">{t("coi.tabDeclarations")}</Tabs.Tab>
          <Tabs.Tab value="pemetaan">{t("coi.tabMapping")}</Tabs.Tab>
          <Tabs.Tab value="evaluasi">{t("coi.tabEvaluation")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="deklarasi">
          <Declarations unitId={unit.id} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="pemetaan">
          <Mapping unitId={unit.id} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluasi">
          <Evaluation unitId={unit.id} year={year} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Declarations({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useCoiList(unitId, year);
  const [reviewing, setReviewing] = useState<CoiDeclaration | null>(null);
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />;
  const columns: DataTableColumn<CoiDeclaration>[] = [
    {
      key: "name",
      header: t("coi.employee"),
      cell: (d) => d.userName,
      sortValue: (d) => d.userName,
      filterText: (d) => `${d.userName} ${d.details ?? ""}`,
    },
    {
      key: "kind",
      header: t("coi.kind"),
      cell: (d) =>
        d.kind === "annual"
          ? t("coi.annualOf", { year: d.year })
          : `${t("coi.adhoc")}: ${d.activityName ?? ""} (${d.activityDate ? f.date(d.activityDate) : ""})`,
    },
    {
      key: "details",
      header: t("coi.details"),
      cell: (d) =>
        d.hasConflict ? (
          <Text size="sm">{d.details}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("coi.no")}
          </Text>
        ),
    },
    {
      key: "status",
      header: t("coi.status"),
      cell: (d) => (
        <StatusBadge tone={d.status === "reviewed" ? "success" : "warning"} size="sm">
          {d.decision ? t(`coiDecision.${d.decision}`) : t("coi.waiting")}
        </StatusBadge>
      ),
      sortValue: (d) => d.status,
    },
    {
      key: "act",
      header: t("common.actions"),
      cell: (d) =>
        d.hasConflict ? (
          <Button
            size="xs"
            variant={d.status === "reviewed" ? "subtle" : "filled"}
            onClick={() => setReviewing(d)}
          >
            {d.status === "reviewed" ? t("coi.reviewAgain") : t("coi.review")}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      {reviewing ? <ReviewDialog d={reviewing} onClose={() => setReviewing(null)} /> : null}
      <DataTable
        caption={t("coi.tabDeclarations")}
        columns={columns}
        rows={q.data.items}
        rowKey={(d) => d.id}
        filterable
        filterLabel={t("common.filter")}
        initialSort={{ key: "status", direction: "asc" }}
        empty={<EmptyState title={t("coi.none")} />}
      />
    </>
  );
}

function ReviewDialog({ d, onClose }: { d: CoiDeclaration; onClose: () => void }) {
  const { t } = useTranslation("integrity");
  const { review } = useCoiMutations();
  const [decision, setDecision] = useState<string | null>(d.decision);
  const [note, setNote] = useState(d.decisionNote ?? "");
  return (
    <Dialog opened onClose={onClose} title={`${t("coi.review")} · ${d.userName}`}>
      <Stack gap="sm">
        <Text size="sm">{d.details}</Text>
        <Select
          label={t("coi.decision")}
          required
          data={COI_DECISIONS.map((x) => ({ value: x, label: t(`coiDecision.${x}`) }))}
          value={decision}
          onChange={setDecision}
        />
        <Textarea
          label={t("coi.decisionNote")}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {review.isError ? <ErrorAlert error={review.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!decision}
            loading={review.isPending}
            onClick={() =>
              review.mutate(
                { id: d.id, decision: decision!, note: note || undefined },
                {
                  onSuccess: () => {
                    notifySuccess(t("common.saved"));
                    onClose();
                  },
                },
              )
            }
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function Mapping({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const q = useCoiFunctions(unitId, year);
  const m = useCoiMutations();
  const [editing, setEditing] = useState<Partial<CoiFunction> | null>(null);
  const canLink = useCan("zi.worksheet.write");
  const columns: DataTableColumn<CoiFunction>[] = [
    { key: "name", header: t("coi.function"), cell: (x) => x.name, sortValue: (x) => x.name },
    { key: "desc", header: t("coi.functionDescription"), cell: (x) => x.description ?? "—" },
    {
      key: "risk",
      header: t("coi.risk"),
      cell: (x) => (
        <StatusBadge tone={RISK_TONE[x.riskLevel] ?? "neutral"} size="sm">
          {t(`risk.${x.riskLevel}`)}
        </StatusBadge>
      ),
      sortValue: (x) => RISK_LEVELS.indexOf(x.riskLevel),
    },
    { key: "controls", header: t("coi.controls"), cell: (x) => x.controls ?? "—" },
    {
      key: "act",
      header: t("common.actions"),
      cell: (x) => (
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setEditing(x)}>
            {t("common.edit")}
          </Button>
          <ConfirmButton
            size="xs"
            variant="subtle"
            danger
            title={t("coi.removeFunction")}
            message={x.name}
            confirmLabel={t("common.remove")}
            onConfirm={() => m.removeFunction.mutateAsync(x.id)}
          >
            {t("common.remove")}
          </ConfirmButton>
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        {canLink ? (
          <EvidenceButton type="coi-functions" id={String(year)} unitId={unitId} keys={LKE_KEYS.coi} />
        ) : null}
        <Button onClick={() => setEditing({ riskLevel: "sedang" })}>{t("coi.addFunction")}</Button>
      </Group>
      {editing ? (
        <FunctionDialog unitId={unitId} year={year} value={editing} onClose={() => setEditing(null)} />
      ) : null}
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <DataTable
          caption={t("coi.tabMapping")}
          columns={columns}
          rows={q.data.items}
          rowKey={(x) => x.id}
          initialSort={{ key: "risk", direction: "desc" }}
          empty={<EmptyState title={t("coi.noFunctions")} />}
        />
      )}
    </Stack>
  );
}

function FunctionDialog({
  unitId,
  year,
  value,
  onClose,
}: {
  unitId: string;
  year: number;
  value: Partial<CoiFunction>;
  onClose: () => void;
}) {
  const { t } = useTranslation("integrity");
  const { saveFunction } = useCoiMutations();
  const [name, setName] = useState(value.name ?? "");
  const [description, setDescription] = useState(value.description ?? "");
  const [riskLevel, setRisk] = useState<string | null>(value.riskLevel ?? "sedang");
  const [controls, setControls] = useState(value.controls ?? "");
  return (
    <Dialog opened onClose={onClose} title={value.id ? t("common.edit") : t("coi.addFunction")}>
      <Stack gap="sm">
        <TextInput
          label={t("coi.function")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Textarea
          label={t("coi.functionDescription")}
          autosize
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Select
          label={t("coi.risk")}
          data={RISK_LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
          value={riskLevel}
          onChange={setRisk}
          allowDeselect={false}
        />
        <Textarea
          label={t("coi.controls")}
          autosize
          value={controls}
          onChange={(e) => setControls(e.currentTarget.value)}
        />
        {saveFunction.isError ? <ErrorAlert error={saveFunction.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!name.trim()}
            loading={saveFunction.isPending}
            onClick={() =>
              saveFunction.mutate(
                {
                  id: value.id,
                  unitId,
                  year,
                  name,
                  description: description || undefined,
                  riskLevel: riskLevel ?? "sedang",
                  controls: controls || undefined,
                },
                { onSuccess: onClose },
              )
            }
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function Evaluation({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useCoiEvaluation(unitId, year);
  const canLink = useCan("zi.worksheet.write");
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />;
  const e = q.data;
  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("coi.rate", { year })}
          </Title>
          {canLink ? (
            <EvidenceButton type="coi-evaluation" id={String(year)} unitId={unitId} keys={LKE_KEYS.coi} />
          ) : null}
        </Group>
        <Text fz={32} fw={700} data-testid="coi-rate">
          {f.percent(e.percent)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("coi.rateDetail", { declared: e.declared, employees: e.employees })}
        </Text>
        <Progress value={e.percent} mt="xs" aria-label={t("coi.rate", { year })} />
      </Card>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(
          [
            [t("coi.withConflict"), e.withConflict],
            [t("coi.adhocCount"), e.adhoc],
            [t("coi.pending"), e.pendingReview],
            [
              t("coi.functionsMapped"),
              `${e.functionsMapped} (${e.highRiskFunctions} ${t("risk.tinggi").toLowerCase()})`,
            ],
          ] as Array<[string, string | number]>
        ).map(([label, v]) => (
          <Card withBorder key={label} padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700}>{v}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t("coi.missing")}
        </Title>
        {e.missing.length === 0 ? (
          <Text c="dimmed">{t("coi.missingNone")}</Text>
        ) : (
          <Text size="sm">{e.missing.map((p) => p.name).join(", ")}</Text>
        )}
      </Card>
    </Stack>
  );
}
