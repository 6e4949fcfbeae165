import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Image,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconMessageReport, IconStar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../../ui/api";
import { useFormat } from "../../../../ui/i18n";
import type { PublicPortal } from "../../contract";
import { usePortal } from "../api";
import { PublicLayout } from "../components/PublicLayout";
import { costText, timeText } from "../components/text";

/** The unit's public service page: contact, services, pledge, facilities, and links to give feedback. */
export default function PublicPortalPage() {
  const { unitCode } = useParams();
  const { t } = useTranslation("standards");
  const portal = usePortal(unitCode);
  if (portal.isPending)
    return (
      <Group justify="center" p="xl" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t("public.loading")}</Text>
      </Group>
    );
  if (!portal.data)
    return (
      <PublicLayout unitName="Zona" title={t("public.notFound")}>
        <Alert color="red" role="alert">
          {isApiError(portal.error) && portal.error.fromServer ? portal.error.message : t("public.notFound")}
        </Alert>
      </PublicLayout>
    );
  const p = portal.data;
  return (
    <PublicLayout unitName={p.unit.name} title={t("title")}>
      <ServiceList portal={p} />
      <Feedback portal={p} />
      <Pledge portal={p} />
      <Facilities portal={p} />
      <Contact portal={p} />
    </PublicLayout>
  );
}

function ServiceList({ portal: p }: { portal: PublicPortal }) {
  const { t } = useTranslation("standards");
  const f = useFormat();
  return (
    <Box component="section" aria-labelledby="services-h">
      <Title order={2} id="services-h" mb="sm">
        {t("public.services")}
      </Title>
      {p.services.length === 0 ? <Text>{t("public.noServices")}</Text> : null}
      <Stack gap="sm">
        {p.services.map((s) => {
          const name = f.lang === "en" && s.nameEn ? s.nameEn : s.nameId;
          return (
            <Card key={s.code} withBorder component="article" aria-labelledby={`svc-${s.code}`} padding="md">
              <Title order={3} fz="h4" id={`svc-${s.code}`}>
                {name}
              </Title>
              <Text size="sm" mt={4}>
                {f.lang === "en" && s.descriptionEn ? s.descriptionEn : s.descriptionId}
              </Text>
              <Text size="sm" mt="xs">
                {t("public.time")}: <strong>{timeText(t, s.standard.time, f.lang)}</strong> ·{" "}
                {t("public.cost")}: <strong>{costText(t, s.standard.cost, f.lang)}</strong>
              </Text>
              <Anchor
                component={Link}
                to={`/layanan/${encodeURIComponent(p.unit.code)}/${encodeURIComponent(s.code)}`}
                mt="xs"
                fw={500}
                aria-label={`${t("public.more")}: ${name}`}
                style={{ display: "inline-block", minHeight: 44, lineHeight: "44px" }}
              >
                {t("public.more")}
              </Anchor>
            </Card>
          );
        })}
      </Stack>
    </Box>
  );
}

function Feedback({ portal: p }: { portal: PublicPortal }) {
  const { t } = useTranslation("standards");
  return (
    <Box component="section" aria-labelledby="feedback-h">
      <Title order={2} id="feedback-h" mb="sm">
        {t("public.feedback")}
      </Title>
      <Group grow wrap="wrap">
        <Button
          component="a"
          href={p.links.survey}
          size="lg"
          leftSection={<IconStar size={20} aria-hidden />}
        >
          {t("public.survey")}
        </Button>
        <Button
          component="a"
          href={p.links.complaint}
          size="lg"
          variant="default"
          leftSection={<IconMessageReport size={20} aria-hidden />}
        >
          {t("public.complaint")}
        </Button>
      </Group>
    </Box>
  );
}

function Pledge({ portal: p }: { portal: PublicPortal }) {
  const { t } = useTranslation("standards");
  const f = useFormat();
  if (!p.pledge) return null;
  return (
    <Box component="section" aria-labelledby="pledge-h">
      <Title order={2} id="pledge-h" mb="sm">
        {t("public.pledge")}
      </Title>
      <Card withBorder padding="lg">
        <Text component="blockquote" fz="lg" fs="italic" m={0} style={{ whiteSpace: "pre-line" }}>
          {p.pledge.text}
        </Text>
        <Text mt="md" fw={600}>
          {p.pledge.signatoryName}
        </Text>
        <Text size="sm">
          {t("public.signed", { title: p.pledge.signatoryTitle, date: f.date(p.pledge.signedDate) })}
        </Text>
      </Card>
    </Box>
  );
}

function Facilities({ portal: p }: { portal: PublicPortal }) {
  const { t } = useTranslation("standards");
  if (p.facilities.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="facilities-h">
      <Title order={2} id="facilities-h" mb="sm">
        {t("public.facilities")}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {p.facilities.map((fa) => (
          <Card key={fa.id} withBorder component="article" aria-labelledby={`fac-${fa.id}`} padding="sm">
            {fa.photos[0] ? (
              <Card.Section>
                <Image src={fa.photos[0].url} alt={fa.photos[0].caption} h={140} fit="cover" loading="lazy" />
              </Card.Section>
            ) : null}
            <Title order={3} fz="h5" mt="sm" id={`fac-${fa.id}`}>
              {fa.name}
            </Title>
            <Text size="sm" c="gray.7">
              {t(`facilities.kinds.${fa.kind}`)}
            </Text>
            {fa.description ? (
              <Text size="sm" mt={4}>
                {fa.description}
              </Text>
            ) : null}
            {fa.location ? (
              <Text size="sm" mt={4}>
                {t("public.location")}: {fa.location}
              </Text>
            ) : null}
            {fa.accessibility.length ? (
              <Text size="sm" mt={4}>
                {t("public.accessibility")}:{" "}
                {fa.accessibility.map((a) => t(`facilities.flags.${a}`)).join(", ")}
              </Text>
            ) : null}
          </Card>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function Contact({ portal: p }: { portal: PublicPortal }) {
  const { t } = useTranslation("standards");
  const c = p.contact;
  const rows: Array<[string, React.ReactNode]> = [];
  if (c.address) rows.push([t("public.address"), c.address]);
  if (c.serviceHours) rows.push([t("public.serviceHours"), c.serviceHours]);
  if (c.phone)
    rows.push([
      t("public.phone"),
      <Anchor key="p" href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>
        {c.phone}
      </Anchor>,
    ]);
  if (c.whatsapp)
    rows.push([
      t("public.whatsapp"),
      <Anchor key="w" href={`https://wa.me/${c.whatsapp.replace(/\D/g, "").replace(/^0/, "62")}`}>
        {c.whatsapp}
      </Anchor>,
    ]);
  if (c.email)
    rows.push([
      t("public.email"),
      <Anchor key="e" href={`mailto:${c.email}`}>
        {c.email}
      </Anchor>,
    ]);
  if (c.website)
    rows.push([
      t("public.website"),
      <Anchor key="s" href={c.website}>
        {c.website}
      </Anchor>,
    ]);
  if (rows.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="contact-h">
      <Title order={2} id="contact-h" mb="sm">
        {t("public.contact")}
      </Title>
      <Card withBorder>
        <List listStyleType="none" spacing="xs">
          {rows.map(([k, v]) => (
            <List.Item key={k}>
              <Text span fw={600}>
                {k}:
              </Text>{" "}
              {v}
            </List.Item>
          ))}
        </List>
      </Card>
    </Box>
  );
}
