import { Readable } from "node:stream";
import fc from "fast-check";
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

async function rowsOfPieces(pieces: string[], options: { papaparseOnly?: boolean } = {}) {
  const rows: string[][] = [];
  for await (const batch of parseCsvRows(Readable.from(pieces), options)) rows.push(...batch);
  return rows;
}

/** Text cut into pieces at the given places, as a file arrives. */
function cut(text: string, places: number[]): string[] {
  const at = [...new Set(places.map((place) => place % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, index) => text.slice(from, at[index] ?? text.length)).filter((piece) => piece !== "");
}

test("quoted CSV is read exactly as papaparse reads it, well formed or not, however it is cut", async () => {
  const field = fc.oneof(
    fc.stringMatching(/^[a-z0-9 ;é]{0,6}$/),
    fc.stringMatching(/^[a-z,"\n\r ]{0,8}$/).map((text) => `"${text.replaceAll('"', '""')}"`),
    fc.stringMatching(/^[a-z,"\n\r ]{0,6}$/),
  );
  const csv = fc.tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n", "\r"), fc.constantFrom(",", ";", "\t"))
    .map(([rows, newline, delimiter]) => rows.map((row) => row.join(delimiter)).join(newline) + newline);
  const text = fc.oneof(csv, fc.stringMatching(/^[a-z,;"\n\r ]{0,300}$/));
  await fc.assert(
    fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 6 }), async (input, places) => {
      const pieces = cut(input, places);
      expect(await rowsOfPieces(pieces)).toEqual(await rowsOfPieces(pieces, { papaparseOnly: true }));
    }),
    { numRuns: 1500 },
  );
});
