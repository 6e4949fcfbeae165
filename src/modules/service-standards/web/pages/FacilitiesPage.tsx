import {
  Button,
  Card,
  Checkbox,
  CloseButton,
  FileInput,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { FacilityWire } from "../../contract";
import {
  ACCESSIBILITY_FLAGS,
  type AccessibilityFlag,
  FACILITY_KINDS,
  STD_PERMISSIONS,
} from "../../domain/model";
import {
  useAddPhoto,
  useCreateFacility,
  useDeleteFacility,
  useFacilities,
  useRemovePhoto,
  useUpdateFacility,
} from "../api";
import { EvidencePanel } from "../components/EvidencePanel";

/** Staff see photos through the authorised download route (the public route needs a unit code). */
const photoSrc = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}/download`;

export default function FacilitiesPage() {
  const { t } = useTranslation("standards");
  const unit = useCurrentUnit();
  const canManage = useCan(STD_PERMISSIONS.manage);
  const facilities = useFacilities(unit?.id);
  if (!unit) return <Text>{t("noUnit")}</Text>;

  return (
    <>
      <PageHeader
        eyebrow={unit.name}
        title={t("facilities.heading")}
        description={t("facilities.description")}
      />
      <ErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />
      {facilities.isPending ? <PageLoader /> : null}
      <Stack gap="lg">
        {facilities.data?.items.length === 0 ? <Text>{t("facilities.empty")}</Text> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {facilities.data?.items.map((f) => (
            <FacilityCard key={f.id} facility={f} unitId={unit.id} canManage={canManage} />
          ))}
        </SimpleGrid>
        {canManage ? <FacilityForm unitId={unit.id} /> : null}
        <Card withBorder>
          <Title order={2} fz="h4" mb="xs">
            LKE
          </Title>
          <EvidencePanel
            target={{ unitId: unit.id, type: "facilities" }}
            linked={facilities.data?.evidenceKeys ?? []}
            hint={t("facilities.evidenceHint")}
          />
        </Card>
      </Stack>
    </>
  );
}

function FacilityCard({
  facility: f,
  unitId,
  canManage,
}: {
  facility: FacilityWire;
  unitId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation("standards");
  const [editing, setEditing] = useState(false);
  const remove = useDeleteFacility();
  const removePhoto = useRemovePhoto();
  const addPhoto = useAddPhoto();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState("");
  const issues = issuesByPath(addPhoto.error);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    try {
      await addPhoto.mutateAsync({ facilityId: f.id, unitId, file, caption });
      setFile(null);
      setCaption("");
      notifySuccess(t("facilities.uploaded"));
    } catch {
      // shown below
    }
  }

  if (editing) return <FacilityForm unitId={unitId} facility={f} onDone={() => setEditing(false)} />;
  return (
    <Card withBorder component="article" aria-labelledby={`facility-${f.id}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} fz="h4" id={`facility-${f.id}`}>
            {f.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`facilities.kinds.${f.kind}`)}
            {f.location ? ` · ${f.location}` : ""}
          </Text>
        </Stack>
        {f.published ? null : <StatusBadge tone="neutral">{t("facilities.hidden")}</StatusBadge>}
      </Group>
      {f.description ? <Text mt="xs">{f.description}</Text> : null}
      {f.accessibility.length ? (
        <Text size="sm" mt="xs">
          {t("facilities.accessibility")}: {f.accessibility.map((a) => t(`facilities.flags.${a}`)).join(", ")}
        </Text>
      ) : null}
      <Group mt="sm" gap="xs">
        {f.photos.length === 0 ? <Text size="sm">{t("facilities.noPhoto")}</Text> : null}
        {f.photos.map((p) => (
          <Stack key={p.fileId} gap={2} pos="relative">
            <Image src={photoSrc(p.fileId)} alt={p.caption} w={120} h={80} radius="sm" fit="cover" />
            {canManage ? (
              <CloseButton
                pos="absolute"
                top={2}
                right={2}
                size="sm"
                variant="white"
                aria-label={t("facilities.removePhoto", { caption: p.caption })}
                onClick={() => void removePhoto.mutateAsync({ facilityId: f.id, fileId: p.fileId })}
              />
            ) : null}
          </Stack>
        ))}
      </Group>
      {canManage ? (
        <form onSubmit={upload} noValidate>
          <Stack gap="xs" mt="sm">
            <FileInput
              label={t("facilities.photo")}
              accept="image/png,image/jpeg,image/webp"
              value={file}
              onChange={setFile}
              clearable
            />
            <TextInput
              label={t("facilities.caption")}
              value={caption}
              onChange={(e) => setCaption(e.currentTarget.value)}
              error={issues.caption}
            />
            <ErrorAlert error={addPhoto.error} mb="0" />
            <Group justify="space-between">
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                  {t("service.edit")}
                </Button>
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  title={t("facilities.delete")}
                  message={t("facilities.deleteConfirm", { name: f.name })}
                  confirmLabel={t("facilities.delete")}
                  onConfirm={async () => {
                    await remove.mutateAsync(f.id);
                    notifySuccess(t("facilities.deleted"));
                  }}
                >
                  {t("facilities.delete")}
                </ConfirmButton>
              </Group>
              <Button size="xs" type="submit" disabled={!file} loading={addPhoto.isPending}>
                {t("facilities.upload")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}

function FacilityForm({
  unitId,
  facility,
  onDone,
}: {
  unitId: string;
  facility?: FacilityWire;
  onDone?: () => void;
}) {
  const { t } = useTranslation("standards");
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const initial = {
    kind: facility?.kind ?? "waiting_room",
    name: facility?.name ?? "",
    description: facility?.description ?? "",
    location: facility?.location ?? "",
    accessibility: facility?.accessibility ?? ([] as AccessibilityFlag[]),
    published: facility?.published ?? true,
  };
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const issues = issuesByPath(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (facility) await update.mutateAsync({ id: facility.id, body: form });
      else {
        await create.mutateAsync({ unitId, ...form });
        setForm(initial);
      }
      notifySuccess(t("facilities.saved"));
      onDone?.();
    } catch (x) {
      setError(x);
    }
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} fz="h4" mb="sm">
        {facility ? facility.name : t("facilities.add")}
      </Title>
      <Stack>
        <Select
          label={t("facilities.kind")}
          data={FACILITY_KINDS.map((k) => ({ value: k, label: t(`facilities.kinds.${k}`) }))}
          value={form.kind}
          allowDeselect={false}
          onChange={(v) => v && setForm({ ...form, kind: v as typeof form.kind })}
        />
        <TextInput
          label={t("facilities.name")}
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={issues.name}
        />
        <Textarea
          label={t("facilities.descriptionLabel")}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <TextInput
          label={t("facilities.location")}
          value={form.location}
          onChange={(e) => setForm({ ...form, location: e.currentTarget.value })}
        />
        <Checkbox.Group
          label={t("facilities.accessibility")}
          value={form.accessibility}
          onChange={(v) => setForm({ ...form, accessibility: v as AccessibilityFlag[] })}
        >
          <Group mt="xs" gap="sm">
            {ACCESSIBILITY_FLAGS.map((a) => (
              <Checkbox key={a} value={a} label={t(`facilities.flags.${a}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox
          label={t("facilities.published")}
          checked={form.published}
          onChange={(e) => setForm({ ...form, published: e.currentTarget.checked })}
        />
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t("service.back")}
            </Button>
          ) : null}
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t("facilities.save")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
