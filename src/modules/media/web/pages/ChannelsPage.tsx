import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { Channel } from "../../contract";
import { CHANNEL_KINDS, type ChannelKind, MEDIA_PERMISSIONS } from "../../domain/model";
import { useChannels, useCreateChannel, useSaveSettings, useSettings, useUpdateChannel } from "../api";

/** /media/kanal — the unit's channels and its planning setting. */
export default function ChannelsPage() {
  const { t } = useTranslation("media");
  const unit = useCurrentUnit();
  const canPlan = useCan(MEDIA_PERMISSIONS.plan);
  const channels = useChannels(unit?.id);
  const [editing, setEditing] = useState<Channel | "new" | null>(null);
  if (!unit)
    return <EmptyState headingOrder={1} title={t("channels.pageTitle")} description={t("common.noUnit")} />;

  const columns: DataTableColumn<Channel>[] = [
    {
      key: "name",
      header: t("channels.name"),
      sortValue: (c) => c.name,
      cell: (c) => (
        <Text size="sm" fw={500}>
          {c.name}
        </Text>
      ),
    },
    {
      key: "kind",
      header: t("channels.kind"),
      sortValue: (c) => t(`kind.${c.kind}`),
      filterText: (c) => t(`kind.${c.kind}`),
      cell: (c) => t(`kind.${c.kind}`),
    },
    { key: "handle", header: t("channels.handle"), sortValue: (c) => c.handle, cell: (c) => c.handle ?? "–" },
    {
      key: "url",
      header: t("channels.url"),
      sortValue: (c) => c.url,
      cell: (c) =>
        c.url ? (
          <Anchor href={c.url} target="_blank" rel="noopener noreferrer" size="sm">
            {c.url.replace(/^https?:\/\//, "")}
          </Anchor>
        ) : (
          "–"
        ),
    },
    {
      key: "active",
      header: t("channels.active"),
      sortValue: (c) => (c.active ? 1 : 0),
      filterText: (c) => (c.active ? t("channels.active") : t("channels.inactive")),
      cell: (c) => (
        <StatusBadge tone={c.active ? "success" : "neutral"} size="sm">
          {c.active ? t("channels.active") : t("channels.inactive")}
        </StatusBadge>
      ),
    },
    ...(canPlan
      ? [
          {
            key: "edit",
            header: "",
            filterText: () => null,
            cell: (c: Channel) => (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPencil size={14} aria-hidden />}
                aria-label={t("channels.editNamed", { name: c.name })}
                onClick={() => setEditing(c)}
              >
                {t("channels.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("channels.pageTitle")}
        eyebrow={unit.name}
        description={t("channels.description", { unit: unit.name })}
        actions={
          canPlan ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
              {t("channels.add")}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {channels.isPending ? (
          <PageLoader />
        ) : channels.isError ? (
          <ErrorAlert
            error={channels.error}
            title={t("common.loadFailed")}
            onRetry={() => void channels.refetch()}
          />
        ) : (
          <DataTable
            caption={t("channels.caption")}
            columns={columns}
            rows={channels.data}
            rowKey={(c) => c.id}
            initialSort={{ key: "name", direction: "asc" }}
            empty={<EmptyState title={t("channels.empty")} />}
          />
        )}
        <PlanSetting unitId={unit.id} canPlan={canPlan} />
      </Stack>
      <ChannelDialog unitId={unit.id} channel={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function PlanSetting({ unitId, canPlan }: { unitId: string; canPlan: boolean }) {
  const { t } = useTranslation("media");
  const settings = useSettings(unitId);
  const save = useSaveSettings();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="sm">
        {t("channels.settings")}
      </Title>
      <Switch
        label={t("channels.planWeekends")}
        description={t("channels.planWeekendsHint")}
        checked={settings.data?.planWeekends ?? false}
        disabled={!canPlan || settings.isPending || save.isPending}
        onChange={async (e) => {
          const planWeekends = e.currentTarget.checked;
          setError(null);
          try {
            await save.mutateAsync({ unitId, planWeekends });
            notifySuccess(t("channels.settingsSaved"));
          } catch (err) {
            setError(err);
          }
        }}
      />
      <ErrorAlert error={error} mb="0" />
    </Card>
  );
}

function ChannelDialog({
  unitId,
  channel,
  onClose,
}: {
  unitId: string;
  channel: Channel | "new" | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("media");
  const existing = channel && channel !== "new" ? channel : null;
  return (
    <Dialog
      opened={channel !== null}
      onClose={onClose}
      title={existing ? t("channels.edit") : t("channels.add")}
    >
      {channel !== null ? (
        <ChannelForm key={existing?.id ?? "new"} unitId={unitId} channel={existing} onDone={onClose} />
      ) : null}
    </Dialog>
  );
}

function ChannelForm({
  unitId,
  channel,
  onDone,
}: {
  unitId: string;
  channel: Channel | null;
  onDone: () => void;
}) {
  const { t } = useTranslation("media");
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "instagram");
  const [name, setName] = useState(channel?.name ?? "");
  const [handle, setHandle] = useState(channel?.handle ?? "");
  const [url, setUrl] = useState(channel?.url ?? "");
  const [active, setActive] = useState(channel?.active ?? true);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = create.isPending || update.isPending;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    setError(null);
    const body = { kind, name: name.trim(), handle: handle.trim() || null, url: url.trim() || null, active };
    try {
      if (channel) await update.mutateAsync({ id: channel.id, patch: body });
      else await create.mutateAsync({ unitId, ...body });
      notifySuccess(t("channels.saved"));
      onDone();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Select
          label={t("channels.kind")}
          data={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as ChannelKind)}
          allowDeselect={false}
        />
        <TextInput
          label={t("channels.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={touched && !name.trim() ? t("form.required") : undefined}
        />
        <TextInput
          label={t("channels.handle")}
          value={handle}
          onChange={(e) => setHandle(e.currentTarget.value)}
        />
        <TextInput
          type="url"
          label={t("channels.url")}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <Checkbox
          label={t("channels.active")}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
