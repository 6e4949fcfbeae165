import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Code,
  Container,
  CopyButton,
  FileInput,
  Group,
  List,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCheck, IconCopy, IconLock, IconShieldLock } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../../../ui/components/ErrorAlert";
import type { WbsChannel, WbsFollowView, WbsReceipt } from "../../contract";
import { WBS_CATEGORIES, type WbsCategory } from "../../domain/model";
import { wbsPublic } from "../public-api";

const MAX_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * /wbs/:unitCode — the anonymous whistle-blowing channel. Works without an account or cookie; the
 * page solves a small proof of work before each request (instead of the server counting addresses).
 */
export default function WbsPublicPage() {
  const { unitCode = "" } = useParams();
  const { t, i18n } = useTranslation("integrity");
  const lang = i18n.language === "en" ? "en" : "id";
  const [channel, setChannel] = useState<WbsChannel | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [tab, setTab] = useState<string | null>("report");

  useEffect(() => {
    document.title = `${t("wbsPublic.title")} · Zona`;
    let live = true;
    wbsPublic
      .channel(unitCode, lang)
      .then((c) => live && setChannel(c))
      .catch((e) => live && setLoadError(e));
    return () => {
      live = false;
    };
  }, [unitCode, lang, t]);

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <a className="zona-skip-link" href="#main">
        {t("wbsPublic.skip")}
      </a>
      <header>
        <Container size="sm" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <IconShieldLock size={24} aria-hidden />
              <Text fw={700}>Zona · WBS</Text>
            </Group>
            <SegmentedControl
              size="xs"
              aria-label={t("wbsPublic.language")}
              value={lang}
              onChange={(v) => void i18n.changeLanguage(v)}
              data={[
                { value: "id", label: "ID" },
                { value: "en", label: "EN" },
              ]}
            />
          </Group>
        </Container>
      </header>
      <Container size="sm" px={{ base: "xs", sm: "md" }} pb="xl" component="main" id="main" tabIndex={-1}>
        <Stack gap="md">
          <div>
            <Title order={1} fz={{ base: "h3", sm: "h2" }}>
              {t("wbsPublic.title")}
            </Title>
            <Text c="dimmed">{channel ? channel.unitName : unitCode}</Text>
          </div>
          {loadError ? (
            <Alert color="red" role="alert">
              {errorMessage(t, loadError)}
            </Alert>
          ) : null}
          <Alert
            role="note"
            icon={<IconLock size={18} aria-hidden />}
            color="zona"
            title={t("wbsPublic.privacyTitle")}
          >
            <Text size="sm">{t("wbsPublic.privacy")}</Text>
          </Alert>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="report">{t("wbsPublic.tabReport")}</Tabs.Tab>
              <Tabs.Tab value="follow">{t("wbsPublic.tabFollow")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="report" pt="md">
              <ReportForm unitCode={unitCode} channel={channel} lang={lang} />
            </Tabs.Panel>
            <Tabs.Panel value="follow" pt="md">
              <FollowPanel lang={lang} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </Container>
    </Box>
  );
}

function ReportForm({
  unitCode,
  channel,
  lang,
}: {
  unitCode: string;
  channel: WbsChannel | null;
  lang: string;
}) {
  const { t } = useTranslation("integrity");
  const [category, setCategory] = useState<WbsCategory | null>(null);
  const [aboutHead, setAboutHead] = useState(false);
  const [subject, setSubject] = useState("");
  const [when, setWhen] = useState("");
  const [where, setWhere] = useState("");
  const [description, setDescription] = useState("");
  const [giveIdentity, setGiveIdentity] = useState(false);
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<WbsReceipt | null>(null);
  const [uploads, setUploads] = useState<Array<{ name: string; result: string }>>([]);

  if (receipt)
    return <Receipt receipt={receipt} uploads={uploads} parentName={channel?.parentName ?? null} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const miss = [
      !category && "category",
      !subject.trim() && "subject",
      !description.trim() && "description",
    ].filter(Boolean) as string[];
    setMissing(miss);
    if (miss.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await wbsPublic.submit(
        unitCode,
        {
          category: category!,
          aboutHead,
          subject,
          when: when || undefined,
          where: where || undefined,
          description,
          identity: giveIdentity ? { name: name || undefined, contact: contact || undefined } : undefined,
        },
        lang,
      );
      const done: Array<{ name: string; result: string }> = [];
      for (const f of files) {
        try {
          const a = await wbsPublic.attach(r.code, r.secret, f, lang);
          done.push({ name: f.name, result: t(`wbsPublic.meta.${a.metadata}`) });
        } catch (err) {
          done.push({ name: f.name, result: errorMessage(t, err) });
        }
      }
      setUploads(done);
      setReceipt(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const tooBig = files.filter((f) => f.size > MAX_BYTES);
  return (
    <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("wbsPublic.category")}
          required
          data={WBS_CATEGORIES.map((c) => ({ value: c, label: t(`wbsCategory.${c}`) }))}
          value={category}
          onChange={(v) => setCategory(v as WbsCategory | null)}
          error={missing.includes("category") ? t("wbsPublic.required") : undefined}
        />
        <Checkbox
          label={t("wbsPublic.aboutHead")}
          description={
            channel?.parentName ? t("wbsPublic.aboutHeadHint", { parent: channel.parentName }) : undefined
          }
          checked={aboutHead}
          onChange={(e) => setAboutHead(e.currentTarget.checked)}
        />
        <TextInput
          label={t("wbsPublic.subject")}
          description={t("wbsPublic.subjectHint")}
          required
          maxLength={300}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={missing.includes("subject") ? t("wbsPublic.required") : undefined}
        />
        <TextInput
          label={t("wbsPublic.when")}
          maxLength={200}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
        <TextInput
          label={t("wbsPublic.where")}
          maxLength={300}
          value={where}
          onChange={(e) => setWhere(e.currentTarget.value)}
        />
        <Textarea
          label={t("wbsPublic.description")}
          description={t("wbsPublic.descriptionHint")}
          required
          autosize
          minRows={5}
          maxLength={10000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={missing.includes("description") ? t("wbsPublic.required") : undefined}
        />
        <FileInput
          label={t("wbsPublic.files")}
          description={t("wbsPublic.filesHint", { max: MAX_FILES })}
          multiple
          clearable
          accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.pptx,video/mp4"
          value={files}
          onChange={(v) => setFiles((v ?? []).slice(0, MAX_FILES))}
          error={tooBig.length ? t("wbsPublic.fileTooBig", { name: tooBig[0]!.name }) : undefined}
        />
        <Checkbox
          label={t("wbsPublic.giveIdentity")}
          description={t("wbsPublic.giveIdentityHint")}
          checked={giveIdentity}
          onChange={(e) => setGiveIdentity(e.currentTarget.checked)}
        />
        {giveIdentity ? (
          <>
            <TextInput
              label={t("wbsPublic.name")}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t("wbsPublic.contact")}
              maxLength={200}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
            />
          </>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        ) : null}
        <Button type="submit" loading={busy} disabled={tooBig.length > 0} fullWidth>
          {busy ? t("wbsPublic.sending") : t("wbsPublic.send")}
        </Button>
      </Stack>
    </Paper>
  );
}

function Receipt({
  receipt,
  uploads,
  parentName,
}: {
  receipt: WbsReceipt;
  uploads: Array<{ name: string; result: string }>;
  parentName: string | null;
}) {
  const { t } = useTranslation("integrity");
  return (
    <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" role="status">
          {t("wbsPublic.sent")}
        </Title>
        {receipt.handledByParent && parentName ? (
          <Text>{t("wbsPublic.sentToParent", { parent: parentName })}</Text>
        ) : null}
        <Alert role="note" color="yellow" title={t("wbsPublic.keepTitle")}>
          {t("wbsPublic.keep")}
        </Alert>
        {[
          ["code", receipt.code],
          ["secret", receipt.secret],
        ].map(([k, v]) => (
          <div key={k}>
            <Text fw={600} size="sm">
              {t(`wbsPublic.${k}`)}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="lg" style={{ wordBreak: "break-all" }} data-testid={`receipt-${k}`}>
                {v}
              </Code>
              <CopyButton value={v!}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={copy}
                    leftSection={
                      copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                    }
                  >
                    {copied ? t("wbsPublic.copied") : t("wbsPublic.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </div>
        ))}
        {uploads.length ? (
          <div>
            <Text fw={600} size="sm">
              {t("wbsPublic.attachments")}
            </Text>
            <List size="sm">
              {uploads.map((u) => (
                <List.Item key={u.name}>
                  {u.name}: {u.result}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}

function FollowPanel({ lang }: { lang: string }) {
  const { t } = useTranslation("integrity");
  const [code, setCode] = useState("");
  const [secret, setSecret] = useState("");
  const [view, setView] = useState<WbsFollowView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!view)
    return (
      <Paper
        withBorder
        p={{ base: "sm", sm: "lg" }}
        radius="md"
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(async () => setView(await wbsPublic.follow(code, secret, lang)));
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t("wbsPublic.code")}
            required
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <TextInput
            label={t("wbsPublic.secret")}
            required
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
          />
          {error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, error)}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy} disabled={!code.trim() || !secret.trim()} fullWidth>
            {t("wbsPublic.open")}
          </Button>
        </Stack>
      </Paper>
    );

  const closed = view.status.startsWith("closed_");
  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {view.code} · {view.submittedOn}
          </Text>
          <Title order={2} size="h4">
            {t(`wbsCategory.${view.category}`)}
          </Title>
          <Text fw={600} data-testid="follow-status">
            {t("wbsPublic.status")}: {t(`wbsStatus.${view.status}`)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {view.description}
          </Text>
        </Stack>
      </Paper>
      <Stack
        gap="xs"
        component="ol"
        aria-label={t("wbsPublic.timeline")}
        style={{ listStyle: "none", padding: 0 }}
      >
        {view.messages.map((m) => (
          <Paper
            key={m.seq}
            component="li"
            withBorder
            p="sm"
            bg={m.author === "handler" ? "var(--mantine-color-zona-0)" : undefined}
          >
            <Text size="xs" c="dimmed">
              {m.author === "handler" ? t("wbsPublic.fromHandler") : t("wbsPublic.fromYou")} · {m.on}
            </Text>
            {m.kind === "status" && m.status ? <Text fw={600}>{t(`wbsStatus.${m.status}`)}</Text> : null}
            {m.body ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {m.body}
              </Text>
            ) : null}
          </Paper>
        ))}
      </Stack>
      {closed ? (
        <Alert role="note" color="gray">
          {t("wbsPublic.closed")}
        </Alert>
      ) : (
        <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md">
          <Stack gap="sm">
            <Textarea
              label={t("wbsPublic.addInfo")}
              autosize
              minRows={3}
              maxLength={5000}
              value={more}
              onChange={(e) => setMore(e.currentTarget.value)}
            />
            <Button
              loading={busy}
              disabled={!more.trim()}
              onClick={() =>
                void run(async () => {
                  setView(await wbsPublic.message(code, secret, more, lang));
                  setMore("");
                })
              }
            >
              {t("wbsPublic.sendInfo")}
            </Button>
            <FileInput
              label={t("wbsPublic.addFile")}
              description={t("wbsPublic.filesHint", { max: MAX_FILES })}
              clearable
              value={file}
              onChange={setFile}
            />
            <Button
              variant="light"
              loading={busy}
              disabled={!file}
              onClick={() =>
                void run(async () => {
                  const a = await wbsPublic.attach(code, secret, file!, lang);
                  setNote(`${a.filename}: ${t(`wbsPublic.meta.${a.metadata}`)}`);
                  setFile(null);
                  setView(await wbsPublic.follow(code, secret, lang));
                })
              }
            >
              {t("wbsPublic.upload")}
            </Button>
            {note ? (
              <Text size="sm" role="status">
                {note}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      )}
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      <Anchor component="button" type="button" onClick={() => setView(null)} size="sm">
        {t("wbsPublic.leave")}
      </Anchor>
    </Stack>
  );
}
