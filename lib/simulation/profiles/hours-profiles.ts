import type { HoursProfileId } from "./traffic-profile";

// Relative call volume per Tokyo hour (0–23) and day type, and how busy Saturdays and closed days
// are compared with a workday. Offices: 9–18 with a lunch dip; call centres run into the evening.

export type HoursProfile = {
  workday: readonly number[];
  saturday: readonly number[];
  closed: readonly number[];
  saturdayFactor: number;
  closedFactor: number;
};

const OFFICE_DAY = [0, 0, 0, 0, 0, 0, 0, 0.02, 0.25, 0.9, 1, 1, 0.45, 0.95, 1, 1, 0.95, 0.75, 0.3, 0.1, 0.04, 0.02, 0.01, 0];
const SHORT_DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.6, 1, 1, 0.6, 0.9, 0.9, 0.7, 0.5, 0.2, 0.05, 0.02, 0, 0, 0, 0];
const CALL_CENTRE_DAY = [0, 0, 0, 0, 0, 0, 0, 0.01, 0.15, 0.85, 1, 1, 0.7, 0.9, 1, 1, 0.95, 0.85, 0.6, 0.45, 0.25, 0.03, 0.01, 0];
const RETAIL_DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0.05, 0.3, 0.8, 1, 0.9, 0.9, 1, 1, 1, 0.9, 0.8, 0.6, 0.4, 0.1, 0.01, 0];
const ROUND_THE_CLOCK = [0.2, 0.15, 0.12, 0.12, 0.15, 0.25, 0.4, 0.6, 0.85, 1, 1, 1, 0.8, 1, 1, 1, 1, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3, 0.25];

export const HOURS_PROFILES: Record<HoursProfileId, HoursProfile> = {
  office: { workday: OFFICE_DAY, saturday: SHORT_DAY, closed: SHORT_DAY, saturdayFactor: 0.12, closedFactor: 0.015 },
  "call-centre": { workday: CALL_CENTRE_DAY, saturday: SHORT_DAY, closed: SHORT_DAY, saturdayFactor: 0.3, closedFactor: 0.025 },
  retail: { workday: RETAIL_DAY, saturday: RETAIL_DAY, closed: RETAIL_DAY, saturdayFactor: 0.9, closedFactor: 0.45 },
  "round-the-clock": { workday: ROUND_THE_CLOCK, saturday: ROUND_THE_CLOCK, closed: ROUND_THE_CLOCK, saturdayFactor: 0.7, closedFactor: 0.6 },
};

/** Running sums of a weight list, for SeededRandom.weightedIndex. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}
