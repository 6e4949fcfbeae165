import { Alert, Anchor, Button, Card, Checkbox, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconDownload, IconSignature } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isApiError } from "../../../../ui/api";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import type { MineItem, MineRound } from "../../contract";
import { STATEMENT_EN } from "../../domain/pact";
import { sha256Hex } from "../../domain/sha256";
import { pactDownloads, useMine, useMineRound, usePactMutations } from "../api";

/** The round to show: the one asked for, else the first open one not yet signed, else the latest. */
function pick(items: MineItem[], asked: string | null): MineItem | undefined {
  return (
    items.find((i) => i.roundId === asked) ??
    items.find((i) => i.status === "open" && !i.signedAt) ??
    items[0]
  );
}

/** /pakta/tandatangan — the employee reads the open round's text, ticks the statement and signs. */
export default function SignPage() {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const mine = useMine();
  const items = mine.data?.items ?? [];
  const current = pick(items, params.get("putaran"));
  const others = items.filter((i) => i.roundId !== current?.roundId);

  return (
    <>
      <PageHeader title={t("sign.pageTitle")} />
      {mine.isPending ? (
        <PageLoader />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} title={t("common.loadFailed")} onRetry={() => void mine.refetch()} />
      ) : !current ? (
        <EmptyState title={t("sign.none")} description={t("sign.noneHint")} />
      ) : (
        <Stack gap="lg" maw={860}>
          <RoundToSign id={current.roundId} />
          {others.length > 0 ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t("sign.otherRounds")}
              </Title>
              {others.map((o) => (
                <Group key={o.roundId} justify="space-between" wrap="wrap" gap="xs">
                  <Anchor
                    component={Link}
                    to={`/pakta/tandatangan?putaran=${encodeURIComponent(o.roundId)}`}
                    onClick={() => setParams({ putaran: o.roundId })}
                    size="sm"
                  >
                    {o.title} · {o.unitName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {o.signedAt
                      ? t("sign.signedShort", { when: f.dateTime(o.signedAt) })
                      : t("sign.unsignedShort")}
                    {" · "}
                    {t(`status.${o.status}`)}
                  </Text>
                </Group>
              ))}
            </Stack>
          ) : null}
        </Stack>
      )}
    </>
  );
}

function RoundToSign({ id }: { id: string }) {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const view = useMineRound(id);
  if (view.isPending) return <PageLoader />;
  if (view.isError)
    return (
      <ErrorAlert error={view.error} title={t("common.loadFailed")} onRetry={() => void view.refetch()} />
    );
  const { round } = view.data;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} size="h3">
              {round.title}
            </Title>
            <StatusBadge tone={round.status === "open" ? "info" : "neutral"} size="sm">
              {t(`status.${round.status}`)}
            </StatusBadge>
          </Group>
          <Text size="sm" c="dimmed">
            {round.unitName} · {t("sign.period")}:{" "}
            {round.closesOn
              ? t("period.range", { opens: f.date(round.opensOn), closes: f.date(round.closesOn) })
              : t("period.noClose", { opens: f.date(round.opensOn) })}
          </Text>
        </Stack>
        <SignForm view={view.data} onStale={() => void view.refetch()} />
      </Stack>
    </Card>
  );
}

function SignForm({ view, onStale }: { view: MineRound; onStale: () => void }) {
  const { t } = useTranslation("pact");
  const f = useFormat();
  const textRef = useRef<HTMLDivElement>(null);
  const [agree, setAgree] = useState(false);
  const { sign } = usePactMutations();
  const { round, signature } = view;

  async function submit() {
    // The hash of exactly what this screen displays (the rendered text), not of a value from the API.
    const shown = textRef.current?.textContent ?? "";
    try {
      await sign.mutateAsync({ id: round.id, textHash: sha256Hex(shown), agree });
      notifySuccess(t("sign.success"));
    } catch (e) {
      if (isApiError(e) && e.code === "PACT_TEXT_MISMATCH") onStale();
    }
  }

  return (
    <>
      <Paper
        withBorder
        p={{ base: "sm", sm: "lg" }}
        bg="gray.0"
        style={{ maxHeight: "60vh", overflowY: "auto" }}
        tabIndex={0}
        aria-label={round.title}
      >
        <Text
          ref={textRef}
          component="div"
          style={{ whiteSpace: "pre-wrap", lineHeight: 1.6 }}
          data-testid="pact-text"
        >
          {round.body}
        </Text>
      </Paper>
      <Text size="sm">
        {t("sign.signer")}: <strong>{view.signer.name}</strong>
        {view.signer.nip ? ` · ${t("sign.nip", { nip: view.signer.nip })}` : ""}
      </Text>
      {signature ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t("sign.signedTitle")}
        >
          <Stack gap="xs">
            <Text size="sm">{t("sign.signedAt", { when: f.dateTime(signature.signedAt) })}</Text>
            <Text size="xs" c="dimmed">
              {t("sign.verification", { code: signature.verification })}
            </Text>
            <Group>
              <Button
                component="a"
                href={pactDownloads.signed(round.id, signature.userId)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("sign.download")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : !view.canSign ? (
        <Alert color="gray" variant="light">
          {t("sign.notStaff")}
        </Alert>
      ) : round.status !== "open" ? (
        <Alert color="gray" variant="light">
          {round.status === "closed" ? t("sign.closedUnsigned") : t(`status.${round.status}`)}
        </Alert>
      ) : (
        <Stack gap="sm">
          <ErrorAlert error={sign.error} title={t("sign.failed")} mb="0" />
          <Checkbox
            size="md"
            checked={agree}
            onChange={(e) => setAgree(e.currentTarget.checked)}
            label={view.statement}
            description={f.lang === "en" ? STATEMENT_EN : undefined}
          />
          <Text size="xs" c="dimmed">
            {t("sign.signHint")}
          </Text>
          <Group>
            <Button
              size="md"
              leftSection={<IconSignature size={18} aria-hidden />}
              disabled={!agree}
              loading={sign.isPending}
              onClick={() => void submit()}
              fullWidth={false}
            >
              {t("sign.signButton")}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}
