import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useLang } from "../../../../ui/i18n";
import { useCan } from "../../../../ui/session";
import type { ResultsWire } from "../../contract";
import { periodLabel } from "../../domain/periods";
import { useCreateFollowUp, useResults, useUpdateFollowUp, useUpdatePeriod } from "../api";
import { ElementChart } from "../components/ElementChart";

export default function PeriodPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("surveys");
  const lang = useLang();
  const results = useResults(id);
  const canManage = useCan("survey.manage");
  const update = useUpdatePeriod(id);
  if (results.isPending) return <PageLoader />;
  if (results.error || !results.data) return <ErrorAlert error={results.error} />;
  const r = results.data;
  const p = r.period;
  const o = r.overall;
  const labels = new Map(r.kind.elements.map((e) => [e.code, e.label[lang]]));
  const link = `${window.location.origin}/s/${p.code}`;
  const pct = p.requiredSample ? Math.min(100, (p.responses / p.requiredSample) * 100) : null;
  const isIkm = r.kind.result === "ikm";
  return (
    <Stack>
      <PageHeader
        eyebrow={`${p.unit.name} · ${r.kind.regulation}`}
        title={p.title}
        description={`${periodLabel(p.periodType, p.year, p.part, lang)} · ${p.startsOn} – ${p.endsOn}`}
        actions={
          canManage ? (
            <Group>
              {p.status !== "open" ? (
                <Button
                  variant="light"
                  loading={update.isPending}
                  onClick={() => update.mutate({ version: p.version, status: "open" })}
                >
                  {t("period.open")}
                </Button>
              ) : (
                <Button
                  variant="light"
                  loading={update.isPending}
                  onClick={() => update.mutate({ version: p.version, status: "closed" })}
                >
                  {t("period.close")}
                </Button>
              )}
              <Button
                variant="light"
                onClick={() => update.mutate({ version: p.version, published: !p.published })}
              >
                {p.published ? t("period.unpublish") : t("period.publish")}
              </Button>
            </Group>
          ) : null
        }
      />
      <ErrorAlert error={update.error} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {isIkm ? "IKM" : t("results.index")}
          </Text>
          <Title order={2}>{isIkm ? (o.ikm?.toFixed(2) ?? "–") : (o.indexRounded ?? "–")}</Title>
          {isIkm && o.grade ? (
            <Badge size="lg">
              {t("results.grade", { grade: o.grade, performance: o.performance?.[lang] })}
            </Badge>
          ) : o.points !== null ? (
            <Text size="sm">{t("results.points", { points: o.points.toFixed(2) })}</Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t("results.respondents")}
          </Text>
          <Title order={2}>{p.requiredSample ? `${p.responses} / ${p.requiredSample}` : p.responses}</Title>
          {pct !== null ? (
            <Progress value={pct} aria-label={t("results.sampleProgress")} mt="xs" />
          ) : (
            <Text size="sm">{t("results.noPopulation")}</Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t("period.share")}
          </Text>
          <Anchor href={link} style={{ wordBreak: "break-all" }}>
            {link}
          </Anchor>
          <Group gap="xs" mt="xs">
            <Badge variant="light">{t(`status.${p.status}`)}</Badge>
            <Anchor href={`/api/surveys/periods/${p.id}/poster.svg`}>{t("period.poster")}</Anchor>
          </Group>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("results.perElement")}
        </Title>
        <ElementChart
          title={t("results.chartTitle")}
          items={r.kind.elements.map((e, i) => ({
            code: e.code,
            label: e.label[lang],
            nrr: o.elements[i]!.nrr,
          }))}
        />
        <Table mt="md" aria-label={t("results.tableCaption")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("results.element")}</Table.Th>
              <Table.Th ta="right">NRR</Table.Th>
              <Table.Th ta="right">{t("results.weighted")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.kind.elements.map((e, i) => (
              <Table.Tr key={e.code}>
                <Table.Td>{`${e.code} ${e.label[lang]}`}</Table.Td>
                <Table.Td ta="right">{o.elements[i]!.nrrRounded ?? "–"}</Table.Td>
                <Table.Td ta="right">{o.elements[i]!.weighted?.toFixed(4) ?? "–"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          {t("results.method", { weight: o.weight })}
        </Text>
        <Group mt="sm">
          <Anchor href={`/api/surveys/periods/${p.id}/responses.xlsx`}>{t("export.responses")}</Anchor>
          <Anchor href={`/api/surveys/periods/${p.id}/results.xlsx`}>{t("export.results")}</Anchor>
          <Anchor href={`/api/surveys/periods/${p.id}/report.pdf`}>{t("export.pdf")}</Anchor>
        </Group>
      </Paper>
      <Breakdown r={r} />
      {r.serviceRequests && r.serviceRequests.ratings > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            {t("results.requests.title")}
          </Title>
          <Text>
            {t("results.requests.body", {
              count: r.serviceRequests.ratings,
              average: r.serviceRequests.average?.toFixed(2) ?? "–",
              max: r.serviceRequests.scaleMax,
              satisfied: r.serviceRequests.satisfiedPercent ?? "–",
            })}
          </Text>
        </Paper>
      ) : null}
      <FollowUps r={r} labels={labels} canManage={canManage} />
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("results.comments", { count: r.comments.length })}
        </Title>
        {r.comments.length === 0 ? <Text>{t("results.noComments")}</Text> : null}
        <List>
          {r.comments.slice(0, 50).map((c) => (
            <List.Item key={`${c.date}-${c.text}`}>
              <Text size="sm">
                <Text span c="dimmed">{`${c.date}${c.serviceType ? ` · ${c.serviceType}` : ""} — `}</Text>
                {c.text}
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}

function Breakdown({ r }: { r: ResultsWire }) {
  const { t } = useTranslation("surveys");
  const isIkm = r.kind.result === "ikm";
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("results.byService")}
      </Title>
      <Table aria-label={t("results.byService")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("results.service")}</Table.Th>
            <Table.Th ta="right">{t("results.respondents")}</Table.Th>
            <Table.Th ta="right">{isIkm ? "IKM" : t("results.index")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.byService.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td>{s.key || t("results.notStated")}</Table.Td>
              <Table.Td ta="right">{s.respondents}</Table.Td>
              <Table.Td ta="right">{isIkm ? `${s.ikm?.toFixed(2)} (${s.grade})` : s.indexRounded}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function FollowUps({
  r,
  labels,
  canManage,
}: {
  r: ResultsWire;
  labels: Map<string, string>;
  canManage: boolean;
}) {
  const { t } = useTranslation("surveys");
  const create = useCreateFollowUp(r.period.id);
  const update = useUpdateFollowUp();
  const weakest =
    [...r.overall.elements].filter((e) => e.nrr !== null).sort((a, b) => a.nrr! - b.nrr!)[0]?.code ??
    r.kind.elements[0]!.code;
  const [element, setElement] = useState<string | null>(weakest);
  const [action, setAction] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("followUp.title")}
      </Title>
      <ErrorAlert error={create.error ?? update.error} />
      {r.followUps.length === 0 ? <Text>{t("followUp.empty")}</Text> : null}
      <List>
        {r.followUps.map((f) => (
          <List.Item key={f.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>{`${f.elementCode} ${labels.get(f.elementCode) ?? ""}`}</Text>
              <Text size="sm">{f.action}</Text>
              <Text size="sm" c="dimmed">
                {t("followUp.meta", { owner: f.owner, due: f.dueDate })}
              </Text>
              {canManage ? (
                <Select
                  aria-label={t("followUp.status")}
                  size="xs"
                  w={140}
                  data={["planned", "in_progress", "done"].map((s) => ({
                    value: s,
                    label: t(`followUp.statuses.${s}`),
                  }))}
                  value={f.status}
                  onChange={(v) => v && update.mutate({ id: f.id, status: v as "done" })}
                />
              ) : (
                <Badge variant="light">{t(`followUp.statuses.${f.status}`)}</Badge>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {canManage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { elementCode: element ?? weakest, action, owner, dueDate: due },
              {
                onSuccess: () => {
                  setAction("");
                  setOwner("");
                  setDue("");
                },
              },
            );
          }}
        >
          <Group align="flex-end" mt="md" grow>
            <Select
              label={t("followUp.element")}
              data={r.kind.elements.map((e) => ({ value: e.code, label: `${e.code} ${labels.get(e.code)}` }))}
              value={element}
              onChange={setElement}
            />
            <TextInput
              label={t("followUp.action")}
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t("followUp.owner")}
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t("followUp.due")}
              type="date"
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={create.isPending}>
              {t("followUp.add")}
            </Button>
          </Group>
        </form>
      ) : null}
    </Paper>
  );
}
