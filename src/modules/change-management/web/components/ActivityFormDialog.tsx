import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { ActivityDetailWire, ActivityWire, PersonWire } from "../../contract";
import { ACTIVITY_STATUSES, type ActivityStatus, LEVER_AREAS, type LeverArea } from "../../domain/model";
import { useCreateActivity, useUpdateActivity } from "../api";

interface FormState {
  areaKey: LeverArea | null;
  title: string;
  target: string;
  output: string;
  picUserId: string | null;
  startDate: string;
  dueDate: string;
  progress: number;
  status: ActivityStatus;
  note: string;
}

function initialState(a?: ActivityWire): FormState {
  return {
    areaKey: a?.areaKey ?? null,
    title: a?.title ?? "",
    target: a?.target ?? "",
    output: a?.output ?? "",
    picUserId: a?.picUserId ?? null,
    startDate: a?.startDate ?? "",
    dueDate: a?.dueDate ?? "",
    progress: a?.progress ?? 0,
    status: a?.status ?? "belum_mulai",
    note: a?.note ?? "",
  };
}

/** Create an activity, or edit one (managers). Field errors are checked here first, then by the server. */
export function ActivityFormDialog(props: {
  opened: boolean;
  onClose: () => void;
  unitId: string;
  people: PersonWire[];
  activity?: ActivityWire;
  onSaved?: (a: ActivityDetailWire) => void;
}) {
  const { t } = useTranslation("cm");
  const [form, setForm] = useState<FormState>(() => initialState(props.activity));
  const [errors, setErrors] = useState<Partial<Record<keyof FormState, string>>>({});
  const create = useCreateActivity();
  const update = useUpdateActivity(props.activity?.id ?? "");
  const mutation = props.activity ? update : create;
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((s) => ({ ...s, [k]: v }));

  function validate(): boolean {
    const e: typeof errors = {};
    if (!form.areaKey) e.areaKey = t("form.required");
    if (!form.title.trim()) e.title = t("form.required");
    if (!form.picUserId) e.picUserId = t("form.required");
    if (!form.startDate) e.startDate = t("form.required");
    if (!form.dueDate) e.dueDate = t("form.required");
    if (form.startDate && form.dueDate && form.dueDate < form.startDate)
      e.dueDate = t("activity.dueBeforeStart");
    setErrors(e);
    return Object.keys(e).length === 0;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!validate()) return;
    const body = {
      areaKey: form.areaKey!,
      title: form.title.trim(),
      target: form.target.trim(),
      output: form.output.trim(),
      picUserId: form.picUserId!,
      startDate: form.startDate,
      dueDate: form.dueDate,
      progress: form.progress,
      status: form.status,
      note: form.note.trim(),
    };
    const saved = props.activity
      ? await update.mutateAsync(body).catch(() => null)
      : await create.mutateAsync({ unitId: props.unitId, ...body }).catch(() => null);
    if (!saved) return;
    notifySuccess(t("activity.saved"));
    props.onSaved?.(saved);
    props.onClose();
  }

  const server = issuesByPath(mutation.error);
  return (
    <Dialog
      opened={props.opened}
      onClose={props.onClose}
      title={props.activity ? t("activity.edit") : t("activity.new")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} />
          <Select
            label={t("activity.area")}
            data={LEVER_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
            value={form.areaKey}
            onChange={(v) => set("areaKey", v as LeverArea | null)}
            error={errors.areaKey ?? server.areaKey}
            required
          />
          <TextInput
            label={t("activity.title")}
            value={form.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title ?? server.title}
            required
            maxLength={300}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t("activity.target")}
              value={form.target}
              onChange={(e) => set("target", e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t("activity.output")}
              value={form.output}
              onChange={(e) => set("output", e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <Select
            label={t("activity.pic")}
            data={props.people.map((p) => ({ value: p.id, label: p.name }))}
            value={form.picUserId}
            onChange={(v) => set("picUserId", v)}
            error={errors.picUserId ?? server.picUserId}
            searchable
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("activity.startDate")}
              value={form.startDate}
              onChange={(e) => set("startDate", e.currentTarget.value)}
              error={errors.startDate ?? server.startDate}
              required
            />
            <TextInput
              type="date"
              label={t("activity.dueDate")}
              value={form.dueDate}
              onChange={(e) => set("dueDate", e.currentTarget.value)}
              error={errors.dueDate ?? server.dueDate}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("activity.progress")}
              value={form.progress}
              onChange={(v) => set("progress", typeof v === "number" ? v : Number(v) || 0)}
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              suffix="%"
            />
            <Select
              label={t("activity.status")}
              data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={form.status}
              onChange={(v) => v && set("status", v as ActivityStatus)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label={t("activity.note")}
            value={form.note}
            onChange={(e) => set("note", e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
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
