import type { DetectionCall } from "@/lib/detection/detection-rule";
import { isBusinessHour } from "@/lib/detection/calendar";
import type { DetectionSettings } from "@/lib/detection/detection-settings.schema";

// Small shared views over a day's calls, used by several rules.

export function internationalOutbound(calls: readonly DetectionCall[], allowedCountries: readonly string[] = []): DetectionCall[] {
  return calls.filter((call) => call.direction === "outbound" && call.isInternational && !(call.destinationCountry && allowedCountries.includes(call.destinationCountry)));
}

export type CountryCount = { country: string; calls: number; answered: number; minutes: number; cost: number };

/** Calls per destination country, most called first ("??" when the country is unknown). */
export function topCountries(calls: readonly DetectionCall[], limit = 5): CountryCount[] {
  const byCountry = new Map<string, CountryCount>();
  for (const call of calls) {
    const country = call.destinationCountry ?? "??";
    const entry = byCountry.get(country) ?? { country, calls: 0, answered: 0, minutes: 0, cost: 0 };
    entry.calls++;
    if (call.isAnswered) entry.answered++;
    entry.minutes += call.billableSeconds / 60;
    entry.cost += call.cost;
    byCountry.set(country, entry);
  }
  return [...byCountry.values()]
    .sort((a, b) => b.calls - a.calls)
    .slice(0, limit)
    .map((entry) => ({ ...entry, minutes: Math.round(entry.minutes * 10) / 10, cost: Math.round(entry.cost) }));
}

export function quantile(sortedValues: readonly number[], fraction: number): number {
  if (sortedValues.length === 0) return 0;
  const position = (sortedValues.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sortedValues[lower] + (sortedValues[upper] - sortedValues[lower]) * (position - lower);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function firstAndLast(calls: readonly DetectionCall[]): { firstCallAt: string | null; lastCallAt: string | null } {
  if (calls.length === 0) return { firstCallAt: null, lastCallAt: null };
  return { firstCallAt: new Date(calls[0].startedAtMs).toISOString(), lastCallAt: new Date(calls[calls.length - 1].startedAtMs).toISOString() };
}

const PREMIUM_TYPES: ReadonlySet<string> = new Set(["premium_rate", "shared_cost", "uan"]);

/** Answered outbound calls to premium-rate or shared-cost numbers (0990, 0570, 0180; +979 abroad). */
export function premiumOutbound(calls: readonly DetectionCall[]): DetectionCall[] {
  return calls.filter((call) => call.direction === "outbound" && call.isAnswered && PREMIUM_TYPES.has(call.numberType));
}

/** Calls of over `minutes` while the business is closed. */
export function longWhileClosed(calls: readonly DetectionCall[], day: string, settings: DetectionSettings, minutes: number): DetectionCall[] {
  return calls.filter((call) => !isBusinessHour(day, call.localHour, settings) && call.billableSeconds > minutes * 60);
}

/** "One ring and cut": an inbound call from abroad that rang out within `ringSeconds`, or was answered for under 3 s. */
export function isOneRingFromAbroad(call: DetectionCall, ringSeconds: number): boolean {
  if (call.direction !== "inbound" || !call.isInternational) return false;
  return (call.disposition === "no_answer" && call.durationSeconds <= ringSeconds) || (call.isAnswered && call.billableSeconds < 3);
}

export type Peak = { count: number; atMs: number };

/** The most calls in progress at one moment (a call ending as another starts does not overlap it). */
export function peakConcurrency(calls: readonly DetectionCall[]): Peak {
  const events = calls.filter((call) => call.endedAtMs > call.startedAtMs).flatMap((call) => [[call.startedAtMs, 1], [call.endedAtMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak: Peak = { count: 0, atMs: 0 };
  for (const [atMs, change] of events) {
    current += change;
    if (current > peak.count) peak = { count: current, atMs };
  }
  return peak;
}

/** Parameters: rule defaults overridden by the organization's settings. */
export function paramsFor(defaults: Record<string, number>, overrides: Record<string, number> | undefined): Record<string, number> {
  return { ...defaults, ...(overrides ?? {}) };
}
