import { Anchor, Button, Card, Group, Select, Spoiler, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconFileTypePdf, IconLock, IconMailForward, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { RoundDetail, RoundSummary, Signer } from "../../contract";
import { PACT_PERMISSIONS } from "../../domain/pact";
import { pactDownloads, usePactMutations, useRound, useRounds } from "../api";
import { OpenRoundDialog } from "../components/OpenRoundDialog";
import { ProgressRing } from "../components/ProgressRing";
import { RoundQuestionsCard } from "../components/RoundQuestionsCard";

const STATUS_TONE: Record<RoundSummary["status"], StatusTone> = {
  scheduled: "neutral",
  open: "info",
  closed: "neutral",
};

function usePeriod() {
  const { t } = useTranslation("pact");
  const f = useFormat();
  return (r: { opensOn: string; closesOn: string | null }) =>
    r.closesOn
      ? t("period.range", { opens: f.date(r.opensOn), closes: f.date(r.closesOn) })
      : t("period.noClose", { opens: f.date(r.opensOn) });
}

/** /pakta — the head's page: rounds, progress, the signer table, reminders and PDFs. */
export default function RoundsPage() {
  const { t } = useTranslation("pact");
  const unit = useCurrentUnit();
  const canManage = useCan(PACT_PERMISSIONS.manage);
  const [params, setParams] = useSearchParams();
  const [formOpen, setFormOpen] = useState(false);
  const rounds = useRounds(unit?.id);
  const items = rounds.data?.items ?? [];
  const selectedId = params.get("putaran") ?? items[0]?.id;
  const select = (id: string) => setParams({ putaran: id }, { replace: true });

  if (!unit)
    return <EmptyState headingOrder={1} title={t("rounds.pageTitle")} description={t("common.noUnit")} />;

  const openButton = canManage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormOpen(true)}>
      {t("rounds.open")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t("rounds.pageTitle")}
        description={t("rounds.description", { unit: unit.name })}
        actions={openButton}
      />
      {formOpen ? (
        <OpenRoundDialog
          opened
          onClose={() => setFormOpen(false)}
          unit={unit}
          onOpened={(r) => select(r.id)}
        />
      ) : null}
      {rounds.isPending ? (
        <PageLoader />
      ) : rounds.isError ? (
        <ErrorAlert
          error={rounds.error}
          title={t("common.loadFailed")}
          onRetry={() => void rounds.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={t("rounds.none")}
          description={canManage ? t("rounds.noneHint") : t("rounds.noneReader")}
          action={openButton}
        />
      ) : (
        <Stack gap="lg">
          {items.length > 1 ? (
            <Select
              label={t("rounds.choose")}
              data={items.map((r) => ({ value: r.id, label: `${r.title} · ${t(`status.${r.status}`)}` }))}
              value={selectedId ?? null}
              onChange={(v) => v && select(v)}
              allowDeselect={false}
              maw={520}
            />
          ) : null}
          {selectedId ? <RoundPanel id={selectedId} /> : null}
          {items.length > 1 ? <History items={items} onSelect={select} /> : null}
        </Stack>
      )}
    </>
  );
}

function RoundPanel({ id }: { id: string }) {
  const { t } = useTranslation("pact");
  const round = useRound(id);
  if (round.isPending) return <PageLoader />;
  if (round.isError)
    return (
      <ErrorAlert error={round.error} title={t("common.loadFailed")} onRetry={() => void round.refetch()} />
    );
  return (
    <Stack gap="lg">
      <Summary detail={round.data} />
      {round.data.canManage ? <RoundQuestionsCard roundId={round.data.round.id} /> : null}
      <SignerTable detail={round.data} />
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t("rounds.text")}
        </Title>
        <Spoiler maxHeight={140} showLabel="▾" hideLabel="▴">
          <Text style={{ whiteSpace: "pre-wrap" }} size="sm">
            {round.data.round.body}
          </Text>
        </Spoiler>
        <Text size="xs" c="dimmed" mt="xs" style={{ wordBreak: "break-all" }}>
          {t("rounds.hash", { hash: round.data.round.textHash })}
        </Text>
      </Card>
    </Stack>
  );
}

function Summary({ detail }: { detail: RoundDetail }) {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const period = usePeriod();
  const { round, canManage } = detail;
  const { close, remind } = usePactMutations();
  const c = round.completion;
  const unsigned = c.total - c.signed;
  const pct = f.number(c.percent, { maxDecimals: 2 });
  return (
    <Card withBorder padding="lg">
      <Group align="center" gap="xl" wrap="wrap">
        <ProgressRing
          percent={c.percent}
          label={t("common.percent", { value: pct })}
          sublabel={t("rounds.signedCount", { signed: c.signed, total: c.total })}
          ariaLabel={t("rounds.ringLabel", { signed: c.signed, total: c.total, percent: pct })}
        />
        <Stack gap={6} style={{ flex: "1 1 16rem", minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} size="h3">
              {round.title}
            </Title>
            <StatusBadge
              tone={STATUS_TONE[round.status]}
              icon={round.status === "closed" ? IconLock : undefined}
            >
              {t(`status.${round.status}`)}
            </StatusBadge>
          </Group>
          <Text size="sm" c="dimmed">
            {period(round)} · {t("rounds.openedBy", { name: round.createdByName })}
          </Text>
          <Text size="sm">
            {t("common.countOf", { signed: c.signed, total: c.total })} ·{" "}
            {unsigned === 0 ? t("rounds.complete") : t("rounds.remaining", { count: unsigned })}
          </Text>
          <Group gap="sm" mt="xs" wrap="wrap">
            {canManage && round.status === "open" ? (
              <ConfirmButton
                danger={false}
                variant="filled"
                leftSection={<IconMailForward size={16} aria-hidden />}
                disabled={unsigned === 0}
                title={t("rounds.remindTitle")}
                message={t("rounds.remindMessage", { count: unsigned })}
                confirmLabel={t("rounds.remindConfirm")}
                onConfirm={async () => {
                  const r = await remind.mutateAsync(round.id);
                  notifySuccess(t("rounds.reminded", { queued: r.queued, already: r.alreadyToday }));
                }}
              >
                {t("rounds.remind")}
              </ConfirmButton>
            ) : null}
            <Button
              component="a"
              href={pactDownloads.rollup(round.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t("rounds.rollup")}
            </Button>
            {canManage && round.status !== "closed" ? (
              <ConfirmButton
                leftSection={<IconLock size={16} aria-hidden />}
                title={t("rounds.closeTitle")}
                message={t("rounds.closeMessage")}
                confirmLabel={t("rounds.closeConfirm")}
                onConfirm={async () => {
                  await close.mutateAsync(round.id);
                  notifySuccess(t("rounds.closed"));
                }}
              >
                {t("rounds.close")}
              </ConfirmButton>
            ) : null}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

type Show = "all" | "signed" | "unsigned";

function SignerTable({ detail }: { detail: RoundDetail }) {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const [show, setShow] = useState<Show>("all");
  const rows = useMemo(
    () =>
      detail.signers.filter((s) =>
        show === "signed" ? s.signedAt !== null : show === "unsigned" ? s.signedAt === null : true,
      ),
    [detail.signers, show],
  );
  const columns: DataTableColumn<Signer>[] = [
    {
      key: "name",
      header: t("signers.name"),
      sortValue: (s) => s.name,
      filterText: (s) => `${s.name} ${s.nip ?? ""} ${s.email}`,
      cell: (s) => (
        <Stack gap={0} miw={160}>
          <Text size="sm" fw={500}>
            {s.name}
          </Text>
          <Text size="xs" c="dimmed">
            {s.nip ?? s.email}
          </Text>
          {!s.staff ? (
            <Text size="xs" c="orange.8">
              {t("signers.former")}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: "roles",
      header: t("signers.roles"),
      filterText: (s) => s.roles.join(" "),
      cell: (s) => <Text size="xs">{s.roles.join(", ") || "–"}</Text>,
    },
    {
      key: "status",
      header: t("signers.status"),
      sortValue: (s) => (s.signedAt ? 1 : 0),
      filterText: () => null,
      cell: (s) =>
        s.signedAt ? (
          <StatusBadge tone="success" size="sm">
            {t("signers.signed")}
          </StatusBadge>
        ) : (
          <StatusBadge tone="warning" size="sm">
            {t("signers.unsigned")}
          </StatusBadge>
        ),
    },
    {
      key: "signedAt",
      header: t("signers.signedAt"),
      sortValue: (s) => s.signedAt,
      filterText: () => null,
      cell: (s) => (s.signedAt ? f.dateTime(s.signedAt) : "–"),
    },
    {
      key: "remindedAt",
      header: t("signers.remindedAt"),
      sortValue: (s) => s.remindedAt,
      filterText: () => null,
      cell: (s) => (s.remindedAt && !s.signedAt ? f.dateTime(s.remindedAt) : "–"),
    },
    {
      key: "doc",
      header: t("signers.document"),
      cell: (s) =>
        s.signedAt ? (
          <Anchor
            href={pactDownloads.signed(detail.round.id, s.userId)}
            download
            size="sm"
            aria-label={t("signers.downloadFor", { name: s.name })}
          >
            <Group gap={4} wrap="nowrap">
              <IconFileTypePdf size={16} aria-hidden />
              {t("signers.download")}
            </Group>
          </Anchor>
        ) : (
          "–"
        ),
    },
  ];
  return (
    <DataTable
      caption={t("signers.caption")}
      columns={columns}
      rows={rows}
      rowKey={(s) => s.userId}
      filterLabel={t("signers.filterLabel")}
      initialSort={{ key: "name", direction: "asc" }}
      empty={<EmptyState title={t("signers.empty")} />}
      toolbar={
        <Select
          label={t("signers.show")}
          data={[
            { value: "all", label: t("signers.all") },
            { value: "signed", label: t("signers.signed") },
            { value: "unsigned", label: t("signers.unsigned") },
          ]}
          value={show}
          onChange={(v) => setShow((v as Show) ?? "all")}
          allowDeselect={false}
          w={{ base: "100%", xs: 160 }}
        />
      }
    />
  );
}

function History({ items, onSelect }: { items: RoundSummary[]; onSelect: (id: string) => void }) {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const period = usePeriod();
  const columns: DataTableColumn<RoundSummary>[] = [
    {
      key: "title",
      header: t("rounds.colRound"),
      sortValue: (r) => r.title,
      cell: (r) => (
        <Anchor component="button" type="button" size="sm" onClick={() => onSelect(r.id)}>
          {r.title}
        </Anchor>
      ),
    },
    { key: "period", header: t("rounds.colPeriod"), sortValue: (r) => r.opensOn, cell: (r) => period(r) },
    {
      key: "status",
      header: t("rounds.colStatus"),
      sortValue: (r) => r.status,
      cell: (r) => (
        <StatusBadge tone={STATUS_TONE[r.status]} size="sm">
          {t(`status.${r.status}`)}
        </StatusBadge>
      ),
    },
    {
      key: "progress",
      header: t("rounds.colProgress"),
      align: "right",
      sortValue: (r) => r.completion.percent,
      filterText: () => null,
      cell: (r) =>
        `${t("rounds.signedCount", { signed: r.completion.signed, total: r.completion.total })} (${t("common.percent", { value: f.number(r.completion.percent, { maxDecimals: 2 }) })})`,
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("rounds.history")}
      </Title>
      <DataTable
        caption={t("rounds.historyCaption")}
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        filterable={false}
      />
    </Stack>
  );
}
