import { Accordion, Anchor, Badge, Card, Group, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import { type RubricTree, useRubric, useWorksheet, useZiCycles, type WorksheetEvidence } from "../api";

export interface AreaEvidence {
  key: string;
  component: string;
  name: string;
  total: number;
  withEvidence: number;
  missing: Array<{ key: string; sourceId: string; text: string }>;
}

/**
 * Per LKE area: how many questions have evidence, counting both uploaded files and records of other
 * modules linked to the question (an absent `records` map counts as none).
 */
export function evidenceByArea(rubric: RubricTree, sheet: WorksheetEvidence): AreaEvidence[] {
  const records = sheet.records ?? {};
  return rubric.components.flatMap((c) =>
    c.areas.map((a) => {
      const qs = a.subpillars.flatMap((s) => s.questions);
      const has = (k: string) => (sheet.evidence[k]?.length ?? 0) > 0 || (records[k]?.length ?? 0) > 0;
      return {
        key: a.key,
        component: c.name,
        name: a.name,
        total: qs.length,
        withEvidence: qs.filter((q) => has(q.key)).length,
        missing: qs
          .filter((q) => !has(q.key))
          .map((q) => ({ key: q.key, sourceId: q.sourceId, text: q.text })),
      };
    }),
  );
}

/** /perubahan/bukti — evidence completeness of the unit's LKE, per area, with what is still missing. */
export default function EvidencePage() {
  const { t } = useTranslation("cm");
  const f = useFormat();
  const unit = useCurrentUnit();
  const cycles = useZiCycles(unit?.id);
  const [picked, setPicked] = useState<string | null>(null);
  const sorted = useMemo(() => [...(cycles.data ?? [])].sort((a, b) => b.year - a.year), [cycles.data]);
  const cycle = sorted.find((c) => c.id === picked) ?? sorted[0];
  const sheet = useWorksheet(cycle?.id);
  const rubric = useRubric(cycle?.rubricId, !!cycle);
  const areas = useMemo(
    () => (rubric.data && sheet.data ? evidenceByArea(rubric.data, sheet.data) : []),
    [rubric.data, sheet.data],
  );
  const total = areas.reduce((s, a) => s + a.total, 0);
  const done = areas.reduce((s, a) => s + a.withEvidence, 0);

  if (!unit)
    return <EmptyState headingOrder={1} title={t("evidence.pageTitle")} description={t("common.noUnit")} />;
  const failed = cycles.error ?? sheet.error ?? rubric.error;

  return (
    <>
      <PageHeader
        title={t("evidence.pageTitle")}
        description={t("evidence.description", { unit: unit.name })}
        actions={
          sorted.length > 1 ? (
            <Select
              label={t("evidence.cycle")}
              data={sorted.map((c) => ({ value: c.id, label: String(c.year) }))}
              value={cycle?.id ?? null}
              onChange={setPicked}
              allowDeselect={false}
              w={120}
            />
          ) : null
        }
      />
      {failed ? (
        <ErrorAlert error={failed} title={t("common.loadFailed")} />
      ) : cycles.isPending || (cycle && (sheet.isPending || rubric.isPending)) ? (
        <PageLoader />
      ) : !cycle ? (
        <EmptyState
          title={t("evidence.noCycle")}
          action={
            <Anchor component={Link} to="/zi">
              {t("evidence.toZi")}
            </Anchor>
          }
        />
      ) : (
        <Stack gap="md">
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} fz="h4">
                {t("evidence.overall", { year: cycle.year })}
              </Title>
              <Text fw={700}>{t("evidence.count", { done, total })}</Text>
            </Group>
            <Progress
              mt="xs"
              value={total ? (done / total) * 100 : 0}
              aria-label={t("evidence.bar", {
                name: t("evidence.overall", { year: cycle.year }),
                done,
                total,
              })}
            />
            <Anchor
              component={Link}
              to={`/zi/siklus/${cycle.id}/lke`}
              size="sm"
              mt="xs"
              display="inline-block"
            >
              {t("evidence.openWorksheet")}
            </Anchor>
          </Card>
          <Accordion variant="separated" multiple>
            {areas.map((a) => {
              const pct = a.total ? (a.withEvidence / a.total) * 100 : 0;
              return (
                <Accordion.Item key={a.key} value={a.key}>
                  <Accordion.Control>
                    <Stack gap={4}>
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Text size="sm" fw={500}>
                          {a.name}{" "}
                          <Text span size="xs" c="dimmed">
                            · {a.component}
                          </Text>
                        </Text>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {t("evidence.count", { done: a.withEvidence, total: a.total })}
                          </Text>
                          {a.missing.length ? (
                            <Badge color="red" variant="light" style={{ textTransform: "none" }}>
                              {t("evidence.missingCount", { count: a.missing.length })}
                            </Badge>
                          ) : (
                            <Badge color="green" variant="light" style={{ textTransform: "none" }}>
                              {t("evidence.complete")}
                            </Badge>
                          )}
                        </Group>
                      </Group>
                      <Progress
                        value={pct}
                        size="sm"
                        color={pct >= 100 ? "green" : pct >= 50 ? "zona" : "orange"}
                        aria-label={t("evidence.bar", { name: a.name, done: a.withEvidence, total: a.total })}
                      />
                      <Text size="xs" c="dimmed">
                        {f.percent(pct, { maxDecimals: 0 })}
                      </Text>
                    </Stack>
                  </Accordion.Control>
                  <Accordion.Panel>
                    {a.missing.length ? (
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          {t("evidence.missingTitle")}
                        </Text>
                        {a.missing.map((q) => (
                          <Text size="sm" key={q.key}>
                            <strong>{q.sourceId}</strong> · {q.text}
                          </Text>
                        ))}
                      </Stack>
                    ) : (
                      <Text size="sm">{t("evidence.allDone")}</Text>
                    )}
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </Stack>
      )}
    </>
  );
}
