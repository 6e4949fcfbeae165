import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import {
  PAUSABLE_STATES,
  type ServiceType,
  type ServiceTypeInput,
  SR_FIELD_KINDS,
  SR_FILE_TYPES,
  SR_PERMISSIONS,
  SR_RELEASE_RULES,
  SR_TEMPLATES,
  type SrField,
  type SrRequirement,
} from "../../contract";
import {
  useAddStarters,
  useAssignees,
  useCatalogue,
  useCreateService,
  useStarters,
  useUpdateService,
} from "../api";
import { loc } from "../components/text";
import { keyFromLabel, typeLabel } from "../lib";

type Draft = Omit<ServiceTypeInput, "unitId">;

function blank(): Draft {
  return {
    code: "",
    name: { id: "", en: "" },
    description: { id: "", en: "" },
    requirements: [],
    fields: [],
    sla: {
      firstResponseHours: 2,
      resolutionHours: 8,
      warningPercent: 80,
      pauseStates: ["waiting_requester"],
      unconfirmed: true,
      source: null,
    },
    handler: { roleKey: null, group: null, userId: null },
    template: "generic",
    releaseRule: "none",
    active: true,
  };
}

function draftOf(s: ServiceType): Draft {
  return {
    code: s.code,
    name: s.name,
    description: s.description,
    requirements: s.requirements,
    fields: s.fields,
    sla: s.sla,
    handler: s.handler,
    template: s.template,
    releaseRule: s.releaseRule,
    active: s.active,
  };
}

/** /layanan/permohonan/katalog — the unit's service types: requirements, fields, SLA, handler, template. */
export default function CataloguePage() {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canConfigure = useCan(SR_PERMISSIONS.configure);
  const catalogue = useCatalogue(unit?.id);
  const starters = useStarters(unit?.id, canConfigure);
  const add = useAddStarters();
  const [picked, setPicked] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ service: ServiceType | null } | null>(null);

  const missing = (starters.data?.items ?? []).filter((s) => !s.alreadyAdded);
  return (
    <Stack>
      <PageHeader
        title={t("cat.title")}
        eyebrow={unit?.name}
        description={t("cat.description")}
        actions={
          canConfigure ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ service: null })}
            >
              {t("cat.new")}
            </Button>
          ) : null
        }
      />
      {canConfigure && missing.length > 0 ? (
        <Card withBorder component="section" aria-labelledby="sr-starters">
          <Title order={2} fz="h4" id="sr-starters" mb={4}>
            {t("cat.startersTitle")}
          </Title>
          <Text size="sm" mb="xs">
            {t("cat.startersIntro")}
          </Text>
          <Checkbox.Group value={picked} onChange={setPicked} label={t("cat.startersPick")}>
            <Stack gap={6} mt={6}>
              {missing.map((s) => (
                <Checkbox
                  key={s.key}
                  value={s.key}
                  label={`${loc(s.name, f.lang)} (${s.code}) · ${t("cat.hours", { n: f.number(s.sla.resolutionHours) })}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {add.isError ? <ErrorAlert error={add.error} /> : null}
          <Group mt="sm">
            <Button
              disabled={picked.length === 0 || !unit}
              loading={add.isPending}
              onClick={async () => {
                if (!unit) return;
                if (await add.mutateAsync({ unitId: unit.id, keys: picked }).catch(() => null)) setPicked([]);
              }}
            >
              {t("cat.addStarters")}
            </Button>
          </Group>
        </Card>
      ) : null}
      {catalogue.isPending && unit ? (
        <PageLoader />
      ) : catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (catalogue.data?.items ?? []).length === 0 ? (
        <EmptyState title={t("cat.empty")} description={t("cat.emptyHint")} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(catalogue.data?.items ?? []).map((s) => (
            <Card key={s.id} withBorder component="article" aria-labelledby={`svc-${s.id}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Title order={2} fz="h4" id={`svc-${s.id}`}>
                    {loc(s.name, f.lang)}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {s.code} · {t(`template.${s.template}`)} · {t("cat.requests", { n: s.requestCount })}
                  </Text>
                </div>
                {canConfigure ? (
                  <ActionIcon
                    variant="light"
                    size="lg"
                    aria-label={t("cat.editNamed", { name: loc(s.name, f.lang) })}
                    onClick={() => setEditing({ service: s })}
                  >
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
              <Group gap="xs" mt="xs" wrap="wrap">
                <Badge variant="light" style={{ textTransform: "none" }}>
                  {t("cat.slaLine", {
                    first: f.number(s.sla.firstResponseHours),
                    hours: f.number(s.sla.resolutionHours),
                  })}
                </Badge>
                <Badge variant="light" color="gray" style={{ textTransform: "none" }}>
                  {t("cat.warnAt", { n: s.sla.warningPercent })}
                </Badge>
                {s.sla.unconfirmed ? (
                  <Tooltip label={t("catalogue.unconfirmedHint")} multiline w={260}>
                    <Badge variant="outline" color="orange" style={{ textTransform: "none" }} tabIndex={0}>
                      {t("unconfirmed")}
                    </Badge>
                  </Tooltip>
                ) : null}
                {!s.active ? (
                  <Badge color="gray" style={{ textTransform: "none" }}>
                    {t("cat.inactive")}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" mt="xs">
                {t("cat.pauses")}: {s.sla.pauseStates.map((p) => t(`state.${p}`)).join(", ") || "—"}
              </Text>
              <Text size="sm">
                {t("cat.documents")}: {s.requirements.map((r) => loc(r.name, f.lang)).join(", ") || "—"}
              </Text>
              <Text size="sm">
                {t("cat.handler")}: {[s.handler.group, s.handler.roleKey].filter(Boolean).join(" · ") || "—"}
              </Text>
              {s.sla.source ? (
                <Text size="xs" c="dimmed">
                  {t("catalogue.source")}: {s.sla.source}
                </Text>
              ) : null}
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing && unit ? (
        <ServiceEditor unitId={unit.id} service={editing.service} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

function ServiceEditor({
  unitId,
  service,
  onClose,
}: {
  unitId: string;
  service: ServiceType | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("requests");
  const { t: tShell } = useTranslation();
  const f = useFormat();
  const phone = useMediaQuery("(max-width: 48em)");
  const [d, setD] = useState<Draft>(() => (service ? draftOf(service) : blank()));
  const create = useCreateService();
  const update = useUpdateService();
  const assignees = useAssignees(unitId);
  const m = service ? update : create;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const sla = d.sla;
  const setSla = (p: Partial<typeof sla>) => set("sla", { ...sla, ...p });
  const reqs = d.requirements ?? [];
  const fields = d.fields ?? [];
  const setReq = (i: number, p: Partial<SrRequirement>) =>
    set(
      "requirements",
      reqs.map((r, j) => (j === i ? { ...r, ...p } : r)),
    );
  const setField = (i: number, p: Partial<SrField>) =>
    set(
      "fields",
      fields.map((r, j) => (j === i ? { ...r, ...p } : r)),
    );

  async function save() {
    const ok = service
      ? await update
          .mutateAsync({ id: service.id, body: { ...d, version: service.version } })
          .catch(() => null)
      : await create.mutateAsync({ ...d, unitId }).catch(() => null);
    if (ok) onClose();
  }

  return (
    <Dialog
      opened
      onClose={onClose}
      title={service ? t("cat.editTitle", { name: loc(service.name, f.lang) }) : t("cat.new")}
      size="xl"
      fullScreen={phone}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("cat.code")}
            description={t("cat.codeHint")}
            value={d.code}
            onChange={(e) => set("code", e.currentTarget.value.toUpperCase())}
            required
          />
          <TextInput
            label={t("cat.nameId")}
            value={d.name.id}
            onChange={(e) => set("name", { ...d.name, id: e.currentTarget.value })}
            required
          />
          <TextInput
            label={t("cat.nameEn")}
            value={d.name.en}
            onChange={(e) => set("name", { ...d.name, en: e.currentTarget.value })}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("cat.descId")}
            value={d.description?.id ?? ""}
            onChange={(e) => set("description", { id: e.currentTarget.value, en: d.description?.en ?? "" })}
            autosize
            minRows={2}
          />
          <Textarea
            label={t("cat.descEn")}
            value={d.description?.en ?? ""}
            onChange={(e) => set("description", { id: d.description?.id ?? "", en: e.currentTarget.value })}
            autosize
            minRows={2}
          />
        </SimpleGrid>

        <Divider label={t("cat.slaSection")} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t("cat.firstResponse")}
            value={sla.firstResponseHours}
            min={0.25}
            step={0.5}
            decimalScale={2}
            onChange={(v) => setSla({ firstResponseHours: Number(v) || 0 })}
            required
          />
          <NumberInput
            label={t("cat.resolution")}
            value={sla.resolutionHours}
            min={0.25}
            step={1}
            decimalScale={2}
            onChange={(v) => setSla({ resolutionHours: Number(v) || 0 })}
            required
          />
          <NumberInput
            label={t("cat.warning")}
            value={sla.warningPercent}
            min={10}
            max={99}
            suffix="%"
            onChange={(v) => setSla({ warningPercent: Number(v) || 0 })}
            required
          />
        </SimpleGrid>
        <MultiSelect
          label={t("cat.pauseStates")}
          description={t("cat.pauseHint")}
          value={sla.pauseStates}
          onChange={(v) => setSla({ pauseStates: v as typeof sla.pauseStates })}
          data={PAUSABLE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
        <Group align="flex-end" wrap="wrap">
          <Checkbox
            label={t("cat.unconfirmedLabel")}
            checked={sla.unconfirmed}
            onChange={(e) => setSla({ unconfirmed: e.currentTarget.checked })}
          />
          {sla.unconfirmed ? (
            <Badge variant="outline" color="orange" style={{ textTransform: "none" }}>
              {t("unconfirmed")}
            </Badge>
          ) : null}
        </Group>
        <TextInput
          label={t("cat.source")}
          description={t("cat.sourceHint")}
          value={sla.source ?? ""}
          onChange={(e) => setSla({ source: e.currentTarget.value || null })}
        />

        <Divider label={t("cat.handlingSection")} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("cat.group")}
            value={d.handler.group ?? ""}
            onChange={(e) => set("handler", { ...d.handler, group: e.currentTarget.value || null })}
          />
          <TextInput
            label={t("cat.roleKey")}
            value={d.handler.roleKey ?? ""}
            onChange={(e) => set("handler", { ...d.handler, roleKey: e.currentTarget.value || null })}
          />
          <Select
            label={t("cat.defaultAssignee")}
            clearable
            value={d.handler.userId}
            onChange={(v) => set("handler", { ...d.handler, userId: v })}
            data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select
            label={t("cat.template")}
            value={d.template}
            onChange={(v) => v && set("template", v as Draft["template"])}
            data={SR_TEMPLATES.map((x) => ({ value: x, label: t(`template.${x}`) }))}
            allowDeselect={false}
          />
          <Select
            label={t("cat.releaseRule")}
            value={d.releaseRule ?? "none"}
            onChange={(v) => v && set("releaseRule", v as Draft["releaseRule"])}
            data={SR_RELEASE_RULES.map((x) => ({ value: x, label: t(`release.${x}`) }))}
            allowDeselect={false}
          />
          <Switch
            label={t("cat.active")}
            checked={d.active ?? true}
            onChange={(e) => set("active", e.currentTarget.checked)}
            mt="lg"
          />
        </SimpleGrid>

        <Divider label={t("cat.requirementsSection")} labelPosition="left" />
        {reqs.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows being edited have no id yet; the key is typed in them
          <Card key={i} withBorder padding="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("cat.nameId")}
                value={r.name.id}
                onChange={(e) =>
                  setReq(i, {
                    name: { ...r.name, id: e.currentTarget.value },
                    key: service && r.key ? r.key : keyFromLabel(e.currentTarget.value),
                  })
                }
                required
              />
              <TextInput
                label={t("cat.nameEn")}
                value={r.name.en}
                onChange={(e) => setReq(i, { name: { ...r.name, en: e.currentTarget.value } })}
                required
              />
              <TextInput
                label={t("cat.key")}
                value={r.key}
                onChange={(e) => setReq(i, { key: e.currentTarget.value })}
                required
              />
              <MultiSelect
                label={t("cat.fileTypes")}
                value={r.allowedTypes}
                onChange={(v) => setReq(i, { allowedTypes: v as SrRequirement["allowedTypes"] })}
                data={SR_FILE_TYPES.map((x) => ({ value: x, label: typeLabel([x]) }))}
              />
              <Stack gap={4} mt="lg">
                <Checkbox
                  label={t("cat.required")}
                  checked={r.required}
                  onChange={(e) =>
                    setReq(i, {
                      required: e.currentTarget.checked,
                      requiredWhen: e.currentTarget.checked ? null : r.requiredWhen,
                    })
                  }
                />
                <Checkbox
                  label={t("cat.multiple")}
                  checked={r.multiple}
                  onChange={(e) => setReq(i, { multiple: e.currentTarget.checked })}
                />
              </Stack>
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <Select
                  label={t("cat.requiredWhen")}
                  clearable
                  disabled={r.required}
                  value={r.requiredWhen?.field ?? null}
                  onChange={(v) =>
                    setReq(i, {
                      requiredWhen: v ? { field: v, equals: r.requiredWhen?.equals ?? [""] } : null,
                    })
                  }
                  data={fields
                    .filter((x) => x.kind === "select")
                    .map((x) => ({ value: x.key, label: loc(x.label, f.lang) }))}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("cat.removeNamed", { name: r.name.id || r.key })}
                  onClick={() =>
                    set(
                      "requirements",
                      reqs.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              {r.requiredWhen ? (
                <TextInput
                  label={t("cat.requiredWhenValues")}
                  value={r.requiredWhen.equals.join(", ")}
                  onChange={(e) =>
                    setReq(i, {
                      requiredWhen: {
                        field: r.requiredWhen!.field,
                        equals: e.currentTarget.value.split(",").map((s) => s.trim()),
                      },
                    })
                  }
                />
              ) : null}
            </SimpleGrid>
          </Card>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              set("requirements", [
                ...reqs,
                {
                  key: "",
                  name: { id: "", en: "" },
                  required: true,
                  requiredWhen: null,
                  allowedTypes: ["pdf", "jpeg", "png"],
                  multiple: false,
                },
              ])
            }
          >
            {t("cat.addRequirement")}
          </Button>
        </Group>

        <Divider label={t("cat.fieldsSection")} labelPosition="left" />
        {fields.map((fd, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows being edited have no id yet; the key is typed in them
          <Card key={i} withBorder padding="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("cat.labelId")}
                value={fd.label.id}
                onChange={(e) => setField(i, { label: { ...fd.label, id: e.currentTarget.value } })}
                required
              />
              <TextInput
                label={t("cat.labelEn")}
                value={fd.label.en}
                onChange={(e) => setField(i, { label: { ...fd.label, en: e.currentTarget.value } })}
                required
              />
              <TextInput
                label={t("cat.key")}
                value={fd.key}
                onChange={(e) => setField(i, { key: e.currentTarget.value })}
                required
              />
              <Select
                label={t("cat.kind")}
                value={fd.kind}
                onChange={(v) => v && setField(i, { kind: v as SrField["kind"] })}
                data={SR_FIELD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                allowDeselect={false}
              />
              <Checkbox
                label={t("cat.required")}
                checked={fd.required}
                onChange={(e) => setField(i, { required: e.currentTarget.checked })}
                mt="lg"
              />
              <Group justify="flex-end" align="flex-end">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("cat.removeNamed", { name: fd.label.id || fd.key })}
                  onClick={() =>
                    set(
                      "fields",
                      fields.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              {fd.kind === "select" ? (
                <Textarea
                  label={t("cat.options")}
                  description={t("cat.optionsHint")}
                  value={(fd.options ?? []).map((o) => `${o.value}=${o.label.id}|${o.label.en}`).join("\n")}
                  onChange={(e) =>
                    setField(i, {
                      options: e.currentTarget.value
                        .split("\n")
                        .filter((l) => l.trim())
                        .map((l) => {
                          const [value = "", rest = ""] = l.split("=");
                          const [id = "", en = ""] = rest.split("|");
                          return { value: value.trim(), label: { id: id.trim(), en: (en || id).trim() } };
                        }),
                    })
                  }
                  autosize
                  minRows={2}
                  style={{ gridColumn: "1 / -1" }}
                />
              ) : null}
            </SimpleGrid>
          </Card>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              set("fields", [
                ...fields,
                { key: "", label: { id: "", en: "" }, kind: "text", required: false },
              ])
            }
          >
            {t("cat.addField")}
          </Button>
        </Group>

        {m.isError ? <ErrorAlert error={m.error} mb="0" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tShell("ui.cancel")}
          </Button>
          <Button loading={m.isPending} onClick={() => void save()}>
            {tShell("ui.save")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
