import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconDownload, IconFileCertificate, IconShieldCheck } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { useFormat } from "../../../../ui/i18n";
import { RATING_MAX, RATING_MIN, SR_FILE_TYPES, type TrackingView, verifyPagePath } from "../../contract";
import {
  downloadPublicFile,
  type Proof,
  useAnswerDocuments,
  useCancelRequest,
  useRate,
  useTrack,
} from "../api";
import { StateBadge } from "../components/Badges";
import { FileSlot, type UploadedDoc } from "../components/FileSlot";
import { History } from "../components/History";
import { PublicLayout } from "../components/PublicLayout";
import { SlaPanel } from "../components/SlaPanel";
import { StateSteps } from "../components/StateSteps";
import { loc } from "../components/text";

/** The tracking view may carry the unit code (needed to upload answers); older servers omit it. */
type View = TrackingView;

/** /lacak-layanan — tracking by number (+ secret for details): state, clock, history, answers, rating. */
export default function TrackPage() {
  const { t } = useTranslation("requests");
  const [params] = useSearchParams();
  const location = useLocation();
  const passed = (location.state as { secret?: string } | null)?.secret ?? "";
  const [number, setNumber] = useState(params.get("nomor") ?? "");
  const [secret, setSecret] = useState(passed);
  const [proof, setProof] = useState<Proof | null>(null);
  const [view, setView] = useState<View | null>(null);
  const track = useTrack();
  const auto = useRef(false);

  async function run(p: Proof) {
    const r = await track.mutateAsync(p).catch(() => null);
    if (r) {
      setProof(p);
      setView(r);
    }
  }
  // Coming from a receipt or a "my requests" link: track at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on arrival
  useEffect(() => {
    if (auto.current) return;
    auto.current = true;
    const n = params.get("nomor");
    if (n) void run({ number: n.trim(), secret: passed || undefined });
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    void run({ number: number.trim(), secret: secret.trim() || undefined });
  }

  return (
    <PublicLayout title={t("track.title")}>
      {view && proof ? (
        <>
          <TrackedView view={view} proof={proof} onChange={setView} />
          <Button
            variant="subtle"
            onClick={() => {
              setView(null);
              setProof(null);
              setSecret("");
            }}
          >
            {t("track.another")}
          </Button>
        </>
      ) : (
        <form onSubmit={submit} aria-label={t("track.title")}>
          <Stack gap="sm">
            <Text>{t("track.intro")}</Text>
            <TextInput
              label={t("track.number")}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              required
              autoComplete="off"
              autoCapitalize="characters"
              placeholder="ALC-XXXX-XXXX"
              size="md"
            />
            <TextInput
              label={t("track.secret")}
              description={t("track.secretHint")}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              type="password"
              size="md"
            />
            {track.isError ? <ErrorAlert error={track.error} /> : null}
            <Button type="submit" size="md" loading={track.isPending} disabled={!number.trim()}>
              {t("track.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}

function TrackedView({ view, proof, onChange }: { view: View; proof: Proof; onChange: (v: View) => void }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const d = view.details;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={700} fz="lg" data-testid="track-number">
            {view.number}
          </Text>
          <Text size="sm" c="dimmed">
            {loc(view.serviceName, f.lang)} · {view.unitName}
          </Text>
        </div>
        <StateBadge state={view.state} size="md" />
      </Group>
      <Text size="sm">
        {t("track.submittedAt")}: {f.dateTime(view.submittedAt)}
      </Text>
      <StateSteps state={view.state} />
      <Card withBorder component="section" aria-labelledby="sr-clock">
        <Title order={2} fz="h4" id="sr-clock" mb="xs">
          {t("track.clock")}
        </Title>
        <SlaPanel sla={view.sla} state={view.state} audience="public" />
      </Card>

      {!view.detailed ? (
        <Alert color="blue" title={t("track.limitedTitle")}>
          {t("track.limited")}
        </Alert>
      ) : null}

      {d?.rejectReason ? (
        <Alert color="red" title={t("track.rejected")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{d.rejectReason}</Text>
        </Alert>
      ) : null}

      {d?.produced ? (
        <Card withBorder component="section" aria-labelledby="sr-produced" bg="var(--mantine-color-green-0)">
          <Group gap="xs" mb="xs">
            <IconFileCertificate aria-hidden />
            <Title order={2} fz="h4" id="sr-produced">
              {t("track.producedTitle")}
            </Title>
          </Group>
          <Text size="sm">
            {loc(d.produced.title, f.lang)} · {t("track.docNumber")}: <strong>{d.produced.number}</strong>
          </Text>
          <Text size="sm">
            {t("track.issuedAt")}: {f.dateTime(d.produced.issuedAt)}
          </Text>
          <DownloadButton
            proof={proof}
            fileId={d.produced.fileId}
            name={`${d.produced.number.replace(/[^A-Za-z0-9-]+/g, "_")}.pdf`}
            label={t("track.download")}
          />
          <Anchor
            component={Link}
            to={verifyPagePath(d.produced.docCode)}
            size="sm"
            underline="always"
            mt="xs"
            display="inline-flex"
          >
            <IconShieldCheck size={16} aria-hidden /> {t("track.verifyLink")}
          </Anchor>
        </Card>
      ) : null}

      {d?.documentsRequested && d.canUpload ? (
        <AnswerDocuments view={view} proof={proof} onChange={onChange} />
      ) : null}

      {d?.canRate ? <Rating proof={proof} onChange={onChange} /> : null}
      {d?.rating ? (
        <Text size="sm">
          {t("track.yourRating")}: {t(`rating.${d.rating.score}`)}
          {d.rating.comment ? ` — ${d.rating.comment}` : ""}
        </Text>
      ) : null}

      {d ? (
        <Card withBorder component="section" aria-labelledby="sr-details">
          <Title order={2} fz="h4" id="sr-details" mb="xs">
            {t("track.details")}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t("form.name")}: {d.requesterName}
            </Text>
            {d.service.fields.map((fd) =>
              d.fields[fd.key] ? (
                <Text size="sm" key={fd.key}>
                  {loc(fd.label, f.lang)}: {d.fields[fd.key]}
                </Text>
              ) : null,
            )}
          </Stack>
          {d.documents.length > 0 ? (
            <>
              <Text size="sm" fw={600} mt="sm">
                {t("track.documents")}
              </Text>
              <List size="sm">
                {d.documents.map((doc) => (
                  <List.Item key={doc.fileId}>
                    {doc.name} ·{" "}
                    {doc.requirementKey
                      ? loc(d.service.requirements.find((r) => r.key === doc.requirementKey)?.name, f.lang) ||
                        doc.requirementKey
                      : t(`source.${doc.source}`)}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Card>
      ) : null}

      <section aria-labelledby="sr-history">
        <Title order={2} fz="h4" id="sr-history" mb="xs">
          {t("track.history")}
        </Title>
        <History
          items={view.history.map((e, i) => ({ key: `${e.at}-${i}`, kind: e.kind, at: e.at, body: e.body }))}
        />
      </section>

      {d?.canCancel ? <CancelRequest proof={proof} onChange={onChange} /> : null}
    </Stack>
  );
}

function DownloadButton({
  proof,
  fileId,
  name,
  label,
}: {
  proof: Proof;
  fileId: string;
  name: string;
  label: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap="xs" mt="sm">
      <Button
        size="md"
        leftSection={<IconDownload size={18} aria-hidden />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await downloadPublicFile({ ...proof, fileId }, name);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}

function AnswerDocuments({
  view,
  proof,
  onChange,
}: {
  view: View;
  proof: Proof;
  onChange: (v: View) => void;
}) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const answer = useAnswerDocuments();
  const d = view.details!;
  const asked = d.documentsRequested!;
  const [docs, setDocs] = useState<UploadedDoc[]>([]);
  const [message, setMessage] = useState("");
  const unitCode = view.unitCode;
  const maxBytes = view.maxUploadBytes;
  const slots = asked.keys.map((key) => {
    const req = d.service.requirements.find((r) => r.key === key);
    return {
      key,
      label: req ? loc(req.name, f.lang) : t("track.otherDocument"),
      types: req ? req.allowedTypes : [...SR_FILE_TYPES],
      multiple: req ? req.multiple : true,
    };
  });
  const docsFor = (key: string) => docs.filter((x) => x.requirementKey === key);
  return (
    <Card withBorder component="section" aria-labelledby="sr-asked" bg="var(--mantine-color-yellow-0)">
      <Title order={2} fz="h4" id="sr-asked" mb="xs">
        {t("track.askedTitle")}
      </Title>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mb="sm">
        {asked.message}
      </Text>
      <Stack gap="sm">
        {slots.map((s) => (
          <FileSlot
            key={s.key}
            unitCode={unitCode}
            requirementKey={s.key}
            label={s.label}
            types={s.types}
            multiple={s.multiple}
            required
            maxBytes={maxBytes}
            value={docsFor(s.key)}
            onChange={(fn) =>
              setDocs((all) => [...all.filter((x) => x.requirementKey !== s.key), ...fn(docsFor(s.key))])
            }
          />
        ))}
        <Textarea
          label={t("track.answerMessage")}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
        />
        {answer.isError ? <ErrorAlert error={answer.error} /> : null}
        <Button
          size="md"
          disabled={docs.length === 0}
          loading={answer.isPending}
          onClick={async () => {
            const r = await answer
              .mutateAsync({
                ...proof,
                documents: docs.map((x) => ({
                  requirementKey: x.requirementKey,
                  uploadId: x.uploadId,
                  token: x.token,
                })),
                message: message.trim() || null,
              })
              .catch(() => null);
            if (r) {
              setDocs([]);
              setMessage("");
              onChange(r);
            }
          }}
        >
          {t("track.sendDocuments")}
        </Button>
      </Stack>
    </Card>
  );
}

/** One tap on a score sends the rating (with the comment typed above it, if any). */
function Rating({ proof, onChange }: { proof: Proof; onChange: (v: View) => void }) {
  const { t } = useTranslation("requests");
  const rate = useRate();
  const [comment, setComment] = useState("");
  const scores = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MAX - i);
  return (
    <Card withBorder component="section" aria-labelledby="sr-rate">
      <Title order={2} fz="h4" id="sr-rate" mb={4}>
        {t("track.rateTitle")}
      </Title>
      <Text size="sm" mb="sm">
        {t("track.rateIntro")}
      </Text>
      <Textarea
        label={t("track.rateComment")}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={2}
        size="md"
        mb="sm"
      />
      <SimpleGrid cols={2} spacing="xs" role="group" aria-label={t("track.rateGroup")}>
        {scores.map((n) => (
          <UnstyledButton
            key={n}
            onClick={async () => {
              const r = await rate
                .mutateAsync({ ...proof, score: n, comment: comment.trim() || null })
                .catch(() => null);
              if (r) onChange(r);
            }}
            disabled={rate.isPending}
            aria-label={t("track.rateAs", { label: t(`rating.${n}`) })}
            style={{
              minHeight: 56,
              border: "1px solid var(--mantine-color-gray-4)",
              borderRadius: "var(--mantine-radius-md)",
              textAlign: "center",
              padding: "var(--mantine-spacing-xs)",
            }}
          >
            <Text component="span" display="block" fw={700} fz="lg" aria-hidden>
              {"★".repeat(n)}
            </Text>
            <Text component="span" display="block" size="sm">
              {t(`rating.${n}`)}
            </Text>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {rate.isError ? <ErrorAlert error={rate.error} mb="0" /> : null}
    </Card>
  );
}

function CancelRequest({ proof, onChange }: { proof: Proof; onChange: (v: View) => void }) {
  const { t } = useTranslation("requests");
  const { t: tShell } = useTranslation();
  const cancel = useCancelRequest();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t("track.cancel")}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t("track.cancelTitle")} centered>
        <Stack gap="sm">
          <Text size="sm">{t("track.cancelMessage")}</Text>
          <Textarea
            label={t("track.cancelReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
          />
          {cancel.isError ? <ErrorAlert error={cancel.error} mb="0" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {tShell("ui.cancel")}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={async () => {
                const r = await cancel
                  .mutateAsync({ ...proof, reason: reason.trim() || null })
                  .catch(() => null);
                if (r) {
                  setOpen(false);
                  onChange(r);
                }
              }}
            >
              {t("track.cancelConfirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
