import { poissonUpperTail, robustBaseline, robustScore } from "@/lib/detection/baseline";
import { firstAndLast, internationalOutbound, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule, FindingDraft, Severity } from "@/lib/detection/detection-rule";

// VOLUME_SPIKE: more outbound international calls in a day (and in an hour) than this organization
// makes on that kind of day, by a margin no busy day explains. Baseline: median and floored MAD of
// the same day type over the previous weeks, with a Poisson tail for small counts and an absolute
// floor so tiny numbers never alarm. Cold start (< 28 days of history): fixed thresholds, and more
// than twice the busiest day so far, both growing with the organization (DayInput.size).

export const internationalVolumeSpikeRule: DetectionRule = {
  id: "VOLUME_SPIKE",
  defaults: { minCallsPerDay: 20, minCallsPerHour: 10, maxTailProbability: 1e-4, minRobustScore: 5, coldStartCallsPerDay: 60, coldStartCallsPerHour: 20 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries);
    const dayBaseline = robustBaseline(input.history.sameDayTypeInternational.map((entry) => entry.calls));
    const size = input.size;
    const coldStartPerDay = Math.ceil(Math.max(params.coldStartCallsPerDay * size, 2 * input.history.recentInternationalPeak));
    const dayTest = testCount(calls.length, dayBaseline, params.minCallsPerDay, coldStartPerDay, input.history.isColdStart, params);
    const hourly = countByHour(calls);
    const firstHour = [...hourly.keys()].sort((a, b) => a - b).find((hour) => {
      const baseline = robustBaseline(input.history.sameDayTypeHourly.get(hour) ?? []);
      return testCount(hourly.get(hour) ?? 0, baseline, params.minCallsPerHour, Math.ceil(params.coldStartCallsPerHour * size), input.history.isColdStart, params).isAnomalous;
    });
    if (!dayTest.isAnomalous && firstHour === undefined) return [];

    const peakHour = [...hourly.entries()].sort((a, b) => b[1] - a[1])[0];
    const numbers = {
      observed: calls.length,
      answered: calls.filter((call) => call.isAnswered).length,
      expected: dayBaseline.expected,
      scale: Math.round(dayBaseline.scale * 100) / 100,
      baselineDays: dayBaseline.samples,
      baselineKind: input.history.isColdStart ? "cold-start" : "learned",
      dayType: input.dayType,
      threshold: dayTest.threshold,
      tailProbability: dayTest.tailProbability,
      robustScore: Math.round(robustScore(calls.length, dayBaseline) * 10) / 10,
      firstAnomalousHour: firstHour ?? null,
      peakHour: peakHour ? { hour: peakHour[0], calls: peakHour[1] } : null,
      topDestinations: topCountries(calls),
      ...firstAndLast(calls),
    };
    const severity: Severity = calls.length >= Math.max(input.history.isColdStart ? 50 * size : 50, 5 * Math.max(dayBaseline.expected, 4)) ? "high" : "medium";
    const hourStartMs = firstHour === undefined ? input.dayStartMs : calls.find((call) => call.localHour === firstHour)!.startedAtMs;
    const finding: FindingDraft = {
      ruleId: "VOLUME_SPIKE",
      severity,
      score: Math.min(100, 40 + Math.round(Math.log10(Math.max(1, calls.length / Math.max(1, dayBaseline.expected))) * 25)),
      day: input.day,
      periodStartMs: Math.min(hourStartMs, calls[0]?.startedAtMs ?? hourStartMs),
      periodEndMs: calls.at(-1)?.endedAtMs ?? input.dayEndMs,
      subject: {},
      numbers,
    };
    return [finding];
  },
};

type CountTest = { isAnomalous: boolean; threshold: number; tailProbability: number | null };

function testCount(
  observed: number,
  baseline: ReturnType<typeof robustBaseline>,
  floor: number,
  coldStartThreshold: number,
  isColdStart: boolean,
  params: Record<string, number>,
): CountTest {
  if (isColdStart || baseline.samples < 3) return { isAnomalous: observed >= coldStartThreshold, threshold: coldStartThreshold, tailProbability: null };
  const tail = poissonUpperTail(observed, Math.max(baseline.expected, 0.5));
  const threshold = Math.max(floor, Math.ceil(baseline.expected + params.minRobustScore * baseline.scale));
  return { isAnomalous: observed >= threshold && tail <= params.maxTailProbability, threshold, tailProbability: tail };
}

function countByHour(calls: readonly { localHour: number }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of calls) counts.set(call.localHour, (counts.get(call.localHour) ?? 0) + 1);
  return counts;
}
