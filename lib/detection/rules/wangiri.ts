import { firstAndLast, topCountries } from "@/lib/detection/call-sets";
import type { DetectionCall, DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// WANGIRI_CALLBACK: "one ring and cut". A burst of very short or unanswered calls from abroad,
// made so that someone calls back a number that charges like a premium line; and the callbacks
// themselves, to any foreign number that rang briefly in the last three days.

export const wangiriRule: DetectionRule = {
  id: "WANGIRI_CALLBACK",
  defaults: { burstCalls: 20, burstNumbers: 5, windowMinutes: 60, ringSeconds: 3 },
  evaluate(input, params) {
    const missed = input.calls.filter((call) => call.direction === "inbound" && call.isInternational && (!call.isAnswered || call.billableSeconds < params.ringSeconds));
    const findings: FindingDraft[] = [];
    const burst = densestWindow(missed, params.windowMinutes * 60_000);
    const burstNumbers = new Set(burst.map((call) => call.source)).size;
    const rang = new Set([...input.history.recentInboundForeignMissed, ...missed.map((call) => call.source)]);
    const callbacks = input.calls.filter((call) => call.direction === "outbound" && call.isInternational && rang.has(call.destination));
    if (burst.length >= params.burstCalls && burstNumbers >= params.burstNumbers || callbacks.length > 0) {
      const involved = [...burst, ...callbacks].sort((a, b) => a.startedAtMs - b.startedAtMs);
      findings.push({
        ruleId: "WANGIRI_CALLBACK",
        severity: callbacks.length > 0 ? "high" : "medium",
        score: Math.min(100, 30 + Math.min(40, burst.length) + callbacks.length * 10),
        day: input.day,
        periodStartMs: involved[0].startedAtMs,
        periodEndMs: involved.at(-1)!.endedAtMs,
        subject: {},
        numbers: {
          missedInbound: missed.length,
          burstCalls: burst.length,
          burstNumbers,
          windowMinutes: params.windowMinutes,
          originCountries: topCountries(burst),
          callbacks: callbacks.length,
          callbackAnswered: callbacks.filter((call) => call.isAnswered).length,
          callbackNumbers: [...new Set(callbacks.map((call) => call.destination))].slice(0, 10),
          callbackCost: Math.round(callbacks.reduce((total, call) => total + call.cost, 0)),
          ...firstAndLast(involved),
        },
      });
    }
    return findings;
  },
};

function densestWindow(calls: readonly DetectionCall[], windowMs: number): DetectionCall[] {
  let best: DetectionCall[] = [];
  let from = 0;
  for (let to = 0; to < calls.length; to++) {
    while (calls[to].startedAtMs - calls[from].startedAtMs > windowMs) from++;
    if (to - from + 1 > best.length) best = calls.slice(from, to + 1);
  }
  return best;
}
