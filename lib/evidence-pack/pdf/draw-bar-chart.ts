import "server-only";
import { CHART_COLORS, niceMax } from "@/components/charts/chart-theme";
import { COLORS, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";

// Vector bar charts drawn with pdfkit's paths, in the dashboard's palette (chart-theme.ts): stacked
// bars, an optional line (the usual calls) and an optional band (the usual range), y axis with
// round ticks, and x labels every few bars.

export type BarSeries = { key: string; label: string; color: string; values: number[] };
export type BarChart = {
  labels: string[];
  series: BarSeries[];
  line?: { label: string; values: number[] };
  band?: { label: string; low: number[]; high: number[] };
  labelEvery: number;
  height: number;
};

const AXIS_WIDTH = 40;
const LEGEND_HEIGHT = 14;

export function drawBarChart(writer: PdfWriter, chart: BarChart, x: number, y: number, width: number): number {
  const { doc, text } = writer;
  const plotX = x + AXIS_WIDTH;
  const plotWidth = width - AXIS_WIDTH;
  const plotHeight = chart.height - LEGEND_HEIGHT - 14;
  const totals = chart.labels.map((_, index) => chart.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0));
  const top = niceMax(Math.max(...totals, ...(chart.line?.values ?? [0]), ...(chart.band?.high ?? [0])));
  const scale = (value: number) => y + plotHeight - (value / top) * plotHeight;
  const step = plotWidth / Math.max(chart.labels.length, 1);

  doc.font("regular").fontSize(7).fillColor(CHART_COLORS.axis);
  for (let tick = 0; tick <= 4; tick++) {
    const value = (top / 4) * tick;
    doc.moveTo(plotX, scale(value)).lineTo(plotX + plotWidth, scale(value)).lineWidth(0.4).strokeColor(CHART_COLORS.grid).stroke();
    doc.text(text.number(value), x, scale(value) - 4, { width: AXIS_WIDTH - 4, align: "right", lineBreak: false });
  }
  if (chart.band && chart.band.high.length > 0) {
    const { low, high } = chart.band;
    doc.moveTo(plotX, scale(high[0]));
    high.forEach((value, index) => doc.lineTo(plotX + step * index + step / 2, scale(value)));
    for (let index = low.length - 1; index >= 0; index--) doc.lineTo(plotX + step * index + step / 2, scale(low[index]));
    doc.closePath().fillOpacity(0.35).fill("#94a3b8").fillOpacity(1);
  }
  chart.labels.forEach((_, index) => {
    let base = 0;
    for (const series of chart.series) {
      const value = series.values[index] ?? 0;
      if (value <= 0) continue;
      const barTop = scale(base + value);
      doc.rect(plotX + step * index + step * 0.1, barTop, Math.max(step * 0.8, 0.4), scale(base) - barTop).fill(series.color);
      base += value;
    }
  });
  if (chart.line) {
    chart.line.values.forEach((value, index) => {
      const pointX = plotX + step * index + step / 2;
      if (index === 0) doc.moveTo(pointX, scale(value));
      else doc.lineTo(pointX, scale(value));
    });
    doc.lineWidth(1).dash(3, { space: 2 }).strokeColor(COLORS.text).stroke().undash();
  }
  doc.moveTo(plotX, y + plotHeight).lineTo(plotX + plotWidth, y + plotHeight).lineWidth(0.6).strokeColor(CHART_COLORS.axis).stroke();
  doc.font("regular").fontSize(6.5).fillColor(CHART_COLORS.axis);
  chart.labels.forEach((label, index) => {
    if (index % chart.labelEvery !== 0) return;
    doc.text(label, plotX + step * index - 20 + step / 2, y + plotHeight + 3, { width: 40, align: "center", lineBreak: false });
  });
  drawLegend(writer, chart, plotX, y + plotHeight + 14);
  doc.fillColor(COLORS.text);
  return y + chart.height;
}

function drawLegend({ doc }: PdfWriter, chart: BarChart, x: number, y: number): void {
  const entries: { label: string; color: string; kind: "box" | "line" | "band" }[] = [
    ...(chart.series.length > 1 || chart.series[0]?.label ? chart.series.map((series) => ({ label: series.label, color: series.color, kind: "box" as const })) : []),
    ...(chart.band ? [{ label: chart.band.label, color: "#94a3b8", kind: "band" as const }] : []),
    ...(chart.line ? [{ label: chart.line.label, color: COLORS.text, kind: "line" as const }] : []),
  ];
  let cursor = x;
  doc.fontSize(7);
  for (const entry of entries) {
    if (entry.kind === "line") doc.moveTo(cursor, y + 4).lineTo(cursor + 10, y + 4).lineWidth(1).dash(3, { space: 2 }).strokeColor(entry.color).stroke().undash();
    else doc.rect(cursor, y, 10, 8).fillOpacity(entry.kind === "band" ? 0.35 : 1).fill(entry.color).fillOpacity(1);
    doc.fillColor(COLORS.muted).text(entry.label, cursor + 13, y, { lineBreak: false });
    cursor += 13 + doc.widthOfString(entry.label) + 12;
  }
}
