import { Alert, Anchor, Box, Card, Checkbox, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../../../ui/i18n";
import { usePortal } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { costText, timeText } from "../components/text";

/** The ticks are the visitor's own notes: kept in this browser only, never sent. */
function useChecklist(key: string, size: number) {
  const [ticks, setTicks] = useState<boolean[]>(() => Array(size).fill(false));
  useEffect(() => {
    let restored: boolean[] = Array(size).fill(false);
    try {
      const saved = JSON.parse(globalThis.localStorage?.getItem(key) ?? "null");
      if (Array.isArray(saved) && saved.length === size) restored = saved.map(Boolean);
    } catch {
      // unreadable or storage disabled
    }
    setTicks(restored);
  }, [key, size]);
  const toggle = (i: number, on: boolean) => {
    const next = ticks.map((x, j) => (j === i ? on : x));
    setTicks(next);
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(next));
    } catch {
      // storage disabled
    }
  };
  return { ticks, toggle };
}

export default function PublicServicePage() {
  const { unitCode, serviceCode } = useParams();
  const { t } = useTranslation("standards");
  const f = useFormat();
  const portal = usePortal(unitCode);
  const service = portal.data?.services.find((s) => s.code === serviceCode);
  const { ticks, toggle } = useChecklist(
    `zona.std.checklist.${unitCode}.${serviceCode}`,
    service?.standard.requirements.length ?? 0,
  );

  if (portal.isPending)
    return (
      <Group justify="center" p="xl" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t("public.loading")}</Text>
      </Group>
    );
  const unitName = portal.data?.unit.name ?? "Zona";
  const back = (
    <Anchor component={Link} to={`/layanan/${encodeURIComponent(unitCode ?? "")}`}>
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {t("public.back")}
      </Group>
    </Anchor>
  );
  if (!service)
    return (
      <PublicLayout unitName={unitName} title={t("public.serviceNotFound")}>
        <Alert color="red" role="alert">
          {portal.data ? t("public.serviceNotFound") : t("public.notFound")}
        </Alert>
        {portal.data ? back : null}
      </PublicLayout>
    );
  const s = service.standard;
  const name = f.lang === "en" && service.nameEn ? service.nameEn : service.nameId;

  return (
    <PublicLayout unitName={unitName} title={name}>
      {back}
      <Text>{f.lang === "en" && service.descriptionEn ? service.descriptionEn : service.descriptionId}</Text>

      <Box component="section" aria-labelledby="req-h">
        <Title order={2} id="req-h" fz="h3">
          {t("public.checklist")}
        </Title>
        <Text size="sm" c="gray.7" mb="xs">
          {t("public.checklistHint")}
        </Text>
        <Stack gap="sm">
          {s.requirements.map((r, i) => (
            <Checkbox
              key={r}
              size="md"
              label={r}
              checked={ticks[i] ?? false}
              onChange={(e) => toggle(i, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Box>

      <Box component="section" aria-labelledby="steps-h">
        <Title order={2} id="steps-h" fz="h3" mb="xs">
          {t("public.steps")}
        </Title>
        <List type="ordered" spacing="xs">
          {s.procedure.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Box>

      <Card withBorder component="section" aria-labelledby="time-h">
        <Title order={2} id="time-h" fz="h3">
          {t("public.time")}
        </Title>
        <Text fz="lg" fw={600}>
          {timeText(t, s.time, f.lang)}
        </Text>
        {s.time?.note ? <Text size="sm">{s.time.note}</Text> : null}
      </Card>

      <Card withBorder component="section" aria-labelledby="cost-h">
        <Title order={2} id="cost-h" fz="h3">
          {t("public.cost")}
        </Title>
        <Text fz="lg" fw={600}>
          {costText(t, s.cost, f.lang)}
        </Text>
        {s.cost?.kind !== "variable" && s.cost?.note ? <Text size="sm">{s.cost.note}</Text> : null}
        {s.cost?.legalBasis ? <Text size="sm">{t("public.basis", { basis: s.cost.legalBasis })}</Text> : null}
      </Card>

      <Box component="section" aria-labelledby="prod-h">
        <Title order={2} id="prod-h" fz="h3" mb="xs">
          {t("public.products")}
        </Title>
        <List spacing="xs">
          {s.products.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Box>

      <Box component="section" aria-labelledby="compl-h">
        <Title order={2} id="compl-h" fz="h3" mb="xs">
          {t("public.complaints")}
        </Title>
        <Text>{s.complaints}</Text>
        <Anchor href={portal.data?.links.complaint} fw={500} mt="xs" display="inline-block">
          {t("public.complaint")}
        </Anchor>
      </Box>

      {service.sops.length ? (
        <Box component="section" aria-labelledby="sop-h">
          <Title order={2} id="sop-h" fz="h3" mb="xs">
            {t("public.sops")}
          </Title>
          <List spacing="xs">
            {service.sops.map((o) => (
              <List.Item key={o.number}>
                {o.title} ({o.number})
              </List.Item>
            ))}
          </List>
        </Box>
      ) : null}

      <Text size="sm" c="gray.7">
        {t("public.decree", {
          number: service.version.decreeNumber,
          date: f.date(service.version.decreeDate),
          effective: f.date(service.version.effectiveDate),
          version: service.version.number,
        })}
      </Text>
    </PublicLayout>
  );
}
