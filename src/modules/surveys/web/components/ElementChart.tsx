/** Horizontal bars of NRR per element (1–4), weakest first, hand-drawn SVG with a text alternative. */
export function ElementChart({
  items,
  title,
}: {
  items: { code: string; label: string; nrr: number | null }[];
  title: string;
}) {
  const rows = [...items]
    .filter((i) => i.nrr !== null)
    .sort((a, b) => a.nrr! - b.nrr! || a.code.localeCompare(b.code));
  const h = 28;
  const left = 200;
  const width = 560;
  const scale = (v: number) => ((v - 1) / 3) * (width - left - 60);
  return (
    <svg
      viewBox={`0 0 ${width} ${rows.length * h + 24}`}
      width="100%"
      role="img"
      aria-label={title}
      style={{ maxWidth: width }}
    >
      <title>{title}</title>
      {rows.map((r, i) => (
        <g key={r.code} transform={`translate(0,${i * h})`}>
          <text x={0} y={18} fontSize={12} fill="currentColor">
            {`${r.code} ${r.label}`.slice(0, 30)}
          </text>
          <rect
            x={left}
            y={6}
            width={Math.max(2, scale(r.nrr!))}
            height={16}
            fill={r.nrr! < 3 ? "#c92a2a" : r.nrr! < 3.5 ? "#e8590c" : "#2b8a3e"}
            rx={2}
          />
          <text x={left + scale(r.nrr!) + 6} y={18} fontSize={12} fill="currentColor">
            {r.nrr!.toFixed(2)}
          </text>
        </g>
      ))}
      <text x={left} y={rows.length * h + 18} fontSize={10} fill="currentColor">
        1
      </text>
      <text x={width - 60} y={rows.length * h + 18} fontSize={10} fill="currentColor">
        4
      </text>
    </svg>
  );
}
