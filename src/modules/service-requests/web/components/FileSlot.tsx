import { ActionIcon, Box, FileInput, Group, Progress, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconPaperclip, IconTrash } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../ui/components/ErrorAlert";
import { useFormat } from "../../../../ui/i18n";
import type { SrFileType } from "../../contract";
import { uploadPublicFile } from "../api";
import { acceptFor, checkFile, type FileProblem, typeLabel } from "../lib";

/** A file uploaded for a requirement, ready to be referenced by a submission. */
export interface UploadedDoc {
  requirementKey: string;
  uploadId: string;
  token: string;
  name: string;
  sizeBytes: number;
}

interface Pending {
  id: number;
  name: string;
  progress: number;
}

let seq = 0;

/**
 * One requirement's upload slot: files are checked (type, size) before anything is sent, then
 * uploaded at once with a progress bar each; uploaded files can be removed before submitting.
 */
export function FileSlot({
  unitCode,
  requirementKey,
  label,
  hint,
  types,
  multiple,
  required,
  maxBytes,
  value,
  onChange,
  error,
}: {
  unitCode: string;
  requirementKey: string;
  label: string;
  hint?: string;
  types: readonly SrFileType[];
  multiple: boolean;
  required: boolean;
  maxBytes: number;
  value: UploadedDoc[];
  onChange: (next: (prev: UploadedDoc[]) => UploadedDoc[]) => void;
  error?: string;
}) {
  const { t } = useTranslation("requests");
  const { t: tShell } = useTranslation();
  const f = useFormat();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const mb = Math.max(1, Math.round(maxBytes / 1024 / 1024));

  const describe = (name: string, p: FileProblem) =>
    p.kind === "type"
      ? t("upload.wrongType", { name, types: p.types })
      : p.kind === "size"
        ? t("upload.tooBig", { name, mb: p.mb })
        : t("upload.empty", { name });

  async function pick(input: File | File[] | null) {
    const files = input ? (Array.isArray(input) ? input : [input]) : [];
    if (files.length === 0) return;
    const problems = files
      .map((file) => ({ file, p: checkFile(file, types, maxBytes) }))
      .filter((x): x is { file: File; p: FileProblem } => x.p !== null);
    if (problems.length > 0) {
      setProblem(problems.map((x) => describe(x.file.name, x.p)).join(" "));
      return;
    }
    setProblem(null);
    if (!multiple) onChange(() => []);
    await Promise.all(
      files.map(async (file) => {
        const id = ++seq;
        setPending((p) => [...p, { id, name: file.name, progress: 0 }]);
        try {
          const r = await uploadPublicFile(unitCode, file, (progress) =>
            setPending((p) => p.map((x) => (x.id === id ? { ...x, progress } : x))),
          );
          onChange((prev) => [
            ...prev,
            {
              requirementKey,
              uploadId: r.uploadId,
              token: r.token,
              name: r.name || file.name,
              sizeBytes: r.sizeBytes,
            },
          ]);
        } catch (e) {
          setProblem(`${file.name}: ${errorMessage(tShell, e)}`);
        } finally {
          setPending((p) => p.filter((x) => x.id !== id));
        }
      }),
    );
  }

  const description = [hint, t("upload.hint", { types: typeLabel(types), mb })].filter(Boolean).join(" · ");
  return (
    <Stack gap={6}>
      <FileInput
        label={label}
        description={description}
        placeholder={value.length > 0 && !multiple ? t("upload.replace") : t("upload.choose")}
        leftSection={<IconPaperclip size={18} aria-hidden />}
        accept={acceptFor(types)}
        multiple={multiple as false}
        value={null}
        onChange={(v) => void pick(v as File | File[] | null)}
        withAsterisk={required}
        error={problem ?? error}
        size="md"
        aria-describedby={value.length > 0 ? listId : undefined}
        data-requirement={requirementKey}
      />
      {pending.map((p) => (
        <Box key={p.id}>
          <Text size="sm">{t("upload.uploading", { name: p.name, percent: p.progress })}</Text>
          <Progress
            value={p.progress}
            animated
            striped
            aria-label={t("upload.uploading", { name: p.name, percent: p.progress })}
          />
        </Box>
      ))}
      {value.length > 0 ? (
        <Stack gap={4} id={listId} role="list" aria-label={t("upload.uploadedFor", { label })}>
          {value.map((d) => (
            <Group key={d.uploadId} gap="xs" wrap="nowrap" role="listitem">
              <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
              <Text size="sm" style={{ minWidth: 0, flex: 1 }} truncate>
                {d.name} · {f.number(Math.max(1, Math.round(d.sizeBytes / 1024)))} KB · {t("upload.done")}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("upload.remove", { name: d.name })}
                onClick={() => onChange((prev) => prev.filter((x) => x.uploadId !== d.uploadId))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
