import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import type { InternationalDestinationId } from "@/lib/simulation/international-destinations";
import type { SeededRandom } from "@/lib/simulation/seeded-random";
import type { AccountSpec, CountryWeight, HoursProfileId } from "./traffic-profile";

// A small ITSP with 50 business customers of very different sizes (a few large, many with 2–5
// seats), ~20,000 calls a workday in all. A fifth are trading firms that call abroad daily.

const ACCOUNT_COUNT = 50;
const WORKDAY_CALLS_TARGET = 20_000;
const HOURS_MIX: [HoursProfileId, number][] = [["office", 0.7], ["retail", 0.15], ["call-centre", 0.1], ["round-the-clock", 0.05]];
const TRADING_COUNTRIES: InternationalDestinationId[] = ["CN", "VN", "PH", "TH", "KR", "TW", "US", "HK", "SG", "IN", "ID", "MY", "DE", "GB", "BR"];
const OCCASIONAL_COUNTRIES: InternationalDestinationId[] = ["US", "CN", "KR", "TW"];
const LINE_PATTERNS = ["03N#######", "06N#######", "045N######", "050M#######"];

export function itsp50Accounts(random: SeededRandom): AccountSpec[] {
  const drafts = Array.from({ length: ACCOUNT_COUNT }, (_, index) => draftAccount(index, random));
  const total = drafts.reduce((sum, account) => sum + workdayTotal(account), 0);
  const scale = WORKDAY_CALLS_TARGET / total;
  for (const account of drafts) {
    const calls = account.workdayCalls;
    for (const stream of Object.keys(calls) as (keyof typeof calls)[]) calls[stream] *= scale;
  }
  return drafts;
}

function draftAccount(index: number, random: SeededRandom): AccountSpec {
  const seats = Math.max(2, Math.round(110 / Math.pow(index + 1, 0.9)) + random.integer(0, 2));
  const hours = HOURS_MIX[random.weightedIndex(cumulative(HOURS_MIX.map(([, weight]) => weight)))][0];
  const isTrading = random.chance(0.2);
  const perSeat = hours === "call-centre" ? 25 : 15;
  const outbound = seats * perSeat * 0.5;
  const internationalShare = isTrading ? 0.06 + random.next() * 0.06 : 0.002 + random.next() * 0.008;
  return {
    accountCode: `A${1001 + index}`,
    lineNumber: fillNumberPattern(random.pick(LINE_PATTERNS), random),
    extensions: Array.from({ length: seats }, (_, seat) => `${10 + index}${String(seat + 1).padStart(3, "0")}`),
    hours,
    style: hours === "call-centre" ? "call-centre" : "office",
    workdayCalls: {
      outboundDomestic: outbound * (1 - internationalShare),
      outboundInternational: outbound * internationalShare,
      inbound: seats * perSeat * 0.38,
      inboundInternational: outbound * internationalShare * 0.2,
      internal: seats * perSeat * 0.12,
    },
    domesticMix: { fixed: 0.48, mobile: 0.45, tollFree: 0.04, naviDial: 0.03 },
    countries: isTrading ? countryWeights(random, TRADING_COUNTRIES, random.integer(3, 6)) : countryWeights(random, OCCASIONAL_COUNTRIES, random.integer(1, 3)),
    contactCounts: { fixed: Math.min(400, seats * 25), mobile: Math.min(300, seats * 12), perCountry: isTrading ? 6 : 2 },
    contactReuse: 0.7,
  };
}

function countryWeights(random: SeededRandom, pool: InternationalDestinationId[], count: number): CountryWeight[] {
  const remaining = [...pool];
  const chosen: CountryWeight[] = [];
  for (let rank = 0; rank < count && remaining.length > 0; rank++) {
    const [destination] = remaining.splice(random.integer(0, remaining.length - 1), 1);
    chosen.push({ destination, weight: 1 / (rank + 1) });
  }
  return chosen;
}

function workdayTotal(account: AccountSpec): number {
  return Object.values(account.workdayCalls).reduce((sum, mean) => sum + mean, 0);
}

function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}
