import { Box, Text } from "@mantine/core";

export interface ProgressRingProps {
  /** 0–100. */
  percent: number;
  /** The big number in the middle (already formatted, e.g. "90,9%"). */
  label: string;
  /** A line under it, e.g. "10 dari 11". */
  sublabel?: string;
  /** Read by screen readers. */
  ariaLabel: string;
  size?: number;
}

/** A hand-drawn SVG progress ring: green when complete, the accent colour while in progress. */
export function ProgressRing({ percent, label, sublabel, ariaLabel, size = 132 }: ProgressRingProps) {
  const stroke = 12;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const p = Math.max(0, Math.min(100, percent));
  const color = p >= 100 ? "var(--mantine-color-green-7)" : "var(--mantine-color-zona-6, #1c7ed6)";
  return (
    <Box pos="relative" w={size} h={size} style={{ flex: "none" }}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={ariaLabel}>
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke="var(--mantine-color-gray-2)"
          strokeWidth={stroke}
        />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke={color}
          strokeWidth={stroke}
          strokeLinecap={p > 0 && p < 100 ? "round" : "butt"}
          strokeDasharray={`${(p / 100) * c} ${c}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
          data-testid="ring-arc"
        />
      </svg>
      <Box
        pos="absolute"
        inset={0}
        style={{ display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center" }}
        aria-hidden
      >
        <Text fw={700} fz="xl" lh={1.1}>
          {label}
        </Text>
        {sublabel ? (
          <Text size="xs" c="dimmed">
            {sublabel}
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}
