import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";

interface RuleValue {
  value: number;
  source: string;
  confidence: "C1" | "C2" | "S" | "U";
}
interface RuleSet {
  id: string;
  title: string;
  effectiveFrom: string;
  effectiveFromConfidence: RuleValue["confidence"];
  reportToKpkWorkingDays: RuleValue;
  toUpgWorkingDays: RuleValue;
  upgToKpkWorkingDays: RuleValue;
  completenessWorkingDays: RuleValue;
  thresholds: Record<string, RuleValue>;
}

const TONE: Record<RuleValue["confidence"], string> = { C1: "green", C2: "teal", S: "yellow", U: "red" };

function Conf({ c }: { c: RuleValue["confidence"] }) {
  const { t } = useTranslation("integrity");
  return (
    <Badge size="xs" color={TONE[c]} variant="light" title={t(`rules.conf.${c}`)}>
      {c}
    </Badge>
  );
}

/** The versioned gratification rules with their sources and confidence (unconfirmed ones flagged). */
export function RulesPanel() {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const q = useQuery({
    queryKey: ["integrity", "grat-rules"],
    queryFn: ({ signal }) => api.get<RuleSet[]>("/api/integrity/gratification/rules", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("rules.intro")}
      </Text>
      {q.data.map((r) => {
        const rows: Array<[string, string, RuleValue]> = [
          [
            t("rules.reportToKpk"),
            t("rules.days", { n: r.reportToKpkWorkingDays.value }),
            r.reportToKpkWorkingDays,
          ],
          [t("rules.toUpg"), t("rules.days", { n: r.toUpgWorkingDays.value }), r.toUpgWorkingDays],
          [t("rules.upgToKpk"), t("rules.days", { n: r.upgToKpkWorkingDays.value }), r.upgToKpkWorkingDays],
          [
            t("rules.complete"),
            t("rules.days", { n: r.completenessWorkingDays.value }),
            r.completenessWorkingDays,
          ],
          ...Object.entries(r.thresholds).map(
            ([k, v]) =>
              [`${t("rules.threshold")}: ${t(`gratOccasion.${k}`)}`, f.rupiah(v.value), v] as [
                string,
                string,
                RuleValue,
              ],
          ),
        ];
        return (
          <Card withBorder key={r.id}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                {r.title}
              </Title>
              <Group gap={4}>
                <Text size="xs">{t("rules.from", { date: f.date(r.effectiveFrom) })}</Text>
                <Conf c={r.effectiveFromConfidence} />
              </Group>
            </Group>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("rules.rule")}</Table.Th>
                  <Table.Th>{t("rules.value")}</Table.Th>
                  <Table.Th>{t("rules.source")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(([label, value, v]) => (
                  <Table.Tr key={label}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {value} <Conf c={v.confidence} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{v.source}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
    </Stack>
  );
}
