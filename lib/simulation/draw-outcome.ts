import type { StreamStyle } from "./profiles/call-styles";
import type { SeededRandom } from "./seeded-random";
import type { SimulatedDisposition } from "./simulated-call";

// How one call ends: answered after a few rings with a lognormal talk time, given up after ringing,
// busy, or failed at once. Talk times are capped at 2 h, the longest an international switch allows.

export type CallOutcome = { disposition: SimulatedDisposition; ringSeconds: number; billableSeconds: number };

export const MAX_CALL_SECONDS = 7200;

export function drawOutcome(style: StreamStyle, random: SeededRandom): CallOutcome {
  const draw = random.next();
  if (draw < style.answered) {
    const ringSeconds = Math.min(30, 2 + Math.round(random.exponential(5)));
    const talk = Math.round(random.logNormal(style.medianSeconds, style.sigma));
    return { disposition: "answered", ringSeconds, billableSeconds: Math.min(MAX_CALL_SECONDS, Math.max(3, talk)) };
  }
  if (draw < style.answered + style.noAnswer) return { disposition: "no_answer", ringSeconds: random.integer(12, 45), billableSeconds: 0 };
  if (draw < style.answered + style.noAnswer + style.busy) return { disposition: "busy", ringSeconds: random.integer(0, 2), billableSeconds: 0 };
  return { disposition: "failed", ringSeconds: random.integer(0, 1), billableSeconds: 0 };
}
