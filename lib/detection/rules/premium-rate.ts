import { isBusinessHour } from "@/lib/detection/calendar";
import { firstAndLast, sum } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// PREMIUM_DOMESTIC: premium-rate and shared-cost numbers (0990, 0570, 0180 in Japan; +979 abroad):
// long or many minutes, or a long call while the business is closed. Their charges are high and
// their revenue shared with whoever runs the number.

const PREMIUM_TYPES = new Set(["premium_rate", "shared_cost", "uan"]);

export const premiumRateRule: DetectionRule = {
  id: "PREMIUM_DOMESTIC",
  defaults: { maxMinutesPerDay: 60, maxCallMinutesOffHours: 30 },
  evaluate(input, params) {
    const calls = input.calls.filter((call) => call.direction === "outbound" && call.isAnswered && PREMIUM_TYPES.has(call.numberType));
    const minutes = sum(calls.map((call) => call.billableSeconds)) / 60;
    const longOffHours = calls.filter((call) => !isBusinessHour(input.day, call.localHour, input.settings) && call.billableSeconds > params.maxCallMinutesOffHours * 60);
    if (minutes <= params.maxMinutesPerDay && longOffHours.length === 0) return [];
    return [{
      ruleId: "PREMIUM_DOMESTIC",
      severity: minutes > 3 * params.maxMinutesPerDay || longOffHours.length >= 3 ? "high" : "medium",
      score: Math.min(100, 40 + Math.round(minutes / 10) + longOffHours.length * 5),
      day: input.day,
      periodStartMs: calls[0].startedAtMs,
      periodEndMs: calls.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        calls: calls.length,
        minutes: Math.round(minutes * 10) / 10,
        maxMinutesPerDay: params.maxMinutesPerDay,
        longOffHoursCalls: longOffHours.length,
        longestMinutes: Math.round(Math.max(...calls.map((call) => call.billableSeconds)) / 6) / 10,
        numbers: [...new Set(calls.map((call) => call.destination))].slice(0, 10),
        cost: Math.round(sum(calls.map((call) => call.cost))),
        ...firstAndLast(calls),
      },
    }];
  },
};
