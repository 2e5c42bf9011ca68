"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY, dayTicks } from "@/components/charts/chart-theme";

export type CallsPerDayPoint = { day: string; calls: number; isFlagged?: boolean };

// Draws what it is given (STYLE.md rule 9): one bar per day that had calls. The accessible text
// alternative is the summary table the page renders beside it.

export function CallsPerDayBarChart({
  data,
  locale,
  description,
  callsLabel,
}: {
  data: CallsPerDayPoint[];
  locale: string;
  description: string;
  callsLabel: string;
}) {
  const ticks = dayTicks(data.length);
  const longDate = (day: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);

  return (
    <figure role="img" aria-label={description} className="h-72 w-full" data-chart="calls-per-day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={ticks.label} interval={ticks.interval} minTickGap={ticks.minTickGap} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={count} />
          <Tooltip
            cursor={{ fill: "rgba(29, 95, 191, 0.08)" }}
            labelFormatter={(day) => longDate(String(day))}
            formatter={(value) => [count(Number(value)), callsLabel]}
          />
          <Bar dataKey="calls" name={callsLabel} fill={CHART_COLORS.calls} isAnimationActive={false} shape={DayBar} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A bar that carries its day and count, so tests and assistive tools can read what is drawn. */
function DayBar(props: BarShapeProps) {
  const point = props.payload as CallsPerDayPoint | undefined;
  if (!point || point.calls === 0) return <g />;
  return <Rectangle {...props} fill={point.isFlagged ? CHART_COLORS.flagged : CHART_COLORS.calls} data-chart-bar={point.day} data-value={point.calls} data-flagged={point.isFlagged ? "true" : undefined} />;
}
