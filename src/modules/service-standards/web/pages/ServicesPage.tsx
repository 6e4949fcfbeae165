import { Anchor, Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconExternalLink, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { DataTable } from "../../../../ui/components/DataTable";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { ServiceListItem } from "../../contract";
import { STD_PERMISSIONS } from "../../domain/model";
import { useCreateService, useServices } from "../api";

export default function ServicesPage() {
  const { t } = useTranslation("standards");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canManage = useCan(STD_PERMISSIONS.manage);
  const services = useServices(unit?.id);
  const [adding, setAdding] = useState(false);
  if (!unit) return <Text>{t("noUnit")}</Text>;
  const name = (s: ServiceListItem) => (f.lang === "en" && s.nameEn ? s.nameEn : s.nameId);

  return (
    <>
      <PageHeader
        eyebrow={unit.name}
        title={t("services.heading")}
        description={t("services.description")}
        actions={
          <>
            <Button
              component="a"
              href={`/layanan/${encodeURIComponent(unit.code)}`}
              target="_blank"
              variant="default"
              leftSection={<IconExternalLink size={16} aria-hidden />}
            >
              {t("publicPage")}
            </Button>
            {canManage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t("services.add")}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
      {services.isPending ? (
        <PageLoader />
      ) : (
        <DataTable
          caption={t("services.caption")}
          rows={services.data?.items ?? []}
          rowKey={(s) => s.id}
          empty={<EmptyState title={t("services.empty")} />}
          columns={[
            {
              key: "name",
              header: t("services.name"),
              sortValue: (s) => s.sortOrder,
              filterText: (s) => `${s.nameId} ${s.nameEn} ${s.code}`,
              cell: (s) => (
                <Stack gap={0}>
                  <Anchor component={Link} to={`/standar-layanan/layanan/${s.id}`} fw={500}>
                    {name(s)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {s.code}
                    {s.active ? "" : ` · ${t("services.inactive")}`}
                  </Text>
                </Stack>
              ),
            },
            {
              key: "inForce",
              header: t("services.inForce"),
              cell: (s) => (
                <Stack gap={2}>
                  {s.currentVersion ? (
                    <StatusBadge tone="success">
                      {t("services.version", {
                        number: s.currentVersion.number,
                        date: f.date(s.currentVersion.effectiveDate),
                      })}
                    </StatusBadge>
                  ) : (
                    <StatusBadge tone="danger">{t("services.none")}</StatusBadge>
                  )}
                  {s.scheduled ? (
                    <Text size="xs">
                      {t("services.scheduled", {
                        number: s.scheduled.number,
                        date: f.date(s.scheduled.effectiveDate),
                      })}
                    </Text>
                  ) : null}
                  {s.hasDraft ? <Text size="xs">{t("services.draft")}</Text> : null}
                </Stack>
              ),
            },
            {
              key: "sops",
              header: t("services.sops"),
              align: "right",
              sortValue: (s) => s.sopCount,
              cell: (s) => s.sopCount,
            },
            {
              key: "completeness",
              header: t("services.completeness"),
              sortValue: (s) => s.completeness.failing.length,
              cell: (s) =>
                s.completeness.complete ? (
                  <StatusBadge tone="success">{t("services.complete")}</StatusBadge>
                ) : (
                  <StatusBadge tone="warning">
                    {t("services.missingCount", { count: s.completeness.failing.length })}
                  </StatusBadge>
                ),
            },
          ]}
        />
      )}
      <CreateServiceDialog unitId={unit.id} opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function CreateServiceDialog({
  unitId,
  opened,
  onClose,
}: {
  unitId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("standards");
  const navigate = useNavigate();
  const create = useCreateService();
  const [form, setForm] = useState({
    code: "",
    nameId: "",
    nameEn: "",
    descriptionId: "",
    descriptionEn: "",
    sortOrder: 0,
  });
  const issues = issuesByPath(create.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const s = await create.mutateAsync({ unitId, ...form });
      notifySuccess(t("services.created"));
      onClose();
      navigate(`/standar-layanan/layanan/${s.id}`);
    } catch {
      // shown below
    }
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t("services.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t("services.form.nameId")}
            required
            value={form.nameId}
            onChange={set("nameId")}
            error={issues.nameId}
          />
          <TextInput
            label={t("services.form.nameEn")}
            value={form.nameEn}
            onChange={set("nameEn")}
            error={issues.nameEn}
          />
          <TextInput
            label={t("services.form.code")}
            description={t("services.form.codeHint")}
            required
            value={form.code}
            onChange={set("code")}
            error={issues.code}
          />
          <Textarea
            label={t("services.form.descriptionId")}
            autosize
            minRows={2}
            value={form.descriptionId}
            onChange={set("descriptionId")}
          />
          <Textarea
            label={t("services.form.descriptionEn")}
            autosize
            minRows={2}
            value={form.descriptionEn}
            onChange={set("descriptionEn")}
          />
          <NumberInput
            label={t("services.form.sortOrder")}
            min={0}
            value={form.sortOrder}
            onChange={(v) => setForm({ ...form, sortOrder: Number(v) || 0 })}
          />
          <ErrorAlert error={create.error} mb="0" />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t("services.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
