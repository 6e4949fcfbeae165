import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { ProfileWire } from "../../contract";
import { STD_PERMISSIONS } from "../../domain/model";
import {
  fileDownloadUrl,
  uploadFile,
  useCreatePledge,
  useDeletePledge,
  usePledges,
  useProfile,
  usePublishPledge,
  useSaveProfile,
} from "../api";
import { EvidencePanel } from "../components/EvidencePanel";

export default function PledgePage() {
  const { t } = useTranslation("standards");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canManage = useCan(STD_PERMISSIONS.manage);
  const pledges = usePledges(unit?.id);
  const publish = usePublishPledge();
  const remove = useDeletePledge();
  if (!unit) return <Text>{t("noUnit")}</Text>;

  return (
    <>
      <PageHeader eyebrow={unit.name} title={t("pledge.heading")} description={t("pledge.description")} />
      <ErrorAlert error={pledges.error} onRetry={() => void pledges.refetch()} />
      <Stack gap="lg">
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("pledge.list")}
          </Title>
          {pledges.isPending ? <PageLoader /> : null}
          {pledges.data?.items.length === 0 ? <Text>{t("pledge.empty")}</Text> : null}
          <Stack>
            {pledges.data?.items.map((p) => (
              <Card
                key={p.id}
                withBorder
                component="article"
                aria-label={`${t("pledge.heading")} ${p.signedDate}`}
              >
                <Group justify="space-between" mb="xs">
                  <Text fw={500}>{f.date(p.signedDate)}</Text>
                  {p.status === "draft" ? (
                    <StatusBadge tone="info">{t("states.draft")}</StatusBadge>
                  ) : p.inForce ? (
                    <StatusBadge tone="success">{t("pledge.inForce")}</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">{t("states.superseded")}</StatusBadge>
                  )}
                </Group>
                <Text style={{ whiteSpace: "pre-line" }}>{p.text}</Text>
                <Text size="sm" c="dimmed" mt="xs">
                  {p.signatoryName}, {p.signatoryTitle}
                  {p.fileId ? (
                    <>
                      {" · "}
                      <Anchor href={fileDownloadUrl(p.fileId)}>{t("service.download")}</Anchor>
                    </>
                  ) : null}
                </Text>
                {canManage && p.status === "draft" ? (
                  <Group mt="sm">
                    <ConfirmButton
                      danger={false}
                      size="xs"
                      title={t("pledge.publish")}
                      message={t("pledge.publishConfirm")}
                      confirmLabel={t("pledge.publish")}
                      onConfirm={async () => {
                        await publish.mutateAsync(p.id);
                        notifySuccess(t("pledge.published"));
                      }}
                    >
                      {t("pledge.publish")}
                    </ConfirmButton>
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      size="xs"
                      title={t("pledge.delete")}
                      message={t("pledge.delete")}
                      confirmLabel={t("pledge.delete")}
                      onConfirm={async () => {
                        await remove.mutateAsync(p.id);
                        notifySuccess(t("pledge.deleted"));
                      }}
                    >
                      {t("pledge.delete")}
                    </ConfirmButton>
                  </Group>
                ) : null}
                {p.status === "published" ? (
                  <Stack mt="sm">
                    <EvidencePanel
                      target={{ unitId: unit.id, type: "pledge", id: p.id }}
                      linked={pledges.data?.evidence[p.id] ?? []}
                      hint={t("pledge.evidenceHint")}
                    />
                  </Stack>
                ) : null}
              </Card>
            ))}
          </Stack>
        </Card>
        {canManage ? <NewPledge unitId={unit.id} /> : null}
        <ContactCard unitId={unit.id} canManage={canManage} />
      </Stack>
    </>
  );
}

function NewPledge({ unitId }: { unitId: string }) {
  const { t } = useTranslation("standards");
  const create = useCreatePledge();
  const empty = { text: "", signatoryName: "", signatoryTitle: "", signedDate: "" };
  const [form, setForm] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issues = issuesByPath(error);
  const bind = (k: keyof typeof empty) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value }),
    error: issues[k],
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const fileId = file ? (await uploadFile(unitId, file)).id : null;
      await create.mutateAsync({ unitId, ...form, fileId });
      setForm(empty);
      setFile(null);
      notifySuccess(t("pledge.saved"));
    } catch (x) {
      setError(x);
    }
  }
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} fz="h4" mb="sm">
        {t("pledge.add")}
      </Title>
      <Stack>
        <Textarea label={t("pledge.text")} required autosize minRows={3} {...bind("text")} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t("pledge.signatoryName")} required {...bind("signatoryName")} />
          <TextInput label={t("pledge.signatoryTitle")} required {...bind("signatoryTitle")} />
          <TextInput type="date" label={t("pledge.signedDate")} required {...bind("signedDate")} />
        </Group>
        <FileInput
          label={t("pledge.file")}
          accept="application/pdf,image/png,image/jpeg"
          value={file}
          onChange={setFile}
          clearable
        />
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("pledge.save")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const CONTACT_FIELDS = ["address", "phone", "whatsapp", "email", "website", "serviceHours"] as const;

function ContactCard({ unitId, canManage }: { unitId: string; canManage: boolean }) {
  const { t } = useTranslation("standards");
  const profile = useProfile(unitId);
  const save = useSaveProfile(unitId);
  const [form, setForm] = useState<Omit<ProfileWire, "unitId" | "updatedAt"> | null>(null);
  useEffect(() => {
    if (profile.data) {
      const { unitId: _u, updatedAt: _t, ...rest } = profile.data;
      setForm(rest);
    }
  }, [profile.data]);
  const issues = issuesByPath(save.error);
  if (!form) return null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await save.mutateAsync(form as Record<string, unknown>);
      notifySuccess(t("pledge.contactSaved"));
    } catch {
      // shown below
    }
  }
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} fz="h4" mb="sm">
        {t("pledge.contact")}
      </Title>
      <Stack>
        {CONTACT_FIELDS.map((k) => (
          <TextInput
            key={k}
            label={t(`pledge.${k}`)}
            type={k === "email" ? "email" : k === "website" ? "url" : "text"}
            readOnly={!canManage}
            value={form[k]}
            onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })}
            error={issues[k]}
          />
        ))}
        <ErrorAlert error={save.error} mb="0" />
        {canManage ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("pledge.save")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
