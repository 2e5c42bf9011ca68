import { expect, test } from "vitest";
import { didwwCdrCsv } from "@/lib/ingest/formats/didww-cdr-csv/didww-cdr-csv";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const INBOUND = "didww-cdr-csv/cdr-in-2026-04-16.csv";
const OUTBOUND = "didww-cdr-csv/cdr-out-2026-04-16.csv";
const WITH_BAD_ROWS = "didww-cdr-csv/cdr-in-with-bad-rows.csv";

test("recognises inbound and outbound exports of every documented column set", () => {
  expect(didwwCdrCsv.sniff(readRows(INBOUND))).toBe(1);
  expect(didwwCdrCsv.sniff(readRows(OUTBOUND))).toBe(1);
  expect(detectFormat(readRows(INBOUND).slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", confidence: 1 });
  const apiVersion20261119 = ["Date/Time Start (UTC)", "Date/Time Connect (UTC)", "Date/Time End (UTC)", "Status", "Source Number", "Source Number Out", "Source Name", "Source Country", "Source Network", "Destination DID"];
  expect(didwwCdrCsv.sniff([apiVersion20261119])).toBe(1);
});

test("an answered inbound call from Sierra Leone to our DID, times in UTC whatever the org's zone", () => {
  const call = callOf(readFixtureWith(didwwCdrCsv, INBOUND)[0]);
  expect(call).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "inbound",
    disposition: "answered",
    sourceRaw: "23276123456",
    sourceE164: "+23276123456",
    destinationRaw: "81312345678",
    destinationE164: "+81312345678",
    destinationCountry: "JP",
    callerName: "KAMARA, A",
    destinationChannel: "Tokyo office PBX",
    callId: "7b1c2d3e4f5a6b7c8d9e0f1a2b3c4d01",
    legGroup: "7b1c2d3e4f5a6b7c8d9e0f1a2b3c4d01",
    costAmount: "0.0150",
    costCurrency: "USD",
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("unanswered inbound calls take their disposition from the SIP code; attempts of one call group", () => {
  const calls = readFixtureWith(didwwCdrCsv, INBOUND).map(callOf);
  expect(calls.map((call) => call.disposition)).toEqual(["answered", "no_answer", "busy", "failed", "failed", "answered"]);
  expect(calls[1]).toMatchObject({ answeredAt: null, billableSeconds: 0, durationSeconds: 25, sourceE164: "+12125550123" });
  expect(calls[3]).toMatchObject({ sourceRaw: "0312345678", sourceE164: "+81312345678" });
  const [firstAttempt, secondAttempt] = calls.slice(4);
  expect(didwwCdrCsv.legPolicy).toBe("grouped-by-call-id");
  expect(firstAttempt.legGroup).toBe(secondAttempt.legGroup);
  expect(secondAttempt).toMatchObject({ billableSeconds: 120, destinationChannel: "Tokyo backup PBX", costAmount: "0.0600" });
});

test("outbound export: international, busy and unanswered calls out through our trunk", () => {
  const [international, busy, unanswered] = readFixtureWith(didwwCdrCsv, OUTBOUND, TOKYO).map(callOf);
  expect(international).toMatchObject({
    startedAt: new Date("2026-03-13T17:10:05Z"),
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "2001",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    // Connected seconds, not the 60 s the carrier bills: short-call floods must stay visible.
    billableSeconds: 31,
    costAmount: "0.3510",
    costCurrency: "USD",
    callId: null,
    legGroup: null,
  });
  expect(busy).toMatchObject({ disposition: "busy", destinationE164: "+12125550123", costAmount: "0.0000" });
  expect(unanswered).toMatchObject({ disposition: "no_answer", billableSeconds: 0 });
});

test("the User Panel export (DID, Duration (secs), no total) reads too", () => {
  const header = ["Date/Time Start (UTC)", "Date/Time Connect (UTC)", "Date/Time End (UTC)", "Source", "DID", "Destination", "Duration (secs)", "Disconnect Initiator", "Disconnect Code", "Disconnect Response", "Toll-free Amount (USD)", "Termination Amount (USD)", "Metered Channels Amount (USD)"];
  expect(didwwCdrCsv.sniff([header])).toBe(1);
  const read = didwwCdrCsv.createReader([header], TOKYO);
  const row = ["2020-01-01 11:22:33", "2020-01-01 11:22:35", "2020-01-01 11:23:37", "12345678901", "44123456789", "", "62", "Origination", "200", "Bye", "0.86", "0.24", "0.33"];
  expect(callOf(read(row, 2))).toMatchObject({ direction: "inbound", billableSeconds: 62, destinationE164: "+44123456789", costAmount: null });
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(didwwCdrCsv, WITH_BAD_ROWS);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_duration", "invalid_amount", "missing_destination", "wrong_column_count", "call",
  ]);
  expect(results[1].kind === "rejected" && results[1].row).toMatchObject({ rowNumber: 3, detail: "2026-13-01 00:01:00" });
  expect(results[2].kind === "rejected" && results[2].row.detail).toBe("3l");
  expect(results[5].kind === "rejected" && results[5].row.detail).toBe("11 of 22");
});
