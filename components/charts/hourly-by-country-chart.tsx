"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, CHART_FONT_FAMILY, countryColor } from "@/components/charts/chart-theme";

export type HourPoint = { hour: number; usual: number } & Record<string, number>;

// Outbound calls per hour of one day, stacked by destination country, with the usual calls of
// that weekday's hours as a line. The page renders the same numbers as a table beside it.
export function HourlyByCountryChart({ data, countries, countryNames, usualLabel, description, locale }: {
  data: HourPoint[];
  countries: string[];
  countryNames: Record<string, string>;
  usualLabel: string;
  description: string;
  locale: string;
}) {
  const count = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return (
    <figure role="img" aria-label={description} className="h-80 w-full" data-chart="hourly-by-country">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} style={{ fontFamily: CHART_FONT_FAMILY }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="hour" tickFormatter={(hour) => `${hour}`} interval={1} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickFormatter={count} />
          <Tooltip labelFormatter={(hour) => `${String(hour).padStart(2, "0")}:00`} formatter={(value, name) => [count(Number(value)), String(name)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {countries.map((country) => (
            <Bar key={country} dataKey={country} stackId="calls" name={countryNames[country] ?? country} fill={countryColor(country)} isAnimationActive={false} />
          ))}
          <Line dataKey="usual" name={usualLabel} stroke="#0f172a" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
