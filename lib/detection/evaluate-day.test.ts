import { expect, test } from "vitest";
import { evaluateDay } from "@/lib/detection/evaluate-day";
import { explainFinding } from "@/lib/detection/explain-finding";
import { testCall, testDay } from "@/lib/detection/rules/test-day-input";

// A finding names the account or extension that placed nearly all of its calls, and its sentence
// starts with it: a provider sees which customer is hit, an office which phone.

const DAY = "2026-06-13"; // a Saturday
const history = { countriesCalled: new Set(["US"]), sameDayTypeInternational: Array(8).fill({ day: "2026-06-06", dayType: "saturday", calls: 1, answered: 1, billableSeconds: 60, cost: 100 }) };

test("calls from one customer account to a new country are attributed to that account", () => {
  const calls = Array.from({ length: 80 }, (_, index) =>
    testCall(DAY, `02:${String(index % 60).padStart(2, "0")}`, { destination: `+5353${String(index).padStart(6, "0")}`, destinationCountry: "CU", accountCode: "A0012", source: `2${index % 4}1`, billableSeconds: 30 }));
  const otherCustomer = testCall(DAY, "11:00", { accountCode: "A0003", source: "301" });
  const findings = evaluateDay(testDay(DAY, [...calls, otherCustomer], history));
  const volume = findings.find((finding) => finding.ruleId === "VOLUME_SPIKE");
  expect(volume?.subject).toEqual({ account: "A0012" });
  expect(explainFinding({ ruleId: volume!.ruleId, day: DAY, numbers: volume!.numbers, subject: volume!.subject }, "en", { timeZone: "Asia/Tokyo", currency: "JPY" })).toMatch(/^Account A0012: 81 outbound international calls/);
  expect(explainFinding({ ruleId: volume!.ruleId, day: DAY, numbers: volume!.numbers, subject: volume!.subject }, "ja", { timeZone: "Asia/Tokyo", currency: "JPY" })).toMatch(/^アカウント A0012：/);
});

test("the only account or line there is, is not named", () => {
  const calls = Array.from({ length: 80 }, (_, index) =>
    testCall(DAY, `02:${String(index % 60).padStart(2, "0")}`, { destination: `+5353${String(index).padStart(6, "0")}`, destinationCountry: "CU", source: "0312345678", billableSeconds: 30 }));
  expect(evaluateDay(testDay(DAY, calls, history)).every((finding) => Object.keys(finding.subject).length === 0)).toBe(true);
});

test("calls spread over several phones name no one", () => {
  const calls = Array.from({ length: 80 }, (_, index) =>
    testCall(DAY, `03:${String(index % 60).padStart(2, "0")}`, { destination: `+23276${String(index).padStart(6, "0")}`, destinationCountry: "SL", source: `20${index % 6}`, billableSeconds: 31 }));
  const findings = evaluateDay(testDay(DAY, calls, history));
  expect(findings.length).toBeGreaterThan(3);
  expect(findings.filter((finding) => finding.ruleId !== "SOURCE_SHARE").every((finding) => Object.keys(finding.subject).length === 0)).toBe(true);
});
