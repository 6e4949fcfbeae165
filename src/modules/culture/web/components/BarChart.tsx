import { Box } from "@mantine/core";

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Text shown above the bar (defaults to the value). */
  valueLabel?: string;
}

/**
 * A hand-drawn SVG bar chart (no chart library): labelled axis, values above bars, a title for
 * screen readers and a text summary in the aria-label. Horizontal bars when `horizontal`.
 */
export function BarChart({
  bars,
  title,
  max,
  horizontal = false,
  color = "var(--mantine-color-zona-6, #1c7ed6)",
}: {
  bars: Bar[];
  title: string;
  max?: number;
  horizontal?: boolean;
  color?: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.valueLabel ?? b.value}`).join("; ")}`;
  if (horizontal) {
    const rowH = 28;
    const labelW = 200;
    const width = 560;
    const height = bars.length * rowH + 8;
    return (
      <Box style={{ overflowX: "auto" }}>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ maxWidth: width }}
        >
          <title>{title}</title>
          {bars.map((b, i) => {
            const w = ((width - labelW - 48) * b.value) / top;
            const y = i * rowH + 4;
            return (
              <g key={b.key}>
                <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
                  {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
                </text>
                <rect x={labelW} y={y + 4} width={Math.max(w, 1)} height={rowH - 10} rx={3} fill={color} />
                <text x={labelW + w + 6} y={y + rowH / 2 + 4} fontSize="12" fill="currentColor">
                  {b.valueLabel ?? b.value}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
    );
  }
  const width = Math.max(320, bars.length * 56 + 40);
  const height = 200;
  const chartH = 150;
  const slot = (width - 40) / Math.max(bars.length, 1);
  return (
    <Box style={{ overflowX: "auto" }}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title>{title}</title>
        <line
          x1={30}
          y1={chartH + 10}
          x2={width - 6}
          y2={chartH + 10}
          stroke="currentColor"
          strokeOpacity={0.3}
        />
        {bars.map((b, i) => {
          const h = (chartH * b.value) / top;
          const x = 36 + i * slot;
          const bw = Math.min(36, slot - 10);
          return (
            <g key={b.key}>
              <rect x={x} y={chartH + 10 - h} width={bw} height={Math.max(h, 1)} rx={3} fill={color} />
              <text x={x + bw / 2} y={chartH + 4 - h} textAnchor="middle" fontSize="11" fill="currentColor">
                {b.valueLabel ?? b.value}
              </text>
              <text x={x + bw / 2} y={chartH + 26} textAnchor="middle" fontSize="11" fill="currentColor">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
