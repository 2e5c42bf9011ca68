import { Readable } from "node:stream";
import { InvalidInputError } from "@/lib/errors";
import { lineTooLongMessage, MAX_ROW_CHARS } from "@/lib/ingest/parse-csv-rows";

// The reader for layouts written without CSV quoting (CdrFormat.isWrittenWithoutQuoting): a row is
// a line, its fields what lies between commas, quotes included. Rows come in batches like
// parseCsvRows' (one per piece of text), never the whole file in memory.

/**
 * The file's first line (without its line break), and the text to read from the start: the same
 * stream with what the peek read put back (left paused, for the reader that follows to resume),
 * or, when the peek met the end of a short file, a new stream of that text.
 */
export async function peekFirstLine(text: Readable): Promise<{ firstLine: string; text: Readable }> {
  const seen: string[] = [];
  let hasEnded = false;
  await new Promise<void>((resolve, reject) => {
    let length = 0;
    const stop = (error?: Error) => {
      text.pause();
      text.off("data", onData).off("end", onEnd).off("error", stop);
      if (error) reject(error);
      else resolve();
    };
    const onData = (piece: string) => {
      seen.push(piece);
      length += piece.length;
      if (/[\r\n]/.test(piece) || length > MAX_ROW_CHARS) stop();
    };
    const onEnd = () => {
      hasEnded = true;
      stop();
    };
    text.on("data", onData).on("end", onEnd).on("error", stop);
  });
  const firstLine = seen.join("").split(/\r?\n|\r/, 1)[0];
  if (hasEnded) return { firstLine, text: Readable.from(seen, { objectMode: false, encoding: "utf8" }) };
  for (let index = seen.length - 1; index >= 0; index--) text.unshift(seen[index]);
  return { firstLine, text };
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
