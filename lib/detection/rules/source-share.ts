import { firstAndLast, internationalOutbound, topCountries } from "@/lib/detection/call-sets";
import type { DetectionRule } from "@/lib/detection/detection-rule";

// SOURCE_SHARE: one extension, account code or trunk suddenly placing most of the international
// calls — a compromised extension's credentials, or one hijacked customer account of a provider.

export const sourceShareRule: DetectionRule = {
  id: "SOURCE_SHARE",
  defaults: { minCalls: 20, minShare: 0.8, maxUsualShare: 0.3 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries);
    if (calls.length < params.minCalls) return [];
    const bySource = new Map<string, typeof calls>();
    for (const call of calls) {
      const source = sourceOf(call);
      const sourceCalls = bySource.get(source);
      if (sourceCalls) sourceCalls.push(call);
      else bySource.set(source, [call]);
    }
    const [source, sourceCalls] = [...bySource.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const share = sourceCalls.length / calls.length;
    const usualTotal = [...input.history.sourcesInternational.values()].reduce((total, count) => total + count, 0);
    const usualShare = usualTotal === 0 ? 0 : (input.history.sourcesInternational.get(source) ?? 0) / usualTotal;
    if (share < params.minShare || usualShare > params.maxUsualShare || bySource.size === 1 && usualTotal === 0) return [];
    const [kind, value] = source.split(":", 2);
    return [{
      ruleId: "SOURCE_SHARE",
      severity: share >= 0.95 && sourceCalls.length >= 50 ? "high" : "medium",
      score: Math.min(100, Math.round(share * 60) + Math.round((1 - usualShare) * 30)),
      day: input.day,
      periodStartMs: sourceCalls[0].startedAtMs,
      periodEndMs: sourceCalls.at(-1)!.endedAtMs,
      subject: { [kind]: value },
      numbers: {
        sourceKind: kind,
        source: value,
        calls: sourceCalls.length,
        share: Math.round(share * 1000) / 1000,
        usualShare: Math.round(usualShare * 1000) / 1000,
        usualInternationalCalls: usualTotal,
        topDestinations: topCountries(sourceCalls),
        ...firstAndLast(sourceCalls),
      },
    }];
  },
};

/** "account:<code>" when the CDRs carry account codes (providers), else "extension:<caller>". */
export function sourceOf(call: { accountCode: string | null; source: string }): string {
  return call.accountCode ? `account:${call.accountCode}` : `extension:${call.source || "?"}`;
}
