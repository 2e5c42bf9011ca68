import { expect, test } from "vitest";
import { isCarrierBilled } from "./is-carrier-billed";
import { buildSimulationCalendar, type DayType } from "./simulation-calendar";
import { simulateTraffic, type SimulateTrafficOptions } from "./simulate-traffic";
import type { ProfileId, SimulatedCall } from "./simulated-call";
import { tokyoDateText, tokyoParts } from "./tokyo-time";

const START = "2026-04-01";

/** Legitimate calls per Tokyo day, grouped by day type. */
function callsPerDayType(options: SimulateTrafficOptions): Record<DayType, number[]> {
  const days = options.days ?? 180;
  const calendar = buildSimulationCalendar(options.startDate, days);
  const perDay = new Map<string, number>();
  for (const call of simulateTraffic({ ...options, scenarios: [] }).calls) {
    const date = tokyoDateText(call.startedAtMs);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }
  const result: Record<DayType, number[]> = { workday: [], saturday: [], closed: [] };
  for (const day of calendar.days) result[day.dayType].push(perDay.get(day.dateText) ?? 0);
  return result;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

test("the same seed gives the same calls and labels; another seed does not", () => {
  const options = { profileId: "office-jp-10", startDate: START, days: 40, seed: 11 } as const;
  const first = simulateTraffic(options);
  const second = simulateTraffic(options);
  const calls = [...first.calls];
  expect([...second.calls]).toEqual(calls);
  expect([...first.calls]).toEqual(calls);
  expect(second.labels).toEqual(first.labels);
  const other = [...simulateTraffic({ ...options, seed: 12 }).calls];
  expect(other.map((call) => call.externalNumber)).not.toEqual(calls.map((call) => call.externalNumber));
});

test("calls come sorted by start, with unique ids, inside the period, their fields consistent", () => {
  const result = simulateTraffic({ profileId: "call-centre-200", startDate: START, days: 14, seed: 3 });
  const problems: string[] = [];
  const ids = new Set<string>();
  let previousMs = -Infinity;
  for (const call of result.calls) {
    if (call.startedAtMs < previousMs) problems.push(`${call.callId} out of order`);
    if (call.startedAtMs < result.periodStartMs || call.startedAtMs >= result.periodEndMs) problems.push(`${call.callId} outside`);
    if (call.durationSeconds !== call.ringSeconds + call.billableSeconds) problems.push(`${call.callId} duration`);
    if (call.isAnswered !== (call.disposition === "answered")) problems.push(`${call.callId} answered flag`);
    if ((!call.isAnswered || call.direction !== "outbound") && call.costYen !== 0) problems.push(`${call.callId} cost`);
    previousMs = call.startedAtMs;
    ids.add(call.callId);
  }
  expect(problems).toEqual([]);
  expect(ids.size).toBeGreaterThan(50_000);
});

// The ITSP's shops and round-the-clock customers keep its Sundays busier than a single office's.
test.each<[ProfileId, number, [number, number], number]>([
  ["office-jp-10", 180, [100, 200], 0.03],
  ["call-centre-200", 60, [4000, 6500], 0.05],
  ["itsp-50", 21, [16_000, 25_000], 0.16],
])("%s: workday volume in range, light Saturdays, near-zero Sundays and holidays", (profileId, days, [low, high], closedShareMax) => {
  const perType = callsPerDayType({ profileId, startDate: START, days, seed: 5 });
  expect(mean(perType.workday)).toBeGreaterThan(low);
  expect(mean(perType.workday)).toBeLessThan(high);
  expect(mean(perType.saturday)).toBeLessThan(mean(perType.workday) * 0.4);
  expect(mean(perType.closed)).toBeLessThan(mean(perType.workday) * closedShareMax);
});

test("office: Golden Week and Sundays are quiet; the last two workdays of a month are busier", () => {
  const calendar = buildSimulationCalendar(START, 180);
  const perDay = new Map<string, number>();
  for (const call of simulateTraffic({ profileId: "office-jp-10", startDate: START, days: 180, seed: 2, scenarios: [] }).calls) {
    perDay.set(tokyoDateText(call.startedAtMs), (perDay.get(tokyoDateText(call.startedAtMs)) ?? 0) + 1);
  }
  for (const holiday of ["2026-04-29", "2026-05-04", "2026-05-05", "2026-05-06"]) expect(perDay.get(holiday) ?? 0).toBeLessThan(10);
  const workdays = calendar.days.filter((day) => day.dayType === "workday" && !day.isAfterClosure && !day.isObon);
  const peak = workdays.filter((day) => day.isMonthEndPeak).map((day) => perDay.get(day.dateText) ?? 0);
  const ordinary = workdays.filter((day) => !day.isMonthEndPeak).map((day) => perDay.get(day.dateText) ?? 0);
  expect(peak.length).toBeGreaterThanOrEqual(10);
  expect(mean(peak)).toBeGreaterThan(mean(ordinary) * 1.15);
});

test("office: a few international calls a week to its usual countries, in business hours mostly", () => {
  const international = [...simulateTraffic({ profileId: "office-jp-10", startDate: START, days: 180, seed: 4, scenarios: [] }).calls]
    .filter((call) => call.direction === "outbound" && call.externalNumber.startsWith("010"));
  const perWeek = international.length / (180 / 7);
  expect(perWeek).toBeGreaterThan(2);
  expect(perWeek).toBeLessThan(8);
  const countries = new Set(international.map((call) => call.externalCountry));
  for (const usual of ["US", "CN", "KR", "TW"]) expect(countries).toContain(usual);
  for (const country of countries) expect(["US", "CN", "KR", "TW", "GB", "SG"]).toContain(country);
  const inHours = international.filter((call) => tokyoParts(call.startedAtMs).hour >= 7 && tokyoParts(call.startedAtMs).hour < 20);
  expect(inHours.length / international.length).toBeGreaterThan(0.9);
});

test("every stream is present: outbound, inbound, internal, and unanswered, busy and failed attempts", () => {
  const calls = [...simulateTraffic({ profileId: "office-jp-10", startDate: START, days: 30, seed: 8, scenarios: [] }).calls];
  const count = (predicate: (call: SimulatedCall) => boolean) => calls.filter(predicate).length;
  for (const direction of ["outbound", "inbound", "internal"] as const) expect(count((call) => call.direction === direction)).toBeGreaterThan(200);
  for (const disposition of ["no_answer", "busy", "failed"] as const) expect(count((call) => call.disposition === disposition)).toBeGreaterThan(5);
  expect(count((call) => call.scenarioId !== null)).toBe(0);
  expect(count(isCarrierBilled)).toBeGreaterThan(count((call) => call.direction === "outbound") * 0.6);
});

test("ITSP calls carry their account's code, and accounts differ widely in size", () => {
  const result = simulateTraffic({ profileId: "itsp-50", startDate: START, days: 7, seed: 9, scenarios: [] });
  expect(result.accounts).toHaveLength(50);
  const perAccount = new Map<string | null, number>();
  for (const call of result.calls) perAccount.set(call.accountCode, (perAccount.get(call.accountCode) ?? 0) + 1);
  expect(perAccount.has(null)).toBe(false);
  expect(perAccount.size).toBe(50);
  const sizes = [...perAccount.values()].sort((first, second) => second - first);
  expect(sizes[0]).toBeGreaterThan(sizes[sizes.length - 1] * 20);
});

test("the default plan injects nine attacks and the campaign, each labelled", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: START, days: 180, seed: 1 });
  expect(result.labels).toHaveLength(10);
  expect(result.labels.filter((label) => label.isAttack)).toHaveLength(9);
  const counted = new Map<string, number>();
  for (const call of result.calls) if (call.scenarioId) counted.set(call.scenarioId, (counted.get(call.scenarioId) ?? 0) + 1);
  for (const label of result.labels) {
    expect(counted.get(label.id), label.id).toBe(label.callCount);
    expect(label.callCount).toBeGreaterThan(0);
    expect(label.expectedReasons.length).toBeGreaterThan(0);
    expect(label.firstCallAtMs).toBeLessThanOrEqual(label.lastCallAtMs);
  }
  expect(result.statementMonths).toEqual([4, 5, 6, 7, 8, 9].map((month) => ({ year: 2026, month })));
});

test("a plan outside the period, or naming an unknown account, is refused", () => {
  expect(() => simulateTraffic({ profileId: "office-jp-10", startDate: START, days: 30, scenarios: [{ kind: "sierra-leone-flood", startsAt: "2026-06-13T02:30" }] })).toThrow(/outside/);
  expect(() => simulateTraffic({ profileId: "itsp-50", startDate: START, days: 30, scenarios: [{ kind: "sierra-leone-flood", startsAt: "2026-04-11T02:30", accountCode: "Z9" }] })).toThrow(/no account/);
});
