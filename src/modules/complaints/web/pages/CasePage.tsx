import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { buildUrl } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import type { CaseDetail, TransitionBody } from "../../contract";
import { SLA_CLASSES } from "../../domain/sla-rules";
import { FORWARD_CHANNELS, REJECT_KINDS } from "../../domain/workflow";
import { useAssignees, useAttachFile, useCase, useNote, useTransition } from "../api";

/** At most this many files per case (server: MAX_ATTACHMENTS). */
const MAX_CASE_ATTACHMENTS = 5;

import { CaseStatusBadge, SlaBadge } from "../components/SlaBadge";

/** One complaint: details, deadlines, timeline, and the next steps. All text renders escaped. */
export default function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const c = useCase(id);
  if (c.isPending) return <PageLoader />;
  if (c.isError) return <ErrorAlert error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  return (
    <Stack>
      <PageHeader
        title={d.code}
        eyebrow={d.unitName}
        description={`${t(`category.${d.category}`)} · ${d.service} · ${t("caseChannel")}: ${t(`intakeChannel.${d.channel}`)}`}
        actions={<CaseStatusBadge status={d.status} />}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card withBorder>
              <Title order={2} fz="h4" mb="xs">
                {t("case.description")}
              </Title>
              <Text style={{ whiteSpace: "pre-wrap" }}>{d.description}</Text>
              <Text size="sm" c="dimmed" mt="sm">
                {t("case.contact")}:{" "}
                {[d.contactName, d.contactEmail, d.contactPhone].filter(Boolean).join(" · ") ||
                  t("case.anonymous")}
              </Text>
            </Card>
            <Attachments d={d} />
            {d.answer ? (
              <Alert color="green" title={t("track.answer")}>
                <Text style={{ whiteSpace: "pre-wrap" }}>{d.answer}</Text>
              </Alert>
            ) : null}
            {d.forwardChannel ? (
              <Alert color="blue" title={t("track.forwarded")}>
                {t(`channel.${d.forwardChannel}`)} — {t("track.reference")}: {d.forwardReference}
              </Alert>
            ) : null}
            {d.decisionReason ? (
              <Alert color="gray" title={t(`reject.${d.decisionKind}`)}>
                <Text style={{ whiteSpace: "pre-wrap" }}>{d.decisionReason}</Text>
              </Alert>
            ) : null}
            {d.canHandle && d.commands.length > 0 ? <Actions d={d} /> : null}
            {d.canHandle ? <NoteComposer id={d.id} /> : null}
            <Card withBorder>
              <Title order={2} fz="h4" mb="sm">
                {t("case.timeline")}
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {d.events.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={`${t(`event.${e.kind}`)}${e.visibility === "internal" ? ` (${t("case.internal")})` : ""}`}
                  >
                    <Text size="xs" c="dimmed">
                      {f.dateTime(e.at)} · {e.actorName}
                    </Text>
                    {e.body ? (
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {e.body}
                      </Text>
                    ) : null}
                    {typeof e.data.note === "string" ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                        {e.data.note}
                      </Text>
                    ) : null}
                    {e.kind === "received" &&
                    typeof e.data.channel === "string" &&
                    e.data.channel !== "web" ? (
                      <Text size="sm">
                        {t("caseChannel")}: {t(`intakeChannel.${e.data.channel}`)}
                        {typeof e.data.reference === "string" ? ` · ${e.data.reference}` : ""}
                      </Text>
                    ) : null}
                    {typeof e.data.assigneeName === "string" ? (
                      <Text size="sm">→ {e.data.assigneeName}</Text>
                    ) : null}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={2} fz="h4" mb="xs">
              {t("case.deadlines")}
            </Title>
            <Table>
              <Table.Tbody>
                {d.stages.map((s) => (
                  <Table.Tr key={s.stage}>
                    <Table.Td>
                      <Text size="sm">{t(`stage.${s.stage}`)}</Text>
                      <Text size="xs" c="dimmed" component="div">
                        {s.days} {t(`days.${s.kind}`)}{" "}
                        <Tooltip label={s.source} multiline w={260}>
                          <Badge
                            size="xs"
                            variant="outline"
                            color={s.confidence === "C1" || s.confidence === "C2" ? "gray" : "orange"}
                          >
                            {s.confidence === "C1" || s.confidence === "C2"
                              ? s.confidence
                              : t("case.unconfirmed")}
                          </Badge>
                        </Tooltip>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.due ? f.dateTime(s.due) : "—"}</Text>
                      <SlaBadge state={s.state} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {d.rating ? (
              <Text size="sm" mt="sm">
                {t("track.yourRating")}: {d.rating}/5 {d.ratingComment ? `— ${d.ratingComment}` : ""}
              </Text>
            ) : null}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Actions({ d }: { d: CaseDetail }) {
  const { t } = useTranslation("complaints");
  const move = useTransition(d.id);
  const [command, setCommand] = useState<string>(d.commands[0]!);
  const [text, setText] = useState("");
  const [choice, setChoice] = useState<string | null>(null);
  const [reference, setReference] = useState("");
  const assignees = useAssignees(d.unitId, d.commands.includes("assign"));

  const body = (): TransitionBody | null => {
    switch (command) {
      case "verify":
        return choice ? { command, slaClass: choice as never, note: text || undefined } : null;
      case "assign":
        return choice ? { command, assigneeId: choice, note: text || undefined } : null;
      case "answer":
        return { command, answer: text };
      case "reject":
        return choice ? { command, kind: choice as never, reason: text } : null;
      case "forward":
        return choice ? { command, channel: choice as never, reference, note: text || undefined } : null;
      case "reopen":
        return { command, note: text };
      default:
        return { command: command as "start" | "close", note: text || undefined };
    }
  };
  const options: Record<string, Array<{ value: string; label: string }>> = {
    verify: SLA_CLASSES.map((c) => ({ value: c, label: t(`class.${c}`) })),
    assign: (assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    reject: REJECT_KINDS.map((k) => ({ value: k, label: t(`reject.${k}`) })),
    forward: FORWARD_CHANNELS.map((k) => ({ value: k, label: t(`channel.${k}`) })),
  };
  const textLabel =
    command === "answer"
      ? t("case.answerLabel")
      : command === "reject"
        ? t("case.reasonLabel")
        : t("case.noteLabel");

  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="xs">
        {t("case.nextStep")}
      </Title>
      <Stack gap="xs">
        <Select
          label={t("case.step")}
          value={command}
          onChange={(v) => {
            setCommand(v ?? d.commands[0]!);
            setChoice(null);
          }}
          data={d.commands.map((c) => ({ value: c, label: t(`command.${c}`) }))}
          allowDeselect={false}
        />
        {options[command] ? (
          <Select
            label={t(`choice.${command}`)}
            value={choice}
            onChange={setChoice}
            data={options[command]}
            required
          />
        ) : null}
        {command === "forward" ? (
          <TextInput
            label={t("track.reference")}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            required
          />
        ) : null}
        <Textarea
          label={textLabel}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={command === "answer" ? 5 : 2}
        />
        {move.isError ? <ErrorAlert error={move.error} /> : null}
        <Group>
          <Button
            loading={move.isPending}
            disabled={!body()}
            onClick={async () => {
              const b = body();
              if (!b) return;
              const ok = await move.mutateAsync(b).catch(() => null);
              if (ok) {
                setText("");
                setChoice(null);
                setReference("");
                setCommand(ok.commands[0] ?? "");
              }
            }}
          >
            {t(`command.${command}`)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Attachments({ d }: { d: CaseDetail }) {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const attach = useAttachFile(d.id, d.unitId);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const full = d.attachments.length >= MAX_CASE_ATTACHMENTS;
  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="xs">
        {t("attach.title")}
      </Title>
      {d.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("attach.none")}
        </Text>
      ) : (
        <Stack gap={4}>
          {d.attachments.map((a) => (
            <Group key={a.fileId} gap="xs">
              <a href={buildUrl(`/api/files/${encodeURIComponent(a.fileId)}/download`)}>{a.name}</a>
              <Text size="xs" c="dimmed">
                {f.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} KB ·{" "}
                {a.source === "staff" ? t("attach.fromStaff") : t("attach.fromPublic")} · {f.dateTime(a.at)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {d.canHandle && !full ? (
        <Stack gap="xs" mt="sm">
          <FileInput
            label={t("attach.label")}
            description={t("attach.hint", { n: MAX_CASE_ATTACHMENTS })}
            value={file}
            onChange={(v) => {
              setDone(false);
              setFile(v);
            }}
            accept="application/pdf,image/png,image/jpeg,image/webp,.docx,.xlsx,.pptx"
            clearable
          />
          {attach.isError ? <ErrorAlert error={attach.error} /> : null}
          {done ? (
            <Text size="sm" c="green" role="status">
              {t("attach.done")}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="light"
              disabled={!file}
              loading={attach.isPending}
              onClick={async () => {
                if (!file) return;
                if (await attach.mutateAsync(file).catch(() => null)) {
                  setFile(null);
                  setDone(true);
                }
              }}
            >
              {t("attach.submit")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

function NoteComposer({ id }: { id: string }) {
  const { t } = useTranslation("complaints");
  const note = useNote(id);
  const [body, setBody] = useState("");
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Textarea
          label={t("case.internalNote")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {note.isError ? <ErrorAlert error={note.error} /> : null}
        <Group>
          <Button
            variant="light"
            disabled={body.trim().length < 2}
            loading={note.isPending}
            onClick={async () => {
              if (await note.mutateAsync(body).catch(() => null)) setBody("");
            }}
          >
            {t("case.addNote")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
