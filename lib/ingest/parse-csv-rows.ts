import Papa from "papaparse";
import { InvalidInputError } from "@/lib/errors";
import type { Readable } from "node:stream";

// Stage 2: text to rows of fields, streaming (papaparse), never the whole file in memory. Rows come
// in batches (one per parsed chunk) so the per-row work stays synchronous. While the consumer is
// behind, the text stream itself is paused: papaparse's own pause() (on the handle its callbacks
// get) stops parsing but not the stream, whose chunks would then pile up in its queue.

const MAX_QUEUED_BATCHES = 4;
/**
 * Longest row read, as text: CDR rows are a few hundred characters, the widest layouts' a few
 * thousand. A line without end (a 100 MB file with no line break) or a quote that never closes
 * would otherwise be held whole as one field; reading stops at this cap with a reason.
 */
export const MAX_ROW_CHARS = 1024 * 1024;

export function lineTooLongMessage(): string {
  return `A line of the file runs on for more than ${MAX_ROW_CHARS.toLocaleString("en")} characters without a line break; no call record is that long. The file cannot be read as CSV.`;
}

export async function* parseCsvRows(text: Readable): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let parser: Papa.Parser | null = null;
  let isDone = false;
  let isPaused = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  // Two counts, checked before the parser sees the text: characters since the last line break (a
  // line without end), and since the last row came out (a quote that never closes spans breaks).
  let charsSinceBreak = 0;
  let charsSinceRow = 0;
  const refuse = (message: string) => {
    text.off("data", guard);
    text.destroy(new InvalidInputError(message, "row_too_long"));
  };
  const guard = (chunk: string | Buffer) => {
    const piece = String(chunk);
    const lastBreak = Math.max(piece.lastIndexOf("\n"), piece.lastIndexOf("\r"));
    charsSinceBreak = lastBreak === -1 ? charsSinceBreak + piece.length : piece.length - lastBreak - 1;
    charsSinceRow += piece.length;
    if (charsSinceBreak > MAX_ROW_CHARS) {
      refuse(lineTooLongMessage());
    } else if (charsSinceRow > MAX_ROW_CHARS) {
      refuse(`No row ends within ${MAX_ROW_CHARS.toLocaleString("en")} characters: a quote opened in the file never closes. The file cannot be read as CSV.`);
    }
  };
  text.on("data", guard);

  Papa.parse<string[]>(text as unknown as File, {
    header: false,
    skipEmptyLines: false,
    chunk(results, chunkParser) {
      parser = chunkParser;
      if (results.data.length > 0) charsSinceRow = 0;
      queue.push(results.data);
      if (queue.length >= MAX_QUEUED_BATCHES && !isPaused) {
        isPaused = true;
        text.pause();
      }
      notify();
    },
    complete() {
      isDone = true;
      notify();
    },
    error(error: Error) {
      failure = error;
      isDone = true;
      notify();
    },
  });
  // A peek at the first line (lib/ingest/split-bare-lines.ts) leaves the stream paused.
  if (!isPaused) text.resume();

  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        if (isPaused && queue.length === 0) {
          isPaused = false;
          text.resume();
        }
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (isDone) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // A consumer that stops early (an unknown layout) leaves the text stream free for others.
    if (!isDone) (parser as Papa.Parser | null)?.abort();
  }
}

/** A record with no content at all (a blank line) is not a row of the file's data. */
export function isBlankRow(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "");
}
