import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconClockHour4, IconFileUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import type { PublicService } from "../../contract";
import { usePublicUnit } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { clock, loc, weekHours } from "../components/text";
import { hoursOf, typeLabel } from "../lib";

/** /layanan-lelang/:unitCode — the unit's post-auction services, what each needs and how long it takes. */
export default function PublicCataloguePage() {
  const { unitCode = "" } = useParams();
  const { t } = useTranslation("requests");
  const f = useFormat();
  const unit = usePublicUnit(unitCode);

  if (unit.isPending) return <PageLoader minHeight="100vh" />;
  if (unit.isError)
    return (
      <PublicLayout title={t("catalogue.title")}>
        <ErrorAlert error={unit.error} />
      </PublicLayout>
    );
  const u = unit.data;
  const days = weekHours(u.hours);
  const dayNames = t("catalogue.days", { returnObjects: true }) as string[];

  return (
    <PublicLayout title={t("catalogue.title")} eyebrow={u.name}>
      <Text>{t("catalogue.intro", { unit: u.name })}</Text>
      <Card withBorder padding="sm" component="section" aria-labelledby="sr-hours">
        <Group gap="xs" mb={4}>
          <IconClockHour4 size={18} aria-hidden />
          <Title order={2} fz="h5" id="sr-hours">
            {t("catalogue.hours")}
          </Title>
        </Group>
        <Stack gap={2}>
          {days.map((d) => (
            <Group key={d.day} justify="space-between" gap="xs">
              <Text size="sm">{dayNames[d.day - 1]}</Text>
              <Text size="sm">
                {d.intervals.length === 0
                  ? t("catalogue.closed")
                  : d.intervals
                      .map((i) => `${clock(i.start, f.lang)}–${clock(i.end, f.lang)}`)
                      .join(", ")}{" "}
                {d.intervals.length > 0 ? "WIB" : ""}
              </Text>
            </Group>
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt={4}>
          {t("catalogue.hoursNote")}
        </Text>
      </Card>
      {u.services.length === 0 ? <Text>{t("catalogue.empty")}</Text> : null}
      {u.services.map((s) => (
        <ServiceCard key={s.code} unitCode={unitCode} s={s} />
      ))}
      <Anchor component={Link} to="/lacak-layanan" underline="always">
        {t("catalogue.haveNumber")}
      </Anchor>
    </PublicLayout>
  );
}

function ServiceCard({ unitCode, s }: { unitCode: string; s: PublicService }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const headingId = `sr-svc-${s.code}`;
  const hours = hoursOf(s.sla.resolutionHours * 60);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} fz="h4" id={headingId}>
          {loc(s.name, f.lang)}
        </Title>
        {loc(s.description, f.lang) ? <Text size="sm">{loc(s.description, f.lang)}</Text> : null}
        <Group gap="xs" wrap="wrap">
          <Badge
            variant="light"
            size="lg"
            leftSection={<IconClockHour4 size={14} aria-hidden />}
            style={{ textTransform: "none" }}
          >
            {t("catalogue.promise", { hours: f.number(hours) })}
          </Badge>
          {s.sla.unconfirmed ? (
            <Tooltip
              label={t("catalogue.unconfirmedHint")}
              multiline
              w={260}
              events={{ hover: true, focus: true, touch: true }}
            >
              <Badge
                variant="outline"
                color="orange"
                size="sm"
                style={{ textTransform: "none" }}
                tabIndex={0}
              >
                {t("unconfirmed")}
              </Badge>
            </Tooltip>
          ) : s.sla.source ? (
            <Text size="xs" c="dimmed">
              {t("catalogue.source")}: {s.sla.source}
            </Text>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t("catalogue.firstResponse", { hours: f.number(hoursOf(s.sla.firstResponseHours * 60)) })}
        </Text>
        {s.requirements.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t("catalogue.documents")}
            </Text>
            <List size="sm" spacing={2}>
              {s.requirements.map((r) => (
                <List.Item key={r.key}>
                  {loc(r.name, f.lang)} ({typeLabel(r.allowedTypes)}){" "}
                  <Text span size="xs" c="dimmed">
                    {r.required
                      ? t("catalogue.required")
                      : r.requiredWhen
                        ? t("catalogue.conditional")
                        : t("catalogue.optional")}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {s.fields.length > 0 ? (
          <Text size="sm">
            <Text span fw={600}>
              {t("catalogue.fields")}:
            </Text>{" "}
            {s.fields.map((x) => loc(x.label, f.lang)).join(", ")}
          </Text>
        ) : null}
        {s.releaseRule === "auction_payment" ? (
          <Text size="sm" c="dimmed">
            {t("catalogue.paymentRule")}
          </Text>
        ) : null}
        <Button
          component={Link}
          to={`/layanan-lelang/${encodeURIComponent(unitCode)}/ajukan/${encodeURIComponent(s.code)}`}
          size="md"
          leftSection={<IconFileUpload size={18} aria-hidden />}
          aria-label={t("catalogue.applyFor", { service: loc(s.name, f.lang) })}
        >
          {t("catalogue.apply")}
        </Button>
      </Stack>
    </Card>
  );
}
