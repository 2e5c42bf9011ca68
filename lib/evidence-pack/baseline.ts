// How far back the usual traffic of the pack's charts reaches (client-safe, for both renderers).
export const BASELINE_DAYS = 28;
