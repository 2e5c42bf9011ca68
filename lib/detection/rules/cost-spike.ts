import { firstAndLast, internationalOutbound, quantile, sum, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// COST_SPIKE: international charges in a day, or in one hour, far above what this organization
// spends — from the carrier's charges when the file has them, otherwise estimated from the rate
// table. Thresholds: twice the 99th percentile of the last 90 days, never below a fixed floor
// (10,000 yen a day, 3,000 yen an hour by default, after the research notes' proposal; before 28
// days of history, times the organization's size); one hour alone trips it above a quarter of the
// day's threshold.

export const costSpikeRule: DetectionRule = {
  id: "COST_SPIKE",
  defaults: { floorPerDay: 10_000, floorPerHour: 3_000, multipleOfP99: 2 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries);
    const dayCost = sum(calls.map((call) => call.cost));
    const history = [...input.history.dailyInternationalCost].sort((a, b) => a - b);
    const learned = history.length >= 28 ? params.multipleOfP99 * quantile(history, 0.99) : 0;
    const scale = learned > 0 ? 1 : input.size;
    const dayThreshold = Math.max(params.floorPerDay * scale, learned);
    const hourThreshold = Math.max(params.floorPerHour * scale, dayThreshold / 4);
    const byHour = new Map<number, number>();
    for (const call of calls) byHour.set(call.localHour, (byHour.get(call.localHour) ?? 0) + call.cost);
    const [peakHour, peakHourCost] = [...byHour.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (dayCost < dayThreshold && peakHourCost < hourThreshold) return [];
    const costly = calls.filter((call) => call.cost > 0);
    return [{
      ruleId: "COST_SPIKE",
      severity: dayCost >= 5 * dayThreshold ? "high" : "medium",
      score: Math.min(100, 40 + Math.round(Math.log10(Math.max(1, dayCost / dayThreshold)) * 30) + (peakHourCost >= hourThreshold ? 10 : 0)),
      day: input.day,
      periodStartMs: costly[0]?.startedAtMs ?? input.dayStartMs,
      periodEndMs: costly.at(-1)?.endedAtMs ?? input.dayEndMs,
      subject: {},
      numbers: {
        cost: Math.round(dayCost),
        currency: input.currency,
        threshold: Math.round(dayThreshold),
        thresholdKind: learned > params.floorPerDay * scale ? "learned" : "floor",
        usualDailyCost: Math.round(quantile(history, 0.5)),
        peakHour,
        peakHourCost: Math.round(peakHourCost),
        hourThreshold: Math.round(hourThreshold),
        isEstimated: calls.some((call) => call.cost > 0) ? undefined : true,
        topDestinations: topCountries(calls),
        ...firstAndLast(costly),
      },
    }];
  },
};
