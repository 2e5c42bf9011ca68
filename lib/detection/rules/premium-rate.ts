import { firstAndLast, longWhileClosed, premiumOutbound, quantile, sum } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// PREMIUM_DOMESTIC: premium-rate and shared-cost numbers (0990, 0570, 0180 in Japan; +979 abroad),
// whose charges are high and shared with whoever runs the number: more minutes than this
// organization uses, or more long premium-rate calls while it is closed. Learned from the last four
// weeks (twice the 95th percentile of daily minutes; twice the most long closed-hours premium-rate
// calls in a day); with less than two weeks, twice the busiest earlier day and at least 60 min a day
// times the organization's size, and any premium-rate call over 30 min while closed; with no earlier
// day at all, only the long calls.

const LEARNED_AFTER_DAYS = 14;

export const premiumRateRule: DetectionRule = {
  id: "PREMIUM_DOMESTIC",
  defaults: { maxMinutesPerDay: 60, maxCallMinutesOffHours: 30, multipleOfUsual: 2 },
  evaluate(input, params) {
    const calls = premiumOutbound(input.calls);
    if (calls.length === 0) return [];
    const minutes = sum(calls.map((call) => call.billableSeconds)) / 60;
    // Long calls while closed count for true premium-rate numbers only: a 40-minute wait in a
    // company's 0570 queue is ordinary, a 40-minute 0990 call at night is the abuse pattern.
    const longOffHours = longWhileClosed(calls.filter((call) => call.numberType === "premium_rate"), input.day, input.settings, params.maxCallMinutesOffHours);
    const history = input.history.premiumDays;
    const isLearned = history.length >= LEARNED_AFTER_DAYS;
    const usualMinutes = quantile(history.map((entry) => entry.minutes).sort((a, b) => a - b), 0.95);
    const busiestMinutes = Math.max(0, ...history.map((entry) => entry.minutes));
    const minutesThreshold = isLearned
      ? Math.max(params.maxMinutesPerDay, params.multipleOfUsual * usualMinutes)
      : Math.max(params.maxMinutesPerDay * input.size, params.multipleOfUsual * busiestMinutes);
    const longThreshold = isLearned ? params.multipleOfUsual * Math.max(0, ...history.map((entry) => entry.longOffHours)) : 0;
    // Without any earlier day, minutes say nothing about this organization: only long calls count.
    const isTooManyMinutes = history.length > 0 && minutes > minutesThreshold;
    const isTooManyLong = longOffHours.length > longThreshold;
    if (!isTooManyMinutes && !isTooManyLong) return [];
    return [{
      ruleId: "PREMIUM_DOMESTIC",
      severity: minutes > 3 * minutesThreshold || longOffHours.length >= 3 + longThreshold ? "high" : "medium",
      score: Math.min(100, 40 + Math.round(Math.log10(Math.max(1, minutes / minutesThreshold)) * 30) + Math.min(30, (longOffHours.length - longThreshold) * 5)),
      day: input.day,
      periodStartMs: calls[0].startedAtMs,
      periodEndMs: calls.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        calls: calls.length,
        minutes: Math.round(minutes * 10) / 10,
        maxMinutesPerDay: Math.round(minutesThreshold),
        thresholdKind: isLearned && minutesThreshold > params.maxMinutesPerDay ? "learned" : "floor",
        usualMinutes: Math.round(usualMinutes * 10) / 10,
        longOffHoursCalls: longOffHours.length,
        usualLongOffHoursCalls: longThreshold / params.multipleOfUsual,
        longestMinutes: Math.round(Math.max(...calls.map((call) => call.billableSeconds)) / 6) / 10,
        numbers: [...new Set(calls.map((call) => call.destination))].slice(0, 10),
        cost: Math.round(sum(calls.map((call) => call.cost))),
        ...firstAndLast(calls),
      },
    }];
  },
};
