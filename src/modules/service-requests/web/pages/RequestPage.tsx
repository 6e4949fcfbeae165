import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  List,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconCash,
  IconCircleCheck,
  IconCircleDashed,
  IconFileCertificate,
} from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCan } from "../../../../ui/session";
import {
  AUCTION_REF_FIELD,
  BPHTB_PROOF_KEY,
  OBJECT_KIND_FIELD,
  type RequestDetail,
  SR_PERMISSIONS,
  type SrCommand,
  type TransitionBody,
  verifyPagePath,
} from "../../contract";
import { staffFileUrl, useAssignees, useNote, useRecordPayment, useRequest, useTransition } from "../api";
import { StateBadge } from "../components/Badges";
import { History } from "../components/History";
import { SlaPanel } from "../components/SlaPanel";
import { loc } from "../components/text";
import { isRequired } from "../lib";

/** /layanan/permohonan/:id — one request: fields, documents, payment, SLA, history and next steps. */
export default function RequestPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("requests");
  const f = useFormat();
  const q = useRequest(id);
  const canHandle = useCan(SR_PERMISSIONS.handle);
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const handler = canHandle && d.canHandle;
  return (
    <Stack>
      <PageHeader
        title={d.number}
        eyebrow={d.unitName}
        description={`${loc(d.serviceName, f.lang)} · ${d.requesterName}`}
        actions={<StateBadge state={d.state} size="lg" />}
      />
      <Anchor component={Link} to="/layanan/permohonan" size="sm">
        ← {t("detail.back")}
      </Anchor>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            {handler && d.commands.length > 0 ? <Actions d={d} /> : null}
            {d.rejectReason ? (
              <Alert color="red" title={t("detail.rejectReason")}>
                <Text style={{ whiteSpace: "pre-wrap" }}>{d.rejectReason}</Text>
              </Alert>
            ) : null}
            {d.documentsRequested && d.state === "waiting_requester" ? (
              <Alert color="yellow" title={t("detail.askedTitle")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {d.documentsRequested.message}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {d.documentsRequested.keys.map((k) => requirementName(d, k, t, f.lang)).join(", ")}
                </Text>
              </Alert>
            ) : null}
            {d.produced ? <Produced d={d} /> : null}
            <FieldsCard d={d} />
            <DocumentsCard d={d} />
            {d.service.releaseRule !== "none" ? <PaymentCard d={d} /> : null}
            {handler ? <NoteComposer id={d.id} /> : null}
            <Card withBorder component="section" aria-labelledby="sr-hist">
              <Title order={2} fz="h4" mb="sm" id="sr-hist">
                {t("detail.history")}
              </Title>
              <History
                items={d.events.map((e) => ({
                  key: e.id,
                  kind: e.kind,
                  at: e.at,
                  body: e.body,
                  actorName: e.actorName,
                  internal: e.visibility === "internal",
                  extra: typeof e.data.assigneeName === "string" ? `→ ${e.data.assigneeName}` : null,
                }))}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder component="section" aria-labelledby="sr-sla">
              <Title order={2} fz="h4" mb="xs" id="sr-sla">
                {t("detail.sla")}
              </Title>
              <SlaPanel sla={d.sla} state={d.state} audience="staff" />
              <Text size="xs" c="dimmed" mt="xs" component="div">
                {t("detail.slaConfig", {
                  first: f.number(d.service.sla.firstResponseHours),
                  hours: f.number(d.service.sla.resolutionHours),
                  warn: d.service.sla.warningPercent,
                })}{" "}
                {d.service.sla.unconfirmed ? (
                  <Badge size="xs" variant="outline" color="orange" style={{ textTransform: "none" }}>
                    {t("unconfirmed")}
                  </Badge>
                ) : d.service.sla.source ? (
                  `(${d.service.sla.source})`
                ) : null}
              </Text>
            </Card>
            <Card withBorder component="section" aria-labelledby="sr-req">
              <Title order={2} fz="h4" mb="xs" id="sr-req">
                {t("detail.requester")}
              </Title>
              <Text size="sm">{d.requester.name}</Text>
              <Text size="sm">{d.requester.email ?? d.requester.emailMasked ?? "—"}</Text>
              <Text size="sm">{d.requester.phone ?? d.requester.phoneMasked ?? "—"}</Text>
              <Text size="sm" mt="xs">
                {t("inbox.assignee")}: {d.assigneeName ?? t("inbox.unassigned")}
              </Text>
              <Text size="sm">
                {t("inbox.submitted")}: {f.dateTime(d.submittedAt)}
              </Text>
            </Card>
            {d.rating ? (
              <Card withBorder>
                <Text size="sm">
                  {t("detail.rating")}: <strong>{t(`rating.${d.rating.score}`)}</strong> ({d.rating.score}/4)
                </Text>
                {d.rating.comment ? <Text size="sm">“{d.rating.comment}”</Text> : null}
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type T = (k: string, o?: Record<string, unknown>) => string;
function requirementName(d: RequestDetail, key: string, t: T, lang: "id" | "en"): string {
  const r = d.service.requirements.find((x) => x.key === key);
  return r ? loc(r.name, lang) : key === "other" ? t("detail.otherDocument") : key;
}

function FieldsCard({ d }: { d: RequestDetail }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby="sr-fields">
      <Title order={2} fz="h4" mb="xs" id="sr-fields">
        {t("detail.fields")}
      </Title>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {d.service.fields.map((fd) => {
            const v = d.fields[fd.key];
            const opt = fd.options?.find((o) => o.value === v);
            const shown = !v
              ? "—"
              : fd.kind === "money"
                ? f.rupiah(Number(v))
                : fd.kind === "date"
                  ? f.date(v)
                  : opt
                    ? loc(opt.label, f.lang)
                    : v;
            return (
              <Table.Tr key={fd.key}>
                <Table.Th w="40%">{loc(fd.label, f.lang)}</Table.Th>
                <Table.Td style={{ whiteSpace: "pre-wrap" }}>{shown}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function DocumentsCard({ d }: { d: RequestDetail }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const others = d.documents.filter(
    (doc) => !doc.requirementKey || !d.service.requirements.some((r) => r.key === doc.requirementKey),
  );
  const fileLine = (doc: RequestDetail["documents"][number]) => (
    <List.Item key={doc.fileId}>
      <Anchor href={staffFileUrl(d.id, doc.fileId)} target="_blank" rel="noreferrer" size="sm">
        {doc.name}
      </Anchor>{" "}
      <Text span size="xs" c="dimmed">
        {f.number(Math.max(1, Math.round(doc.sizeBytes / 1024)))} KB · {t(`source.${doc.source}`)} ·{" "}
        {f.dateTime(doc.at)}
      </Text>
    </List.Item>
  );
  return (
    <Card withBorder component="section" aria-labelledby="sr-docs">
      <Title order={2} fz="h4" mb="xs" id="sr-docs">
        {t("detail.documents")}
      </Title>
      <Stack gap="xs">
        {d.service.requirements.map((r) => {
          const files = d.documents.filter((doc) => doc.requirementKey === r.key);
          const needed = isRequired(r, d.fields);
          return (
            <div key={r.key} data-requirement={r.key}>
              <Group gap={6} wrap="nowrap">
                {files.length > 0 ? (
                  <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
                ) : needed ? (
                  <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
                ) : (
                  <IconCircleDashed size={18} color="var(--mantine-color-gray-6)" aria-hidden />
                )}
                <Text size="sm" fw={600}>
                  {loc(r.name, f.lang)}
                </Text>
                <Text size="xs" c={files.length === 0 && needed ? "red.8" : "dimmed"}>
                  {files.length > 0
                    ? t("detail.docPresent")
                    : needed
                      ? t("detail.docMissing")
                      : t("detail.docOptional")}
                </Text>
              </Group>
              {files.length > 0 ? (
                <List size="sm" ml="lg">
                  {files.map(fileLine)}
                </List>
              ) : null}
            </div>
          );
        })}
        {others.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t("detail.otherDocuments")}
            </Text>
            <List size="sm" ml="lg">
              {others.map(fileLine)}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}

function PaymentCard({ d }: { d: RequestDetail }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const canRecord = useCan(SR_PERMISSIONS.payment);
  const [open, setOpen] = useState(false);
  const p = d.payment;
  const land = p?.landOrBuilding ?? d.fields[OBJECT_KIND_FIELD] === "land_building";
  const needsBphtb = d.service.releaseRule === "auction_payment_bphtb" && land;
  const hasBphtb = d.documents.some((doc) => doc.requirementKey === BPHTB_PROOF_KEY);
  return (
    <Card withBorder component="section" aria-labelledby="sr-pay">
      <Group gap="xs" mb="xs">
        <IconCash aria-hidden />
        <Title order={2} fz="h4" id="sr-pay">
          {t("payment.title")}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t("payment.rule")}
      </Text>
      {p ? (
        <Stack gap={2}>
          <Text size="sm">
            {t("payment.auctionRef")}: <strong>{p.auctionRef}</strong>
          </Text>
          <Text size="sm" c={p.paidInFull ? "green.8" : "red.8"} fw={600}>
            {p.paidInFull ? t("payment.paid") : t("payment.notPaid")}
            {p.paidAt ? ` · ${f.date(p.paidAt)}` : ""}
            {p.amount !== null ? ` · ${f.rupiah(p.amount)}` : ""}
          </Text>
          <Text size="xs" c="dimmed">
            {t("payment.source", { source: p.source === "staff" ? t("payment.sourceStaff") : p.source })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="red.8" fw={600}>
          {t("payment.none", { ref: d.fields[AUCTION_REF_FIELD] ?? "—" })}
        </Text>
      )}
      {d.service.releaseRule === "auction_payment_bphtb" ? (
        <Text size="sm" mt="xs" c={needsBphtb && !hasBphtb ? "red.8" : undefined}>
          {!land
            ? t("payment.bphtbNotNeeded")
            : hasBphtb
              ? t("payment.bphtbPresent")
              : t("payment.bphtbMissing")}
        </Text>
      ) : null}
      {canRecord ? (
        <Group mt="sm">
          <Button variant="light" onClick={() => setOpen(true)}>
            {p ? t("payment.update") : t("payment.record")}
          </Button>
        </Group>
      ) : null}
      {canRecord ? <PaymentDialog d={d} opened={open} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

function PaymentDialog({ d, opened, onClose }: { d: RequestDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("requests");
  const { t: tShell } = useTranslation();
  const record = useRecordPayment(d.id);
  const p = d.payment;
  const [auctionRef, setAuctionRef] = useState(p?.auctionRef ?? d.fields[AUCTION_REF_FIELD] ?? "");
  const [buyerName, setBuyerName] = useState(d.requester.name);
  const [objectDescription, setObject] = useState(d.fields.objectDescription ?? "");
  const [amount, setAmount] = useState(p?.amount ? String(p.amount) : (d.fields.amount ?? ""));
  const [paidInFull, setPaid] = useState(p?.paidInFull ?? true);
  const [paidAt, setPaidAt] = useState(p?.paidAt?.slice(0, 10) ?? "");
  const [land, setLand] = useState(p?.landOrBuilding ?? d.fields[OBJECT_KIND_FIELD] === "land_building");
  const f = useFormat();
  return (
    <Dialog opened={opened} onClose={onClose} title={t("payment.record")} centered size="lg">
      <Stack gap="sm">
        <TextInput
          label={t("payment.auctionRef")}
          value={auctionRef}
          onChange={(e) => setAuctionRef(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("payment.buyer")}
          value={buyerName}
          onChange={(e) => setBuyerName(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t("payment.object")}
          value={objectDescription}
          onChange={(e) => setObject(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        <TextInput
          label={t("payment.amount")}
          inputMode="numeric"
          leftSection={<Text size="sm">Rp</Text>}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value.replace(/[^0-9]/g, ""))}
          description={amount ? f.rupiah(Number(amount)) : undefined}
          required
        />
        <Switch
          label={t("payment.paidInFull")}
          checked={paidInFull}
          onChange={(e) => setPaid(e.currentTarget.checked)}
        />
        <TextInput
          label={t("payment.paidAt")}
          type="date"
          value={paidAt}
          onChange={(e) => setPaidAt(e.currentTarget.value)}
        />
        <Switch label={t("payment.land")} checked={land} onChange={(e) => setLand(e.currentTarget.checked)} />
        {record.isError ? <ErrorAlert error={record.error} mb="0" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tShell("ui.cancel")}
          </Button>
          <Button
            loading={record.isPending}
            onClick={async () => {
              const ok = await record
                .mutateAsync({
                  unitId: d.unitId,
                  auctionRef: auctionRef.trim(),
                  buyerName: buyerName.trim(),
                  objectDescription: objectDescription.trim(),
                  amount: Number(amount || 0),
                  paidInFull,
                  paidAt: paidAt || null,
                  landOrBuilding: land,
                })
                .catch(() => null);
              if (ok) onClose();
            }}
          >
            {t("payment.save")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function Produced({ d }: { d: RequestDetail }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const p = d.produced!;
  return (
    <Card withBorder bg="var(--mantine-color-green-0)" component="section" aria-labelledby="sr-prod">
      <Group gap="xs" mb="xs">
        <IconFileCertificate aria-hidden />
        <Title order={2} fz="h4" id="sr-prod">
          {t("detail.produced")}
        </Title>
      </Group>
      <Text size="sm">
        {loc(p.title, f.lang)} · {t("track.docNumber")}: <strong>{p.number}</strong> ·{" "}
        {f.dateTime(p.issuedAt)}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
        SHA-256: {p.sha256}
      </Text>
      <Group mt="xs" gap="md">
        <Anchor href={staffFileUrl(d.id, p.fileId)} target="_blank" rel="noreferrer" size="sm">
          {t("detail.openPdf")}
        </Anchor>
        <Anchor component={Link} to={verifyPagePath(p.docCode)} size="sm">
          {t("track.verifyLink")}
        </Anchor>
      </Group>
    </Card>
  );
}

const COMMAND_COLOR: Partial<Record<SrCommand, string>> = { reject: "red", complete: "green" };

function Actions({ d }: { d: RequestDetail }) {
  const { t } = useTranslation("requests");
  const [open, setOpen] = useState<SrCommand | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="sr-next">
      <Title order={2} fz="h4" mb="xs" id="sr-next">
        {t("detail.nextStep")}
      </Title>
      <Group gap="xs" wrap="wrap">
        {d.commands.map((c) => (
          <Button
            key={c}
            variant={c === "reject" ? "light" : "filled"}
            color={COMMAND_COLOR[c]}
            onClick={() => setOpen(c)}
          >
            {t(`command.${c}`)}
          </Button>
        ))}
      </Group>
      {open ? <CommandDialog d={d} command={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function CommandDialog({
  d,
  command,
  onClose,
}: {
  d: RequestDetail;
  command: SrCommand;
  onClose: () => void;
}) {
  const { t } = useTranslation("requests");
  const { t: tShell } = useTranslation();
  const f = useFormat();
  const move = useTransition(d.id);
  const assignees = useAssignees(d.unitId, command === "assign");
  const [note, setNote] = useState("");
  const [assigneeId, setAssignee] = useState<string | null>(null);
  const [keys, setKeys] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [documentText, setDocumentText] = useState(d.fields.objectDescription ?? "");
  const [reason, setReason] = useState("");
  const v = d.version;
  const opt = (s: string) => (s.trim() ? s.trim() : null);

  const body: TransitionBody | null = (() => {
    switch (command) {
      case "accept":
        return { command, version: v, note: opt(note) };
      case "assign":
        return assigneeId ? { command, version: v, assigneeId, note: opt(note) } : null;
      case "request_documents":
        return keys.length > 0 && message.trim().length >= 5
          ? { command, version: v, keys, message: message.trim() }
          : null;
      case "resume":
        return { command, version: v, note: opt(note) };
      case "complete":
        return { command, version: v, documentText: opt(documentText), note: opt(note) };
      case "reject":
        return reason.trim().length >= 10 ? { command, version: v, reason: reason.trim() } : null;
    }
  })();

  const paymentMissing = d.service.releaseRule !== "none" && !d.payment?.paidInFull;
  let inputs: ReactNode = null;
  switch (command) {
    case "assign":
      inputs = (
        <>
          <Select
            label={t("detail.assignee")}
            value={assigneeId}
            onChange={setAssignee}
            searchable
            required
            data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            comboboxProps={{ withinPortal: false }}
          />
          <Textarea
            label={t("detail.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        </>
      );
      break;
    case "request_documents":
      inputs = (
        <>
          <Checkbox.Group label={t("detail.whichDocuments")} value={keys} onChange={setKeys} required>
            <Stack gap={6} mt={6}>
              {d.service.requirements.map((r) => (
                <Checkbox key={r.key} value={r.key} label={loc(r.name, f.lang)} />
              ))}
              <Checkbox value="other" label={t("detail.otherDocument")} />
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t("detail.messageToRequester")}
            description={t("detail.messageHint")}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={3}
            required
          />
          <Text size="xs" c="dimmed">
            {t("detail.pauseNote")}
          </Text>
        </>
      );
      break;
    case "complete":
      inputs = (
        <>
          {paymentMissing ? (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
              {t("detail.paymentWarning")}
            </Alert>
          ) : null}
          <Textarea
            label={t("detail.documentText")}
            description={t("detail.documentTextHint")}
            value={documentText}
            onChange={(e) => setDocumentText(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Textarea
            label={t("detail.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        </>
      );
      break;
    case "reject":
      inputs = (
        <Textarea
          label={t("detail.reason")}
          description={t("detail.reasonHint")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={3}
          required
        />
      );
      break;
    default:
      inputs = (
        <Textarea
          label={t("detail.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      );
  }

  return (
    <Dialog opened onClose={onClose} title={t(`command.${command}`)} centered size="lg">
      <Stack gap="sm">
        <Text size="sm">{t(`confirm.${command}`, { number: d.number })}</Text>
        {inputs}
        {move.isError ? <ErrorAlert error={move.error} mb="0" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tShell("ui.cancel")}
          </Button>
          <Button
            color={COMMAND_COLOR[command]}
            disabled={!body}
            loading={move.isPending}
            onClick={async () => {
              if (!body) return;
              if (await move.mutateAsync(body).catch(() => null)) onClose();
            }}
          >
            {t(`confirmButton.${command}`)}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function NoteComposer({ id }: { id: string }) {
  const { t } = useTranslation("requests");
  const note = useNote(id);
  const [body, setBody] = useState("");
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Textarea
          label={t("detail.internalNote")}
          description={t("detail.internalNoteHint")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {note.isError ? <ErrorAlert error={note.error} mb="0" /> : null}
        <Group>
          <Button
            variant="light"
            disabled={body.trim().length < 2}
            loading={note.isPending}
            onClick={async () => {
              if (await note.mutateAsync(body.trim()).catch(() => null)) setBody("");
            }}
          >
            {t("detail.addNote")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
