import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ProfileId } from "@/lib/simulation/simulated-call";
import { openBenchDatabase } from "@/tests/bench/bench-database";
import { formatViewReport } from "@/tests/support/detection-benchmark/format-view-report";
import { runViewBenchmark, type BenchmarkView, type ViewBenchmark } from "@/tests/support/detection-benchmark/run-view-benchmark";
import { formatDetectionTimings, timeDetectionRuns } from "@/tests/support/detection-benchmark/time-detection-runs";

// npm run bench:detect [-- --profiles a,b --views pbx,carrier --days 180 --seed 7 --perf-calls N --skip-perf]: the labelled
// detection benchmark. Each profile × view is simulated, imported through the real pipeline into its
// own organization, and replayed hour by hour over the attacks; the report gives per-scenario
// recall, time to detect and money lost before detection, day precision and false flagged days per
// profile-year of clean traffic (issue 4's floors are pinned by tests/integration/detection-benchmark-*).
// Then the speed of a full detection run over 5,000,000 calls and of the run after a one-day upload.

const { values } = parseArgs({
  options: {
    profiles: { type: "string", default: "office-jp-10,call-centre-200,itsp-50" },
    views: { type: "string", default: "pbx,carrier" },
    days: { type: "string", default: "180" },
    seed: { type: "string", default: "7" },
    start: { type: "string", default: "2026-05-01" },
    "perf-calls": { type: "string", default: "5000000" },
    "skip-perf": { type: "boolean", default: false },
  },
});

const work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bench-detect-"));
await fs.chmod(work, 0o755);
const bench = await openBenchDatabase(work, "bench_detect");
const db = bench.db;

const results: ViewBenchmark[] = [];
try {
  for (const profileId of values.profiles.split(",").filter(Boolean) as ProfileId[]) {
    for (const view of values.views.split(",") as BenchmarkView[]) {
      process.stderr.write(`${profileId} / ${view}: simulating ${values.days} days, importing, replaying…\n`);
      const result = await runViewBenchmark(db, { profileId, view, startDate: values.start, days: Number(values.days), seed: Number(values.seed) });
      results.push(result);
      console.log(formatViewReport(result));
    }
  }
  if (!values["skip-perf"]) {
    const calls = Number(values["perf-calls"]);
    process.stderr.write(`performance: importing ${calls.toLocaleString("en")} calls of the provider profile…\n`);
    const timing = await timeDetectionRuns(db, { calls, seed: Number(values.seed) });
    console.log(formatDetectionTimings(timing));
  }
} finally {
  await bench.close();
  await fs.rm(work, { recursive: true, force: true });
}

