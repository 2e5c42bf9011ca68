// Two unrelated 32-bit hashes of a text, over its UTF-16 code units. Together they stand for the
// text where keeping the text itself would cost too much: the leg groups of a file
// (lib/ingest/leg-group-tracker.ts) and the distinct destinations of a day (lib/ingest/distinct-texts.ts).

/** FNV-1a, 32 bits. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash2's mixing, 32 bits: unrelated to FNV-1a's collisions. */
export function murmur2(text: string): number {
  const m = 0x5bd1e995;
  let hash = 0x9747b28c ^ text.length;
  for (let index = 0; index < text.length; index++) {
    let k = Math.imul(text.charCodeAt(index), m);
    k ^= k >>> 24;
    hash = Math.imul(hash, m) ^ Math.imul(k, m);
  }
  hash ^= hash >>> 13;
  hash = Math.imul(hash, m);
  return (hash ^ (hash >>> 15)) >>> 0;
}
