import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { MAX_CHARS_WITHOUT_ROW, parseCsvRows } from "@/lib/ingest/parse-csv-rows";

async function rowsOf(chunks: Iterable<string>) {
  const rows: string[][] = [];
  for await (const batch of parseCsvRows(Readable.from(chunks))) rows.push(...batch);
  return rows;
}

function* runawayQuote() {
  yield 'a,b\n"never closed,x\n';
  const filler = `${"y".repeat(1023)}\n`.repeat(1024); // 1 MiB of ordinary-looking lines
  for (let megabyte = 0; megabyte < MAX_CHARS_WITHOUT_ROW / 2 ** 20 + 4; megabyte++) yield filler;
}

test("rows come in batches, quoted commas and doubled quotes intact", async () => {
  expect(await rowsOf(['a,"b, ""c""",d\n1,2,3\n'])).toEqual([["a", 'b, "c"', "d"], ["1", "2", "3"]]);
});

test("a quote that never closes is refused with a reason instead of swallowing the file", async () => {
  await expect(rowsOf(runawayQuote())).rejects.toMatchObject({ code: "row_too_long" });
});
