import {
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconChartBar, IconChecklist, IconFileSpreadsheet, IconFileTypePdf } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../../../ui/api";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { notifySuccess } from "../../../../ui/notify";
import { useCurrentUnit, useSession } from "../../../../ui/session";
import type { CycleDetail } from "../../contract";
import { COLUMNS, type Column, ZI_PERMISSIONS } from "../../domain/stages";
import { type CycleListItem, pullSurveyIndices, useCycle, useCycles, ziDownloads } from "../api";
import { AreaChart } from "../components/AreaChart";
import { CommandButtons } from "../components/CommandButtons";
import { CreateCycleButton } from "../components/CreateCycleDialog";
import { CycleSettings } from "../components/CycleSettings";
import { NextSteps } from "../components/NextSteps";
import { ReadinessChecklist } from "../components/ReadinessChecklist";
import { ScoreGauge } from "../components/ScoreGauge";
import { StageTimeline } from "../components/StageTimeline";
import { useZiFormat } from "../format";

/** The cycle to show on /zi: the current unit's latest year. */
export function latestCycle(items: CycleListItem[]): CycleListItem | undefined {
  return [...items].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
}

function currentYear(): number {
  return new Date().getFullYear();
}

/** /zi and /zi/siklus/:id — where the unit stands in its ZI cycle and what to do next. */
export default function OverviewPage() {
  const { t } = useTranslation("zi");
  const { id } = useParams();
  const unit = useCurrentUnit();
  const { can } = useSession();
  const navigate = useNavigate();
  const cycles = useCycles({ unitId: unit?.id }, Boolean(unit));
  const picked = id ?? (cycles.data ? latestCycle(cycles.data.items)?.id : undefined);
  const detail = useCycle(picked);

  if (!unit)
    return <EmptyState headingOrder={1} title={t("cycle.pageTitle")} description={t("common.noUnit")} />;
  if (!id && cycles.isPending) return <PageLoader />;
  if (!id && cycles.isError)
    return (
      <>
        <PageHeader title={t("cycle.pageTitle")} />
        <ErrorAlert
          error={cycles.error}
          title={t("common.loadFailed")}
          onRetry={() => void cycles.refetch()}
        />
      </>
    );
  if (!picked)
    return (
      <>
        <PageHeader title={t("cycle.pageTitle")} eyebrow={unit.name} />
        <EmptyState
          title={t("cycle.noneTitle")}
          description={can(ZI_PERMISSIONS.manage) ? t("cycle.noneDescription") : t("cycle.noneReader")}
          action={
            can(ZI_PERMISSIONS.manage) ? <CreateCycleButton unit={unit} defaultYear={currentYear()} /> : null
          }
        />
      </>
    );
  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return (
      <>
        <PageHeader title={t("cycle.pageTitle")} eyebrow={unit.name} />
        <ErrorAlert
          error={detail.error}
          title={
            isApiError(detail.error) && detail.error.status === 404
              ? t("cycle.notFound")
              : t("common.loadFailed")
          }
          onRetry={() => void detail.refetch()}
        />
      </>
    );

  const others = cycles.data?.items ?? [];
  return (
    <CycleOverview
      key={detail.data.cycle.id}
      detail={detail.data}
      picker={
        others.length > 1 ? (
          <Select
            label={t("cycle.select")}
            data={others.map((c) => ({
              value: c.id,
              label: t("cycle.option", { year: c.year, target: c.target, stage: t(`stage.${c.stage}`) }),
            }))}
            value={detail.data.cycle.id}
            onChange={(v) => v && void navigate(`/zi/siklus/${v}`)}
            allowDeselect={false}
            w={{ base: "100%", sm: 320 }}
          />
        ) : null
      }
      createButton={
        can(ZI_PERMISSIONS.manage) ? <CreateCycleButton unit={unit} defaultYear={currentYear()} /> : null
      }
    />
  );
}

function Section({ title, children, id }: { title: ReactNode; children: ReactNode; id?: string }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function CycleOverview({
  detail,
  picker,
  createButton,
}: {
  detail: CycleDetail;
  picker: ReactNode;
  createButton: ReactNode;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const { can } = useSession();
  const unit = useCurrentUnit();
  const { cycle } = detail;
  const [column, setColumn] = useState<Column>(detail.leadingColumn);
  const readiness = detail.readiness[column][cycle.target];
  const score = detail.scores[column];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("cycle.pageTitle")}
        documentTitle={`${t("cycle.pageTitle")} · ${cycle.unit.name}`}
        eyebrow={t("cycle.eyebrow", { unit: cycle.unit.name, year: cycle.year })}
        actions={
          <>
            <Button
              component={Link}
              to={`/zi/siklus/${cycle.id}/lke`}
              leftSection={<IconChecklist size={16} aria-hidden />}
            >
              {t("cycle.openWorksheet")}
            </Button>
            <Button
              component="a"
              href={ziDownloads.xlsx(cycle.id)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t("cycle.downloadXlsx")}
            </Button>
            <Button
              component="a"
              href={ziDownloads.pdf(cycle.id)}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t("cycle.downloadPdf")}
            </Button>
            {detail.editable.length > 0 ? (
              <PullSurveysButton cycleId={cycle.id} column={detail.editable[0]!} />
            ) : null}
            {createButton}
          </>
        }
      />
      <Group gap="xs" wrap="wrap" mt={-12}>
        <Badge variant="light" size="lg">
          {t("cycle.target", { target: cycle.target })}
        </Badge>
        <StatusBadge tone="info">{t(`stage.${cycle.stage}`)}</StatusBadge>
        {cycle.result ? (
          <StatusBadge tone={cycle.result === "none" ? "neutral" : "success"}>
            {t("cycle.result", { result: t(`result.${cycle.result}`) })}
          </StatusBadge>
        ) : null}
        <Text span size="sm" c="dimmed">
          {t("cycle.deadline", { date: f.date(cycle.proposalDeadline) })}
        </Text>
      </Group>
      {picker}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title={t("score.title")} id="zi-scores">
              <SimpleGrid cols={3} spacing="xs">
                {COLUMNS.map((c) => {
                  const s = detail.scores[c];
                  return (
                    <ScoreGauge
                      key={c}
                      label={t(`column.${c}`)}
                      inlineName={t(`column.inline.${c}`)}
                      value={s.answered > 0 ? s.total : null}
                      highlighted={c === detail.leadingColumn}
                    >
                      {s.answered > 0 ? (
                        <Text size="xs" c="dimmed" ta="center">
                          {t("score.pengungkit")} {f.score(s.pengungkit)} · {t("score.hasil")}{" "}
                          {f.score(s.hasil)}
                        </Text>
                      ) : null}
                      {c === detail.leadingColumn ? (
                        <Badge size="xs" variant="outline">
                          {t("score.leading")}
                        </Badge>
                      ) : null}
                    </ScoreGauge>
                  );
                })}
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="sm">
                {t("score.marks")}
              </Text>
            </Section>

            <Box>
              <Text size="sm" fw={500} mb={4} id="zi-column-pick">
                {t("readiness.column")}
              </Text>
              <SegmentedControl
                aria-labelledby="zi-column-pick"
                value={column}
                onChange={(v) => setColumn(v as Column)}
                data={COLUMNS.map((c) => ({ value: c, label: t(`column.${c}`) }))}
              />
            </Box>

            <Section title={t("readiness.title", { target: cycle.target })} id="zi-readiness">
              <Text size="sm" c="dimmed" mb="sm">
                {t("readiness.description", { column: t(`column.long.${column}`) })}
              </Text>
              <ReadinessChecklist gates={readiness.gates} pass={readiness.pass} target={cycle.target} />
            </Section>

            <Section title={t("areas.title")} id="zi-areas">
              <AreaChart areas={score.areas} />
            </Section>

            <Section title={t("next.title")} id="zi-next">
              <NextSteps cycleId={cycle.id} column={column} target={cycle.target} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title={t("command.title")} id="zi-commands">
              <CommandButtons detail={detail} />
            </Section>
            <Section title={t("timeline.title")} id="zi-timeline">
              <StageTimeline detail={detail} zone={unit?.zone} />
            </Section>
            <Section title={t("progress.title")} id="zi-progress">
              <Stack gap="sm">
                {detail.progress.map((p) => (
                  <Box key={p.areaKey}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
                      <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                        {p.name}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                        {t("progress.count", { done: p.answered, total: p.questions })}
                      </Text>
                    </Group>
                    <Progress
                      value={p.questions ? (p.answered / p.questions) * 100 : 0}
                      aria-label={t("progress.bar", { area: p.name, done: p.answered, total: p.questions })}
                      size="sm"
                      mt={4}
                    />
                    <Text size="xs" c="dimmed" mt={2}>
                      {t("progress.evidence")}:{" "}
                      {t("progress.count", { done: p.withEvidence, total: p.questions })}
                    </Text>
                  </Box>
                ))}
              </Stack>
            </Section>
            {can(ZI_PERMISSIONS.manage) ? (
              <Section title={t("settings.title")} id="zi-settings">
                <CycleSettings key={cycle.version} cycle={cycle} pact={detail.pact} />
              </Section>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** IPAK and IPKP from the unit's perception surveys in Zona, into the column the user may write. */
function PullSurveysButton({ cycleId, column }: { cycleId: string; column: Column }) {
  const { t } = useTranslation("zi");
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        variant="default"
        loading={busy}
        leftSection={<IconChartBar size={16} aria-hidden />}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const r = await pullSurveyIndices(cycleId, column);
            notifySuccess(
              r.applied.length
                ? t("cycle.surveysPulled", {
                    list: r.applied.map((a) => a.index.toLocaleString("id-ID")).join(" · "),
                  })
                : t("cycle.surveysNone"),
            );
            await qc.invalidateQueries({ queryKey: ["zi"] });
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("cycle.pullSurveys")}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}
