import type { InternationalDestinationId } from "@/lib/simulation/international-destinations";
import type { ProfileId } from "@/lib/simulation/simulated-call";

// What a profile is made of: one account (a PBX) or many (an ITSP's customers), each with its own
// extensions, business hours, call volumes, destinations and address book.

export type HoursProfileId = "office" | "call-centre" | "retail" | "round-the-clock";
export type CallStyleId = "office" | "call-centre";

/** Mean calls of each stream on an ordinary workday, before day-type and calendar factors. */
export type WorkdayCallMeans = {
  outboundDomestic: number;
  outboundInternational: number;
  inbound: number;
  inboundInternational: number;
  internal: number;
};

export type DomesticMix = { fixed: number; mobile: number; tollFree: number; naviDial: number };

export type CountryWeight = { destination: InternationalDestinationId; weight: number };

export type AccountSpec = {
  accountCode: string | null;
  lineNumber: string;
  extensions: string[];
  hours: HoursProfileId;
  style: CallStyleId;
  workdayCalls: WorkdayCallMeans;
  domesticMix: DomesticMix;
  /** Where this account calls abroad; small weights are the countries called only occasionally. */
  countries: CountryWeight[];
  contactCounts: { fixed: number; mobile: number; perCountry: number };
  /** Share of domestic calls that go to a known contact rather than a number dialled once. */
  contactReuse: number;
};

export type AccountContacts = {
  fixed: string[];
  mobile: string[];
  international: Partial<Record<InternationalDestinationId, string[]>>;
};

export type SimulatedAccount = AccountSpec & {
  contacts: AccountContacts;
  /** Cumulative weights, precomputed for per-call draws. */
  countryCumulative: number[];
  domesticCumulative: number[];
};

export type TrafficProfile = {
  id: ProfileId;
  label: string;
  /** The name a carrier statement prints for the customer. */
  customerName: string;
  accounts: SimulatedAccount[];
};
