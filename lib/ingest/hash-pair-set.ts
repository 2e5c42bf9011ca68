// A set of 64-bit keys, each given as two 32-bit halves (the two hashes of lib/ingest/text-hash.ts),
// kept in one typed array by open addressing: slot i's halves side by side (2i, 2i + 1), so a probe
// reads one cache line, and no object per key for the garbage collector to trace. Used for the leg
// groups of a file (lib/ingest/leg-group-tracker.ts) and the distinct destinations of a day
// (lib/ingest/distinct-texts.ts).

/** A zero first half marks an empty slot: keys whose first half is zero are stored with 1 instead. */
const EMPTY = 0;

export class HashPairSet {
  private keys: Uint32Array;
  private mask: number;
  /** Keys held. */
  size = 0;

  /** Both slot counts are powers of two; the table doubles from `firstSlots` up to `maxSlots`. */
  constructor(firstSlots: number, private readonly maxSlots = Number.POSITIVE_INFINITY) {
    this.keys = new Uint32Array(firstSlots * 2);
    this.mask = firstSlots - 1;
  }

  /** Filled to three quarters of the largest table allowed: more keys would make every probe long. */
  get isFull(): boolean {
    return this.mask + 1 >= this.maxSlots && this.size * 4 > (this.mask + 1) * 3;
  }

  has(high: number, low: number): boolean {
    return this.keys[this.slotOf(high || 1, low) * 2] !== EMPTY;
  }

  /** Adds the key; whether it was new. Not to be called once the set is full. */
  add(high: number, low: number): boolean {
    if (this.isFull) throw new RangeError("The set is full.");
    return this.insert(high || 1, low);
  }

  /** Adds every key of `other`, making room for both at once rather than growing step by step. */
  addAll(other: HashPairSet): void {
    let slots = this.mask + 1;
    while ((this.size + other.size) * 4 > slots * 3 && slots < this.maxSlots) slots *= 2;
    if (slots > this.mask + 1) this.resize(slots);
    const { keys } = other;
    for (let at = 0; at < keys.length; at += 2) {
      if (keys[at] !== EMPTY) this.add(keys[at], keys[at + 1]);
    }
  }

  private insert(high: number, low: number): boolean {
    const at = this.slotOf(high, low) * 2;
    const { keys } = this;
    if (keys[at] !== EMPTY) return false;
    keys[at] = high;
    keys[at + 1] = low;
    // Filled to three quarters at most: linear probing stays short.
    if (++this.size * 4 > (this.mask + 1) * 3 && this.mask + 1 < this.maxSlots) this.resize((this.mask + 1) * 2);
    return true;
  }

  /** The slot holding the key, or the empty slot where it would go (linear probing). */
  private slotOf(high: number, low: number): number {
    const { keys, mask } = this;
    let index = low & mask;
    while (keys[index * 2] !== EMPTY && (keys[index * 2] !== high || keys[index * 2 + 1] !== low)) index = (index + 1) & mask;
    return index;
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
