import fs from "node:fs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { sniffEncoding } from "@/lib/ingest/decode-bytes";
import type { NormalizedCall, RowResult } from "@/lib/ingest/normalize/call-record";
import { fixturePath } from "./fixtures";

// Helpers for format unit tests: read a fixture as the pipeline would (encoding sniffed, CSV
// parsed), and run a format's reader over it without a database.

export const TOKYO: FormatContext = {
  fileTimeZone: "Asia/Tokyo",
  numbers: { defaultCountry: "JP", dialOutPrefix: null },
  statementMonth: null,
};

export function readFixtureRows(relative: string): string[][] {
  const bytes = fs.readFileSync(fixturePath(relative));
  const text = iconv.decode(bytes, sniffEncoding(bytes).encoding, { stripBOM: true });
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** Every data row of the fixture through the format's reader; row numbers count from 1 like the pipeline's. */
export function readFixtureWith(format: CdrFormat, relative: string, context: FormatContext = TOKYO): RowResult[] {
  const rows = readFixtureRows(relative);
  const read = format.createReader(rows.slice(0, format.headerRows), context);
  return rows.slice(format.headerRows).map((fields, index) => read(fields, format.headerRows + index + 1));
}

export function callOf(result: RowResult): NormalizedCall {
  if (result.kind !== "call") throw new Error(`expected a call, got ${JSON.stringify(result)}`);
  return result.record;
}

/** "call", or the rejection reason code, or "skipped:<reason>" — handy for toEqual over a whole file. */
export function outcomeOf(result: RowResult): string {
  if (result.kind === "call") return "call";
  if (result.kind === "rejected") return result.row.reasonCode;
  return `skipped:${result.reason}`;
}
