import "server-only";
import { CHART_COLORS, countryColor } from "@/components/charts/chart-theme";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { BASELINE_DAYS } from "@/lib/evidence-pack/baseline";
import { drawBarChart } from "@/lib/evidence-pack/pdf/draw-bar-chart";
import { COLORS, CONTENT_WIDTH, ensureSpace, heading, PAGE, paragraph, table, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";

// The pattern as charts (the same data and palette as the dashboard's charts) and tables.

export function drawPattern(writer: PdfWriter, pack: EvidencePack): void {
  const { doc, text } = writer;
  const { pattern } = text.messages;
  heading(writer, pattern.title);

  const hours = pack.timeline.bucketHours === 1 ? pattern.timelineHours : text.fill(pattern.timelineHoursMany, { hours: pack.timeline.bucketHours });
  chartTitle(writer, text.fill(pattern.timeline, { hours }), 190);
  const points = pack.timeline.points;
  doc.y = drawBarChart(writer, {
    labels: points.map((point) => `${text.stamp(point.startsAt).slice(5, 13)}:00`),
    series: [{ key: "calls", label: pattern.calls, color: CHART_COLORS.flagged, values: points.map((point) => point.calls) }],
    band: { label: pattern.usual, low: points.map((point) => point.usualLow), high: points.map((point) => point.usualHigh) },
    labelEvery: Math.max(1, Math.ceil(points.length / 8)),
    height: 135,
  }, PAGE.margin, doc.y, CONTENT_WIDTH) + 4;
  paragraph(writer, text.fill(pattern.timelineNote, { days: BASELINE_DAYS }), { size: 8, color: COLORS.muted });

  chartTitle(writer, pattern.hourOfDay, 190);
  const countries = pack.hourOfDay.countries;
  doc.y = drawBarChart(writer, {
    labels: pack.hourOfDay.points.map((point) => String(point.hour)),
    series: countries.map((country) => ({ key: country, label: text.country(country), color: countryColor(country), values: pack.hourOfDay.points.map((point) => point.byCountry[country] ?? 0) })),
    line: { label: pattern.usual, values: pack.hourOfDay.points.map((point) => point.usual) },
    labelEvery: 1,
    height: 135,
  }, PAGE.margin, doc.y, CONTENT_WIDTH) + 4;
  paragraph(writer, text.fill(pattern.hourOfDayNote, { days: BASELINE_DAYS }), { size: 8, color: COLORS.muted });

  chartTitle(writer, pattern.durations, 170);
  doc.y = drawBarChart(writer, {
    labels: pack.durations.map((bucket) => String(bucket.from)),
    series: [{ key: "calls", label: "", color: CHART_COLORS.calls, values: pack.durations.map((bucket) => bucket.calls) }],
    labelEvery: 6,
    height: 115,
  }, PAGE.margin, doc.y, CONTENT_WIDTH) + 4;
  paragraph(writer, pattern.durationsNote, { size: 8, color: COLORS.muted });

  chartTitle(writer, pattern.destinations, 80);
  table(writer, [
    { title: pattern.country, width: 200 }, { title: pattern.calls, width: 100, align: "right" }, { title: pattern.minutes, width: 100, align: "right" }, { title: pattern.charges, width: CONTENT_WIDTH - 400, align: "right" },
  ], pack.destinations.map((row) => [text.country(row.country), text.number(row.calls), text.number(row.minutes), text.money(row.charge)]), 9);
  chartTitle(writer, pattern.ranges, 80);
  table(writer, [
    { title: pattern.range, width: 200 }, { title: pattern.country, width: 120 }, { title: pattern.calls, width: 90, align: "right" }, { title: pattern.distinctNumbers, width: CONTENT_WIDTH - 410, align: "right" },
  ], pack.numberRanges.map((row) => [`${row.range}…`, text.country(row.country), text.number(row.calls), text.number(row.distinctNumbers)]), 9);
}

function chartTitle(writer: PdfWriter, title: string, spaceBelow: number): void {
  ensureSpace(writer, spaceBelow + 20);
  writer.doc.moveDown(0.4);
  paragraph(writer, title, { bold: true, size: 10 });
}
