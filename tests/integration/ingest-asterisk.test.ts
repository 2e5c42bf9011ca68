import { createReadStream } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { fixturePath } from "@/tests/support/fixtures";

let db: TestDatabase;
let ctx: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
});
afterAll(() => db.drop());

const REAL_SAMPLE = fixturePath("asterisk/cdr.csv");
const ingest = (overrides: { fileTimeZone?: string } = {}) =>
  runIngest(ctx, { source: createReadStream(REAL_SAMPLE), fileName: "cdr.csv", maxBytes: 10_000_000, ...overrides });

test("imports the real Asterisk sample: every row counted, calls per day rolled up", async () => {
  const summary = await ingest({ fileTimeZone: "UTC" });

  expect(summary).toMatchObject({ format: "asterisk-cdr-csv", encoding: "utf-8", rows: 218, rejected: 0 });
  // 8 rows repeat another row exactly, uniqueid included (forked legs whose channels the
  // pseudonymiser blanked): each call is stored once.
  expect(summary).toMatchObject({ imported: 210, duplicates: 8 });
  expect(summary.firstCallAt).toBe("2017-06-20T09:49:22.000Z");
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(210);

  // Times are UTC in the file; the organization's days are Tokyo days (UTC+9), so evening calls
  // move to the next day (counted independently of the app from the file).
  const perDay = await db.pool.query<{ day: string; calls: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(calls)::int AS calls FROM daily_stats
      WHERE org_id = $1 GROUP BY day ORDER BY day`,
    [ctx.org.id],
  );
  expect(perDay.rows).toEqual([
    { day: "2017-06-20", calls: 26 },
    { day: "2017-06-21", calls: 45 },
    { day: "2017-06-22", calls: 46 },
    { day: "2017-06-23", calls: 28 },
    { day: "2017-06-24", calls: 11 },
    { day: "2017-06-25", calls: 10 },
    { day: "2017-06-27", calls: 20 },
    { day: "2017-06-28", calls: 24 },
  ]);

  const upload = await db.prisma.upload.findUniqueOrThrow({ where: { id: summary.uploadId } });
  expect(upload).toMatchObject({ status: "completed", rowsRead: 218, fileSizeBytes: 51407n });
  expect(upload.sha256).toBe("b8b443a708bc27305f8ceef63cdba725814cad8d1a098b25a5c04fbd488cae8b");
});

test("re-uploading the same file adds nothing and counts every call as a duplicate", async () => {
  const before = await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } });
  const summary = await ingest({ fileTimeZone: "UTC" });
  expect(summary).toMatchObject({ rows: 218, imported: 0, duplicates: 218, rejected: 0 });
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(before);
});
