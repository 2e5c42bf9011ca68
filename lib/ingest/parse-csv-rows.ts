import Papa from "papaparse";
import type { Readable } from "node:stream";

// Stage 2: text to rows of fields, streaming (papaparse), never the whole file in memory. Rows come
// in batches (one per parsed chunk) so the per-row work stays synchronous; the parser pauses while
// the consumer is behind, which keeps memory bounded.

const MAX_QUEUED_BATCHES = 4;

export async function* parseCsvRows(text: Readable): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let parser: Papa.Parser | null = null;
  let isPaused = false;
  let isDone = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  Papa.parse<string[]>(text as unknown as File, {
    header: false,
    skipEmptyLines: false,
    chunk(results, chunkParser) {
      parser = chunkParser;
      queue.push(results.data);
      if (queue.length >= MAX_QUEUED_BATCHES && !isPaused) {
        isPaused = true;
        chunkParser.pause();
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
          (parser as Papa.Parser | null)?.resume();
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
