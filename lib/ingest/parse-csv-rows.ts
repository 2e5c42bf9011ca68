import Papa from "papaparse";
import { InvalidInputError } from "@/lib/errors";
import type { Readable } from "node:stream";

// Stage 2: text to rows of fields, streaming (papaparse's parser), never the whole file in memory.
// Rows come in batches (one per piece of text) so the per-row work stays synchronous. Pieces are
// pulled as the consumer asks for rows, and parsed right then: rows parsed ahead and left waiting
// would outlive V8's young generation and cost a full collection each (a million rows' worth).

/**
 * Longest row read, as text: CDR rows are a few hundred characters, the widest layouts' a few
 * thousand. A line without end (a 100 MB file with no line break) or a quote that never closes
 * would otherwise be held whole as one field; reading stops at this cap with a reason.
 */
export const MAX_ROW_CHARS = 1024 * 1024;

export function lineTooLongMessage(): string {
  return `A line of the file runs on for more than ${MAX_ROW_CHARS.toLocaleString("en")} characters without a line break; no call record is that long. The file cannot be read as CSV.`;
}

type PapaParserHandle = { parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]> };
const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => PapaParserHandle };

/** Reads `text` (a Readable: it is left open when the consumer stops early, for others to read on). */
export async function* parseCsvRows(text: Readable): AsyncGenerator<string[][]> {
  // The delimiter and line ending are guessed from the first piece, then kept (as Papa.parse does).
  const parser = new ParserHandle({ header: false, skipEmptyLines: false });
  // A row cut by the end of a piece waits for the next; the parser counts characters from the start.
  let partialRow = "";
  let baseIndex = 0;
  // Two counts, checked before the parser sees the text: characters since the last line break (a
  // line without end), and since the last row came out (a quote that never closes spans breaks).
  let charsSinceBreak = 0;
  let charsSinceRow = 0;
  for await (const chunk of text.iterator({ destroyOnReturn: false })) {
    const piece = String(chunk);
    const lastBreak = Math.max(piece.lastIndexOf("\n"), piece.lastIndexOf("\r"));
    charsSinceBreak = lastBreak === -1 ? charsSinceBreak + piece.length : piece.length - lastBreak - 1;
    charsSinceRow += piece.length;
    if (charsSinceBreak > MAX_ROW_CHARS) throw new InvalidInputError(lineTooLongMessage(), "row_too_long");
    if (charsSinceRow > MAX_ROW_CHARS) {
      throw new InvalidInputError(
        `No row ends within ${MAX_ROW_CHARS.toLocaleString("en")} characters: a quote opened in the file never closes. The file cannot be read as CSV.`,
        "row_too_long",
      );
    }
    const aggregate = partialRow + piece;
    const results = parser.parse(aggregate, baseIndex, true);
    partialRow = aggregate.substring(results.meta.cursor - baseIndex);
    baseIndex = results.meta.cursor;
    if (results.data.length === 0) continue;
    charsSinceRow = partialRow.length;
    yield results.data;
  }
  if (partialRow === "") return;
  const last = parser.parse(partialRow, baseIndex, false);
  if (last.data.length > 0) yield last.data;
}

/** A record with no content at all (a blank line) is not a row of the file's data. */
export function isBlankRow(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "");
}
