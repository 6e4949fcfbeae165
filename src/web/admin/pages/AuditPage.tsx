import { Box, Button, Group, Select, Text, TextInput } from "@mantine/core";
import { IconFilter, IconFilterOff } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../ui/components/DataTable";
import { EmptyState } from "../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../ui/components/PageHeader";
import { PageLoader } from "../../../ui/components/PageLoader";
import { zonedDayStart } from "../../../ui/format";
import { useFormat } from "../../../ui/i18n";
import { useSession } from "../../../ui/session";
import type { AuditEvent } from "../../../ui/types";
import { type AuditFilter, useAudit, useUnits } from "../api";
import { auditActionLabel } from "../audit-labels";

/** `key: value` pairs of an event's data, each value cut to `max` characters. */
export function compactData(data: unknown, max = 60): string[] {
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) return [cut(JSON.stringify(data), max)];
  return Object.entries(data as Record<string, unknown>).map(([k, v]) => {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return `${k}: ${cut(text ?? "", max)}`;
  });
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function DataCell({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const lines = compactData(data);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  const shown = lines.slice(0, 3);
  return (
    <Box fz="xs" style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>
      {shown.map((l) => (
        <div key={l}>{l}</div>
      ))}
      {lines.length > 3 || JSON.stringify(data).length > 180 ? (
        <details>
          <summary style={{ cursor: "pointer" }}>{t("admin.audit.allData", { count: lines.length })}</summary>
          <pre style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", margin: 0 }}>
            {JSON.stringify(data, null, 2)}
          </pre>
        </details>
      ) : null}
    </Box>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { units: myUnits, currentUnit, can } = useSession();
  const allUnits = useUnits(can("org.unit.read"));
  const units = allUnits.data?.items ?? myUnits;
  const zone = currentUnit?.zone ?? "WIB";

  // The header's work unit is the page's context (its subtree); the person can widen it to all units.
  const contextUnitId = currentUnit?.id ?? "";
  const [draft, setDraft] = useState({ action: "", unitId: contextUnitId, from: "", to: "" });
  const [filter, setFilter] = useState<AuditFilter>({ unitId: contextUnitId || undefined });
  useEffect(() => {
    setDraft((d) => ({ ...d, unitId: contextUnitId }));
    setFilter((f) => ({ ...f, unitId: contextUnitId || undefined }));
  }, [contextUnitId]);
  const audit = useAudit(filter);
  const rows = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, `${u.name} (${u.code})`])), [units]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter({
      action: draft.action.trim() || undefined,
      unitId: draft.unitId || undefined,
      from: draft.from ? zonedDayStart(draft.from, zone) : undefined,
      to: draft.to ? zonedDayStart(draft.to, zone, true) : undefined,
    });
  }
  function reset() {
    setDraft({ action: "", unitId: "", from: "", to: "" });
    setFilter({});
  }
  const filtered = Object.values(filter).some(Boolean);
  const narrowed = Boolean(filter.action || filter.from || filter.to);

  const columns: DataTableColumn<AuditEvent>[] = [
    {
      key: "at",
      header: t("admin.audit.at"),
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          <time dateTime={e.at}>{f.dateTime(e.at, { zone })}</time>
        </Text>
      ),
      sortValue: (e) => e.seq,
      width: 190,
    },
    {
      key: "actor",
      header: t("admin.audit.actor"),
      cell: (e) => e.actorLabel,
      sortValue: (e) => e.actorLabel,
    },
    {
      key: "action",
      header: t("admin.audit.action"),
      cell: (e) => (
        <div>
          <Text size="sm">{auditActionLabel(t, e.action)}</Text>
          <Text size="xs" c="dimmed">
            <code>{e.action}</code>
          </Text>
        </div>
      ),
      sortValue: (e) => e.action,
    },
    {
      key: "unit",
      header: t("admin.audit.unit"),
      cell: (e) => (e.unitId ? (unitName.get(e.unitId) ?? e.unitId) : "–"),
    },
    {
      key: "entity",
      header: t("admin.audit.entity"),
      cell: (e) =>
        e.entityType ? (
          <Text size="sm">
            {e.entityType}
            {e.entityId ? (
              <Text span size="xs" c="dimmed" title={e.entityId}>
                {" "}
                …{e.entityId.slice(-8)}
              </Text>
            ) : null}
          </Text>
        ) : (
          "–"
        ),
    },
    { key: "data", header: t("admin.audit.data"), cell: (e) => <DataCell data={e.data} /> },
  ];

  return (
    <>
      <PageHeader title={t("admin.audit.title")} description={t("admin.audit.description")} />
      <form onSubmit={apply} aria-label={t("admin.audit.filters")}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            label={t("admin.audit.actionPrefix")}
            description={t("admin.audit.actionPrefixHelp")}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            w={{ base: "100%", sm: 220 }}
          />
          <Select
            label={t("admin.audit.unit")}
            description={t("admin.audit.unitHelp")}
            data={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
            value={draft.unitId || null}
            onChange={(v) => setDraft({ ...draft, unitId: v ?? "" })}
            clearable
            searchable
            placeholder={t("admin.audit.allUnits")}
            nothingFoundMessage={t("ui.nothingFound")}
            w={{ base: "100%", sm: 260 }}
          />
          <TextInput
            type="date"
            label={t("admin.audit.from")}
            description={zone}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            w={{ base: "100%", sm: 170 }}
          />
          <TextInput
            type="date"
            label={t("admin.audit.to")}
            description={zone}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            w={{ base: "100%", sm: 170 }}
          />
          <Group gap="xs">
            <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
              {t("ui.applyFilters")}
            </Button>
            {filtered ? (
              <Button variant="default" onClick={reset} leftSection={<IconFilterOff size={16} aria-hidden />}>
                {t("ui.resetFilters")}
              </Button>
            ) : null}
          </Group>
        </Group>
      </form>
      {audit.error && !audit.data ? (
        <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.isPending ? (
        <PageLoader minHeight="20vh" />
      ) : (
        <DataTable
          caption={t("admin.audit.caption")}
          columns={columns}
          rows={rows}
          rowKey={(e) => String(e.seq)}
          filterable={false}
          initialSort={{ key: "at", direction: "desc" }}
          empty={
            <EmptyState
              title={t(narrowed ? "admin.audit.emptyFiltered" : "admin.audit.empty")}
              description={narrowed ? t("admin.audit.emptyFilteredHelp") : undefined}
            />
          }
          footer={
            <Group justify="space-between" mt="md">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("admin.audit.shown", { count: rows.length })}
              </Text>
              {audit.hasNextPage ? (
                <Button
                  variant="light"
                  onClick={() => void audit.fetchNextPage()}
                  loading={audit.isFetchingNextPage}
                >
                  {t("admin.audit.loadMore")}
                </Button>
              ) : rows.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t("admin.audit.end")}
                </Text>
              ) : null}
            </Group>
          }
        />
      )}
      {audit.error && audit.data ? <ErrorAlert error={audit.error} /> : null}
    </>
  );
}
