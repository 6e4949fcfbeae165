import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconDownload, IconEye, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import type { WbsDetail } from "../../contract";
import { useWbsCase, useWbsMutations, wbsDownload } from "../api";
import { WBS_TONE } from "../components/common";

/** /integritas/wbs/:id — one case: the report, its timeline, replies, internal notes and status. */
export default function WbsCasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("integrity");
  const q = useWbsCase(id);
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return <ErrorAlert error={q.error} title={t("common.loadFailed")} onRetry={() => void q.refetch()} />;
  return <CaseView d={q.data} />;
}

function CaseView({ d }: { d: WbsDetail }) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const m = useWbsMutations(d.id);
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [next, setNext] = useState<string | null>(null);
  const [statusNote, setStatusNote] = useState("");
  const identity = m.identity.data;

  return (
    <>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/integritas/wbs" size="sm">
            {t("wbs.back")}
          </Anchor>
        }
        title={`${d.code} · ${t(`wbsCategory.${d.category}`)}`}
        description={t("wbs.caseDescription", { unit: d.unitName })}
        actions={<StatusBadge tone={WBS_TONE[d.status]}>{t(`wbsStatus.${d.status}`)}</StatusBadge>}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t("wbs.report")}
              </Title>
              {d.aboutHead ? (
                <Badge color="orange" mb="xs">
                  {t("wbs.aboutHeadFrom", { unit: d.originUnitName })}
                </Badge>
              ) : null}
              <Text size="sm" fw={600}>
                {t("wbs.subject")}
              </Text>
              <Text size="sm" mb="xs">
                {d.subject}
              </Text>
              {d.when ? (
                <Text size="sm">
                  <b>{t("wbs.when")}:</b> {d.when}
                </Text>
              ) : null}
              {d.where ? (
                <Text size="sm">
                  <b>{t("wbs.where")}:</b> {d.where}
                </Text>
              ) : null}
              <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
                {d.description}
              </Text>
              <Text size="xs" c="dimmed" mt="xs">
                {t("wbs.submittedOn")}: {f.date(d.submittedOn)}
              </Text>
            </Card>
            <Title order={2} size="h4">
              {t("wbs.timeline")}
            </Title>
            <Stack component="ol" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {d.messages.length === 0 ? <Text c="dimmed">{t("wbs.noMessages")}</Text> : null}
              {d.messages.map((msg) => (
                <Paper
                  key={msg.id}
                  component="li"
                  withBorder
                  p="sm"
                  bg={msg.kind === "note" ? "var(--mantine-color-yellow-0)" : undefined}
                >
                  <Group justify="space-between" gap="xs">
                    <Text size="xs" c="dimmed">
                      {msg.author === "reporter" ? t("wbs.reporter") : (msg.authorName ?? t("wbs.handler"))} ·{" "}
                      {f.dateTime(msg.createdAt)}
                    </Text>
                    <Badge size="xs" variant="light" color={msg.kind === "note" ? "yellow" : "gray"}>
                      {t(`wbs.kind.${msg.kind}`)}
                    </Badge>
                  </Group>
                  {msg.kind === "status" && msg.status ? (
                    <Text fw={600}>{t(`wbsStatus.${msg.status}`)}</Text>
                  ) : null}
                  {msg.body ? (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {msg.body}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </Stack>
            <Card withBorder>
              <Stack gap="xs">
                <Textarea
                  label={internal ? t("wbs.noteLabel") : t("wbs.replyLabel")}
                  autosize
                  minRows={3}
                  maxLength={5000}
                  value={body}
                  onChange={(e) => setBody(e.currentTarget.value)}
                />
                <Switch
                  label={t("wbs.internal")}
                  checked={internal}
                  onChange={(e) => setInternal(e.currentTarget.checked)}
                />
                {m.post.isError ? <ErrorAlert error={m.post.error} /> : null}
                <Group>
                  <Button
                    loading={m.post.isPending}
                    disabled={!body.trim()}
                    onClick={() =>
                      m.post.mutate(
                        { body, internal },
                        {
                          onSuccess: () => {
                            setBody("");
                            notifySuccess(internal ? t("wbs.noteSaved") : t("wbs.replySent"));
                          },
                        },
                      )
                    }
                  >
                    {internal ? t("wbs.saveNote") : t("wbs.sendReply")}
                  </Button>
                </Group>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t("wbs.changeStatus")}
              </Title>
              <Stack gap="xs">
                <Select
                  label={t("wbs.nextStatus")}
                  data={d.nextStatuses.map((s) => ({ value: s, label: t(`wbsStatus.${s}`) }))}
                  value={next}
                  onChange={setNext}
                />
                <Textarea
                  label={t("wbs.statusNote")}
                  autosize
                  minRows={2}
                  value={statusNote}
                  onChange={(e) => setStatusNote(e.currentTarget.value)}
                />
                {m.status.isError ? <ErrorAlert error={m.status.error} /> : null}
                <Button
                  disabled={!next}
                  loading={m.status.isPending}
                  onClick={() =>
                    m.status.mutate(
                      { status: next!, note: statusNote || undefined },
                      {
                        onSuccess: () => {
                          setNext(null);
                          setStatusNote("");
                        },
                      },
                    )
                  }
                >
                  {t("wbs.applyStatus")}
                </Button>
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t("wbs.attachments")}
              </Title>
              {d.attachments.length === 0 ? <Text c="dimmed">{t("wbs.noAttachments")}</Text> : null}
              <Stack gap={4}>
                {d.attachments.map((a) => (
                  <Group key={a.id} gap="xs" wrap="nowrap">
                    <IconDownload size={14} aria-hidden />
                    <Anchor href={wbsDownload(d.id, a.id)} size="sm">
                      {a.filename}
                    </Anchor>
                    {a.metadata === "warn" ? (
                      <Badge size="xs" color="yellow">
                        {t("wbs.metaWarn")}
                      </Badge>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t("wbs.identity")}
              </Title>
              {!d.hasIdentity ? (
                <Text c="dimmed" size="sm">
                  {t("wbs.anonymous")}
                </Text>
              ) : identity ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {t("wbs.identityName")}: {identity.name ?? "—"}
                  </Text>
                  <Text size="sm">
                    {t("wbs.identityContact")}: {identity.contact ?? "—"}
                  </Text>
                </Stack>
              ) : (
                <Stack gap="xs">
                  <Alert role="note" icon={<IconLock size={16} aria-hidden />} color="gray">
                    {t("wbs.identityHidden")}
                  </Alert>
                  <Button
                    variant="light"
                    leftSection={<IconEye size={16} aria-hidden />}
                    loading={m.identity.isPending}
                    onClick={() => m.identity.mutate()}
                  >
                    {t("wbs.reveal")}
                  </Button>
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
