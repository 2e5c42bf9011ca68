import { afterAll, beforeAll, describe, test } from "vitest";
import { expectBenchmarkFloors } from "@/tests/support/detection-benchmark/expect-benchmark-floors";
import { runViewBenchmark, type BenchmarkView } from "@/tests/support/detection-benchmark/run-view-benchmark";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The labelled benchmark's floors for the itsp-50 profile (180 days, seed 7), in both views:
// the PBX's CDRs and the carrier's monthly bills. `npm run bench:detect` prints the full report.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe.each<BenchmarkView>(["pbx", "carrier"])("itsp-50, %s view", (view) => {
  test("meets the floors", { timeout: 900_000 }, async () => {
    const result = await runViewBenchmark(db, { profileId: "itsp-50", view, startDate: "2026-05-01", days: 180, seed: 7 });
    expectBenchmarkFloors(result);
  });
});
