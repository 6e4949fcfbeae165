import { Badge, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import {
  IconArrowsMove,
  IconBuildingCommunity,
  IconClock,
  IconPencil,
  IconPlus,
  IconSearch,
} from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../ui/api";
import { Dialog } from "../../../ui/components/Dialog";
import { EmptyState } from "../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../ui/components/PageHeader";
import { PageLoader } from "../../../ui/components/PageLoader";
import type { Zone } from "../../../ui/format";
import { notifySuccess } from "../../../ui/notify";
import { useSession } from "../../../ui/session";
import { UNIT_KINDS, type Unit, type UnitKind, ZONES } from "../../../ui/types";
import { useAdminMutations, useUnits } from "../api";
import { UnitHoursPanel } from "./UnitHours";

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Nest a tree-ordered flat list; units whose parent is not in the list become roots. */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Units matching `query` (name or code) plus their ancestors, so matches show in place. */
export function filterUnits(units: readonly Unit[], query: string): Unit[] {
  const q = query.trim().toLocaleLowerCase("id");
  if (!q) return [...units];
  const matches = units.filter(
    (u) => u.name.toLocaleLowerCase("id").includes(q) || u.code.toLocaleLowerCase("id").includes(q),
  );
  const keep = new Set<string>();
  for (const m of matches) for (const u of units) if (m.path.startsWith(u.path)) keep.add(u.id);
  return units.filter((u) => keep.has(u.id));
}

/** The units a unit may move under: not itself, not anything inside it. */
export function moveTargets(units: readonly Unit[], moving: Unit): Unit[] {
  return units.filter((u) => !u.path.startsWith(moving.path) && u.id !== moving.parentId);
}

type DialogState =
  | { kind: "create"; parent: Unit | null }
  | { kind: "edit"; unit: Unit }
  | { kind: "move"; unit: Unit }
  | { kind: "hours"; unit: Unit }
  | null;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canWrite = can("org.unit.write");
  const units = useUnits();
  const [query, setQuery] = useState("");
  const [dialog, setDialog] = useState<DialogState>(null);
  const all = units.data?.items ?? [];
  const tree = useMemo(() => buildTree(filterUnits(all, query)), [all, query]);

  let body: ReactNode;
  if (units.error) body = <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />;
  else if (units.isPending) body = <PageLoader minHeight="20vh" />;
  else if (all.length === 0)
    body = (
      <EmptyState
        icon={<IconBuildingCommunity size={28} aria-hidden />}
        title={t("admin.units.empty")}
        description={canWrite ? t("admin.units.emptyHelp") : undefined}
      />
    );
  else if (tree.length === 0) body = <Text c="dimmed">{t("ui.table.noMatch")}</Text>;
  else
    body = (
      <Paper withBorder p={{ base: "xs", sm: "md" }}>
        <UnitList nodes={tree} level={1} canWrite={canWrite} onAction={setDialog} />
      </Paper>
    );

  return (
    <>
      <PageHeader
        title={t("admin.units.title")}
        description={t("admin.units.description")}
        actions={
          canWrite ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              variant="light"
              onClick={() => setDialog({ kind: "create", parent: null })}
            >
              {t("admin.units.createRoot")}
            </Button>
          ) : undefined
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t("admin.units.search")}
          placeholder={t("admin.units.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        {all.length > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("admin.units.count", { count: all.length })}
          </Text>
        ) : null}
      </Group>
      {body}

      <Dialog
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.kind === "create"
            ? dialog.parent
              ? t("admin.units.createChildTitle", { parent: dialog.parent.name })
              : t("admin.units.createRoot")
            : dialog?.kind === "edit"
              ? t("admin.units.editTitle", { name: dialog.unit.name })
              : dialog?.kind === "move"
                ? t("admin.units.moveTitle", { name: dialog.unit.name })
                : dialog?.kind === "hours"
                  ? t("admin.hours.title", { name: dialog.unit.name })
                  : ""
        }
      >
        {dialog?.kind === "create" ? (
          <CreateUnitForm parent={dialog.parent} onDone={() => setDialog(null)} />
        ) : dialog?.kind === "edit" ? (
          <EditUnitForm unit={dialog.unit} onDone={() => setDialog(null)} />
        ) : dialog?.kind === "move" ? (
          <MoveUnitForm unit={dialog.unit} units={all} onDone={() => setDialog(null)} />
        ) : dialog?.kind === "hours" ? (
          <UnitHoursPanel unit={dialog.unit} units={all} canWrite={canWrite} />
        ) : null}
      </Dialog>
    </>
  );
}

function UnitList({
  nodes,
  level,
  canWrite,
  onAction,
}: {
  nodes: UnitNode[];
  level: number;
  canWrite: boolean;
  onAction: (d: DialogState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Box
      component="ul"
      style={{
        margin: 0,
        padding: 0,
        paddingLeft: level > 1 ? "clamp(0.75rem, 3vw, 1.5rem)" : 0,
        marginLeft: level > 1 ? "0.5rem" : 0,
        listStyle: "none",
        borderLeft: level > 1 ? "2px solid var(--mantine-color-gray-3)" : undefined,
      }}
    >
      {nodes.map(({ unit, children }) => (
        <li key={unit.id}>
          <Group justify="space-between" py={6} px="xs" wrap="wrap" gap="xs">
            <Box style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{unit.name}</Text>
                <Text size="sm" c="dimmed">
                  <code>{unit.code}</code>
                </Text>
              </Group>
              <Group gap={6} mt={2}>
                <Badge variant="light" color="gray" size="sm">
                  {t(`admin.units.kinds.${unit.kind}`)}
                </Badge>
                <Badge variant="outline" color="gray" size="sm" title={t("admin.units.zoneHelp")}>
                  {unit.zone}
                </Badge>
              </Group>
            </Box>
            <Group gap={6} wrap="wrap">
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconClock size={14} aria-hidden />}
                aria-label={t("admin.hours.named", { name: unit.name })}
                onClick={() => onAction({ kind: "hours", unit })}
              >
                {t("admin.hours.button")}
              </Button>
              {canWrite ? (
                <>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    aria-label={t("admin.units.addChildNamed", { name: unit.name })}
                    onClick={() => onAction({ kind: "create", parent: unit })}
                  >
                    {t("admin.units.addChild")}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t("admin.units.editNamed", { name: unit.name })}
                    onClick={() => onAction({ kind: "edit", unit })}
                  >
                    {t("ui.edit")}
                  </Button>
                  {unit.parentId ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconArrowsMove size={14} aria-hidden />}
                      aria-label={t("admin.units.moveNamed", { name: unit.name })}
                      onClick={() => onAction({ kind: "move", unit })}
                    >
                      {t("admin.units.move")}
                    </Button>
                  ) : null}
                </>
              ) : null}
            </Group>
          </Group>
          {children.length > 0 ? (
            <UnitList nodes={children} level={level + 1} canWrite={canWrite} onAction={onAction} />
          ) : null}
        </li>
      ))}
    </Box>
  );
}

const CODE_RE = /^[A-Za-z0-9._-]+$/;

/** The usual kind of a child: kementerian → eselon1 → kanwil → kantor. */
export function childKind(parent: Unit | null): UnitKind {
  if (!parent) return "kementerian";
  const order: UnitKind[] = ["kementerian", "eselon1", "kanwil", "kantor"];
  const i = order.indexOf(parent.kind);
  return i >= 0 && i < order.length - 1 ? order[i + 1]! : "kantor";
}

function useKindOptions() {
  const { t } = useTranslation();
  return UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.units.kinds.${k}`) }));
}

function CreateUnitForm({ parent, onDone }: { parent: Unit | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { createUnit } = useAdminMutations();
  const kindOptions = useKindOptions();
  const [v, setV] = useState<{ code: string; name: string; kind: UnitKind; zone: Zone }>({
    code: "",
    name: "",
    kind: childKind(parent),
    zone: parent?.zone ?? "WIB",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const server = issuesByPath(createUnit.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      code: CODE_RE.test(v.code.trim()) ? undefined : t("admin.units.validation.code"),
      name: v.name.trim() ? undefined : t("admin.units.validation.name"),
    };
    setErrors(problems);
    if (problems.code || problems.name) return;
    createUnit.mutate(
      { code: v.code.trim(), name: v.name.trim(), kind: v.kind, zone: v.zone, parentId: parent?.id ?? null },
      {
        onSuccess: (u) => {
          notifySuccess(t("admin.units.created", { name: u.name }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={createUnit.error} />
        {parent ? (
          <Text size="sm">
            {t("admin.units.parent")}: <strong>{parent.name}</strong> ({parent.code})
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("admin.units.code")}
            description={t("admin.units.codeHelp")}
            required
            maxLength={40}
            value={v.code}
            onChange={(e) => setV({ ...v, code: e.currentTarget.value.toUpperCase() })}
            error={errors.code ?? server.code}
            data-autofocus
          />
          <TextInput
            label={t("admin.units.name")}
            required
            maxLength={200}
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
            error={errors.name ?? server.name}
          />
          <Select
            label={t("admin.units.kind")}
            required
            data={kindOptions}
            value={v.kind}
            onChange={(x) => x && setV({ ...v, kind: x as UnitKind })}
            allowDeselect={false}
            error={server.kind}
          />
          <Select
            label={t("admin.units.zone")}
            description={t("admin.units.zoneHelp")}
            required
            data={ZONES.map((z) => ({ value: z, label: t(`admin.units.zones.${z}`) }))}
            value={v.zone}
            onChange={(x) => x && setV({ ...v, zone: x as Zone })}
            allowDeselect={false}
            error={server.zone}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={createUnit.isPending}>
            {t("admin.units.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditUnitForm({ unit, onDone }: { unit: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const { updateUnit } = useAdminMutations();
  const [v, setV] = useState({ code: unit.code, name: unit.name, zone: unit.zone });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const server = issuesByPath(updateUnit.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      code: CODE_RE.test(v.code.trim()) ? undefined : t("admin.units.validation.code"),
      name: v.name.trim() ? undefined : t("admin.units.validation.name"),
    };
    setErrors(problems);
    if (problems.code || problems.name) return;
    const patch: { id: string; name?: string; code?: string; zone?: Zone } = { id: unit.id };
    if (v.name.trim() !== unit.name) patch.name = v.name.trim();
    if (v.code.trim() !== unit.code) patch.code = v.code.trim();
    if (v.zone !== unit.zone) patch.zone = v.zone;
    if (Object.keys(patch).length === 1) return onDone();
    updateUnit.mutate(patch, {
      onSuccess: (u) => {
        notifySuccess(t("admin.units.saved", { name: u.name }));
        onDone();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={updateUnit.error} />
        <TextInput
          label={t("admin.units.name")}
          required
          maxLength={200}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name ?? server.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("admin.units.code")}
            description={t("admin.units.codeHelp")}
            required
            maxLength={40}
            value={v.code}
            onChange={(e) => setV({ ...v, code: e.currentTarget.value.toUpperCase() })}
            error={errors.code ?? server.code}
          />
          <Select
            label={t("admin.units.zone")}
            description={t("admin.units.zoneHelp")}
            data={ZONES.map((z) => ({ value: z, label: t(`admin.units.zones.${z}`) }))}
            value={v.zone}
            onChange={(x) => x && setV({ ...v, zone: x as Zone })}
            allowDeselect={false}
            error={server.zone}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={updateUnit.isPending}>
            {t("ui.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MoveUnitForm({ unit, units, onDone }: { unit: Unit; units: Unit[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { moveUnit } = useAdminMutations();
  const targets = useMemo(() => moveTargets(units, unit), [units, unit]);
  const current = units.find((u) => u.id === unit.parentId);
  const [parentId, setParentId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!parentId) {
      setError(t("admin.units.validation.parent"));
      return;
    }
    setError(undefined);
    moveUnit.mutate(
      { id: unit.id, parentId },
      {
        onSuccess: (u) => {
          notifySuccess(t("admin.units.moved", { name: u.name }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={moveUnit.error} />
        <Text size="sm">
          {t("admin.units.currentParent")}:{" "}
          <strong>{current ? `${current.name} (${current.code})` : "–"}</strong>
        </Text>
        <Select
          label={t("admin.units.newParent")}
          description={t("admin.units.moveHelp")}
          required
          data={targets.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          value={parentId}
          onChange={setParentId}
          searchable
          nothingFoundMessage={t("ui.nothingFound")}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" loading={moveUnit.isPending}>
            {t("admin.units.move")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
