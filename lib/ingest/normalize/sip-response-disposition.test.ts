import { expect, test } from "vitest";
import { dispositionFromSipResponse } from "@/lib/ingest/normalize/sip-response-disposition";

test("SIP response codes of unanswered calls", () => {
  expect(["486", "600", "480", "408", "487", "404", "503", "200", "", "abc"].map(dispositionFromSipResponse)).toEqual([
    "busy", "busy", "no_answer", "no_answer", "no_answer", "failed", "failed", "unknown", "unknown", "unknown",
  ]);
});
