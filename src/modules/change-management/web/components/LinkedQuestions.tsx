import { Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { type RubricTree, useDecreeQuestions, useRubric, useSetDecreeQuestions } from "../api";
import { QuestionPicker, questionIndex } from "./QuestionPicker";

/**
 * The LKE questions a record is evidence for, as a list with the rubric's wording, and for a
 * manager the picker with its save button (the set saved replaces the previous one).
 */
export function LinkedQuestions(props: {
  rubric: RubricTree | undefined;
  /** The keys saved on the server. */
  value: string[];
  canManage: boolean;
  listLabel: string;
  hint: string;
  saving: boolean;
  error: unknown;
  onSave: (keys: string[]) => Promise<unknown>;
}) {
  const { t } = useTranslation("cm");
  const [keys, setKeys] = useState<string[]>(props.value);
  const saved = props.value.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the saved set changes
  useEffect(() => setKeys(props.value), [saved]);
  const index = useMemo(() => questionIndex(props.rubric), [props.rubric]);
  const dirty = [...keys].sort().join() !== [...props.value].sort().join();
  return (
    <Stack gap="xs">
      {props.value.length ? (
        <List spacing={6} size="sm" aria-label={props.listLabel}>
          {props.value.map((k) => {
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
          {t("activity.noQuestions")}
        </Text>
      )}
      {props.canManage ? (
        <Stack gap="xs" mt="xs">
          <ErrorAlert error={props.error} />
          <QuestionPicker rubric={props.rubric} value={keys} onChange={setKeys} description={props.hint} />
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!dirty}
              loading={props.saving}
              onClick={() =>
                void props
                  .onSave(keys)
                  .then(() => notifySuccess(t("activity.questionsSaved")))
                  .catch(() => null)
              }
            >
              {t("activity.saveQuestions")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A decree (SK Tim Kerja ZI or SK Agen Perubahan) as LKE evidence: shown to managers only. */
export function DecreeQuestionsCard({ decreeId, hint }: { decreeId: string; hint: string }) {
  const { t } = useTranslation("cm");
  const links = useDecreeQuestions(decreeId);
  const rubric = useRubric();
  const save = useSetDecreeQuestions(decreeId);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`lke-${decreeId}`}>
      <Title order={2} fz="h4" mb="sm" id={`lke-${decreeId}`}>
        {t("lke.decreeTitle")}
      </Title>
      {links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : links.isPending ? (
        <Text size="sm" c="dimmed">
          {t("lke.loading")}
        </Text>
      ) : (
        <LinkedQuestions
          rubric={rubric.data}
          value={links.data}
          canManage
          listLabel={t("lke.decreeList")}
          hint={hint}
          saving={save.isPending}
          error={save.error}
          onSave={(keys) => save.mutateAsync(keys)}
        />
      )}
    </Card>
  );
}
