import { firstAndLast, internationalOutbound } from "@/lib/detection/call-sets";
import type { DetectionCall, DetectionRule, FindingDraft } from "@/lib/detection/detection-rule";

// SEQUENTIAL_BNUM: number scanning. Fraudsters test a range by dialling numbers that differ only in
// their last digits (…001, …002, …003), and IRSF ranges show as many distinct numbers sharing one
// prefix. Flags a run of consecutive numbers within minutes, or many numbers of one range in a day
// when most of those calls are test-like (unanswered or under a minute) — a sales team calling one
// city's numbers talks longer.

export const sequentialDiallingRule: DetectionRule = {
  id: "SEQUENTIAL_BNUM",
  defaults: { minRun: 5, windowMinutes: 10, minDistinctInRange: 10, rangeDigitsAfterCountry: 4, minTestLikeShare: 0.7, testLikeSeconds: 60 },
  evaluate(input, params) {
    const calls = internationalOutbound(input.calls, input.settings.allowedCountries).filter((call) => /^\+\d{7,}$/.test(call.destination));
    const findings: FindingDraft[] = [];
    const longestRun = longestConsecutiveRun(calls, params.windowMinutes * 60_000);
    const range = busiestRange(calls.filter((call) => !call.isAnswered || call.billableSeconds < params.testLikeSeconds), params.rangeDigitsAfterCountry);
    const rangeShare = range.calls.length / Math.max(1, calls.filter((call) => range.prefix !== null && call.destination.startsWith(range.prefix)).length);
    if (rangeShare < params.minTestLikeShare) range.numbers = 0;
    if (longestRun.length < params.minRun && range.numbers < params.minDistinctInRange) return findings;
    const involved = longestRun.length >= params.minRun ? longestRun : range.calls;
    findings.push({
      ruleId: "SEQUENTIAL_BNUM",
      severity: longestRun.length >= 2 * params.minRun || range.numbers >= 3 * params.minDistinctInRange ? "high" : "medium",
      score: Math.min(100, 40 + longestRun.length * 3 + range.numbers),
      day: input.day,
      periodStartMs: involved[0].startedAtMs,
      periodEndMs: involved.at(-1)!.endedAtMs,
      subject: {},
      numbers: {
        runLength: longestRun.length,
        runFirst: longestRun[0]?.destination ?? null,
        runLast: longestRun.at(-1)?.destination ?? null,
        windowMinutes: params.windowMinutes,
        range: range.prefix,
        distinctInRange: range.numbers,
        callsInRange: range.calls.length,
        ...firstAndLast(involved),
      },
    });
    return findings;
  },
};

/** The longest chain of numbers each one greater than the last, dialled within the window. */
function longestConsecutiveRun(calls: readonly DetectionCall[], windowMs: number): DetectionCall[] {
  let best: DetectionCall[] = [];
  const lastOfNumber = new Map<string, DetectionCall[]>();
  for (const call of calls) {
    const previousNumber = (BigInt(call.destination.slice(1)) - 1n).toString();
    const chain = lastOfNumber.get(`+${previousNumber}`);
    const extended = chain && call.startedAtMs - chain.at(-1)!.startedAtMs <= windowMs ? [...chain, call] : [call];
    lastOfNumber.set(call.destination, extended);
    if (extended.length > best.length) best = extended;
  }
  return best;
}

function busiestRange(calls: readonly DetectionCall[], digitsAfterCountry: number): { prefix: string | null; numbers: number; calls: DetectionCall[] } {
  const byRange = new Map<string, DetectionCall[]>();
  for (const call of calls) {
    const prefix = call.destination.slice(0, 4 + digitsAfterCountry); // "+" and up to 3 country digits, then the range
    const rangeCalls = byRange.get(prefix);
    if (rangeCalls) rangeCalls.push(call);
    else byRange.set(prefix, [call]);
  }
  let best: { prefix: string | null; numbers: number; calls: DetectionCall[] } = { prefix: null, numbers: 0, calls: [] };
  for (const [prefix, rangeCalls] of byRange) {
    const numbers = new Set(rangeCalls.map((call) => call.destination)).size;
    if (numbers > best.numbers) best = { prefix, numbers, calls: rangeCalls };
  }
  return best;
}
