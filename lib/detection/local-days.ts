import { wallClockToUtc } from "@/lib/ingest/normalize/call-time";

// Organization-local calendar days ("YYYY-MM-DD") and the UTC instants that bound them.

export function addDays(day: string, count: number): string {
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, dayOfMonth + count)).toISOString().slice(0, 10);
}

export function localDayBounds(day: string, timeZone: string): { startMs: number; endMs: number } {
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  return {
    startMs: wallClockToUtc(Date.UTC(year, month - 1, dayOfMonth), timeZone),
    endMs: wallClockToUtc(Date.UTC(year, month - 1, dayOfMonth + 1), timeZone),
  };
}

/** Every day from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
