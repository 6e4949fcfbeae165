import { useTranslation } from "react-i18next";
import type { RecapWire } from "../../contract";

/** Received vs completed on time per month, as hand-drawn grouped bars (no chart library). */
export function MonthChart({ months }: { months: RecapWire["months"] }) {
  const { t } = useTranslation("complaints");
  const W = 640;
  const H = 220;
  const pad = { l: 32, b: 28, t: 12 };
  const max = Math.max(1, ...months.map((m) => m.received));
  const slot = (W - pad.l) / Math.max(1, months.length);
  const bar = Math.max(4, slot / 3);
  const y = (v: number) => H - pad.b - ((H - pad.b - pad.t) * v) / max;
  const summary = months
    .map((m) => `${m.month}: ${m.received}/${m.completed}/${m.completedOnTime}`)
    .join("; ");
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`${t("recap.chartLabel")} ${summary}`}
      >
        <line x1={pad.l} x2={W} y1={H - pad.b} y2={H - pad.b} stroke="currentColor" strokeOpacity={0.3} />
        <text x={pad.l - 6} y={y(max) + 4} textAnchor="end" fontSize="11">
          {max}
        </text>
        {months.map((m, i) => {
          const x = pad.l + i * slot + slot / 2 - bar;
          return (
            <g key={m.month}>
              <rect
                x={x}
                y={y(m.received)}
                width={bar}
                height={H - pad.b - y(m.received)}
                fill="var(--mantine-color-blue-5)"
              >
                <title>{`${m.month} ${t("recap.received")}: ${m.received}`}</title>
              </rect>
              <rect
                x={x + bar}
                y={y(m.completedOnTime)}
                width={bar}
                height={H - pad.b - y(m.completedOnTime)}
                fill="var(--mantine-color-green-6)"
              >
                <title>{`${m.month} ${t("recap.onTime")}: ${m.completedOnTime}`}</title>
              </rect>
              <text x={x + bar} y={H - 10} textAnchor="middle" fontSize="11">
                {m.month.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 12 }}>
        <span style={{ color: "var(--mantine-color-blue-5)" }}>■</span> {t("recap.received")}{" "}
        <span style={{ color: "var(--mantine-color-green-6)" }}>■</span> {t("recap.onTime")}
      </figcaption>
    </figure>
  );
}
