import { firstAndLast, internationalOutbound, topCountries } from "@/lib/detection/call-sets";
import { countryRisk } from "@/lib/detection/data/high-risk-destinations";
import type { DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// NEW_COUNTRY: calls to a country this organization has not called in the previous 90 days,
// weighted by that country's risk. Needs a week of history: on a first upload every country is new.
// Calls on flagged days do not count as history, so an attack stays "new" every day it goes on.

export const newDestinationCountryRule: DetectionRule = {
  id: "NEW_COUNTRY",
  defaults: { minCalls: 3, minAnsweredSeconds: 60, minHistoryDays: 7 },
  evaluate(input, params) {
    if (input.history.daysWithData < params.minHistoryDays) return [];
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter(
      (call) => call.destinationCountry && !input.history.countriesCalled.has(call.destinationCountry),
    );
    const findings: FindingDraft[] = [];
    for (const country of topCountries(calls, 50)) {
      const countryCalls = calls.filter((call) => call.destinationCountry === country.country);
      const longest = Math.max(0, ...countryCalls.filter((call) => call.isAnswered).map((call) => call.billableSeconds));
      if (country.calls < params.minCalls && longest <= params.minAnsweredSeconds) continue;
      const risk = countryRisk(country.country);
      findings.push({
        ruleId: "NEW_COUNTRY",
        severity: risk >= 3 || country.calls >= 50 ? "high" : risk >= 2 || country.calls >= 10 ? "medium" : "low",
        score: Math.min(100, 20 * risk + Math.round(Math.log10(country.calls + 1) * 15)),
        day: input.day,
        periodStartMs: countryCalls[0].startedAtMs,
        periodEndMs: countryCalls.at(-1)!.endedAtMs,
        subject: {},
        key: country.country,
        numbers: {
          country: country.country,
          calls: country.calls,
          answered: country.answered,
          minutes: country.minutes,
          cost: country.cost,
          risk,
          historyDays: 90,
          countriesCalledBefore: input.history.countriesCalled.size,
          flaggedSince: input.history.countriesOnFlaggedDays.get(country.country),
          longestAnsweredSeconds: longest,
          ...firstAndLast(countryCalls),
        },
      });
    }
    return findings;
  },
};
