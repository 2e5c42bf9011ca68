import Papa from "papaparse";
import { InvalidInputError } from "@/lib/errors";

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

/** Reads `text` (TextPieces leave the rest for another reader when the consumer stops early). */
export async function* parseCsvRows(text: AsyncIterable<string>, options: { papaparseOnly?: boolean } = {}): AsyncGenerator<string[][]> {
  // The delimiter and line ending are guessed from the first piece, then kept (as Papa.parse does).
  const parser = new ParserHandle({ header: false, skipEmptyLines: false });
  /** Set once papaparse has read the first piece: its delimiter and line break, if the fast reader can use them. */
  let layout: QuotedLayout | null | undefined;
  // A row cut by the end of a piece waits for the next; the parser counts characters from the start.
  let partialRow = "";
  let baseIndex = 0;
  // Two counts, checked before the parser sees the text: characters since the last line break (a
  // line without end), and since the last row came out (a quote that never closes spans breaks).
  let charsSinceBreak = 0;
  let charsSinceRow = 0;
  for await (const chunk of text) {
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
    let read = layout ? parseQuotedWellFormed(aggregate, layout) : null;
    if (!read) {
      const parsed = parser.parse(aggregate, baseIndex, true);
      if (layout === undefined) layout = options.papaparseOnly ? null : quotedLayoutOf(parsed.meta);
      read = { rows: parsed.data, cursor: parsed.meta.cursor - baseIndex };
    }
    partialRow = aggregate.substring(read.cursor);
    baseIndex += read.cursor;
    if (read.rows.length === 0) continue;
    charsSinceRow = partialRow.length;
    yield read.rows;
  }
  if (partialRow === "") return;
  const last = parser.parse(partialRow, baseIndex, false);
  if (last.data.length > 0) yield last.data;
}

/** The delimiter and line break papaparse settled on, when the fast reader below can read with them. */
type QuotedLayout = { delimiter: string; delimiterCode: number; newline: string };

function quotedLayoutOf({ delimiter, linebreak }: Papa.ParseMeta): QuotedLayout | null {
  if (delimiter === undefined || delimiter.length !== 1 || delimiter === QUOTE || !["\n", "\r\n", "\r"].includes(linebreak)) return null;
  return { delimiter, delimiterCode: delimiter.charCodeAt(0), newline: linebreak };
}

const QUOTE = '"';
const QUOTE_CODE = 34;
const DOUBLED_QUOTES = /""/g;

/**
 * The complete rows of `input` when it is quoted CSV without a fault, read as papaparse reads them
 * (which it does field by field, with a regular expression run on every quoted one); null when
 * there is no quote at all (papaparse splits such text faster) or a quote is out of place, for
 * papaparse to read and report as it does. `cursor` is where the row after the last complete one
 * starts. Tested against papaparse itself on arbitrary text.
 */
function parseQuotedWellFormed(input: string, { delimiter, delimiterCode, newline }: QuotedLayout): { rows: string[][]; cursor: number } | null {
  if (input.indexOf(QUOTE) === -1) return null;
  const rows: string[][] = [];
  const end = input.length;
  let rowStart = 0;
  let at = 0;
  let nextNewline = input.indexOf(newline);
  let fields: string[] = [];
  for (;;) {
    if (input.charCodeAt(at) === QUOTE_CODE) {
      let closing = at;
      let hasDoubled = false;
      for (;;) {
        closing = input.indexOf(QUOTE, closing + 1);
        if (closing === -1 || closing === end - 1) return { rows, cursor: rowStart }; // the row goes on in the next piece
        if (input.charCodeAt(closing + 1) !== QUOTE_CODE) break;
        hasDoubled = true;
        closing++;
      }
      const value = input.substring(at + 1, closing);
      fields.push(hasDoubled ? value.replace(DOUBLED_QUOTES, QUOTE) : value);
      const after = closing + 1;
      if (input.charCodeAt(after) === delimiterCode) {
        at = after + 1;
        continue;
      }
      if (!input.startsWith(newline, after)) return null;
      rows.push(fields);
      fields = [];
      at = rowStart = after + newline.length;
      if (nextNewline < at) nextNewline = input.indexOf(newline, at);
      continue;
    }
    if (nextNewline !== -1 && nextNewline < at) nextNewline = input.indexOf(newline, at);
    const nextDelimiter = input.indexOf(delimiter, at);
    if (nextDelimiter !== -1 && (nextNewline === -1 || nextDelimiter < nextNewline)) {
      fields.push(input.substring(at, nextDelimiter));
      at = nextDelimiter + 1;
      continue;
    }
    if (nextNewline === -1) return { rows, cursor: rowStart };
    fields.push(input.substring(at, nextNewline));
    rows.push(fields);
    fields = [];
    at = rowStart = nextNewline + newline.length;
    nextNewline = input.indexOf(newline, at);
  }
}

/** A record with no content at all (a blank line) is not a row of the file's data. */
export function isBlankRow(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "");
}
