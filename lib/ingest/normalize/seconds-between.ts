/** Whole seconds from one instant to a later one; 0 when either is unknown or they run backwards. */
export function secondsBetween(from: Date | null, to: Date | null): number {
  return from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : 0;
}
