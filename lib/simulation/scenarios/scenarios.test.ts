import { beforeAll, expect, test } from "vitest";
import { isCarrierBilled } from "@/lib/simulation/is-carrier-billed";
import { simulateTraffic, type SimulationResult } from "@/lib/simulation/simulate-traffic";
import type { ScenarioKind, SimulatedCall } from "@/lib/simulation/simulated-call";
import { DAY_MS, tokyoParts } from "@/lib/simulation/tokyo-time";

// The shape of every default scenario, read from one 180-day office simulation (and one ITSP week).

let office: SimulationResult;
const callsOf = new Map<string, SimulatedCall[]>();
const scenario = (kind: ScenarioKind) => callsOf.get(kind) ?? [];
const hourOf = (call: SimulatedCall) => tokyoParts(call.startedAtMs).hour;

beforeAll(() => {
  office = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-04-01", days: 180, seed: 1 });
  for (const call of office.calls) {
    if (call.scenarioId === null) continue;
    const calls = callsOf.get(call.scenarioId) ?? [];
    calls.push(call);
    callsOf.set(call.scenarioId, calls);
  }
});

test("the Sierra Leone flood: ~14,000 calls of 30–32 s over four days from Saturday 02:30, a handful of numbers in one prefix, round the clock", () => {
  const flood = scenario("sierra-leone-flood");
  const answered = flood.filter((call) => call.isAnswered);
  expect(flood.length).toBeGreaterThan(13_500);
  expect(flood.length).toBeLessThan(15_500);
  expect(answered.length / flood.length).toBeGreaterThan(0.95);
  for (const call of answered) {
    expect(call.billableSeconds).toBeGreaterThanOrEqual(30);
    expect(call.billableSeconds).toBeLessThanOrEqual(32);
  }
  expect(new Set(flood.map((call) => call.externalCountry))).toEqual(new Set(["SL"]));
  const numbers = new Set(flood.map((call) => call.externalNumber));
  expect(numbers.size).toBeLessThanOrEqual(6);
  expect(new Set([...numbers].map((number) => number.slice(0, 12))).size).toBe(1);
  expect(new Set(flood.map((call) => call.extension)).size).toBe(6);
  const start = tokyoParts(flood[0].startedAtMs);
  expect([start.weekday, start.hour]).toEqual([6, 2]);
  const spanMs = flood[flood.length - 1].startedAtMs - flood[0].startedAtMs;
  expect(spanMs).toBeGreaterThan(3.9 * DAY_MS);
  expect(spanMs).toBeLessThanOrEqual(4 * DAY_MS);
  expect(new Set(answered.map(hourOf)).size).toBe(24);
  const costYen = flood.reduce((sum, call) => sum + call.costYen, 0);
  expect(costYen).toBeGreaterThan(2_300_000);
  expect(costYen).toBeLessThan(2_700_000);
  expect(answered.filter((call) => call.costYen === 175).length / answered.length).toBeGreaterThan(0.8);
});

test("every scenario is present and labelled with its reasons; only the campaign is legitimate", () => {
  const kinds = office.labels.map((label) => label.kind);
  expect(new Set(kinds)).toEqual(new Set<ScenarioKind>([
    "sierra-leone-flood", "slow-irsf-spread", "weekend-night-burst", "sequential-range-scan", "wangiri-callbacks",
    "compromised-extension", "premium-domestic-abuse", "sip-scanner-burst", "satellite-calls", "marketing-campaign",
  ]));
  for (const label of office.labels) {
    const calls = scenario(label.kind);
    expect(label.callCount).toBe(calls.length);
    expect(label.billedCallCount).toBe(calls.filter(isCarrierBilled).length);
    expect(label.costYen).toBe(calls.reduce((sum, call) => sum + call.costYen, 0));
    expect(label.isAttack).toBe(label.kind !== "marketing-campaign");
  }
  const reasons = (kind: ScenarioKind) => office.labels.find((label) => label.kind === kind)?.expectedReasons;
  expect(reasons("sequential-range-scan")).toContain("SEQUENTIAL_BNUM");
  expect(reasons("wangiri-callbacks")).toContain("WANGIRI_CALLBACK");
  expect(reasons("compromised-extension")).toContain("SOURCE_SHARE");
  expect(reasons("premium-domestic-abuse")).toContain("PREMIUM_DOMESTIC");
  expect(reasons("sierra-leone-flood")).toContain("UNIFORM_SHORT_DURATION");
});

test("the campaign: workdays, business hours outside lunch, ordinary talk times, many numbers", () => {
  const campaign = scenario("marketing-campaign");
  for (const call of campaign) {
    const { hour, weekday } = tokyoParts(call.startedAtMs);
    expect(hour >= 10 && hour < 18 && hour !== 12, `${hour}`).toBe(true);
    expect(weekday >= 1 && weekday <= 5).toBe(true);
  }
  const talk = campaign.filter((call) => call.isAnswered).map((call) => call.billableSeconds).sort((first, second) => first - second);
  const median = talk[Math.floor(talk.length / 2)];
  expect(median).toBeGreaterThan(120);
  expect(median).toBeLessThan(360);
  expect(new Set(campaign.map((call) => call.externalNumber)).size).toBeGreaterThan(campaign.length * 0.8);
});

test("the weekend burst runs from Friday 21:00 to Monday morning on several lines at once", () => {
  const burst = scenario("weekend-night-burst");
  const first = tokyoParts(burst[0].startedAtMs);
  const last = tokyoParts(burst[burst.length - 1].startedAtMs);
  expect([first.weekday, first.hour]).toEqual([5, 21]);
  expect(last.weekday).toBe(1);
  expect(last.hour).toBeLessThan(7);
  expect(new Set(burst.map((call) => call.extension)).size).toBeGreaterThanOrEqual(4);
  expect(maxConcurrent(burst)).toBeGreaterThanOrEqual(3);
});

test("the range scan dials consecutive numbers at night", () => {
  const scan = scenario("sequential-range-scan");
  const suffixes = scan.slice(0, 120).map((call) => Number(call.externalNumber.slice(-4)));
  suffixes.slice(1).forEach((suffix, index) => expect(suffix).toBe(suffixes[index] + 1));
  expect(scan.every((call) => hourOf(call) < 6)).toBe(true);
});

test("Wangiri: one-ring inbound calls at night, then callbacks to those very numbers", () => {
  const wangiri = scenario("wangiri-callbacks");
  const missed = wangiri.filter((call) => call.direction === "inbound");
  const callbacks = wangiri.filter((call) => call.direction === "outbound");
  expect(missed.every((call) => !call.isAnswered && call.durationSeconds <= 2 && hourOf(call) < 3)).toBe(true);
  expect(callbacks.length).toBeGreaterThanOrEqual(3);
  const callers = new Set(missed.map((call) => call.externalNumber));
  for (const callback of callbacks) {
    expect(callers.has(callback.externalNumber)).toBe(true);
    expect(callback.costYen).toBeGreaterThan(0);
    expect(callback.startedAtMs - missed[0].startedAtMs).toBeLessThan(3 * DAY_MS);
  }
});

test("one compromised extension, premium 0990 numbers, satellite numbers, and a scanner only the PBX sees", () => {
  const compromised = scenario("compromised-extension");
  expect(new Set(compromised.map((call) => call.extension)).size).toBe(1);
  expect(new Set(compromised.map((call) => call.externalCountry))).toEqual(new Set(["CU", "SO", "TN", "MV"]));
  const premium = scenario("premium-domestic-abuse");
  expect(premium.every((call) => call.externalNumber.startsWith("0990"))).toBe(true);
  expect(premium.filter((call) => call.isAnswered).every((call) => call.billableSeconds >= 300)).toBe(true);
  expect(scenario("satellite-calls").every((call) => call.externalNumber.startsWith("01088216") && call.externalCountry === null)).toBe(true);
  const scanner = scenario("sip-scanner-burst");
  expect(scanner.length).toBe(3000);
  expect(scanner.every((call) => call.disposition === "failed" && !isCarrierBilled(call))).toBe(true);
  expect(scanner[scanner.length - 1].startedAtMs - scanner[0].startedAtMs).toBeLessThan(3_600_000);
});

test("the slow spread stays low per day but reaches many countries and numbers", () => {
  const drip = scenario("slow-irsf-spread");
  const perDay = new Map<number, number>();
  for (const call of drip) perDay.set(Math.floor(call.startedAtMs / DAY_MS), (perDay.get(Math.floor(call.startedAtMs / DAY_MS)) ?? 0) + 1);
  expect(Math.max(...perDay.values())).toBeLessThanOrEqual(10);
  expect(new Set(drip.map((call) => call.externalCountry)).size).toBeGreaterThanOrEqual(8);
  expect(new Set(drip.map((call) => call.externalNumber)).size).toBeGreaterThan(drip.length * 0.6);
});

test("ITSP: each attack hits one account", () => {
  const itsp = simulateTraffic({ profileId: "itsp-50", startDate: "2026-04-01", days: 14, seed: 2, scenarios: [
    { kind: "sierra-leone-flood", startsAt: "2026-04-04T02:30" },
    { kind: "compromised-extension", startsAt: "2026-04-07T19:40", accountCode: "A1003" },
  ] });
  const accounts = new Map<string, Set<string | null>>();
  for (const call of itsp.calls) if (call.scenarioId) accounts.set(call.scenarioId, (accounts.get(call.scenarioId) ?? new Set()).add(call.accountCode));
  const flood = itsp.labels.find((label) => label.kind === "sierra-leone-flood");
  expect(accounts.get("sierra-leone-flood")).toEqual(new Set([flood?.accountCode]));
  expect(accounts.get("compromised-extension")).toEqual(new Set(["A1003"]));
});

function maxConcurrent(calls: SimulatedCall[]): number {
  const edges = calls.flatMap((call) => [[call.startedAtMs, 1], [call.startedAtMs + call.durationSeconds * 1000, -1]]);
  edges.sort((first, second) => first[0] - second[0] || first[1] - second[1]);
  let open = 0;
  let max = 0;
  for (const [, delta] of edges) max = Math.max(max, (open += delta));
  return max;
}
