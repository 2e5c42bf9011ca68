import list from "@/lib/detection/data/high-risk-destinations.json";

// The curated high-risk destination list (data, with a public source per entry, in the JSON file).

export type HighRiskMatch = { kind: "country" | "prefix"; code: string; name: string; risk: number; sources: string[] };

const BY_COUNTRY = new Map(list.countries.map((entry) => [entry.country, entry]));

/** The list's entry for a call's destination (E.164 prefix first, then country), or null. */
export function highRiskDestination(e164: string | null, country: string | null): HighRiskMatch | null {
  if (e164) {
    const prefix = list.prefixes.find((entry) => e164.startsWith(entry.prefix));
    if (prefix) return { kind: "prefix", code: prefix.prefix, name: prefix.name, risk: prefix.risk, sources: prefix.sources.map(sourceText) };
  }
  const entry = country ? BY_COUNTRY.get(country) : undefined;
  return entry ? { kind: "country", code: entry.country, name: entry.name, risk: entry.risk, sources: entry.sources.map(sourceText) } : null;
}

/** Risk weight of a country for scoring: 1 when not on the list. */
export function countryRisk(country: string | null): number {
  return (country && BY_COUNTRY.get(country)?.risk) || 1;
}

function sourceText(id: string): string {
  return (list.sources as Record<string, string>)[id] ?? id;
}
