import { expect, test } from "vitest";
import { uuid7 } from "@/lib/db/uuid7";

test("a version 7, variant 10 UUID whose first 48 bits are the time in milliseconds", () => {
  const id = uuid7(0x0190_1234_5678);
  expect(id).toMatch(/^01901234-5678-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(uuid7(2) > uuid7(1)).toBe(true);
});
