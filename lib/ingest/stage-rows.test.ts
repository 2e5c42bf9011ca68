import fs from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { readUploadText } from "@/lib/ingest/read-upload-text";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { stageRows } from "@/lib/ingest/stage-rows";
import { fixturePath } from "@/tests/support/fixtures";
import { TOKYO } from "@/tests/support/format-fixtures";
import { readBinaryCopy } from "@/tests/support/read-binary-copy";
import type { StagedChunk } from "@/lib/storage/load-call-chunks";
import { CALL_RECORD_COLUMNS } from "@/lib/storage/call-record-columns";

// Property tests of the pipeline up to COPY (no database): whatever the bytes, staging either
// refuses the file with a clear InvalidInputError, or accounts for every non-blank data row as
// exactly one staged line (call or rejected) or one counted skip — it never crashes.

const owner = { orgId: "0191a6c8-0000-7000-8000-00000000000a", uploadId: "0191a6c8-0000-7000-8000-00000000000b", countryCode: "JP" };

async function stage(bytes: Buffer) {
  async function* source() {
    yield bytes;
  }
  let lines = 0;
  const callTuples: (Buffer | null)[][] = [];
  const sink = {
    async load(chunk: StagedChunk) {
      const { calls, legRepeats, rejected } = chunk.copies;
      const tuples = [calls, legRepeats, rejected].map((data) => readBinaryCopy(data).length);
      expect(tuples).toEqual([chunk.calls, chunk.legRepeats, chunk.rejected]);
      lines += tuples[0] + tuples[1] + tuples[2];
      if (callTuples.length < 1000) callTuples.push(...readBinaryCopy(calls));
      expect(lines - chunk.rows).toBeGreaterThanOrEqual(0);
    },
  };
  const staged = await stageRows(readUploadText(source(), 1e9), sink, { ...TOKYO, statementMonth: { year: 2026, month: 3 } }, { owner, formats: KNOWN_FORMATS });
  return { staged, lines, calls: callTuples };
}

const VALID_FILES = ["asterisk/master-canonical.csv", "asterisk/cdr.csv", "freeswitch-cdr-csv/master-example-template.csv", "ntt-call-statement/statement-2026-03.csv", "cisco-cucm-cdr/cdr_StandAloneCluster_01_202603131700_101.csv", "3cx-cdr-log/cdr-single-file.csv"].map((relative) => fs.readFileSync(fixturePath(relative)));

async function expectAccountedFor(bytes: Buffer) {
  try {
    const { staged, lines } = await stage(bytes);
    expect(staged.rows).toBe(lines);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
  }
}

test("arbitrary bytes never crash staging", async () => {
  await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => expectAccountedFor(Buffer.from(bytes))), { numRuns: 150 });
});

test("mutations of valid files (bytes changed, cut, lines repeated) never crash and lose no row", async () => {
  const mutation = fc.record({
    file: fc.integer({ min: 0, max: VALID_FILES.length - 1 }),
    changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
    cutAt: fc.option(fc.nat()),
    repeat: fc.option(fc.nat()),
  });
  await fc.assert(
    fc.asyncProperty(mutation, async ({ file, changes, cutAt, repeat }) => {
      let bytes = Buffer.from(VALID_FILES[file]);
      for (const [position, value] of changes) bytes[position % bytes.length] = value;
      if (cutAt !== null) bytes = bytes.subarray(0, cutAt % bytes.length);
      if (repeat !== null) {
        const lines = bytes.toString("latin1").split("\n");
        const line = lines[repeat % lines.length];
        bytes = Buffer.concat([bytes, Buffer.from(`\n${line}\n`, "latin1")]);
      }
      await expectAccountedFor(bytes);
    }),
    { numRuns: 200 },
  );
});

test("a layout written without CSV quoting is split as written: Grandstream's bare quotes in clid lose no row", async () => {
  // Through a CSV reader, the quote opening "pn01" would run both rows together (one rejected row).
  const { staged, calls } = await stage(fs.readFileSync(fixturePath("grandstream-ucm-cdr/api-doc-example.csv")));
  expect(staged).toMatchObject({ rows: 2, rejected: 0, skipped: 0 });
  expect(staged.format.id).toBe("grandstream-ucm-cdr");
  const callerNames = calls.map((call) => call[CALL_RECORD_COLUMNS.indexOf("caller_name")]?.toString());
  expect(callerNames).toEqual(['"pn01" <5300>', '"pn01" <5300>']);
});

test("a file of one line without a line break, and an empty file, are read to their end", async () => {
  await expect(stage(Buffer.from(""))).rejects.toMatchObject({ code: "empty_file" });
  await expect(stage(Buffer.from("calldate,src,dst"))).rejects.toBeInstanceOf(InvalidInputError);
});
