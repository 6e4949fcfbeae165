import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  bars: Bar[];
  format: (v: number) => string;
  color?: string;
}

const ROW = 28;
const LABEL_W = 150;
const VALUE_W = 70;
const WIDTH = 520;

/**
 * A horizontal bar chart drawn as SVG: one row per bar with its label and value written out, so the
 * numbers are read, not guessed from lengths. The whole chart is one image with a text alternative.
 */
export function BarChart({
  title,
  bars,
  format,
  color = "var(--mantine-color-zona-6, #1c7ed6)",
}: BarChartProps) {
  const { t } = useTranslation("media");
  if (bars.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("chart.empty")}
      </Text>
    );
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_W - VALUE_W;
  const height = bars.length * ROW + 4;
  const alt = t("chart.label", {
    title,
    values: bars.map((b) => `${b.label} ${format(b.value)}`).join("; "),
  });
  return (
    <svg
      role="img"
      aria-label={alt}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: "block" }}
    >
      <title>{alt}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
        return (
          <g key={b.key} data-testid={`bar-${b.key}`}>
            <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x={LABEL_W} y={y + 5} width={w} height={ROW - 10} rx={3} fill={color} />
            <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4} fontSize="12" fill="currentColor">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
