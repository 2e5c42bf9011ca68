"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY } from "@/components/charts/chart-theme";

export type DurationBucket = { bucket: string; from: number; calls: number };

// How long the day's answered outbound calls lasted, in 5-second steps: people talk for varied
// lengths; a machine's calls pile up in one bar (the 30-second spike of a flood).
export function DurationHistogram({ data, callsLabel, secondsLabel, description, locale }: { data: DurationBucket[]; callsLabel: string; secondsLabel: string; description: string; locale: string }) {
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  return (
    <figure role="img" aria-label={description} className="h-64 w-full" data-chart="durations">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="from" interval={5} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} tickFormatter={(from) => `${from}`} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={count} />
          <Tooltip labelFormatter={(_from, payload) => `${String((payload?.[0]?.payload as DurationBucket | undefined)?.bucket ?? "")} ${secondsLabel}`} formatter={(value) => [count(Number(value)), callsLabel]} />
          <Bar dataKey="calls" name={callsLabel} fill={CHART_COLORS.calls} isAnimationActive={false} shape={DurationBar} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

function DurationBar(props: BarShapeProps) {
  const point = props.payload as DurationBucket | undefined;
  if (!point || point.calls === 0) return <g />;
  return <Rectangle {...props} data-duration-bucket={point.from} data-value={point.calls} />;
}
