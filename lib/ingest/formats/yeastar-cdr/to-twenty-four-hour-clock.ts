// Yeastar writes times in the PBX's display format, which may be a 12-hour clock
// ("2026/03/14 02:10:05 PM"); the shared date parser reads 24-hour clocks only.

const TWELVE_HOUR_TIME = /^(.*?)(\d{1,2})(:\d{2}(?::\d{2})?)\s*([AaPp][Mm])$/;

/** The same text with a 24-hour clock, or unchanged when it has no AM/PM (or an impossible hour). */
export function toTwentyFourHourClock(text: string): string {
  const match = TWELVE_HOUR_TIME.exec(text);
  if (!match) return text;
  const [, datePart, hourText, minutesAndSeconds, meridiem] = match;
  const hour = Number(hourText);
  if (hour < 1 || hour > 12) return text;
  const hour24 = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  return `${datePart}${String(hour24).padStart(2, "0")}${minutesAndSeconds}`;
}
