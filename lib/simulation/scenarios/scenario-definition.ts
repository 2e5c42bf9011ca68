import type { SimulatedAccount } from "@/lib/simulation/profiles/traffic-profile";
import type { SeededRandom } from "@/lib/simulation/seeded-random";
import type { SimulationCalendar } from "@/lib/simulation/simulation-calendar";
import type { CallDraft, ReasonCode, ScenarioKind } from "@/lib/simulation/simulated-call";

// The contract every injected scenario (attack or legitimate campaign) implements.

export type ScenarioContext = {
  id: string;
  startAtMs: number;
  random: SeededRandom;
  /** The account hit (the only one, except on the ITSP). */
  account: SimulatedAccount;
  /** 1 for the 10-seat office, up to 6 for the call centre: bursts and campaigns grow with the customer. */
  scale: number;
  calendar: SimulationCalendar;
};

export type ScenarioDefinition = {
  kind: ScenarioKind;
  isAttack: boolean;
  expectedReasons: ReasonCode[];
  description: string;
  /** From the first to about the last call; the default schedule fits this into the period. */
  nominalDurationMs: number;
  /** ITSP: the smallest account (in seats) this scenario is placed on by default. */
  minimumSeats: number;
  generate(context: ScenarioContext): CallDraft[];
};
