import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertTriangle, IconLogin, IconMailCheck, IconPrinter, IconUser } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import type { PublicService, SrField, SubmitResponse } from "../../contract";
import { useMine, usePublicUnit, useSubmit } from "../api";
import { CopyValue } from "../components/CopyValue";
import { FileSlot, type UploadedDoc } from "../components/FileSlot";
import { OtpSignIn } from "../components/OtpSignIn";
import { PublicLayout } from "../components/PublicLayout";
import { loc } from "../components/text";
import { hoursOf, isRequired } from "../lib";

interface Draft {
  fields: Record<string, string>;
  name: string;
  email: string;
  phone: string;
}
const emptyDraft: Draft = { fields: {}, name: "", email: "", phone: "" };

/** What was typed survives a reload or a network blip (session storage; files are not kept). */
function useDraft(key: string) {
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const raw = globalThis.sessionStorage?.getItem(key);
      return raw ? { ...emptyDraft, ...(JSON.parse(raw) as Draft) } : emptyDraft;
    } catch {
      return emptyDraft;
    }
  });
  useEffect(() => {
    try {
      globalThis.sessionStorage?.setItem(key, JSON.stringify(draft));
    } catch {
      // storage disabled or full
    }
  }, [key, draft]);
  const clear = () => {
    try {
      globalThis.sessionStorage?.removeItem(key);
    } catch {
      // ignore
    }
  };
  return [draft, setDraft, clear] as const;
}

/** /layanan-lelang/:unitCode/ajukan/:serviceCode — the public request form and its receipt. */
export default function RequestFormPage() {
  const { unitCode = "", serviceCode = "" } = useParams();
  const { t } = useTranslation("requests");
  const f = useFormat();
  const unit = usePublicUnit(unitCode);
  const [done, setDone] = useState<SubmitResponse | null>(null);

  if (unit.isPending) return <PageLoader minHeight="100vh" />;
  if (unit.isError)
    return (
      <PublicLayout title={t("form.title")}>
        <ErrorAlert error={unit.error} />
      </PublicLayout>
    );
  const service = unit.data.services.find((s) => s.code === serviceCode);
  if (!service)
    return (
      <PublicLayout title={t("form.title")} eyebrow={unit.data.name}>
        <Alert color="red" role="alert" title={t("form.unknownService")}>
          {t("form.unknownServiceHint", { code: serviceCode })}
        </Alert>
        <Anchor component={Link} to={`/layanan-lelang/${encodeURIComponent(unitCode)}`} underline="always">
          {t("form.backToCatalogue")}
        </Anchor>
      </PublicLayout>
    );
  const serviceName = loc(service.name, f.lang);
  if (done) return <Receipt done={done} serviceName={serviceName} unitName={unit.data.name} />;
  return (
    <PublicLayout title={serviceName} eyebrow={`${unit.data.name} · ${t("form.eyebrow")}`}>
      <RequestForm
        unitCode={unitCode}
        service={service}
        maxBytes={unit.data.maxUploadBytes}
        onDone={(r) => {
          setDone(r);
          window.scrollTo({ top: 0 });
        }}
      />
    </PublicLayout>
  );
}

function RequestForm({
  unitCode,
  service,
  maxBytes,
  onDone,
}: {
  unitCode: string;
  service: PublicService;
  maxBytes: number;
  onDone: (r: SubmitResponse) => void;
}) {
  const { t, i18n } = useTranslation("requests");
  const f = useFormat();
  const mine = useMine();
  const submit = useSubmit();
  const [mode, setMode] = useState<"choose" | "otp" | "guest">("choose");
  const [draft, setDraft, clearDraft] = useDraft(`sr-draft:${unitCode}:${service.code}`);
  const [docs, setDocs] = useState<UploadedDoc[]>([]);
  const [website, setWebsite] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const issues = issuesByPath(submit.error);
  const signedIn = mine.isSuccess ? mine.data.session : null;
  // the address the requester signed in with is used as is (e-mail or WhatsApp number); the other is typed
  const email = signedIn?.email ?? draft.email;
  const phone = signedIn?.phone ?? draft.phone;

  const setField = (key: string, v: string) => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: v } }));
  const docsFor = (key: string) => docs.filter((d) => d.requirementKey === key);
  const required = useMemo(
    () => new Set(service.requirements.filter((r) => isRequired(r, draft.fields)).map((r) => r.key)),
    [service.requirements, draft.fields],
  );

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (draft.name.trim().length < 2) out["requester.name"] = t("form.needName");
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) out["requester.email"] = t("form.needEmail");
    for (const fd of service.fields)
      if (fd.required && !(draft.fields[fd.key] ?? "").trim())
        out[`fields.${fd.key}`] = t("form.needField", { label: loc(fd.label, f.lang) });
    for (const r of service.requirements)
      if (required.has(r.key) && docsFor(r.key).length === 0)
        out[`documents.${r.key}`] = t("form.needDocument", { name: loc(r.name, f.lang) });
    return out;
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const problems = validate();
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      const first = Object.keys(problems)[0]!;
      document
        .querySelector<HTMLElement>(
          `[data-err="${first}"] input, [data-err="${first}"] textarea, [data-err="${first}"] select, [data-err="${first}"] button`,
        )
        ?.focus();
      return;
    }
    const r = await submit
      .mutateAsync({
        unitCode,
        serviceCode: service.code,
        fields: Object.fromEntries(Object.entries(draft.fields).filter(([, v]) => v.trim() !== "")),
        documents: docs.map((d) => ({
          requirementKey: d.requirementKey,
          uploadId: d.uploadId,
          token: d.token,
        })),
        requester: { name: draft.name.trim(), email: email.trim(), phone: phone.trim() || null },
        lang: i18n.language === "en" ? "en" : "id",
        website: website || undefined,
      })
      .catch(() => null);
    if (r) {
      clearDraft();
      onDone(r);
    }
  }

  const err = (key: string) => local[key] ?? issues[key];
  const localCount = Object.keys(local).length;

  return (
    <Stack gap="md">
      <Text size="sm">
        {t("form.promise", { hours: f.number(hoursOf(service.sla.resolutionHours * 60)) })}
      </Text>

      {signedIn ? (
        <Alert color="green" icon={<IconMailCheck aria-hidden />} title={t("form.signedInTitle")}>
          {t("form.signedIn", { email: signedIn.emailMasked ?? signedIn.phoneMasked ?? "" })}
        </Alert>
      ) : mode === "choose" ? (
        <Card withBorder component="section" aria-labelledby="sr-how">
          <Title order={2} fz="h4" id="sr-how" mb="xs">
            {t("form.howTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("form.howIntro")}
          </Text>
          <Stack gap="sm">
            <Button
              size="md"
              leftSection={<IconLogin size={18} aria-hidden />}
              onClick={() => setMode("otp")}
            >
              {t("form.useOtp")}
            </Button>
            <Button
              size="md"
              variant="default"
              leftSection={<IconUser size={18} aria-hidden />}
              onClick={() => setMode("guest")}
            >
              {t("form.asGuest")}
            </Button>
          </Stack>
        </Card>
      ) : mode === "otp" ? (
        <Card withBorder component="section" aria-labelledby="sr-otp">
          <Title order={2} fz="h4" id="sr-otp" mb="xs">
            {t("otp.title")}
          </Title>
          <OtpSignIn onSignedIn={() => void mine.refetch()} onCancel={() => setMode("choose")} />
        </Card>
      ) : null}

      {signedIn || mode === "guest" ? (
        <form onSubmit={send} noValidate aria-label={t("form.formLabel")}>
          <Stack gap="md">
            <Title order={2} fz="h4">
              {t("form.aboutYou")}
            </Title>
            <div data-err="requester.name">
              <TextInput
                label={t("form.name")}
                autoComplete="name"
                value={draft.name}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, name: v }));
                }}
                required
                size="md"
                error={err("requester.name")}
              />
            </div>
            <div data-err="requester.email">
              <TextInput
                label={t("form.email")}
                description={t("form.emailHint")}
                type="email"
                inputMode="email"
                autoComplete="email"
                value={email}
                readOnly={!!signedIn?.email}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, email: v }));
                }}
                required
                size="md"
                error={err("requester.email")}
              />
            </div>
            <TextInput
              label={t("form.phone")}
              description={t("form.phoneHint")}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={phone}
              readOnly={!!signedIn?.phone}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, phone: v }));
              }}
              size="md"
              error={err("requester.phone")}
            />

            {service.fields.length > 0 ? (
              <Title order={2} fz="h4">
                {t("form.details")}
              </Title>
            ) : null}
            {service.fields.map((fd) => (
              <div key={fd.key} data-err={`fields.${fd.key}`}>
                <FieldInput
                  field={fd}
                  value={draft.fields[fd.key] ?? ""}
                  onChange={(v) => setField(fd.key, v)}
                  error={err(`fields.${fd.key}`)}
                />
              </div>
            ))}

            {service.requirements.length > 0 ? (
              <Title order={2} fz="h4">
                {t("form.documents")}
              </Title>
            ) : null}
            {service.requirements.map((r) => (
              <div key={r.key} data-err={`documents.${r.key}`}>
                <FileSlot
                  unitCode={unitCode}
                  requirementKey={r.key}
                  label={loc(r.name, f.lang)}
                  hint={
                    r.hint
                      ? loc(r.hint, f.lang)
                      : r.requiredWhen && !required.has(r.key)
                        ? t("form.conditionalHint")
                        : undefined
                  }
                  types={r.allowedTypes}
                  multiple={r.multiple}
                  required={required.has(r.key)}
                  maxBytes={maxBytes}
                  value={docsFor(r.key)}
                  onChange={(fn) =>
                    setDocs((all) => [
                      ...all.filter((d) => d.requirementKey !== r.key),
                      ...fn(docsFor(r.key)),
                    ])
                  }
                  error={err(`documents.${r.key}`)}
                />
              </div>
            ))}

            <VisuallyHidden aria-hidden>
              <label>
                Website
                <input
                  tabIndex={-1}
                  autoComplete="off"
                  value={website}
                  onChange={(e) => setWebsite(e.currentTarget.value)}
                  name="website"
                />
              </label>
            </VisuallyHidden>

            {localCount > 0 ? (
              <Alert
                color="red"
                role="alert"
                icon={<IconAlertTriangle aria-hidden />}
                title={t("form.fixTitle")}
              >
                {t("form.fix", { count: localCount })}
              </Alert>
            ) : null}
            {submit.isError ? <ErrorAlert error={submit.error} /> : null}
            <Text size="xs" c="dimmed">
              {t("form.privacy")}
            </Text>
            <Button type="submit" size="lg" loading={submit.isPending} fullWidth>
              {t("form.submit")}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: SrField;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const common = {
    label: loc(field.label, f.lang),
    description: field.hint ? loc(field.hint, f.lang) : undefined,
    required: field.required,
    error,
    size: "md" as const,
  };
  switch (field.kind) {
    case "textarea":
      return (
        <Textarea
          {...common}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={field.maxLength ?? 5000}
        />
      );
    case "select":
      return (
        <NativeSelect
          {...common}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            { value: "", label: t("form.choose") },
            ...(field.options ?? []).map((o) => ({ value: o.value, label: loc(o.label, f.lang) })),
          ]}
        />
      );
    case "money":
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          leftSection={<Text size="sm">Rp</Text>}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value.replace(/[^0-9]/g, ""))}
          description={
            [common.description, value ? f.rupiah(Number(value)) : null].filter(Boolean).join(" · ") ||
            undefined
          }
        />
      );
    case "number":
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value.replace(/[^0-9.,-]/g, ""))}
        />
      );
    case "date":
      return (
        <TextInput {...common} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case "email":
      return (
        <TextInput
          {...common}
          type="email"
          inputMode="email"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "phone":
      return (
        <TextInput
          {...common}
          type="tel"
          inputMode="tel"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={value}
          maxLength={field.maxLength}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** The receipt: number and secret shown once, with copy buttons and the warning to keep them. */
function Receipt({
  done,
  serviceName,
  unitName,
}: {
  done: SubmitResponse;
  serviceName: string;
  unitName: string;
}) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  return (
    <PublicLayout title={t("receipt.title")} eyebrow={`${unitName} · ${serviceName}`}>
      <Text role="status">{t("receipt.intro", { service: serviceName })}</Text>
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("receipt.keepTitle")}
      >
        <Text size="sm">{t("receipt.keep")}</Text>
      </Alert>
      <Card withBorder>
        <Stack gap="md">
          <CopyValue label={t("receipt.number")} value={done.number} testId="receipt-number" />
          <CopyValue label={t("receipt.secret")} value={done.secret} testId="receipt-secret" />
        </Stack>
      </Card>
      <Text size="sm">
        {t("receipt.submittedAt")}: {f.dateTime(done.submittedAt)}
        <br />
        {t("receipt.firstResponse")}: {f.dateTime(done.firstResponseDueAt)}
        <br />
        {t("receipt.due")}: <strong>{f.dateTime(done.dueAt, { weekday: true })}</strong>
      </Text>
      <Text size="xs" c="dimmed">
        {t("receipt.dueNote")}
      </Text>
      <Group grow wrap="wrap">
        <Button
          component={Link}
          to={`/lacak-layanan?nomor=${encodeURIComponent(done.number)}`}
          state={{ secret: done.secret }}
          size="md"
        >
          {t("receipt.track")}
        </Button>
        <Button
          variant="default"
          size="md"
          leftSection={<IconPrinter size={18} aria-hidden />}
          onClick={() => window.print()}
        >
          {t("receipt.print")}
        </Button>
      </Group>
    </PublicLayout>
  );
}
