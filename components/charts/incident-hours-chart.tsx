"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY } from "@/components/charts/chart-theme";
import type { TimelineHour } from "@/lib/queries/incident-timeline";

// Outbound calls per hour around an incident: to its destinations (flagged colour) and others,
// the incident's period shaded, the block request and its taking effect as lines. The page gives
// the same numbers per day as a table.
export function IncidentHoursChart({ hours, period, block, labels, description, locale, timeZone }: {
  hours: TimelineHour[];
  period: { from: string; to: string };
  block: { requested: string | null; completed: string | null };
  labels: { suspicious: string; other: string; requested: string; completed: string };
  description: string;
  locale: string;
  timeZone: string;
}) {
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const tick = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const hourOf = (instant: string | null) => (instant ? new Date(Math.floor(Date.parse(instant) / 3_600_000) * 3_600_000).toISOString() : null);
  const requested = hourOf(block.requested);
  const completed = hourOf(block.completed);
  const localHour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone });
  const midnights = hours.filter((hour) => localHour.format(new Date(hour.hourStart)) === "00").map((hour) => hour.hourStart);
  return (
    <figure role="img" aria-label={description} className="h-64 w-full" data-chart="incident-hours">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={hours} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={0} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="hourStart" ticks={midnights} interval={0} tickFormatter={(value: string) => tick.format(new Date(value))} minTickGap={20} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={count} />
          <Tooltip labelFormatter={(value) => full.format(new Date(String(value)))} formatter={(value, name) => [count(Number(value)), String(name)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceArea x1={hourOf(period.from)!} x2={hourOf(period.to)!} fill={CHART_COLORS.flagged} fillOpacity={0.08} />
          <Bar dataKey="suspicious" stackId="calls" name={labels.suspicious} fill={CHART_COLORS.flagged} isAnimationActive={false} />
          <Bar dataKey="other" stackId="calls" name={labels.other} fill="#94a3b8" isAnimationActive={false} />
          {requested ? <ReferenceLine x={requested} stroke="#0f172a" strokeDasharray="4 3" label={{ value: labels.requested, position: "insideTopLeft", fontSize: 11 }} /> : null}
          {completed ? <ReferenceLine x={completed} stroke="#15803d" label={{ value: labels.completed, position: "insideTopRight", fontSize: 11 }} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
