import { poissonUpperTail, robustBaseline } from "@/lib/detection/baseline";
import { firstAndLast, internationalOutbound, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";
import { sourceOf } from "@/lib/detection/rules/source-share";

// ACCOUNT_VOLUME_SPIKE: one customer account of a provider placing far more international calls
// than its own usual days — a spike the provider's total hides (fifty accounts' ordinary calls
// drown one hijacked small customer). The baseline is the account's own: median and floored MAD of
// its international calls on each of the 28 earlier normal days (0 on days it made none). Only
// accounts (CDRs that carry account codes), only with a learned history, and with high floors, so
// an agent's or a small customer's busy day does not alarm; the organization-wide rules cover the rest.

export const sourceVolumeSpikeRule: DetectionRule = {
  id: "ACCOUNT_VOLUME_SPIKE",
  defaults: { minCalls: 40, minHistoryDays: 14, minRobustScore: 8, minRatio: 5, maxTailProbability: 1e-8 },
  evaluate(input, params) {
    const bySource = new Map<string, ReturnType<typeof internationalOutbound>>();
    for (const call of internationalOutbound(input.calls, input.settings.allowedCountries)) {
      const source = sourceOf(call);
      if (!source.startsWith("account:")) continue;
      const calls = bySource.get(source);
      if (calls) calls.push(call);
      else bySource.set(source, [call]);
    }
    const accountsKnown = new Set([...input.history.sourcesDaily.keys()].filter((source) => source.startsWith("account:")));
    for (const source of bySource.keys()) accountsKnown.add(source);
    if (accountsKnown.size < 2) return [];
    const findings: FindingDraft[] = [];
    for (const [source, calls] of bySource) {
      const days = input.history.sourcesDaily.get(source) ?? new Array<number>(input.history.sourcesDaily.values().next().value?.length ?? 0).fill(0);
      if (calls.length < params.minCalls || days.length < params.minHistoryDays) continue;
      const baseline = robustBaseline(days);
      const threshold = Math.ceil(Math.max(params.minCalls, baseline.expected + params.minRobustScore * baseline.scale, params.minRatio * baseline.expected));
      const tail = poissonUpperTail(calls.length, Math.max(baseline.expected, 0.5));
      if (calls.length < threshold || tail > params.maxTailProbability) continue;
      const account = source.slice("account:".length);
      const severity = calls.length >= Math.max(100, 10 * Math.max(baseline.expected, 5)) ? "high" : "medium";
      findings.push({
        ruleId: "ACCOUNT_VOLUME_SPIKE",
        severity,
        score: Math.min(100, 45 + Math.round(Math.log10(Math.max(1, calls.length / Math.max(1, baseline.expected))) * 20)),
        day: input.day,
        periodStartMs: calls[0].startedAtMs,
        periodEndMs: calls.at(-1)!.endedAtMs,
        subject: { account },
        numbers: {
          account,
          observed: calls.length,
          answered: calls.filter((call) => call.isAnswered).length,
          expected: baseline.expected,
          scale: Math.round(baseline.scale * 100) / 100,
          baselineDays: baseline.samples,
          threshold,
          tailProbability: tail,
          topDestinations: topCountries(calls),
          ...firstAndLast(calls),
        },
      });
    }
    return findings;
  },
};
