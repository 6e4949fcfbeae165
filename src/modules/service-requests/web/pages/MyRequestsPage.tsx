import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { formatRemaining } from "../../contract";
import { useMine, useRequesterLogout } from "../api";
import { SlaBadge, StateBadge } from "../components/Badges";
import { OtpSignIn } from "../components/OtpSignIn";
import { PublicLayout } from "../components/PublicLayout";
import { loc } from "../components/text";

/** /permohonan-saya — a requester signed in with a one-time code sees their own requests. */
export default function MyRequestsPage() {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const mine = useMine();
  const logout = useRequesterLogout();

  if (mine.isPending) return <PageLoader minHeight="100vh" />;
  if (mine.isError) {
    const signedOut = isApiError(mine.error) && (mine.error.status === 401 || mine.error.status === 403);
    return (
      <PublicLayout title={t("mine.title")}>
        {signedOut ? (
          <>
            <Text>{t("mine.signIn")}</Text>
            <OtpSignIn onSignedIn={() => void mine.refetch()} />
          </>
        ) : (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        )}
      </PublicLayout>
    );
  }
  const { session, items } = mine.data;
  return (
    <PublicLayout title={t("mine.title")}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t("mine.as", { email: session.emailMasked ?? session.phoneMasked ?? "" })}</Text>
        <Button
          variant="default"
          size="sm"
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSuccess: () => void mine.refetch() })}
        >
          {t("mine.logout")}
        </Button>
      </Group>
      {items.length === 0 ? <Text>{t("mine.empty")}</Text> : null}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("mine.title")}>
        {items.map((r) => (
          <Card key={r.number} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor
                component={Link}
                to={`/lacak-layanan?nomor=${encodeURIComponent(r.number)}`}
                fw={700}
                underline="always"
              >
                {r.number}
              </Anchor>
              <StateBadge state={r.state} />
            </Group>
            <Text size="sm">
              {loc(r.serviceName, f.lang)} · {r.unitName}
            </Text>
            <Text size="xs" c="dimmed">
              {t("track.submittedAt")}: {f.dateTime(r.submittedAt)}
            </Text>
            <Group gap="xs" mt={4} wrap="wrap">
              <SlaBadge sla={r.sla} />
              <Text size="sm">{formatRemaining(r.sla, f.lang)}</Text>
            </Group>
          </Card>
        ))}
      </Stack>
    </PublicLayout>
  );
}
