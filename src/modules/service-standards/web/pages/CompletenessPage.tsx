import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { useCurrentUnit } from "../../../../ui/session";
import { useCompleteness } from "../api";

function Mark({ ok, label }: { ok: boolean; label: string }) {
  const { t } = useTranslation("standards");
  return (
    <List.Item
      icon={
        <ThemeIcon size={22} radius="xl" color={ok ? "teal.8" : "red.8"} aria-hidden>
          {ok ? <IconCheck size={14} /> : <IconX size={14} />}
        </ThemeIcon>
      }
    >
      {label}{" "}
      <Text span size="sm" c={ok ? "teal.9" : "red.9"}>
        ({ok ? t("completeness.ok") : t("completeness.notOk")})
      </Text>
    </List.Item>
  );
}

export default function CompletenessPage() {
  const { t } = useTranslation("standards");
  const f = useFormat();
  const unit = useCurrentUnit();
  const data = useCompleteness(unit?.id);
  if (!unit) return <Text>{t("noUnit")}</Text>;
  const c = data.data;
  return (
    <>
      <PageHeader
        eyebrow={unit.name}
        title={t("completeness.heading")}
        description={t("completeness.description")}
      />
      <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
      {data.isPending ? <PageLoader /> : null}
      {c ? (
        <Stack gap="lg">
          <Card withBorder>
            <Title order={2} fz="h4" mb="xs">
              {t("completeness.unit")}
            </Title>
            <Text mb="sm">
              {t("completeness.summary", { standardised: c.standardised, total: c.activeServices })}
            </Text>
            <List spacing="xs">
              {c.checks.map((k) => (
                <Mark key={k.key} ok={k.ok} label={t(`completeness.checks.${k.key}`)} />
              ))}
            </List>
            <Text size="sm" mt="sm" c="dimmed">
              {c.evidence.pledge.length
                ? t("completeness.evidence", { keys: c.evidence.pledge.join(", ") })
                : `${t("pledge.heading")}: ${t("completeness.noEvidence")}`}
            </Text>
          </Card>
          <Card withBorder>
            <Title order={2} fz="h4" mb="sm">
              {t("completeness.services")}
            </Title>
            <Stack>
              {c.services.map((s) => (
                <Stack key={s.serviceId} gap={4}>
                  <Title order={3} fz="h5">
                    <Anchor component={Link} to={`/standar-layanan/layanan/${s.serviceId}`}>
                      {f.lang === "en" && s.nameEn ? s.nameEn : s.nameId}
                    </Anchor>{" "}
                    {s.complete ? (
                      <StatusBadge tone="success" size="sm">
                        {t("services.complete")}
                      </StatusBadge>
                    ) : null}
                  </Title>
                  {s.failing.length ? (
                    <List size="sm" spacing={2}>
                      {s.failing.map((k) => (
                        <Mark
                          key={k}
                          ok={false}
                          label={
                            k === "public_components" || k === "internal_components"
                              ? `${t(`completeness.serviceChecks.${k}`)}: ${(k === "public_components"
                                  ? s.missing.public
                                  : s.missing.internal
                                )
                                  .map((m) => t(`components.${m}`))
                                  .join(", ")}`
                              : t(`completeness.serviceChecks.${k}`)
                          }
                        />
                      ))}
                    </List>
                  ) : null}
                </Stack>
              ))}
            </Stack>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
