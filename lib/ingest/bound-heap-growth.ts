import v8 from "node:v8";

// While an import runs, V8 grows its heap by a quarter of what survives each full collection
// instead of its own dynamic factor (up to four times): an import's live data stay near 50 MB,
// but the garbage of a million rows let the heap grow to 200 MB and more before V8 collected it,
// which is what the import's peak memory was made of. The flag is read at every collection, so
// setting it for the time of the imports (and back to V8's default after the last one) works on
// the running process; the price is more frequent full collections (see `npm run bench:ingest`).

// V8 pretenures objects allocated where most of them outlived a young-generation collection once:
// they are allocated in the old generation from then on. With the server's larger old generation
// (the Prisma client) the parser's rows met that test, and a million rows' worth of short-lived
// fields then went through full collections: 1 GB promoted instead of 80 MB, and a third more CPU
// time per import (`npm run bench:ingest`). Objects that live long get promoted all the same.
v8.setFlagsFromString("--no-allocation-site-pretenuring");

/** Percent of the surviving heap V8 may grow by before its next full collection; 0 is V8's dynamic default. */
export const IMPORT_HEAP_GROWING_PERCENT = 25;

export type HeapGrowthBound = { acquire(): () => void };

export function createHeapGrowthBound(setFlags: (flags: string) => void = (flags) => v8.setFlagsFromString(flags)): HeapGrowthBound {
  let imports = 0;
  return {
    acquire() {
      if (imports++ === 0) setFlags(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        if (--imports === 0) setFlags("--heap-growing-percent=0");
      };
    },
  };
}

/** The process's bound, shared by every import it runs at once. */
export const importHeapGrowth = createHeapGrowthBound();
