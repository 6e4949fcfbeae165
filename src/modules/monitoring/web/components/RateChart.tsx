import { Box, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/i18n";
import type { PeriodRateWire } from "../../contract";

const SERIES = [
  { key: "doneOnTime", color: "var(--mantine-color-green-6)" },
  { key: "doneLate", color: "var(--mantine-color-yellow-5)" },
  { key: "openOverdue", color: "var(--mantine-color-red-6)" },
  { key: "openNotDue", color: "var(--mantine-color-blue-4)" },
  { key: "dropped", color: "var(--mantine-color-gray-4)" },
] as const;

/** "2026-11" → "Nov 2026", "2026-Q4" → "TW IV 2026" / "Q4 2026", "2026" → "2026". */
export function periodLabel(period: string, lang: "id" | "en"): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q)
    return lang === "id" ? `TW ${["I", "II", "III", "IV"][Number(q[2]) - 1]} ${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
    return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(d);
  }
  return period;
}

/**
 * Stacked bars per period (done on time, done late, open overdue, open not yet due, dropped) with the
 * completion rate above each bar. Hand-drawn SVG with a label per bar, plus the numbers as a table.
 */
export function RateChart({ periods }: { periods: PeriodRateWire[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = Math.max(1, ...periods.map((p) => p.counted + p.dropped));
  const barW = 36;
  const gap = 18;
  const h = 180;
  const top = 22;
  const width = Math.max(320, periods.length * (barW + gap) + gap);
  const pct = (v: number | null) => (v === null ? "–" : fmt.percent(v * 100, { decimals: 0 }));
  const label = (p: PeriodRateWire) => {
    const period = periodLabel(p.period, fmt.lang);
    return p.counted === 0
      ? t("monev:rates.noRate", { period })
      : t("monev:rates.bar", {
          period,
          rate: pct(p.completionRate),
          done: p.doneOnTime + p.doneLate,
          counted: p.counted,
          onTime: pct(p.onTimeRate),
        });
  };
  return (
    <Box>
      <Box style={{ overflowX: "auto" }}>
        <svg
          role="img"
          aria-label={t("monev:rates.chart")}
          width={width}
          height={h + top + 40}
          viewBox={`0 0 ${width} ${h + top + 40}`}
        >
          <line x1={0} x2={width} y1={top + h} y2={top + h} stroke="var(--mantine-color-gray-5)" />
          {periods.map((p, i) => {
            const x = gap + i * (barW + gap);
            let y = top + h;
            return (
              <g key={p.period}>
                <title>{label(p)}</title>
                {SERIES.map((s) => {
                  const v = p[s.key];
                  if (v === 0) return null;
                  const bh = (v / max) * h;
                  y -= bh;
                  return <rect key={s.key} x={x} y={y} width={barW} height={bh} fill={s.color} />;
                })}
                <text x={x + barW / 2} y={y - 6} textAnchor="middle" fontSize={11} fill="currentColor">
                  {pct(p.completionRate)}
                </text>
                <text x={x + barW / 2} y={top + h + 16} textAnchor="middle" fontSize={10} fill="currentColor">
                  {periodLabel(p.period, fmt.lang)}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <Group gap="md" mt="xs" aria-hidden>
        {SERIES.map((s) => (
          <Group key={s.key} gap={6}>
            <Box w={12} h={12} style={{ background: s.color, borderRadius: 2 }} />
            <Text size="xs">{t(`monev:rates.${s.key}`)}</Text>
          </Group>
        ))}
      </Group>
      <Box style={{ overflowX: "auto" }} mt="sm">
        <Table fz="xs" striped withTableBorder>
          <Table.Caption>{t("monev:rates.table")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("monev:rates.period")}</Table.Th>
              {SERIES.map((s) => (
                <Table.Th key={s.key} ta="right">
                  {t(`monev:rates.${s.key}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t("monev:rates.completion")}</Table.Th>
              <Table.Th ta="right">{t("monev:rates.onTime")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{periodLabel(p.period, fmt.lang)}</Table.Td>
                {SERIES.map((s) => (
                  <Table.Td key={s.key} ta="right">
                    {p[s.key]}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{pct(p.completionRate)}</Table.Td>
                <Table.Td ta="right">{pct(p.onTimeRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}
