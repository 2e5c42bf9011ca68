import { expect, test } from "vitest";
import { parseInstant, type DateNotation, type StatementMonth } from "@/lib/ingest/normalize/call-time";

const iso = (text: string, zone: string, notation: DateNotation = "year-month-day", statementMonth?: StatementMonth) => {
  const parsed = parseInstant(text, notation, { timeZone: zone, statementMonth, now: Date.UTC(2026, 10, 28) });
  return parsed.ok ? parsed.date.toISOString() : parsed.reason;
};

test("wall-clock times are read in the given zone", () => {
  expect(iso("2026-03-14 02:10:05", "Asia/Tokyo")).toBe("2026-03-13T17:10:05.000Z");
  expect(iso("2026-03-14 02:10:05", "UTC")).toBe("2026-03-14T02:10:05.000Z");
  expect(iso("2026/03/14 02:10", "Asia/Tokyo")).toBe("2026-03-13T17:10:00.000Z");
});

test("daylight saving time is applied on both sides of the change", () => {
  expect(iso("2026-03-07 12:00:00", "America/New_York")).toBe("2026-03-07T17:00:00.000Z"); // EST
  expect(iso("2026-03-09 12:00:00", "America/New_York")).toBe("2026-03-09T16:00:00.000Z"); // EDT
  expect(iso("2026-03-08 02:30:00", "America/New_York")).toMatch(/^2026-03-08T0[67]:30:00.000Z$/); // in the gap
});

test("a zone that changes offset on the half hour: Lord Howe's clocks skip 02:00–02:30 at 15:30 UTC", () => {
  // Read one after the other: the offset before the change must not be reused after it.
  expect(iso("2026-10-04 02:10:00", "Australia/Lord_Howe")).toBe("2026-10-03T15:40:00.000Z");
  expect(iso("2026-10-04 02:40:00", "Australia/Lord_Howe")).toBe("2026-10-03T15:40:00.000Z");
  expect(iso("2026-10-04 01:50:00", "Australia/Lord_Howe")).toBe("2026-10-03T15:20:00.000Z");
  expect(iso("2026-10-04 03:00:00", "Australia/Lord_Howe")).toBe("2026-10-03T16:00:00.000Z");
});

test("impossible and absurd times are refused with a reason", () => {
  expect(iso("2026-02-30 09:00:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("2026-03-14 24:00:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("14/03/2026 09:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("9999-03-14 09:00:00", "Asia/Tokyo")).toBe("out_of_range");
  expect(iso("1970-01-01 00:00:00", "UTC")).toBe("out_of_range");
  expect(iso("1900-01-01 00:00:00", "UTC")).toBe("out_of_range");
  expect(iso("0000-01-01 00:00:00", "UTC")).toBe("out_of_range");
  expect(iso("0099-06-01 12:00:00", "UTC")).toBe("out_of_range"); // the year 99, not 1999
  expect(iso("0099-06-01T12:00:00Z", "UTC")).toBe("out_of_range");
});

test("calls may be dated up to two days after the server's clock, not later", () => {
  expect(iso("2026-11-29 23:00:00", "Pacific/Kiritimati")).toBe("2026-11-29T09:00:00.000Z");
  expect(iso("2026-11-30 00:00:01", "UTC")).toBe("out_of_range");
  expect(iso("2027-11-28 00:00:00", "UTC")).toBe("out_of_range");
});

test("the other notations: day-first, month-first, Japanese, epoch, RFC 2822, explicit offsets", () => {
  expect(iso("14/03/2026 02:10:05", "Asia/Tokyo", "day-month-year")).toBe("2026-03-13T17:10:05.000Z");
  expect(iso("03/14/2026 2:10", "America/New_York", "month-day-year")).toBe("2026-03-14T06:10:00.000Z");
  expect(iso("2026年3月14日 2時10分5秒", "Asia/Tokyo")).toBe("2026-03-13T17:10:05.000Z");
  expect(iso("2026/2/10 22:41", "Asia/Tokyo")).toBe("2026-02-10T13:41:00.000Z");
  expect(iso("2026-03-14T02:10:05.250+09:00", "UTC")).toBe("2026-03-13T17:10:05.000Z");
  expect(iso("2026-03-14T02:10:05Z", "Asia/Tokyo")).toBe("2026-03-14T02:10:05.000Z");
  expect(iso("1773454205", "Asia/Tokyo", "epoch-seconds")).toBe("2026-03-14T02:10:05.000Z");
  expect(iso("Sat, 14 Mar 2026 02:10:05 +0000", "Asia/Tokyo", "rfc-2822")).toBe("2026-03-14T02:10:05.000Z");
  expect(iso("２０２６－０３－１４　０２：１０", "Asia/Tokyo")).toBe("2026-03-13T17:10:00.000Z"); // full-width digits
});

test("statement dates without a year take it from the statement month", () => {
  const march2026 = { year: 2026, month: 3 };
  expect(iso("03/14 02:10:05", "Asia/Tokyo", "month-day", march2026)).toBe("2026-03-13T17:10:05.000Z");
  expect(iso("3月14日", "Asia/Tokyo", "month-day", march2026)).toBe("2026-03-13T15:00:00.000Z");
  expect(iso("12/31 23:59:00", "Asia/Tokyo", "month-day", { year: 2026, month: 1 })).toBe("2025-12-31T14:59:00.000Z");
  expect(iso("03/14 02:10:05", "Asia/Tokyo", "month-day")).toBe("needs_statement_month");
});
