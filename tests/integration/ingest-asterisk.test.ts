import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { fixturePath } from "@/tests/support/fixtures";
import { rollupsRecomputed, storedRollups } from "@/tests/support/rollups-from-calls";

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

  expect(summary).toMatchObject({ format: "asterisk-cdr-csv", encoding: "utf-8", legPolicy: "grouped-by-call-id", rows: 218, rejected: 0, skipped: 0 });
  // This Asterisk (1.8-era) writes one row per dial attempt, all with the call's uniqueid (e.g. an
  // unanswered ring, then the answered leg): 218 rows are 174 calls, 44 rows are merged legs.
  expect(summary).toMatchObject({ imported: 174, duplicates: 0, mergedLegs: 44 });
  expect(summary.firstCallAt).toBe("2017-06-20T09:49:22.000Z");
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(174);

  // Times are UTC in the file; the organization's days are Tokyo days (UTC+9), so evening calls
  // move to the next day (counted independently of the app from the file).
  const perDay = await db.pool.query<{ day: string; calls: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(calls)::int AS calls FROM daily_stats
      WHERE org_id = $1 GROUP BY day ORDER BY day`,
    [ctx.org.id],
  );
  expect(perDay.rows).toEqual([
    { day: "2017-06-20", calls: 21 },
    { day: "2017-06-21", calls: 35 },
    { day: "2017-06-22", calls: 41 },
    { day: "2017-06-23", calls: 22 },
    { day: "2017-06-24", calls: 8 },
    { day: "2017-06-25", calls: 10 },
    { day: "2017-06-27", calls: 16 },
    { day: "2017-06-28", calls: 21 },
  ]);

  // The answered leg represents a call whose first ring went unanswered.
  const first = await db.prisma.callRecord.findFirstOrThrow({ where: { orgId: ctx.org.id, callId: "1497952162.0" } });
  expect(first).toMatchObject({ disposition: "answered", billableSeconds: 514, rowNumber: 2 });

  const upload = await db.prisma.upload.findUniqueOrThrow({ where: { id: summary.uploadId } });
  expect(upload).toMatchObject({ status: "completed", rowsRead: 218, fileSizeBytes: 51407n });
  expect(upload.sha256).toBe("b8b443a708bc27305f8ceef63cdba725814cad8d1a098b25a5c04fbd488cae8b");
});

test("re-uploading the same file adds nothing and counts every call as a duplicate", async () => {
  const before = await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } });
  const summary = await ingest({ fileTimeZone: "UTC" });
  expect(summary).toMatchObject({ rows: 218, imported: 0, duplicates: 174, mergedLegs: 44, rejected: 0 });
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(before);
});

test("a call written twice in one new file is stored once, the second counted as a duplicate", async () => {
  // No uniqueid, so the two rows are not legs of one call: only their fingerprints say they are one.
  const row = `"","201","0312345678","from-internal","""Reception"" <201>","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/0312345678@trunk,60","2026-03-20 10:00:00","2026-03-20 10:00:02","2026-03-20 10:01:00",60,58,"ANSWERED","DOCUMENTATION","",""\n`;
  const other = row.replace("0312345678", "0398765432").replaceAll("10:00:0", "11:00:0");
  const summary = await runIngest(ctx, { source: Readable.from([Buffer.from(row + other + row)]), fileName: "twice.csv", maxBytes: 10_000, fileTimeZone: "UTC" });
  expect(summary).toMatchObject({ rows: 3, imported: 2, duplicates: 1, mergedLegs: 0, rejected: 0 });
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id, uploadId: summary.uploadId } })).toBe(2);
});

test("legs settled after chunks went both straight in and through staging; a call blocked by a replaced leg is stored", async () => {
  const org = await createOrg(db, { timeZone: "Asia/Tokyo" });
  // Asterisk with newcdrcolumns: uniqueid, userfield, peeraccount, linkedid, sequence.
  const line = (dst: string, minute: string, billsec: number, uniqueId: string, linkedId: string) =>
    `"","201","${dst}","from-internal","""Reception"" <201>","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/${dst}@trunk,60","2026-03-20 10:${minute}:00","2026-03-20 10:${minute}:05","2026-03-20 10:${minute}:59",${billsec + 5},${billsec},"ANSWERED","DOCUMENTATION","${uniqueId}","","","${linkedId}","1"\n`;
  const rows = [
    line("01023276123456", "00", 10, "1773997200.1", "1773997200.1"), // 1: call A's first leg, stored straight
    line("0312345678", "01", 30, "1773997260.2", "1773997260.2"), // 2: call B
    line("0398765432", "02", 40, "1773997320.3", "1773997320.3"), // 3: call C
    line("0312345678", "01", 30, "1773997260.2", "1773997260.7"), // 4: row 2's call in another group: a duplicate, staging from here on
    line("01023276123456", "00", 50, "1773997200.5", "1773997200.1"), // 5: call A's longer leg, its representative
    line("01023276123456", "00", 10, "1773997200.1", "1773997200.9"), // 6: row 1's call in another group: blocked until row 1 goes
  ];
  const summary = await runIngest(org, { source: Readable.from([Buffer.from(rows.join(""))]), fileName: "legs.csv", maxBytes: 10_000, fileTimeZone: "UTC", chunkRows: 2 });
  expect(summary).toMatchObject({ rows: 6, imported: 4, duplicates: 1, mergedLegs: 1, rejected: 0 });
  const stored = await db.pool.query<{ row_number: number }>(`SELECT row_number FROM call_records WHERE org_id = $1 ORDER BY row_number`, [org.org.id]);
  expect(stored.rows.map((row) => row.row_number)).toEqual([2, 3, 5, 6]);
  expect(await storedRollups(db.pool, org.org.id)).toEqual(await rollupsRecomputed(db.pool, org.org));
});

test("stored a few rows at a time, the real sample gives the same calls and counts as stored at once", async () => {
  // Legs of one call fall in different chunks: each group's first row is stored with its chunk,
  // and replaced by the group's representative at the end.
  const whole = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const chunked = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const ingestInto = (org: OrgContext, chunkRows?: number) =>
    runIngest(org, { source: createReadStream(REAL_SAMPLE), fileName: "cdr.csv", maxBytes: 10_000_000, fileTimeZone: "UTC", chunkRows });
  const stored = async (org: OrgContext) => (await db.pool.query(
    `SELECT row_number, started_at, disposition, billable_seconds, fingerprint FROM call_records WHERE org_id = $1 ORDER BY row_number`,
    [org.org.id],
  )).rows;
  const counts = ({ rows, imported, duplicates, mergedLegs, rejected }: Awaited<ReturnType<typeof ingestInto>>) => ({ rows, imported, duplicates, mergedLegs, rejected });

  const once = await ingestInto(whole);
  for (const chunkRows of [1, 2, 7]) {
    expect(counts(await ingestInto(chunked, chunkRows))).toEqual(counts(once));
    expect(await stored(chunked)).toEqual(await stored(whole));
    expect(await storedRollups(db.pool, chunked.org.id)).toEqual(await storedRollups(db.pool, whole.org.id));
    await db.pool.query("DELETE FROM call_records WHERE org_id = $1", [chunked.org.id]);
  }
  // With a leg-group table full after a dozen groups (as a file of millions of calls fills it), the
  // later groups go to the filter; with a filter too small as well, most rows are taken as repeats
  // and wait for the representative choice at the end, which stores each call once still.
  for (const legGroupMemory of [{ maxSlots: 16 }, { maxSlots: 16, filterWords: 16 }]) {
    const source = createReadStream(REAL_SAMPLE);
    expect(counts(await runIngest(chunked, { source, fileName: "cdr.csv", maxBytes: 10_000_000, fileTimeZone: "UTC", chunkRows: 5, legGroupMemory }))).toEqual(counts(once));
    expect(await stored(chunked)).toEqual(await stored(whole));
    expect(await storedRollups(db.pool, chunked.org.id)).toEqual(await storedRollups(db.pool, whole.org.id));
    await db.pool.query("DELETE FROM call_records WHERE org_id = $1", [chunked.org.id]);
  }
  // Again, into an organization that has the calls already: all duplicates, nothing changes.
  expect(counts(await ingestInto(whole, 3))).toEqual({ rows: 218, imported: 0, duplicates: 174, mergedLegs: 44, rejected: 0 });
  expect(await stored(whole)).toHaveLength(174);
  expect(await storedRollups(db.pool, whole.org.id)).toEqual(await rollupsRecomputed(db.pool, whole.org));
});

test("a second file on days that already hold calls: rollups count both files' calls", async () => {
  const org = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const row = (time: string, destination: string) =>
    `"","201","${destination}","from-internal","""Reception"" <201>","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/x@trunk,60","2026-03-20 ${time}","2026-03-20 ${time}","2026-03-20 ${time}",60,58,"ANSWERED","DOCUMENTATION","${time}",""\n`;
  const importRows = (rows: string[], chunkRows?: number) =>
    runIngest(org, { source: Readable.from([Buffer.from(rows.join(""))]), fileName: "day.csv", maxBytes: 10_000, fileTimeZone: "UTC", chunkRows });
  await importRows([row("10:00:00", "0312345678"), row("10:05:00", "0312345679")]);
  // The same destination again, the same hour and a new day of the same file: distinct counts stay true.
  await importRows([row("10:10:00", "0312345678"), row("10:15:00", "01023276123456"), row("23:30:00", "0312345678")], 1);
  const recount = await rollupsRecomputed(db.pool, org.org);
  expect(await storedRollups(db.pool, org.org.id)).toEqual(recount);
  expect(recount.daily).toContainEqual(expect.objectContaining({ day: "2026-03-20", direction: "outbound", destination_country: "JP", calls: 3, distinct_destinations: 2 }));

  // Out of time order, a row at a time: a day written once its chunks seemed done is touched again.
  const other = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const day = (date: string, time: string, destination: string) => row(time, destination).replaceAll("2026-03-20", date);
  await runIngest(other, {
    source: Readable.from([Buffer.from([day("2026-03-10", "01:00:00", "0312345678"), day("2026-03-12", "02:00:00", "0312345679"),
      day("2026-03-10", "03:00:00", "0312345670"), day("2026-03-12", "04:00:00", "0312345679")].join(""))]),
    fileName: "unsorted.csv", maxBytes: 10_000, fileTimeZone: "UTC", chunkRows: 1,
  });
  const unsorted = await rollupsRecomputed(db.pool, other.org);
  expect(await storedRollups(db.pool, other.org.id)).toEqual(unsorted);
  expect(unsorted.daily.map((stats) => (stats as { calls: number }).calls)).toEqual([2, 2]);
});

test("two files loaded at the same moment into one organization: both stored, rollups count both", async () => {
  const org = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const line = (index: number, destination: string) =>
    `"","201","${destination}","from-internal","""Reception"" <201>","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/x@trunk,60","2026-03-21 ${String(index % 24).padStart(2, "0")}:00:${String(index % 60).padStart(2, "0")}","","2026-03-21 00:00:00",60,58,"ANSWERED","DOCUMENTATION","${destination}.${index}",""\n`;
  const file = (prefix: string) => Array.from({ length: 40 }, (_, index) => line(index, `0${prefix}${String(index).padStart(7, "0")}`)).join("");
  const importFile = (content: string) =>
    runIngest(org, { source: Readable.from([Buffer.from(content)]), fileName: "same-day.csv", maxBytes: 100_000, fileTimeZone: "UTC", chunkRows: 3 });
  const [first, second] = await Promise.all([importFile(file("31")), importFile(file("32"))]);
  expect([first.imported, second.imported]).toEqual([40, 40]);
  expect(await storedRollups(db.pool, org.org.id)).toEqual(await rollupsRecomputed(db.pool, org.org));
});
