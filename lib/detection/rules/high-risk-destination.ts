import { firstAndLast } from "@/lib/detection/call-sets";
import { highRiskDestination } from "@/lib/detection/data/high-risk-destinations";
import type { DetectionCall, DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// HIGH_RISK_DEST: answered calls to destinations repeatedly reported for international revenue
// share fraud, or to satellite / international-network / international premium ranges (the curated,
// sourced list in data/high-risk-destinations.json). One finding per destination and day.

export const highRiskDestinationRule: DetectionRule = {
  id: "HIGH_RISK_DEST",
  defaults: { minRisk: 2, minAnsweredCalls: 1 },
  evaluate(input, params) {
    const byDestination = new Map<string, { match: NonNullable<ReturnType<typeof highRiskDestination>>; calls: DetectionCall[] }>();
    for (const call of input.calls) {
      if (call.direction !== "outbound" || !call.isInternational) continue;
      if (call.destinationCountry && input.settings.allowedCountries.includes(call.destinationCountry)) continue;
      const match = highRiskDestination(call.destination.startsWith("+") ? call.destination : null, call.destinationCountry);
      if (!match || match.risk < params.minRisk) continue;
      const entry = byDestination.get(match.code) ?? { match, calls: [] };
      entry.calls.push(call);
      byDestination.set(match.code, entry);
    }
    const findings: FindingDraft[] = [];
    for (const { match, calls } of byDestination.values()) {
      const answered = calls.filter((call) => call.isAnswered);
      if (answered.length < params.minAnsweredCalls) continue;
      findings.push({
        ruleId: "HIGH_RISK_DEST",
        severity: match.risk >= 3 ? "high" : "medium",
        score: Math.min(100, match.risk * 25 + Math.round(Math.log10(answered.length + 1) * 10)),
        day: input.day,
        periodStartMs: calls[0].startedAtMs,
        periodEndMs: calls.at(-1)!.endedAtMs,
        subject: {},
        key: match.code,
        numbers: {
          destination: match.code,
          kind: match.kind,
          name: match.name,
          risk: match.risk,
          sources: match.sources,
          calls: calls.length,
          answered: answered.length,
          minutes: Math.round(answered.reduce((total, call) => total + call.billableSeconds, 0) / 6) / 10,
          cost: Math.round(calls.reduce((total, call) => total + call.cost, 0)),
          distinctNumbers: new Set(calls.map((call) => call.destination)).size,
          ...firstAndLast(calls),
        },
      });
    }
    return findings;
  },
};
