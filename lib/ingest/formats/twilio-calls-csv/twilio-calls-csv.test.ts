import { expect, test } from "vitest";
import { twilioCallsCsv } from "@/lib/ingest/formats/twilio-calls-csv/twilio-calls-csv";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const CALLS = "twilio-calls-csv/calls.csv";
const WITH_BAD_ROWS = "twilio-calls-csv/calls-with-bad-rows.csv";

test("recognises a CSV of Call resource fields with call SIDs", () => {
  expect(twilioCallsCsv.sniff(readRows(CALLS))).toBe(1);
  expect(twilioCallsCsv.sniff(readRows(WITH_BAD_ROWS))).toBe(1);
  expect(detectFormat(readRows(CALLS).slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", confidence: 1 });
});

test("does not claim a Messages export", () => {
  const messages = [
    ["sid", "from", "to", "status", "direction", "date_sent", "price", "price_unit", "body"],
    ["SM5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b01", "+81312345678", "+23276123456", "delivered", "outbound-api", "Fri, 13 Mar 2026 17:10:05 +0000", "-0.0750", "USD", "hello"],
  ];
  expect(twilioCallsCsv.sniff(messages)).toBe(0);
});

test("an answered outbound-api call to Sierra Leone, RFC 2822 times, the price made positive", () => {
  const call = callOf(readFixtureWith(twilioCallsCsv, CALLS)[0]);
  expect(call).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: null,
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceE164: "+81312345678",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "AC0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f01",
    callId: "CA5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b01",
    legGroup: "CA5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b01",
    costAmount: "0.3510",
    costCurrency: "USD",
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("inbound with ISO 8601 times, and every unanswered status", () => {
  const results = readFixtureWith(twilioCallsCsv, CALLS);
  expect(results.map(outcomeOf)).toEqual(Array(8).fill("call"));
  const [, inbound, busy, noAnswer, failed, canceled] = results.map(callOf);
  expect(inbound).toMatchObject({
    startedAt: new Date("2026-03-13T17:20:00Z"),
    direction: "inbound",
    disposition: "answered",
    sourceE164: "+23276123456",
    destinationCountry: "JP",
    billableSeconds: 65,
    callerName: "KAMARA, A",
    costAmount: "0.0200",
  });
  expect(busy).toMatchObject({ disposition: "busy", billableSeconds: 0, durationSeconds: 9, costAmount: null, costCurrency: null, destinationE164: "+12125550123" });
  expect(noAnswer).toMatchObject({ disposition: "no_answer", billableSeconds: 0, costAmount: "0", costCurrency: "USD" });
  expect(failed).toMatchObject({ disposition: "failed" });
  // Never dialled: no start_time, so date_created stands in.
  expect(canceled).toMatchObject({ disposition: "no_answer", startedAt: new Date("2026-03-13T18:00:00Z"), endedAt: null, durationSeconds: 0 });
});

test("a child leg (outbound-dial) groups with its parent call", () => {
  const [parent, child] = readFixtureWith(twilioCallsCsv, CALLS).slice(6).map(callOf);
  expect(twilioCallsCsv.legPolicy).toBe("grouped-by-call-id");
  expect(parent).toMatchObject({ direction: "inbound", legGroup: "CA5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b07" });
  expect(child).toMatchObject({
    direction: "outbound",
    legGroup: "CA5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b07",
    callId: "CA5f0c2b7e9a1d4c3e8b6f2a1d0e9c8b08",
    destinationCountry: "SL",
    costAmount: "1.3830",
  });
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(twilioCallsCsv, WITH_BAD_ROWS);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "time_out_of_range", "invalid_duration", "invalid_amount", "missing_destination", "wrong_column_count", "call",
  ]);
  const rejected = results[1];
  expect(rejected.kind === "rejected" && rejected.row).toMatchObject({ rowNumber: 3, detail: "14/03/2026 00:01:00" });
  expect(results[4].kind === "rejected" && results[4].row.detail).toBe("-0.35O0");
  expect(results[6].kind === "rejected" && results[6].row.detail).toBe("8 of 13");
  // An ISO time with an offset is honoured; trunking-terminating is a call out to the PSTN.
  expect(callOf(results[7])).toMatchObject({ startedAt: new Date("2026-03-13T15:07:00Z"), direction: "outbound" });
});

test("status and direction text that names an Object property maps to nothing", () => {
  const [header, firstCall] = readRows(WITH_BAD_ROWS);
  const read = twilioCallsCsv.createReader([header], TOKYO);
  const fields = [...firstCall];
  fields[header.indexOf("status")] = "constructor";
  fields[header.indexOf("direction")] = "toString";
  expect(callOf(read(fields, 2))).toMatchObject({ disposition: "unknown", direction: "outbound" });
});
