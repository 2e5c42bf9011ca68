import { isBusinessHour } from "@/lib/detection/calendar";
import { internationalOutbound, peakConcurrency, topCountries } from "@/lib/detection/call-sets";
import type { DetectionCall, DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// CONCURRENCY: more international calls at the same moment than the business makes — or than it has
// lines for. Staff in a small office rarely hold two international calls at once; a hijacked PBX
// fills every channel. Business hours and closed hours are judged apart. The usual peak is learned
// from the last four weeks (the limit becomes 1.5 × the highest peak, never below the defaults:
// 5 in business hours, 2 while closed; before two weeks of history, times the organization's size);
// the organization's line count, when set, is a hard limit.

const LEARNED_AFTER_DAYS = 14;

export const concurrencyRule: DetectionRule = {
  id: "CONCURRENCY",
  defaults: { maxOffHours: 2, maxBusinessHours: 5, multipleOfUsualPeak: 1.5 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => call.isAnswered && call.endedAtMs > call.startedAtMs);
    const isLearned = input.history.concurrencyPeaks.length >= LEARNED_AFTER_DAYS;
    const usualPeak = (kind: "business" | "offHours") => Math.max(0, ...input.history.concurrencyPeaks.map((peaks) => peaks[kind]));
    const limitFor = (kind: "business" | "offHours") => {
      if (input.settings.lines !== null) return { limit: input.settings.lines, limitKind: "lines" };
      const fixed = Math.ceil((kind === "business" ? params.maxBusinessHours : params.maxOffHours) * (isLearned ? 1 : input.size));
      const learned = isLearned ? Math.ceil(params.multipleOfUsualPeak * usualPeak(kind)) : 0;
      return { limit: Math.max(fixed, learned), limitKind: kind === "business" ? "business-hours" : "off-hours" };
    };
    const business = calls.filter((call) => isBusinessHour(input.day, call.localHour, input.settings));
    const closed = calls.filter((call) => !isBusinessHour(input.day, call.localHour, input.settings));
    const findings = [finding(input.day, business, limitFor("business"), input.settings.lines), finding(input.day, closed, limitFor("offHours"), input.settings.lines)];
    const worst = findings.filter((candidate): candidate is FindingDraft => candidate !== null).sort((a, b) => b.score - a.score)[0];
    return worst ? [worst] : [];
  },
};

function finding(day: string, calls: readonly DetectionCall[], { limit, limitKind }: { limit: number; limitKind: string }, lines: number | null): FindingDraft | null {
  const peak = peakConcurrency(calls);
  if (peak.count <= limit) return null;
  const atPeak = calls.filter((call) => call.startedAtMs <= peak.atMs && call.endedAtMs > peak.atMs);
  return {
    ruleId: "CONCURRENCY",
    severity: peak.count >= 2 * limit || (lines !== null && peak.count > lines) ? "high" : "medium",
    score: Math.min(100, 40 + Math.round((peak.count / Math.max(1, limit)) * 10)),
    day,
    periodStartMs: Math.min(...atPeak.map((call) => call.startedAtMs)),
    periodEndMs: Math.max(...atPeak.map((call) => call.endedAtMs)),
    subject: {},
    numbers: {
      peakConcurrent: peak.count,
      peakAt: new Date(peak.atMs).toISOString(),
      limit,
      limitKind,
      topDestinations: topCountries(atPeak),
    },
  };
}
