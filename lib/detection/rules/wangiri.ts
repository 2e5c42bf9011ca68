import { firstAndLast, isOneRingFromAbroad, topCountries } from "@/lib/detection/call-sets";
import { countryRisk } from "@/lib/detection/data/high-risk-destinations";
import type { DetectionCall, DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// WANGIRI_CALLBACK: "one ring and cut". A burst of calls from abroad that ring once (rang out within
// a few seconds, or answered for under 3 s), made so that someone calls back a number that charges
// like a premium line; and the callbacks themselves: calls back, within three days, to a number that
// rang once as part of such a burst or from a country reported for revenue share fraud. Returning
// a single missed call from a customer abroad is not Wangiri; a call that rang for 20 s is not bait.

export const wangiriRule: DetectionRule = {
  id: "WANGIRI_CALLBACK",
  defaults: { burstCalls: 20, burstNumbers: 5, windowMinutes: 60, ringSeconds: 5 },
  evaluate(input, params) {
    const windowMs = params.windowMinutes * 60_000;
    const oneRing = input.calls.filter((call) => isOneRingFromAbroad(call, params.ringSeconds));
    const burst = densestWindow(oneRing, windowMs);
    const burstNumbers = new Set(burst.map((call) => call.source)).size;
    const isBurst = burst.length >= params.burstCalls && burstNumbers >= params.burstNumbers;
    const bait = baitNumbers([...input.history.recentInboundOneRing, ...oneRing], windowMs, params);
    const callbacks = input.calls.filter((call) => call.direction === "outbound" && call.isInternational && bait.has(call.destination));
    if (!isBurst && callbacks.length === 0) return [];
    const involved = [...(isBurst ? burst : []), ...callbacks].sort((a, b) => a.startedAtMs - b.startedAtMs);
    const finding: FindingDraft = {
      ruleId: "WANGIRI_CALLBACK",
      severity: callbacks.length > 0 ? "high" : "medium",
      score: Math.min(100, 30 + Math.min(40, isBurst ? burst.length : 0) + callbacks.length * 10),
      day: input.day,
      periodStartMs: involved[0].startedAtMs,
      periodEndMs: involved.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        missedInbound: oneRing.length,
        burstCalls: isBurst ? burst.length : 0,
        burstNumbers: isBurst ? burstNumbers : 0,
        windowMinutes: params.windowMinutes,
        originCountries: topCountries(isBurst ? burst : callbacks),
        callbacks: callbacks.length,
        callbackAnswered: callbacks.filter((call) => call.isAnswered).length,
        callbackNumbers: [...new Set(callbacks.map((call) => call.destination))].slice(0, 10),
        callbackCost: Math.round(callbacks.reduce((total, call) => total + call.cost, 0)),
        ...firstAndLast(involved),
      },
    };
    return [finding];
  },
};

/** Numbers that rang once from a high-risk country, or within a burst of one-ring calls from one country. */
function baitNumbers(oneRing: readonly DetectionCall[], windowMs: number, params: Record<string, number>): Set<string> {
  const bait = new Set(oneRing.filter((call) => countryRisk(call.destinationCountry) >= 2).map((call) => call.source));
  const byCountry = new Map<string | null, DetectionCall[]>();
  for (const call of oneRing) {
    const calls = byCountry.get(call.destinationCountry);
    if (calls) calls.push(call);
    else byCountry.set(call.destinationCountry, [call]);
  }
  for (const calls of byCountry.values()) {
    const sorted = [...calls].sort((a, b) => a.startedAtMs - b.startedAtMs);
    let from = 0;
    for (let to = 0; to < sorted.length; to++) {
      while (sorted[to].startedAtMs - sorted[from].startedAtMs > windowMs) from++;
      const window = sorted.slice(from, to + 1);
      if (window.length >= params.burstCalls && new Set(window.map((call) => call.source)).size >= params.burstNumbers) {
        for (const call of window) bait.add(call.source);
      }
    }
  }
  return bait;
}

function densestWindow(calls: readonly DetectionCall[], windowMs: number): DetectionCall[] {
  let best: DetectionCall[] = [];
  let from = 0;
  for (let to = 0; to < calls.length; to++) {
    while (calls[to].startedAtMs - calls[from].startedAtMs > windowMs) from++;
    if (to - from + 1 > best.length) best = calls.slice(from, to + 1);
  }
  return best;
}
