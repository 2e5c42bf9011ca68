import { CHART_COLORS, niceMax } from "@/components/charts/chart-theme";

export type TimelineBar = { label: string; calls: number; usualLow: number; usualHigh: number };

// Calls per hour (or per few hours) across an incident as bars, against the organization's usual
// band for the same hours. Plain SVG with a fixed view box: it prints the same as it shows, and
// needs no script (the print view).
export function IncidentTimelineChart({ data, description, labelEvery, callsLabel, usualLabel }: { data: TimelineBar[]; description: string; labelEvery: number; callsLabel: string; usualLabel: string }) {
  const width = 700;
  const height = 200;
  const plot = { left: 44, top: 8, width: 650, height: 160 };
  const top = niceMax(Math.max(1, ...data.map((point) => Math.max(point.calls, point.usualHigh))));
  const step = plot.width / Math.max(data.length, 1);
  const y = (value: number) => plot.top + plot.height - (value / top) * plot.height;
  const band = data.length === 0 ? "" : [
    ...data.map((point, index) => `${plot.left + step * index + step / 2},${y(point.usualHigh)}`),
    ...data.map((point, index) => `${plot.left + step * index + step / 2},${y(point.usualLow)}`).reverse(),
  ].join(" ");
  return (
    <figure role="img" aria-label={description} data-chart="incident-timeline" className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" fontSize="9" fill={CHART_COLORS.axis}>
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <g key={share}>
            <line x1={plot.left} x2={plot.left + plot.width} y1={y(top * share)} y2={y(top * share)} stroke={CHART_COLORS.grid} />
            <text x={plot.left - 4} y={y(top * share) + 3} textAnchor="end">{Math.round(top * share)}</text>
          </g>
        ))}
        {band ? <polygon points={band} fill="#94a3b8" fillOpacity={0.35} /> : null}
        {data.map((point, index) => (
          <rect key={index} x={plot.left + step * index + step * 0.1} width={Math.max(step * 0.8, 0.5)} y={y(point.calls)} height={plot.top + plot.height - y(point.calls)} fill={CHART_COLORS.flagged} />
        ))}
        {data.map((point, index) => (index % labelEvery === 0 ? <text key={index} x={plot.left + step * index + step / 2} y={height - 18} textAnchor="middle">{point.label}</text> : null))}
        <rect x={plot.left} y={height - 10} width={9} height={8} fill={CHART_COLORS.flagged} />
        <text x={plot.left + 13} y={height - 3}>{callsLabel}</text>
        <rect x={plot.left + 90} y={height - 10} width={9} height={8} fill="#94a3b8" fillOpacity={0.35} />
        <text x={plot.left + 103} y={height - 3}>{usualLabel}</text>
      </svg>
    </figure>
  );
}
