import { DOMESTIC_RATE_OF, type DomesticKind } from "./domestic-destinations";
import { drawDomesticNumber, drawInternationalNumber, pickContact } from "./draw-number";
import { drawOutcome } from "./draw-outcome";
import { INTERNATIONAL_DESTINATIONS } from "./international-destinations";
import { makeCall } from "./make-call";
import { CALL_STYLES } from "./profiles/call-styles";
import { cumulativeOf, HOURS_PROFILES, type HoursProfile } from "./profiles/hours-profiles";
import type { SimulatedAccount, TrafficProfile } from "./profiles/traffic-profile";
import { createSeededRandom, type SeededRandom } from "./seeded-random";
import type { SimulationDay } from "./simulation-calendar";
import type { CallDraft } from "./simulated-call";
import { DAY_MS, HOUR_MS } from "./tokyo-time";

// One Tokyo day of legitimate traffic for every account of a profile: Poisson counts per stream,
// scaled by day type, weekday, month-end and holidays, spread over the hours of that day type.
// Each (date, account) has its own random stream, so any day can be generated alone.

const NORMAL_TRAFFIC_SALT = 0x0da7;
const DOMESTIC_KINDS: readonly DomesticKind[] = ["fixed", "mobile", "tollFree", "naviDial"];
/** Monday catches up on the weekend; Friday afternoons thin out. */
const WEEKDAY_FACTOR = [1, 1.08, 1, 1, 1, 0.95, 1];
/** Calls to the Americas are often made early in the Tokyo morning, during the US working day. */
const EARLY_MORNING_COUNTRIES = new Set(["US", "CA", "BR"]);
const cumulativeHours = new Map<readonly number[], number[]>();

export function generateNormalDay(profile: TrafficProfile, day: SimulationDay, seed: number): CallDraft[] {
  const calls: CallDraft[] = [];
  const dateNumber = Math.floor(day.startMs / DAY_MS);
  profile.accounts.forEach((account, accountIndex) => {
    const random = createSeededRandom(seed, NORMAL_TRAFFIC_SALT, dateNumber, accountIndex);
    generateAccountDay(account, day, random, calls);
  });
  return calls;
}

function generateAccountDay(account: SimulatedAccount, day: SimulationDay, random: SeededRandom, calls: CallDraft[]): void {
  const hours = HOURS_PROFILES[account.hours];
  const factor = dayFactor(day, hours, random);
  const hourCumulative = hourCumulativeFor(day.dayType === "workday" ? hours.workday : day.dayType === "saturday" ? hours.saturday : hours.closed);
  const startAt = () => day.startMs + random.weightedIndex(hourCumulative) * HOUR_MS + random.integer(0, 3599) * 1000;
  const style = CALL_STYLES[account.style];
  // Parts are written out, never spread from a shared object: spreading costs ~10 µs a call in V8.
  const extension = () => random.pick(account.extensions);
  const means = account.workdayCalls;

  for (let count = random.poisson(means.outboundDomestic * factor); count > 0; count--) {
    const kind = DOMESTIC_KINDS[random.weightedIndex(account.domesticCumulative)];
    const externalNumber = domesticNumber(account, kind, random);
    calls.push(makeCall({ account, scenarioId: null, startedAtMs: startAt(), direction: "outbound", outcome: drawOutcome(style.outboundDomestic, random), extension: extension(), externalNumber, externalCountry: "JP", rate: DOMESTIC_RATE_OF[kind] }));
  }
  for (let count = account.countries.length === 0 ? 0 : random.poisson(means.outboundInternational * factor); count > 0; count--) {
    const { destination } = account.countries[random.weightedIndex(account.countryCumulative)];
    const { country, rate } = INTERNATIONAL_DESTINATIONS[destination];
    const contacts = account.contacts.international[destination] ?? [];
    const externalNumber = contacts.length > 0 && random.chance(0.85) ? pickContact(contacts, random) : drawInternationalNumber(destination, random);
    const isEarly = day.dayType === "workday" && country !== null && EARLY_MORNING_COUNTRIES.has(country) && random.chance(0.25);
    const startedAtMs = isEarly ? day.startMs + 7 * HOUR_MS + random.integer(0, 7199) * 1000 : startAt();
    calls.push(makeCall({ account, scenarioId: null, startedAtMs, direction: "outbound", outcome: drawOutcome(style.outboundInternational, random), extension: extension(), externalNumber, externalCountry: country, rate }));
  }
  for (let count = random.poisson(means.inbound * factor); count > 0; count--) {
    const kind = random.chance(0.55) ? "fixed" : "mobile";
    calls.push(makeCall({ account, scenarioId: null, startedAtMs: startAt(), direction: "inbound", outcome: drawOutcome(style.inbound, random), extension: extension(), externalNumber: domesticNumber(account, kind, random), externalCountry: "JP", rate: null }));
  }
  for (let count = account.countries.length === 0 ? 0 : random.poisson(means.inboundInternational * factor); count > 0; count--) {
    const { destination } = account.countries[random.weightedIndex(account.countryCumulative)];
    const contacts = account.contacts.international[destination] ?? [];
    const externalNumber = contacts.length > 0 ? pickContact(contacts, random) : drawInternationalNumber(destination, random);
    calls.push(makeCall({ account, scenarioId: null, startedAtMs: startAt(), direction: "inbound", outcome: drawOutcome(style.inbound, random), extension: extension(), externalNumber, externalCountry: INTERNATIONAL_DESTINATIONS[destination].country, rate: null }));
  }
  for (let count = account.extensions.length < 2 ? 0 : random.poisson(means.internal * factor); count > 0; count--) {
    const caller = extension();
    let callee = extension();
    while (callee === caller) callee = extension();
    calls.push(makeCall({ account, scenarioId: null, startedAtMs: startAt(), direction: "internal", outcome: drawOutcome(style.internal, random), extension: caller, externalNumber: callee, externalCountry: null, rate: null }));
  }
}

function dayFactor(day: SimulationDay, hours: HoursProfile, random: SeededRandom): number {
  const noise = Math.exp(0.08 * random.normal());
  if (day.dayType === "saturday") return hours.saturdayFactor * noise;
  if (day.dayType === "closed") return hours.closedFactor * noise;
  let factor = WEEKDAY_FACTOR[day.weekday];
  if (day.isMonthEndPeak) factor *= 1.3;
  if (day.isAfterClosure) factor *= 1.15;
  if (day.isObon) factor *= 0.7;
  return factor * noise;
}

function domesticNumber(account: SimulatedAccount, kind: DomesticKind, random: SeededRandom): string {
  const contacts = kind === "fixed" ? account.contacts.fixed : kind === "mobile" ? account.contacts.mobile : null;
  if (contacts && contacts.length > 0 && random.chance(account.contactReuse)) return pickContact(contacts, random);
  return drawDomesticNumber(kind, random);
}

function hourCumulativeFor(weights: readonly number[]): number[] {
  let cumulative = cumulativeHours.get(weights);
  if (!cumulative) {
    cumulative = cumulativeOf(weights);
    cumulativeHours.set(weights, cumulative);
  }
  return cumulative;
}
