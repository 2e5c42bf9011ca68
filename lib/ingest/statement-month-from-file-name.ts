import type { StatementMonth } from "@/lib/ingest/normalize/call-time";

// Statements whose rows carry no year (NTT call detail statements) are usually named after their billing month:
// "meisai_202603.csv", "通話明細_2026年03月.csv", "R8年3月.csv". The month found here is a
// suggestion for the user to confirm; a name naming two different months suggests nothing.

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2099;
/** Reiwa 1 ("令和元年") is 2019, and began in May. */
const REIWA_FIRST_YEAR = 2019;
const REIWA_FIRST_MONTH = 5;

const KANJI_YEAR_MONTH = /(?<!\d)(\d{4})年(\d{1,2})月/g;
const REIWA_YEAR_MONTH = /(?:令和|R)(元|\d{1,2})年(\d{1,2})月/gi;
const SEPARATED_YEAR_MONTH = /(?<!\d)(\d{4})[-_. ](\d{1,2})(?!\d)/g;
/** "202603" (year and month) or "20260314" (a date in the month); longer digit runs are not dates. */
const DIGITS_YEAR_MONTH = /(?<!\d)(\d{4})(\d{2})(\d{2})?(?!\d)/g;

export function statementMonthFromFileName(name: string): StatementMonth | null {
  const text = name.normalize("NFKC");
  const found = new Set<number>();
  for (const [, year, month] of text.matchAll(KANJI_YEAR_MONTH)) addMonth(found, Number(year), Number(month));
  for (const [, era, month] of text.matchAll(REIWA_YEAR_MONTH)) {
    const reiwaYear = era === "元" ? 1 : Number(era);
    if (reiwaYear === 0 || (reiwaYear === 1 && Number(month) < REIWA_FIRST_MONTH)) continue;
    addMonth(found, REIWA_FIRST_YEAR + reiwaYear - 1, Number(month));
  }
  for (const [, year, month] of text.matchAll(SEPARATED_YEAR_MONTH)) addMonth(found, Number(year), Number(month));
  for (const [, year, month, day] of text.matchAll(DIGITS_YEAR_MONTH)) {
    if (day === undefined || isDayOfMonth(Number(year), Number(month), Number(day))) addMonth(found, Number(year), Number(month));
  }
  if (found.size !== 1) return null;
  const [key] = found;
  return { year: Math.floor(key / 100), month: key % 100 };
}

/** Months are collected as yyyymm numbers, so the same month found twice counts once. */
function addMonth(found: Set<number>, year: number, month: number): void {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12) return;
  found.add(year * 100 + month);
}

function isDayOfMonth(year: number, month: number, day: number): boolean {
  return day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
