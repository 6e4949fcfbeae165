import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconExternalLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan } from "../../../../ui/session";
import type { Channel, ItemDetail, Publication, ReachWire } from "../../contract";
import { MEDIA_PERMISSIONS } from "../../domain/model";
import { REACH_FIELDS } from "../../domain/reach";
import type { Command } from "../../domain/workflow";
import {
  mediaDownloads,
  useAddPublication,
  useAssignees,
  useChannels,
  useDeleteItem,
  useItem,
  useLinkItemEvidence,
  useSetReach,
  useTransition,
  useUnlinkItemEvidence,
  useUpdateItem,
} from "../api";
import { EvidencePanel } from "../components/EvidencePanel";
import { ItemForm } from "../components/ItemForm";
import { STATUS_TONE, todayWib } from "../labels";

/** /media/konten/:id — one content item: its content, workflow, publications with reach, evidence. */
export default function ItemPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("media");
  const item = useItem(id);
  const channels = useChannels(item.data?.unitId);
  if (item.isPending) return <PageLoader />;
  if (item.isError)
    return <ErrorAlert error={item.error} title={t("item.notFound")} onRetry={() => void item.refetch()} />;
  return <ItemView item={item.data} channels={channels.data ?? []} />;
}

function ItemView({ item, channels }: { item: ItemDetail; channels: Channel[] }) {
  const { t } = useTranslation("media");
  const f = useFormat();
  const navigate = useNavigate();
  const canPlan = useCan(MEDIA_PERMISSIONS.plan);
  const canApprove = useCan(MEDIA_PERMISSIONS.approve);
  const assignees = useAssignees(item.editable ? item.unitId : undefined);
  const update = useUpdateItem(item.id);
  const remove = useDeleteItem(item.id);
  const link = useLinkItemEvidence(item.id);
  const unlink = useUnlinkItemEvidence(item.id);
  const channelOf = (cid: string) => channels.find((c) => c.id === cid);
  const channelLabel = (cid: string) => {
    const c = channelOf(cid);
    return c ? `${c.name} (${t(`kind.${c.kind}`)})` : cid;
  };
  const selfBlocked = item.status === "submitted" && canApprove && !item.commands.includes("approve");

  return (
    <>
      <Anchor component={Link} to={`/media?bulan=${item.plannedDate.slice(0, 7)}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {t("item.back")}
      </Anchor>
      <PageHeader
        title={item.title}
        eyebrow={`${t("item.pageTitle")} · ${f.date(item.plannedDate, { weekday: true })} · ${t(`theme.${item.theme}`)}`}
        description={
          <Group gap="xs" component="span">
            <StatusBadge tone={STATUS_TONE[item.status]}>{t(`status.${item.status}`)}</StatusBadge>
            {item.approvedBy && item.approvedAt ? (
              <Text size="sm" component="span">
                {t("item.approvedBy", { name: item.approvedBy.name, date: f.date(item.approvedAt) })}
              </Text>
            ) : null}
          </Group>
        }
        actions={
          canPlan && (item.status === "idea" || item.status === "draft") ? (
            <ConfirmButton
              title={t("item.delete")}
              message={t("item.deleteConfirm")}
              confirmLabel={t("item.delete")}
              onConfirm={async () => {
                await remove.mutateAsync(undefined);
                notifySuccess(t("item.deleted"));
                navigate(`/media?bulan=${item.plannedDate.slice(0, 7)}`);
              }}
            >
              {t("item.delete")}
            </ConfirmButton>
          ) : null
        }
      />
      {item.status === "rejected" && item.rejectReason ? (
        <Alert color="red" mb="md" title={t("status.rejected")}>
          {t("item.rejectedBecause", { reason: item.rejectReason })}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("item.details")}
          </Title>
          {item.editable ? (
            <ItemForm
              key={item.version}
              unitId={item.unitId}
              channels={channels}
              assignees={assignees.data ?? (item.assignee ? [item.assignee] : [])}
              submitLabel={t("common.save")}
              initial={{
                title: item.title,
                plannedDate: item.plannedDate,
                theme: item.theme,
                channelIds: item.channelIds,
                assigneeId: item.assignee?.id ?? null,
                draftText: item.draftText,
                attachments: item.attachments,
                asDraft: false,
              }}
              onSubmit={async (v) => {
                await update.mutateAsync({
                  version: item.version,
                  title: v.title.trim(),
                  plannedDate: v.plannedDate,
                  theme: v.theme,
                  channelIds: v.channelIds,
                  assigneeId: v.assigneeId,
                  draftText: v.draftText,
                  attachmentIds: v.attachments.map((a) => a.id),
                });
                notifySuccess(t("common.saved"));
              }}
            />
          ) : (
            <Stack gap="xs">
              {canPlan && item.status !== "published" ? (
                <Text size="sm" c="dimmed">
                  {t("item.readOnly")}
                </Text>
              ) : null}
              <Field label={t("form.channels")} value={item.channelIds.map(channelLabel).join(", ")} />
              <Field label={t("form.assignee")} value={item.assignee?.name ?? t("item.assigneeNone")} />
              <Field label={t("form.draftText")} value={item.draftText || "–"} pre />
              {item.attachments.length ? (
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t("form.attachments")}
                  </Text>
                  {item.attachments.map((a) => (
                    <Anchor key={a.id} href={mediaDownloads.file(a.id)} size="sm">
                      {a.originalName}
                    </Anchor>
                  ))}
                </Stack>
              ) : null}
            </Stack>
          )}
        </Card>

        <Stack gap="lg">
          <Card withBorder>
            <Title order={2} fz="h4" mb="sm">
              {t("item.workflow")}
            </Title>
            <Workflow key={item.version} item={item} channelLabel={channelLabel} />
            {selfBlocked ? (
              <Text size="sm" c="dimmed" mt="xs" role="note">
                {t("item.selfApproval")}
              </Text>
            ) : null}
          </Card>

          <Card withBorder>
            <Title order={2} fz="h4" mb="sm">
              {t("item.publications")}
            </Title>
            {item.publications.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("item.noPublications")}
              </Text>
            ) : (
              <Stack gap="md">
                {item.publications.map((p) => (
                  <PublicationRow key={p.id} pub={p} label={channelLabel(p.channelId)} editable={canPlan} />
                ))}
              </Stack>
            )}
            {canPlan && item.status === "published" ? (
              <AddPublication item={item} channelLabel={channelLabel} />
            ) : null}
          </Card>

          {item.status === "published" ? (
            <Card withBorder>
              <Title order={2} fz="h4" mb="sm">
                {t("evidence.title")}
              </Title>
              <EvidencePanel
                linked={item.evidenceKeys}
                hint={t("evidence.hint")}
                onLink={(keys) => link.mutateAsync(keys)}
                onUnlink={(k) => unlink.mutateAsync(k)}
              />
            </Card>
          ) : null}

          <Card withBorder>
            <Title order={2} fz="h4" mb="sm">
              {t("item.history")}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {item.history.map((h) => (
                <Timeline.Item key={h.id} title={t(`action.${h.action}`, { defaultValue: h.action })}>
                  <Text size="xs" c="dimmed">
                    {h.actorName} · {f.dateTime(h.at)}
                  </Text>
                  {h.note && h.action === "reject" ? <Text size="sm">{h.note}</Text> : null}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Stack>
      </SimpleGrid>
    </>
  );
}

function Field({ label, value, pre }: { label: string; value: string; pre?: boolean }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={pre ? { whiteSpace: "pre-wrap" } : undefined}>
        {value}
      </Text>
    </div>
  );
}

const PRIMARY: Command[] = ["approve", "submit", "publish", "start_draft", "revise"];

function Workflow({ item, channelLabel }: { item: ItemDetail; channelLabel: (id: string) => string }) {
  const { t } = useTranslation("media");
  const move = useTransition(item.id);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<"reject" | "publish" | null>(null);
  const [reason, setReason] = useState("");
  const today = todayWib();
  const [pubs, setPubs] = useState(() =>
    item.channelIds.map((channelId) => ({ channelId, url: "", publishedOn: today })),
  );

  async function run(command: Command, extra: { reason?: string; publications?: typeof pubs } = {}) {
    setError(null);
    try {
      const next = await move.mutateAsync({ command, version: item.version, ...extra });
      notifySuccess(t("item.done", { status: t(`status.${next.status}`) }));
      setDialog(null);
    } catch (e) {
      setError(e);
    }
  }

  if (item.commands.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t(`status.${item.status}`)}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {item.commands.map((c) => (
          <Button
            key={c}
            variant={PRIMARY.includes(c) ? "filled" : "default"}
            color={c === "reject" ? "red" : undefined}
            loading={move.isPending && move.variables?.command === c}
            onClick={() => (c === "reject" || c === "publish" ? setDialog(c) : void run(c))}
          >
            {t(`command.${c}`)}
          </Button>
        ))}
      </Group>
      {dialog === null ? <ErrorAlert error={error} mb="0" /> : null}
      <Dialog opened={dialog === "reject"} onClose={() => setDialog(null)} title={t("item.rejectTitle")}>
        <Stack>
          <Textarea
            label={t("item.rejectReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={3}
            data-autofocus
          />
          <ErrorAlert error={error} mb="0" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={move.isPending}
              onClick={() => void run("reject", { reason: reason.trim() })}
            >
              {t("command.reject")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
      <Dialog
        opened={dialog === "publish"}
        onClose={() => setDialog(null)}
        title={t("item.publishTitle")}
        size="lg"
      >
        <Stack>
          <Text size="sm">{t("item.publishHint")}</Text>
          {pubs.map((p, i) => (
            <Group key={p.channelId} grow align="flex-start" wrap="wrap">
              <TextInput
                type="url"
                label={t("item.url", { channel: channelLabel(p.channelId) })}
                placeholder="https://"
                value={p.url}
                onChange={(e) => {
                  const url = e.currentTarget.value;
                  setPubs((s) => s.map((x, j) => (j === i ? { ...x, url } : x)));
                }}
                miw={240}
              />
              <TextInput
                type="date"
                label={t("item.publishedOn", { channel: channelLabel(p.channelId) })}
                value={p.publishedOn}
                max={today}
                onChange={(e) => {
                  const publishedOn = e.currentTarget.value;
                  setPubs((s) => s.map((x, j) => (j === i ? { ...x, publishedOn } : x)));
                }}
                maw={200}
              />
            </Group>
          ))}
          <ErrorAlert error={error} mb="0" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              loading={move.isPending}
              disabled={!pubs.some((p) => p.url.trim())}
              onClick={() =>
                void run("publish", {
                  publications: pubs.filter((p) => p.url.trim()).map((p) => ({ ...p, url: p.url.trim() })),
                })
              }
            >
              {t("command.publish")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

function AddPublication({ item, channelLabel }: { item: ItemDetail; channelLabel: (id: string) => string }) {
  const { t } = useTranslation("media");
  const add = useAddPublication(item.id);
  const open = item.channelIds.filter((c) => !item.publications.some((p) => p.channelId === c));
  const [channelId, setChannelId] = useState<string | null>(open[0] ?? null);
  const [url, setUrl] = useState("");
  const [publishedOn, setPublishedOn] = useState(todayWib());
  const [error, setError] = useState<unknown>(null);
  if (open.length === 0) return null;
  return (
    <Stack gap="xs" mt="md">
      <Text size="sm" fw={600}>
        {t("item.addLink")}
      </Text>
      <Group grow align="flex-end" wrap="wrap">
        <Select
          label={t("item.addLinkChannel")}
          data={open.map((c) => ({ value: c, label: channelLabel(c) }))}
          value={channelId}
          onChange={setChannelId}
          allowDeselect={false}
          miw={180}
        />
        <TextInput
          type="url"
          label={t("item.url", { channel: channelId ? channelLabel(channelId) : "" })}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          miw={220}
        />
        <TextInput
          type="date"
          label={t("item.publishedOn", { channel: channelId ? channelLabel(channelId) : "" })}
          value={publishedOn}
          onChange={(e) => setPublishedOn(e.currentTarget.value)}
          maw={190}
        />
      </Group>
      <ErrorAlert error={error} mb="0" />
      <Button
        size="xs"
        variant="light"
        w="fit-content"
        disabled={!channelId || !url.trim()}
        loading={add.isPending}
        onClick={async () => {
          if (!channelId) return;
          setError(null);
          try {
            await add.mutateAsync({ channelId, url: url.trim(), publishedOn });
            notifySuccess(t("item.linkAdded"));
            setUrl("");
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t("item.addLink")}
      </Button>
    </Stack>
  );
}

function PublicationRow({ pub, label, editable }: { pub: Publication; label: string; editable: boolean }) {
  const { t } = useTranslation("media");
  const f = useFormat();
  const save = useSetReach();
  const [reach, setReach] = useState<ReachWire>(pub.reach);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap={6}>
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {label} · {f.date(pub.publishedOn)}
        </Text>
        <Anchor href={pub.url} target="_blank" rel="noopener noreferrer" size="sm">
          {pub.url.replace(/^https?:\/\//, "").slice(0, 40)} <IconExternalLink size={12} aria-hidden />
        </Anchor>
      </Group>
      {editable ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {REACH_FIELDS.map((k) => (
              <NumberInput
                key={k}
                label={`${t(`reach.${k}`)} (${label})`}
                value={reach[k]}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={f.lang === "id" ? "." : ","}
                decimalSeparator={f.lang === "id" ? "," : "."}
                onChange={(v) => setReach((r) => ({ ...r, [k]: typeof v === "number" ? v : Number(v) || 0 }))}
                size="xs"
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t("item.reachHint")}
          </Text>
          <ErrorAlert error={error} mb="0" />
          <Button
            size="xs"
            variant="light"
            w="fit-content"
            loading={save.isPending}
            onClick={async () => {
              setError(null);
              try {
                await save.mutateAsync({ publicationId: pub.id, reach });
                notifySuccess(t("item.reachSaved"));
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t("item.saveReach")}
          </Button>
        </>
      ) : (
        <Text size="sm">
          {REACH_FIELDS.map((k) => `${t(`reach.${k}`)} ${f.number(pub.reach[k])}`).join(" · ")}
        </Text>
      )}
    </Stack>
  );
}
