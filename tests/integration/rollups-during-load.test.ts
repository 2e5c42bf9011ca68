import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { rollupsRecomputed, storedRollups } from "@/tests/support/rollups-from-calls";

// A load writes its rollups from what it counted while staging, and counts days from the stored
// calls where that count cannot be trusted. Either way the rollups must equal a recount from
// call_records: in zones whose days change offset (New York's night the clocks go back) or start
// on the half hour (India, Lord Howe's half-hour DST), with costs in ten-thousandths, files in and
// out of time order, repeated calls, a second overlapping file, and few destinations held.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const HEADER = "started_at,source,destination,duration_seconds,billable_seconds,disposition,direction,cost,currency\n";
const DESTINATIONS = ["+23276123456", "+23276123457", "+81312345678", "+441632960123", "0312345678", "201", "9999", "+8821234567"];
const DISPOSITIONS = ["answered", "answered", "no_answer", "busy", "failed"];
const DIRECTIONS = ["outbound", "outbound", "inbound", "internal", ""];
const COSTS = ["", "-0.0085", "0.0001", "12.5", "1234", "0.00005", "3.14159"];
// Around New York's fall-back (2026-11-01 06:00Z) and Lord Howe's spring-forward (2026-10-03 15:30Z).
const WINDOWS = [Date.parse("2026-10-31T18:00:00Z"), Date.parse("2026-10-03T06:00:00Z")];

const callRow = fc.record({
  window: fc.constantFrom(...WINDOWS),
  minute: fc.integer({ min: 0, max: 36 * 60 }),
  source: fc.constantFrom("201", "202", "0612345678"),
  destination: fc.constantFrom(...DESTINATIONS),
  billable: fc.integer({ min: 0, max: 120 }),
  disposition: fc.constantFrom(...DISPOSITIONS),
  direction: fc.constantFrom(...DIRECTIONS),
  cost: fc.constantFrom(...COSTS),
});

type CallRow = typeof callRow extends fc.Arbitrary<infer T> ? T : never;

function csvOf(rows: CallRow[]): string {
  return HEADER + rows.map((row) => {
    const startedAt = new Date(row.window + row.minute * 60_000).toISOString();
    return [startedAt, row.source, row.destination, row.billable + 3, row.billable, row.disposition, row.direction, row.cost, row.cost ? "USD" : ""].join(",");
  }).join("\n") + "\n";
}

test("rollups written while loading equal a recount from the stored calls", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Tokyo", "UTC"),
      fc.array(callRow, { minLength: 1, maxLength: 40 }),
      fc.boolean(),
      fc.array(callRow, { maxLength: 10 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 40 }),
      async (timeZone, rows, isSorted, secondFile, chunkRows, maxHeldDestinations) => {
        const org = await createOrg(db, { timeZone });
        const ordered = isSorted ? [...rows].sort((a, b) => a.window + a.minute * 60_000 - (b.window + b.minute * 60_000)) : rows;
        const ingest = (content: string) =>
          runIngest(org, { source: Readable.from([Buffer.from(content)]), fileName: "calls.csv", maxBytes: 1e6, fileTimeZone: "UTC", chunkRows, maxHeldDestinations });
        const first = await ingest(csvOf(ordered));
        expect(first.rejected).toBe(0);
        // The second file repeats some calls of the first (duplicates) and adds others on the same days.
        await ingest(csvOf([...ordered.slice(0, 3), ...secondFile]));
        expect(await storedRollups(db.pool, org.org.id)).toEqual(await rollupsRecomputed(db.pool, org.org));
      },
    ),
    { numRuns: 25 },
  );
});

test("costs are summed exactly, in ten-thousandths", async () => {
  const org = await createOrg(db, { timeZone: "UTC" });
  const rows = Array.from({ length: 30 }, (_, index) => `2026-03-14T10:${String(index).padStart(2, "0")}:00Z,201,+23276123456,33,30,answered,outbound,0.1,USD`);
  await runIngest(org, { source: Readable.from([Buffer.from(HEADER + rows.join("\n"))]), fileName: "calls.csv", maxBytes: 1e6, fileTimeZone: "UTC", chunkRows: 7 });
  const { daily } = await storedRollups(db.pool, org.org.id);
  expect(daily).toEqual([expect.objectContaining({ day: "2026-03-14", calls: 30, estimated_cost: "3.0000", distinct_destinations: 1, short_calls: 30 })]);
});
