import {
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Grid,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCan } from "../../../../ui/session";
import type { ServiceDetail, VersionWire } from "../../contract";
import {
  COST_KINDS,
  type CostKind,
  INTERNAL_COMPONENTS,
  STD_PERMISSIONS,
  type StandardContent,
  TIME_UNITS,
  type TimeUnit,
} from "../../domain/model";
import {
  fileDownloadUrl,
  uploadFile,
  useCreateDraft,
  useCreateSop,
  useDeleteSop,
  useDeleteVersion,
  usePublishVersion,
  useService,
  useUpdateService,
  useUpdateVersion,
} from "../api";
import { EvidencePanel } from "../components/EvidencePanel";
import { costText, timeText } from "../components/text";

const STATE_TONE: Record<VersionWire["state"], StatusTone> = {
  draft: "info",
  scheduled: "warning",
  current: "success",
  superseded: "neutral",
};

export default function ServicePage() {
  const { id } = useParams();
  const { t } = useTranslation("standards");
  const f = useFormat();
  const detail = useService(id);
  const canManage = useCan(STD_PERMISSIONS.manage);
  const createDraft = useCreateDraft(id ?? "");
  const [selected, setSelected] = useState<string | null>(null);

  if (detail.isPending) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const draft = d.versions.find((v) => v.status === "draft");
  const shown =
    d.versions.find((v) => v.id === selected) ??
    draft ??
    d.versions.find((v) => v.state === "current") ??
    d.versions[0];
  const name = f.lang === "en" && d.service.nameEn ? d.service.nameEn : d.service.nameId;

  return (
    <>
      <Anchor component={Link} to="/standar-layanan" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t("service.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={name}
        description={
          f.lang === "en" && d.service.descriptionEn ? d.service.descriptionEn : d.service.descriptionId
        }
        actions={
          canManage && !draft ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={createDraft.isPending}
              onClick={() =>
                void createDraft.mutateAsync(undefined).then((v) => {
                  setSelected(v.id);
                  notifySuccess(t("service.draftCreated"));
                })
              }
            >
              {t("service.newDraft")}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={createDraft.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="xs">
            <Title order={2} fz="h4">
              {t("service.versions")}
            </Title>
            {d.versions.length === 0 ? <Text size="sm">{t("service.noVersions")}</Text> : null}
            {d.versions.map((v) => (
              <Button
                key={v.id}
                variant={shown?.id === v.id ? "light" : "subtle"}
                justify="space-between"
                aria-pressed={shown?.id === v.id}
                onClick={() => setSelected(v.id)}
                rightSection={
                  <StatusBadge tone={STATE_TONE[v.state]} size="sm">
                    {t(`states.${v.state}`)}
                  </StatusBadge>
                }
              >
                {t("service.view", { number: v.number })}
              </Button>
            ))}
            {canManage ? <ServiceSettings detail={d} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {shown ? (
            shown.status === "draft" && canManage ? (
              <DraftEditor key={shown.id} version={shown} unitId={d.service.unitId} />
            ) : (
              <VersionView version={shown} />
            )
          ) : null}
        </Grid.Col>
      </Grid>
      <Card withBorder mt="lg">
        <SopSection detail={d} canManage={canManage} />
      </Card>
      <Card withBorder mt="lg">
        <Title order={2} fz="h4" mb="xs">
          LKE
        </Title>
        <EvidencePanel
          target={{ unitId: d.service.unitId, type: "service", id: d.service.id }}
          linked={d.evidenceKeys}
          hint={t("service.evidenceHint")}
        />
      </Card>
    </>
  );
}

function ServiceSettings({ detail }: { detail: ServiceDetail }) {
  const { t } = useTranslation("standards");
  const update = useUpdateService(detail.service.id);
  return (
    <Checkbox
      mt="md"
      label={t("service.active")}
      checked={detail.service.active}
      disabled={update.isPending}
      onChange={(e) => void update.mutateAsync({ active: e.currentTarget.checked })}
    />
  );
}

function VersionView({ version: v }: { version: VersionWire }) {
  const { t } = useTranslation("standards");
  const f = useFormat();
  const c = v.content;
  const list = (items: string[]) =>
    items.length ? (
      <List type="ordered" size="sm">
        {items.map((s) => (
          <List.Item key={s}>{s}</List.Item>
        ))}
      </List>
    ) : (
      <Text size="sm">—</Text>
    );
  const rows: Array<[string, React.ReactNode]> = [
    [t("components.requirements"), list(c.requirements)],
    [t("components.procedure"), list(c.procedure)],
    [t("components.time"), `${timeText(t, c.time, f.lang)}${c.time?.note ? ` (${c.time.note})` : ""}`],
    [
      t("components.cost"),
      `${costText(t, c.cost, f.lang)}${c.cost?.legalBasis ? ` — ${c.cost.legalBasis}` : ""}`,
    ],
    [t("components.products"), list(c.products)],
    [t("components.complaints"), c.complaints || "—"],
    [t("components.legalBasis"), list(c.legalBasis)],
    [t("components.facilities"), c.facilities || "—"],
    [t("components.competence"), c.competence || "—"],
    [t("components.supervision"), c.supervision || "—"],
    [t("components.staffCount"), c.staffCount ? t("service.staff", { count: c.staffCount }) : "—"],
    [t("components.serviceGuarantee"), c.serviceGuarantee || "—"],
    [t("components.securityGuarantee"), c.securityGuarantee || "—"],
    [t("components.evaluation"), c.evaluation || "—"],
  ];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t("service.view", { number: v.number })}
        </Title>
        <StatusBadge tone={STATE_TONE[v.state]}>{t(`states.${v.state}`)}</StatusBadge>
      </Group>
      {v.decreeNumber ? (
        <Text size="sm" mb="sm">
          {v.decreeNumber}
          {v.decreeDate ? ` · ${f.date(v.decreeDate)}` : ""}
          {v.effectiveDate ? ` · ${t("service.effectiveDate")}: ${f.date(v.effectiveDate)}` : ""}
          {v.decreeFileId ? (
            <>
              {" · "}
              <Anchor href={fileDownloadUrl(v.decreeFileId)}>{t("service.download")}</Anchor>
            </>
          ) : null}
        </Text>
      ) : null}
      {v.changeNote ? (
        <Text size="sm" c="dimmed" mb="sm">
          {v.changeNote}
        </Text>
      ) : null}
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="30%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

interface Draft {
  requirements: string;
  procedure: string;
  timeValue: number | "";
  timeUnit: TimeUnit;
  timeNote: string;
  costKind: CostKind | "";
  amountIdr: number | "";
  costNote: string;
  costBasis: string;
  products: string;
  complaints: string;
  legalBasis: string;
  facilities: string;
  competence: string;
  supervision: string;
  staffCount: number | "";
  serviceGuarantee: string;
  securityGuarantee: string;
  evaluation: string;
  decreeNumber: string;
  decreeDate: string;
  effectiveDate: string;
  changeNote: string;
}

function toDraft(v: VersionWire): Draft {
  const c = v.content;
  return {
    requirements: c.requirements.join("\n"),
    procedure: c.procedure.join("\n"),
    timeValue: c.time?.value ?? "",
    timeUnit: c.time?.unit ?? "working_days",
    timeNote: c.time?.note ?? "",
    costKind: c.cost?.kind ?? "",
    amountIdr: c.cost?.amountIdr ?? "",
    costNote: c.cost?.note ?? "",
    costBasis: c.cost?.legalBasis ?? "",
    products: c.products.join("\n"),
    complaints: c.complaints,
    legalBasis: c.legalBasis.join("\n"),
    facilities: c.facilities,
    competence: c.competence,
    supervision: c.supervision,
    staffCount: c.staffCount ?? "",
    serviceGuarantee: c.serviceGuarantee,
    securityGuarantee: c.securityGuarantee,
    evaluation: c.evaluation,
    decreeNumber: v.decreeNumber ?? "",
    decreeDate: v.decreeDate ?? "",
    effectiveDate: v.effectiveDate ?? "",
    changeNote: v.changeNote,
  };
}

const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function fromDraft(d: Draft): { content: StandardContent; rest: Record<string, unknown> } {
  return {
    content: {
      requirements: lines(d.requirements),
      procedure: lines(d.procedure),
      time: d.timeValue === "" ? null : { value: d.timeValue, unit: d.timeUnit, note: d.timeNote },
      cost:
        d.costKind === ""
          ? null
          : {
              kind: d.costKind,
              amountIdr: d.costKind === "fixed" && d.amountIdr !== "" ? d.amountIdr : null,
              note: d.costNote,
              legalBasis: d.costBasis,
            },
      products: lines(d.products),
      complaints: d.complaints,
      legalBasis: lines(d.legalBasis),
      facilities: d.facilities,
      competence: d.competence,
      supervision: d.supervision,
      staffCount: d.staffCount === "" ? null : d.staffCount,
      serviceGuarantee: d.serviceGuarantee,
      securityGuarantee: d.securityGuarantee,
      evaluation: d.evaluation,
    },
    rest: {
      decreeNumber: d.decreeNumber || null,
      decreeDate: d.decreeDate || null,
      effectiveDate: d.effectiveDate || null,
      changeNote: d.changeNote,
    },
  };
}

function DraftEditor({ version, unitId }: { version: VersionWire; unitId: string }) {
  const { t } = useTranslation("standards");
  const update = useUpdateVersion();
  const publish = usePublishVersion();
  const remove = useDeleteVersion();
  const [d, setD] = useState<Draft>(() => toDraft(version));
  const [decreeFile, setDecreeFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setD(toDraft(version)), [version]);
  const issues = issuesByPath(error);
  const err = (k: string) => issues[k] ?? issues[`content.${k}`];
  const text = (k: keyof Draft) => ({
    value: d[k] as string,
    onChange: (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value }),
    error: err(k),
  });
  const missing = [...version.missing.public, ...version.missing.internal];

  async function save(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      const { content, rest } = fromDraft(d);
      const body: Record<string, unknown> = { content, ...rest };
      if (decreeFile) body.decreeFileId = (await uploadFile(unitId, decreeFile)).id;
      await update.mutateAsync({ id: version.id, body });
      setDecreeFile(null);
      notifySuccess(t("service.saved"));
      return true;
    } catch (x) {
      setError(x);
      return false;
    }
  }

  return (
    <Card withBorder component="form" onSubmit={save} noValidate>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t("service.editing", { number: version.number })}
        </Title>
        <StatusBadge tone="info">{t("states.draft")}</StatusBadge>
      </Group>
      {missing.length ? (
        <Text size="sm" c="orange.9" mb="sm">
          {t("service.missing", { list: missing.map((k) => t(`components.${k}`)).join(", ") })}
        </Text>
      ) : null}
      <Stack>
        <Title order={3} fz="h5">
          {t("service.publicComponents")}
        </Title>
        <Textarea
          label={t("components.requirements")}
          description={t("service.linesHint")}
          autosize
          minRows={3}
          {...text("requirements")}
        />
        <Textarea
          label={t("components.procedure")}
          description={t("service.linesHint")}
          autosize
          minRows={3}
          {...text("procedure")}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t("service.timeValue")}
            min={1}
            allowDecimal={false}
            value={d.timeValue}
            onChange={(v) => setD({ ...d, timeValue: v === "" ? "" : Number(v) })}
            error={err("time.value") ?? err("time")}
          />
          <Select
            label={t("service.timeUnit")}
            data={TIME_UNITS.map((u) => ({ value: u, label: t(`timeUnits.${u}`) }))}
            value={d.timeUnit}
            allowDeselect={false}
            onChange={(v) => v && setD({ ...d, timeUnit: v as TimeUnit })}
          />
        </Group>
        <TextInput label={t("service.timeNote")} {...text("timeNote")} />
        <Group grow align="flex-start">
          <Select
            label={t("service.costKind")}
            data={COST_KINDS.map((k) => ({ value: k, label: t(`costKinds.${k}`) }))}
            value={d.costKind || null}
            onChange={(v) => setD({ ...d, costKind: (v ?? "") as CostKind | "" })}
          />
          {d.costKind === "fixed" ? (
            <NumberInput
              label={t("service.amount")}
              min={1}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              value={d.amountIdr}
              onChange={(v) => setD({ ...d, amountIdr: v === "" ? "" : Number(v) })}
              error={err("cost.amountIdr")}
            />
          ) : null}
        </Group>
        <TextInput label={t("service.costNote")} {...text("costNote")} />
        <TextInput label={t("service.costBasis")} {...text("costBasis")} />
        <Textarea
          label={t("components.products")}
          description={t("service.linesHint")}
          autosize
          minRows={2}
          {...text("products")}
        />
        <Textarea label={t("components.complaints")} autosize minRows={2} {...text("complaints")} />

        <Title order={3} fz="h5" mt="md">
          {t("service.internalComponents")}
        </Title>
        <Textarea
          label={t("components.legalBasis")}
          description={t("service.linesHint")}
          autosize
          minRows={2}
          {...text("legalBasis")}
        />
        {INTERNAL_COMPONENTS.filter((k) => k !== "legalBasis" && k !== "staffCount").map((k) => (
          <Textarea key={k} label={t(`components.${k}`)} autosize minRows={2} {...text(k as keyof Draft)} />
        ))}
        <NumberInput
          label={t("components.staffCount")}
          min={1}
          allowDecimal={false}
          value={d.staffCount}
          onChange={(v) => setD({ ...d, staffCount: v === "" ? "" : Number(v) })}
          error={err("staffCount")}
        />

        <Title order={3} fz="h5" mt="md">
          {t("service.decree")}
        </Title>
        <TextInput label={t("service.decreeNumber")} {...text("decreeNumber")} />
        <Group grow align="flex-start">
          <TextInput type="date" label={t("service.decreeDate")} {...text("decreeDate")} />
          <TextInput type="date" label={t("service.effectiveDate")} {...text("effectiveDate")} />
        </Group>
        <FileInput
          label={t("service.decreeFile")}
          accept="application/pdf,image/png,image/jpeg"
          value={decreeFile}
          onChange={setDecreeFile}
          clearable
          description={
            version.decreeFileId ? (
              <Anchor href={fileDownloadUrl(version.decreeFileId)} size="xs">
                {t("service.download")}
              </Anchor>
            ) : undefined
          }
        />
        <Textarea label={t("service.changeNote")} autosize minRows={2} {...text("changeNote")} />
        <ErrorAlert error={error} mb="0" />
        <Group justify="space-between">
          <ConfirmButton
            variant="subtle"
            color="red"
            title={t("service.deleteDraft")}
            message={t("service.deleteConfirm", { number: version.number })}
            confirmLabel={t("service.deleteDraft")}
            onConfirm={async () => {
              await remove.mutateAsync(version.id);
              notifySuccess(t("service.deleted"));
            }}
          >
            {t("service.deleteDraft")}
          </ConfirmButton>
          <Group>
            <Button type="submit" variant="default" loading={update.isPending}>
              {t("service.save")}
            </Button>
            <ConfirmButton
              danger={false}
              title={t("service.publish")}
              message={t("service.publishConfirm", { number: version.number })}
              confirmLabel={t("service.publish")}
              onConfirm={async () => {
                if (!(await save())) throw error ?? new Error("save failed");
                await publish.mutateAsync(version.id);
                notifySuccess(t("service.published", { number: version.number }));
              }}
            >
              {t("service.publish")}
            </ConfirmButton>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

function SopSection({ detail, canManage }: { detail: ServiceDetail; canManage: boolean }) {
  const { t } = useTranslation("standards");
  const f = useFormat();
  const create = useCreateSop();
  const remove = useDeleteSop();
  const [form, setForm] = useState({ number: "", title: "", effectiveDate: "" });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issues = issuesByPath(error);

  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const fileId = file ? (await uploadFile(detail.service.unitId, file)).id : null;
      await create.mutateAsync({ serviceId: detail.service.id, ...form, fileId });
      setForm({ number: "", title: "", effectiveDate: "" });
      setFile(null);
      notifySuccess(t("service.sopAdded"));
    } catch (x) {
      setError(x);
    }
  }

  return (
    <Stack>
      <Title order={2} fz="h4">
        {t("service.sops")}
      </Title>
      {detail.sops.length === 0 ? <Text size="sm">{t("service.noSops")}</Text> : null}
      {detail.sops.map((s) => (
        <Group key={s.id} justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text fw={500}>{s.title}</Text>
            <Text size="sm" c="dimmed">
              {s.number} · {f.date(s.effectiveDate)}
              {s.fileId ? (
                <>
                  {" · "}
                  <Anchor href={fileDownloadUrl(s.fileId)}>{t("service.download")}</Anchor>
                </>
              ) : null}
            </Text>
          </Stack>
          {canManage ? (
            <ConfirmButton
              variant="subtle"
              color="red"
              size="xs"
              aria-label={`${t("service.sopDelete")} ${s.number}`}
              title={t("service.sopDelete")}
              message={t("service.sopDeleteConfirm", { number: s.number })}
              confirmLabel={t("service.sopDelete")}
              onConfirm={() => remove.mutateAsync(s.id)}
            >
              {t("service.sopDelete")}
            </ConfirmButton>
          ) : null}
        </Group>
      ))}
      {canManage ? (
        <form onSubmit={add} noValidate>
          <Stack gap="xs">
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={t("service.sopNumber")}
                required
                value={form.number}
                onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
                error={issues.number}
              />
              <TextInput
                label={t("service.sopTitle")}
                required
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                error={issues.title}
              />
              <TextInput
                type="date"
                label={t("service.effectiveDate")}
                required
                value={form.effectiveDate}
                onChange={(e) => setForm({ ...form, effectiveDate: e.currentTarget.value })}
                error={issues.effectiveDate}
              />
            </Group>
            <FileInput
              label={t("service.sopFile")}
              accept="application/pdf"
              value={file}
              onChange={setFile}
              clearable
            />
            <ErrorAlert error={error} mb="0" />
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={create.isPending}>
                {t("service.sopAdd")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
