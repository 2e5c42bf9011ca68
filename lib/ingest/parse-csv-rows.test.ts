import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { MAX_ROW_CHARS, parseCsvRows } from "@/lib/ingest/parse-csv-rows";

async function rowsOf(chunks: Iterable<string>) {
  const rows: string[][] = [];
  for await (const batch of parseCsvRows(Readable.from(chunks))) rows.push(...batch);
  return rows;
}

function* runawayQuote() {
  yield 'a,b\n"never closed,x\n';
  const filler = `${"y".repeat(1023)}\n`.repeat(1024); // 1 MiB of ordinary-looking lines
  for (let megabyte = 0; megabyte < MAX_ROW_CHARS / 2 ** 20 + 4; megabyte++) yield filler;
}

test("rows come in batches, quoted commas and doubled quotes intact", async () => {
  expect(await rowsOf(['a,"b, ""c""",d\n1,2,3\n'])).toEqual([["a", 'b, "c"', "d"], ["1", "2", "3"]]);
});

test("a quote that never closes is refused with a reason instead of swallowing the file", async () => {
  await expect(rowsOf(runawayQuote())).rejects.toMatchObject({ code: "row_too_long" });
});

test("a line without a break is refused once it passes the limit, whatever the chunk sizes", async () => {
  function* endlessLine() {
    yield "a,b\n";
    for (let chunk = 0; chunk < 1000; chunk++) yield "1234567,".repeat(8 * 1024);
  }
  const attempt = rowsOf(endlessLine());
  await expect(attempt).rejects.toMatchObject({ code: "row_too_long" });
  await expect(attempt).rejects.toThrow(/without a line break/);
});

test("a slow consumer pauses the text stream: more than the runaway limit of valid text parses in full", async () => {
  const line = `"2026-03-14 02:10:05","201","01023276123456",${"x".repeat(180)}\n`;
  const chunk = line.repeat(Math.ceil((64 * 1024) / line.length));
  const chunkCount = Math.ceil((MAX_ROW_CHARS * 1.5) / chunk.length);
  const stream = Readable.from(Array.from({ length: chunkCount }, () => chunk));
  let rows = 0;
  for await (const batch of parseCsvRows(stream)) {
    rows += batch.length;
    await new Promise((resolve) => setImmediate(resolve)); // a consumer slower than the file
  }
  expect(rows).toBe(chunkCount * (chunk.length / line.length));
});
