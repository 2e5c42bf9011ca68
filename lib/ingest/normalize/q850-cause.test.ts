import { expect, test } from "vitest";
import { dispositionFromCause } from "@/lib/ingest/normalize/q850-cause";

test("answered calls are answered whatever the cause", () => {
  expect(dispositionFromCause("NORMAL_CLEARING", true)).toBe("answered");
  expect(dispositionFromCause(16, true)).toBe("answered");
});

test("unanswered calls take their disposition from the cause, by name or number", () => {
  expect(dispositionFromCause("USER_BUSY", false)).toBe("busy");
  expect(dispositionFromCause("17", false)).toBe("busy");
  expect(dispositionFromCause("NORMAL_CLEARING", false)).toBe("no_answer");
  expect(dispositionFromCause("ORIGINATOR_CANCEL", false)).toBe("no_answer");
  expect(dispositionFromCause("UNALLOCATED_NUMBER", false)).toBe("failed");
  expect(dispositionFromCause(1, false)).toBe("failed");
  expect(dispositionFromCause("SOMETHING_NEW", false)).toBe("unknown");
});
