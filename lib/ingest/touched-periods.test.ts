import { expect, test } from "vitest";
import { createTouchedPeriods } from "@/lib/ingest/touched-periods";

test("months are UTC months, oldest first", () => {
  const periods = createTouchedPeriods();
  for (const instant of ["2026-03-31T23:30:00Z", "2026-03-31T14:59:59Z", "2026-02-28T15:00:00Z", "2026-03-31T23:10:00Z", "1999-12-31T23:59:59Z"]) {
    periods.add(Date.parse(instant));
  }
  expect(periods.monthStarts().map((month) => month.toISOString())).toEqual(["1999-12-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
});
