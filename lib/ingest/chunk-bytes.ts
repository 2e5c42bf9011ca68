// The COPY text of one chunk, written into a buffer that is used again once its chunk is stored:
// a million rows would otherwise leave a quarter of a gigabyte of spent buffers for the garbage
// collector, which frees them late. Two of these alternate (one being stored, one being filled).

const INITIAL_BYTES = 8 * 1024 * 1024;

export type ChunkBytes = {
  append(text: string): void;
  /** The bytes written since the last clear (a view, valid until the next clear). */
  view(): Buffer;
  clear(): void;
};

export function createChunkBytes(): ChunkBytes {
  let buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  let length = 0;
  return {
    append(text) {
      // UTF-8 takes at most three bytes per UTF-16 unit: room for that spares measuring the text first.
      const needed = length + text.length * 3;
      if (needed > buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      length += buffer.write(text, length);
    },
    view: () => buffer.subarray(0, length),
    clear() {
      length = 0;
    },
  };
}
