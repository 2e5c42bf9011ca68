import Papa from "papaparse";
import type { Readable } from "node:stream";

// Stage 2: text to rows of fields, streaming (papaparse), never the whole file in memory.

export function parseCsvRows(text: Readable): AsyncIterable<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false });
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  return parser as AsyncIterable<string[]>;
}

/** A record with no content at all (a blank line) is not a row of the file's data. */
export function isBlankRow(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "");
}
