// Calendar months as "YYYY-MM" strings (client-safe, no time zone involved).

export type MonthKey = `${number}-${string}`;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(value: string | undefined | null): MonthKey | null {
  return value && MONTH.test(value) ? (value as MonthKey) : null;
}

export function addMonths(month: MonthKey, delta: number): MonthKey {
  const [year, monthNumber] = month.split("-").map(Number);
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}` as MonthKey;
}

/** Every day of the month as "YYYY-MM-DD". */
export function daysOfMonth(month: MonthKey): string[] {
  const [year, monthNumber] = month.split("-").map(Number);
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => `${month}-${String(index + 1).padStart(2, "0")}`);
}

/** The month an instant falls in, in the given time zone. */
export function monthOfInstant(instant: Date, timeZone: string): MonthKey {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}` as MonthKey;
}

/** Consecutive months, first and last included (the overview's "range"). */
export type MonthRange = { first: MonthKey; last: MonthKey };

export const MAX_RANGE_MONTHS = 12;

export function asRange(period: MonthKey | MonthRange): MonthRange {
  return typeof period === "string" ? { first: period, last: period } : period;
}

export function monthsOf(range: MonthRange): MonthKey[] {
  const months: MonthKey[] = [];
  for (let month = range.first; month <= range.last && months.length < MAX_RANGE_MONTHS * 10; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The range's first day and the day after its last ("YYYY-MM-DD"). */
export function rangeBounds(range: MonthRange): { fromDay: string; toDayExclusive: string } {
  return { fromDay: `${range.first}-01`, toDayExclusive: `${addMonths(range.last, 1)}-01` };
}

/** As many months just before the range as it has. */
export function previousRange(range: MonthRange): MonthRange {
  const length = monthsOf(range).length;
  return { first: addMonths(range.first, -length), last: addMonths(range.first, -1) };
}

/** "from"/"to" months from a URL, ordered, at most MAX_RANGE_MONTHS long; null unless both parse. */
export function parseMonthRange(from: string | undefined | null, to: string | undefined | null): MonthRange | null {
  const first = parseMonth(from);
  const last = parseMonth(to);
  if (!first || !last) return null;
  const [start, end] = first <= last ? [first, last] : [last, first];
  return { first: start, last: monthsOf({ first: start, last: end }).length > MAX_RANGE_MONTHS ? addMonths(start, MAX_RANGE_MONTHS - 1) : end };
}
