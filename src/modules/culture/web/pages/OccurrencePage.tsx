import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  FileButton,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPaperclip, IconTrash, IconX } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { localDateOf } from "../../../../ui/format";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import {
  type ChecklistEntry,
  CULTURE_PERMISSIONS,
  type OccurrenceWire,
  type ProgrammeWire,
} from "../../contract";
import { attendanceRate, type CheckState } from "../../domain/programmes";
import {
  type FileMeta,
  uploadFile,
  useOccurrence,
  useOccurrenceMutations,
  useProgramme,
  useQueue,
  useStaff,
} from "../api";
import { EvidencePanel } from "../components/EvidencePanel";

type FileRef = Pick<FileMeta, "id" | "originalName" | "sizeBytes">;

/**
 * /budaya/program/:id/sesi/baru (record a session) and /budaya/sesi/:id (a recorded session):
 * date, topic and speaker, notes, the attendance checklist of the unit's staff, files, and for
 * REPEAT the checklist of facilities, people and procedures with the improvement for each finding.
 */
export default function OccurrencePage() {
  const { id, occurrenceId } = useParams();
  const occurrence = useOccurrence(occurrenceId);
  const programmeId = occurrenceId ? occurrence.data?.programmeId : id;
  const detail = useProgramme(programmeId);
  if (occurrence.error || detail.error)
    return <ErrorAlert error={occurrence.error ?? detail.error} onRetry={() => void detail.refetch()} />;
  if ((occurrenceId && !occurrence.data) || !detail.data) return <PageLoader />;
  return (
    <OccurrenceForm
      key={occurrence.data?.updatedAt ?? "new"}
      programme={detail.data.programme}
      occurrence={occurrence.data}
    />
  );
}

function OccurrenceForm({
  programme,
  occurrence,
}: {
  programme: ProgrammeWire;
  occurrence?: OccurrenceWire;
}) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const unit = useCurrentUnit();
  const canManage = useCan(CULTURE_PERMISSIONS.manage);
  const staff = useStaff(programme.unitId);
  const queueEntryId = occurrence ? null : params.get("antrean");
  const queue = useQueue(programme.id, !!queueEntryId);
  const { create, update, remove } = useOccurrenceMutations();
  const mutation = occurrence ? update : create;
  const issues = issuesByPath(mutation.error);

  const [date, setDate] = useState(
    occurrence?.date ?? params.get("tanggal") ?? localDateOf(new Date(), unit?.zone ?? "WIB"),
  );
  const [topic, setTopic] = useState(occurrence?.topic ?? "");
  const [speaker, setSpeaker] = useState<string | null>(occurrence?.speakerUserId ?? null);
  const [notes, setNotes] = useState(occurrence?.notes ?? "");
  const [files, setFiles] = useState<FileRef[]>(occurrence?.files ?? []);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [present, setPresent] = useState<Set<string>>(
    new Set((occurrence?.attendance ?? []).filter((a) => a.present).map((a) => a.userId)),
  );
  const [checklist, setChecklist] = useState<ChecklistEntry[]>(
    occurrence?.checklist.length
      ? occurrence.checklist
      : programme.checklist.map((item) => ({ item, state: "ok" as CheckState, improvement: "" })),
  );

  // Prefill the speaker from the Rabu Cendekia queue entry being scheduled.
  const entry = queue.data?.items.find((e) => e.id === queueEntryId);
  useEffect(() => {
    if (entry && !speaker) {
      setSpeaker(entry.userId);
      if (!topic) setTopic(entry.training);
    }
  }, [entry, speaker, topic]);

  // Everyone expected: the unit's staff, plus anyone already on this session's list.
  const people = useMemo(() => {
    const map = new Map((staff.data?.items ?? []).map((s) => [s.userId, s.name]));
    for (const a of occurrence?.attendance ?? []) if (!map.has(a.userId)) map.set(a.userId, a.name);
    return [...map.entries()]
      .map(([userId, name]) => ({ userId, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "id"));
  }, [staff.data, occurrence]);
  const rate = attendanceRate({
    expected: people.length,
    present: people.filter((p) => present.has(p.userId)).length,
  });

  async function addFiles(list: File[]) {
    setUploading(true);
    setUploadError(null);
    try {
      for (const file of list) {
        const meta = await uploadFile(programme.unitId, file);
        setFiles((cur) => [
          ...cur,
          { id: meta.id, originalName: meta.originalName, sizeBytes: meta.sizeBytes },
        ]);
      }
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      date,
      topic: topic.trim() || null,
      speakerUserId: speaker,
      notes,
      fileIds: files.map((x) => x.id),
      checklist,
      attendance: people.map((p) => ({ userId: p.userId, present: present.has(p.userId) })),
      queueEntryId: queueEntryId ?? null,
    };
    try {
      const saved = occurrence
        ? await update.mutateAsync({ id: occurrence.id, body })
        : await create.mutateAsync({ programmeId: programme.id, body });
      notifySuccess(t("occurrence.saved", { date: f.date(saved.date) }));
      if (!occurrence) void navigate(`/budaya/sesi/${saved.id}`, { replace: true });
    } catch {
      // shown below
    }
  }

  const readOnly = !canManage;
  return (
    <>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to={`/budaya/program/${programme.id}`} size="sm">
            {programme.name}
          </Anchor>
        }
        title={
          occurrence
            ? t("occurrence.titleOn", { date: f.date(occurrence.date, { weekday: true }) })
            : t("occurrence.newTitle")
        }
        actions={
          occurrence && canManage ? (
            <ConfirmButton
              leftSection={<IconTrash size={16} aria-hidden />}
              title={t("occurrence.deleteTitle")}
              message={t("occurrence.deleteMessage", { date: f.date(occurrence.date) })}
              confirmLabel={t("occurrence.delete")}
              onConfirm={async () => {
                await remove.mutateAsync(occurrence.id);
                void navigate(`/budaya/program/${programme.id}`);
              }}
            >
              {t("occurrence.delete")}
            </ConfirmButton>
          ) : null
        }
      />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack gap="lg">
            <Card withBorder padding="md">
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    type="date"
                    label={t("occurrence.date")}
                    value={date}
                    onChange={(e) => setDate(e.currentTarget.value)}
                    error={issues.date}
                    required
                  />
                  <TextInput
                    label={t("occurrence.topic")}
                    value={topic}
                    onChange={(e) => setTopic(e.currentTarget.value)}
                    error={issues.topic}
                  />
                  <Select
                    label={t("occurrence.speaker")}
                    data={people.map((p) => ({ value: p.userId, label: p.name }))}
                    value={speaker}
                    onChange={setSpeaker}
                    searchable
                    clearable
                    error={issues.speakerUserId}
                  />
                </SimpleGrid>
                <Textarea
                  label={t("occurrence.notes")}
                  value={notes}
                  onChange={(e) => setNotes(e.currentTarget.value)}
                  autosize
                  minRows={3}
                  error={issues.notes}
                />
              </Stack>
            </Card>

            <Card withBorder padding="md">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} size="h4">
                    {t("occurrence.attendance")}
                  </Title>
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setPresent(new Set(people.map((p) => p.userId)))}
                    >
                      {t("occurrence.allPresent")}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setPresent(new Set())}>
                      {t("occurrence.clear")}
                    </Button>
                  </Group>
                </Group>
                <Text size="sm" aria-live="polite">
                  {t("occurrence.presentCount", {
                    present: present.size,
                    expected: people.length,
                    rate: rate === null ? "—" : f.number(rate, { maxDecimals: 1 }),
                  })}
                </Text>
                <Progress value={rate ?? 0} aria-label={t("occurrence.attendance")} />
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                  {people.map((p) => (
                    <Checkbox
                      key={p.userId}
                      label={p.name}
                      checked={present.has(p.userId)}
                      onChange={(e) => {
                        const next = new Set(present);
                        if (e.currentTarget.checked) next.add(p.userId);
                        else next.delete(p.userId);
                        setPresent(next);
                      }}
                    />
                  ))}
                </SimpleGrid>
                <ErrorAlert error={staff.error} mb="0" />
              </Stack>
            </Card>

            {checklist.length > 0 || programme.kind === "repeat" ? (
              <Card withBorder padding="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t("checklist.title")}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("checklist.help")}
                  </Text>
                  {checklist.map((c, i) => (
                    <Stack key={c.item} gap={4}>
                      <Group justify="space-between" wrap="wrap">
                        <Text size="sm" fw={500} id={`check-${i}`} style={{ flex: 1, minWidth: 200 }}>
                          {c.item}
                        </Text>
                        <SegmentedControl
                          aria-labelledby={`check-${i}`}
                          size="xs"
                          value={c.state}
                          onChange={(v) =>
                            setChecklist((cur) =>
                              cur.map((x, j) => (j === i ? { ...x, state: v as CheckState } : x)),
                            )
                          }
                          data={(["ok", "improve", "na"] as const).map((s) => ({
                            value: s,
                            label: t(`checklist.${s}`),
                          }))}
                        />
                      </Group>
                      {c.state === "improve" ? (
                        <TextInput
                          label={t("checklist.improvement")}
                          value={c.improvement}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setChecklist((cur) =>
                              cur.map((x, j) => (j === i ? { ...x, improvement: v } : x)),
                            );
                          }}
                        />
                      ) : null}
                    </Stack>
                  ))}
                </Stack>
              </Card>
            ) : null}

            <Card withBorder padding="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t("occurrence.files")}
                </Title>
                {files.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("occurrence.noFiles")}
                  </Text>
                ) : null}
                {files.map((x) => (
                  <Group key={x.id} gap="xs">
                    <IconPaperclip size={16} aria-hidden />
                    <Anchor href={`/api/files/${x.id}/download`} target="_blank" rel="noreferrer" size="sm">
                      {x.originalName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {f.number(Math.max(1, Math.round(x.sizeBytes / 1024)))} KB
                    </Text>
                    {!readOnly ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("occurrence.removeFile", { name: x.originalName })}
                        onClick={() => setFiles((cur) => cur.filter((y) => y.id !== x.id))}
                      >
                        <IconX size={14} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                ))}
                {!readOnly ? (
                  <FileButton onChange={(list) => void addFiles(list)} multiple>
                    {(props) => (
                      <Button {...props} variant="light" loading={uploading} w="fit-content">
                        {t("occurrence.upload")}
                      </Button>
                    )}
                  </FileButton>
                ) : null}
                <ErrorAlert error={uploadError} mb="0" />
              </Stack>
            </Card>

            <ErrorAlert error={mutation.error} mb="0" />
            {!readOnly ? (
              <Group justify="flex-end">
                <Button variant="default" component={Link} to={`/budaya/program/${programme.id}`}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={mutation.isPending}>
                  {t("common.save")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Fieldset>
      </form>
      {occurrence ? (
        <Stack mt="lg">
          <EvidencePanel
            type="occurrences"
            id={occurrence.id}
            keys={occurrence.evidence}
            canManage={canManage}
          />
        </Stack>
      ) : null}
    </>
  );
}
