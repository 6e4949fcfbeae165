import { Group, Text } from "@mantine/core";

export interface Series {
  key: string;
  label: string;
  color: string;
}

/** Grouped vertical bars (hand-drawn SVG) with an aria label that reads out every value. */
export function GroupedBars({
  groups,
  series,
  label,
}: {
  groups: Array<{ label: string; values: Record<string, number> }>;
  series: Series[];
  label: string;
}) {
  const W = 640;
  const H = 220;
  const pad = { l: 36, b: 30, t: 14 };
  const max = Math.max(1, ...groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0)));
  const slot = (W - pad.l) / Math.max(1, groups.length);
  const bar = Math.max(4, Math.min(28, (slot * 0.8) / series.length));
  const y = (v: number) => H - pad.b - ((H - pad.b - pad.t) * v) / max;
  const summary = groups
    .map((g) => `${g.label}: ${series.map((s) => `${s.label} ${g.values[s.key] ?? 0}`).join(", ")}`)
    .join("; ");
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${label}. ${summary}`}>
        <line x1={pad.l} x2={W} y1={H - pad.b} y2={H - pad.b} stroke="currentColor" strokeOpacity={0.3} />
        <text x={pad.l - 6} y={y(max) + 4} textAnchor="end" fontSize="11">
          {max}
        </text>
        <text x={pad.l - 6} y={H - pad.b} textAnchor="end" fontSize="11">
          0
        </text>
        {groups.map((g, i) => {
          const x0 = pad.l + i * slot + (slot - bar * series.length) / 2;
          return (
            <g key={g.label}>
              {series.map((s, j) => {
                const v = g.values[s.key] ?? 0;
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * bar}
                    y={y(v)}
                    width={bar - 1}
                    height={H - pad.b - y(v)}
                    fill={s.color}
                  >
                    <title>{`${g.label} · ${s.label}: ${v}`}</title>
                  </rect>
                );
              })}
              <text x={pad.l + i * slot + slot / 2} y={H - 10} textAnchor="middle" fontSize="11">
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Legend series={series} />
      </figcaption>
    </figure>
  );
}

export function Legend({ series }: { series: Series[] }) {
  return (
    <Group gap="md" justify="center">
      {series.map((s) => (
        <Text key={s.key} size="xs">
          <span style={{ color: s.color }} aria-hidden>
            ■
          </span>{" "}
          {s.label}
        </Text>
      ))}
    </Group>
  );
}

/** Horizontal percentage bars (0–100) with a target line, e.g. SLA compliance per service. */
export function PercentBars({
  rows,
  label,
  target,
  format,
}: {
  rows: Array<{ label: string; value: number | null }>;
  label: string;
  target?: number;
  format: (v: number) => string;
}) {
  const W = 640;
  const rowH = 30;
  const labelW = 220;
  const H = rows.length * rowH + 10;
  const x = (v: number) => labelW + ((W - labelW - 60) * Math.max(0, Math.min(100, v))) / 100;
  const summary = rows.map((r) => `${r.label}: ${r.value === null ? "–" : format(r.value)}`).join("; ");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${label}. ${summary}`}>
      {rows.map((r, i) => {
        const yy = i * rowH + 6;
        const v = r.value ?? 0;
        const color =
          r.value === null
            ? "var(--mantine-color-gray-4)"
            : target !== undefined && v < target
              ? "var(--mantine-color-red-6)"
              : "var(--mantine-color-green-6)";
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={yy + 15} textAnchor="end" fontSize="12">
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            <rect x={labelW} y={yy} width={x(100) - labelW} height={20} fill="var(--mantine-color-gray-1)" />
            <rect x={labelW} y={yy} width={x(v) - labelW} height={20} fill={color} />
            <text x={x(v) + 6} y={yy + 15} fontSize="12">
              {r.value === null ? "–" : format(r.value)}
            </text>
          </g>
        );
      })}
      {target !== undefined ? (
        <line
          x1={x(target)}
          x2={x(target)}
          y1={0}
          y2={H}
          stroke="currentColor"
          strokeDasharray="4 3"
          strokeOpacity={0.6}
        />
      ) : null}
    </svg>
  );
}
