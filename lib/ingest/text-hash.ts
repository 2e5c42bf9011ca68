// Two unrelated 32-bit hashes of a text, over its UTF-16 code units. Together they stand for the
// text where keeping the text itself would cost too much: the leg groups of a file
// (lib/ingest/leg-group-tracker.ts) and the distinct destinations of a day (lib/ingest/distinct-texts.ts).

const MURMUR_M = 0x5bd1e995;

/**
 * Both hashes in one pass over the text: FNV-1a (32 bits) into out[0], MurmurHash2's mixing
 * (32 bits, unrelated to FNV-1a's collisions) into out[1].
 */
export function hashText(text: string, out: Uint32Array): void {
  let fnv = 0x811c9dc5;
  let murmur = 0x9747b28c ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    let k = Math.imul(code, MURMUR_M);
    k ^= k >>> 24;
    murmur = Math.imul(murmur, MURMUR_M) ^ Math.imul(k, MURMUR_M);
  }
  murmur ^= murmur >>> 13;
  murmur = Math.imul(murmur, MURMUR_M);
  out[0] = fnv;
  out[1] = murmur ^ (murmur >>> 15);
}
