import { drawDomesticNumber, drawInternationalNumber } from "@/lib/simulation/draw-number";
import { createSeededRandom, type SeededRandom } from "@/lib/simulation/seeded-random";
import type { ProfileId } from "@/lib/simulation/simulated-call";
import { callCentre200Accounts } from "./call-centre-200";
import { cumulativeOf } from "./hours-profiles";
import { itsp50Accounts } from "./itsp-50";
import { officeJp10Accounts } from "./office-jp-10";
import type { AccountContacts, AccountSpec, SimulatedAccount, TrafficProfile } from "./traffic-profile";

// A profile's accounts with their address books, drawn from the seed: the same seed gives the same
// customers, numbers and contacts, so both views and every replay agree.

const PROFILE_SALT = 0x5eed;

export const PROFILE_IDS: readonly ProfileId[] = ["office-jp-10", "call-centre-200", "itsp-50"];

export function buildTrafficProfile(profileId: ProfileId, seed: number): TrafficProfile {
  const random = createSeededRandom(seed, PROFILE_SALT);
  if (profileId === "office-jp-10") {
    return { id: profileId, label: "10-seat office, Tokyo", customerName: "サンプル保険代理店株式会社", accounts: withContacts(officeJp10Accounts(), random) };
  }
  if (profileId === "call-centre-200") {
    return { id: profileId, label: "200-seat call centre, Osaka", customerName: "株式会社なにわコンタクトセンター", accounts: withContacts(callCentre200Accounts(), random) };
  }
  if (profileId === "itsp-50") {
    return { id: profileId, label: "Small ITSP, 50 customer accounts", customerName: "株式会社サンプルテレコム", accounts: withContacts(itsp50Accounts(random), random) };
  }
  throw new RangeError(`Unknown profile "${String(profileId)}"; expected one of ${PROFILE_IDS.join(", ")}`);
}

function withContacts(specs: AccountSpec[], random: SeededRandom): SimulatedAccount[] {
  return specs.map((spec) => ({
    ...spec,
    contacts: drawContacts(spec, random),
    countryCumulative: cumulativeOf(spec.countries.map((country) => country.weight)),
    domesticCumulative: cumulativeOf([spec.domesticMix.fixed, spec.domesticMix.mobile, spec.domesticMix.tollFree, spec.domesticMix.naviDial]),
  }));
}

function drawContacts(spec: AccountSpec, random: SeededRandom): AccountContacts {
  const international: AccountContacts["international"] = {};
  for (const { destination } of spec.countries) {
    international[destination] = Array.from({ length: spec.contactCounts.perCountry }, () => drawInternationalNumber(destination, random));
  }
  return {
    fixed: Array.from({ length: spec.contactCounts.fixed }, () => drawDomesticNumber("fixed", random)),
    mobile: Array.from({ length: spec.contactCounts.mobile }, () => drawDomesticNumber("mobile", random)),
    international,
  };
}
