import { Badge, Button, CloseButton, Group, Select, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { useCan } from "../../../../ui/session";
import { SUGGESTED_QUESTION_KEYS } from "../../domain/model";
import { type EvidenceTarget, useLinkEvidence, useRubricQuestions, useUnlinkEvidence } from "../api";

/**
 * The LKE questions a record is linked to, and a picker (suggested questions first). Linking needs
 * zi.worksheet.write; without it the links are shown read-only.
 */
export function EvidencePanel({
  target,
  linked,
  hint,
}: {
  target: EvidenceTarget;
  linked: string[];
  hint: string;
}) {
  const { t } = useTranslation("standards");
  const canLink = useCan("zi.worksheet.write");
  const questions = useRubricQuestions(canLink);
  const link = useLinkEvidence();
  const unlink = useUnlinkEvidence();
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const options = useMemo(() => {
    const all = questions.data ?? [];
    const item = (q: { key: string; text: string }) => ({
      value: q.key,
      label: `${q.key} — ${q.text}`,
      disabled: linked.includes(q.key),
    });
    const first = all.filter((q) => (SUGGESTED_QUESTION_KEYS as readonly string[]).includes(q.key)).map(item);
    const rest = all.filter((q) => !(SUGGESTED_QUESTION_KEYS as readonly string[]).includes(q.key)).map(item);
    return [
      ...(first.length ? [{ group: t("evidence.suggested"), items: first }] : []),
      ...(rest.length ? [{ group: t("evidence.pick"), items: rest }] : []),
    ];
  }, [questions.data, linked, t]);

  async function run(f: () => Promise<unknown>) {
    setError(null);
    try {
      await f();
      notifySuccess(t("evidence.done"));
      setKey(null);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {linked.length ? (
        <Group gap="xs">
          <Text size="sm">{t("evidence.linked")}</Text>
          {linked.map((k) => (
            <Badge
              key={k}
              variant="light"
              style={{ textTransform: "none" }}
              rightSection={
                canLink ? (
                  <CloseButton
                    size="xs"
                    aria-label={t("evidence.unlink", { key: k })}
                    onClick={() => void run(() => unlink.mutateAsync({ target, questionKey: k }))}
                  />
                ) : undefined
              }
            >
              {k}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm">{t("evidence.none")}</Text>
      )}
      {canLink ? (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t("evidence.pick")}
            data={options}
            value={key}
            onChange={setKey}
            searchable
            style={{ flex: "1 1 18rem" }}
          />
          <Button
            disabled={!key}
            loading={link.isPending}
            onClick={() => key && void run(() => link.mutateAsync({ target, questionKeys: [key] }))}
          >
            {t("evidence.link")}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} mb="0" />
    </Stack>
  );
}
