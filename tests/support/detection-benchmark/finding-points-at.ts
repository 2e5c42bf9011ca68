import type { ScenarioLabel } from "@/lib/simulation/simulated-call";

// Whether a finding is about a labelled scenario: its period overlaps the scenario's calls, the
// account or extension it names (if any) is the scenario's, and the countries it names (if any)
// include one the scenario called. A finding that names nothing more precise than a time — a
// number range, a premium-rate total — matches on time alone.

export type FindingLike = {
  severity: string;
  periodStartMs: number;
  periodEndMs: number;
  subject: Record<string, string>;
  numbers: Record<string, unknown>;
};

export function findingPointsAt(finding: FindingLike, label: ScenarioLabel, view: "pbx" | "carrier"): boolean {
  if (finding.periodEndMs < label.firstCallAtMs || finding.periodStartMs > label.lastCallAtMs) return false;
  if (finding.subject.account && label.accountCode && finding.subject.account !== label.accountCode) return false;
  // A bill names lines, not the PBX's extensions.
  if (view === "pbx" && finding.subject.extension && !label.extensions.includes(finding.subject.extension)) return false;
  const named = countriesNamedBy(finding.numbers);
  if (named.size === 0 || label.countries.length === 0) return true;
  return label.countries.some((country) => named.has(country));
}

function countriesNamedBy(numbers: Record<string, unknown>): Set<string> {
  const countries = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && /^[A-Z]{2}$/.test(value)) countries.add(value);
  };
  add(numbers.country);
  if (numbers.kind === "country") add(numbers.destination);
  for (const key of ["topDestinations", "originCountries"]) {
    const list = numbers[key];
    if (Array.isArray(list)) for (const entry of list) add((entry as { country?: unknown }).country);
  }
  return countries;
}
