import { internationalOutbound, paramsFor, premiumOutbound } from "@/lib/detection/call-sets";
import type { DayInput, DetectionCall, FindingDraft, ReasonCode } from "@/lib/detection/detection-rule";
import { DETECTION_RULES } from "@/lib/detection/rules/registry";

// Runs every enabled rule on one day. A day where a destination is new or high-risk AND volume,
// cost, concurrency or machine-like durations are abnormal is the hijacked-PBX signature: the
// strongest of those findings becomes critical (research notes §3.2, after OpenSIPS / ConnexCS).
// A finding whose calls nearly all came from one account code or extension names it as its
// subject: a provider sees which customer is hit, an office which phone.

const NOVEL_DESTINATION: ReadonlySet<ReasonCode> = new Set(["NEW_COUNTRY", "HIGH_RISK_DEST"]);
const ABNORMAL_TRAFFIC: ReadonlySet<ReasonCode> = new Set(["VOLUME_SPIKE", "COST_SPIKE", "CONCURRENCY", "UNIFORM_SHORT_DURATION"]);

export function evaluateDay(input: DayInput): FindingDraft[] {
  const findings = DETECTION_RULES.flatMap((rule) => {
    const setting = input.settings.rules[rule.id];
    if (setting && !setting.enabled) return [];
    return rule.evaluate(input, paramsFor(rule.defaults, setting?.params));
  });
  const hasNovelDestination = findings.some((finding) => NOVEL_DESTINATION.has(finding.ruleId) && finding.severity !== "low");
  const abnormal = findings.filter((finding) => ABNORMAL_TRAFFIC.has(finding.ruleId)).sort((a, b) => b.score - a.score)[0];
  if (hasNovelDestination && abnormal && abnormal.severity !== "low") {
    abnormal.severity = "critical";
    abnormal.numbers = { ...abnormal.numbers, escalatedBy: findings.filter((finding) => NOVEL_DESTINATION.has(finding.ruleId)).map((finding) => finding.ruleId) };
  }
  for (const finding of findings) attributeSubject(finding, input);
  return findings;
}

const ATTRIBUTION_SHARE = 0.8;
const ATTRIBUTION_MIN_CALLS = 3;

function attributeSubject(finding: FindingDraft, input: DayInput): void {
  if (Object.keys(finding.subject).length > 0) return;
  const countries = countriesNamedBy(finding.numbers);
  const candidates = finding.ruleId === "PREMIUM_DOMESTIC" ? premiumOutbound(input.calls) : internationalOutbound(input.calls, input.settings.allowedCountries);
  const calls = candidates.filter((call) =>
    call.startedAtMs >= finding.periodStartMs && call.startedAtMs <= finding.periodEndMs && (countries.size === 0 || (call.destinationCountry !== null && countries.has(call.destinationCountry))));
  if (calls.length < ATTRIBUTION_MIN_CALLS) return;
  // Naming the only account or line there is would say nothing.
  const varies = (valueOf: (call: DetectionCall) => string | null) => new Set(candidates.map(valueOf).filter(Boolean)).size > 1;
  const account = varies((call) => call.accountCode) ? dominant(calls, (call) => call.accountCode) : null;
  const extension = varies((call) => call.source) ? dominant(calls, (call) => call.source) : null;
  finding.subject = { ...(account ? { account } : {}), ...(extension ? { extension } : {}) };
}

/** The value nearly all calls share (at least 80 %), if any. */
function dominant(calls: readonly DetectionCall[], valueOf: (call: DetectionCall) => string | null): string | null {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const value = valueOf(call);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const [value, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return value !== null && count >= ATTRIBUTION_SHARE * calls.length ? value : null;
}

function countriesNamedBy(numbers: Record<string, unknown>): Set<string> {
  const countries = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && /^[A-Z]{2}$/.test(value)) countries.add(value);
  };
  add(numbers.country);
  if (numbers.kind === "country") add(numbers.destination);
  const top = numbers.topDestinations;
  if (Array.isArray(top)) for (const entry of top) add((entry as { country?: unknown }).country);
  return countries;
}
