import { expect, test } from "vitest";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { tollwatchCalls } from "@/lib/ingest/formats/tollwatch-calls/tollwatch-calls";
import { callOf, readFixtureRows as readRows, readFixtureWith } from "@/tests/support/format-fixtures";

const CALLS = "tollwatch-calls/calls.csv";

test("recognises its header, whatever the column order", () => {
  expect(detectFormat(readRows(CALLS).slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", confidence: 1 });
  expect(tollwatchCalls.sniff([["destination", "duration_seconds", "source", "started_at"]])).toBe(1);
  expect(tollwatchCalls.sniff([["started_at", "source", "destination"]])).toBe(0);
});

test("times with an offset or in the file's zone; missing values inferred", () => {
  const [answered, unanswered, inbound, internal] = readFixtureWith(tollwatchCalls, CALLS).map(callOf);
  expect(answered).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:08Z"),
    endedAt: new Date("2026-03-13T17:10:39Z"),
    durationSeconds: 34,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    callId: "pbx-1710349805.1",
    costAmount: "165",
    costCurrency: "JPY",
  });
  expect(unanswered).toMatchObject({ startedAt: new Date("2026-03-13T17:12:00Z"), disposition: "no_answer", billableSeconds: 0, direction: "outbound" });
  expect(inbound).toMatchObject({ startedAt: new Date("2026-03-14T09:30:00Z"), direction: "inbound", disposition: "answered", billableSeconds: 60 });
  expect(internal).toMatchObject({ direction: "internal", disposition: "answered", billableSeconds: 20, accountCode: "A-12" });
});
