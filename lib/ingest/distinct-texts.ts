import { hashText } from "@/lib/ingest/text-hash";

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
/** The hashes of the text being added (one at a time: adding runs synchronously). */
const hashes = new Uint32Array(2);

export class DistinctTexts {
  /** Slot i's two hashes side by side (2i, 2i + 1); a zero first hash marks an empty slot. */
  private keys = new Uint32Array(FIRST_SLOTS * 2);
  private mask = FIRST_SLOTS - 1;
  /** Distinct texts added. */
  size = 0;

  add(text: string): void {
    hashText(text, hashes);
    this.insert(hashes[0] || 1, hashes[1]);
  }

  /** Adds every text `other` counted. */
  addAll(other: DistinctTexts): void {
    // Room for both at once, rather than growing step by step on the way.
    let slots = this.mask + 1;
    while ((this.size + other.size) * 4 > slots * 3) slots *= 2;
    if (slots > this.mask + 1) this.resize(slots);
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
    if (++this.size * 4 > (mask + 1) * 3) this.resize((mask + 1) * 2);
  }

  private resize(slots: number): void {
    const old = this.keys;
    this.keys = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== EMPTY) this.insert(old[at], old[at + 1]);
    }
  }
}
