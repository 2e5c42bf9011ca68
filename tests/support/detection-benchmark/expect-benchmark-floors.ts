import { expect } from "vitest";
import { tokyoDateText } from "@/lib/simulation/tokyo-time";
import type { ViewBenchmark } from "./run-view-benchmark";

// The floors issue 4 pins on every profile and view of the labelled benchmark: the seed's flood
// flagged high on its first day, every attack the view can see detected, at most two false flagged
// days per profile-year of clean traffic, and the legitimate campaign never flagged high.

export function expectBenchmarkFloors(result: ViewBenchmark): void {
  const flood = result.scenarios.find((outcome) => outcome.label.kind === "sierra-leone-flood");
  expect(flood, "the flood is part of the schedule").toBeDefined();
  expect(flood!.flaggedHighAtMs, "the flood is flagged high").not.toBeNull();
  expect(tokyoDateText(flood!.flaggedHighAtMs! - 1), "the flood is flagged high on its first day").toBe(tokyoDateText(flood!.label.firstCallAtMs));

  const missed = result.scenarios.filter((outcome) => outcome.label.isAttack && outcome.isVisible && !outcome.isDetected).map((outcome) => outcome.label.id);
  expect(missed, "every attack in view is detected").toEqual([]);

  expect(result.falseFlaggedDaysPerYear, `false flagged days: ${JSON.stringify(result.falseFlaggedDays)}`).toBeLessThanOrEqual(2);

  const campaign = result.scenarios.find((outcome) => !outcome.label.isAttack);
  expect(campaign, "the campaign is part of the schedule").toBeDefined();
  expect(["high", "critical"], "the campaign is never flagged high").not.toContain(campaign!.worstSeverity);
  expect(campaign!.hoursToHigh, "not even for an hour during the replay").toBeNull();
}
