import { expect, test } from "vitest";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import { MAX_CALL_SECONDS, rejectImplausibleCall } from "@/lib/ingest/normalize/reject-implausible-call";

const NOW = Date.UTC(2026, 10, 28);
const FIELDS = ["2026-03-14 02:10:05", "201", "0312345678"];

function call(change: Partial<NormalizedCall> = {}): NormalizedCall {
  return {
    rowNumber: 7, startedAt: new Date("2026-03-14T02:10:05Z"), answeredAt: null, endedAt: new Date("2026-03-14T02:10:38Z"),
    durationSeconds: 33, billableSeconds: 31, direction: "outbound", disposition: "answered", sourceRaw: "201", sourceE164: null,
    destinationRaw: "0312345678", destinationE164: "+81312345678", destinationCountry: "JP", destinationNumberType: "fixed_line",
    accountCode: null, callerName: null, sourceChannel: null, destinationChannel: null, callId: null, costAmount: "-0.3510",
    costCurrency: "USD", fingerprint: "0".repeat(32), legGroup: null, ...change,
  };
}

const reasonOf = (change: Partial<NormalizedCall>) => rejectImplausibleCall(call(change), FIELDS, NOW)?.reasonCode ?? "call";

test("an ordinary call passes untouched", () => {
  expect(reasonOf({})).toBe("call");
  expect(reasonOf({ durationSeconds: MAX_CALL_SECONDS, costAmount: "-9999999999.9999" })).toBe("call");
});

test("values no call has, or no column holds, are the row's rejection", () => {
  expect(reasonOf({ startedAt: new Date("9999-12-31T00:00:00Z") })).toBe("time_out_of_range");
  expect(reasonOf({ startedAt: new Date(Number.NaN) })).toBe("time_out_of_range");
  expect(reasonOf({ durationSeconds: 99_999_999_999 })).toBe("invalid_duration");
  expect(reasonOf({ billableSeconds: -1 })).toBe("invalid_duration");
  expect(reasonOf({ durationSeconds: 12.5 })).toBe("invalid_duration");
  expect(reasonOf({ costAmount: "12345678901" })).toBe("invalid_amount");
});

test("an end time no call can have is dropped, as an unreadable one is", () => {
  const endless = call({ endedAt: new Date("9999-01-01T00:00:00Z") });
  expect(rejectImplausibleCall(endless, FIELDS, NOW)).toBeNull();
  expect(endless.endedAt).toBeNull();
});
