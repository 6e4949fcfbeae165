import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import { recapXlsxUrl, useLinkRecap, useRecap, useRules } from "../api";
import { MonthChart } from "../components/MonthChart";

/** LKE questions on public complaints (PermenPAN-RB 90/2021, pemenuhan · penguatan pengawasan). */
export const RECAP_QUESTIONS = [
  "pemenuhan.pw.pengaduan-masyarakat.a",
  "pemenuhan.pw.pengaduan-masyarakat.b",
  "pemenuhan.pw.pengaduan-masyarakat.c",
];

/** Monthly and yearly recap with a chart, the rule set in force, XLSX export and LKE evidence. */
export default function RecapPage() {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const current = useCurrentUnit();
  const [params] = useSearchParams();
  const unitId = params.get("unit") ?? current?.id;
  const [year, setYear] = useState(Number(params.get("tahun")) || new Date().getFullYear());
  const recap = useRecap(unitId, year);
  const rules = useRules(unitId);
  const link = useLinkRecap();
  const canLink = useCan("zi.worksheet.write");
  const [keys, setKeys] = useState<string[]>([]);
  const pct = (v: number | null) => (v === null ? "—" : f.percent(v, { maxDecimals: 1 }));

  return (
    <Stack>
      <PageHeader
        title={t("recap.title")}
        eyebrow={recap.data?.unitName}
        actions={
          <Group>
            <NumberInput
              aria-label={t("recap.year")}
              value={year}
              onChange={(v) => setYear(Number(v) || year)}
              min={2015}
              max={2100}
              w={100}
            />
            {unitId ? (
              <Button component="a" href={recapXlsxUrl(unitId, year)} variant="light">
                {t("recap.export")}
              </Button>
            ) : null}
          </Group>
        }
      />
      {recap.isPending ? (
        <PageLoader />
      ) : recap.isError ? (
        <ErrorAlert error={recap.error} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {[
              [t("recap.received"), String(recap.data.total.received)],
              [
                t("recap.completed"),
                `${recap.data.total.completed} (${pct(recap.data.total.percentCompleted)})`,
              ],
              [
                t("recap.onTime"),
                `${recap.data.total.completedOnTime} (${pct(recap.data.total.percentOnTime)})`,
              ],
              [
                t("recap.rating"),
                recap.data.total.averageRating === null ? "—" : `${recap.data.total.averageRating}/5`,
              ],
            ].map(([label, value]) => (
              <Card withBorder key={label}>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Text fz="xl" fw={700}>
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder>
            <MonthChart months={recap.data.months} />
          </Card>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("recap.month")}</Table.Th>
                <Table.Th ta="right">{t("recap.received")}</Table.Th>
                <Table.Th ta="right">{t("recap.completed")}</Table.Th>
                <Table.Th ta="right">{t("recap.onTime")}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recap.data.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.month}</Table.Td>
                  <Table.Td ta="right">{m.received}</Table.Td>
                  <Table.Td ta="right">{m.completed}</Table.Td>
                  <Table.Td ta="right">{m.completedOnTime}</Table.Td>
                  <Table.Td ta="right">{pct(m.percentOnTime)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Card withBorder>
            <Title order={2} fz="h4" mb="xs">
              {t("recap.evidence")}
            </Title>
            <Text size="sm" mb="xs">
              {recap.data.evidence.length > 0
                ? t("recap.linked", { keys: recap.data.evidence.join(", ") })
                : t("recap.notLinked")}
            </Text>
            {canLink && unitId ? (
              <Stack gap="xs">
                <Checkbox.Group value={keys} onChange={setKeys}>
                  <Stack gap={4}>
                    {RECAP_QUESTIONS.map((k) => (
                      <Checkbox key={k} value={k} label={`${k} — ${t(`question.${k.slice(-1)}`)}`} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {link.isError ? <ErrorAlert error={link.error} /> : null}
                <Group>
                  <Button
                    disabled={keys.length === 0}
                    loading={link.isPending}
                    onClick={() => link.mutate({ unitId, year, questionKeys: keys })}
                  >
                    {t("recap.link")}
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </Card>
        </>
      )}
      {rules.data ? (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} fz="h4">
              {t("recap.rules")} — {f.name(rules.data.title)}
            </Title>
            <Button component={Link} to="/layanan/pengaduan/ketentuan" variant="subtle" size="xs">
              {t("nav.rules")}
            </Button>
          </Group>
          <Table>
            <Table.Tbody>
              {rules.data.items.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Td>{f.name({ id: i.id, en: i.en })}</Table.Td>
                  <Table.Td>
                    {i.days} {t(`days.${i.kind}`)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="outline" color={i.confirmed ? "gray" : "orange"}>
                      {i.confirmed ? i.confidence : t("case.unconfirmed")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {i.source}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
    </Stack>
  );
}
