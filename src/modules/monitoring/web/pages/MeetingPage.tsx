import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Grid,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconFileText, IconPlus, IconUnlink, IconUpload } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getCsrfToken, issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan } from "../../../../ui/session";
import type { MeetingDetail } from "../../contract";
import {
  fileDownloadUrl,
  uploadFile,
  useLkeQuestions,
  useMeeting,
  useMonevMutations,
  usePeople,
} from "../api";
import { FollowUpTable } from "../components/FollowUpTable";
import { KIND_TONE, linesOf } from "../format";

const ZI_WORKSHEET_WRITE = "zi.worksheet.write";

/** One meeting: agenda, minutes, decisions, people, files, follow-ups (new and carried), LKE evidence. */
export default function MeetingPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.error || !meeting.data)
    return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  return (
    <>
      <Anchor component={Link} to="/monev" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t("monev:meeting.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={m.title}
        eyebrow={`${m.unit.name} · ${fmt.date(m.date, { weekday: true })}`}
        actions={<StatusBadge tone={KIND_TONE[m.kind]}>{t(`monev:kind.${m.kind}`)}</StatusBadge>}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Notes m={m} />
            <FollowUpsSection m={m} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <People m={m} />
            <Files m={m} />
            <Evidence m={m} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Notes({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const { updateMeeting } = useMonevMutations();
  const [editing, setEditing] = useState(false);
  const [agenda, setAgenda] = useState("");
  const [minutes, setMinutes] = useState("");
  const [decisions, setDecisions] = useState("");
  const start = () => {
    setAgenda(m.agenda.join("\n"));
    setMinutes(m.minutes);
    setDecisions(m.decisions.join("\n"));
    updateMeeting.reset();
    setEditing(true);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    updateMeeting.mutate(
      {
        id: m.id,
        patch: { version: m.version, agenda: linesOf(agenda), minutes, decisions: linesOf(decisions) },
      },
      {
        onSuccess: () => {
          notifySuccess(t("monev:meeting.saved"));
          setEditing(false);
        },
      },
    );
  };
  if (editing)
    return (
      <Paper withBorder p="md" component="form" onSubmit={save}>
        <Stack>
          <ErrorAlert error={updateMeeting.error} />
          <Textarea
            label={t("monev:meeting.agendaLines")}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Textarea
            label={t("monev:meeting.minutes")}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            autosize
            minRows={6}
          />
          <Textarea
            label={t("monev:meeting.decisionLines")}
            value={decisions}
            onChange={(e) => setDecisions(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t("monev:meeting.cancel")}
            </Button>
            <Button type="submit" loading={updateMeeting.isPending}>
              {t("monev:meeting.save")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("monev:meeting.agenda")}
          </Title>
          {m.canManage ? (
            <Button size="compact-sm" variant="light" onClick={start}>
              {t("monev:meeting.edit")}
            </Button>
          ) : null}
        </Group>
        {m.agenda.length ? (
          <List type="ordered" size="sm">
            {m.agenda.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t("monev:meeting.noAgenda")}
          </Text>
        )}
        <Title order={2} size="h4">
          {t("monev:meeting.minutes")}
        </Title>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={m.minutes ? undefined : "dimmed"}>
          {m.minutes || t("monev:meeting.noMinutesYet")}
        </Text>
        <Title order={2} size="h4">
          {t("monev:meeting.decisions")}
        </Title>
        {m.decisions.length ? (
          <List size="sm">
            {m.decisions.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t("monev:meeting.noDecisions")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FollowUpsSection({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("monev:meeting.newFollowUps")}
        </Title>
        <FollowUpTable
          rows={m.followUps}
          caption={t("monev:meeting.newFollowUps")}
          meetingId={m.id}
          empty={t("monev:meeting.noFollowUps")}
        />
        {m.canManage ? <AddFollowUp m={m} /> : null}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          {t("monev:meeting.carriedOver")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("monev:meeting.carriedHint")}
        </Text>
        <FollowUpTable
          rows={m.carriedOver}
          caption={t("monev:meeting.carriedOver")}
          meetingId={m.id}
          carried
          empty={t("monev:meeting.noCarried")}
        />
      </Paper>
    </Stack>
  );
}

function AddFollowUp({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const people = usePeople(m.unit.id);
  const { addFollowUp } = useMonevMutations();
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = issuesByPath(addFollowUp.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!text.trim()) errs.text = t("monev:followUp.textRequired");
    if (!ownerId) errs.ownerId = t("monev:followUp.ownerRequired");
    if (!dueDate) errs.dueDate = t("monev:followUp.dueRequired");
    else if (dueDate < m.date) errs.dueDate = t("monev:followUp.dueBeforeMeeting", { date: m.date });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    addFollowUp.mutate(
      { meetingId: m.id, input: { text: text.trim(), ownerId: ownerId!, dueDate } },
      {
        onSuccess: () => {
          notifySuccess(t("monev:followUp.added"));
          setText("");
          setDueDate("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="md">
        <ErrorAlert error={addFollowUp.error} mb="0" />
        <Textarea
          label={t("monev:followUp.text")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text ?? server.text}
          autosize
          minRows={1}
          required
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t("monev:followUp.owner")}
            data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            required
            error={errors.ownerId ?? server.ownerId}
          />
          <TextInput
            type="date"
            label={t("monev:followUp.due")}
            value={dueDate}
            min={m.date}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            required
            error={errors.dueDate ?? server.dueDate}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconPlus size={16} aria-hidden />}
            loading={addFollowUp.isPending}
          >
            {t("monev:followUp.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function People({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("monev:meeting.people")}
      </Title>
      {m.chair ? (
        <Text size="sm" fw={600}>
          {t("monev:meetings.chair")}: {m.chair.name}
        </Text>
      ) : null}
      <List size="sm" mt="xs">
        {m.participants.map((p) => (
          <List.Item key={p.id}>{p.name}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

function Files({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const { updateMeeting } = useMonevMutations();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const meta = await uploadFile(m.unit.id, file, getCsrfToken());
      await updateMeeting.mutateAsync({
        id: m.id,
        patch: { version: m.version, fileIds: [...m.files.map((f) => f.id), meta.id] },
      });
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("monev:meeting.files")}
      </Title>
      <ErrorAlert error={error} />
      {m.files.length ? (
        <Stack gap={4}>
          {m.files.map((f) => (
            <Anchor key={f.id} href={fileDownloadUrl(f.id)} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconFileText size={16} aria-hidden />
                {f.originalName}
              </Group>
            </Anchor>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("monev:meeting.noFiles")}
        </Text>
      )}
      {m.canManage ? (
        <FileButton onChange={(f) => void upload(f)} accept="application/pdf,image/*">
          {(props) => (
            <Button
              {...props}
              mt="sm"
              size="compact-sm"
              variant="light"
              leftSection={<IconUpload size={14} aria-hidden />}
              loading={uploading}
            >
              {t("monev:meeting.upload")}
            </Button>
          )}
        </FileButton>
      ) : null}
    </Paper>
  );
}

function Evidence({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const canLink = useCan(ZI_WORKSHEET_WRITE);
  const questions = useLkeQuestions(canLink || m.evidence.length > 0);
  const { linkEvidence, unlinkEvidence } = useMonevMutations();
  const [pick, setPick] = useState<string | null>(null);
  const textOf = (key: string) => questions.data?.find((q) => q.key === key)?.text ?? key;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t("monev:meeting.evidence")}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("monev:meeting.evidenceHint")}
      </Text>
      <ErrorAlert error={linkEvidence.error ?? unlinkEvidence.error} />
      {m.evidence.length ? (
        <Stack gap={6}>
          {m.evidence.map((key) => (
            <Group key={key} justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">{textOf(key)}</Text>
              {canLink ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t("monev:meeting.evidenceUnlink", { key })}
                  onClick={() => unlinkEvidence.mutate({ meetingId: m.id, questionKey: key })}
                >
                  <IconUnlink size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("monev:meeting.evidenceNone")}
        </Text>
      )}
      {canLink ? (
        <Group align="flex-end" mt="sm" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={t("monev:meeting.evidencePick")}
            data={(questions.data ?? [])
              .filter((q) => !m.evidence.includes(q.key))
              .map((q) => ({ value: q.key, label: `${q.text}` }))}
            value={pick}
            onChange={setPick}
            searchable
          />
          <Button
            disabled={!pick}
            loading={linkEvidence.isPending}
            onClick={() =>
              pick &&
              linkEvidence.mutate(
                { meetingId: m.id, questionKeys: [pick] },
                { onSuccess: () => setPick(null) },
              )
            }
          >
            {t("monev:meeting.evidenceLink")}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
