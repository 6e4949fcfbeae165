import { Anchor, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconChartBar, IconListDetails } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import { formatRemaining, type InboxItem, SR_PERMISSIONS, SR_STATES } from "../../contract";
import { useAssignees, useCatalogue, useInbox } from "../api";
import { SLA_COLOR, SlaBadge, StateBadge } from "../components/Badges";
import { loc } from "../components/text";
import { byTimeLeft, type SlaTone, slaTone } from "../lib";

const TONES: SlaTone[] = ["breached", "warning", "ok", "paused"];

/** /layanan/permohonan — staff inbox ordered by time left, coloured (and worded) by SLA state. */
export default function InboxPage() {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canConfigure = useCan(SR_PERMISSIONS.configure);
  const [state, setState] = useState<string | null>("open");
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [tone, setTone] = useState<SlaTone | null>(null);
  const inbox = useInbox({
    unitId: unit?.id,
    state: (state ?? undefined) as never,
    serviceId: serviceId ?? undefined,
    assignee: assignee ?? undefined,
  });
  const catalogue = useCatalogue(unit?.id);
  const assignees = useAssignees(unit?.id);

  const all = useMemo(() => [...(inbox.data?.items ?? [])].sort(byTimeLeft), [inbox.data]);
  const counts = useMemo(() => {
    const c: Record<SlaTone, number> = { ok: 0, warning: 0, breached: 0, paused: 0, stopped: 0 };
    for (const r of all) c[slaTone(r.sla)]++;
    return c;
  }, [all]);
  const rows = tone ? all.filter((r) => slaTone(r.sla) === tone) : all;
  const rank = new Map(all.map((r, i) => [r.id, i]));

  const columns: DataTableColumn<InboxItem>[] = [
    {
      key: "timeLeft",
      header: t("inbox.timeLeft"),
      cell: (r) => (
        <Box
          pl="xs"
          style={{ borderLeft: `4px solid ${SLA_COLOR[slaTone(r.sla)]}` }}
          data-sla={slaTone(r.sla)}
        >
          <SlaBadge sla={r.sla} />
          <Text size="sm" fw={600} mt={2}>
            {formatRemaining(r.sla, f.lang)}
          </Text>
          {r.sla.dueAt && !r.sla.stopped ? (
            <Text size="xs" c="dimmed">
              {t("slaPanel.due")}: {f.dateTime(r.sla.dueAt)}
            </Text>
          ) : null}
        </Box>
      ),
      sortValue: (r) => rank.get(r.id) ?? 0,
    },
    {
      key: "number",
      header: t("inbox.number"),
      cell: (r) => (
        <Anchor component={Link} to={`/layanan/permohonan/${encodeURIComponent(r.id)}`} fw={600}>
          {r.number}
        </Anchor>
      ),
      sortValue: (r) => r.number,
    },
    {
      key: "service",
      header: t("inbox.service"),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">{loc(r.serviceName, f.lang)}</Text>
          <Text size="xs" c="dimmed">
            {r.requesterName}
          </Text>
        </Stack>
      ),
      sortValue: (r) => loc(r.serviceName, f.lang),
      filterText: (r) => `${r.number} ${loc(r.serviceName, f.lang)} ${r.requesterName}`,
    },
    {
      key: "state",
      header: t("inbox.state"),
      cell: (r) => <StateBadge state={r.state} />,
      sortValue: (r) => r.state,
    },
    {
      key: "assignee",
      header: t("inbox.assignee"),
      cell: (r) => r.assigneeName ?? t("inbox.unassigned"),
      sortValue: (r) => r.assigneeName ?? "",
    },
    {
      key: "submitted",
      header: t("inbox.submitted"),
      cell: (r) => f.dateTime(r.submittedAt),
      sortValue: (r) => r.submittedAt,
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t("inbox.title")}
        eyebrow={unit?.name}
        description={t("inbox.description")}
        actions={
          <>
            <Button
              component={Link}
              to="/layanan/permohonan/dasbor"
              variant="light"
              leftSection={<IconChartBar size={16} aria-hidden />}
            >
              {t("nav.dashboard")}
            </Button>
            {canConfigure ? (
              <Button
                component={Link}
                to="/layanan/permohonan/katalog"
                variant="default"
                leftSection={<IconListDetails size={16} aria-hidden />}
              >
                {t("nav.catalogue")}
              </Button>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-label={t("inbox.counts")}>
        {TONES.map((k) => (
          <Paper
            key={k}
            withBorder
            p="sm"
            component="button"
            type="button"
            onClick={() => setTone((cur) => (cur === k ? null : k))}
            aria-pressed={tone === k}
            style={{
              borderLeft: `6px solid ${SLA_COLOR[k]}`,
              cursor: "pointer",
              textAlign: "left",
              background: tone === k ? "var(--mantine-color-gray-1)" : undefined,
            }}
            data-testid={`count-${k}`}
          >
            <Text component="span" display="block" fz="xl" fw={700}>
              {f.number(counts[k])}
            </Text>
            <Text component="span" display="block" size="sm">
              {t(`sla.${k}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group align="end" wrap="wrap">
        <Select
          label={t("inbox.state")}
          value={state}
          onChange={setState}
          clearable
          data={[
            { value: "open", label: t("inbox.open") },
            ...SR_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })),
          ]}
        />
        <Select
          label={t("inbox.service")}
          value={serviceId}
          onChange={setServiceId}
          clearable
          data={(catalogue.data?.items ?? []).map((s) => ({ value: s.id, label: loc(s.name, f.lang) }))}
        />
        <Select
          label={t("inbox.assignee")}
          value={assignee}
          onChange={setAssignee}
          clearable
          searchable
          data={[
            { value: "me", label: t("inbox.mine") },
            { value: "none", label: t("inbox.unassigned") },
            ...(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Group>
      {inbox.isPending && unit ? (
        <PageLoader />
      ) : inbox.isError ? (
        <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <DataTable
          caption={t("inbox.title")}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          initialSort={{ key: "timeLeft", direction: "asc" }}
          empty={<Text c="dimmed">{t("inbox.empty")}</Text>}
        />
      )}
    </Stack>
  );
}
