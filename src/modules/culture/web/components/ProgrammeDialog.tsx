import { Button, Group, NumberInput, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { ProgrammeWire } from "../../contract";
import { PROGRAMME_KINDS, type ProgrammeKind, type ScheduleRule } from "../../domain/programmes";
import { useProgrammeMutations, useStaff } from "../api";

/** Create a programme, or edit one (`programme` given): name, kind, schedule rule, owner, checklist. */
export function ProgrammeDialog({
  unitId,
  programme,
  onClose,
  onSaved,
}: {
  unitId: string;
  programme?: ProgrammeWire;
  onClose: () => void;
  onSaved?: (p: ProgrammeWire) => void;
}) {
  const { t } = useTranslation("culture");
  const staff = useStaff(unitId);
  const { create, update } = useProgrammeMutations();
  const mutation = programme ? update : create;
  const [code, setCode] = useState(programme?.code ?? "");
  const [name, setName] = useState(programme?.name ?? "");
  const [kind, setKind] = useState<ProgrammeKind>(programme?.kind ?? "other");
  const [description, setDescription] = useState(programme?.description ?? "");
  const [rule, setRule] = useState<ScheduleRule["kind"]>(programme?.schedule.kind ?? "weekly");
  const [weekday, setWeekday] = useState<string>(
    String(programme?.schedule.kind === "weekly" ? programme.schedule.weekday : 1),
  );
  const [day, setDay] = useState<number | string>(
    programme?.schedule.kind === "monthly" ? programme.schedule.day : 1,
  );
  const [owner, setOwner] = useState<string | null>(programme?.ownerUserId ?? null);
  const [checklist, setChecklist] = useState((programme?.checklist ?? []).join("\n"));
  const [active, setActive] = useState(programme?.active ?? true);
  const issues = issuesByPath(mutation.error);
  const weekdays = t("calendar.weekdaysLong", { returnObjects: true }) as string[];

  const schedule = (): ScheduleRule =>
    rule === "weekly"
      ? { kind: "weekly", weekday: Number(weekday) }
      : rule === "monthly"
        ? { kind: "monthly", day: Number(day) }
        : { kind: rule };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const items = checklist
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const saved = programme
        ? await update.mutateAsync({
            id: programme.id,
            patch: { name, description, schedule: schedule(), ownerUserId: owner, checklist: items, active },
          })
        : await create.mutateAsync({
            unitId,
            code: code.trim().toUpperCase(),
            kind,
            name,
            description,
            schedule: schedule(),
            ownerUserId: owner,
            checklist: items,
          });
      notifySuccess(t(programme ? "programme.saved" : "programme.created", { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch {
      // shown below
    }
  }

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(programme ? "programme.editTitle" : "programme.createTitle")}
      size="lg"
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {!programme ? (
            <Group grow align="flex-start">
              <TextInput
                label={t("programme.code")}
                description={t("programme.codeHelp")}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={issues.code}
                required
              />
              <Select
                label={t("programme.kind")}
                data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                value={kind}
                onChange={(v) => setKind((v as ProgrammeKind) ?? "other")}
                allowDeselect={false}
              />
            </Group>
          ) : null}
          <TextInput
            label={t("programme.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issues.name}
            required
          />
          <Textarea
            label={t("programme.description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            error={issues.description}
          />
          <Group grow align="flex-start">
            <Select
              label={t("programme.schedule")}
              data={(["working_days", "weekly", "monthly", "ad_hoc"] as const).map((k) => ({
                value: k,
                label: t(`scheduleKind.${k}`),
              }))}
              value={rule}
              onChange={(v) => setRule((v as ScheduleRule["kind"]) ?? "weekly")}
              allowDeselect={false}
            />
            {rule === "weekly" ? (
              <Select
                label={t("programme.weekday")}
                data={weekdays.map((d, i) => ({ value: String(i + 1), label: d }))}
                value={weekday}
                onChange={(v) => setWeekday(v ?? "1")}
                allowDeselect={false}
              />
            ) : null}
            {rule === "monthly" ? (
              <NumberInput
                label={t("programme.dayOfMonth")}
                min={1}
                max={28}
                value={day}
                onChange={setDay}
                allowDecimal={false}
                error={issues["schedule.day"]}
              />
            ) : null}
          </Group>
          <Select
            label={t("programme.owner")}
            data={(staff.data?.items ?? []).map((s) => ({ value: s.userId, label: s.name }))}
            value={owner}
            onChange={setOwner}
            searchable
            clearable
          />
          <Textarea
            label={t("programme.checklist")}
            description={t("programme.checklistHelp")}
            value={checklist}
            onChange={(e) => setChecklist(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {programme ? (
            <Switch
              label={t("programme.active")}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          ) : null}
          <ErrorAlert error={mutation.error} mb="0" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
