// Estimated-cost steps whose crossing sends a follow-up alert. Defaults grow roughly fivefold per
// step, from what a small office would notice on one bill to what the seed's victim was charged.

const DEFAULT_STEPS: Record<string, number[]> = {
  JPY: [10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000],
};
const DEFAULT_STEPS_OTHER = [100, 500, 1_000, 5_000, 10_000, 50_000];

export function defaultCostSteps(currency: string): number[] {
  return DEFAULT_STEPS[currency] ?? DEFAULT_STEPS_OTHER;
}

/** The organization's steps, or the defaults for its currency when it set none. */
export function costStepsOf(org: { alertCostSteps: readonly number[]; currency: string }): number[] {
  return org.alertCostSteps.length > 0 ? [...org.alertCostSteps].sort((a, b) => a - b) : defaultCostSteps(org.currency);
}

/** The highest step `cost` has reached (0 below the first). */
export function costStepReached(cost: number, steps: readonly number[]): number {
  let reached = 0;
  for (const step of steps) if (cost >= step) reached = Math.max(reached, step);
  return reached;
}
