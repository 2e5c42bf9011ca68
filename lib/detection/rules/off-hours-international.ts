import { robustBaseline, robustScore, poissonUpperTail } from "@/lib/detection/baseline";
import { isBusinessHour } from "@/lib/detection/calendar";
import { firstAndLast, internationalOutbound, sum, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule, Severity } from "@/lib/detection/detection-rule";

// OFF_HOURS: international calls while the business is closed — nights, weekends, Japanese public
// holidays, the year-end closure and the organization's own closed days. Hijacked PBXs are made
// to dial when nobody is there to notice. Compared with the same kind of day before (median and
// floored MAD with a Poisson tail, as VOLUME_SPIKE): a business that always calls abroad on
// Saturdays is not flagged for it. Night calls (00:00–06:00) are compared the same way, and calls
// to countries not called in 90 days always count. With less than four earlier days of the same
// kind, fixed thresholds apply (times the organization's size): 20 calls (medium), 50 (high), or 3
// at night.

const NIGHT_END_HOUR = 6;
const LEARNED_AFTER_SAMPLES = 4;
/** As NEW_COUNTRY: in the first week every country is unfamiliar. */
const MIN_DAYS_FOR_UNFAMILIAR = 7;

export const offHoursInternationalRule: DetectionRule = {
  id: "OFF_HOURS",
  defaults: { minCalls: 3, mediumCalls: 20, highCalls: 50, minRobustScore: 5, maxTailProbability: 1e-4 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => !isBusinessHour(input.day, call.localHour, input.settings));
    if (calls.length < params.minCalls) return [];
    const nightCalls = calls.filter((call) => call.localHour < NIGHT_END_HOUR).length;
    const unfamiliar = calls.filter((call) => call.destinationCountry === null || !input.history.countriesCalled.has(call.destinationCountry)).length;
    const history = input.history.sameDayTypeOffHours;
    const isLearned = !input.history.isColdStart && history.length >= LEARNED_AFTER_SAMPLES;
    const usual = robustBaseline(history.map((entry) => entry.offHours));
    const usualNight = robustBaseline(history.map((entry) => entry.night));
    const isAbove = (observed: number, baseline: typeof usual, floor: number) =>
      observed >= Math.max(floor, baseline.expected + params.minRobustScore * baseline.scale) && poissonUpperTail(observed, Math.max(baseline.expected, 0.5)) <= params.maxTailProbability;
    const isManyCalls = isLearned ? isAbove(calls.length, usual, params.minCalls) : calls.length >= params.mediumCalls * input.size;
    const isManyAtNight = isLearned ? isAbove(nightCalls, usualNight, params.minCalls) : nightCalls >= params.minCalls * input.size;
    const isUnfamiliar = input.history.daysWithData >= MIN_DAYS_FOR_UNFAMILIAR && unfamiliar >= params.minCalls;
    const isHighVolume = isLearned ? calls.length >= Math.max(params.highCalls, 5 * Math.max(usual.expected, 4)) : calls.length >= params.highCalls * input.size;
    const severity: Severity = isHighVolume && (isManyCalls || isManyAtNight || isUnfamiliar) ? "high" : isManyCalls || isManyAtNight || isUnfamiliar ? "medium" : "low";
    if (severity === "low" && isLearned && calls.length <= usual.expected + usual.scale) return [];
    return [{
      ruleId: "OFF_HOURS",
      severity,
      score: Math.min(100, 30 + Math.round(Math.log10(calls.length) * 15) + Math.max(0, Math.min(40, Math.round(robustScore(calls.length, usual) * 2)))),
      day: input.day,
      periodStartMs: calls[0].startedAtMs,
      periodEndMs: calls.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        calls: calls.length,
        answered: calls.filter((call) => call.isAnswered).length,
        nightCalls,
        unfamiliarCountryCalls: unfamiliar,
        usualCalls: isLearned ? usual.expected : null,
        usualNightCalls: isLearned ? usualNight.expected : null,
        baselineKind: isLearned ? "learned" : "cold-start",
        dayType: input.dayType,
        businessHours: input.settings.businessHours,
        cost: Math.round(sum(calls.map((call) => call.cost))),
        topDestinations: topCountries(calls),
        ...firstAndLast(calls),
      },
    }];
  },
};
