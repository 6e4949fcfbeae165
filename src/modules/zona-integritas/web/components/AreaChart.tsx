import { Box, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useZiFormat } from "../format";

export interface AreaBar {
  key: string;
  name: string;
  componentKey: string;
  weight: number;
  score: number;
}

const LINES = [
  { at: 60, labelKey: "areas.wbkLine", dash: "2 1.5" },
  { at: 75, labelKey: "areas.wbbmLine", dash: undefined },
] as const;

function barColor(pct: number): string {
  if (pct >= 75) return "green";
  if (pct >= 60) return "zona";
  return "orange";
}

/**
 * Horizontal bars: each area's score as a share of its weight, with the 60% (WBK) and 75% (WBBM)
 * lines of the area gate. The numbers are text (read by screen readers); the SVG is decoration.
 */
export function AreaChart({ areas }: { areas: AreaBar[] }) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const groups = [...new Set(areas.map((a) => a.componentKey))];
  return (
    <Stack gap="md" aria-label={t("areas.chartLabel")} role="group">
      <Group gap="lg" wrap="wrap" aria-hidden>
        {LINES.map((l) => (
          <Group key={l.at} gap={6} wrap="nowrap">
            <svg width={18} height={12} aria-hidden>
              <line
                x1={9}
                x2={9}
                y1={0}
                y2={12}
                stroke="var(--mantine-color-dark-6)"
                strokeWidth={2}
                strokeDasharray={l.dash ? "3 2" : undefined}
              />
            </svg>
            <Text size="xs" c="dimmed">
              {t(l.labelKey)}
            </Text>
          </Group>
        ))}
      </Group>
      {groups.map((g) => (
        <Stack key={g} gap={8}>
          <Title order={3} fz="sm" c="dimmed" tt="uppercase">
            {t(`areas.component.${g}`, { defaultValue: g })}
          </Title>
          <Box component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {areas
              .filter((a) => a.componentKey === g)
              .map((a) => {
                const pct = a.weight > 0 ? (a.score / a.weight) * 100 : 0;
                const shown = Math.max(0, Math.min(100, pct));
                const color = barColor(pct);
                return (
                  <Box component="li" key={a.key} mb={8}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
                      <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                        {a.name}
                      </Text>
                      <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                        {t("areas.value", {
                          score: f.score(a.score),
                          weight: f.number(a.weight),
                          percent: f.percent(pct, { maxDecimals: 0 }),
                        })}
                      </Text>
                    </Group>
                    <svg
                      width="100%"
                      height={14}
                      viewBox="0 0 100 14"
                      preserveAspectRatio="none"
                      aria-hidden
                      style={{ display: "block" }}
                    >
                      <rect x={0} y={2} width={100} height={10} rx={1} fill="var(--mantine-color-gray-2)" />
                      <rect
                        x={0}
                        y={2}
                        width={shown}
                        height={10}
                        rx={1}
                        fill={`var(--mantine-color-${color}-7)`}
                      />
                      {LINES.map((l) => (
                        <line
                          key={l.at}
                          x1={l.at}
                          x2={l.at}
                          y1={0}
                          y2={14}
                          stroke="var(--mantine-color-dark-6)"
                          strokeWidth={1.5}
                          strokeDasharray={l.dash}
                          vectorEffect="non-scaling-stroke"
                        />
                      ))}
                    </svg>
                  </Box>
                );
              })}
          </Box>
        </Stack>
      ))}
    </Stack>
  );
}
