// One palette and one set of axis/tooltip conventions for every chart.

export const CHART_COLORS = {
  calls: "#1d5fbf",
  flagged: "#c2410c",
  grid: "#e2e8f0",
  axis: "#475569",
} as const;

export const CHART_FONT_FAMILY = "var(--font-sans)";

/** Colours for destination countries: the same country is the same colour on every chart. */
const COUNTRY_PALETTE = ["#1d5fbf", "#c2410c", "#15803d", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f", "#9f1239", "#1e40af"];

export function countryColor(country: string): string {
  if (country === "other") return "#94a3b8";
  if (country === "JP") return "#64748b";
  let hash = 0;
  for (const char of country) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COUNTRY_PALETTE[hash % COUNTRY_PALETTE.length];
}

/** An axis maximum with round ticks: the next 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power;
}

/** X-axis ticks of a per-day chart: every day number within a month, "M/D" thinned out over longer ranges. */
export function dayTicks(days: number): { interval: 0 | "preserveStartEnd"; minTickGap: number; label: (day: string) => string } {
  const isLong = days > 31;
  return {
    interval: isLong ? "preserveStartEnd" : 0,
    minTickGap: isLong ? 16 : 0,
    label: (day) => (isLong ? `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}` : String(Number(day.slice(8, 10)))),
  };
}
