// Asia/Tokyo wall-clock arithmetic. Japan has had no daylight saving time since 1951, so the zone is
// a fixed +09:00 and plain arithmetic is exact (and far cheaper than a zone library per call).

export const TOKYO_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The UTC instant at which the Tokyo day "YYYY-MM-DD" begins. */
export function tokyoDayStartMs(dateText: string): number {
  const match = DATE_TEXT.exec(dateText);
  if (!match) throw new RangeError(`Expected a date like 2026-04-01, got "${dateText}"`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(wall).getUTCDate() !== Number(match[3])) throw new RangeError(`No such date: ${dateText}`);
  return wall - TOKYO_OFFSET_MS;
}

/** "2026-06-13T02:30" (or with seconds, or a space) read as Tokyo wall-clock time. */
export function tokyoWallTimeToMs(text: string): number {
  const match = DATE_TIME_TEXT.exec(text);
  if (!match) throw new RangeError(`Expected a Tokyo time like 2026-06-13T02:30, got "${text}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return Date.UTC(year, month - 1, day, hour, minute, second) - TOKYO_OFFSET_MS;
}

/** Tokyo wall-clock parts of an instant. */
export function tokyoParts(ms: number): { year: number; month: number; day: number; hour: number; weekday: number } {
  const wall = new Date(ms + TOKYO_OFFSET_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    weekday: wall.getUTCDay(),
  };
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);

// Writers format three instants per call, millions of times, mostly on the same day: the date part
// is cached per day and the clock is plain arithmetic.
let cachedDayNumber = Number.NaN;
let cachedDatePrefix = "";

/** "2026-03-14 02:10:05" in Tokyo time. */
export function formatTokyoDateTime(ms: number): string {
  const wallMs = ms + TOKYO_OFFSET_MS;
  const dayNumber = Math.floor(wallMs / DAY_MS);
  if (dayNumber !== cachedDayNumber) {
    cachedDayNumber = dayNumber;
    cachedDatePrefix = `${tokyoDateText(ms)} `;
  }
  return cachedDatePrefix + formatSecondsAsClock(Math.floor((wallMs - dayNumber * DAY_MS) / 1000));
}

/** "02:10:05" for 7805 seconds; hours are not wrapped ("100:00:00"). */
export function formatSecondsAsClock(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(totalSeconds % 60)}`;
}

/** "03/14" and "02:10:05" in Tokyo time, as a carrier statement writes them. */
export function formatTokyoMonthDayAndTime(ms: number): { monthDay: string; time: string } {
  const wall = new Date(ms + TOKYO_OFFSET_MS);
  return { monthDay: `${pad2(wall.getUTCMonth() + 1)}/${pad2(wall.getUTCDate())}`, time: formatSecondsAsClock(wall.getUTCHours() * 3600 + wall.getUTCMinutes() * 60 + wall.getUTCSeconds()) };
}

/** "2026-03-14", the Tokyo date of an instant. */
export function tokyoDateText(ms: number): string {
  const wall = new Date(ms + TOKYO_OFFSET_MS);
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}
