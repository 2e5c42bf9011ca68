import { DOMESTIC_PATTERNS, FIXED_AREAS, type DomesticKind } from "./domestic-destinations";
import { fillNumberPattern } from "./fill-number-pattern";
import { INTERNATIONAL_DESTINATIONS, type InternationalDestinationId } from "./international-destinations";
import { cumulativeOf } from "./profiles/hours-profiles";
import type { SeededRandom } from "./seeded-random";

// Fresh numbers as a Japanese PBX logs them, and draws from an address book.

const FIXED_AREA_CUMULATIVE = cumulativeOf(FIXED_AREAS.map((area) => area.weight));

export function drawDomesticNumber(kind: DomesticKind, random: SeededRandom): string {
  if (kind === "fixed") return fillNumberPattern(FIXED_AREAS[random.weightedIndex(FIXED_AREA_CUMULATIVE)].pattern, random);
  return fillNumberPattern(random.pick(DOMESTIC_PATTERNS[kind].patterns), random);
}

/** "010" + calling code + a national number of the destination. */
export function drawInternationalNumber(destination: InternationalDestinationId, random: SeededRandom): string {
  const { callingCode, patterns } = INTERNATIONAL_DESTINATIONS[destination];
  return `010${callingCode}${fillNumberPattern(random.pick(patterns), random)}`;
}

/** A contact, favouring the front of the list: a few numbers get most of the calls. */
export function pickContact(contacts: readonly string[], random: SeededRandom): string {
  const position = random.next();
  return contacts[Math.floor(position * position * contacts.length)];
}
