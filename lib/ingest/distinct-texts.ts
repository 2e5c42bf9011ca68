import { HashPairSet } from "@/lib/ingest/hash-pair-set";
import { hashText } from "@/lib/ingest/text-hash";

// Counts distinct texts (the destinations of a quarter hour, then of a local hour or day) by two
// unrelated 32-bit hashes of each, in a HashPairSet: no string outlives its row.
// Holding the destinations themselves kept a million strings a file alive for a while each, and the
// garbage collector spent a third of its time on them (`npm run bench:ingest`).
//
// Two different texts count as one only if both hashes of both match: for a day with a million
// distinct destinations the chance that this happens at all is about 3 in 100 million (n² / 2⁶⁵),
// and it would make that day's count one short. Recounts from call_records are exact.

const FIRST_SLOTS = 8;
/** The hashes of the text being added (one at a time: adding runs synchronously). */
const hashes = new Uint32Array(2);

export class DistinctTexts {
  private readonly keys = new HashPairSet(FIRST_SLOTS);

  /** Distinct texts added. */
  get size(): number {
    return this.keys.size;
  }

  add(text: string): void {
    hashText(text, hashes);
    this.keys.add(hashes[0], hashes[1]);
  }

  /** Adds every text `other` counted. */
  addAll(other: DistinctTexts): void {
    this.keys.addAll(other.keys);
  }
}
