import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconClock, IconInfoCircle, IconPencil, IconPlus, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../ui/api";
import { EmptyState } from "../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../ui/components/PageLoader";
import type { Zone } from "../../../ui/format";
import { useFormat } from "../../../ui/i18n";
import { notifySuccess } from "../../../ui/notify";
import { useSession } from "../../../ui/session";
import { type Unit, ZONES } from "../../../ui/types";
import {
  type HoursConfig,
  useCalendarMutations,
  useUnitHours,
  useUnits,
  WEEKDAYS,
  type Weekday,
  type WorkInterval,
} from "../api";
import { cleanHours, formatDayHours, type HoursProblem, hoursProblems, weekMinutes } from "../calendar";

/**
 * The calendar page's working-hours tab: pick a unit in scope, see where its hours come from, and
 * (with org.unit.write) give it its own. The units page opens the same panel from each unit's row.
 */
export function UnitHoursSection() {
  const { t } = useTranslation();
  const { can } = useSession();
  const units = useUnits();
  const [picked, setPicked] = useState<string | null>(null);

  if (units.error) return <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />;
  if (units.isPending) return <PageLoader minHeight="10rem" />;
  const all = units.data.items;
  if (all.length === 0)
    return <EmptyState icon={<IconClock size={28} aria-hidden />} title={t("admin.hours.noUnits")} />;
  const unit = all.find((u) => u.id === picked) ?? all[0]!;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw="48rem">
        {t("admin.hours.sectionHelp")}
      </Text>
      <Select
        label={t("admin.hours.unit")}
        data={all.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
        value={unit.id}
        onChange={(v) => v && setPicked(v)}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t("admin.hours.unitNotFound")}
        w={{ base: "100%", sm: 420 }}
      />
      {/* Keyed by unit: switching units mid-edit starts from that unit's hours, not the other's draft. */}
      <UnitHoursPanel key={unit.id} unit={unit} units={all} canWrite={can("org.unit.write")} />
    </Stack>
  );
}

/**
 * A unit's working hours (the SLA clocks run on them): its own, inherited from the nearest ancestor
 * with its own, or the default Kemenkeu hours; holders of org.unit.write give the unit its own.
 */
export function UnitHoursPanel({
  unit,
  units,
  canWrite,
}: {
  unit: Unit;
  units: readonly Unit[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const hours = useUnitHours(unit.id);
  const [editing, setEditing] = useState(false);

  if (hours.error) return <ErrorAlert error={hours.error} onRetry={() => void hours.refetch()} />;
  if (hours.isPending) return <PageLoader minHeight="10rem" />;
  const { config, fromUnitId } = hours.data;
  const from = fromUnitId ? units.find((u) => u.id === fromUnitId) : undefined;
  const origin =
    fromUnitId === null
      ? t("admin.hours.fromDefault")
      : fromUnitId === unit.id
        ? t("admin.hours.fromOwn")
        : from
          ? t("admin.hours.fromUnit", { name: `${from.name} (${from.code})` })
          : t("admin.hours.fromAncestor");

  if (editing)
    return (
      <HoursForm
        unit={unit}
        initial={config}
        inherited={fromUnitId !== unit.id}
        onDone={() => setEditing(false)}
      />
    );

  return (
    <Stack gap="sm">
      <Text size="sm">{origin}</Text>
      <HoursTable config={config} />
      {canWrite ? (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPencil size={16} aria-hidden />}
            variant="light"
            onClick={() => setEditing(true)}
          >
            {t("admin.hours.edit")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Senin … Minggu with their intervals ('07.30–16.00 WIB') or 'Libur', and the week's total. */
export function HoursTable({ config }: { config: HoursConfig }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = weekMinutes(config);
  return (
    <Box>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption style={{ captionSide: "bottom", textAlign: "left" }}>
          {t("admin.hours.total", { hours: f.number(total / 60, { maxDecimals: 2 }) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.hours.day")}</Table.Th>
            <Table.Th scope="col">{t("admin.hours.hours")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {WEEKDAYS.map((d) => {
            const text = formatDayHours(config.week[d], config.zone, f.lang);
            return (
              <Table.Tr key={d}>
                <Table.Th scope="row" fw={500}>
                  {t(`admin.hours.days.${d}`)}
                </Table.Th>
                <Table.Td>
                  {text ? (
                    text
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t("admin.hours.off")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

const DEFAULT_INTERVAL = { start: "07:30", end: "16:00" };

/** A second session: the usual lunch break (12.00–13.00) cut out of the first, when it spans it. */
export function withBreak(first: WorkInterval): WorkInterval[] {
  if (first.start < "12:00" && first.end > "13:00")
    return [
      { start: first.start, end: "12:00" },
      { start: "13:00", end: first.end },
    ];
  return [first, { start: "", end: "" }];
}

function HoursForm({
  unit,
  initial,
  inherited,
  onDone,
}: {
  unit: Unit;
  initial: HoursConfig;
  inherited: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { saveHours } = useCalendarMutations();
  const [draft, setDraft] = useState<HoursConfig>(() => ({
    zone: initial.zone,
    week: Object.fromEntries(WEEKDAYS.map((d) => [d, (initial.week[d] ?? []).map((i) => ({ ...i }))])),
  }));
  const [problems, setProblems] = useState<Record<string, HoursProblem>>({});
  // The server's issues (paths like `week.1.0.end`) land on the same fields as our own checks.
  const server = issuesByPath(saveHours.error);
  const message = (key: string) => {
    const p = problems[key];
    return p ? t(`admin.hours.validation.${p}`) : server[key];
  };

  function setDay(d: Weekday, list: HoursConfig["week"][Weekday]) {
    setDraft((c) => ({ ...c, week: { ...c.week, [d]: list } }));
  }
  function setTime(d: Weekday, n: number, field: "start" | "end", value: string) {
    setDay(
      d,
      (draft.week[d] ?? []).map((i, k) => (k === n ? { ...i, [field]: value } : i)),
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = hoursProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    saveHours.mutate(
      { unitId: unit.id, config: cleanHours(draft) },
      {
        onSuccess: () => {
          notifySuccess(t("admin.hours.saved", { name: unit.name }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={saveHours.error} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="sm">{t(inherited ? "admin.hours.inheritNote" : "admin.hours.ownNote")}</Text>
        </Alert>
        <Select
          label={t("admin.units.zone")}
          description={t("admin.units.zoneHelp")}
          data={ZONES.map((z) => ({ value: z, label: t(`admin.units.zones.${z}`) }))}
          value={draft.zone}
          onChange={(x) => x && setDraft({ ...draft, zone: x as Zone })}
          allowDeselect={false}
          w={{ base: "100%", sm: 320 }}
        />
        <Text size="sm" c="dimmed">
          {t("admin.hours.formHelp")}
        </Text>
        {message("week") ? (
          <Text size="sm" c="red" role="alert">
            {message("week")}
          </Text>
        ) : null}
        <Stack gap={6}>
          {WEEKDAYS.map((d) => {
            const day = t(`admin.hours.days.${d}`);
            const list = draft.week[d] ?? [];
            return (
              <Box
                key={d}
                role="group"
                aria-label={day}
                py={6}
                style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
              >
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <Checkbox
                    w={130}
                    mt={8}
                    label={day}
                    checked={list.length > 0}
                    onChange={(e) => setDay(d, e.currentTarget.checked ? [{ ...DEFAULT_INTERVAL }] : [])}
                    aria-label={t("admin.hours.workingDay", { day })}
                  />
                  {list.length === 0 ? (
                    <Text size="sm" c="dimmed" mt={8}>
                      {t("admin.hours.off")}
                    </Text>
                  ) : (
                    <Stack gap={6}>
                      {list.map((i, n) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: at most two sessions, edited in place
                        <Group key={n} gap={6} align="flex-start" wrap="nowrap">
                          <TextInput
                            type="time"
                            aria-label={t("admin.hours.startOf", { day, n: n + 1 })}
                            value={i.start}
                            onChange={(e) => setTime(d, n, "start", e.currentTarget.value)}
                            error={message(`week.${d}.${n}.start`)}
                            w={120}
                          />
                          <Text mt={6} aria-hidden>
                            –
                          </Text>
                          <TextInput
                            type="time"
                            aria-label={t("admin.hours.endOf", { day, n: n + 1 })}
                            value={i.end}
                            onChange={(e) => setTime(d, n, "end", e.currentTarget.value)}
                            error={message(`week.${d}.${n}.end`)}
                            w={120}
                          />
                          {list.length > 1 ? (
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              mt={4}
                              aria-label={t("admin.hours.removeSession", { day, n: n + 1 })}
                              onClick={() =>
                                setDay(
                                  d,
                                  list.filter((_, k) => k !== n),
                                )
                              }
                            >
                              <IconX size={16} aria-hidden />
                            </ActionIcon>
                          ) : null}
                        </Group>
                      ))}
                      {message(`week.${d}`) ? (
                        <Text size="xs" c="red" role="alert">
                          {message(`week.${d}`)}
                        </Text>
                      ) : null}
                    </Stack>
                  )}
                  {list.length === 1 ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      mt={6}
                      leftSection={<IconPlus size={14} aria-hidden />}
                      aria-label={t("admin.hours.addSessionNamed", { day })}
                      onClick={() => setDay(d, withBreak(list[0]!))}
                    >
                      {t("admin.hours.addSession")}
                    </Button>
                  ) : null}
                </Group>
              </Box>
            );
          })}
        </Stack>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={saveHours.isPending}>
            {t("ui.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
