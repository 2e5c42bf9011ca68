// Remembers which leg groups (call ids shared by the legs of one call) an upload has shown, so
// the loader can store a row the moment it is staged unless its call was already seen: only a
// repeated group needs choosing its representative leg at the end. Groups are remembered by two
// 32-bit hashes in typed arrays (about 11 bytes a group, whatever the ids' length). Were both hashes
// of a new group to match another's, the group would be taken as seen: harmless, its row only
// goes through the representative choice too, where it stands alone and is stored.
//
// The same holds for every row once the table is full (MAX_LEG_GROUP_SLOTS: 32 MB, three million
// groups): from then on each row with a leg group is taken as a repeat and waits for the choice at
// the end, so memory stays bounded however large the file, and only files beyond that pay for it.

const INITIAL_SLOTS = 1 << 16;
const EMPTY = 0;

/** Slots the table may grow to (a power of two; eight bytes each, filled to three quarters at most). */
export const MAX_LEG_GROUP_SLOTS = 1 << 22;

export type LegGroupTracker = {
  /** Whether a row of this group may have come earlier (surely so when the group was seen); remembers the group. */
  isRepeat(legGroup: string): boolean;
};

type Table = { high: Uint32Array; low: Uint32Array };

export function createLegGroupTracker(maxSlots: number = MAX_LEG_GROUP_SLOTS): LegGroupTracker {
  const firstSlots = Math.min(INITIAL_SLOTS, maxSlots);
  let table: Table = { high: new Uint32Array(firstSlots), low: new Uint32Array(firstSlots) };
  let used = 0;
  let isFull = false;

  function insert({ high, low }: Table, keyHigh: number, keyLow: number): boolean {
    const mask = high.length - 1;
    for (let index = keyLow & mask; ; index = (index + 1) & mask) {
      if (high[index] === EMPTY) {
        high[index] = keyHigh;
        low[index] = keyLow;
        return true;
      }
      if (high[index] === keyHigh && low[index] === keyLow) return false;
    }
  }

  function grow(): void {
    const size = table.high.length * 2;
    const bigger = { high: new Uint32Array(size), low: new Uint32Array(size) };
    for (let index = 0; index < table.high.length; index++) {
      if (table.high[index] !== EMPTY) insert(bigger, table.high[index], table.low[index]);
    }
    table = bigger;
  }

  return {
    isRepeat(legGroup) {
      if (isFull) return true;
      const keyHigh = fnv1a(legGroup) || 1; // 0 marks an empty slot
      const keyLow = murmur2(legGroup);
      if (!insert(table, keyHigh, keyLow)) return true;
      // Filled to three quarters at most: linear probing stays short.
      if (++used * 4 > table.high.length * 3) {
        if (table.high.length < maxSlots) grow();
        else isFull = true;
      }
      return false;
    },
  };
}

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash2's mixing over UTF-16 code units, 32 bits: unrelated to FNV-1a's collisions. */
function murmur2(text: string): number {
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
