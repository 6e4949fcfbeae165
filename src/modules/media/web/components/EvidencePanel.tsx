import { Badge, Button, CloseButton, Group, Select, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { useCan } from "../../../../ui/session";
import { SUGGESTED_QUESTION_KEYS } from "../../domain/model";
import { useRubricQuestions } from "../api";

export interface EvidencePanelProps {
  linked: string[];
  hint: string;
  onLink: (keys: string[]) => Promise<unknown>;
  onUnlink?: (key: string) => Promise<unknown>;
}

/**
 * LKE evidence links of a record: the questions it is linked to and a picker (suggested questions
 * first). Linking needs zi.worksheet.write; without it the links are shown read-only.
 */
export function EvidencePanel({ linked, hint, onLink, onUnlink }: EvidencePanelProps) {
  const { t } = useTranslation("media");
  const canLink = useCan("zi.worksheet.write");
  const questions = useRubricQuestions(canLink);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => {
    const all = questions.data ?? [];
    const suggested = all.filter((q) => (SUGGESTED_QUESTION_KEYS as readonly string[]).includes(q.key));
    const rest = all.filter((q) => !(SUGGESTED_QUESTION_KEYS as readonly string[]).includes(q.key));
    const item = (q: { key: string; text: string }) => ({
      value: q.key,
      label: `${q.text} (${q.key})`,
      disabled: linked.includes(q.key),
    });
    return [
      ...(suggested.length ? [{ group: t("evidence.suggested"), items: suggested.map(item) }] : []),
      ...(rest.length ? [{ group: t("evidence.pick"), items: rest.map(item) }] : []),
    ];
  }, [questions.data, linked, t]);

  async function run(f: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await f();
      notifySuccess(t("evidence.done"));
      setKey(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
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
                canLink && onUnlink ? (
                  <CloseButton
                    size="xs"
                    aria-label={t("evidence.unlink", { key: k })}
                    onClick={() => void run(() => onUnlink(k))}
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
          <Button disabled={!key} loading={busy} onClick={() => key && void run(() => onLink([key]))}>
            {t("evidence.link")}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} mb="0" />
    </Stack>
  );
}
