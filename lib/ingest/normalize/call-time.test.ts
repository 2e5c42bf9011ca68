import { expect, test } from "vitest";
import { parseWallTime } from "@/lib/ingest/normalize/call-time";

const iso = (text: string, zone: string) => {
  const parsed = parseWallTime(text, zone);
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

test("impossible and absurd times are refused with a reason", () => {
  expect(iso("2026-02-30 09:00:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("2026-03-14 24:00:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("14/03/2026 09:00", "Asia/Tokyo")).toBe("invalid");
  expect(iso("9999-03-14 09:00:00", "Asia/Tokyo")).toBe("out_of_range");
  expect(iso("1970-01-01 00:00:00", "UTC")).toBe("out_of_range");
});
