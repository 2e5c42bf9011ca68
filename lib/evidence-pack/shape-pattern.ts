import type { DurationBucket } from "@/components/charts/duration-histogram";
import type { DetectionSettings } from "@/lib/detection/detection-settings.schema";
import { isBusinessHour } from "@/lib/detection/calendar";
import type { DestinationRow, EvidenceCall, EvidencePack, HourOfDayPoint, NumberRangeRow, TimelinePoint } from "@/lib/evidence-pack/evidence-pack";
import type { UsualHours } from "@/lib/evidence-pack/load-usual-traffic";

// The incident's calls shaped for the charts and the summary: pure, so the PDF, the print view and
// the tests read the same numbers. Durations use the day page's 5-second buckets (300 s and over in
// one); the usual band of an hour is the 10th to 90th percentile of that hour over the baseline days.

const DURATION_STEP = 5;
const DURATION_MAX = 300;
const TOP_COUNTRIES = 6;
const TOP_RANGES = 15;
const MAX_TIMELINE_POINTS = 192;
const HOUR_MS = 3_600_000;

type LocalTime = { day: string; hour: number };

/** Local day and hour of instants in one zone (cached per hour: calls come in thousands per hour). */
export function localTimeIn(timeZone: string): (instant: Date) => LocalTime {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
  const cache = new Map<number, LocalTime>();
  return (instant) => {
    const hourKey = Math.floor(instant.getTime() / HOUR_MS);
    let local = cache.get(hourKey);
    if (!local) {
      const parts = Object.fromEntries(format.formatToParts(new Date(hourKey * HOUR_MS)).map((part) => [part.type, part.value]));
      local = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
      cache.set(hourKey, local);
    }
    return local;
  };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * share;
  const low = Math.floor(position);
  return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
}

export function shapeTimeline(calls: readonly EvidenceCall[], usual: UsualHours, localTime: (instant: Date) => LocalTime): EvidencePack["timeline"] {
  if (calls.length === 0) return { bucketHours: 1, points: [] };
  const firstHour = Math.floor(calls[0].startedAt.getTime() / HOUR_MS);
  const lastHour = Math.floor(calls.at(-1)!.startedAt.getTime() / HOUR_MS);
  const bucketHours = [1, 2, 3, 6, 12, 24].find((hours) => (lastHour - firstHour + 1) / hours <= MAX_TIMELINE_POINTS) ?? 24;
  const points: TimelinePoint[] = [];
  for (let hour = firstHour; hour <= lastHour; hour += bucketHours) {
    let usualLow = 0;
    let usualHigh = 0;
    for (let offset = 0; offset < bucketHours; offset++) {
      const values = usual[localTime(new Date((hour + offset) * HOUR_MS)).hour];
      usualLow += percentile(values, 0.1);
      usualHigh += percentile(values, 0.9);
    }
    points.push({ startsAt: new Date(hour * HOUR_MS), calls: 0, usualLow: round1(usualLow), usualHigh: round1(usualHigh) });
  }
  for (const call of calls) points[Math.floor((Math.floor(call.startedAt.getTime() / HOUR_MS) - firstHour) / bucketHours)].calls++;
  return { bucketHours, points };
}

export function shapeHourOfDay(calls: readonly EvidenceCall[], usual: UsualHours, localTime: (instant: Date) => LocalTime): EvidencePack["hourOfDay"] {
  const totals = new Map<string, number>();
  for (const call of calls) totals.set(call.country ?? "??", (totals.get(call.country ?? "??") ?? 0) + 1);
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_COUNTRIES).map(([country]) => country);
  const points: HourOfDayPoint[] = Array.from({ length: 24 }, (_, hour) => ({ hour, byCountry: {}, usual: round1(usual[hour].reduce((sum, value) => sum + value, 0) / usual[hour].length) }));
  for (const call of calls) {
    const country = top.includes(call.country ?? "??") ? call.country ?? "??" : "other";
    const byCountry = points[localTime(call.startedAt).hour].byCountry;
    byCountry[country] = (byCountry[country] ?? 0) + 1;
  }
  return { countries: totals.size > top.length ? [...top, "other"] : top, points };
}

export function shapeDurations(calls: readonly EvidenceCall[]): DurationBucket[] {
  const counts = new Array<number>(DURATION_MAX / DURATION_STEP + 1).fill(0);
  for (const call of calls) if (call.disposition === "answered") counts[Math.min(Math.floor(call.billableSeconds / DURATION_STEP), DURATION_MAX / DURATION_STEP)]++;
  return counts.map((calls, index) => ({
    bucket: index === DURATION_MAX / DURATION_STEP ? `${DURATION_MAX}+` : `${index * DURATION_STEP}–${index * DURATION_STEP + DURATION_STEP - 1}`,
    from: index * DURATION_STEP,
    calls,
  }));
}

/** The number without its last four digits: the range it belongs to (as the day page groups them). */
export function numberRangeOf(number: string): string {
  return number.slice(0, Math.max(number.length - 4, 1));
}

export function shapeDestinations(calls: readonly EvidenceCall[]): { destinations: DestinationRow[]; numberRanges: NumberRangeRow[] } {
  const byCountry = new Map<string, DestinationRow>();
  const byRange = new Map<string, NumberRangeRow & { numbers: Set<string> }>();
  for (const call of calls) {
    const country = call.country ?? "??";
    const row = byCountry.get(country) ?? { country, calls: 0, minutes: 0, charge: 0 };
    row.calls++;
    row.minutes += call.billableSeconds / 60;
    row.charge += call.charge;
    byCountry.set(country, row);
    const range = numberRangeOf(call.destination);
    const rangeRow = byRange.get(range) ?? { country, range, calls: 0, distinctNumbers: 0, numbers: new Set<string>() };
    rangeRow.calls++;
    rangeRow.numbers.add(call.destination);
    byRange.set(range, rangeRow);
  }
  return {
    destinations: [...byCountry.values()].map((row) => ({ ...row, minutes: round1(row.minutes), charge: Math.round(row.charge) })).sort((a, b) => b.calls - a.calls),
    numberRanges: [...byRange.values()].sort((a, b) => b.calls - a.calls).slice(0, TOP_RANGES).map(({ numbers, ...row }) => ({ ...row, distinctNumbers: numbers.size })),
  };
}

export function shapeTotals(calls: readonly EvidenceCall[], settings: DetectionSettings, localTime: (instant: Date) => LocalTime): EvidencePack["totals"] {
  const gaps: number[] = [];
  for (let index = 1; index < calls.length; index++) gaps.push((calls[index].startedAt.getTime() - calls[index - 1].startedAt.getTime()) / 1000);
  let nightCalls = 0;
  let offHoursCalls = 0;
  for (const call of calls) {
    const local = localTime(call.startedAt);
    if (local.hour < 6) nightCalls++;
    if (!isBusinessHour(local.day, local.hour, settings)) offHoursCalls++;
  }
  const billed = calls.filter((call) => !call.isChargeEstimated);
  return {
    answered: calls.filter((call) => call.disposition === "answered").length,
    billableSeconds: calls.reduce((sum, call) => sum + call.billableSeconds, 0),
    carrierBilled: billed.length === 0 ? null : Math.round(billed.reduce((sum, call) => sum + call.charge, 0)),
    distinctNumbers: new Set(calls.map((call) => call.destination)).size,
    medianGapSeconds: gaps.length === 0 ? null : round1(percentile(gaps, 0.5)),
    nightCalls,
    offHoursCalls,
  };
}

export function shapeSources(calls: readonly (EvidenceCall & { account: string | null })[]): EvidencePack["sources"] {
  const bySource = new Map<string, { source: string; account: string | null; calls: number }>();
  for (const call of calls) {
    const key = `${call.source}\u0000${call.account ?? ""}`;
    const row = bySource.get(key) ?? { source: call.source, account: call.account, calls: 0 };
    row.calls++;
    bySource.set(key, row);
  }
  return [...bySource.values()].sort((a, b) => b.calls - a.calls).slice(0, 10);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
