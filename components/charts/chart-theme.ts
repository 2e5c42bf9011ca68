// One palette and one set of axis/tooltip conventions for every chart.

export const CHART_COLORS = {
  calls: "#1d5fbf",
  flagged: "#c2410c",
  grid: "#e2e8f0",
  axis: "#475569",
} as const;

export const CHART_FONT_FAMILY = "var(--font-sans)";
