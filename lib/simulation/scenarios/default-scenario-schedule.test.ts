import { expect, test } from "vitest";
import { tokyoParts, tokyoWallTimeToMs } from "@/lib/simulation/tokyo-time";
import { defaultScenarioSchedule } from "./default-scenario-schedule";
import { SCENARIOS } from "./scenario-registry";

test("180 days: every scenario, after five clean weeks, at its moment, in order and fitting the period", () => {
  const plans = defaultScenarioSchedule("2026-04-01", 180);
  expect(plans.map((plan) => plan.kind)).toEqual([
    "sequential-range-scan", "wangiri-callbacks", "compromised-extension", "marketing-campaign", "premium-domestic-abuse",
    "slow-irsf-spread", "sip-scanner-burst", "satellite-calls", "weekend-night-burst", "sierra-leone-flood",
  ]);
  const at = (kind: string) => tokyoParts(tokyoWallTimeToMs(plans.find((plan) => plan.kind === kind)?.startsAt ?? ""));
  expect(at("sierra-leone-flood")).toMatchObject({ weekday: 6, hour: 2 });
  expect(at("weekend-night-burst")).toMatchObject({ weekday: 5, hour: 21 });
  expect(at("marketing-campaign")).toMatchObject({ weekday: 1, hour: 10 });
  const starts = plans.map((plan) => tokyoWallTimeToMs(plan.startsAt));
  expect(starts[0]).toBeGreaterThanOrEqual(tokyoWallTimeToMs("2026-05-06T00:00"));
  plans.forEach((plan, index) => {
    const endMs = starts[index] + SCENARIOS[plan.kind].nominalDurationMs;
    expect(endMs).toBeLessThanOrEqual(tokyoWallTimeToMs("2026-09-28T00:00"));
    if (index + 1 < plans.length) expect(endMs, plan.kind).toBeLessThanOrEqual(starts[index + 1]);
  });
});

test("a holiday night for the satellite calls when one is near, and shorter periods shrink the plan", () => {
  const september = defaultScenarioSchedule("2026-05-01", 180).find((plan) => plan.kind === "satellite-calls");
  expect(september?.startsAt).toBe("2026-09-21T23:00");
  const short = defaultScenarioSchedule("2026-04-01", 90);
  expect(short.map((plan) => plan.kind)).toContain("sierra-leone-flood");
  for (const plan of short) expect(tokyoWallTimeToMs(plan.startsAt) + SCENARIOS[plan.kind].nominalDurationMs).toBeLessThanOrEqual(tokyoWallTimeToMs("2026-06-30T00:00"));
  expect(defaultScenarioSchedule("2026-04-01", 7).length).toBeLessThan(10);
});
