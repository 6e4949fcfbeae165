import {
  Alert,
  Button,
  FileInput,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { useFormat } from "../../../../ui/i18n";
import type { TrackedCase } from "../../contract";
import { type Credentials, uploadAttachment, useRate, useReply, useTrack } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { CaseStatusBadge } from "../components/SlaBadge";

/** The complainant's view: /pengaduan/lacak — code + secret, status, answer, reply, rating. */
export default function TrackPage() {
  const { t } = useTranslation("complaints");
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("kode") ?? "");
  const [secret, setSecret] = useState("");
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [data, setData] = useState<TrackedCase | null>(null);
  const track = useTrack();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = { code: code.trim(), secret: secret.trim() };
    const r = await track.mutateAsync(c).catch(() => null);
    if (r) {
      setCreds(c);
      setData(r);
    }
  }

  return (
    <PublicLayout title={t("track.title")}>
      {data && creds ? (
        <TrackedView data={data} creds={creds} onChange={setData} />
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text>{t("track.intro")}</Text>
            <TextInput
              label={t("public.code")}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              autoComplete="off"
              placeholder="ADU-XXXX-XXXX"
            />
            <TextInput
              label={t("public.secret")}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              required
              autoComplete="off"
              type="password"
            />
            {track.isError ? <ErrorAlert error={track.error} /> : null}
            <Button type="submit" loading={track.isPending}>
              {t("track.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}

function TrackedView({
  data,
  creds,
  onChange,
}: {
  data: TrackedCase;
  creds: Credentials;
  onChange: (d: TrackedCase) => void;
}) {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  const reply = useReply();
  const rate = useRate();
  const [message, setMessage] = useState("");
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text fw={700}>{data.code}</Text>
        <CaseStatusBadge status={data.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {data.unitName} · {t(`category.${data.category}`)} · {data.service}
      </Text>
      <Text size="sm">
        {t("track.received")}: {f.dateTime(data.receivedAt)}
        {data.currentDue ? ` · ${t("track.due")}: ${f.dateTime(data.currentDue)}` : ""}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap" }}>{data.description}</Text>
      {data.answer ? (
        <Alert color="green" title={t("track.answer")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{data.answer}</Text>
        </Alert>
      ) : null}
      {data.decisionReason ? (
        <Alert color="gray" title={t("track.rejected")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{data.decisionReason}</Text>
        </Alert>
      ) : null}
      {data.forward ? (
        <Alert color="blue" title={t("track.forwarded")}>
          {t(`channel.${data.forward.channel}`)} — {t("track.reference")}: {data.forward.reference}
        </Alert>
      ) : null}

      <Title order={2} fz="h4">
        {t("track.history")}
      </Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {data.events.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the public timeline is append-only and carries no ids
          <Timeline.Item key={`${e.at}-${i}`} title={t(`event.${e.kind}`)}>
            <Text size="xs" c="dimmed">
              {f.dateTime(e.at)}
            </Text>
            {e.body ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.body}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>

      {data.canReply ? (
        <Stack gap="xs">
          <Textarea
            label={t("track.replyLabel")}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={5000}
          />
          {reply.isError ? <ErrorAlert error={reply.error} /> : null}
          <Button
            variant="light"
            loading={reply.isPending}
            disabled={message.trim().length < 2}
            onClick={async () => {
              const r = await reply.mutateAsync({ ...creds, message }).catch(() => null);
              if (r) {
                setMessage("");
                onChange(r);
              }
            }}
          >
            {t("track.sendReply")}
          </Button>
          <FileInput
            label={t("field.attachments")}
            value={file}
            onChange={setFile}
            clearable
            accept="application/pdf,image/png,image/jpeg,image/webp"
          />
          {uploadError ? (
            <Alert color="red" role="alert">
              {uploadError}
            </Alert>
          ) : null}
          <Button
            variant="default"
            disabled={!file}
            loading={uploading}
            onClick={async () => {
              if (!file) return;
              setUploading(true);
              setUploadError(null);
              try {
                onChange(await uploadAttachment(creds, file));
                setFile(null);
              } catch (err) {
                setUploadError((err as Error).message);
              } finally {
                setUploading(false);
              }
            }}
          >
            {t("track.upload")}
          </Button>
        </Stack>
      ) : null}

      {data.canRate ? (
        <Stack gap="xs">
          <Radio.Group
            label={t("track.rateLabel")}
            value={score ? String(score) : ""}
            onChange={(v) => setScore(Number(v))}
          >
            <Group gap="md" mt={4}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={`${n} ★`} aria-label={t("track.stars", { n })} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t("track.rateComment")}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            maxLength={1000}
          />
          {rate.isError ? <ErrorAlert error={rate.error} /> : null}
          <Button
            disabled={score < 1}
            loading={rate.isPending}
            onClick={async () => {
              const r = await rate
                .mutateAsync({ ...creds, score, comment: comment || undefined })
                .catch(() => null);
              if (r) onChange(r);
            }}
          >
            {t("track.sendRating")}
          </Button>
        </Stack>
      ) : null}
      {data.rating ? (
        <Text size="sm">
          {t("track.yourRating")}: {data.rating.score}/5{" "}
          {data.rating.comment ? `— ${data.rating.comment}` : ""}
        </Text>
      ) : null}
    </Stack>
  );
}
