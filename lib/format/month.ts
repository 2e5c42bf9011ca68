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
