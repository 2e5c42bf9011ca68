// Which months (UTC, for partitions) and organization-local days (for rollups) an upload's calls
// fall in, gathered while staging: asking the staging table afterwards meant two more scans of
// every staged row. Calls are remembered by UTC hour, a set that grows with the file's time span
// (at most a few hundred thousand hours since 1990), not with its rows.

const HOUR_MS = 3_600_000;

export type TouchedPeriods = {
  add(startedAtMs: number): void;
  /** First instant of each UTC month holding a call, oldest first. */
  monthStarts(): Date[];
  /**
   * Local days ("YYYY-MM-DD", oldest first) holding a call. An hour that spans two local days (zones
   * offset by half an hour) names both: refreshing the rollups of a day with no new call is harmless.
   */
  localDays(timeZone: string): string[];
};

export function createTouchedPeriods(): TouchedPeriods {
  const hours = new Set<number>();
  let lastHour = Number.NaN;
  return {
    add(startedAtMs) {
      const hour = Math.floor(startedAtMs / HOUR_MS);
      if (hour === lastHour) return;
      lastHour = hour;
      hours.add(hour);
    },
    monthStarts() {
      const months = new Set<number>();
      for (const hour of hours) {
        const instant = new Date(hour * HOUR_MS);
        months.add(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
      }
      return [...months].sort((a, b) => a - b).map((month) => new Date(month));
    },
    localDays(timeZone) {
      const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
      const days = new Set<string>();
      for (const hour of hours) {
        days.add(format.format(hour * HOUR_MS));
        days.add(format.format(hour * HOUR_MS + HOUR_MS - 1));
      }
      return [...days].sort();
    },
  };
}
