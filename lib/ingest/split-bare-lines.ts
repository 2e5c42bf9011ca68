import type { TextPieces } from "@/lib/ingest/read-upload-text";
import { InvalidInputError } from "@/lib/errors";
import { lineTooLongMessage, MAX_ROW_CHARS } from "@/lib/ingest/parse-csv-rows";

// The reader for layouts written without CSV quoting (CdrFormat.isWrittenWithoutQuoting): a row is
// a line, its fields what lies between commas, quotes included. Rows come in batches like
// parseCsvRows' (one per piece of text), never the whole file in memory.

/** The file's first line (without its line break); what was read for it is put back for the reader that follows. */
export async function peekFirstLine(text: TextPieces): Promise<string> {
  const seen: string[] = [];
  let length = 0;
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
    if (/[\r\n]/.test(next.value) || length > MAX_ROW_CHARS) break;
  }
  text.unshift(...seen);
  return seen.join("").split(/\r?\n|\r/, 1)[0];
}

export async function* splitBareLines(text: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let rest = "";
  for await (const piece of text) {
    const lines = (rest + piece).split("\n");
    rest = lines.pop() ?? "";
    if (rest.length > MAX_ROW_CHARS) throw new InvalidInputError(lineTooLongMessage(), "row_too_long");
    if (lines.length > 0) yield lines.map(fieldsOf);
  }
  if (rest !== "") yield [fieldsOf(rest)];
}

function fieldsOf(line: string): string[] {
  return (line.endsWith("\r") ? line.slice(0, -1) : line).split(",");
}
