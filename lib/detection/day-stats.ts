import { isBusinessHour } from "@/lib/detection/calendar";
import { longWhileClosed, peakConcurrency, premiumOutbound } from "@/lib/detection/call-sets";
import type { DetectionCall } from "@/lib/detection/detection-rule";
import type { DetectionSettings } from "@/lib/detection/detection-settings.schema";

// What later days' baselines need from one day's calls, small enough to store (detection_day_stats):
// the day is read once, when it is evaluated, and never again for baselines.

export type DayStats = {
  /** Outbound international calls per source ("account:…" / "extension:…"). */
  internationalBySource: Record<string, number>;
  premiumMinutes: number;
  /** Premium-rate (not shared-cost) calls over 30 minutes while closed. */
  premiumLongOffHours: number;
  /** Peak simultaneous answered international calls, in and out of business hours. */
  concurrencyBusiness: number;
  concurrencyOffHours: number;
};

const LONG_PREMIUM_MINUTES = 30;

export function computeDayStats(day: string, calls: readonly DetectionCall[], settings: DetectionSettings, sourceOf: (call: DetectionCall) => string): DayStats {
  const internationalBySource: Record<string, number> = {};
  for (const call of calls) {
    if (call.direction !== "outbound" || !call.isInternational) continue;
    const source = sourceOf(call);
    internationalBySource[source] = (internationalBySource[source] ?? 0) + 1;
  }
  const premium = premiumOutbound(calls);
  const answeredInternational = calls.filter((call) => call.direction === "outbound" && call.isInternational && call.isAnswered);
  return {
    internationalBySource,
    premiumMinutes: premium.reduce((total, call) => total + call.billableSeconds, 0) / 60,
    premiumLongOffHours: longWhileClosed(premium.filter((call) => call.numberType === "premium_rate"), day, settings, LONG_PREMIUM_MINUTES).length,
    concurrencyBusiness: peakConcurrency(answeredInternational.filter((call) => isBusinessHour(day, call.localHour, settings))).count,
    concurrencyOffHours: peakConcurrency(answeredInternational.filter((call) => !isBusinessHour(day, call.localHour, settings))).count,
  };
}
