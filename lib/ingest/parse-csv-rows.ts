import Papa from "papaparse";
import { InvalidInputError } from "@/lib/errors";
import type { Readable } from "node:stream";

// Stage 2: text to rows of fields, streaming (papaparse), never the whole file in memory. Rows come
// in batches (one per parsed chunk) so the per-row work stays synchronous. While the consumer is
// behind, the text stream itself is paused: papaparse's own pause() (on the handle its callbacks
// get) stops parsing but not the stream, whose chunks would then pile up in its queue.

const MAX_QUEUED_BATCHES = 4;
/** Text read without a single row coming out: a runaway quote or a line no CDR has. */
export const MAX_CHARS_WITHOUT_ROW = 16 * 1024 * 1024;

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

  // A quote that never closes makes the parser hold the rest of the file as one field: stop early,
  // with a reason, instead of filling memory.
  let charsSinceRow = 0;
  const guard = (chunk: string | Buffer) => {
    charsSinceRow += chunk.length;
    if (charsSinceRow > MAX_CHARS_WITHOUT_ROW) {
      text.off("data", guard);
      text.destroy(new InvalidInputError(
        `No row ends within ${MAX_CHARS_WITHOUT_ROW / 1024 / 1024} MB of text: a line is far too long, or a quote opened in it never closes. The file cannot be read as CSV.`,
        "row_too_long",
      ));
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
