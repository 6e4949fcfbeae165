import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Code,
  FileInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import type { IntakeResponse } from "../../contract";
import { CATEGORIES } from "../../domain/workflow";
import { uploadAttachment, useIntake, usePublicUnit } from "../api";
import { PublicLayout } from "../components/PublicLayout";

/** The public complaint form of one unit: /pengaduan/:unitCode. */
export default function PublicFormPage() {
  const { unitCode = "" } = useParams();
  const { t, i18n } = useTranslation("complaints");
  const unit = usePublicUnit(unitCode);
  const intake = useIntake();
  const [category, setCategory] = useState<string>("pengaduan");
  const [service, setService] = useState("");
  const [description, setDescription] = useState("");
  const [contactName, setContactName] = useState("");
  const [contactEmail, setContactEmail] = useState("");
  const [contactPhone, setContactPhone] = useState("");
  const [website, setWebsite] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<IntakeResponse | null>(null);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const issues = issuesByPath(intake.error);

  if (unit.isPending) return <PageLoader minHeight="100vh" />;
  if (unit.isError)
    return (
      <PublicLayout title={t("public.formTitle")}>
        <ErrorAlert error={unit.error} />
      </PublicLayout>
    );

  const maxMb = Math.round(unit.data.maxAttachmentBytes / 1024 / 1024);
  const tooBig = files.filter((f) => f.size > unit.data.maxAttachmentBytes);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (tooBig.length > 0) return;
    const r = await intake
      .mutateAsync({
        unitCode,
        category: category as (typeof CATEGORIES)[number],
        service,
        description,
        contactName: contactName || undefined,
        contactEmail: contactEmail || undefined,
        contactPhone: contactPhone || undefined,
        lang: i18n.language === "en" ? "en" : "id",
        website: website || undefined,
      })
      .catch(() => null);
    if (!r) return;
    const errors: string[] = [];
    for (const f of files.slice(0, unit.data!.maxAttachments)) {
      try {
        await uploadAttachment({ code: r.code, secret: r.secret }, f);
      } catch (err) {
        errors.push(`${f.name}: ${(err as Error).message}`);
      }
    }
    setUploadErrors(errors);
    setDone(r);
  }

  if (done)
    return (
      <PublicLayout title={t("public.thanksTitle")}>
        <Stack>
          <Text>{t("public.thanks", { unit: unit.data.name })}</Text>
          <Alert color="yellow" title={t("public.keepTitle")} role="status">
            <Stack gap="xs">
              <Text size="sm">{t("public.keep")}</Text>
              <Text>
                {t("public.code")}: <Code fz="lg">{done.code}</Code>
              </Text>
              <Text>
                {t("public.secret")}: <Code fz="lg">{done.secret}</Code>
              </Text>
            </Stack>
          </Alert>
          {uploadErrors.length > 0 ? (
            <Alert color="red" title={t("public.uploadFailed")}>
              {uploadErrors.map((m) => (
                <Text key={m} size="sm">
                  {m}
                </Text>
              ))}
            </Alert>
          ) : null}
          <Anchor
            component={Link}
            to={`/pengaduan/lacak?kode=${encodeURIComponent(done.code)}`}
            underline="always"
          >
            {t("public.goTrack")}
          </Anchor>
        </Stack>
      </PublicLayout>
    );

  return (
    <PublicLayout title={t("public.formTitle")}>
      <Text mb="md">{t("public.intro", { unit: unit.data.name })}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group label={t("field.category")} value={category} onChange={setCategory} required>
            <Stack gap={6} mt={4}>
              {CATEGORIES.map((c) => (
                <Radio key={c} value={c} label={t(`category.${c}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Autocomplete
            label={t("field.service")}
            description={t("field.serviceHint")}
            data={unit.data.services}
            value={service}
            onChange={setService}
            required
            error={issues.service}
          />
          <Textarea
            label={t("field.description")}
            description={t("field.descriptionHint")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={5}
            maxLength={5000}
            required
            error={issues.description}
          />
          <FileInput
            label={t("field.attachments")}
            description={t("field.attachmentsHint", { mb: maxMb, n: unit.data.maxAttachments })}
            multiple
            clearable
            accept="application/pdf,image/png,image/jpeg,image/webp"
            value={files}
            onChange={setFiles}
            error={
              tooBig.length > 0
                ? t("field.tooBig", { names: tooBig.map((f) => f.name).join(", "), mb: maxMb })
                : undefined
            }
          />
          <Text fw={600} mt="sm">
            {t("field.contactTitle")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("field.contactHint")}
          </Text>
          <TextInput
            label={t("field.contactName")}
            value={contactName}
            onChange={(e) => setContactName(e.currentTarget.value)}
            autoComplete="name"
          />
          <TextInput
            label={t("field.contactEmail")}
            type="email"
            value={contactEmail}
            onChange={(e) => setContactEmail(e.currentTarget.value)}
            autoComplete="email"
            error={issues.contactEmail}
          />
          <TextInput
            label={t("field.contactPhone")}
            type="tel"
            value={contactPhone}
            onChange={(e) => setContactPhone(e.currentTarget.value)}
            autoComplete="tel"
            error={issues.contactPhone}
          />
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
          {intake.isError ? <ErrorAlert error={intake.error} /> : null}
          <Button type="submit" loading={intake.isPending} size="md">
            {t("public.submit")}
          </Button>
          <Anchor component={Link} to="/pengaduan/lacak" size="sm" underline="always">
            {t("public.haveCode")}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
