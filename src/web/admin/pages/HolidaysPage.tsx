import {
  Alert,
  Badge,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconCalendarEvent,
  IconCalendarOff,
  IconClock,
  IconInfoCircle,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { issuesByPath } from "../../../ui/api";
import { ConfirmButton } from "../../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../../ui/components/DataTable";
import { Dialog } from "../../../ui/components/Dialog";
import { EmptyState } from "../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../ui/components/PageHeader";
import { PageLoader } from "../../../ui/components/PageLoader";
import { useFormat } from "../../../ui/i18n";
import { notifySuccess } from "../../../ui/notify";
import { useSession } from "../../../ui/session";
import {
  HOLIDAY_KINDS,
  type Holiday,
  type HolidayKind,
  useCalendarMutations,
  useFetchHolidays,
  useHolidays,
} from "../api";
import { isLocalDate, jakartaYear, parseYear, SHIPPED_HOLIDAY_YEARS, yearOptions } from "../calendar";
import { UnitHoursSection } from "./UnitHours";

const KIND_COLORS: Record<HolidayKind, string> = { libur: "red", cuti_bersama: "orange" };
const CONFIDENCES = ["C1", "C2", "S", "U"];

function KindBadge({ kind }: { kind: HolidayKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={KIND_COLORS[kind] ?? "gray"} size="sm" style={{ whiteSpace: "nowrap" }}>
      {/* A kind this UI does not know yet (e.g. a future regional closure) shows as the server sends it. */}
      {t(`admin.calendar.kinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

function confidenceLabel(t: TFunction, confidence: string | null): { tag: string; help: string } {
  if (!confidence)
    return { tag: t("admin.calendar.confidence.manual"), help: t("admin.calendar.confidence.manualHelp") };
  if (CONFIDENCES.includes(confidence))
    return { tag: confidence, help: t(`admin.calendar.confidence.${confidence}`) };
  return { tag: confidence, help: t("admin.calendar.confidence.other") };
}

function ConfidenceTag({ confidence }: { confidence: string | null }) {
  const { t } = useTranslation();
  const { tag, help } = confidenceLabel(t, confidence);
  return (
    <Tooltip label={help} multiline w={260} withArrow>
      <Badge variant="outline" color={confidence ? "gray" : "blue"} size="sm">
        {tag}
        <VisuallyHidden>: {help}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

/** The decree text, cut to one line; the whole text is in the page (screen readers) and in the tooltip. */
function SourceCell({ source }: { source: string | null }) {
  if (!source)
    return (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  return (
    <Tooltip label={source} multiline w={420} withArrow openDelay={200}>
      <Text size="sm" truncate="end" maw={320}>
        {source}
      </Text>
    </Tooltip>
  );
}

type DialogState = { kind: "create" } | { kind: "edit"; holiday: Holiday } | null;

/** `?bagian=jam-kerja` opens the working-hours tab; the holiday year is `?tahun=2026`. */
const HOURS_TAB = "jam-kerja";

/**
 * /admin/kalender: the working calendar deadlines are counted on — national holidays and cuti
 * bersama by year, and (for holders of org.unit.read) each unit's working hours.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const showHours = can("org.unit.read");
  const tab = showHours && params.get("bagian") === HOURS_TAB ? "hours" : "holidays";

  function selectTab(value: string | null) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === "hours") next.set("bagian", HOURS_TAB);
        else next.delete("bagian");
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader title={t("admin.calendar.pageTitle")} description={t("admin.calendar.pageDescription")} />
      {showHours ? (
        <Tabs value={tab} onChange={selectTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="holidays" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
              {t("admin.calendar.title")}
            </Tabs.Tab>
            <Tabs.Tab value="hours" leftSection={<IconClock size={16} aria-hidden />}>
              {t("admin.hours.tab")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="holidays">
            <HolidaysPanel />
          </Tabs.Panel>
          <Tabs.Panel value="hours">
            <UnitHoursSection />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <HolidaysPanel />
      )}
    </>
  );
}

function HolidaysPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const canWrite = can("calendar.holiday.write");
  const [params, setParams] = useSearchParams();
  const currentYear = useMemo(() => jakartaYear(), []);
  const year = parseYear(params.get("tahun")) ?? currentYear;
  const years = useMemo(() => yearOptions(currentYear, year), [currentYear, year]);
  const holidays = useHolidays(year);
  const { deleteHoliday } = useCalendarMutations();
  const [dialog, setDialog] = useState<DialogState>(null);
  const rows = useMemo(() => holidays.data?.items ?? [], [holidays.data]);
  const counts = useMemo(
    () => ({
      libur: rows.filter((h) => h.kind === "libur").length,
      cuti: rows.filter((h) => h.kind === "cuti_bersama").length,
    }),
    [rows],
  );

  function selectYear(y: number) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (y === currentYear) next.delete("tahun");
        else next.set("tahun", String(y));
        return next;
      },
      { replace: true },
    );
  }

  const columns: DataTableColumn<Holiday>[] = [
    {
      key: "date",
      header: t("admin.calendar.date"),
      cell: (h) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          <time dateTime={h.date}>{f.date(h.date, { weekday: true })}</time>
        </Text>
      ),
      sortValue: (h) => h.date,
      filterText: (h) => f.date(h.date, { weekday: true }),
    },
    { key: "name", header: t("admin.calendar.name"), cell: (h) => h.name, sortValue: (h) => h.name },
    {
      key: "kind",
      header: t("admin.calendar.kind"),
      cell: (h) => <KindBadge kind={h.kind} />,
      sortValue: (h) => t(`admin.calendar.kinds.${h.kind}`, { defaultValue: h.kind }),
    },
    {
      key: "source",
      header: t("admin.calendar.source"),
      cell: (h) => <SourceCell source={h.source} />,
      filterText: (h) => h.source,
    },
    {
      key: "confidence",
      header: t("admin.calendar.confidenceHeader"),
      cell: (h) => <ConfidenceTag confidence={h.confidence} />,
    },
  ];
  if (canWrite)
    columns.push({
      key: "actions",
      header: t("ui.actions"),
      cell: (h) => {
        const label = { name: h.name, date: f.date(h.date) };
        return (
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={t("admin.calendar.editNamed", label)}
              onClick={() => setDialog({ kind: "edit", holiday: h })}
            >
              {t("ui.edit")}
            </Button>
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              leftSection={<IconTrash size={14} aria-hidden />}
              aria-label={t("admin.calendar.removeNamed", label)}
              title={t("admin.calendar.removeTitle")}
              message={t("admin.calendar.removeMessage", label)}
              confirmLabel={t("ui.remove")}
              onConfirm={async () => {
                await deleteHoliday.mutateAsync(h.date);
                notifySuccess(t("admin.calendar.removed", label));
              }}
            >
              {t("ui.remove")}
            </ConfirmButton>
          </Group>
        );
      },
    });

  const shipped = SHIPPED_HOLIDAY_YEARS.includes(year);

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm" maw="48rem">
        {t("admin.calendar.description")}
      </Text>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="md">
        <Text size="sm">{t("admin.calendar.noteSla")}</Text>
        <Text size="sm" mt={4}>
          {t(canWrite ? "admin.calendar.noteIsbatWriter" : "admin.calendar.noteIsbat")}
        </Text>
      </Alert>
      <Group mb="md" align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t("admin.calendar.year")}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => v && selectYear(Number(v))}
          allowDeselect={false}
          w={140}
        />
        {rows.length > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("admin.calendar.counts", {
              libur: t("admin.calendar.countLibur", { count: counts.libur }),
              cuti: t("admin.calendar.countCuti", { count: counts.cuti }),
            })}
          </Text>
        ) : null}
        {canWrite ? (
          <Button
            ml="auto"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: "create" })}
          >
            {t("admin.calendar.create")}
          </Button>
        ) : null}
      </Group>
      {holidays.error && !holidays.data ? (
        <ErrorAlert error={holidays.error} onRetry={() => void holidays.refetch()} />
      ) : holidays.isPending ? (
        <PageLoader minHeight="20vh" />
      ) : (
        <DataTable
          caption={t("admin.calendar.caption", { year })}
          columns={columns}
          rows={rows}
          rowKey={(h) => h.date}
          filterLabel={t("admin.calendar.filter")}
          initialSort={{ key: "date", direction: "asc" }}
          empty={
            <EmptyState
              icon={<IconCalendarOff size={28} aria-hidden />}
              title={t("admin.calendar.empty", { year })}
              description={t(shipped ? "admin.calendar.emptyShipped" : "admin.calendar.emptyHelp")}
              action={
                canWrite ? (
                  <Button variant="light" onClick={() => setDialog({ kind: "create" })}>
                    {t("admin.calendar.create")}
                  </Button>
                ) : undefined
              }
            />
          }
        />
      )}

      <Dialog
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.kind === "edit"
            ? t("admin.calendar.editTitle", { name: dialog.holiday.name })
            : t("admin.calendar.create")
        }
      >
        {dialog ? (
          <HolidayForm
            holiday={dialog.kind === "edit" ? dialog.holiday : null}
            onDone={(saved) => {
              setDialog(null);
              const y = saved ? Number(saved.slice(0, 4)) : year;
              if (y !== year) selectYear(y);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function HolidayForm({ holiday, onDone }: { holiday: Holiday | null; onDone: (savedDate?: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { saveHoliday } = useCalendarMutations();
  const fetchHolidays = useFetchHolidays();
  const [v, setV] = useState<{ date: string; name: string; kind: HolidayKind; source: string }>({
    date: holiday?.date ?? "",
    name: holiday?.name ?? "",
    kind: holiday?.kind ?? "libur",
    source: holiday?.source ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [checking, setChecking] = useState(false);
  const server = issuesByPath(saveHoliday.error);
  const moving = holiday !== null && v.date !== holiday.date;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string | undefined> = {
      date: isLocalDate(v.date) ? undefined : t("admin.calendar.validation.date"),
      name: v.name.trim() ? undefined : t("admin.calendar.validation.name"),
    };
    // PUT overwrites: refuse a date that already holds another holiday instead of replacing it silently.
    if (!problems.date && (!holiday || moving)) {
      setChecking(true);
      try {
        const existing = (await fetchHolidays(Number(v.date.slice(0, 4)))).items.find(
          (h) => h.date === v.date,
        );
        if (existing)
          problems.date = t("admin.calendar.validation.taken", { name: existing.name, date: f.date(v.date) });
      } catch {
        // The server still saves correctly; the check only protects from overwriting by mistake.
      } finally {
        setChecking(false);
      }
    }
    setErrors(problems);
    if (problems.date || problems.name) return;
    saveHoliday.mutate(
      {
        date: v.date,
        name: v.name.trim(),
        kind: v.kind,
        source: v.source.trim() || null,
        previousDate: holiday && moving ? holiday.date : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t("admin.calendar.saved", { name: v.name.trim(), date: f.date(v.date) }));
          onDone(v.date);
        },
      },
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={saveHoliday.error} />
        <TextInput
          type="date"
          label={t("admin.calendar.date")}
          description={
            holiday && moving
              ? t("admin.calendar.moveHelp", { date: f.date(holiday.date) })
              : holiday
                ? t("admin.calendar.dateEditHelp")
                : t("admin.calendar.dateHelp")
          }
          required
          value={v.date}
          onChange={(e) => setV({ ...v, date: e.currentTarget.value })}
          error={errors.date ?? server.date}
          w={{ base: "100%", sm: 220 }}
          data-autofocus
        />
        <TextInput
          label={t("admin.calendar.name")}
          description={t("admin.calendar.nameHelp")}
          required
          maxLength={200}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name ?? server.name}
        />
        <Radio.Group
          label={t("admin.calendar.kind")}
          required
          value={v.kind}
          onChange={(k) => setV({ ...v, kind: k as HolidayKind })}
          error={server.kind}
        >
          <Group gap="lg" mt={6}>
            {HOLIDAY_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`admin.calendar.kinds.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("admin.calendar.source")}
          description={t("admin.calendar.sourceHelp")}
          maxLength={500}
          autosize
          minRows={2}
          maxRows={6}
          value={v.source}
          onChange={(e) => setV({ ...v, source: e.currentTarget.value })}
          error={server.source}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => onDone()}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={checking || saveHoliday.isPending}>
            {t("ui.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
