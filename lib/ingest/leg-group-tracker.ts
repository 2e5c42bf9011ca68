import { HashPairSet } from "@/lib/ingest/hash-pair-set";
import { hashText } from "@/lib/ingest/text-hash";

// Remembers which leg groups (call ids shared by the legs of one call) an upload has shown, so
// the loader can store a row the moment it is staged unless its call was already seen: only a
// repeated group needs choosing its representative leg at the end. Groups are remembered by two
// 32-bit hashes in a HashPairSet (about 11 bytes a group, whatever the ids' length). Were both hashes
// of a new group to match another's, the group would be taken as seen: harmless, its row only
// goes through the representative choice too, where it stands alone and is stored.
//
// The table grows to MAX_LEG_GROUP_SLOTS (32 MB, three million groups). Groups beyond go into a
// Bloom filter of fixed size (16 MB, each group's four bits in one 512-bit block), so memory stays
// bounded however large the file. The filter may take a new group as seen (about one in 2,500 once
// five million groups are in it), which is as harmless as above; taking every row beyond the table
// as a repeat instead made the choice at the end store millions of rows again (8 million rows took
// 166 s instead of 116).

const INITIAL_SLOTS = 1 << 16;

/** Slots the table may grow to (a power of two; eight bytes each, filled to three quarters at most). */
export const MAX_LEG_GROUP_SLOTS = 1 << 22;
/** 32-bit words of the Bloom filter that takes the groups beyond the table (a power of two, at least 16). */
export const LEG_GROUP_FILTER_WORDS = 1 << 22;

/** Tests make both small to reach the filter, and its false positives, with a few rows. */
export type LegGroupMemory = { maxSlots?: number; filterWords?: number };

export type LegGroupTracker = {
  /** Whether a row of this group came earlier (or may have: see above); remembers the group. */
  isRepeat(legGroup: string): boolean;
};

export function createLegGroupTracker({ maxSlots = MAX_LEG_GROUP_SLOTS, filterWords = LEG_GROUP_FILTER_WORDS }: LegGroupMemory = {}): LegGroupTracker {
  const table = new HashPairSet(Math.min(INITIAL_SLOTS, maxSlots), maxSlots);
  /** Made when the table is full; from then on new groups go here. */
  let overflow: BloomFilter | null = null;
  const hashes = new Uint32Array(2);
  return {
    isRepeat(legGroup) {
      hashText(legGroup, hashes);
      if (overflow) return table.has(hashes[0], hashes[1]) || overflow.add(hashes[0], hashes[1]);
      const isNew = table.add(hashes[0], hashes[1]);
      if (table.isFull) overflow = createBloomFilter(filterWords);
      return !isNew;
    },
  };
}

type BloomFilter = {
  /** Sets the group's bits; whether all were set already (the group seen, or a false positive). */
  add(keyHigh: number, keyLow: number): boolean;
};

/** A blocked Bloom filter: a group's four bits lie in one block of 512 (one cache line), chosen by keyHigh. */
function createBloomFilter(words: number): BloomFilter {
  const bits = new Uint32Array(words);
  const blockMask = words / 16 - 1;
  const setBit = (base: number, position: number): boolean => {
    const word = base + (position >>> 5);
    const mask = 1 << (position & 31);
    const wasSet = (bits[word] & mask) !== 0;
    bits[word] |= mask;
    return wasSet;
  };
  return {
    add(keyHigh, keyLow) {
      const base = (keyHigh & blockMask) * 16;
      // Four positions of nine bits: three from keyLow, one from the top of keyHigh (not the block's bits).
      const first = setBit(base, keyLow & 511);
      const second = setBit(base, (keyLow >>> 9) & 511);
      const third = setBit(base, (keyLow >>> 18) & 511);
      const fourth = setBit(base, keyHigh >>> 23);
      return first && second && third && fourth;
    },
  };
}
