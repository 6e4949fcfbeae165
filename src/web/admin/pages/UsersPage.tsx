import {
  Accordion,
  Badge,
  Button,
  Group,
  List,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPencil, IconSearch, IconShieldCheck, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../ui/api";
import { ConfirmButton } from "../../../ui/components/ConfirmButton";
import { DataTable, type DataTableColumn } from "../../../ui/components/DataTable";
import { Dialog } from "../../../ui/components/Dialog";
import { EmptyState } from "../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../ui/components/PageHeader";
import { PageLoader } from "../../../ui/components/PageLoader";
import { StatusBadge } from "../../../ui/components/StatusBadge";
import { useFormat } from "../../../ui/i18n";
import { notifySuccess } from "../../../ui/notify";
import { useSession } from "../../../ui/session";
import type { Role, Unit, UserItem } from "../../../ui/types";
import { useAdminMutations, usePermissions, useRoles, useUnits, useUsers } from "../api";

function useUnitOptions() {
  const { units: myUnits, can } = useSession();
  const all = useUnits(can("org.unit.read"));
  const units: Unit[] = all.data?.items ?? myUnits;
  return useMemo(() => units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })), [units]);
}

function useRoleOptions() {
  const f = useFormat();
  const roles = useRoles();
  return useMemo(
    () => (roles.data?.items ?? []).map((r) => ({ value: r.key, label: f.name(r.name) })),
    [roles.data, f],
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>("users");
  return (
    <>
      <PageHeader title={t("admin.users.title")} description={t("admin.users.description")} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden />}>
            {t("admin.users.tabUsers")}
          </Tabs.Tab>
          <Tabs.Tab value="roles" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            {t("admin.users.tabRoles")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" style={{ minWidth: 0 }}>
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="roles" style={{ minWidth: 0 }}>
          <RolesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

type DialogState =
  | { kind: "create" }
  | { kind: "edit"; user: UserItem }
  | { kind: "roles"; userId: string }
  | null;

function UsersTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can, currentUnit } = useSession();
  const canWrite = can("identity.user.write");
  const unitOptions = useUnitOptions();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // The header's work unit is the page's context; the person can widen it to all units.
  const [unitId, setUnitId] = useState<string | null>(currentUnit?.id ?? null);
  useEffect(() => setUnitId(currentUnit?.id ?? null), [currentUnit?.id]);
  const users = useUsers({ q: debouncedQ || undefined, unitId: unitId ?? undefined });
  const [dialog, setDialog] = useState<DialogState>(null);
  const rows = users.data?.items ?? [];
  const rolesUser = dialog?.kind === "roles" ? rows.find((u) => u.id === dialog.userId) : undefined;

  const columns: DataTableColumn<UserItem>[] = [
    {
      key: "name",
      header: t("admin.users.name"),
      cell: (u) => (
        <div>
          <Text size="sm" fw={600}>
            {u.name}
          </Text>
          <Text size="xs" c="dimmed">
            {u.email}
          </Text>
        </div>
      ),
      sortValue: (u) => u.name,
    },
    { key: "nip", header: t("admin.users.nip"), cell: (u) => u.nip ?? "–", sortValue: (u) => u.nip },
    {
      key: "roles",
      header: t("admin.users.roles"),
      cell: (u) =>
        u.assignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("admin.users.noRoles")}
          </Text>
        ) : (
          <Stack gap={2}>
            {u.assignments.map((a) => (
              <Text key={a.id} size="sm">
                {f.name(a.roleName)}{" "}
                <Text span size="xs" c="dimmed">
                  · {a.unitName}
                </Text>
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: "status",
      header: t("admin.users.status"),
      cell: (u) =>
        u.status === "active" ? (
          <StatusBadge tone="success">{t("admin.users.active")}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t("admin.users.disabled")}</StatusBadge>
        ),
      sortValue: (u) => u.status,
    },
    ...(canWrite
      ? [
          {
            key: "actions",
            header: <span className="zona-sr-only">{t("ui.actions")}</span>,
            cell: (u: UserItem) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  aria-label={t("admin.users.editNamed", { name: u.name })}
                  onClick={() => setDialog({ kind: "edit", user: u })}
                >
                  {t("ui.edit")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconShieldCheck size={14} aria-hidden />}
                  aria-label={t("admin.users.rolesNamed", { name: u.name })}
                  onClick={() => setDialog({ kind: "roles", userId: u.id })}
                >
                  {t("admin.users.roles")}
                </Button>
              </Group>
            ),
          } satisfies DataTableColumn<UserItem>,
        ]
      : []),
  ];

  return (
    <>
      <DataTable
        caption={t("admin.users.caption")}
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        filterable={false}
        initialSort={{ key: "name", direction: "asc" }}
        toolbar={
          <>
            <TextInput
              label={t("admin.users.search")}
              placeholder={t("admin.users.searchPlaceholder")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: "100%", sm: 280 }}
            />
            <Select
              label={t("admin.users.unitFilter")}
              placeholder={t("admin.users.allUnits")}
              data={unitOptions}
              value={unitId}
              onChange={setUnitId}
              clearable
              searchable
              nothingFoundMessage={t("ui.nothingFound")}
              w={{ base: "100%", sm: 280 }}
            />
            {canWrite ? (
              <Button
                ml={{ sm: "auto" }}
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setDialog({ kind: "create" })}
              >
                {t("admin.users.create")}
              </Button>
            ) : null}
          </>
        }
        empty={
          users.error ? (
            <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
          ) : users.isPending ? (
            <PageLoader minHeight="20vh" />
          ) : (
            <EmptyState
              title={t(debouncedQ || unitId ? "admin.users.emptyFiltered" : "admin.users.empty")}
              description={debouncedQ || unitId ? t("admin.users.emptyFilteredHelp") : undefined}
            />
          )
        }
      />
      {users.data && !users.isPending ? (
        <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
          {t("admin.users.count", { count: rows.length })}
        </Text>
      ) : null}

      <Dialog
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === "edit"
            ? t("admin.users.editTitle", { name: dialog.user.name })
            : t("admin.users.createTitle")
        }
        size="lg"
      >
        {dialog?.kind === "create" ? (
          <CreateUserForm defaultUnitId={unitId ?? currentUnit?.id ?? null} onDone={() => setDialog(null)} />
        ) : dialog?.kind === "edit" ? (
          <EditUserForm user={dialog.user} onDone={() => setDialog(null)} />
        ) : null}
      </Dialog>
      <Dialog
        opened={dialog?.kind === "roles" && Boolean(rolesUser)}
        onClose={() => setDialog(null)}
        title={rolesUser ? t("admin.users.rolesTitle", { name: rolesUser.name }) : ""}
        size="lg"
      >
        {rolesUser ? <AssignmentsEditor user={rolesUser} /> : null}
      </Dialog>
    </>
  );
}

const NIP_RE = /^\d{18}$/;
const PHONE_RE = /^\+?[0-9 -]{6,20}$/;

function CreateUserForm({ defaultUnitId, onDone }: { defaultUnitId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { createUser } = useAdminMutations();
  const unitOptions = useUnitOptions();
  const roleOptions = useRoleOptions();
  const [v, setV] = useState({
    email: "",
    name: "",
    nip: "",
    phone: "",
    password: "",
    roleKey: "employee",
    unitId: defaultUnitId ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const server = issuesByPath(createUser.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string | undefined> = {
      email: /^\S+@\S+\.\S+$/.test(v.email.trim()) ? undefined : t("admin.users.validation.email"),
      name: v.name.trim() ? undefined : t("admin.users.validation.name"),
      nip: !v.nip.trim() || NIP_RE.test(v.nip.trim()) ? undefined : t("admin.users.validation.nip"),
      phone: !v.phone.trim() || PHONE_RE.test(v.phone.trim()) ? undefined : t("admin.users.validation.phone"),
      password:
        !v.password || v.password.length >= 10 ? undefined : t("reset.validation.tooShort", { count: 10 }),
      roleKey: v.roleKey ? undefined : t("admin.users.validation.role"),
      unitId: v.unitId ? undefined : t("admin.users.validation.unit"),
    };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    createUser.mutate(
      {
        email: v.email.trim(),
        name: v.name.trim(),
        nip: v.nip.trim() || null,
        phone: v.phone.trim() || null,
        password: v.password || null,
        roleKey: v.roleKey,
        unitId: v.unitId,
      },
      {
        onSuccess: (u) => {
          notifySuccess(t("admin.users.created", { name: u.name }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={createUser.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("admin.users.email")}
            type="email"
            required
            value={v.email}
            onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
            error={errors.email ?? server.email}
            data-autofocus
          />
          <TextInput
            label={t("admin.users.name")}
            required
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
            error={errors.name ?? server.name}
          />
          <TextInput
            label={t("admin.users.nip")}
            description={t("admin.users.nipHelp")}
            inputMode="numeric"
            maxLength={18}
            value={v.nip}
            onChange={(e) => setV({ ...v, nip: e.currentTarget.value.replace(/\D/g, "") })}
            error={errors.nip ?? server.nip}
          />
          <TextInput
            label={t("admin.users.phone")}
            description={t("admin.users.phoneHelp")}
            type="tel"
            value={v.phone}
            onChange={(e) => setV({ ...v, phone: e.currentTarget.value })}
            error={errors.phone ?? server.phone}
          />
          <Select
            label={t("admin.users.role")}
            required
            data={roleOptions}
            value={v.roleKey || null}
            onChange={(x) => setV({ ...v, roleKey: x ?? "" })}
            searchable
            nothingFoundMessage={t("ui.nothingFound")}
            error={errors.roleKey ?? server.roleKey}
          />
          <Select
            label={t("admin.users.unit")}
            required
            data={unitOptions}
            value={v.unitId || null}
            onChange={(x) => setV({ ...v, unitId: x ?? "" })}
            searchable
            nothingFoundMessage={t("ui.nothingFound")}
            error={errors.unitId ?? server.unitId}
          />
        </SimpleGrid>
        <PasswordInput
          label={t("admin.users.initialPassword")}
          description={t("admin.users.initialPasswordHelp")}
          autoComplete="new-password"
          value={v.password}
          onChange={(e) => setV({ ...v, password: e.currentTarget.value })}
          error={errors.password ?? server.password}
          visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            {t("admin.users.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditUserForm({ user, onDone }: { user: UserItem; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { updateUser } = useAdminMutations();
  const [v, setV] = useState({
    name: user.name,
    nip: user.nip ?? "",
    phone: user.phone ?? "",
    active: user.status === "active",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const server = issuesByPath(updateUser.error);
  const self = me.user.id === user.id;

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string | undefined> = {
      name: v.name.trim() ? undefined : t("admin.users.validation.name"),
      nip: !v.nip.trim() || NIP_RE.test(v.nip.trim()) ? undefined : t("admin.users.validation.nip"),
      phone: !v.phone.trim() || PHONE_RE.test(v.phone.trim()) ? undefined : t("admin.users.validation.phone"),
    };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    updateUser.mutate(
      {
        id: user.id,
        name: v.name.trim(),
        nip: v.nip.trim() || null,
        phone: v.phone.trim() || null,
        status: v.active ? "active" : "disabled",
      },
      {
        onSuccess: () => {
          notifySuccess(t("admin.users.saved", { name: v.name.trim() }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={updateUser.error} />
        <TextInput
          label={t("admin.users.email")}
          value={user.email}
          readOnly
          description={t("admin.users.emailFixed")}
        />
        <TextInput
          label={t("admin.users.name")}
          required
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name ?? server.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("admin.users.nip")}
            description={t("admin.users.nipHelp")}
            inputMode="numeric"
            maxLength={18}
            value={v.nip}
            onChange={(e) => setV({ ...v, nip: e.currentTarget.value.replace(/\D/g, "") })}
            error={errors.nip ?? server.nip}
          />
          <TextInput
            label={t("admin.users.phone")}
            description={t("admin.users.phoneHelp")}
            type="tel"
            value={v.phone}
            onChange={(e) => setV({ ...v, phone: e.currentTarget.value })}
            error={errors.phone ?? server.phone}
          />
        </SimpleGrid>
        <Switch
          label={t("admin.users.activeSwitch")}
          description={self ? t("admin.users.selfDisable") : t("admin.users.activeHelp")}
          checked={v.active}
          disabled={self}
          onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={updateUser.isPending}>
            {t("ui.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AssignmentsEditor({ user }: { user: UserItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { addAssignment, removeAssignment } = useAdminMutations();
  const unitOptions = useUnitOptions();
  const roleOptions = useRoleOptions();
  const [roleKey, setRoleKey] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ roleKey?: string; unitId?: string }>({});

  function add(e: FormEvent) {
    e.preventDefault();
    const problems = {
      roleKey: roleKey ? undefined : t("admin.users.validation.role"),
      unitId: unitId ? undefined : t("admin.users.validation.unit"),
    };
    setErrors(problems);
    if (!roleKey || !unitId) return;
    addAssignment.mutate(
      { userId: user.id, roleKey, unitId },
      {
        onSuccess: () => {
          setRoleKey(null);
          notifySuccess(t("admin.users.assignmentAdded"));
        },
      },
    );
  }

  return (
    <Stack>
      {user.assignments.length === 0 ? (
        <Text c="dimmed">{t("admin.users.noRoles")}</Text>
      ) : (
        <List listStyleType="none" p={0} spacing="xs">
          {user.assignments.map((a) => (
            <List.Item key={a.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <strong>{f.name(a.roleName)}</strong> · {a.unitName} ({a.unitCode})
                </Text>
                <ConfirmButton
                  size="compact-sm"
                  aria-label={t("admin.users.removeAssignmentNamed", {
                    role: f.name(a.roleName),
                    unit: a.unitName,
                  })}
                  title={t("admin.users.removeAssignmentTitle")}
                  message={t("admin.users.removeAssignmentMessage", {
                    role: f.name(a.roleName),
                    unit: a.unitName,
                    name: user.name,
                  })}
                  confirmLabel={t("ui.remove")}
                  onConfirm={() => removeAssignment.mutateAsync({ userId: user.id, assignmentId: a.id })}
                >
                  {t("ui.remove")}
                </ConfirmButton>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={add} noValidate aria-label={t("admin.users.addAssignment")}>
        <Text fw={600} size="sm" mb="xs">
          {t("admin.users.addAssignment")}
        </Text>
        <ErrorAlert error={addAssignment.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("admin.users.role")}
            data={roleOptions}
            value={roleKey}
            onChange={setRoleKey}
            searchable
            nothingFoundMessage={t("ui.nothingFound")}
            error={errors.roleKey}
          />
          <Select
            label={t("admin.users.unit")}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            searchable
            nothingFoundMessage={t("ui.nothingFound")}
            error={errors.unitId}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={addAssignment.isPending}>
            {t("admin.users.addAssignmentSubmit")}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function RolesTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const roles = useRoles();
  const perms = usePermissions();
  const label = useMemo(() => {
    const m = new Map((perms.data?.items ?? []).map((p) => [p.key, f.lang === "en" ? p.en : p.id]));
    return (key: string) => m.get(key) ?? key;
  }, [perms.data, f.lang]);

  if (roles.error) return <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />;
  if (roles.isPending) return <PageLoader minHeight="20vh" />;
  if (roles.data.items.length === 0) return <EmptyState title={t("admin.roles.empty")} />;
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {t("admin.roles.description")}
      </Text>
      <Accordion variant="separated" multiple>
        {roles.data.items.map((r: Role) => (
          <Accordion.Item key={r.key} value={r.key}>
            <Accordion.Control>
              <Group gap="sm" wrap="wrap">
                <Text fw={600}>{f.name(r.name)}</Text>
                <Text size="xs" c="dimmed">
                  <code>{r.key}</code>
                </Text>
                <Badge variant="light" color={r.builtin ? "gray" : "zona"}>
                  {r.builtin ? t("admin.roles.builtin") : t("admin.roles.custom")}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t("admin.roles.permissionCount", { count: r.permissions.length })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {r.permissions.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t("admin.roles.noPermissions")}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {r.permissions.map((p) => (
                    <List.Item key={p}>
                      {label(p)}{" "}
                      <Text span size="xs" c="dimmed">
                        (<code>{p}</code>)
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}
