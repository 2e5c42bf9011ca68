// Deterministic randomness: mulberry32, seeded per stream (profile, day, scenario) so that one part
// of the simulation never shifts another's numbers, and a day can be generated without its past.

export type SeededRandom = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  integer(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn from cumulative weights (last entry = total). */
  weightedIndex(cumulativeWeights: readonly number[]): number;
  /** Count of events with mean `mean` (normal approximation above 50). */
  poisson(mean: number): number;
  normal(): number;
  logNormal(median: number, sigma: number): number;
  exponential(mean: number): number;
};

export function createSeededRandom(...seedParts: number[]): SeededRandom {
  let state = mixSeed(seedParts);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weightedIndex(cumulativeWeights) {
      const target = next() * cumulativeWeights[cumulativeWeights.length - 1];
      let low = 0;
      let high = cumulativeWeights.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulativeWeights[middle] > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let count = 0;
      for (let product = next(); product > limit; product *= next()) count++;
      return count;
    },
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
}

/** Folds seed parts into one 32-bit state (murmur3 finalizer), so nearby seeds give unrelated streams. */
function mixSeed(parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}
