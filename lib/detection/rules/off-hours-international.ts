import { isBusinessHour } from "@/lib/detection/calendar";
import { firstAndLast, internationalOutbound, sum, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// OFF_HOURS: international calls while the business is closed — nights, weekends, Japanese public
// holidays, the year-end closure and the organization's own closed days. Hijacked PBXs are made
// to dial when nobody is there to notice. A few daytime calls to countries the business always
// calls (someone working on a holiday) stay low; night calls, many calls, or calls to countries not
// called in 90 days make it medium or high.

export const offHoursInternationalRule: DetectionRule = {
  id: "OFF_HOURS",
  defaults: { minCalls: 3, mediumCalls: 20, highCalls: 50 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => !isBusinessHour(input.day, call.localHour, input.settings));
    if (calls.length < params.minCalls) return [];
    const nightCalls = calls.filter((call) => call.localHour < 6).length;
    const unfamiliar = calls.filter((call) => call.destinationCountry === null || !input.history.countriesCalled.has(call.destinationCountry)).length;
    const isSuspicious = nightCalls >= params.minCalls || calls.length >= params.mediumCalls || unfamiliar >= params.minCalls;
    return [{
      ruleId: "OFF_HOURS",
      severity: calls.length >= params.highCalls ? "high" : isSuspicious ? "medium" : "low",
      score: Math.min(100, 30 + Math.round(Math.log10(calls.length) * 25)),
      day: input.day,
      periodStartMs: calls[0].startedAtMs,
      periodEndMs: calls.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        calls: calls.length,
        answered: calls.filter((call) => call.isAnswered).length,
        nightCalls,
        unfamiliarCountryCalls: unfamiliar,
        dayType: input.dayType,
        businessHours: input.settings.businessHours,
        cost: Math.round(sum(calls.map((call) => call.cost))),
        topDestinations: topCountries(calls),
        ...firstAndLast(calls),
      },
    }];
  },
};
