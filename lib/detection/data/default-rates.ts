// Default charges per minute, in yen, for estimating the cost of calls whose CDRs carry none (PBX
// files). Assumptions to be replaced by the organization's own rate table (settings): Japanese
// carriers publish per-country tariffs, and a customer's contract decides. Anchors from the research
// notes: Sierra Leone 175 yen per ~32 s call (≈ 330 yen/min), Papua New Guinea 249 yen/30 s.

const DOMESTIC_YEN_PER_MINUTE: Record<string, number> = {
  fixed_line: 3,
  fixed_line_or_mobile: 16,
  mobile: 16,
  toll_free: 0,
  premium_rate: 60,
  shared_cost: 20,
  uan: 20,
  voip: 4,
};

const INTERNATIONAL_YEN_PER_MINUTE: Record<string, number> = {
  SL: 330, GN: 300, GW: 300, ST: 300, SO: 300, GM: 300, CU: 250, LV: 200, LT: 150, TV: 400, PG: 500,
  US: 20, CA: 20, CN: 35, KR: 30, TW: 30, HK: 30, SG: 30, GB: 30, DE: 30, FR: 30, AU: 30, TH: 40, VN: 50, PH: 50, IN: 45,
};
const INTERNATIONAL_DEFAULT_YEN_PER_MINUTE = 100;
const INTERNATIONAL_NETWORK_YEN_PER_MINUTE = 900;

export type RateLookup = (country: string | null, numberType: string, isInternational: boolean) => number;

/** Per-minute rate, with the organization's own rates (by country) taking precedence. */
export function createRateLookup(overrides: Record<string, number>): RateLookup {
  return (country, numberType, isInternational) => {
    if (numberType === "international_network") return overrides["INTL_NETWORK"] ?? INTERNATIONAL_NETWORK_YEN_PER_MINUTE;
    if (country && overrides[country] !== undefined) return overrides[country];
    if (!isInternational) return DOMESTIC_YEN_PER_MINUTE[numberType] ?? DOMESTIC_YEN_PER_MINUTE.fixed_line;
    return (country && INTERNATIONAL_YEN_PER_MINUTE[country]) || INTERNATIONAL_DEFAULT_YEN_PER_MINUTE;
  };
}
