import { expect, test } from "vitest";
import { telnyxCdrCsv } from "@/lib/ingest/formats/telnyx-cdr-csv/telnyx-cdr-csv";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const REPORT = "telnyx-cdr-csv/cdr-report.csv";
const WITH_BAD_ROWS = "telnyx-cdr-csv/cdr-report-with-bad-rows.csv";

test("recognises a report with all documented fields, or only the numbers and a start", () => {
  expect(telnyxCdrCsv.sniff(readRows(REPORT))).toBe(1);
  expect(telnyxCdrCsv.sniff(readRows(WITH_BAD_ROWS))).toBe(1);
  expect(telnyxCdrCsv.sniff([["origination_number", "terminating_number", "start_timestamp"]])).toBe(1);
  expect(telnyxCdrCsv.sniff([["origination_number", "terminating_number", "billable_time"]])).toBe(0);
  expect(detectFormat(readRows(REPORT).slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", confidence: 1 });
});

test("an answered call to Sierra Leone: UTC start, local answer and end shifted by the start pair", () => {
  const call = callOf(readFixtureWith(telnyxCdrCsv, REPORT, TOKYO)[0]);
  expect(call).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceE164: "+12125550123",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "b6a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c01",
    sourceChannel: "1684641123236054244",
    callId: "3f5a7c9e-1b2d-4e6f-8a0c-2e4f6a8b0c01@198.51.100.20",
    legGroup: null,
    costAmount: "0.3510",
    costCurrency: null,
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(telnyxCdrCsv.legPolicy).toBe("one-row-per-call");
});

test("inbound, busy (SIP 486), unanswered (cause name) and failed (SIP 503) calls", () => {
  const results = readFixtureWith(telnyxCdrCsv, REPORT, TOKYO);
  expect(results.map(outcomeOf)).toEqual(["call", "call", "call", "call", "call"]);
  const [, inbound, busy, unanswered, failed] = results.map(callOf);
  expect(inbound).toMatchObject({ direction: "inbound", disposition: "answered", billableSeconds: 65, sourceE164: "+23276123456", destinationCountry: "US" });
  expect(busy).toMatchObject({ disposition: "busy", answeredAt: null, billableSeconds: 0, durationSeconds: 6, endedAt: new Date("2026-03-13T17:30:06Z") });
  expect(unanswered).toMatchObject({ disposition: "no_answer", billableSeconds: 0 });
  expect(failed).toMatchObject({ disposition: "failed", destinationCountry: "SL" });
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(telnyxCdrCsv, WITH_BAD_ROWS, TOKYO);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_duration", "invalid_amount", "missing_destination", "wrong_column_count", "call",
  ]);
  expect(callOf(results[0])).toMatchObject({ answeredAt: new Date("2026-03-14T00:00:02Z"), billableSeconds: 31 });
  expect(results[1].kind === "rejected" && results[1].row).toMatchObject({ rowNumber: 3, detail: "2026-03-14 24:01:00" });
  expect(results[2].kind === "rejected" && results[2].row.detail).toBe("thirty-one");
  expect(results[3].kind === "rejected" && results[3].row.detail).toBe("0.35.10");
  expect(results[5].kind === "rejected" && results[5].row.detail).toBe("4 of 10");
  // No answer time in the report: billable_time alone says the call was answered.
  expect(callOf(results[6])).toMatchObject({ disposition: "answered", billableSeconds: 60, answeredAt: null });
});
