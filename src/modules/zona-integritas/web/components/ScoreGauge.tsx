import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { scoreColor, useZiFormat } from "../format";

export interface ScoreGaugeProps {
  /** Column name shown under the ring ("Unit", "TPI", "TPN"). */
  label: string;
  /** The column as it reads inside a sentence ("unit", "TPI"); defaults to `label`. */
  inlineName?: string;
  /** Total out of 100, or null when the column has no answers yet. */
  value: number | null;
  size?: number;
  /** Extra lines under the label (pengungkit / hasil). */
  children?: React.ReactNode;
  highlighted?: boolean;
}

const MARKS = [
  { at: 75, key: "WBK" },
  { at: 85, key: "WBBM" },
];

/**
 * A hand-drawn SVG ring: the total out of 100, with marks at the WBK (75) and WBBM (85) totals. The
 * ring is one image for screen readers ("Nilai unit 72,50 dari 100").
 */
export function ScoreGauge({ label, inlineName, value, size = 136, children, highlighted }: ScoreGaugeProps) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const stroke = 12;
  const r = (size - stroke) / 2 - 4;
  const c = size / 2;
  const circumference = 2 * Math.PI * r;
  const v = Math.max(0, Math.min(100, value ?? 0));
  const color = value === null ? "gray" : scoreColor(v);
  const text = value === null ? t("score.notScored") : f.score(value);
  const aria =
    value === null
      ? `${label}: ${t("score.notScored")}`
      : t("score.gaugeLabel", { column: inlineName ?? label, value: f.score(value) });
  const point = (pct: number, radius: number) => {
    const a = (pct / 100) * 2 * Math.PI - Math.PI / 2;
    return [c + radius * Math.cos(a), c + radius * Math.sin(a)] as const;
  };
  return (
    <Stack gap={4} align="center" style={{ minWidth: 0 }}>
      <svg
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={aria}
        style={{ maxWidth: "100%", height: "auto" }}
      >
        <circle cx={c} cy={c} r={r} fill="none" stroke="var(--mantine-color-gray-2)" strokeWidth={stroke} />
        {value !== null ? (
          <circle
            cx={c}
            cy={c}
            r={r}
            fill="none"
            stroke={`var(--mantine-color-${color}-7)`}
            strokeWidth={stroke}
            strokeLinecap="round"
            strokeDasharray={`${(v / 100) * circumference} ${circumference}`}
            transform={`rotate(-90 ${c} ${c})`}
          />
        ) : null}
        {MARKS.map((m) => {
          const [x1, y1] = point(m.at, r - stroke / 2 - 3);
          const [x2, y2] = point(m.at, r + stroke / 2 + 3);
          return (
            <line
              key={m.key}
              x1={x1}
              y1={y1}
              x2={x2}
              y2={y2}
              stroke="var(--mantine-color-dark-6)"
              strokeWidth={2}
            />
          );
        })}
        <text
          x={c}
          y={c + (value === null ? 4 : 8)}
          textAnchor="middle"
          fontSize={value === null ? 12 : 24}
          fontWeight={700}
          fill="var(--mantine-color-text)"
        >
          {text}
        </text>
      </svg>
      <Text fw={highlighted ? 700 : 600} size="sm" ta="center">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
