import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle, IconPencil } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { notifySuccess } from "../../../../ui/notify";
import type { ThresholdOverrides } from "../../domain/readiness";
import {
  type Predicate,
  type RubricDetail,
  type RubricGate,
  useRubric,
  useRubrics,
  useZiSettings,
  useZiSettingsMutations,
} from "../api";
import { useZiFormat } from "../format";

const PREDICATES: readonly Predicate[] = ["WBK", "WBBM"];
const fieldOf = (p: Predicate) => (p === "WBK" ? "wbk" : "wbbm");

/**
 * One override cell as typed. `value` is in the unit people read (a percentage for area gates, points
 * for score gates); "" means "use the rubric's number". `checked` is the gate's checkbox: "remove the
 * gate" (sends null), or for a prior-predicate gate the rubric does not ask for, "require it".
 */
interface Draft {
  value: number | string;
  checked: boolean;
}
type Drafts = Record<string, Record<Predicate, Draft>>;

/** Round away binary noise (0.29 × 100 = 28.999999999999996). */
const tidy = (n: number) => Number.parseFloat(n.toPrecision(12));

function rubricRequires(g: RubricGate, p: Predicate): boolean {
  return g[fieldOf(p)] !== null;
}

export function initialDrafts(gates: readonly RubricGate[], overrides: ThresholdOverrides): Drafts {
  const out: Drafts = {};
  for (const g of gates) {
    const byPred = {} as Record<Predicate, Draft>;
    for (const p of PREDICATES) {
      const o = overrides[g.key];
      const v = o && p in o ? o[p] : undefined;
      if (g.kind === "priorPredicate") {
        // null removes a required gate; any number requires an absent one.
        const checked = rubricRequires(g, p) ? v === null : typeof v === "number";
        byPred[p] = { value: "", checked };
      } else if (v === null) byPred[p] = { value: "", checked: true };
      else if (typeof v === "number")
        byPred[p] = { value: g.kind === "areaShare" ? tidy(v * 100) : v, checked: false };
      else byPred[p] = { value: "", checked: false };
    }
    out[g.key] = byPred;
  }
  return out;
}

function isOverridden(g: RubricGate, d: Draft): boolean {
  return g.kind === "priorPredicate" ? d.checked : d.checked || d.value !== "";
}

/** The PUT body from the drafts (only gates with an override), or the messages of invalid fields. */
export function buildOverrides(
  gates: readonly RubricGate[],
  drafts: Drafts,
): { overrides: Record<string, Partial<Record<Predicate, number | null>>>; errors: Record<string, string> } {
  const overrides: Record<string, Partial<Record<Predicate, number | null>>> = {};
  const errors: Record<string, string> = {};
  for (const g of gates) {
    for (const p of PREDICATES) {
      const d = drafts[g.key]?.[p];
      if (!d || !isOverridden(g, d)) continue;
      let value: number | null;
      if (g.kind === "priorPredicate") value = rubricRequires(g, p) ? null : 1;
      else if (d.checked) value = null;
      else {
        const n = typeof d.value === "number" ? d.value : Number(String(d.value).replace(",", "."));
        const id = `${g.key}:${p}`;
        if (!Number.isFinite(n)) {
          errors[id] = "settings.gates.errorInvalid";
          continue;
        }
        if (n < 0) {
          errors[id] = "settings.gates.errorNegative";
          continue;
        }
        if (n > 100) {
          errors[id] =
            g.kind === "areaShare" ? "settings.gates.errorMaxShare" : "settings.gates.errorMaxScore";
          continue;
        }
        value = g.kind === "areaShare" ? tidy(n / 100) : n;
      }
      overrides[g.key] = { ...overrides[g.key], [p]: value };
    }
  }
  return { overrides, errors };
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** /zi/pengaturan — the rubric's gate thresholds (with their references) and the proposal deadline. */
export default function SettingsPage() {
  const { t } = useTranslation("zi");
  const rubrics = useRubrics();
  const [picked, setPicked] = useState<string | null>(null);
  const rubricId = picked ?? rubrics.data?.items[0]?.id ?? null;
  const detail = useRubric(rubricId);

  let gates: ReactNode;
  if (rubrics.isPending || (rubricId && detail.isPending)) gates = <PageLoader />;
  else if (rubrics.isError || detail.isError)
    gates = (
      <ErrorAlert
        error={rubrics.error ?? detail.error}
        title={t("common.loadFailed")}
        onRetry={() => void (rubrics.isError ? rubrics.refetch() : detail.refetch())}
        mb="0"
      />
    );
  else if (detail.data)
    gates = (
      <GateEditor key={`${detail.data.id}:${JSON.stringify(detail.data.overrides)}`} rubric={detail.data} />
    );

  return (
    <Stack gap="lg">
      <PageHeader title={t("settings.page.title")} />
      <Alert
        color="yellow"
        variant="light"
        icon={<IconInfoCircle aria-hidden />}
        styles={{ message: { color: "var(--mantine-color-text)" } }}
      >
        {t("settings.page.intro")}
      </Alert>
      <Section title={t("settings.gates.title")} id="zi-settings-gates">
        <Stack gap="md">
          {rubrics.data && rubrics.data.items.length > 1 ? (
            <Select
              label={t("settings.rubric.select")}
              data={rubrics.data.items.map((r) => ({
                value: r.id,
                label: t("settings.rubric.option", { title: r.title, questions: r.questions }),
              }))}
              value={rubricId}
              onChange={(v) => v && setPicked(v)}
              allowDeselect={false}
              maw={560}
            />
          ) : rubrics.data?.items[0] ? (
            <Text size="sm">
              {t("settings.rubric.select")}:{" "}
              <strong>
                {t("settings.rubric.option", {
                  title: rubrics.data.items[0].title,
                  questions: rubrics.data.items[0].questions,
                })}
              </strong>
            </Text>
          ) : null}
          {gates}
        </Stack>
      </Section>
      <Section title={t("settings.deadline.title")} id="zi-settings-deadline">
        <DeadlineSection />
      </Section>
    </Stack>
  );
}

function GateEditor({ rubric }: { rubric: RubricDetail }) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const gates = rubric.thresholds.gates;
  const { thresholds } = useZiSettingsMutations();
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(gates, rubric.overrides));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const saved = Object.keys(rubric.overrides).length > 0;
  const anyDraft = gates.some((g) => PREDICATES.some((p) => isOverridden(g, drafts[g.key]![p])));

  function change(key: string, p: Predicate, patch: Partial<Draft>) {
    setDrafts((d) => ({ ...d, [key]: { ...d[key]!, [p]: { ...d[key]![p], ...patch } } }));
    setErrors((e) => {
      if (!(`${key}:${p}` in e)) return e;
      const { [`${key}:${p}`]: _, ...rest } = e;
      return rest;
    });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaveError(null);
    const built = buildOverrides(gates, drafts);
    setErrors(built.errors);
    if (Object.keys(built.errors).length > 0) return;
    try {
      await thresholds.mutateAsync({ rubricId: rubric.id, overrides: built.overrides });
      notifySuccess(t("settings.gates.saved"));
    } catch (err) {
      setSaveError(err);
    }
  }

  async function reset() {
    await thresholds.mutateAsync({ rubricId: rubric.id, overrides: {} });
    setDrafts(initialDrafts(gates, {}));
    setErrors({});
    setSaveError(null);
    notifySuccess(t("settings.gates.resetDone"));
  }

  function rubricValue(g: RubricGate, p: Predicate): string {
    const v = g[fieldOf(p)];
    if (v === null) return t("settings.gates.notRequired");
    if (g.kind === "priorPredicate") return t("settings.gates.requiresWbk");
    return g.kind === "areaShare" ? f.share(v as number) : f.score(v as number);
  }

  function overrideCell(g: RubricGate, p: Predicate) {
    const d = drafts[g.key]![p];
    const edited = isOverridden(g, d);
    const error = errors[`${g.key}:${p}`];
    const names = { predicate: p, gate: g.label };
    let control: ReactNode;
    if (g.kind === "priorPredicate") {
      const requires = rubricRequires(g, p);
      control = (
        <Checkbox
          size="xs"
          label={requires ? t("settings.gates.remove") : t("settings.gates.require")}
          aria-label={
            requires ? t("settings.gates.removeLabel", names) : t("settings.gates.requireLabel", names)
          }
          checked={d.checked}
          onChange={(e) => change(g.key, p, { checked: e.currentTarget.checked })}
        />
      );
    } else {
      const showRemove = rubricRequires(g, p) || d.checked;
      control = (
        <Stack gap={4}>
          <NumberInput
            size="xs"
            w={130}
            aria-label={t("settings.gates.input", names)}
            placeholder={t("settings.gates.placeholder", { value: rubricValue(g, p) })}
            value={d.value}
            onChange={(v) => change(g.key, p, { value: v })}
            disabled={d.checked}
            decimalSeparator={f.lang === "id" ? "," : "."}
            decimalScale={g.kind === "areaShare" ? 2 : 4}
            clampBehavior="none"
            hideControls
            rightSection={
              g.kind === "areaShare" ? (
                <Text size="xs" c="dimmed" aria-hidden>
                  %
                </Text>
              ) : undefined
            }
            error={error ? t(error) : undefined}
          />
          {showRemove ? (
            <Checkbox
              size="xs"
              label={t("settings.gates.remove")}
              aria-label={t("settings.gates.removeLabel", names)}
              checked={d.checked}
              onChange={(e) => change(g.key, p, { checked: e.currentTarget.checked })}
            />
          ) : null}
        </Stack>
      );
    }
    return (
      <Table.Td
        key={p}
        data-edited={edited || undefined}
        style={edited ? { backgroundColor: "var(--mantine-color-yellow-light)" } : undefined}
      >
        <Stack gap={4} align="flex-start">
          {control}
          {edited ? (
            <Tooltip label={t("settings.gates.editedHelp")} withArrow>
              <Badge
                size="xs"
                variant="light"
                color="gray"
                tabIndex={0}
                leftSection={<IconPencil size={10} aria-hidden />}
                styles={{ root: { color: "var(--mantine-color-gray-9)" } }}
              >
                {t("settings.gates.edited")}
              </Badge>
            </Tooltip>
          ) : null}
        </Stack>
      </Table.Td>
    );
  }

  const invalid = Object.keys(errors).length > 0;

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("settings.gates.help")}
        </Text>
        <Table.ScrollContainer minWidth={1100}>
          <Table
            verticalSpacing="sm"
            fz="sm"
            aria-label={t("settings.gates.table", { rubric: rubric.regulation })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.gates.colGate")}</Table.Th>
                <Table.Th>{t("settings.gates.colKind")}</Table.Th>
                {PREDICATES.map((p) => (
                  <Table.Th key={p}>{t("settings.gates.colRubric", { predicate: p })}</Table.Th>
                ))}
                <Table.Th>{t("settings.gates.colSource")}</Table.Th>
                {PREDICATES.map((p) => (
                  <Table.Th key={p}>{t("settings.gates.colOverride", { predicate: p })}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gates.map((g) => (
                <Table.Tr key={g.key} data-gate={g.key}>
                  <Table.Td maw={260}>
                    <Stack gap={4} align="flex-start">
                      <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                        {g.label}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {g.key}
                      </Text>
                      {!g.confirmed ? (
                        <Tooltip
                          label={g.note ?? t("settings.gates.unconfirmedHelp")}
                          multiline
                          w={320}
                          withArrow
                        >
                          <Badge
                            size="sm"
                            variant="light"
                            color="yellow"
                            tabIndex={0}
                            leftSection={<IconAlertTriangle size={12} aria-hidden />}
                            styles={{ root: { color: "var(--mantine-color-yellow-9)" } }}
                          >
                            {t("settings.gates.unconfirmed")}
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{t(`settings.gates.kind.${g.kind}`)}</Table.Td>
                  {PREDICATES.map((p) => (
                    <Table.Td key={p} style={{ whiteSpace: "nowrap" }}>
                      {rubricValue(g, p)}
                    </Table.Td>
                  ))}
                  <Table.Td maw={300}>
                    <Stack gap={4} align="flex-start">
                      <Badge size="xs" variant="outline" color="gray">
                        {t("settings.gates.confidence", { value: g.confidence })}
                      </Badge>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        {g.source}
                      </Text>
                    </Stack>
                  </Table.Td>
                  {PREDICATES.map((p) => overrideCell(g, p))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {invalid ? (
          <Text size="sm" c="red.8" role="alert">
            {t("settings.gates.invalid")}
          </Text>
        ) : null}
        <ErrorAlert error={saveError} title={t("settings.gates.saveFailed")} mb="0" />
        <Group justify="flex-end" gap="sm">
          <ConfirmButton
            title={t("settings.gates.resetTitle")}
            message={t("settings.gates.resetMessage")}
            confirmLabel={t("settings.gates.resetConfirm")}
            onConfirm={reset}
            disabled={!saved && !anyDraft}
          >
            {t("settings.gates.reset")}
          </ConfirmButton>
          <Button
            type="submit"
            loading={thresholds.isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t("settings.gates.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const daysIn = (month: number) => (month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31);
const pad = (n: number) => String(n).padStart(2, "0");

function parseMonthDay(v: string | undefined): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/.exec(v ?? "");
  if (!m) return { month: 5, day: 31 };
  return { month: Number(m[1]), day: Number(m[2]) };
}

function DeadlineSection() {
  const { t } = useTranslation("zi");
  const settings = useZiSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError)
    return (
      <ErrorAlert
        error={settings.error}
        title={t("common.loadFailed")}
        onRetry={() => void settings.refetch()}
        mb="0"
      />
    );
  return <DeadlineForm key={settings.data.proposalDeadline} current={settings.data.proposalDeadline} />;
}

function DeadlineForm({ current }: { current: string }) {
  const { t } = useTranslation("zi");
  const { lang } = useZiFormat();
  const { deadline } = useZiSettingsMutations();
  const initial = parseMonthDay(current);
  const [month, setMonth] = useState(initial.month);
  const [day, setDay] = useState(initial.day);
  const [error, setError] = useState<unknown>(null);
  const months = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(lang, { month: "long", timeZone: "UTC" });
    return Array.from({ length: 12 }, (_, i) => fmt.format(new Date(Date.UTC(2024, i, 1))));
  }, [lang]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await deadline.mutateAsync(`${pad(month)}-${pad(day)}`);
      notifySuccess(t("settings.deadline.saved"));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("settings.deadline.help")}
        </Text>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t("settings.deadline.day")}
            w={100}
            data={Array.from({ length: daysIn(month) }, (_, i) => String(i + 1))}
            value={String(day)}
            onChange={(e) => setDay(Number(e.currentTarget.value))}
          />
          <NativeSelect
            label={t("settings.deadline.month")}
            w={180}
            data={months.map((name, i) => ({ value: String(i + 1), label: name }))}
            value={String(month)}
            onChange={(e) => {
              const m = Number(e.currentTarget.value);
              setMonth(m);
              setDay((d) => Math.min(d, daysIn(m)));
            }}
          />
        </Group>
        <Text size="sm">
          {t("settings.deadline.current", {
            date: `${initial.day} ${months[initial.month - 1] ?? ""}`,
          })}
        </Text>
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={deadline.isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t("settings.deadline.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
