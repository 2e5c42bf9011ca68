import { tzOffset } from "@date-fns/tz";

// Wall-clock times in CDRs carry no offset; the file's zone (the organization's by default) says
// which instant they mean. Offsets are cached per zone and hour, since a month repeats them.

const WALL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Calls before this or more than a year in the future are data errors, not calls. */
const EARLIEST_CALL_UTC = Date.UTC(1990, 0, 1);
const LATEST_CALL_AHEAD_MS = 366 * 24 * 3600 * 1000;

const offsetCache = new Map<string, number>();

export type ParsedTime = { ok: true; date: Date } | { ok: false; reason: "invalid" | "out_of_range" };

/** Parses "YYYY-MM-DD HH:MM[:SS]" (also with / or T) as a wall-clock time in `timeZone`. */
export function parseWallTime(text: string, timeZone: string, now = Date.now()): ParsedTime {
  const match = WALL_TIME.exec(text.trim());
  if (!match) return { ok: false, reason: "invalid" };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: "invalid" };
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) return { ok: false, reason: "invalid" }; // 31 April
  const instant = wallClockToUtc(asUtc, timeZone);
  if (instant < EARLIEST_CALL_UTC || instant > now + LATEST_CALL_AHEAD_MS) return { ok: false, reason: "out_of_range" };
  return { ok: true, date: new Date(instant) };
}

/** The UTC instant at which clocks in `timeZone` show the wall time `wallAsUtcMs`. */
export function wallClockToUtc(wallAsUtcMs: number, timeZone: string): number {
  const firstGuess = wallAsUtcMs - offsetMinutes(timeZone, wallAsUtcMs) * 60_000;
  const offsetAtGuess = offsetMinutes(timeZone, firstGuess);
  return wallAsUtcMs - offsetAtGuess * 60_000;
}

function offsetMinutes(timeZone: string, instantMs: number): number {
  const hourKey = `${timeZone}|${Math.floor(instantMs / 3_600_000)}`;
  let offset = offsetCache.get(hourKey);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(instantMs));
    if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hourKey, offset);
  }
  return offset;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
