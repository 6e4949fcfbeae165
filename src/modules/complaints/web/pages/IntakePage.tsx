import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import { STAFF_INTAKE_CHANNELS, type StaffIntakeResponse } from "../../contract";
import { CATEGORIES, type Category, KPKNL_SERVICES } from "../../domain/workflow";
import { useStaffIntake } from "../api";

type Channel = (typeof STAFF_INTAKE_CHANNELS)[number];

/**
 * Staff record a complaint that came in at the counter, by phone, by letter or by e-mail. It enters
 * the same workflow and clock as the public form; the complainant gets the code and secret on a
 * receipt (the secret is shown once, here).
 */
export default function IntakePage() {
  const { t } = useTranslation("complaints");
  const unit = useCurrentUnit();
  const intake = useStaffIntake();
  const [done, setDone] = useState<StaffIntakeResponse | null>(null);
  if (done) return <Receipt r={done} onAnother={() => setDone(null)} />;
  return (
    <Stack>
      <PageHeader title={t("intake.title")} eyebrow={unit?.name} description={t("intake.description")} />
      {unit ? (
        <IntakeForm
          unitId={unit.id}
          pending={intake.isPending}
          error={intake.error}
          onSubmit={async (b) => {
            const r = await intake.mutateAsync(b).catch(() => null);
            if (r) setDone(r);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** A datetime-local value (Asia/Jakarta wall time) as an ISO instant with the +07:00 offset. */
export const jakartaInstant = (local: string) =>
  local ? `${local.length === 16 ? `${local}:00` : local}+07:00` : undefined;

function IntakeForm({
  unitId,
  pending,
  error,
  onSubmit,
}: {
  unitId: string;
  pending: boolean;
  error: unknown;
  onSubmit: (b: Parameters<ReturnType<typeof useStaffIntake>["mutateAsync"]>[0]) => Promise<void>;
}) {
  const { t } = useTranslation("complaints");
  const [channel, setChannel] = useState<Channel>("counter");
  const [receivedAt, setReceivedAt] = useState("");
  const [reference, setReference] = useState("");
  const [category, setCategory] = useState<Category>("pengaduan");
  const [service, setService] = useState("");
  const [description, setDescription] = useState("");
  const [contactName, setContactName] = useState("");
  const [contactEmail, setContactEmail] = useState("");
  const [contactPhone, setContactPhone] = useState("");
  const issues = issuesByPath(error);
  const ready = service.trim().length >= 2 && description.trim().length >= 10;

  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          void onSubmit({
            unitId,
            channel,
            receivedAt: jakartaInstant(receivedAt),
            reference: reference || undefined,
            category,
            service,
            description,
            contactName: contactName || undefined,
            contactEmail: contactEmail || undefined,
            contactPhone: contactPhone || undefined,
          });
        }}
      >
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4} id="intake-channel">
              {t("intake.channel")}
            </Text>
            <SegmentedControl
              aria-labelledby="intake-channel"
              value={channel}
              onChange={(v) => setChannel(v as Channel)}
              data={STAFF_INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intakeChannel.${c}`) }))}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t("intake.receivedAt")}
              description={t("intake.receivedAtHint")}
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.currentTarget.value)}
              error={issues.receivedAt}
            />
            <TextInput
              label={t("intake.reference")}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={100}
              error={issues.reference}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("field.category")}
              value={category}
              onChange={(v) => setCategory((v as Category) ?? "pengaduan")}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              allowDeselect={false}
              required
            />
            <Autocomplete
              label={t("field.service")}
              description={t("field.serviceHint")}
              value={service}
              onChange={setService}
              data={KPKNL_SERVICES}
              maxLength={200}
              required
              error={issues.service}
            />
          </SimpleGrid>
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
          <Title order={2} fz="h5">
            {t("intake.contactTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("field.contactName")}
              value={contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
              maxLength={120}
              error={issues.contactName}
            />
            <TextInput
              type="email"
              label={t("field.contactEmail")}
              value={contactEmail}
              onChange={(e) => setContactEmail(e.currentTarget.value)}
              maxLength={254}
              error={issues.contactEmail}
            />
            <TextInput
              type="tel"
              label={t("field.contactPhone")}
              value={contactPhone}
              onChange={(e) => setContactPhone(e.currentTarget.value)}
              maxLength={20}
              error={issues.contactPhone}
            />
          </SimpleGrid>
          {error ? <ErrorAlert error={error} /> : null}
          <Group>
            <Button type="submit" loading={pending} disabled={!ready}>
              {t("intake.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Receipt({ r, onAnother }: { r: StaffIntakeResponse; onAnother: () => void }) {
  const { t } = useTranslation("complaints");
  const f = useFormat();
  return (
    <Stack>
      <PageHeader title={t("intake.doneTitle")} />
      <Alert color="green" title={t("intake.doneTitle")}>
        {t("intake.done")}
      </Alert>
      <Card withBorder>
        <Stack gap="xs">
          <Text size="sm">
            {t("public.code")}: <Code fz="lg">{r.code}</Code>
          </Text>
          <Text size="sm">
            {t("public.secret")}: <Code fz="lg">{r.secret}</Code>
          </Text>
          <Text size="sm">
            {t("track.received")}: {f.dateTime(r.receivedAt)}
          </Text>
          <Text size="sm">
            {t("intake.verifyDue")}: {f.dateTime(r.verifyDue)}
          </Text>
        </Stack>
      </Card>
      <Group>
        <Button onClick={() => window.print()} variant="default">
          {t("intake.print")}
        </Button>
        <Button component={Link} to={`/layanan/pengaduan/${r.id}`}>
          {t("intake.open")}
        </Button>
        <Button variant="subtle" onClick={onAnother}>
          {t("intake.another")}
        </Button>
      </Group>
    </Stack>
  );
}
