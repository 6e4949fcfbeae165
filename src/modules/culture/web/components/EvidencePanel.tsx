import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconLink, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { useEvidenceMutations, useRubricQuestions } from "../api";

/**
 * LKE evidence: the worksheet questions this record proves, and (for managers) a picker to link it
 * to more. The ZI module shows the record under those questions.
 */
export function EvidencePanel({
  type,
  id,
  keys,
  canManage,
}: {
  type: "programmes" | "occurrences";
  id: string;
  keys: string[];
  canManage: boolean;
}) {
  const { t } = useTranslation("culture");
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const questions = useRubricQuestions(picking || keys.length > 0);
  const { link, unlink } = useEvidenceMutations(type, id);
  const textOf = (k: string) => questions.data?.find((q) => q.key === k)?.text;
  const options = (questions.data ?? [])
    .filter((q) => !keys.includes(q.key))
    .map((q) => ({ value: q.key, label: `${q.sourceId ?? q.key} — ${q.text}` }));

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("evidence.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("evidence.help")}
        </Text>
        {keys.length === 0 ? (
          <Text size="sm">{t("evidence.none")}</Text>
        ) : (
          <Stack gap={4}>
            {keys.map((k) => (
              <Group key={k} gap="xs" wrap="nowrap">
                <Badge variant="light">{k}</Badge>
                <Text size="sm" style={{ flex: 1 }} lineClamp={2}>
                  {textOf(k) ?? ""}
                </Text>
                {canManage ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("evidence.unlink", { key: k })}
                    onClick={() => unlink.mutate(k)}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {canManage && !picking ? (
          <Group>
            <Button
              variant="light"
              leftSection={<IconLink size={16} aria-hidden />}
              onClick={() => setPicking(true)}
            >
              {t("evidence.add")}
            </Button>
          </Group>
        ) : null}
        {canManage && picking ? (
          <Group align="flex-end">
            <Select
              label={t("evidence.question")}
              data={options}
              value={choice}
              onChange={setChoice}
              searchable
              nothingFoundMessage={t("evidence.noMatch")}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Button
              disabled={!choice}
              loading={link.isPending}
              onClick={async () => {
                if (!choice) return;
                try {
                  await link.mutateAsync([choice]);
                  notifySuccess(t("evidence.linked"));
                  setChoice(null);
                  setPicking(false);
                } catch {
                  // shown below
                }
              }}
            >
              {t("evidence.link")}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={link.error ?? unlink.error} mb="0" />
      </Stack>
    </Card>
  );
}
