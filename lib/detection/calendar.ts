import holidayJp from "@holiday-jp/holiday_jp";
import type { DetectionSettings } from "@/lib/detection/detection-settings.schema";

// Day types for baselines and off-hours: workdays, Saturdays, and closed days (Sundays, public
// holidays, the year-end closure, company holidays) — attacks cluster on the last kind.

export type DayType = "workday" | "saturday" | "closed";

const JAPANESE_HOLIDAYS = new Set(Object.keys(holidayJp.holidays));

/** Japan's public holidays (1970–2050, from @holiday-jp/holiday_jp): name in Japanese and English. */
export function japaneseHoliday(day: string): { ja: string; en: string } | null {
  if (!JAPANESE_HOLIDAYS.has(day)) return null;
  const holiday = (holidayJp.holidays as Record<string, { name: string; name_en: string }>)[day];
  return { ja: holiday.name, en: holiday.name_en };
}

/** Japan's year-end closure (29 Dec – 3 Jan): offices and carrier desks are shut. */
function isYearEndClosure(month: number, dayOfMonth: number): boolean {
  return (month === 12 && dayOfMonth >= 29) || (month === 1 && dayOfMonth <= 3);
}

// Rules ask for the same few days' types for every call: remembered per settings object.
const dayTypesBySettings = new WeakMap<DetectionSettings, Map<string, DayType>>();

export function dayTypeOf(day: string, settings: DetectionSettings): DayType {
  let known = dayTypesBySettings.get(settings);
  if (!known) dayTypesBySettings.set(settings, (known = new Map()));
  let dayType = known.get(day);
  if (dayType === undefined) known.set(day, (dayType = computeDayType(day, settings)));
  return dayType;
}

function computeDayType(day: string, settings: DetectionSettings): DayType {
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const weekday = date.getUTCDay();
  if (settings.closedDays.includes(day)) return "closed";
  if (settings.holidayCalendar === "JP" && (isYearEndClosure(month, dayOfMonth) || JAPANESE_HOLIDAYS.has(day))) return "closed";
  if (weekday === 0) return "closed";
  if (weekday === 6) return settings.businessHours.weekdays.includes(6) ? "workday" : "saturday";
  return settings.businessHours.weekdays.includes(weekday) ? "workday" : "closed";
}

/** Whether a local hour of a day is inside business hours. */
export function isBusinessHour(day: string, hour: number, settings: DetectionSettings): boolean {
  return dayTypeOf(day, settings) === "workday" && hour >= settings.businessHours.startHour && hour < settings.businessHours.endHour;
}
