import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { InvalidInputError, PayloadTooLargeError } from "@/lib/errors";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { fixturePath } from "@/tests/support/fixtures";
import { rollupsRecomputed, storedRollups } from "@/tests/support/rollups-from-calls";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
let ctx: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db);
});
afterAll(() => db.drop());

const callCount = () => db.prisma.callRecord.count({ where: { orgId: ctx.org.id } });

async function* bytesOf(...chunks: (string | Buffer)[]) {
  for (const chunk of chunks) yield Buffer.from(chunk);
}

test("bad rows are stored with their reasons and every row is counted", async () => {
  const summary = await runIngest(ctx, {
    source: createReadStream(fixturePath("asterisk/master-with-bad-rows.csv")),
    fileName: "master-with-bad-rows.csv",
    formatId: "asterisk-cdr-csv",
    maxBytes: 1_000_000,
  });
  expect(summary).toMatchObject({ rows: 7, imported: 2, duplicates: 0, mergedLegs: 0, rejected: 5 });
  expect(summary.imported + summary.duplicates + summary.mergedLegs + summary.rejected).toBe(summary.rows);

  const rejected = await db.prisma.rejectedRow.findMany({
    where: { orgId: ctx.org.id, uploadId: summary.uploadId },
    orderBy: { rowNumber: "asc" },
    select: { rowNumber: true, reasonCode: true, detail: true, rawLine: true },
  });
  expect(rejected.map((row) => [row.rowNumber, row.reasonCode])).toEqual([
    [2, "invalid_start_time"], [3, "time_out_of_range"], [4, "invalid_duration"], [5, "missing_destination"], [6, "wrong_column_count"],
  ]);
  expect(rejected[2].detail).toBe("sixty / 60");
  expect(rejected[4].rawLine).toBe("truncated,201,0312345678,from-internal");
});

test("a file over the size limit fails as a whole: no calls, no rejected rows, upload marked failed", async () => {
  const before = await callCount();
  const good = await fs.readFile(fixturePath("asterisk/cdr.csv"));
  const attempt = runIngest(ctx, { source: bytesOf(good, good, good), fileName: "too-big.csv", maxBytes: good.length * 2, fileTimeZone: "UTC" });
  await expect(attempt).rejects.toThrow(PayloadTooLargeError);

  expect(await callCount()).toBe(before);
  const upload = await db.prisma.upload.findFirstOrThrow({ where: { orgId: ctx.org.id, fileName: "too-big.csv" } });
  expect(upload.status).toBe("failed");
  expect(upload.statusMessage).toMatch(/larger than the limit/);
  expect(await db.prisma.rejectedRow.count({ where: { uploadId: upload.id } })).toBe(0);
});

test("a source that breaks mid-file leaves nothing behind", async () => {
  const before = await callCount();
  async function* breaksAfterSomeRows() {
    yield await fs.readFile(fixturePath("asterisk/cdr.csv"));
    throw new Error("connection reset by peer");
  }
  await expect(runIngest(ctx, { source: breaksAfterSomeRows(), fileName: "broken.csv", maxBytes: 10_000_000, fileTimeZone: "UTC" }))
    .rejects.toThrow("connection reset by peer");
  expect(await callCount()).toBe(before);
  const upload = await db.prisma.upload.findFirstOrThrow({ where: { orgId: ctx.org.id, fileName: "broken.csv" } });
  expect(upload).toMatchObject({ status: "failed", statusMessage: "connection reset by peer", importedCount: 0 });
});

test("an unknown layout and an empty file are refused with a reason", async () => {
  await expect(runIngest(ctx, { source: bytesOf("name,colour\nalice,blue\n"), fileName: "notes.csv", maxBytes: 1000 }))
    .rejects.toMatchObject({ code: "unknown_format" });
  await expect(runIngest(ctx, { source: bytesOf(""), fileName: "empty.csv", maxBytes: 1000 }))
    .rejects.toThrow(InvalidInputError);
  const failed = await db.prisma.upload.findMany({ where: { orgId: ctx.org.id, fileName: { in: ["notes.csv", "empty.csv"] } }, select: { status: true } });
  expect(failed).toEqual([{ status: "failed" }, { status: "failed" }]);
});

test("another organization's identical file is its own: de-duplication is per organization", async () => {
  const other = await createOrg(db);
  const first = await runIngest(ctx, { source: createReadStream(fixturePath("asterisk/smallcdr_wo_parallelcalls.csv")), fileName: "small.csv", maxBytes: 1_000_000 });
  const second = await runIngest(other, { source: createReadStream(fixturePath("asterisk/smallcdr_wo_parallelcalls.csv")), fileName: "small.csv", maxBytes: 1_000_000 });
  expect(first.imported).toBeGreaterThan(0);
  expect(second.imported).toBe(first.imported);
  expect(await db.prisma.callRecord.count({ where: { orgId: other.org.id } })).toBe(first.imported);
});

test("for any mutation of a valid file, every row is accounted for and stored calls match the count", async () => {
  const valid = await fs.readFile(fixturePath("asterisk/master-canonical.csv"));
  const other = await createOrg(db);
  await fc.assert(
    // Stored in chunks of any size: legs and repeated rows fall on either side of a chunk's end.
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 8 }), async (changes, twice, chunkRows) => {
      const bytes = Buffer.from(valid);
      for (const [position, value] of changes) bytes[position % bytes.length] = value;
      const content = twice ? Buffer.concat([bytes, bytes]) : bytes;
      const before = await db.prisma.callRecord.count({ where: { orgId: other.org.id } });
      try {
        const summary = await runIngest(other, { source: bytesOf(content), fileName: "mutated.csv", formatId: "asterisk-cdr-csv", maxBytes: 1e6, chunkRows });
        expect(summary.imported + summary.duplicates + summary.mergedLegs + summary.rejected).toBe(summary.rows);
        expect(await db.prisma.callRecord.count({ where: { orgId: other.org.id } })).toBe(before + summary.imported);
        expect(await db.prisma.rejectedRow.count({ where: { uploadId: summary.uploadId } })).toBe(summary.rejected);
        // Rollups built chunk by chunk, onto days that held calls already, match a recount.
        expect(await storedRollups(db.pool, other.org.id)).toEqual(await rollupsRecomputed(db.pool, other.org));
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(await db.prisma.callRecord.count({ where: { orgId: other.org.id } })).toBe(before);
      }
    }),
    { numRuns: 25 },
  );
});
