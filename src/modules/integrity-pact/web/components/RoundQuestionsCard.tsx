import { Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { useRoundQuestions, useRubric, useSetRoundQuestions } from "../api";
import { QuestionPicker, questionIndex } from "./QuestionPicker";

/**
 * The round as LKE evidence (managers): the questions it is linked to, with the rubric's wording,
 * and the picker; the set saved replaces the previous one and shows on the ZI worksheet.
 */
export function RoundQuestionsCard({ roundId }: { roundId: string }) {
  const { t } = useTranslation("pact");
  const links = useRoundQuestions(roundId);
  const rubric = useRubric();
  const save = useSetRoundQuestions(roundId);
  const saved = links.data ?? [];
  const [keys, setKeys] = useState<string[]>([]);
  const savedKey = saved.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the saved set changes
  useEffect(() => setKeys(saved), [savedKey]);
  const index = useMemo(() => questionIndex(rubric.data), [rubric.data]);
  const dirty = [...keys].sort().join() !== [...saved].sort().join();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`lke-${roundId}`}>
      <Title order={2} size="h4" mb="xs" id={`lke-${roundId}`}>
        {t("lke.title")}
      </Title>
      {links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : links.isPending ? (
        <Text size="sm" c="dimmed">
          {t("lke.loading")}
        </Text>
      ) : (
        <Stack gap="xs">
          {saved.length ? (
            <List spacing={6} size="sm" aria-label={t("lke.linked")}>
              {saved.map((k) => {
                const q = index.get(k);
                return (
                  <List.Item key={k}>
                    <Text size="sm" fw={500}>
                      {q ? `${q.sourceId} · ${q.text}` : k}
                    </Text>
                    {q ? (
                      <Text size="xs" c="dimmed">
                        {q.area}
                      </Text>
                    ) : null}
                  </List.Item>
                );
              })}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t("lke.none")}
            </Text>
          )}
          <ErrorAlert error={save.error} />
          <QuestionPicker rubric={rubric.data} value={keys} onChange={setKeys} />
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate(keys, { onSuccess: () => notifySuccess(t("lke.saved")) })}
            >
              {t("lke.save")}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
