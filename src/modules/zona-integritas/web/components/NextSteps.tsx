import { Accordion, Anchor, Badge, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import type { GapsWire } from "../../contract";
import type { Column } from "../../domain/stages";
import { type Predicate, useGaps } from "../api";
import { useZiFormat } from "../format";

type Step = GapsWire["paths"][number]["steps"][number];

/** "Langkah berikutnya": the ten questions that would add most, and a path for every failing gate. */
export function NextSteps({
  cycleId,
  column,
  target,
}: {
  cycleId: string;
  column: Column;
  target: Predicate;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const gaps = useGaps(cycleId, column, target);
  const worksheet = (key: string) => `/zi/siklus/${cycleId}/lke?q=${encodeURIComponent(key)}`;

  if (gaps.isPending) return <Loader size="sm" aria-label={t("next.title")} />;
  if (gaps.isError) return <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} />;
  const data = gaps.data;

  function stepText(s: Step): string {
    const gain = f.score(s.gain);
    if (s.requiredAnswer) return t("next.step", { answer: s.requiredAnswer, gain });
    if (s.requiredIndex !== undefined)
      return t("next.stepIndex", { index: f.number(s.requiredIndex, { decimals: 2 }), gain });
    return t("next.stepValue", { value: f.share(s.requiredValue), gain });
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("next.description", { column: t(`column.${column}`), target })}
      </Text>
      {data.items.length === 0 ? (
        <Text size="sm">{t("next.empty")}</Text>
      ) : (
        <List type="ordered" spacing="sm" size="sm">
          {data.items.slice(0, 10).map((it) => (
            <List.Item key={it.key}>
              <Stack gap={2}>
                <Anchor
                  component={Link}
                  to={worksheet(it.key)}
                  size="sm"
                  style={{ overflowWrap: "anywhere" }}
                >
                  {it.text}
                </Anchor>
                <Group gap="xs" wrap="wrap">
                  <Badge
                    size="sm"
                    variant="light"
                    color="green"
                    styles={{ root: { color: "var(--mantine-color-green-9)" } }}
                  >
                    +{f.score(it.toGain)} {t("next.gain").toLowerCase()}
                  </Badge>
                  {it.bestAnswer ? (
                    <Text size="xs" c="dimmed">
                      {t("next.best")}: {it.bestAnswer}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {it.key}
                  </Text>
                </Group>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
      {data.paths.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t("next.paths")}
          </Title>
          {/* One row per failing gate, closed: a unit far from the target has long paths, and the
              overview must stay a page one can scan. */}
          <Accordion multiple variant="separated" chevronPosition="left">
            {data.paths.map((p) => (
              <Accordion.Item key={p.gateKey} value={p.gateKey} data-path={p.gateKey}>
                <Accordion.Control>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                      {p.label}
                    </Text>
                    {p.deficit > 0 ? (
                      <Badge
                        size="sm"
                        color="red"
                        variant="light"
                        styles={{ root: { color: "var(--mantine-color-red-9)" } }}
                      >
                        {t("next.deficit", { value: f.score(p.deficit) })}
                      </Badge>
                    ) : null}
                    {p.steps.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        {t("next.stepCount", { count: p.steps.length })}
                      </Text>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap={4}>
                    {p.reason === "input" ? (
                      <Text size="xs" c="dimmed">
                        {t("next.reasonInput")}
                      </Text>
                    ) : p.reason === "no_questions" ? (
                      <Text size="xs" c="dimmed">
                        {t("next.reasonNoQuestions")}
                      </Text>
                    ) : null}
                    {!p.reachable && p.reason !== "input" ? (
                      <Text size="xs" c="red.9">
                        {t("next.unreachable")}
                      </Text>
                    ) : null}
                    {p.steps.length > 0 ? (
                      <List size="sm" spacing={4}>
                        {p.steps.map((s) => (
                          <List.Item key={s.key}>
                            <Anchor
                              component={Link}
                              to={worksheet(s.key)}
                              size="sm"
                              style={{ overflowWrap: "anywhere" }}
                            >
                              {s.text}
                            </Anchor>{" "}
                            <Text span size="xs" fw={600}>
                              — {stepText(s)}
                            </Text>
                            {s.evidence.length > 0 ? (
                              <Text size="xs" c="dimmed">
                                {t("next.evidence", { list: s.evidence.join("; ") })}
                              </Text>
                            ) : null}
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ) : null}
    </Stack>
  );
}
