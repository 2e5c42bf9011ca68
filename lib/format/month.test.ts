import { expect, test } from "vitest";
import { addMonths, daysOfMonth, monthOfInstant, parseMonth } from "@/lib/format/month";

test("parseMonth accepts YYYY-MM only", () => {
  expect(parseMonth("2017-06")).toBe("2017-06");
  expect(parseMonth("2017-13")).toBeNull();
  expect(parseMonth("2017-6")).toBeNull();
  expect(parseMonth(undefined)).toBeNull();
});

test("addMonths crosses years both ways", () => {
  expect(addMonths("2026-12", 1)).toBe("2027-01");
  expect(addMonths("2026-01", -1)).toBe("2025-12");
  expect(addMonths("2026-03", -14)).toBe("2025-01");
});

test("daysOfMonth knows month lengths and leap years", () => {
  expect(daysOfMonth("2017-06")).toHaveLength(30);
  expect(daysOfMonth("2024-02")).toHaveLength(29);
  expect(daysOfMonth("2023-02").at(-1)).toBe("2023-02-28");
});

test("monthOfInstant uses the organization's zone", () => {
  const lateOnMay31Utc = new Date("2017-05-31T20:00:00Z");
  expect(monthOfInstant(lateOnMay31Utc, "UTC")).toBe("2017-05");
  expect(monthOfInstant(lateOnMay31Utc, "Asia/Tokyo")).toBe("2017-06");
});

test("month ranges: ordered, capped at twelve months, with the range before of equal length", async () => {
  const { parseMonthRange, previousRange, monthsOf, rangeBounds } = await import("@/lib/format/month");
  expect(parseMonthRange("2026-03", "2026-01")).toEqual({ first: "2026-01", last: "2026-03" });
  expect(parseMonthRange("2025-01", "2026-12")).toEqual({ first: "2025-01", last: "2025-12" });
  expect(parseMonthRange("2026-13", "2026-01")).toBeNull();
  expect(previousRange({ first: "2026-01", last: "2026-03" })).toEqual({ first: "2025-10", last: "2025-12" });
  expect(monthsOf({ first: "2025-11", last: "2026-02" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  expect(rangeBounds({ first: "2025-11", last: "2026-02" })).toEqual({ fromDay: "2025-11-01", toDayExclusive: "2026-03-01" });
});
