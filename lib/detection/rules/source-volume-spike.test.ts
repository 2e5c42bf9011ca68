import { expect, test } from "vitest";
import { sourceVolumeSpikeRule } from "@/lib/detection/rules/source-volume-spike";
import { testCall, testDay } from "@/lib/detection/rules/test-day-input";

// Per-account baselines: a provider's small customer account jumping from a few international calls
// a day to eighty is flagged, named, even though the provider's total barely moves; an account that
// is busy every day, a single-account organization, and PBX extensions are left to other rules.

const DAY = "2026-04-11";
const history = (counts: Record<string, number>) => ({ sourcesDaily: new Map(Object.entries(counts).map(([source, count]) => [source, Array.from({ length: 28 }, (_, index) => count + (index % 3) - 1)])) });
const calls = (account: string | null, count: number, source = "201") =>
  Array.from({ length: count }, (_, index) => testCall(DAY, `${String(2 + Math.floor(index / 60)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}`, { accountCode: account, source, destination: `+23276${String(index).padStart(6, "0")}`, destinationCountry: "SL" }));

test("one account far above its own usual days is flagged and named", () => {
  const input = testDay(DAY, [...calls("A0012", 80), ...calls("A0001", 300)], history({ "account:A0012": 3, "account:A0001": 300, "account:A0002": 40 }));
  const findings = sourceVolumeSpikeRule.evaluate(input, sourceVolumeSpikeRule.defaults);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ ruleId: "ACCOUNT_VOLUME_SPIKE", subject: { account: "A0012" }, severity: "medium", numbers: { account: "A0012", observed: 80, expected: 3 } });
});

test("a new account with many calls on its first days is measured against zero", () => {
  const input = testDay(DAY, calls("A0099", 150), history({ "account:A0001": 300, "account:A0002": 40 }));
  expect(sourceVolumeSpikeRule.evaluate(input, sourceVolumeSpikeRule.defaults)).toMatchObject([{ subject: { account: "A0099" }, severity: "high" }]);
});

test("busy accounts within their usual range, single-account organizations and extensions are not flagged", () => {
  const params = sourceVolumeSpikeRule.defaults;
  expect(sourceVolumeSpikeRule.evaluate(testDay(DAY, calls("A0001", 450), history({ "account:A0001": 300, "account:A0002": 40 })), params)).toEqual([]);
  expect(sourceVolumeSpikeRule.evaluate(testDay(DAY, calls("A0001", 200), history({ "account:A0001": 3 })), params)).toEqual([]);
  expect(sourceVolumeSpikeRule.evaluate(testDay(DAY, calls(null, 200, "201"), history({ "extension:201": 3, "extension:202": 3 })), params)).toEqual([]);
  // Without a learned history (under 14 earlier days), the organization-wide cold-start rules decide.
  const short = { sourcesDaily: new Map([["account:A0012", [3, 3, 3]], ["account:A0001", [300, 300, 300]]]) };
  expect(sourceVolumeSpikeRule.evaluate(testDay(DAY, calls("A0012", 80), short), params)).toEqual([]);
});
