import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
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
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { Campaign, GratReport } from "../../contract";
import { GRAT_DECISIONS, LKE_KEYS } from "../../domain/model";
import { gratRegisterXlsxUrl, useCampaigns, useGratList, useGratMutations, useGratRecap } from "../api";
import { MonthBars } from "../components/BarChart";
import { GRAT_TONE, thisYear, todayJakarta, YearSelect } from "../components/common";
import { EvidenceButton } from "../components/EvidenceButton";
import { RulesPanel } from "../components/RulesPanel";

/** /integritas/gratifikasi/register — the UPG's register, yearly recap and public campaign items. */
export default function GratRegisterPage() {
  const { t } = useTranslation("integrity");
  const unit = useCurrentUnit();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(Number(params.get("tahun")) || thisYear());
  const tab = params.get("tab") ?? "register";
  if (!unit)
    return <EmptyState headingOrder={1} title={t("grat.registerTitle")} description={t("common.noUnit")} />;
  return (
    <>
      <PageHeader
        title={t("grat.registerTitle")}
        description={t("grat.registerDescription", { unit: unit.name })}
        actions={
          <Group>
            <YearSelect label={t("common.year")} value={year} onChange={setYear} />
            <Button component="a" href={gratRegisterXlsxUrl(unit.id, year)} variant="light">
              {t("grat.exportXlsx")}
            </Button>
          </Group>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams({ tab: v ?? "register", tahun: String(year) }, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="register">{t("grat.tabRegister")}</Tabs.Tab>
          <Tabs.Tab value="rekap">{t("grat.tabRecap")}</Tabs.Tab>
          <Tabs.Tab value="kampanye">{t("grat.tabCampaigns")}</Tabs.Tab>
          <Tabs.Tab value="aturan">{t("grat.tabRules")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register">
          <Register unitId={unit.id} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="rekap">
          <Recap unitId={unit.id} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="kampanye">
          <Campaigns unitId={unit.id} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="aturan">
          <RulesPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

type Step = { kind: "review" | "forward" | "decide"; report: GratReport };

function Register({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useGratList(unitId, year);
  const [step, setStep] = useState<Step | null>(null);
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />;
  const columns: DataTableColumn<GratReport>[] = [
    {
      key: "number",
      header: t("grat.number"),
      cell: (r) => r.number,
      sortValue: (r) => r.number,
      filterText: (r) => `${r.number} ${r.reporterName} ${r.giverName}`,
    },
    {
      key: "reporter",
      header: t("grat.reporter"),
      cell: (r) => (
        <>
          <Text size="sm">{r.reporterName}</Text>
          <Text size="xs" c="dimmed">
            {t("grat.from", { giver: r.giverName, relation: r.giverRelation })}
          </Text>
        </>
      ),
    },
    {
      key: "received",
      header: t("grat.receivedOn"),
      cell: (r) => f.date(r.receivedOn),
      sortValue: (r) => r.receivedOn,
    },
    {
      key: "value",
      header: t("grat.value"),
      cell: (r) => (
        <>
          <Text size="sm">{f.rupiah(r.valueIdr)}</Text>
          {r.threshold.belowThreshold && r.threshold.thresholdIdr !== null ? (
            <Text size="xs" c="dimmed">
              {t("grat.belowThreshold", { limit: f.rupiah(r.threshold.thresholdIdr) })}
            </Text>
          ) : null}
        </>
      ),
      sortValue: (r) => r.valueIdr,
      align: "right",
    },
    {
      key: "action",
      header: t("grat.action"),
      cell: (r) => (
        <>
          <Text size="sm">{t(`gratAction.${r.action}`)}</Text>
          {r.reportedOnTime ? null : (
            <Text size="xs" c="red">
              {t("grat.late")}
            </Text>
          )}
        </>
      ),
    },
    {
      key: "deadline",
      header: t("grat.forwardBy"),
      cell: (r) =>
        r.status === "reported" || r.status === "reviewed" ? (
          <StatusBadge tone={r.forwardOverdue ? "danger" : "neutral"} size="sm">
            {r.deadlines.upgForwardBy ? f.date(r.deadlines.upgForwardBy) : "—"}
          </StatusBadge>
        ) : r.kpkReference ? (
          <Text size="xs">
            {t("grat.kpkRef")}: {r.kpkReference}
          </Text>
        ) : (
          "—"
        ),
    },
    {
      key: "status",
      header: t("grat.status"),
      cell: (r) => (
        <StatusBadge tone={GRAT_TONE[r.status] ?? "neutral"} size="sm">
          {t(`gratStatus.${r.status}`)}
          {r.decision ? ` · ${t(`gratDecision.${r.decision}`)}` : ""}
        </StatusBadge>
      ),
    },
    {
      key: "act",
      header: t("common.actions"),
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.status === "reported" || r.status === "reviewed" ? (
            <>
              <Button size="xs" variant="light" onClick={() => setStep({ kind: "review", report: r })}>
                {t("grat.review")}
              </Button>
              <Button size="xs" onClick={() => setStep({ kind: "forward", report: r })}>
                {t("grat.forward")}
              </Button>
            </>
          ) : null}
          {r.status === "forwarded" ? (
            <Button size="xs" onClick={() => setStep({ kind: "decide", report: r })}>
              {t("grat.decide")}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <>
      {step ? <StepDialog step={step} onClose={() => setStep(null)} /> : null}
      <DataTable
        caption={t("grat.registerTitle")}
        columns={columns}
        rows={q.data.items}
        rowKey={(r) => r.id}
        filterable
        filterLabel={t("common.filter")}
        initialSort={{ key: "received", direction: "desc" }}
        empty={<EmptyState title={t("grat.registerNone")} />}
      />
    </>
  );
}

function StepDialog({ step, onClose }: { step: Step; onClose: () => void }) {
  const { t } = useTranslation("integrity");
  const m = useGratMutations();
  const [note, setNote] = useState(step.report.reviewNote ?? "");
  const [decision, setDecision] = useState<string | null>(null);
  const [ref, setRef] = useState("");
  const [on, setOn] = useState(todayJakarta());
  const mut = step.kind === "review" ? m.review : step.kind === "forward" ? m.forward : m.decide;
  const done = () => {
    notifySuccess(t("common.saved"));
    onClose();
  };
  const submit = () => {
    const id = step.report.id;
    if (step.kind === "review")
      m.review.mutate({ id, note, decision: decision ?? undefined }, { onSuccess: done });
    if (step.kind === "forward")
      m.forward.mutate({ id, kpkReference: ref, forwardedOn: on }, { onSuccess: done });
    if (step.kind === "decide")
      m.decide.mutate(
        { id, decision: decision ?? "", decidedOn: on, decisionReference: ref || undefined },
        { onSuccess: done },
      );
  };
  return (
    <Dialog opened onClose={onClose} title={`${t(`grat.${step.kind}`)} · ${step.report.number}`}>
      <Stack gap="sm">
        <Text size="sm">
          {step.report.description} — {step.report.giverName}
        </Text>
        {step.kind === "review" ? (
          <>
            <TextInput
              label={t("grat.reviewNote")}
              required
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Select
              label={t("grat.closeWith")}
              description={t("grat.closeWithHint")}
              clearable
              data={GRAT_DECISIONS.map((d) => ({ value: d, label: t(`gratDecision.${d}`) }))}
              value={decision}
              onChange={setDecision}
            />
          </>
        ) : null}
        {step.kind === "forward" ? (
          <>
            <TextInput
              label={t("grat.kpkRef")}
              description={t("grat.kpkRefHint")}
              required
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
            />
            <TextInput
              label={t("grat.forwardedOn")}
              type="date"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
          </>
        ) : null}
        {step.kind === "decide" ? (
          <>
            <Select
              label={t("grat.decision")}
              required
              data={GRAT_DECISIONS.map((d) => ({ value: d, label: t(`gratDecision.${d}`) }))}
              value={decision}
              onChange={setDecision}
            />
            <TextInput
              label={t("grat.decidedOn")}
              type="date"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
            <TextInput
              label={t("grat.decisionRef")}
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
            />
          </>
        ) : null}
        {mut.isError ? <ErrorAlert error={mut.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={mut.isPending} onClick={submit}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function Recap({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useGratRecap(unitId, year);
  const canLink = useCan("zi.worksheet.write");
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const stats: Array<[string, string]> = [
    [t("grat.recapTotal"), f.number(r.total)],
    [t("gratAction.ditolak"), f.number(r.refused)],
    [t("grat.recapForwarded"), f.number(r.forwardedToKpk)],
    [t("grat.recapOnTime"), `${f.number(r.reportedOnTime)} / ${f.number(r.total)}`],
    [t("grat.recapValue"), f.rupiah(r.totalValueIdr)],
    [t("grat.tabCampaigns"), f.number(r.campaigns)],
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {stats.map(([label, value]) => (
          <Card withBorder key={label} padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t("grat.recapChart", { year })}
          </Title>
          {canLink ? (
            <EvidenceButton
              type="grat-recap"
              id={String(year)}
              unitId={unitId}
              keys={LKE_KEYS.gratification}
            />
          ) : null}
        </Group>
        <MonthBars
          data={r.byMonth}
          title={t("grat.recapChart", { year })}
          labels={{
            refused: t("gratAction.ditolak"),
            accepted: t("gratAction.diterima"),
            months: (t("common.months", { returnObjects: true }) as string[]) ?? [],
          }}
        />
      </Card>
    </Stack>
  );
}

function Campaigns({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useCampaigns(unitId, year);
  const m = useGratMutations();
  const canLink = useCan("zi.worksheet.write");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(todayJakarta());
  const [channel, setChannel] = useState("");
  const [url, setUrl] = useState("");
  const columns: DataTableColumn<Campaign>[] = [
    { key: "date", header: t("grat.campaignDate"), cell: (c) => f.date(c.date), sortValue: (c) => c.date },
    {
      key: "title",
      header: t("grat.campaignTitle"),
      cell: (c) =>
        c.url ? (
          <Anchor href={c.url} target="_blank" rel="noreferrer">
            {c.title}
          </Anchor>
        ) : (
          c.title
        ),
    },
    { key: "channel", header: t("grat.campaignChannel"), cell: (c) => c.channel },
    {
      key: "act",
      header: t("common.actions"),
      cell: (c) => (
        <Group gap={4} wrap="nowrap">
          {canLink ? (
            <EvidenceButton type="grat-campaign" id={c.id} unitId={unitId} keys={LKE_KEYS.gratification} />
          ) : null}
          <ConfirmButton
            size="xs"
            variant="subtle"
            danger
            title={t("grat.campaignRemoveTitle")}
            message={c.title}
            confirmLabel={t("common.remove")}
            onConfirm={() => m.removeCampaign.mutateAsync(c.id)}
          >
            {t("common.remove")}
          </ConfirmButton>
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("grat.campaignAdd")}
        </Title>
        <Group align="flex-end" grow>
          <TextInput
            label={t("grat.campaignTitle")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label={t("grat.campaignDate")}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <TextInput
            label={t("grat.campaignChannel")}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
          />
          <TextInput
            label={t("grat.campaignUrl")}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <Button
            disabled={!title.trim() || !channel.trim()}
            loading={m.addCampaign.isPending}
            onClick={() =>
              m.addCampaign.mutate(
                { unitId, title, date, channel, url: url || undefined },
                {
                  onSuccess: () => {
                    setTitle("");
                    setChannel("");
                    setUrl("");
                  },
                },
              )
            }
          >
            {t("common.add")}
          </Button>
        </Group>
        {m.addCampaign.isError ? <ErrorAlert error={m.addCampaign.error} /> : null}
      </Card>
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <DataTable
          caption={t("grat.tabCampaigns")}
          columns={columns}
          rows={q.data.items}
          rowKey={(c) => c.id}
          empty={<EmptyState title={t("grat.campaignNone")} />}
        />
      )}
    </Stack>
  );
}
