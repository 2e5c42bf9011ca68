"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY, countryColor, dayTicks } from "@/components/charts/chart-theme";

export type DayCountryPoint = { day: string } & Record<string, number | string>;

// Outbound calls per day of a month, stacked by destination country (each country its colour on
// every chart); flagged days' numbers are drawn bold and red under the axis. The page renders the
// same numbers as a table.
export function OutboundByCountryChart({ data, countries, countryNames, flaggedDays, description, locale }: {
  data: DayCountryPoint[];
  countries: string[];
  countryNames: Record<string, string>;
  flaggedDays: string[];
  description: string;
  locale: string;
}) {
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const longDate = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const flagged = new Set(flaggedDays);
  const ticks = dayTicks(data.length);
  return (
    <figure role="img" aria-label={description} className="h-80 w-full" data-chart="outbound-by-country">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" interval={ticks.interval} minTickGap={ticks.minTickGap} tickLine={false} tick={(props: XAxisTickContentProps) => {
            const day = String(props.payload.value);
            const isFlagged = flagged.has(day);
            return (
              <text x={Number(props.x)} y={Number(props.y) + 12} textAnchor="middle" fontSize={11} fontWeight={isFlagged ? 700 : 400} fill={isFlagged ? CHART_COLORS.flagged : CHART_COLORS.axis} data-flagged-tick={isFlagged ? day : undefined}>
                {ticks.label(day)}
              </text>
            );
          }} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={count} />
          <Tooltip labelFormatter={(day) => longDate(String(day))} formatter={(value, name) => [count(Number(value)), String(name)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {countries.map((country) => (
            <Bar key={country} dataKey={country} stackId="calls" name={countryNames[country] ?? country} fill={countryColor(country)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
