import { expect, test } from "vitest";
import { sequentialDiallingRule } from "@/lib/detection/rules/sequential-dialling";
import { testCall, testDay } from "@/lib/detection/rules/test-day-input";

// Number scanning: five consecutive Sierra Leone numbers within minutes are flagged, unless the
// organization allowed Sierra Leone (a false alarm it dismissed).

const scan = Array.from({ length: 5 }, (_, index) =>
  testCall("2026-03-14", `02:3${index}`, { destination: `+2327612345${index}`, destinationCountry: "SL", billableSeconds: 0 }));

test("a run of consecutive numbers is a range being scanned", () => {
  const findings = sequentialDiallingRule.evaluate(testDay("2026-03-14", scan), sequentialDiallingRule.defaults);
  expect(findings).toHaveLength(1);
});

test("an allowed destination is not flagged", () => {
  const input = testDay("2026-03-14", scan);
  const allowed = { ...input, settings: { ...input.settings, allowedCountries: ["SL"] } };
  expect(sequentialDiallingRule.evaluate(allowed, sequentialDiallingRule.defaults)).toEqual([]);
});
