import { expect, test } from "vitest";
import { createTouchedPeriods } from "@/lib/ingest/touched-periods";

test("months are UTC months and days are the organization's local days", () => {
  const periods = createTouchedPeriods();
  for (const instant of ["2026-03-31T23:30:00Z", "2026-03-31T14:59:59Z", "2026-02-28T15:00:00Z", "2026-03-31T23:10:00Z"]) {
    periods.add(Date.parse(instant));
  }
  expect(periods.monthStarts().map((month) => month.toISOString())).toEqual(["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
  expect(periods.localDays("Asia/Tokyo")).toEqual(["2026-03-01", "2026-03-31", "2026-04-01"]);
  expect(periods.localDays("UTC")).toEqual(["2026-02-28", "2026-03-31"]);
});

test("an hour spanning midnight in a half-hour zone names both days", () => {
  const periods = createTouchedPeriods();
  periods.add(Date.parse("2026-03-14T18:40:00Z")); // 00:10 on the 15th in India, in the hour from 23:30
  expect(periods.localDays("Asia/Kolkata")).toEqual(["2026-03-14", "2026-03-15"]);
});
