import type { StatementMonth } from "@/lib/ingest/normalize/call-time";
import { generateNormalDay } from "./generate-normal-day";
import { buildTrafficProfile } from "./profiles/build-traffic-profile";
import type { TrafficProfile } from "./profiles/traffic-profile";
import { defaultScenarioSchedule, type ScenarioPlan } from "./scenarios/default-scenario-schedule";
import { injectScenarios } from "./scenarios/inject-scenarios";
import { buildSimulationCalendar, type SimulationCalendar } from "./simulation-calendar";
import type { CallDraft, ProfileId, ScenarioLabel, SimulatedCall } from "./simulated-call";
import { tokyoParts } from "./tokyo-time";

// Labelled traffic for one profile: seasonal legitimate calls plus the planned scenarios, generated a
// day at a time while `calls` is read (millions never sit in memory). Every iteration replays the
// same calls, so the PBX view and the carrier view come from one simulation.

export type SimulateTrafficOptions = {
  profileId: ProfileId;
  /** First simulated Tokyo day, "YYYY-MM-DD". */
  startDate: string;
  /** Number of Tokyo days; 180 by default. */
  days?: number;
  seed?: number;
  /** Which scenarios to inject when; defaults to defaultScenarioSchedule. Pass [] for clean traffic. */
  scenarios?: readonly ScenarioPlan[];
};

export type SimulatedAccountSummary = { accountCode: string | null; lineNumber: string; extensions: string[] };

export type SimulationResult = {
  profileId: ProfileId;
  profileLabel: string;
  /** The customer name the carrier statement prints. */
  customerName: string;
  accounts: SimulatedAccountSummary[];
  periodStartMs: number;
  /** Exclusive. */
  periodEndMs: number;
  /** The carrier statements the period touches, oldest first. */
  statementMonths: StatementMonth[];
  labels: ScenarioLabel[];
  /** Sorted by start; each iteration regenerates the same calls with the same ids. */
  calls: Iterable<SimulatedCall>;
};

export function simulateTraffic(options: SimulateTrafficOptions): SimulationResult {
  const seed = options.seed ?? 1;
  const days = options.days ?? 180;
  const calendar = buildSimulationCalendar(options.startDate, days);
  const profile = buildTrafficProfile(options.profileId, seed);
  const plans = options.scenarios ?? defaultScenarioSchedule(options.startDate, days);
  const injected = injectScenarios(plans, profile, calendar, seed);
  const scenarioCallsByDay = new Map<number, CallDraft[]>();
  for (const call of injected.flatMap((scenario) => scenario.calls)) {
    const dayIndex = calendar.dayIndexOf(call.startedAtMs);
    const dayCalls = scenarioCallsByDay.get(dayIndex);
    if (dayCalls) dayCalls.push(call);
    else scenarioCallsByDay.set(dayIndex, [call]);
  }
  return {
    profileId: profile.id,
    profileLabel: profile.label,
    customerName: profile.customerName,
    accounts: profile.accounts.map(({ accountCode, lineNumber, extensions }) => ({ accountCode, lineNumber, extensions })),
    periodStartMs: calendar.startMs,
    periodEndMs: calendar.endMs,
    statementMonths: statementMonthsOf(calendar),
    labels: injected.map((scenario) => scenario.label),
    calls: { [Symbol.iterator]: () => emitCalls(profile, calendar, seed, scenarioCallsByDay) },
  };
}

function* emitCalls(
  profile: TrafficProfile,
  calendar: SimulationCalendar,
  seed: number,
  scenarioCallsByDay: Map<number, CallDraft[]>,
): Generator<SimulatedCall> {
  let sequence = 0;
  for (const day of calendar.days) {
    const drafts = generateNormalDay(profile, day, seed);
    for (const call of scenarioCallsByDay.get(day.index) ?? []) drafts.push(call);
    drafts.sort((first, second) => first.startedAtMs - second.startedAtMs);
    for (const draft of drafts) {
      yield withCallId(draft, `${Math.floor(draft.startedAtMs / 1000)}.${sequence}`);
      sequence++;
    }
  }
}

/** A new record rather than a spread: scenario drafts are shared by every replay, and spreads are slow. */
function withCallId(draft: CallDraft, callId: string): SimulatedCall {
  return {
    callId,
    startedAtMs: draft.startedAtMs,
    isAnswered: draft.isAnswered,
    ringSeconds: draft.ringSeconds,
    billableSeconds: draft.billableSeconds,
    durationSeconds: draft.durationSeconds,
    disposition: draft.disposition,
    direction: draft.direction,
    extension: draft.extension,
    externalNumber: draft.externalNumber,
    externalCountry: draft.externalCountry,
    lineNumber: draft.lineNumber,
    accountCode: draft.accountCode,
    costYen: draft.costYen,
    scenarioId: draft.scenarioId,
  };
}

function statementMonthsOf(calendar: SimulationCalendar): StatementMonth[] {
  const months: StatementMonth[] = [];
  for (const day of calendar.days) {
    const { year, month } = tokyoParts(day.startMs);
    const last = months[months.length - 1];
    if (!last || last.year !== year || last.month !== month) months.push({ year, month });
  }
  return months;
}
