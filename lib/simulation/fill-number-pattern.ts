import type { SeededRandom } from "./seeded-random";

// Number patterns: "#" any digit, "N" 2–9 (exchanges never start with 0 or 1), "M" 1–9; other
// characters are kept. "03N#######" → "0362801234".

export function fillNumberPattern(pattern: string, random: SeededRandom): string {
  let digits = "";
  for (let index = 0; index < pattern.length; index++) {
    const symbol = pattern[index];
    if (symbol === "#") digits += Math.floor(random.next() * 10);
    else if (symbol === "N") digits += 2 + Math.floor(random.next() * 8);
    else if (symbol === "M") digits += 1 + Math.floor(random.next() * 9);
    else digits += symbol;
  }
  return digits;
}
