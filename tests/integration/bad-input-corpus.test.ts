import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { asteriskMaster, badInputCase, BAD_INPUT_CASES, gzipBomb } from "@/tests/support/bad-input-corpus";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Every hostile input of tests/support/bad-input-corpus.ts through the real pipeline: refused whole
// with a stable code and a specific message, leaving nothing behind, or imported with each bad row
// rejected for a reason. The upload always ends failed or completed, never left processing.

const MAX_BYTES = 4 * 1024 ** 3; // the server's default limit: the corpus must be refused on content, not size
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let db: TestDatabase;
let dataDir: string;
/** One organization that already has calls, for the refusals: they must change none of its data. */
let established: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bad-input-"));
  established = await createOrg(db, { timeZone: "UTC" });
  async function* validFile() {
    yield Buffer.from(asteriskMaster(12));
  }
  await runIngest(established, { source: validFile(), fileName: "Master.csv", maxBytes: MAX_BYTES });
});
afterAll(async () => {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Outcome = { summary: IngestSummary | null; error: unknown; bytesPulled: number; peakHeapGrowthBytes: number; uploadId: string };

async function importCase(ctx: OrgContext, id: string): Promise<Outcome> {
  const corpusCase = badInputCase(id);
  const source = corpusCase.source();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  let summary: IngestSummary | null = null;
  let error: unknown = null;
  try {
    summary = await runIngest(ctx, { source, fileName: corpusCase.fileName, expectedBytes: corpusCase.announcedBytes, maxBytes: MAX_BYTES, dataDir });
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(sampler);
  }
  const upload = await db.prisma.upload.findFirstOrThrow({ where: { orgId: ctx.org.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return { summary, error, bytesPulled: source.bytesPulled(), peakHeapGrowthBytes: peakHeap - heapBefore, uploadId: upload.id };
}

async function dataOf(ctx: OrgContext) {
  const where = { orgId: ctx.org.id };
  return {
    calls: await db.prisma.callRecord.count({ where }),
    rejectedRows: await db.prisma.rejectedRow.count({ where }),
    dailyStats: await db.prisma.dailyStat.findMany({ where, orderBy: { day: "asc" } }),
    hourlyStats: await db.prisma.hourlyStat.count({ where }),
    partitions: await callPartitions(),
  };
}

async function callPartitions(): Promise<string[]> {
  const result = await db.pool.query<{ name: string }>(
    `SELECT child.relname AS name FROM pg_inherits JOIN pg_class child ON child.oid = pg_inherits.inhrelid
      JOIN pg_class parent ON parent.oid = pg_inherits.inhparent WHERE parent.relname = 'call_records' ORDER BY 1`,
  );
  return result.rows.map((row) => row.name);
}

async function keptFiles(): Promise<string[]> {
  const entries = await fs.readdir(dataDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)));
}

const uploadRow = (uploadId: string) =>
  db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId }, select: { status: true, statusMessage: true, fileName: true, importedCount: true, rejectedCount: true } });

const rejectedRowsOf = (uploadId: string) =>
  db.prisma.rejectedRow.findMany({ where: { uploadId }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, reasonCode: true, detail: true, rawLine: true } });

describe("refused whole, with a stable code and a specific message, leaving nothing behind", () => {
  const refusals: [id: string, code: string, message: RegExp][] = [
    ["binary-garbage", "binary_content", /not text: \d+% of its first 65,536 bytes are control characters/],
    ["single-line-100mb", "row_too_long", /more than 1,048,576 characters without a line break/],
    ["runaway-quote-100mb", "row_too_long", /a quote opened in the file never closes/],
    ["utf-32le", "unsupported_encoding", /UTF-32 \(little-endian\)/],
    ["ten-thousand-columns", "too_many_columns", /Row 1 has 10,000 columns/],
    ["gzip-bomb-renamed-csv", "compressed_file", /a gzip-compressed file, not CSV text/],
    ["zip-bomb-renamed-csv", "compressed_file", /a ZIP archive .*, not CSV text/],
    ["pdf-renamed-csv", "binary_content", /a PDF document, not CSV text/],
    ["duplicate-headers", "duplicate_column", /names the column "to" twice \(columns 5 and 14\)/],
    ["empty-file", "empty_file", /no rows/],
    ["blank-lines-only", "empty_file", /no rows/],
    ["announced-too-large", "payload_too_large", /larger than the limit/],
  ];

  test.each(refusals)("%s → %s", async (id, code, message) => {
    const before = await dataOf(established);
    const filesBefore = await keptFiles();
    const outcome = await importCase(established, id);

    expect(outcome.error).toBeInstanceOf(InvalidInputError);
    expect(outcome.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await uploadRow(outcome.uploadId)).toMatchObject({ status: "failed", statusMessage: (outcome.error as Error).message, importedCount: 0 });
    expect(await dataOf(established)).toEqual(before);
    expect(await rejectedRowsOf(outcome.uploadId)).toEqual([]);
    expect(await keptFiles()).toEqual(filesBefore); // a refused file is not kept either
  });

  test("a 100 MB line, a 100 MB runaway quote and a 1 GB bomb are refused after their first megabytes", async () => {
    for (const id of ["single-line-100mb", "runaway-quote-100mb"]) {
      const outcome = await importCase(established, id);
      expect(outcome.error).toMatchObject({ code: "row_too_long" });
      expect(outcome.bytesPulled).toBeLessThan(3 * 1024 ** 2);
      expect(outcome.peakHeapGrowthBytes).toBeLessThan(96 * 1024 ** 2);
    }
    for (const id of ["gzip-bomb-renamed-csv", "zip-bomb-renamed-csv"]) {
      expect((await importCase(established, id)).bytesPulled).toBeLessThanOrEqual(128 * 1024);
    }
    expect((await importCase(established, "announced-too-large")).bytesPulled).toBe(0);
  });
});

describe("read row by row: valid rows imported, each bad row rejected with its reason", () => {
  async function imported(id: string) {
    const ctx = await createOrg(db, { timeZone: "UTC" });
    const outcome = await importCase(ctx, id);
    expect(outcome.error).toBeNull();
    const summary = outcome.summary as IngestSummary;
    expect(summary.imported + summary.duplicates + summary.mergedLegs + summary.rejected).toBe(summary.rows);
    expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(summary.imported);
    expect(await uploadRow(outcome.uploadId)).toMatchObject({ status: "completed", importedCount: summary.imported, rejectedCount: summary.rejected });
    return { ctx, summary, rejected: await rejectedRowsOf(outcome.uploadId) };
  }

  test.each(["truncated-mid-row", "truncated-mid-quoted-field"])("%s: the cut row is rejected, the rest imported", async (id) => {
    const { summary, rejected } = await imported(id);
    expect(summary).toMatchObject({ format: "asterisk-cdr-csv", rows: 20, imported: 19, rejected: 1 });
    expect(rejected.map((row) => [row.rowNumber, row.reasonCode])).toEqual([[20, "wrong_column_count"]]);
  });

  test("NUL bytes: their rows are rejected and shown with ␀ marks, not silently stripped", async () => {
    const { summary, rejected } = await imported("nul-bytes");
    expect(summary).toMatchObject({ rows: 20, imported: 18, rejected: 2 });
    expect(rejected.map((row) => [row.rowNumber, row.reasonCode, row.detail])).toEqual([
      [5, "control_characters", "NUL in column 5"],
      [9, "control_characters", "NUL in column 3"],
    ]);
    expect(rejected[0].rawLine).toContain("Recep\u2400tion");
    expect(rejected.every((row) => !row.rawLine.includes("\0"))).toBe(true);
  });

  test.each([["utf-16le-without-bom", "utf-16le"], ["utf-16be-without-bom", "utf-16be"]])("%s is recognised and read whole", async (id, encoding) => {
    const { summary } = await imported(id);
    expect(summary).toMatchObject({ encoding, rows: 20, imported: 20, rejected: 0 });
  });

  test("CP932 rows after a UTF-8 sample: every call kept, the unreadable names marked as such", async () => {
    const { ctx, summary } = await imported("cp932-after-utf8-sample");
    expect(summary).toMatchObject({ encoding: "utf-8", rows: 310, imported: 310 });
    const late = await db.prisma.callRecord.findFirstOrThrow({ where: { orgId: ctx.org.id, destinationRaw: "0312000305" }, select: { callerName: true } });
    expect(late.callerName).toContain("\uFFFD");
  });

  test("dates in the years 9999, 0000, 0099, 1900 and 1969 are rejected rows; no partition is made for them", async () => {
    const partitionsBefore = await callPartitions();
    const { summary, rejected } = await imported("implausible-dates");
    expect(summary).toMatchObject({ rows: 20, imported: 15, rejected: 5 });
    expect(rejected.map((row) => [row.rowNumber, row.reasonCode])).toEqual([11, 12, 13, 14, 15].map((row) => [row, "time_out_of_range"]));
    expect(rejected.map((row) => row.detail)).toEqual(["9999-12-31 23:59:59", "0000-01-01 00:00:00", "0099-06-01 12:00:00", "1900-01-01 00:00:00", "1969-12-31 23:59:59"]);
    const added = (await callPartitions()).filter((name) => !partitionsBefore.includes(name));
    expect(added.every((name) => /^call_records_y2026m\d\d$/.test(name))).toBe(true);
  });

  test("a duration no column can hold is the row's rejection, not the upload's failure", async () => {
    const { summary, rejected } = await imported("absurd-duration");
    expect(summary).toMatchObject({ rows: 20, imported: 19, rejected: 1 });
    expect(rejected.map((row) => [row.rowNumber, row.reasonCode])).toEqual([[4, "invalid_duration"]]);
  });

  test("a header without rows completes with nothing to import", async () => {
    const { summary } = await imported("header-only");
    expect(summary).toMatchObject({ format: "twilio-calls-csv", rows: 0, imported: 0, rejected: 0 });
  });
});

describe("file names are shown, never used as paths", () => {
  test.each([
    ["path-traversal-name", "passwd.csv"],
    ["windows-path-name", "win.ini.csv"],
    ["control-characters-name", "calls X-Injected: 1 .csv"],
    ["rtl-override-name", "invoicevsc.exe"],
  ])("%s is stored as %j and the file kept under its ids", async (id, shown) => {
    const ctx = await createOrg(db);
    const outcome = await importCase(ctx, id);
    expect(outcome.error).toBeNull();
    expect(await uploadRow(outcome.uploadId)).toMatchObject({ status: "completed", fileName: shown });
    expect(await keptFiles()).toContain(path.join("uploads", ctx.org.id, `${outcome.uploadId}.gz`));
  });

  test("everything kept under the data folder is named by ids alone", async () => {
    const files = await keptFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(new RegExp(`^uploads/${UUID}/${UUID}\\.gz$`));
  });
});

test("every case is covered above, and no upload is left pending or processing", async () => {
  const covered = ["binary-garbage", "single-line-100mb", "runaway-quote-100mb", "utf-32le", "ten-thousand-columns", "gzip-bomb-renamed-csv",
    "zip-bomb-renamed-csv", "pdf-renamed-csv", "duplicate-headers", "empty-file", "blank-lines-only", "announced-too-large",
    "truncated-mid-row", "truncated-mid-quoted-field", "nul-bytes", "utf-16le-without-bom", "utf-16be-without-bom", "cp932-after-utf8-sample",
    "implausible-dates", "absurd-duration", "header-only", "path-traversal-name", "windows-path-name", "control-characters-name", "rtl-override-name"];
  expect(BAD_INPUT_CASES.map((corpusCase) => corpusCase.id).sort()).toEqual(covered.sort());
  expect(await db.prisma.upload.count({ where: { status: { in: ["pending", "processing"] } } })).toBe(0);
});

test("the bomb generator makes a real bomb: its gzip expands to zeros at a ratio over 500", async () => {
  const uncompressedBytes = 64 * 1024 ** 2;
  const source = gzipBomb(uncompressedBytes);
  const gunzip = createGunzip();
  const expanded = (async () => {
    let bytes = 0;
    let isAllZero = true;
    for await (const chunk of gunzip) {
      bytes += (chunk as Buffer).length;
      if (isAllZero && (chunk as Buffer).some((byte) => byte !== 0)) isAllZero = false;
    }
    return { bytes, isAllZero };
  })();
  for await (const chunk of source) if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once("drain", resolve));
  gunzip.end();
  expect(await expanded).toEqual({ bytes: uncompressedBytes, isAllZero: true });
  expect(uncompressedBytes / source.bytesPulled()).toBeGreaterThan(500);
});
