import { tzOffset } from "@date-fns/tz";

// Instants from the date notations CDR layouts and carrier statements use. Times written without
// an offset are wall-clock times in the file's zone (the organization's by default). A notation is
// named by the format module or the saved column mapping; nothing is guessed per row. Offsets are
// cached per zone and quarter hour, since a month of calls repeats them.

/** Zone → UTC quarter hour number → offset in minutes (some zones change offset on the half hour). */
const offsetCache = new Map<string, Map<number, number>>();

export type DateNotation =
  /** 2026-03-14 02:10:05, 2026/3/14 2:10, 2026-03-14T02:10:05[.123][Z|+09:00], 2026年3月14日 2時10分 */
  | "year-month-day"
  /** 14/03/2026 02:10[:05] (also with - or .) */
  | "day-month-year"
  /** 03/14/2026 02:10[:05] */
  | "month-day-year"
  /** 03/14 02:10:05 or 3月14日 — no year: the statement month supplies it */
  | "month-day"
  /** 1773454205 (seconds since 1970, UTC) */
  | "epoch-seconds"
  /** Tue, 14 Mar 2026 02:10:05 +0000 */
  | "rfc-2822";

export type StatementMonth = { year: number; month: number };

export type DateContext = { timeZone: string; statementMonth?: StatementMonth | null; now?: number };

export type ParsedInstant = { ok: true; date: Date } | { ok: false; reason: "invalid" | "out_of_range" | "needs_statement_month" };

// The window a call's time must fall in. From 1990: carrier statements and PBX archives reach back
// decades, and every month of them is only one more partition. To two days ahead of the server's
// clock: enough for any zone's wall time and a PBX clock running fast, while a year-9999 (or a
// year-ahead) typo is rejected with its row instead of opening months that detection would treat
// as the present.
const EARLIEST_CALL_UTC = Date.UTC(1990, 0, 1);
const LATEST_CALL_AHEAD_MS = 2 * 24 * 3600 * 1000;

/** The window's end as of the last look at the clock; the clock only moves on, so it only grows. */
let latestCallUtc = Number.NEGATIVE_INFINITY;

/** Whether an instant (epoch ms) can be a call's: inside the window above (ending `now` + two days). */
export function isPlausibleCallInstant(instantMs: number, now?: number): boolean {
  if (!(instantMs >= EARLIEST_CALL_UTC)) return false;
  if (now !== undefined) return instantMs <= now + LATEST_CALL_AHEAD_MS;
  // Read three times a row, millions of times: the clock is looked at only for instants past the end last seen.
  if (instantMs <= latestCallUtc) return true;
  latestCallUtc = Date.now() + LATEST_CALL_AHEAD_MS;
  return instantMs <= latestCallUtc;
}
const TIME_PART = String.raw`(?:[ T]+(\d{1,2})(?::|時)(\d{1,2})(?:(?::|分)(\d{1,2})(?:\.\d+)?秒?)?分?)?`;
const OFFSET_PART = String.raw`\s*(Z|[+-]\d{2}:?\d{2})?`;
const PATTERNS: Record<"year-month-day" | "day-month-year" | "month-day-year" | "month-day", RegExp> = {
  "year-month-day": new RegExp(String.raw`^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?${TIME_PART}${OFFSET_PART}$`),
  "day-month-year": new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME_PART}$`),
  "month-day-year": new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME_PART}$`),
  "month-day": new RegExp(String.raw`^(\d{1,2})(?:/|月)(\d{1,2})日?${TIME_PART}$`),
};

export function parseInstant(text: string, notation: DateNotation, context: DateContext): ParsedInstant {
  const fast = notation === "year-month-day" ? plainWallTime(text) : null;
  const instant = fast === null ? toInstant(text.normalize("NFKC").trim(), notation, context) : wallClockToUtc(fast, context.timeZone);
  if (typeof instant === "string") return { ok: false, reason: instant };
  if (!isPlausibleCallInstant(instant, context.now)) return { ok: false, reason: "out_of_range" };
  return { ok: true, date: new Date(instant) };
}

function toInstant(text: string, notation: DateNotation, context: DateContext): number | "invalid" | "needs_statement_month" {
  if (notation === "epoch-seconds") return /^\d{9,11}(\.\d+)?$/.test(text) ? Math.floor(Number(text) * 1000) : "invalid";
  if (notation === "rfc-2822") {
    const parsed = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UTC)$/.test(text) ? Date.parse(text) : NaN;
    return Number.isNaN(parsed) ? "invalid" : parsed;
  }
  const match = PATTERNS[notation].exec(text);
  if (!match) return "invalid";
  const parts = match.slice(1).map((part) => (part === undefined ? undefined : part));
  let year: number, month: number, day: number;
  let rest: (string | undefined)[];
  if (notation === "year-month-day") [year, month, day, rest] = [Number(parts[0]), Number(parts[1]), Number(parts[2]), parts.slice(3)];
  else if (notation === "day-month-year") [day, month, year, rest] = [Number(parts[0]), Number(parts[1]), Number(parts[2]), parts.slice(3)];
  else if (notation === "month-day-year") [month, day, year, rest] = [Number(parts[0]), Number(parts[1]), Number(parts[2]), parts.slice(3)];
  else {
    if (!context.statementMonth) return "needs_statement_month";
    [month, day, rest] = [Number(parts[0]), Number(parts[1]), parts.slice(2)];
    // A January statement may list calls from late December of the year before.
    year = month <= context.statementMonth.month ? context.statementMonth.year : context.statementMonth.year - 1;
  }
  const [hour, minute, second] = [Number(rest[0] ?? 0), Number(rest[1] ?? 0), Number(rest[2] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return "invalid";
  const wall = wallTimeAsUtc(year, month, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return "invalid";
  const offset = rest[3];
  if (offset) return wall - offsetOfText(offset) * 60_000;
  return wallClockToUtc(wall, context.timeZone);
}

/** Date.UTC reads years 0–99 as 1900–1999; a CDR's "0099" is the year 99, not 1999. */
function wallTimeAsUtc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function offsetOfText(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The UTC instant at which clocks in `timeZone` show the wall time `wallAsUtcMs`. */
export function wallClockToUtc(wallAsUtcMs: number, timeZone: string): number {
  const firstGuess = wallAsUtcMs - offsetMinutes(timeZone, wallAsUtcMs) * 60_000;
  const offsetAtGuess = offsetMinutes(timeZone, firstGuess);
  return wallAsUtcMs - offsetAtGuess * 60_000;
}

/** The last offset looked up: rows of a file mostly fall in the quarter hour before. */
let lastOffset = { timeZone: "", quarter: Number.NaN, minutes: 0 };

function offsetMinutes(timeZone: string, instantMs: number): number {
  const quarter = Math.floor(instantMs / 900_000);
  if (quarter === lastOffset.quarter && timeZone === lastOffset.timeZone) return lastOffset.minutes;
  let byQuarter = offsetCache.get(timeZone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsetCache.set(timeZone, byQuarter);
  }
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(instantMs));
    if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    if (byQuarter.size > 400_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  lastOffset = { timeZone, quarter, minutes: offset };
  return offset;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** The date the last plain wall time was on (year × 10,000 + month × 100 + day), and its midnight as if UTC. */
let lastDay = -1;
let lastDayStartMs = 0;

/**
 * The common case, "2026-03-14 02:10:05" exactly, read without regular expressions, closures or
 * Date objects (it is parsed three times per row, millions of times; consecutive rows are mostly on
 * the same date): the wall time as if UTC, or null otherwise.
 */
function plainWallTime(text: string): number | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 ||
    text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  for (const position of DIGIT_POSITIONS) {
    const code = text.charCodeAt(position);
    if (code < 48 || code > 57) return null;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = year * 10_000 + month * 100 + day;
  if (date !== lastDay) {
    const midnight = Date.UTC(year, month - 1, day);
    if (new Date(midnight).getUTCDate() !== day) return null;
    lastDay = date;
    lastDayStartMs = midnight;
  }
  return lastDayStartMs + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let index = from; index < from + length; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
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
