import {
  ActionIcon,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconEdit, IconFilePlus, IconPlus, IconTrash, IconUserMinus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { MemberWire, PersonWire, TeamHistoryWire, TeamWire } from "../../contract";
import {
  CM_PERMISSIONS,
  LEVER_AREAS,
  type LeverArea,
  TEAM_ROLES,
  TEAM_WIDE_ROLES,
  type TeamRole,
} from "../../domain/model";
import {
  type MemberInput,
  uploadFile,
  useAddMember,
  useCreateTeamDecree,
  usePeople,
  useRemoveMember,
  useTeam,
  useTeamHistory,
  useUpdateMember,
} from "../api";
import { DecreeCard, FileLink } from "../components/common";
import { DecreeQuestionsCard } from "../components/LinkedQuestions";

/** /perubahan/tim — the ZI team: its decree, members by role and area, and every change to it. */
export default function TeamPage() {
  const { t } = useTranslation("cm");
  const unit = useCurrentUnit();
  const canManage = useCan(CM_PERMISSIONS.manage);
  const team = useTeam(unit?.id);
  const history = useTeamHistory(unit?.id);
  const people = usePeople(canManage ? unit?.id : undefined);
  const [decreeOpen, decree] = useDisclosure(false);
  const [addOpen, add] = useDisclosure(false);
  const [editing, setEditing] = useState<MemberWire | null>(null);
  const remove = useRemoveMember(unit?.id ?? "");

  if (!unit)
    return <EmptyState headingOrder={1} title={t("team.pageTitle")} description={t("common.noUnit")} />;

  const columns: DataTableColumn<MemberWire>[] = [
    { key: "name", header: t("team.name"), sortValue: (m) => m.name, cell: (m) => m.name },
    {
      key: "role",
      header: t("team.role"),
      sortValue: (m) => TEAM_ROLES.indexOf(m.role),
      filterText: (m) => t(`role.${m.role}`),
      cell: (m) => t(`role.${m.role}`),
    },
    {
      key: "area",
      header: t("team.area"),
      sortValue: (m) => (m.areaKey ? LEVER_AREAS.indexOf(m.areaKey) : -1),
      filterText: (m) => (m.areaKey ? t(`area.${m.areaKey}`) : t("team.allAreas")),
      cell: (m) =>
        m.areaKey ? (
          t(`area.${m.areaKey}`)
        ) : (
          <Text size="sm" c="dimmed">
            {t("team.allAreas")}
          </Text>
        ),
    },
    ...(canManage
      ? [
          {
            key: "actions",
            header: <VisuallyHidden>{t("common.actions")}</VisuallyHidden>,
            cell: (m: MemberWire) => (
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  aria-label={t("team.editMember", { name: m.name })}
                  onClick={() => setEditing(m)}
                >
                  <IconEdit size={16} aria-hidden />
                </ActionIcon>
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  aria-label={t("team.removeMember", { name: m.name })}
                  title={t("team.removeTitle")}
                  message={t("team.removeMessage", { name: m.name })}
                  confirmLabel={t("team.remove")}
                  onConfirm={() => remove.mutateAsync(m.id)}
                >
                  <IconUserMinus size={16} aria-hidden />
                </ConfirmButton>
              </Group>
            ),
          } satisfies DataTableColumn<MemberWire>,
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("team.pageTitle")}
        description={t("team.description", { unit: unit.name })}
        actions={
          canManage ? (
            <>
              {team.data?.decree ? (
                <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add.open}>
                  {t("team.addMember")}
                </Button>
              ) : null}
              <Button leftSection={<IconFilePlus size={16} aria-hidden />} onClick={decree.open}>
                {t("team.newDecree")}
              </Button>
            </>
          ) : null
        }
      />
      {team.isPending ? (
        <PageLoader />
      ) : team.isError ? (
        <ErrorAlert error={team.error} title={t("common.loadFailed")} onRetry={() => void team.refetch()} />
      ) : !team.data.decree ? (
        <EmptyState
          title={t("team.none")}
          description={canManage ? t("team.noneManage") : t("team.noneRead")}
          action={canManage ? <Button onClick={decree.open}>{t("team.newDecree")}</Button> : undefined}
        />
      ) : (
        <Stack gap="lg">
          <DecreeCard decree={team.data.decree} title={t("team.currentDecree")} />
          {canManage ? <DecreeQuestionsCard decreeId={team.data.decree.id} hint={t("lke.teamHint")} /> : null}
          <DataTable
            caption={t("team.caption")}
            columns={columns}
            rows={team.data.members}
            rowKey={(m) => m.id}
            filterLabel={t("team.filter")}
            empty={<EmptyState title={t("team.noMembers")} />}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="sm">
                {t("team.decrees")}
              </Title>
              <DecreeTable decrees={team.data.decrees} />
            </Card>
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h4" mb="sm">
                {t("team.history")}
              </Title>
              {history.isError ? (
                <ErrorAlert error={history.error} />
              ) : (
                <HistoryList items={history.data ?? []} />
              )}
            </Card>
          </SimpleGrid>
        </Stack>
      )}
      {decreeOpen ? (
        <DecreeDialog
          unitId={unit.id}
          people={people.data ?? []}
          current={team.data?.members ?? []}
          onClose={decree.close}
        />
      ) : null}
      {addOpen ? (
        <MemberDialog unitId={unit.id} people={people.data ?? []} team={team.data} onClose={add.close} />
      ) : null}
      {editing ? (
        <MemberDialog
          unitId={unit.id}
          people={people.data ?? []}
          team={team.data}
          member={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function DecreeTable({ decrees }: { decrees: TeamWire["decrees"] }) {
  const { t } = useTranslation("cm");
  const f = useFormat();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("decree.number")}</Table.Th>
            <Table.Th>{t("decree.date")}</Table.Th>
            <Table.Th>{t("decree.members")}</Table.Th>
            <Table.Th>{t("decree.state")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decrees.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.file ? <FileLink file={{ ...d.file, name: d.number }} /> : d.number}</Table.Td>
              <Table.Td>{f.date(d.date)}</Table.Td>
              <Table.Td>{d.memberCount}</Table.Td>
              <Table.Td>
                {d.active
                  ? t("decree.active")
                  : t("decree.replacedAt", { date: d.replacedAt ? f.date(d.replacedAt) : "–" })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HistoryList({ items }: { items: TeamHistoryWire[] }) {
  const { t } = useTranslation("cm");
  const f = useFormat();
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        {t("team.historyEmpty")}
      </Text>
    );
  const place = (role: TeamRole | null, area: LeverArea | null) =>
    role ? (area ? `${t(`role.${role}`)} · ${t(`area.${area}`)}` : t(`role.${role}`)) : "";
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t("team.history")}>
      {items.slice(0, 60).map((h) => (
        <Timeline.Item
          key={h.id}
          title={
            <Text size="sm" fw={500}>
              {historyTitle(t, h)}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {h.action === "changed"
              ? t("history.changedDetail", {
                  from: place(h.previousRole, h.previousAreaKey),
                  to: place(h.role, h.areaKey),
                })
              : h.action === "decree"
                ? t("history.decreeDetail", { number: h.decreeNumber })
                : place(h.role, h.areaKey)}
          </Text>
          <Text size="xs" c="dimmed">
            {f.dateTime(h.at)} · {h.actorName}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function historyTitle(t: (k: string, o?: Record<string, unknown>) => string, h: TeamHistoryWire): string {
  return h.action === "decree"
    ? t("history.decree", { number: h.decreeNumber })
    : t(`history.${h.action}`, { name: h.name ?? "?" });
}

interface Row extends MemberInput {
  key: number;
}

/** A new team decree: number, date, scanned SK and the members (prefilled with the current team). */
function DecreeDialog(props: {
  unitId: string;
  people: PersonWire[];
  current: MemberWire[];
  onClose: () => void;
}) {
  const { t } = useTranslation("cm");
  const create = useCreateTeamDecree(props.unitId);
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<Row[]>(() =>
    props.current.length
      ? props.current.map((m, i) => ({ key: i, userId: m.userId, role: m.role, areaKey: m.areaKey }))
      : [{ key: 0, userId: "", role: "penanggung_jawab", areaKey: null }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!number.trim()) e.number = t("form.required");
    if (!date) e.date = t("form.required");
    rows.forEach((r) => {
      if (!r.userId) e[`user${r.key}`] = t("form.required");
      if (!TEAM_WIDE_ROLES.includes(r.role) && !r.areaKey) e[`area${r.key}`] = t("form.required");
    });
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    setUploadError(null);
    try {
      const fileId = file ? (await uploadFile(props.unitId, file)).id : null;
      await create.mutateAsync({
        number: number.trim(),
        date,
        fileId,
        members: rows.map((r) => ({
          userId: r.userId,
          role: r.role,
          areaKey: TEAM_WIDE_ROLES.includes(r.role) ? null : r.areaKey,
        })),
      });
      notifySuccess(t("team.decreeSaved"));
      props.onClose();
    } catch (err) {
      if (!create.isError) setUploadError(err);
    } finally {
      setBusy(false);
    }
  }

  const used = new Set(rows.map((r) => r.userId));
  return (
    <Dialog opened onClose={props.onClose} title={t("team.newDecree")} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("team.decreeHint")}
          </Text>
          <ErrorAlert error={create.error ?? uploadError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("decree.number")}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={errors.number}
              required
            />
            <TextInput
              type="date"
              label={t("decree.date")}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
              required
            />
            <FileInput
              label={t("decree.file")}
              placeholder={t("decree.filePlaceholder")}
              value={file}
              onChange={setFile}
              accept="application/pdf,image/*"
              clearable
            />
          </SimpleGrid>
          <Title order={3} fz="h5">
            {t("team.members")}
          </Title>
          {rows.map((r, i) => (
            <Group key={r.key} gap="xs" align="flex-start" wrap="wrap">
              <Select
                label={t("team.name")}
                aria-label={t("team.memberN", { n: i + 1 })}
                data={props.people.map((p) => ({
                  value: p.id,
                  label: p.name,
                  disabled: used.has(p.id) && p.id !== r.userId,
                }))}
                value={r.userId || null}
                onChange={(v) => setRow(r.key, { userId: v ?? "" })}
                error={errors[`user${r.key}`]}
                searchable
                w={{ base: "100%", sm: 220 }}
              />
              <Select
                label={t("team.role")}
                data={TEAM_ROLES.map((x) => ({ value: x, label: t(`role.${x}`) }))}
                value={r.role}
                onChange={(v) => v && setRow(r.key, { role: v as TeamRole })}
                allowDeselect={false}
                w={{ base: "100%", sm: 170 }}
              />
              <Select
                label={t("team.area")}
                data={LEVER_AREAS.map((x) => ({ value: x, label: t(`area.${x}`) }))}
                value={TEAM_WIDE_ROLES.includes(r.role) ? null : r.areaKey}
                onChange={(v) => setRow(r.key, { areaKey: v as LeverArea | null })}
                disabled={TEAM_WIDE_ROLES.includes(r.role)}
                placeholder={TEAM_WIDE_ROLES.includes(r.role) ? t("team.allAreas") : undefined}
                error={errors[`area${r.key}`]}
                w={{ base: "100%", sm: 240 }}
              />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t("team.removeRow", { n: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                disabled={rows.length === 1}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  {
                    key: Math.max(0, ...rs.map((x) => x.key)) + 1,
                    userId: "",
                    role: "anggota",
                    areaKey: null,
                  },
                ])
              }
            >
              {t("team.addRow")}
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("team.saveDecree")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Add a member to the current decree, or change one's role or area. */
function MemberDialog(props: {
  unitId: string;
  people: PersonWire[];
  team: TeamWire | undefined;
  member?: MemberWire;
  onClose: () => void;
}) {
  const { t } = useTranslation("cm");
  const add = useAddMember(props.unitId);
  const update = useUpdateMember(props.unitId);
  const mutation = props.member ? update : add;
  const [userId, setUserId] = useState<string | null>(props.member?.userId ?? null);
  const [role, setRole] = useState<TeamRole>(props.member?.role ?? "anggota");
  const [areaKey, setAreaKey] = useState<LeverArea | null>(props.member?.areaKey ?? null);
  const [error, setError] = useState<string | null>(null);
  const members = new Set((props.team?.members ?? []).map((m) => m.userId));
  const wide = TEAM_WIDE_ROLES.includes(role);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!userId || (!wide && !areaKey)) {
      setError(t("team.memberIncomplete"));
      return;
    }
    setError(null);
    const body = { role, areaKey: wide ? null : areaKey };
    const ok = props.member
      ? await update.mutateAsync({ id: props.member.id, ...body }).catch(() => null)
      : await add.mutateAsync({ userId, ...body }).catch(() => null);
    if (!ok) return;
    notifySuccess(t("team.memberSaved"));
    props.onClose();
  }

  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={props.member ? t("team.editMember", { name: props.member.name }) : t("team.addMember")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} />
          {error ? (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          ) : null}
          {props.member ? null : (
            <Select
              label={t("team.name")}
              data={props.people
                .filter((p) => !members.has(p.id))
                .map((p) => ({ value: p.id, label: p.name }))}
              value={userId}
              onChange={setUserId}
              searchable
              required
            />
          )}
          <Select
            label={t("team.role")}
            data={TEAM_ROLES.map((x) => ({ value: x, label: t(`role.${x}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as TeamRole)}
            allowDeselect={false}
          />
          <Select
            label={t("team.area")}
            data={LEVER_AREAS.map((x) => ({ value: x, label: t(`area.${x}`) }))}
            value={wide ? null : areaKey}
            onChange={(v) => setAreaKey(v as LeverArea | null)}
            disabled={wide}
            placeholder={wide ? t("team.allAreas") : undefined}
            required={!wide}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
