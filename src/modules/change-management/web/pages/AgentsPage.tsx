import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconEdit,
  IconFilePlus,
  IconFileSpreadsheet,
  IconLink,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { Dialog } from "../../../../ui/components/Dialog";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { useCurrentUnit, useSession } from "../../../../ui/session";
import type { AgentWire, ChangeWire } from "../../contract";
import {
  cmDownloads,
  uploadFile,
  useAddRoleModel,
  useAgents,
  useCounts,
  useCreateAgentDecree,
  useDeleteChange,
  usePeople,
  useRubric,
  useSaveChange,
  useSetChangeQuestions,
} from "../api";
import { DecreeCard, FileLink } from "../components/common";
import { DecreeQuestionsCard, LinkedQuestions } from "../components/LinkedQuestions";
import { questionIndex } from "../components/QuestionPicker";

function years(now: number): string[] {
  const out: string[] = [];
  for (let y = now; y >= now - 5; y--) out.push(String(y));
  return out;
}

/** /perubahan/agen — change agents by decree, their concrete changes and role-model activities, LKE counts. */
export default function AgentsPage() {
  const { t } = useTranslation("cm");
  const f = useFormat();
  const unit = useCurrentUnit();
  const session = useSession();
  const agents = useAgents(unit?.id);
  const canManage = agents.data?.canManage ?? false;
  const people = usePeople(canManage ? unit?.id : undefined);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const counts = useCounts(unit?.id, year);
  const [decreeOpen, decree] = useDisclosure(false);
  const [change, setChange] = useState<{ agent: AgentWire; change?: ChangeWire } | null>(null);
  const [modelFor, setModelFor] = useState<AgentWire | null>(null);
  const [linking, setLinking] = useState<ChangeWire | null>(null);
  const remove = useDeleteChange(unit?.id ?? "");
  const anyLinked = (agents.data?.agents ?? []).some((a) => a.changes.some((c) => c.questionKeys.length));
  const rubric = useRubric(undefined, canManage || anyLinked);
  const index = useMemo(() => questionIndex(rubric.data), [rubric.data]);

  if (!unit)
    return <EmptyState headingOrder={1} title={t("agents.pageTitle")} description={t("common.noUnit")} />;
  const mayWrite = (a: AgentWire) => canManage || a.userId === session.me.user.id;

  return (
    <>
      <PageHeader
        title={t("agents.pageTitle")}
        description={t("agents.description", { unit: unit.name })}
        actions={
          <>
            <Button
              component="a"
              href={cmDownloads.agents(unit.id, year)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t("agents.export")}
            </Button>
            {canManage ? (
              <Button leftSection={<IconFilePlus size={16} aria-hidden />} onClick={decree.open}>
                {t("agents.newDecree")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder radius="md" padding="md" mb="lg">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          <Stack gap={0}>
            <Title order={2} fz="h4">
              {t("agents.countsTitle")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("agents.countsSource")}
            </Text>
          </Stack>
          <Select
            label={t("agents.year")}
            data={years(thisYear)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
          />
        </Group>
        {counts.isError ? (
          <ErrorAlert error={counts.error} />
        ) : counts.data ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} aria-live="polite">
            <Figure label={t("agents.countAgents")} value={counts.data.counts.jumlah_agen_perubahan} />
            <Figure
              label={t("agents.countChanges")}
              value={counts.data.counts.jumlah_perubahan}
              note={t("agents.ratioChanges", {
                value: f.percent(counts.data.ratios.changesPerAgent * 100, { maxDecimals: 1 }),
              })}
            />
            <Figure
              label={t("agents.countIntegrated")}
              value={counts.data.counts.jumlah_perubahan_terintegrasi}
              note={t("agents.ratioIntegrated", {
                value: f.percent(counts.data.ratios.integratedShare * 100, { maxDecimals: 1 }),
              })}
            />
          </SimpleGrid>
        ) : (
          <PageLoader />
        )}
      </Card>
      {agents.isPending ? (
        <PageLoader />
      ) : agents.isError ? (
        <ErrorAlert
          error={agents.error}
          title={t("common.loadFailed")}
          onRetry={() => void agents.refetch()}
        />
      ) : !agents.data.decree ? (
        <EmptyState
          title={t("agents.none")}
          description={canManage ? t("agents.noneManage") : undefined}
          action={canManage ? <Button onClick={decree.open}>{t("agents.newDecree")}</Button> : undefined}
        />
      ) : (
        <Stack gap="lg">
          <DecreeCard decree={agents.data.decree} title={t("agents.currentDecree")} />
          {canManage ? (
            <DecreeQuestionsCard decreeId={agents.data.decree.id} hint={t("lke.agentsHint")} />
          ) : null}
          {agents.data.agents.map((a) => (
            <Card
              key={a.id}
              withBorder
              radius="md"
              padding="md"
              component="section"
              aria-labelledby={`agent-${a.id}`}
            >
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={2} fz="h4" id={`agent-${a.id}`}>
                  {a.name}
                </Title>
                {mayWrite(a) ? (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => setChange({ agent: a })}
                    >
                      {t("agents.addChange")}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setModelFor(a)}>
                      {t("agents.addRoleModel")}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              {a.changes.length ? (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped aria-label={t("agents.changesOf", { name: a.name })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("change.title")}</Table.Th>
                        <Table.Th>{t("change.planned")}</Table.Th>
                        <Table.Th>{t("change.realised")}</Table.Th>
                        <Table.Th>{t("change.integration")}</Table.Th>
                        {mayWrite(a) ? <Table.Th>{t("common.actions")}</Table.Th> : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {a.changes.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {c.title}
                            </Text>
                            {c.description ? (
                              <Text size="xs" c="dimmed">
                                {c.description}
                              </Text>
                            ) : null}
                            {c.questionKeys.length ? (
                              <Text size="xs" c="dimmed">
                                {t("lke.changeLinked", {
                                  list: c.questionKeys.map((k) => index.get(k)?.sourceId ?? k).join(", "),
                                })}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>{c.plannedDate ? f.date(c.plannedDate) : "–"}</Table.Td>
                          <Table.Td>
                            {c.realisedDate ? (
                              f.date(c.realisedDate)
                            ) : (
                              <StatusBadge tone="neutral" size="sm">
                                {t("change.planOnly")}
                              </StatusBadge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {c.integrated ? (
                              <Stack gap={2}>
                                <StatusBadge tone="success" size="sm">
                                  {t("change.integrated")}
                                </StatusBadge>
                                <Text size="xs">{c.integrationRef}</Text>
                                {c.integrationFile ? <FileLink file={c.integrationFile} /> : null}
                              </Stack>
                            ) : (
                              <StatusBadge tone="warning" size="sm">
                                {t("change.notIntegrated")}
                              </StatusBadge>
                            )}
                          </Table.Td>
                          {mayWrite(a) ? (
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                {canManage ? (
                                  <ActionIcon
                                    variant="subtle"
                                    aria-label={t("lke.changeLink", { title: c.title })}
                                    onClick={() => setLinking(c)}
                                  >
                                    <IconLink size={16} aria-hidden />
                                  </ActionIcon>
                                ) : null}
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t("change.edit", { title: c.title })}
                                  onClick={() => setChange({ agent: a, change: c })}
                                >
                                  <IconEdit size={16} aria-hidden />
                                </ActionIcon>
                                <ConfirmButton
                                  variant="subtle"
                                  color="red"
                                  size="compact-sm"
                                  aria-label={t("change.delete", { title: c.title })}
                                  title={t("change.deleteTitle")}
                                  message={t("change.deleteMessage", { title: c.title })}
                                  confirmLabel={t("common.delete")}
                                  onConfirm={() => remove.mutateAsync(c.id)}
                                >
                                  <IconTrash size={16} aria-hidden />
                                </ConfirmButton>
                              </Group>
                            </Table.Td>
                          ) : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("agents.noChanges")}
                </Text>
              )}
              <Title order={3} fz="h6" mt="md" mb={4}>
                {t("agents.roleModels")}
              </Title>
              {a.roleModels.length ? (
                <Stack gap={4}>
                  {a.roleModels.map((m) => (
                    <Text size="sm" key={m.id}>
                      <strong>{f.date(m.date)}</strong> · {m.title}
                      {m.description ? ` — ${m.description}` : ""}
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("agents.noRoleModels")}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
      {decreeOpen ? (
        <AgentDecreeDialog
          unitId={unit.id}
          people={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          current={(agents.data?.agents ?? []).map((a) => a.userId)}
          onClose={decree.close}
        />
      ) : null}
      {change ? (
        <ChangeDialog
          unitId={unit.id}
          agent={change.agent}
          change={change.change}
          onClose={() => setChange(null)}
        />
      ) : null}
      {modelFor ? (
        <RoleModelDialog unitId={unit.id} agent={modelFor} onClose={() => setModelFor(null)} />
      ) : null}
      {linking ? (
        <ChangeQuestionsDialog
          unitId={unit.id}
          change={linking}
          rubric={rubric.data}
          onClose={() => setLinking(null)}
        />
      ) : null}
    </>
  );
}

/** A manager links one concrete change to the LKE questions it proves. */
function ChangeQuestionsDialog(props: {
  unitId: string;
  change: ChangeWire;
  rubric: Parameters<typeof LinkedQuestions>[0]["rubric"];
  onClose: () => void;
}) {
  const { t } = useTranslation("cm");
  const save = useSetChangeQuestions(props.unitId);
  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={t("lke.changeDialog", { title: props.change.title })}
      size="lg"
    >
      <LinkedQuestions
        rubric={props.rubric}
        value={props.change.questionKeys}
        canManage
        listLabel={t("activity.linkedQuestions")}
        hint={t("lke.changeHint")}
        saving={save.isPending}
        error={save.error}
        onSave={async (questionKeys) => {
          await save.mutateAsync({ id: props.change.id, questionKeys });
          props.onClose();
        }}
      />
    </Dialog>
  );
}

function Figure({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}

function AgentDecreeDialog(props: {
  unitId: string;
  people: Array<{ value: string; label: string }>;
  current: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation("cm");
  const create = useCreateAgentDecree(props.unitId);
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [userIds, setUserIds] = useState<string[]>(props.current);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!number.trim()) e.number = t("form.required");
    if (!date) e.date = t("form.required");
    if (!userIds.length) e.userIds = t("agents.pickAgents");
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    setOther(null);
    try {
      const fileId = file ? (await uploadFile(props.unitId, file)).id : null;
      await create.mutateAsync({ number: number.trim(), date, fileId, userIds });
      notifySuccess(t("agents.decreeSaved"));
      props.onClose();
    } catch (err) {
      setOther(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog opened onClose={props.onClose} title={t("agents.newDecree")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("agents.decreeHint")}
          </Text>
          <ErrorAlert error={other} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
          </SimpleGrid>
          <FileInput
            label={t("decree.file")}
            placeholder={t("decree.filePlaceholder")}
            value={file}
            onChange={setFile}
            accept="application/pdf,image/*"
            clearable
          />
          <MultiSelect
            label={t("agents.agents")}
            data={props.people}
            value={userIds}
            onChange={setUserIds}
            searchable
            error={errors.userIds}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("agents.saveDecree")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ChangeDialog(props: { unitId: string; agent: AgentWire; change?: ChangeWire; onClose: () => void }) {
  const { t } = useTranslation("cm");
  const save = useSaveChange(props.unitId);
  const c = props.change;
  const [title, setTitle] = useState(c?.title ?? "");
  const [description, setDescription] = useState(c?.description ?? "");
  const [plannedDate, setPlanned] = useState(c?.plannedDate ?? "");
  const [realisedDate, setRealised] = useState(c?.realisedDate ?? "");
  const [integrated, setIntegrated] = useState(c?.integrated ?? false);
  const [integrationRef, setRef] = useState(c?.integrationRef ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = t("form.required");
    if (integrated && !realisedDate) e.realisedDate = t("change.needsRealised");
    if (integrated && !integrationRef.trim()) e.integrationRef = t("change.needsRef");
    setErrors(e);
    if (Object.keys(e).length) return;
    const ok = await save
      .mutateAsync({
        agentId: props.agent.id,
        changeId: c?.id,
        body: {
          title: title.trim(),
          description: description.trim(),
          plannedDate: plannedDate || null,
          realisedDate: realisedDate || null,
          integrated,
          integrationRef: integrated ? integrationRef.trim() : "",
        },
      })
      .catch(() => null);
    if (!ok) return;
    notifySuccess(t("change.saved"));
    props.onClose();
  }

  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={c ? t("change.editTitle") : t("change.newTitle", { name: props.agent.name })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput
            label={t("change.title")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Textarea
            label={t("change.description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("change.planned")}
              value={plannedDate}
              onChange={(e) => setPlanned(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("change.realised")}
              value={realisedDate}
              onChange={(e) => setRealised(e.currentTarget.value)}
              error={errors.realisedDate}
            />
          </SimpleGrid>
          <Checkbox
            label={t("change.integratedLabel")}
            checked={integrated}
            onChange={(e) => setIntegrated(e.currentTarget.checked)}
          />
          {integrated ? (
            <TextInput
              label={t("change.integrationRef")}
              description={t("change.integrationRefHint")}
              value={integrationRef}
              onChange={(e) => setRef(e.currentTarget.value)}
              error={errors.integrationRef}
              required
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function RoleModelDialog(props: { unitId: string; agent: AgentWire; onClose: () => void }) {
  const { t } = useTranslation("cm");
  const add = useAddRoleModel(props.unitId);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [date, setDate] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!title.trim() || !date) {
      setError(t("form.required"));
      return;
    }
    const ok = await add
      .mutateAsync({ agentId: props.agent.id, title: title.trim(), description: description.trim(), date })
      .catch(() => null);
    if (!ok) return;
    notifySuccess(t("agents.roleModelSaved"));
    props.onClose();
  }

  return (
    <Dialog opened onClose={props.onClose} title={t("agents.roleModelTitle", { name: props.agent.name })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={add.error} />
          <TextInput
            label={t("agents.roleModelName")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error && !title.trim() ? error : undefined}
            required
          />
          <TextInput
            type="date"
            label={t("agents.roleModelDate")}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={error && !date ? error : undefined}
            required
          />
          <Textarea
            label={t("change.description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
