import { firstAndLast, internationalOutbound, quantile, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// UNIFORM_SHORT_DURATION: machine-made calls. People's calls vary in length; an autodialler's all
// last about the same (the 30-second pattern). Flagged when some 60-minute window holds at least
// 20 answered international calls whose billable durations have an interquartile range ≤ 5 s.

export const uniformShortDurationRule: DetectionRule = {
  id: "UNIFORM_SHORT_DURATION",
  defaults: { minCalls: 20, maxIqrSeconds: 5, maxMedianSeconds: 90, windowMinutes: 60 },
  evaluate(input, params) {
    const answered = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => call.isAnswered);
    const windowMs = params.windowMinutes * 60_000;
    let best: { start: number; end: number; median: number; iqr: number; count: number } | null = null;
    let from = 0;
    for (let to = 0; to < answered.length; to++) {
      while (answered[to].startedAtMs - answered[from].startedAtMs > windowMs) from++;
      const count = to - from + 1;
      if (count < params.minCalls || (best && count <= best.count)) continue;
      const durations = answered.slice(from, to + 1).map((call) => call.billableSeconds).sort((a, b) => a - b);
      const iqr = quantile(durations, 0.75) - quantile(durations, 0.25);
      const middle = quantile(durations, 0.5);
      if (iqr <= params.maxIqrSeconds && middle <= params.maxMedianSeconds) best = { start: from, end: to, median: middle, iqr, count };
    }
    if (!best) return [];
    const band = answered.filter((call) => Math.abs(call.billableSeconds - best.median) <= params.maxIqrSeconds);
    const share = band.length / answered.length;
    return [{
      ruleId: "UNIFORM_SHORT_DURATION",
      severity: band.length >= 100 ? "high" : "medium",
      score: Math.min(100, 50 + Math.round(share * 30) + Math.min(20, Math.round(Math.log10(band.length) * 8))),
      day: input.day,
      periodStartMs: band[0].startedAtMs,
      periodEndMs: band.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        callsInBand: band.length,
        answeredInternational: answered.length,
        share: Math.round(share * 1000) / 1000,
        medianSeconds: best.median,
        iqrSeconds: best.iqr,
        bandLowSeconds: best.median - params.maxIqrSeconds,
        bandHighSeconds: best.median + params.maxIqrSeconds,
        densestWindowCalls: best.count,
        windowMinutes: params.windowMinutes,
        topDestinations: topCountries(band),
        ...firstAndLast(band),
      },
    }];
  },
};
