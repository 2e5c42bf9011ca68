import holidayJp from "@holiday-jp/holiday_jp";
import { DAY_MS, tokyoDateText, tokyoDayStartMs, tokyoParts } from "./tokyo-time";

// The simulated period as Tokyo days, each typed the way an office experiences it: Sundays, public
// holidays and the 29 Dec–3 Jan closure are closed days; the last two workdays of a month are busy.

export type DayType = "workday" | "saturday" | "closed";

export type SimulationDay = {
  index: number;
  dateText: string;
  startMs: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  dayType: DayType;
  isPublicHoliday: boolean;
  /** One of the last two workdays of its month (invoices, closing). */
  isMonthEndPeak: boolean;
  /** First workday after three or more days off, i.e. after a long weekend or a closure (catch-up). */
  isAfterClosure: boolean;
  /** 13–16 August: many offices thin out for Obon although it is no public holiday. */
  isObon: boolean;
};

export type SimulationCalendar = {
  startMs: number;
  /** Exclusive: the instant the day after the last simulated day begins. */
  endMs: number;
  days: SimulationDay[];
  /** The simulated day an instant falls on, or -1 outside the period. */
  dayIndexOf(ms: number): number;
};

export function buildSimulationCalendar(startDate: string, dayCount: number): SimulationCalendar {
  if (!Number.isInteger(dayCount) || dayCount < 1) throw new RangeError(`days must be a positive integer, got ${dayCount}`);
  const startMs = tokyoDayStartMs(startDate);
  const days: SimulationDay[] = [];
  for (let index = 0; index < dayCount; index++) days.push(describeDay(index, startMs + index * DAY_MS));
  const endMs = startMs + dayCount * DAY_MS;
  return {
    startMs,
    endMs,
    days,
    dayIndexOf: (ms) => (ms < startMs || ms >= endMs ? -1 : Math.floor((ms - startMs) / DAY_MS)),
  };
}

function describeDay(index: number, startMs: number): SimulationDay {
  const dateText = tokyoDateText(startMs);
  const { month, day, weekday } = tokyoParts(startMs);
  const isPublicHoliday = holidayJp.isHoliday(dateText);
  return {
    index,
    dateText,
    startMs,
    weekday,
    dayType: dayTypeAt(startMs),
    isPublicHoliday,
    isMonthEndPeak: isMonthEndPeak(startMs),
    isAfterClosure: dayTypeAt(startMs) === "workday" && closedDaysBefore(startMs) >= 3,
    isObon: month === 8 && day >= 13 && day <= 16,
  };
}

function dayTypeAt(dayStartMs: number): DayType {
  const { month, day, weekday } = tokyoParts(dayStartMs);
  const isYearEndClosure = (month === 12 && day >= 29) || (month === 1 && day <= 3);
  if (weekday === 0 || isYearEndClosure || holidayJp.isHoliday(tokyoDateText(dayStartMs))) return "closed";
  return weekday === 6 ? "saturday" : "workday";
}

/** Whether fewer than two workdays follow this workday before the month ends. */
function isMonthEndPeak(dayStartMs: number): boolean {
  if (dayTypeAt(dayStartMs) !== "workday") return false;
  const { month } = tokyoParts(dayStartMs);
  let workdaysAfter = 0;
  for (let next = dayStartMs + DAY_MS; tokyoParts(next).month === month; next += DAY_MS) {
    if (dayTypeAt(next) === "workday" && ++workdaysAfter >= 2) return false;
  }
  return true;
}

/** Days off (Saturdays included) right before this day. */
function closedDaysBefore(dayStartMs: number): number {
  let count = 0;
  for (let previous = dayStartMs - DAY_MS; dayTypeAt(previous) !== "workday" && count < 14; previous -= DAY_MS) count++;
  return count;
}
