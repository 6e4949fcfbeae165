import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowLeft, IconEdit, IconTrash, IconUpload } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { ACTIVITY_STATUSES, type ActivityStatus } from "../../domain/model";
import {
  useActivity,
  useAttachFile,
  useDeleteActivity,
  useDetachFile,
  usePeople,
  useRubric,
  useSetQuestions,
  useUpdateActivity,
} from "../api";
import { ActivityFormDialog } from "../components/ActivityFormDialog";
import { ActivityStatusBadges, FileLink } from "../components/common";
import { QuestionPicker, questionIndex } from "../components/QuestionPicker";

/** /perubahan/rencana/:id — one activity: details, progress report, evidence files, LKE questions. */
export default function ActivityPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("cm");
  const f = useFormat();
  const navigate = useNavigate();
  const activity = useActivity(id);
  const a = activity.data;
  const rubric = useRubric(undefined, !!a);
  const people = usePeople(a?.canManage ? a.unitId : undefined);
  const update = useUpdateActivity(id);
  const attach = useAttachFile(id);
  const detach = useDetachFile(id);
  const setQuestions = useSetQuestions(id);
  const remove = useDeleteActivity(a?.unitId ?? "");
  const [editing, edit] = useDisclosure(false);
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState<ActivityStatus>("belum_mulai");
  const [note, setNote] = useState("");
  const [keys, setKeys] = useState<string[]>([]);
  const index = useMemo(() => questionIndex(rubric.data), [rubric.data]);

  useEffect(() => {
    if (!a) return;
    setProgress(a.progress);
    setStatus(a.status);
    setNote(a.note);
    setKeys(a.questionKeys);
  }, [a]);

  if (activity.isPending) return <PageLoader />;
  if (activity.isError || !a)
    return (
      <ErrorAlert
        error={activity.error}
        title={t("common.loadFailed")}
        onRetry={() => void activity.refetch()}
      />
    );

  async function report(ev: FormEvent) {
    ev.preventDefault();
    const ok = await update.mutateAsync({ progress, status, note: note.trim() }).catch(() => null);
    if (ok) notifySuccess(t("activity.reported"));
  }

  const dirtyQuestions = [...keys].sort().join() !== [...(a.questionKeys ?? [])].sort().join();

  return (
    <>
      <Anchor component={Link} to="/perubahan/rencana" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("activity.back")}
        </Group>
      </Anchor>
      <PageHeader
        eyebrow={t(`area.${a.areaKey}`)}
        title={a.title}
        actions={
          a.canManage ? (
            <>
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={edit.open}>
                {t("common.edit")}
              </Button>
              <ConfirmButton
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                title={t("activity.deleteTitle")}
                message={t("activity.deleteMessage", { title: a.title })}
                confirmLabel={t("common.delete")}
                onConfirm={async () => {
                  await remove.mutateAsync(a.id);
                  navigate("/perubahan/rencana");
                }}
              >
                {t("common.delete")}
              </ConfirmButton>
            </>
          ) : null
        }
      />
      <Group mt={-8} mb="md">
        <ActivityStatusBadges status={a.status} overdue={a.overdue} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="sm">
                {t("activity.details")}
              </Title>
              <Stack gap={6}>
                <Detail label={t("activity.target")} value={a.target || "–"} />
                <Detail label={t("activity.output")} value={a.output || "–"} />
                <Detail label={t("activity.pic")} value={a.picName} />
                <Detail
                  label={t("activity.period")}
                  value={`${f.date(a.startDate)} – ${f.date(a.dueDate)}`}
                />
                <Detail label={t("activity.progress")} value={f.percent(a.progress)} />
              </Stack>
            </Card>
            {a.canReport ? (
              <Card withBorder radius="md" padding="md" component="form" onSubmit={report}>
                <Title order={2} fz="h4" mb="sm">
                  {t("activity.reportTitle")}
                </Title>
                <Stack gap="sm">
                  <ErrorAlert error={update.error} />
                  <Group grow align="flex-start">
                    <NumberInput
                      label={t("activity.progress")}
                      value={progress}
                      onChange={(v) => setProgress(typeof v === "number" ? v : Number(v) || 0)}
                      min={0}
                      max={100}
                      clampBehavior="strict"
                      allowDecimal={false}
                      suffix="%"
                    />
                    <Select
                      label={t("activity.status")}
                      data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                      value={status}
                      onChange={(v) => v && setStatus(v as ActivityStatus)}
                      allowDeselect={false}
                    />
                  </Group>
                  <Textarea
                    label={t("activity.note")}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    autosize
                    minRows={2}
                  />
                  <Group justify="flex-end">
                    <Button type="submit" loading={update.isPending}>
                      {t("activity.report")}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="h4">
                  {t("activity.files")}
                </Title>
                {a.canReport ? (
                  <FileButton onChange={(file) => file && attach.mutate({ unitId: a.unitId, file })}>
                    {(props) => (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconUpload size={14} aria-hidden />}
                        loading={attach.isPending}
                        {...props}
                      >
                        {t("activity.upload")}
                      </Button>
                    )}
                  </FileButton>
                ) : null}
              </Group>
              <ErrorAlert error={attach.error ?? detach.error} />
              {a.files.length ? (
                <List spacing={4} listStyleType="none">
                  {a.files.map((file) => (
                    <List.Item key={file.id}>
                      <Group gap="xs" wrap="nowrap">
                        <FileLink file={file} />
                        {a.canReport ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="sm"
                            aria-label={t("activity.removeFile", { name: file.name })}
                            onClick={() => detach.mutate(file.id)}
                          >
                            <IconTrash size={14} aria-hidden />
                          </ActionIcon>
                        ) : null}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("activity.noFiles")}
                </Text>
              )}
            </Card>
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="sm">
                {t("activity.linkedQuestions")}
              </Title>
              {a.questionKeys.length ? (
                <List spacing={6} size="sm" aria-label={t("activity.linkedQuestions")}>
                  {a.questionKeys.map((k) => {
                    const q = index.get(k);
                    return (
                      <List.Item key={k}>
                        <Text size="sm" fw={500}>
                          {q ? `${q.sourceId} · ${q.text}` : k}
                        </Text>
                        {q ? (
                          <Text size="xs" c="dimmed">
                            {q.area}
                          </Text>
                        ) : null}
                      </List.Item>
                    );
                  })}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("activity.noQuestions")}
                </Text>
              )}
              {a.canManage ? (
                <Stack gap="xs" mt="md">
                  <ErrorAlert error={setQuestions.error} />
                  <QuestionPicker rubric={rubric.data} value={keys} onChange={setKeys} />
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      disabled={!dirtyQuestions}
                      loading={setQuestions.isPending}
                      onClick={() =>
                        setQuestions.mutate(keys, {
                          onSuccess: () => notifySuccess(t("activity.questionsSaved")),
                        })
                      }
                    >
                      {t("activity.saveQuestions")}
                    </Button>
                  </Group>
                </Stack>
              ) : null}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && a.canManage ? (
        <ActivityFormDialog
          opened={editing}
          onClose={edit.close}
          unitId={a.unitId}
          people={people.data ?? []}
          activity={a}
        />
      ) : null}
    </>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
    </Group>
  );
}
