import { expect, test } from "vitest";
import { concurrencyRule } from "@/lib/detection/rules/concurrency";
import { offHoursInternationalRule } from "@/lib/detection/rules/off-hours-international";
import { premiumRateRule } from "@/lib/detection/rules/premium-rate";
import { wangiriRule } from "@/lib/detection/rules/wangiri";
import { paramsFor } from "@/lib/detection/call-sets";
import type { DetectionRule, DayInput } from "@/lib/detection/detection-rule";
import { testCall, testDay } from "@/lib/detection/rules/test-day-input";

// The rules judge a day against what the organization usually does, so a call centre's ordinary
// day is not an office's emergency — and the attack patterns still stand out.

const WORKDAY = "2026-06-10";
const evaluate = (rule: DetectionRule, input: DayInput) => rule.evaluate(input, paramsFor(rule.defaults, undefined));
const times = (count: number, from: string, everyMinutes: number) =>
  Array.from({ length: count }, (_, index) => {
    const minutes = Number(from.slice(0, 2)) * 60 + Number(from.slice(3)) + index * everyMinutes;
    return `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  });

test("WANGIRI: calling back one missed caller abroad is not Wangiri; calling back a one-ring burst is", () => {
  const missed = testCall(WORKDAY, "10:00", { direction: "inbound", source: "+33140000000", destination: "0312345678", destinationCountry: "FR", billableSeconds: 0, isAnswered: false, disposition: "no_answer", durationSeconds: 25 });
  const returned = testCall(WORKDAY, "10:30", { destination: "+33140000000", destinationCountry: "FR" });
  expect(evaluate(wangiriRule, testDay(WORKDAY, [missed, returned]))).toEqual([]);

  const burst = times(30, "01:00", 1).map((time, index) =>
    testCall(WORKDAY, time, { direction: "inbound", source: `+67570000${String(index % 10).padStart(3, "0")}`, destination: "0312345678", destinationCountry: "PG", billableSeconds: 0, isAnswered: false, disposition: "no_answer", durationSeconds: 2 }),
  );
  const callback = testCall(WORKDAY, "09:15", { destination: "+67570000003", destinationCountry: "PG", billableSeconds: 300, cost: 2490 });
  const [finding] = evaluate(wangiriRule, testDay(WORKDAY, [...burst, callback]));
  expect(finding).toMatchObject({ severity: "high", numbers: { burstCalls: 30, burstNumbers: 10, callbacks: 1, callbackCost: 2490 } });
});

test("WANGIRI: a callback to a burst seen the day before is still caught", () => {
  const yesterday = "2026-06-09";
  const burst = times(25, "02:00", 1).map((time, index) =>
    testCall(yesterday, time, { direction: "inbound", source: `+23276000${String(index % 6).padStart(3, "0")}`, destinationCountry: "SL", billableSeconds: 0, isAnswered: false, disposition: "no_answer", durationSeconds: 1 }),
  );
  const callback = testCall(WORKDAY, "09:00", { destination: "+23276000002", destinationCountry: "SL" });
  const [finding] = evaluate(wangiriRule, testDay(WORKDAY, [callback], { recentInboundOneRing: burst }));
  expect(finding).toMatchObject({ severity: "high", numbers: { burstCalls: 0, callbacks: 1 } });
});

test("PREMIUM_DOMESTIC: a long wait in a 0570 queue at night is ordinary; a long 0990 call at night is not", () => {
  const queue = testCall(WORKDAY, "21:00", { isInternational: false, destinationCountry: "JP", destination: "+81570000000", numberType: "shared_cost", billableSeconds: 45 * 60 });
  expect(evaluate(premiumRateRule, testDay(WORKDAY, [queue], { premiumDays: Array(20).fill({ minutes: 30, longOffHours: 0 }) }))).toEqual([]);

  const premium = testCall(WORKDAY, "23:00", { isInternational: false, destinationCountry: "JP", destination: "+81990000000", numberType: "premium_rate", billableSeconds: 40 * 60 });
  const [finding] = evaluate(premiumRateRule, testDay(WORKDAY, [premium], { premiumDays: Array(20).fill({ minutes: 30, longOffHours: 0 }) }));
  expect(finding).toMatchObject({ severity: "medium", numbers: { longOffHoursCalls: 1 } });
});

test("PREMIUM_DOMESTIC: minutes are judged against the organization's usual use once learned", () => {
  const calls = times(20, "10:00", 15).map((time) => testCall(WORKDAY, time, { isInternational: false, destinationCountry: "JP", destination: "+81570000000", numberType: "shared_cost", billableSeconds: 600 }));
  const busyUsual = { premiumDays: Array(20).fill({ minutes: 250, longOffHours: 0 }) };
  expect(evaluate(premiumRateRule, testDay(WORKDAY, calls, busyUsual))).toEqual([]); // 200 min, usually up to 250
  const quietUsual = { premiumDays: Array(20).fill({ minutes: 10, longOffHours: 0 }) };
  expect(evaluate(premiumRateRule, testDay(WORKDAY, calls, quietUsual))[0]).toMatchObject({ numbers: { minutes: 200, thresholdKind: "floor", maxMinutesPerDay: 60 } });
});

test("CONCURRENCY: the limit follows the organization's usual peak, never below the defaults", () => {
  const parallel = times(8, "11:00", 0).map((time, index) => testCall(WORKDAY, time, { billableSeconds: 600, destination: `+1415555010${index}` }));
  const [office] = evaluate(concurrencyRule, testDay(WORKDAY, parallel, { concurrencyPeaks: Array(20).fill({ business: 1, offHours: 0 }) }));
  expect(office).toMatchObject({ numbers: { peakConcurrent: 8, limit: 5, limitKind: "business-hours" } });
  expect(evaluate(concurrencyRule, testDay(WORKDAY, parallel, { concurrencyPeaks: Array(20).fill({ business: 7, offHours: 2 }) }))).toEqual([]); // limit 11
});

test("OFF_HOURS: evening calls a business always makes are not flagged; ten times as many are", () => {
  const usual = { sameDayTypeOffHours: Array(8).fill({ offHours: 30, night: 0 }) };
  const ordinary = times(32, "18:30", 5).map((time) => testCall(WORKDAY, time));
  expect(evaluate(offHoursInternationalRule, testDay(WORKDAY, ordinary, usual))).toEqual([]);
  const flood = times(300, "18:00", 1).map((time) => testCall(WORKDAY, time));
  expect(evaluate(offHoursInternationalRule, testDay(WORKDAY, flood, usual))[0]).toMatchObject({ severity: "high", numbers: { calls: 300, usualCalls: 30, baselineKind: "learned" } });
});
