import type { CallOutcome } from "@/lib/simulation/draw-outcome";
import { INTERNATIONAL_DESTINATIONS, type InternationalDestinationId } from "@/lib/simulation/international-destinations";
import { makeCall } from "@/lib/simulation/make-call";
import type { SeededRandom } from "@/lib/simulation/seeded-random";
import type { CallDraft, SimulatedDirection } from "@/lib/simulation/simulated-call";
import type { ScenarioContext } from "./scenario-definition";

// Small pieces the scenarios share: a hijacked line dialling back to back, distinct picks, and an
// international call of the scenario.

/** Calls on one line, each starting a random gap after the previous one ended, until `untilMs`. */
export function channelLoop(input: { fromMs: number; untilMs: number; random: SeededRandom; gapMeanSeconds: number; place: (startedAtMs: number) => CallDraft }): CallDraft[] {
  const calls: CallDraft[] = [];
  for (let startedAtMs = input.fromMs; startedAtMs < input.untilMs; ) {
    const call = input.place(startedAtMs);
    calls.push(call);
    startedAtMs += (call.durationSeconds + 1 + Math.round(input.random.exponential(input.gapMeanSeconds))) * 1000;
  }
  return calls;
}

export function pickDistinct<T>(items: readonly T[], count: number, random: SeededRandom): T[] {
  const remaining = [...items];
  const picked: T[] = [];
  while (picked.length < count && remaining.length > 0) picked.push(remaining.splice(random.integer(0, remaining.length - 1), 1)[0]);
  return picked;
}

export function internationalCall(
  context: ScenarioContext,
  call: { startedAtMs: number; extension: string; destination: InternationalDestinationId; externalNumber: string; outcome: CallOutcome; direction?: SimulatedDirection },
): CallDraft {
  const { country, rate } = INTERNATIONAL_DESTINATIONS[call.destination];
  return makeCall({
    startedAtMs: call.startedAtMs,
    direction: call.direction ?? "outbound",
    outcome: call.outcome,
    extension: call.extension,
    externalNumber: call.externalNumber,
    externalCountry: country,
    rate,
    account: context.account,
    scenarioId: context.id,
  });
}

/** An answered call with the given ring and talk seconds. */
export const answered = (ringSeconds: number, billableSeconds: number): CallOutcome => ({ disposition: "answered", ringSeconds, billableSeconds });

export const unanswered = (disposition: "no_answer" | "busy" | "failed", ringSeconds: number): CallOutcome => ({ disposition, ringSeconds, billableSeconds: 0 });
