import { Box, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/i18n";
import type { AreaProgressWire } from "../../contract";

const W = 100;

/**
 * Progress per lever area as horizontal SVG bars (mean progress of the area's activities). The
 * figures are text beside each bar, so screen readers get them; the SVG itself is decoration.
 */
export function AreaProgressChart({ areas }: { areas: AreaProgressWire[] }) {
  const { t } = useTranslation("cm");
  const f = useFormat();
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("plan.chartLabel")}>
      {areas.map((a) => {
        const color = a.overdue > 0 ? "red" : a.progress >= 100 ? "green" : "zona";
        return (
          <Box component="li" key={a.areaKey} mb={10}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                {t(`area.${a.areaKey}`)}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                {f.percent(a.progress, { maxDecimals: 1 })}
              </Text>
            </Group>
            <svg
              width="100%"
              height={12}
              viewBox={`0 0 ${W} 12`}
              preserveAspectRatio="none"
              aria-hidden
              style={{ display: "block" }}
            >
              <rect x={0} y={1} width={W} height={10} rx={1} fill="var(--mantine-color-gray-2)" />
              <rect
                x={0}
                y={1}
                width={Math.max(0, Math.min(W, a.progress))}
                height={10}
                rx={1}
                fill={`var(--mantine-color-${color}-7)`}
              />
            </svg>
            <Stack gap={0}>
              <Text size="xs" c={a.overdue ? "red.8" : "dimmed"}>
                {a.total === 0
                  ? t("plan.areaEmpty")
                  : t("plan.areaSummary", { done: a.done, total: a.total, overdue: a.overdue })}
              </Text>
            </Stack>
          </Box>
        );
      })}
    </Box>
  );
}
