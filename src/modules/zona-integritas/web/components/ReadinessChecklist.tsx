import { Badge, Group, List, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconPencil, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import type { GateWire } from "../../contract";
import { useZiFormat } from "../format";

/**
 * The gates of one predicate as a checklist: pass/fail with an icon and a word, the value against the
 * threshold, where the threshold comes from (on hover), and flags for unconfirmed or edited numbers.
 */
export function ReadinessChecklist({
  gates,
  pass,
  target,
}: {
  gates: GateWire[];
  pass: boolean;
  target: string;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const failing = gates.filter((g) => !g.pass).length;

  function valueText(g: GateWire): string {
    if (g.kind === "priorPredicate")
      return t("readiness.priorValue", { value: g.value ? t("common.yes") : t("common.no") });
    const value = typeof g.value === "number" ? g.value : 0;
    const threshold = typeof g.threshold === "number" ? g.threshold : 0;
    if (g.kind === "areaShare")
      return t("readiness.shareValue", { value: f.share(value), threshold: f.share(threshold) });
    return t("readiness.scoreValue", { value: f.score(value), threshold: f.score(threshold) });
  }

  return (
    <Stack gap="sm">
      {pass ? (
        <StatusBadge tone="success">{t("readiness.allPass", { target })}</StatusBadge>
      ) : (
        <StatusBadge tone="danger">{t("readiness.someFail", { count: failing, target })}</StatusBadge>
      )}
      <List spacing="xs" listStyleType="none" p={0} m={0} aria-label={t("readiness.title", { target })}>
        {gates.map((g) => (
          <List.Item key={g.key} data-gate={g.key} style={{ paddingLeft: 0 }}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={24}
                radius="xl"
                variant="light"
                color={g.pass ? "green" : "red"}
                style={{ flex: "none" }}
              >
                {g.pass ? <IconCheck size={16} aria-hidden /> : <IconX size={16} aria-hidden />}
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                  <span className="zi-gate-status">{g.pass ? t("readiness.pass") : t("readiness.fail")}</span>
                  {": "}
                  {g.label}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Tooltip label={t("readiness.source", { source: g.source })} multiline w={320} withArrow>
                    <Text size="xs" c="dimmed" tabIndex={0} style={{ cursor: "help" }}>
                      {valueText(g)}
                      {g.surveyIndex !== undefined
                        ? ` · ${t("readiness.surveyIndex", { index: f.number(g.surveyIndex, { decimals: 2 }) })}`
                        : ""}
                    </Text>
                  </Tooltip>
                  {!g.confirmed ? (
                    <Tooltip
                      label={t("readiness.unconfirmedHelp", { source: g.source })}
                      multiline
                      w={320}
                      withArrow
                    >
                      <Badge
                        size="sm"
                        variant="light"
                        color="yellow"
                        tabIndex={0}
                        leftSection={<IconAlertTriangle size={12} aria-hidden />}
                        styles={{ root: { color: "var(--mantine-color-yellow-9)" } }}
                      >
                        {t("readiness.unconfirmed")}
                      </Badge>
                    </Tooltip>
                  ) : null}
                  {g.edited ? (
                    <Tooltip label={t("readiness.editedHelp")} multiline w={280} withArrow>
                      <Badge
                        size="sm"
                        variant="light"
                        color="gray"
                        tabIndex={0}
                        leftSection={<IconPencil size={12} aria-hidden />}
                        styles={{ root: { color: "var(--mantine-color-gray-9)" } }}
                      >
                        {t("readiness.edited")}
                      </Badge>
                    </Tooltip>
                  ) : null}
                </Group>
                {g.note ? (
                  <Text size="xs" c="dimmed">
                    {g.note}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
