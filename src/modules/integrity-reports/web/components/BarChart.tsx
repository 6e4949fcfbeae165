/** A small hand-drawn SVG bar chart of refused/accepted gifts per month (no chart library). */
export function MonthBars({
  data,
  labels,
  title,
}: {
  data: Array<{ month: number; refused: number; accepted: number }>;
  labels: { refused: string; accepted: string; months: string[] };
  title: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.refused + d.accepted));
  const w = 360;
  const h = 140;
  const bw = w / 12;
  const summary = data
    .filter((d) => d.refused + d.accepted > 0)
    .map(
      (d) =>
        `${labels.months[d.month - 1]}: ${labels.refused} ${d.refused}, ${labels.accepted} ${d.accepted}`,
    )
    .join("; ");
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h + 20}`} width="100%" role="img" aria-label={`${title}. ${summary || "0"}`}>
        {data.map((d, i) => {
          const rh = (d.refused / max) * h;
          const ah = (d.accepted / max) * h;
          return (
            <g key={d.month}>
              <rect
                x={i * bw + 4}
                y={h - rh - ah}
                width={bw - 8}
                height={ah}
                fill="var(--mantine-color-orange-5)"
              />
              <rect x={i * bw + 4} y={h - rh} width={bw - 8} height={rh} fill="var(--mantine-color-teal-6)" />
              <text x={i * bw + bw / 2} y={h + 14} fontSize="10" textAnchor="middle" fill="currentColor">
                {labels.months[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 12 }}>
        <span style={{ color: "var(--mantine-color-teal-7)" }}>■</span> {labels.refused}{" "}
        <span style={{ color: "var(--mantine-color-orange-6)" }}>■</span> {labels.accepted}
      </figcaption>
    </figure>
  );
}
