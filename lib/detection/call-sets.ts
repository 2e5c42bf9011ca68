import type { DetectionCall } from "@/lib/detection/detection-rule";

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

/** Parameters: rule defaults overridden by the organization's settings. */
export function paramsFor(defaults: Record<string, number>, overrides: Record<string, number> | undefined): Record<string, number> {
  return { ...defaults, ...(overrides ?? {}) };
}
