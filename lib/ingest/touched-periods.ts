// Which months (UTC, for partitions) an upload's calls fall in, gathered while staging: asking the
// staging table afterwards meant another scan of every staged row. Calls are remembered by UTC
// hour, a set that grows with the file's time span (at most a few hundred thousand hours since
// 1990), not with its rows.

const HOUR_MS = 3_600_000;

export type TouchedPeriods = {
  add(startedAtMs: number): void;
  /** First instant of each UTC month holding a call, oldest first. */
  monthStarts(): Date[];
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
  };
}
