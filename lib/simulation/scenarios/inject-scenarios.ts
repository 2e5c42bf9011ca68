import { isCarrierBilled } from "@/lib/simulation/is-carrier-billed";
import type { SimulatedAccount, TrafficProfile } from "@/lib/simulation/profiles/traffic-profile";
import { createSeededRandom, type SeededRandom } from "@/lib/simulation/seeded-random";
import type { SimulationCalendar } from "@/lib/simulation/simulation-calendar";
import type { CallDraft, ScenarioLabel } from "@/lib/simulation/simulated-call";
import { tokyoWallTimeToMs } from "@/lib/simulation/tokyo-time";
import type { ScenarioPlan } from "./default-scenario-schedule";
import type { ScenarioDefinition } from "./scenario-definition";
import { SCENARIOS } from "./scenario-registry";

// Plans become calls and labels, before any normal traffic is generated: scenario calls are few
// (tens of thousands at most), so they are held whole and merged into each day as it is generated.

export type InjectedScenario = { label: ScenarioLabel; calls: CallDraft[] };

const SCENARIO_SALT = 0xa77ac;
const MAXIMUM_DEFAULT_SEATS = 40;

export function injectScenarios(plans: readonly ScenarioPlan[], profile: TrafficProfile, calendar: SimulationCalendar, seed: number): InjectedScenario[] {
  const usedAccounts = new Set<SimulatedAccount>();
  const kindCounts = new Map<string, number>();
  return plans.map((plan) => {
    const definition = SCENARIOS[plan.kind];
    if (!definition) throw new RangeError(`Unknown scenario kind "${plan.kind}"`);
    const occurrence = (kindCounts.get(plan.kind) ?? 0) + 1;
    kindCounts.set(plan.kind, occurrence);
    const id = plan.id ?? (occurrence === 1 ? plan.kind : `${plan.kind}-${occurrence}`);
    const startAtMs = tokyoWallTimeToMs(plan.startsAt);
    if (calendar.dayIndexOf(startAtMs) < 0) throw new RangeError(`Scenario "${id}" starts at ${plan.startsAt}, outside the simulated period`);
    const random = createSeededRandom(seed, SCENARIO_SALT, hashText(id));
    const account = targetAccount(plan, definition, profile, usedAccounts, random);
    usedAccounts.add(account);
    const scale = Math.min(6, Math.max(1, Math.round(account.extensions.length / 10)));
    const calls = definition
      .generate({ id, startAtMs, random, account, scale, calendar })
      .filter((call) => calendar.dayIndexOf(call.startedAtMs) >= 0)
      .sort((first, second) => first.startedAtMs - second.startedAtMs);
    return { label: labelOf(id, definition, profile, account, calls), calls };
  });
}

/**
 * The plan's account, the only one, or (ITSP) a not yet hit office customer of ordinary size: large
 * enough for the scenario, and not one of the few big accounts, as in the small-office seed case.
 */
function targetAccount(plan: ScenarioPlan, definition: ScenarioDefinition, profile: TrafficProfile, used: Set<SimulatedAccount>, random: SeededRandom): SimulatedAccount {
  if (plan.accountCode !== undefined) {
    const named = profile.accounts.find((account) => account.accountCode === plan.accountCode);
    if (!named) throw new RangeError(`Profile ${profile.id} has no account "${plan.accountCode}"`);
    return named;
  }
  if (profile.accounts.length === 1) return profile.accounts[0];
  const fitting = profile.accounts.filter((account) => account.hours === "office" && account.extensions.length >= definition.minimumSeats && account.extensions.length <= MAXIMUM_DEFAULT_SEATS);
  const fresh = fitting.filter((account) => !used.has(account));
  const candidates = fresh.length > 0 ? fresh : fitting.length > 0 ? fitting : profile.accounts;
  return random.pick(candidates);
}

function labelOf(id: string, definition: ScenarioDefinition, profile: TrafficProfile, account: SimulatedAccount, calls: CallDraft[]): ScenarioLabel {
  return {
    id,
    kind: definition.kind,
    profileId: profile.id,
    accountCode: account.accountCode,
    extensions: [...new Set(calls.map((call) => call.extension))].sort(),
    firstCallAtMs: calls.length > 0 ? calls[0].startedAtMs : Number.NaN,
    lastCallAtMs: calls.length > 0 ? calls[calls.length - 1].startedAtMs : Number.NaN,
    callCount: calls.length,
    billedCallCount: calls.filter(isCarrierBilled).length,
    costYen: calls.reduce((sum, call) => sum + call.costYen, 0),
    countries: [...new Set(calls.flatMap((call) => (call.externalCountry ? [call.externalCountry] : [])))].sort(),
    isAttack: definition.isAttack,
    expectedReasons: [...definition.expectedReasons],
    description: definition.description,
  };
}

/** FNV-1a: a scenario's random stream follows its id, not its position in the plan. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
