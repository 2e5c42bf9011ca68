"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY, dayTicks } from "@/components/charts/chart-theme";

export type ChargesPoint = { day: string; estimatedCost: number; isFlagged: boolean };

// Estimated charges per day of a month; flagged days in the flagged colour. The page renders the
// same numbers as a table.
export function ChargesPerDayChart({ data, currency, label, description, locale }: { data: ChargesPoint[]; currency: string; label: string; description: string; locale: string }) {
  const money = (value: number) => new Intl.NumberFormat(locale, { style: "currency", currency, notation: value >= 100_000 ? "compact" : "standard", maximumFractionDigits: 0 }).format(value);
  const exact = (value: number) => new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(value);
  const ticks = dayTicks(data.length);
  const longDate = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  return (
    <figure role="img" aria-label={description} className="h-64 w-full" data-chart="charges-per-day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={ticks.label} interval={ticks.interval} minTickGap={ticks.minTickGap} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis width={64} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={money} />
          <Tooltip labelFormatter={(day) => longDate(String(day))} formatter={(value) => [exact(Number(value)), label]} />
          <Bar dataKey="estimatedCost" name={label} isAnimationActive={false}>
            {data.map((point) => <Cell key={point.day} fill={point.isFlagged ? CHART_COLORS.flagged : CHART_COLORS.calls} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
