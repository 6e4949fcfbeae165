import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { Unit } from "../../../../ui/types";
import { type Predicate, useCycleMutations, useRubrics } from "../api";

const DEFAULT_RUBRIC = "permenpanrb-90-2021";

/** "Buat siklus": year, target predicate, rubric edition, prior WBK; for zi.cycle.manage. */
export function CreateCycleButton({ unit, defaultYear }: { unit: Unit; defaultYear: number }) {
  const { t } = useTranslation("zi");
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t("create.button")}
      </Button>
      {opened ? (
        <CreateCycleDialog unit={unit} defaultYear={defaultYear} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
}

function CreateCycleDialog({
  unit,
  defaultYear,
  onClose,
}: {
  unit: Unit;
  defaultYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation("zi");
  const navigate = useNavigate();
  const rubrics = useRubrics();
  const { create } = useCycleMutations();
  const [year, setYear] = useState<number | string>(defaultYear);
  const [target, setTarget] = useState<Predicate>("WBK");
  const [rubricId, setRubricId] = useState<string | null>(DEFAULT_RUBRIC);
  const [priorWbk, setPriorWbk] = useState(false);
  const issues = issuesByPath(create.error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const cycle = await create.mutateAsync({
        unitId: unit.id,
        year: Number(year),
        target,
        rubricId: rubricId ?? DEFAULT_RUBRIC,
        priorWbk,
      });
      notifySuccess(t("create.created", { year: cycle.year, unit: unit.name }));
      onClose();
      void navigate(`/zi/siklus/${cycle.id}`);
    } catch {
      // shown below
    }
  }

  const options = (
    rubrics.data?.items ?? [
      { id: DEFAULT_RUBRIC, title: DEFAULT_RUBRIC, questions: 0, status: "complete" as const },
    ]
  ).map((r) => ({
    value: r.id,
    label:
      t("create.rubricOption", { title: r.title, questions: r.questions }) +
      (r.status === "partial" ? ` · ${t("create.rubricPartial")}` : ""),
  }));

  return (
    <Dialog opened onClose={onClose} title={t("create.title")} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {unit.name}
          </Text>
          <NumberInput
            label={t("create.year")}
            min={2014}
            max={2100}
            value={year}
            onChange={setYear}
            thousandSeparator={false}
            allowDecimal={false}
            error={issues.year}
            required
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="zi-create-target">
              {t("create.target")}
            </Text>
            <SegmentedControl
              aria-labelledby="zi-create-target"
              value={target}
              onChange={(v) => setTarget(v as Predicate)}
              data={["WBK", "WBBM"]}
            />
          </div>
          <Select
            label={t("create.rubric")}
            data={options}
            value={rubricId}
            onChange={setRubricId}
            allowDeselect={false}
            error={issues.rubricId}
          />
          <Switch
            label={t("create.priorWbk")}
            description={t("create.priorWbkHelp")}
            checked={priorWbk}
            onChange={(e) => setPriorWbk(e.currentTarget.checked)}
          />
          <ErrorAlert error={create.error} mb="0" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
