import { fnv1a, murmur2 } from "@/lib/ingest/text-hash";

// Counts distinct texts (the destinations of a quarter hour, then of a local hour or day) by two
// unrelated 32-bit hashes of each, kept side by side in a typed array: no string outlives its row.
// Holding the destinations themselves kept a million strings a file alive for a while each, and the
// garbage collector spent a third of its time on them (`npm run bench:ingest`).
//
// Two different texts count as one only if both hashes of both match: for a day with a million
// distinct destinations the chance that this happens at all is about 3 in 100 million (n² / 2⁶⁵),
// and it would make that day's count one short. Recounts from call_records are exact.

const EMPTY = 0;
const FIRST_SLOTS = 8;

export class DistinctTexts {
  /** Slot i's two hashes side by side (2i, 2i + 1); a zero first hash marks an empty slot. */
  private keys = new Uint32Array(FIRST_SLOTS * 2);
  private mask = FIRST_SLOTS - 1;
  /** Distinct texts added. */
  size = 0;

  add(text: string): void {
    this.insert(fnv1a(text) || 1, murmur2(text));
  }

  /** Adds every text `other` counted. */
  addAll(other: DistinctTexts): void {
    const { keys } = other;
    for (let at = 0; at < keys.length; at += 2) {
      if (keys[at] !== EMPTY) this.insert(keys[at], keys[at + 1]);
    }
  }

  private insert(high: number, low: number): void {
    const { keys, mask } = this;
    let index = low & mask;
    while (keys[index * 2] !== EMPTY) {
      if (keys[index * 2] === high && keys[index * 2 + 1] === low) return;
      index = (index + 1) & mask;
    }
    keys[index * 2] = high;
    keys[index * 2 + 1] = low;
    // Filled to three quarters at most: linear probing stays short.
    if (++this.size * 4 > (mask + 1) * 3) this.grow();
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== EMPTY) this.insert(old[at], old[at + 1]);
    }
  }
}
