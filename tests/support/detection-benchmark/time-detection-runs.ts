import type { Database } from "@/lib/db/org-context";
import { addDays } from "@/lib/detection/local-days";
import { runDetection, type DetectionStageSeconds } from "@/lib/detection/run-detection";
import { runIngest } from "@/lib/ingest/run-ingest";
import type { SimulatedCall } from "@/lib/simulation/simulated-call";
import { simulateTraffic } from "@/lib/simulation/simulate-traffic";
import { tokyoDateText } from "@/lib/simulation/tokyo-time";
import { toAsteriskMaster } from "@/lib/simulation/writers/to-asterisk-master";
import { createOrg } from "@/prisma/seed/create-org";

// The benchmark's performance half: a provider holding `calls` calls (the ITSP profile over as many
// days as that takes, attacks included) is imported except for its last day; then a full detection
// run is timed, the last day is imported as its own upload, and the incremental run that follows
// an upload (that day plus the trailing window) is timed.

const ITSP_CALLS_PER_DAY = 14_950;

export type DetectionTimings = {
  calls: number;
  days: number;
  setupSeconds: number;
  fullRunSeconds: number;
  fullRunDays: number;
  fullRunStages: DetectionStageSeconds;
  incrementalSeconds: number;
  incrementalDays: number;
  incrementalStages: DetectionStageSeconds;
};

export async function timeDetectionRuns(db: Database, options: { calls: number; seed: number }): Promise<DetectionTimings> {
  const days = Math.ceil(options.calls / ITSP_CALLS_PER_DAY);
  const lastDay = addDays(tokyoDateText(Date.now()), -1);
  const simulation = simulateTraffic({ profileId: "itsp-50", startDate: addDays(lastDay, -(days - 1)), days, seed: options.seed });
  const ctx = await createOrg(db, { name: "Benchmark detection timing", timeZone: "Asia/Tokyo", countryCode: "JP" });

  const setupStarted = performance.now();
  const before = await importCalls(ctx, filterCalls(simulation.calls, (call) => tokyoDateText(call.startedAtMs) < lastDay), "Master-history.csv");
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const fullStarted = performance.now();
  const full = await runDetection(ctx);
  const fullRunSeconds = (performance.now() - fullStarted) / 1000;

  const after = await importCalls(ctx, filterCalls(simulation.calls, (call) => tokyoDateText(call.startedAtMs) === lastDay), "Master-last-day.csv");
  const incrementalStarted = performance.now();
  const incremental = await runDetection(ctx, { days: [lastDay] });
  const incrementalSeconds = (performance.now() - incrementalStarted) / 1000;

  return {
    calls: before + after, days, setupSeconds,
    fullRunSeconds, fullRunDays: full.days, fullRunStages: full.stageSeconds,
    incrementalSeconds, incrementalDays: incremental.days, incrementalStages: incremental.stageSeconds,
  };
}

async function importCalls(ctx: Awaited<ReturnType<typeof createOrg>>, calls: Iterable<SimulatedCall>, fileName: string): Promise<number> {
  const source = (async function* () {
    for (const chunk of toAsteriskMaster(calls)) yield Buffer.from(chunk);
  })();
  const summary = await runIngest(ctx, { source, fileName, fileTimeZone: "Asia/Tokyo", maxBytes: 16 * 1024 ** 3 });
  return summary.imported;
}

function filterCalls(calls: Iterable<SimulatedCall>, keep: (call: SimulatedCall) => boolean): Iterable<SimulatedCall> {
  return {
    *[Symbol.iterator]() {
      for (const call of calls) if (keep(call)) yield call;
    },
  };
}

const FULL_RUN_TARGET_SECONDS = 10;
const INCREMENTAL_TARGET_SECONDS = 1;

/** The two timings beside their targets, each with where its time went. */
export function formatDetectionTimings(timing: DetectionTimings): string {
  const verdict = (seconds: number, target: number) => `target < ${target} s  ${(seconds / target).toFixed(2)} of target  ${seconds < target ? "OK" : "MISSED"}`;
  const stages = (seconds: DetectionStageSeconds) =>
    `load input ${seconds.loadInput.toFixed(2)} s · evaluate days ${seconds.evaluateDays.toFixed(2)} s · save findings ${seconds.saveFindings.toFixed(2)} s · day stats ${seconds.dayStats.toFixed(2)} s · incidents ${seconds.incidents.toFixed(2)} s`;
  return `
== detection speed: an organization holding ${timing.calls.toLocaleString("en")} calls over ${timing.days} days (imported in ${timing.setupSeconds.toFixed(0)} s)
full run          ${timing.fullRunSeconds.toFixed(2)} s for ${timing.fullRunDays} days   ${verdict(timing.fullRunSeconds, FULL_RUN_TARGET_SECONDS)}
                  ${stages(timing.fullRunStages)}
incremental run   ${timing.incrementalSeconds.toFixed(2)} s after a one-day upload (${timing.incrementalDays} day)   ${verdict(timing.incrementalSeconds, INCREMENTAL_TARGET_SECONDS)}
                  ${stages(timing.incrementalStages)}`;
}
