import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import type { RulesWire } from "../../contract";
import {
  OVERRIDE_KEYS,
  type OverrideKey,
  type OverrideProblem,
  overrideProblems,
  type RuleOverrides,
  ruleSet,
  SLA_RULE_SETS,
} from "../../domain/sla-rules";
import { useRules, useSaveRules } from "../api";

type Values = Record<OverrideKey, number | string>;

/**
 * The unit's deadline rules: every number with its source and confidence (unconfirmed ones flagged),
 * the working-day numbers editable by whoever holds complaints.configure (checked as they type with
 * the same rule the server applies), saved as the unit's overrides or reset to the shipped defaults.
 */
export default function RulesPage() {
  const { t } = useTranslation("complaints");
  const current = useCurrentUnit();
  const [params] = useSearchParams();
  const unitId = params.get("unit") ?? current?.id;
  const rules = useRules(unitId);
  // kept here: the form below is re-created when the saved numbers change
  const [saved, setSaved] = useState(false);
  if (!unitId) return <Alert color="yellow">{t("rules.readOnly")}</Alert>;
  if (rules.isPending) return <PageLoader />;
  if (rules.isError) return <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  // a fresh form whenever the saved numbers change
  return (
    <RulesForm
      key={JSON.stringify(rules.data.overrides)}
      unitId={unitId}
      data={rules.data}
      saved={saved}
      setSaved={setSaved}
    />
  );
}

const valuesOf = (d: RulesWire): Values => {
  const v = { reminder: d.reminderWorkingDaysBefore } as Values;
  for (const i of d.items) if (i.overrideKey) v[i.overrideKey] = i.days;
  return v;
};
const defaultsOf = (d: RulesWire): Record<OverrideKey, number> => {
  const v = { reminder: d.defaultReminderWorkingDaysBefore } as Record<OverrideKey, number>;
  for (const i of d.items) if (i.overrideKey) v[i.overrideKey] = i.defaultDays;
  return v;
};

function RulesForm({
  unitId,
  data,
  saved,
  setSaved,
}: {
  unitId: string;
  data: RulesWire;
  saved: boolean;
  setSaved: (v: boolean) => void;
}) {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const save = useSaveRules();
  const [values, setValues] = useState<Values>(() => valuesOf(data));
  const defaults = defaultsOf(data);
  const base = SLA_RULE_SETS.some((s) => s.id === data.ruleSetId) ? ruleSet(data.ruleSetId) : ruleSet();

  // the overrides are the numbers that differ from the defaults; a blank field means "the default"
  const fieldErrors: Partial<Record<OverrideKey, string>> = {};
  const overrides: RuleOverrides = {};
  for (const k of OVERRIDE_KEYS) {
    const v = values[k];
    if (v === "" || v === undefined) continue;
    if (typeof v !== "number" || !Number.isInteger(v)) fieldErrors[k] = t("rules.errWhole");
    else if (v !== defaults[k]) overrides[k] = v;
  }
  const problems = Object.keys(fieldErrors).length > 0 ? [] : overrideProblems(base, overrides);
  for (const p of problems) fieldErrors[p.key] ??= problemText(t, p);
  const invalid = Object.keys(fieldErrors).length > 0;
  const dirty = JSON.stringify(sorted(overrides)) !== JSON.stringify(sorted(data.overrides));
  const editable = data.canConfigure;

  const input = (key: OverrideKey, label: string) => (
    <NumberInput
      aria-label={label}
      value={values[key]}
      onChange={(v) => {
        setSaved(false);
        setValues((s) => ({ ...s, [key]: v }));
      }}
      allowDecimal={false}
      allowNegative={false}
      min={1}
      max={120}
      w={110}
      error={fieldErrors[key]}
    />
  );

  return (
    <Stack>
      <PageHeader
        title={t("rules.title")}
        eyebrow={f.name(data.title)}
        description={t("rules.description")}
      />
      <Alert color="orange" variant="light">
        {t("rules.unconfirmedNote")}
      </Alert>
      {!editable ? <Alert color="blue">{t("rules.readOnly")}</Alert> : null}
      <Card withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rules.rule")}</Table.Th>
                <Table.Th>{t("rules.days")}</Table.Th>
                <Table.Th>{t("rules.default")}</Table.Th>
                <Table.Th>{t("rules.confidence")}</Table.Th>
                <Table.Th>{t("rules.source")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => {
                const name = f.name({ id: i.id, en: i.en });
                return (
                  <Table.Tr key={i.key} data-rule={i.key}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {editable && i.overrideKey ? (
                        input(i.overrideKey, name)
                      ) : (
                        <Text size="sm">{i.days}</Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {t(`days.${i.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.defaultDays}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ConfidenceBadge confidence={i.confidence} overridden={i.days !== i.defaultDays} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" maw={360}>
                        {i.source}
                      </Text>
                      {!i.overrideKey ? (
                        <Text size="xs" c="dimmed" fs="italic">
                          {t("rules.statutory")}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr data-rule="reminder">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t("rules.reminder")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    input("reminder", t("rules.reminder"))
                  ) : (
                    <Text size="sm">{data.reminderWorkingDaysBefore}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{data.defaultReminderWorkingDaysBefore}</Text>
                </Table.Td>
                <Table.Td>
                  <ConfidenceBadge
                    confidence={data.overrides.reminder !== undefined ? "U" : "S"}
                    overridden={data.overrides.reminder !== undefined}
                  />
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {editable ? (
        <>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          {saved ? (
            <Alert color="green" role="status">
              {t("rules.saved")}
            </Alert>
          ) : null}
          <Group>
            <Button
              disabled={invalid || !dirty}
              loading={save.isPending}
              onClick={async () => {
                const ok = await save.mutateAsync({ unitId, overrides }).catch(() => null);
                if (ok) setSaved(true);
              }}
            >
              {t("rules.save")}
            </Button>
            {dirty && !invalid ? (
              <Badge variant="light" color="yellow">
                {t("rules.changed")}
              </Badge>
            ) : null}
            <ConfirmButton
              variant="default"
              disabled={Object.keys(data.overrides).length === 0}
              title={t("rules.reset")}
              message={t("rules.resetConfirm")}
              confirmLabel={t("rules.reset")}
              onConfirm={async () => {
                await save.mutateAsync({ unitId, overrides: {} });
                setSaved(true);
              }}
            >
              {t("rules.reset")}
            </ConfirmButton>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}

function ConfidenceBadge({ confidence, overridden }: { confidence: string; overridden: boolean }) {
  const { t } = useTranslation("complaints");
  const confirmed = confidence === "C1" || confidence === "C2";
  const label = overridden ? t("rules.local") : confirmed ? confidence : t("case.unconfirmed");
  return (
    <Tooltip label={confidence}>
      <Badge size="sm" variant="outline" color={confirmed ? "gray" : overridden ? "blue" : "orange"}>
        {label}
      </Badge>
    </Tooltip>
  );
}

function problemText(t: (k: string, o?: Record<string, unknown>) => string, p: OverrideProblem): string {
  if (p.code === "range") return t("rules.errRange", { min: p.min, max: p.max });
  const key = { atLeast: "rules.errAtLeast", atMost: "rules.errAtMost", below: "rules.errBelow" }[p.code];
  return t(key, { other: t(`rules.key.${p.other}`), limit: p.limit });
}

const sorted = (o: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
