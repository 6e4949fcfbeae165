import {
  Anchor,
  Button,
  Checkbox,
  FileButton,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPaperclip, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import type { Channel } from "../../contract";
import { THEMES, type Theme } from "../../domain/model";
import { mediaDownloads, type UserRef, uploadFile } from "../api";

export interface ItemFormValues {
  title: string;
  plannedDate: string;
  theme: Theme;
  channelIds: string[];
  assigneeId: string | null;
  draftText: string;
  attachments: Array<{ id: string; originalName: string }>;
  asDraft: boolean;
}

export interface ItemFormProps {
  unitId: string;
  initial: ItemFormValues;
  channels: Channel[];
  assignees: UserRef[];
  submitLabel: string;
  /** Show the "start as a draft" box (creation only). */
  showAsDraft?: boolean;
  onSubmit: (v: ItemFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

/** The content item form: used to plan a new item and to edit an idea, draft or rejected item. */
export function ItemForm(props: ItemFormProps) {
  const { t } = useTranslation("media");
  const [v, setV] = useState<ItemFormValues>(props.initial);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof ItemFormValues>(k: K, value: ItemFormValues[K]) =>
    setV((s) => ({ ...s, [k]: value }));
  const usable = props.channels.filter((c) => c.active || v.channelIds.includes(c.id));
  const missing = {
    title: !v.title.trim(),
    plannedDate: !/^\d{4}-\d{2}-\d{2}$/.test(v.plannedDate),
    channelIds: v.channelIds.length === 0,
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (missing.title || missing.plannedDate || missing.channelIds) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(v);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function upload(file: File | null) {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const meta = await uploadFile(props.unitId, file);
      set("attachments", [...v.attachments, { id: meta.id, originalName: meta.originalName }]);
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("form.title")}
          value={v.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          required
          maxLength={200}
          error={touched && missing.title ? t("form.required") : undefined}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t("form.plannedDate")}
            value={v.plannedDate}
            onChange={(e) => set("plannedDate", e.currentTarget.value)}
            required
            error={touched && missing.plannedDate ? t("form.required") : undefined}
            miw={180}
          />
          <Select
            label={t("form.theme")}
            data={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
            value={v.theme}
            onChange={(x) => x && set("theme", x as Theme)}
            allowDeselect={false}
            miw={180}
          />
        </Group>
        {usable.length === 0 ? (
          <Text size="sm" c="red.8" role="alert">
            {t("form.noChannels")}
          </Text>
        ) : (
          <Checkbox.Group
            label={t("form.channels")}
            description={t("form.channelsHint")}
            value={v.channelIds}
            onChange={(ids) => set("channelIds", ids)}
            required
            error={touched && missing.channelIds ? t("form.required") : undefined}
          >
            <Group gap="md" mt={4}>
              {usable.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.name} (${t(`kind.${c.kind}`)})`} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <Select
          label={t("form.assignee")}
          data={props.assignees.map((u) => ({ value: u.id, label: u.name }))}
          value={v.assigneeId}
          onChange={(x) => set("assigneeId", x)}
          placeholder={t("item.assigneeNone")}
          clearable
          searchable
        />
        <Textarea
          label={t("form.draftText")}
          value={v.draftText}
          onChange={(e) => set("draftText", e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={10000}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("form.attachments")}
          </Text>
          {v.attachments.map((a) => (
            <Group key={a.id} gap="xs">
              <Anchor href={mediaDownloads.file(a.id)} size="sm">
                {a.originalName}
              </Anchor>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={`${t("common.cancel")} ${a.originalName}`}
                onClick={() =>
                  set(
                    "attachments",
                    v.attachments.filter((x) => x.id !== a.id),
                  )
                }
              >
                <IconX size={14} aria-hidden />
              </Button>
            </Group>
          ))}
          <FileButton onChange={(f) => void upload(f)}>
            {(p) => (
              <Button
                {...p}
                variant="default"
                size="xs"
                loading={uploading}
                leftSection={<IconPaperclip size={14} aria-hidden />}
                w="fit-content"
              >
                {uploading ? t("form.uploading") : t("form.upload")}
              </Button>
            )}
          </FileButton>
        </Stack>
        {props.showAsDraft ? (
          <Checkbox
            label={t("form.asDraft")}
            checked={v.asDraft}
            onChange={(e) => set("asDraft", e.currentTarget.checked)}
          />
        ) : null}
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
