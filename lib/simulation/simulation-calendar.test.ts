import { expect, test } from "vitest";
import { buildSimulationCalendar } from "./simulation-calendar";

const dayOf = (calendar: ReturnType<typeof buildSimulationCalendar>, date: string) => {
  const day = calendar.days.find((candidate) => candidate.dateText === date);
  if (!day) throw new Error(`${date} not simulated`);
  return day;
};

test("Tokyo days: weekends, public holidays and the year-end closure", () => {
  const calendar = buildSimulationCalendar("2026-04-27", 260);
  expect(calendar.days[0]).toMatchObject({ dateText: "2026-04-27", weekday: 1, dayType: "workday", startMs: Date.UTC(2026, 3, 26, 15) });
  expect(dayOf(calendar, "2026-04-29")).toMatchObject({ dayType: "closed", isPublicHoliday: true });
  expect(dayOf(calendar, "2026-05-02")).toMatchObject({ dayType: "saturday" });
  expect(dayOf(calendar, "2026-05-06")).toMatchObject({ dayType: "closed", isPublicHoliday: true });
  expect(dayOf(calendar, "2026-05-07")).toMatchObject({ dayType: "workday", isAfterClosure: true });
  expect(dayOf(calendar, "2026-12-29")).toMatchObject({ dayType: "closed", isPublicHoliday: false });
  expect(dayOf(calendar, "2027-01-04")).toMatchObject({ dayType: "workday", isAfterClosure: true });
  expect(dayOf(calendar, "2026-08-14")).toMatchObject({ dayType: "workday", isObon: true });
});

test("the last two workdays of each month are its peak", () => {
  const calendar = buildSimulationCalendar("2026-05-01", 62);
  const peaks = calendar.days.filter((day) => day.isMonthEndPeak).map((day) => day.dateText);
  expect(peaks).toEqual(["2026-05-28", "2026-05-29", "2026-06-29", "2026-06-30"]);
});

test("instants map to their simulated day, and nothing outside the period does", () => {
  const calendar = buildSimulationCalendar("2026-04-01", 3);
  expect(calendar.dayIndexOf(Date.UTC(2026, 2, 31, 15))).toBe(0);
  expect(calendar.dayIndexOf(Date.UTC(2026, 2, 31, 14, 59, 59))).toBe(-1);
  expect(calendar.dayIndexOf(Date.UTC(2026, 3, 3, 14, 59, 59))).toBe(2);
  expect(calendar.dayIndexOf(calendar.endMs)).toBe(-1);
  expect(() => buildSimulationCalendar("2026-02-30", 3)).toThrow(RangeError);
});
