import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../../../ui/components/DataTable";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { useLang } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { PeriodWire } from "../../contract";
import { periodLabel } from "../../domain/periods";
import { useCreatePeriod, useKinds, usePeriods } from "../api";

export default function SurveysPage() {
  const { t } = useTranslation("surveys");
  const lang = useLang();
  const unit = useCurrentUnit();
  const periods = usePeriods(unit?.id);
  const canManage = useCan("survey.manage");
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          canManage ? <Button onClick={() => setCreating((v) => !v)}>{t("create.open")}</Button> : null
        }
      />
      {creating && unit ? <CreatePeriod unitId={unit.id} onDone={() => setCreating(false)} /> : null}
      <ErrorAlert error={periods.error} />
      <DataTable<PeriodWire>
        caption={t("list.caption")}
        rows={periods.data?.items ?? []}
        rowKey={(p) => p.id}
        empty={t("list.empty")}
        columns={[
          {
            key: "title",
            header: t("list.title"),
            cell: (p) => (
              <Anchor component={Link} to={`/survei/${p.id}`}>
                {p.title}
              </Anchor>
            ),
            sortValue: (p) => p.title,
          },
          {
            key: "period",
            header: t("list.period"),
            cell: (p) => periodLabel(p.periodType, p.year, p.part, lang),
            sortValue: (p) => p.startsOn,
          },
          {
            key: "status",
            header: t("list.status"),
            cell: (p) => <Badge variant="light">{t(`status.${p.status}`)}</Badge>,
          },
          {
            key: "responses",
            header: t("list.responses"),
            align: "right",
            cell: (p) => (p.requiredSample ? `${p.responses} / ${p.requiredSample}` : String(p.responses)),
            sortValue: (p) => p.responses,
          },
        ]}
      />
    </Stack>
  );
}

function CreatePeriod({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useTranslation("surveys");
  const lang = useLang();
  const kinds = useKinds(unitId);
  const create = useCreatePeriod();
  const [kindId, setKindId] = useState<string | null>("skm-permenpanrb-14-2017");
  const [periodType, setPeriodType] = useState<string | null>("quarter");
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [part, setPart] = useState<number>(1);
  const [services, setServices] = useState("");
  const [population, setPopulation] = useState<number | string>("");
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              unitId,
              kindId: kindId ?? "",
              periodType: (periodType ?? "year") as "year",
              year,
              part: periodType === "year" ? null : part,
              serviceTypes: services
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
              population: typeof population === "number" ? population : null,
              status: "open",
            },
            { onSuccess: onDone },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <Group grow align="flex-end">
            <Select
              label={t("create.kind")}
              data={(kinds.data?.items ?? []).map((k) => ({ value: k.id, label: k.title[lang] }))}
              value={kindId}
              onChange={setKindId}
            />
            <Select
              label={t("create.periodType")}
              data={["year", "semester", "quarter", "month"].map((v) => ({
                value: v,
                label: t(`periodType.${v}`),
              }))}
              value={periodType}
              onChange={setPeriodType}
            />
            <NumberInput
              label={t("create.year")}
              value={year}
              onChange={(v) => setYear(Number(v))}
              min={2017}
              max={2100}
            />
            {periodType !== "year" ? (
              <NumberInput
                label={t("create.part")}
                value={part}
                onChange={(v) => setPart(Number(v))}
                min={1}
                max={12}
              />
            ) : null}
          </Group>
          <TextInput
            label={t("create.services")}
            description={t("create.servicesHint")}
            value={services}
            onChange={(e) => setServices(e.currentTarget.value)}
          />
          <NumberInput
            label={t("create.population")}
            description={t("create.populationHint")}
            value={population}
            onChange={setPopulation}
            min={1}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
