import { isBusinessHour } from "@/lib/detection/calendar";
import { internationalOutbound, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// CONCURRENCY: more international calls at the same moment than the business ever makes — or than
// it has lines for. Staff in a small office rarely hold two international calls at once; a
// hijacked PBX fills every channel.

export const concurrencyRule: DetectionRule = {
  id: "CONCURRENCY",
  defaults: { maxOffHours: 2, maxBusinessHours: 5 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => call.isAnswered && call.endedAtMs > call.startedAtMs);
    const events = calls.flatMap((call) => [[call.startedAtMs, 1], [call.endedAtMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let peak = { count: 0, atMs: 0 };
    for (const [atMs, change] of events) {
      current += change;
      if (current > peak.count) peak = { count: current, atMs };
    }
    if (peak.count === 0) return [];
    const localHour = calls.find((call) => call.startedAtMs === peak.atMs)?.localHour ?? 0;
    const isBusiness = isBusinessHour(input.day, localHour, input.settings);
    const limit = input.settings.lines ?? (isBusiness ? params.maxBusinessHours : params.maxOffHours);
    if (peak.count <= limit) return [];
    const atPeak = calls.filter((call) => call.startedAtMs <= peak.atMs && call.endedAtMs > peak.atMs);
    return [{
      ruleId: "CONCURRENCY",
      severity: peak.count >= 2 * limit || (input.settings.lines !== null && peak.count > input.settings.lines) ? "high" : "medium",
      score: Math.min(100, 40 + Math.round((peak.count / Math.max(1, limit)) * 10)),
      day: input.day,
      periodStartMs: Math.min(...atPeak.map((call) => call.startedAtMs)),
      periodEndMs: Math.max(...atPeak.map((call) => call.endedAtMs)),
      subject: {},
      numbers: {
        peakConcurrent: peak.count,
        peakAt: new Date(peak.atMs).toISOString(),
        limit,
        limitKind: input.settings.lines !== null ? "lines" : isBusiness ? "business-hours" : "off-hours",
        topDestinations: topCountries(atPeak),
      },
    }];
  },
};
