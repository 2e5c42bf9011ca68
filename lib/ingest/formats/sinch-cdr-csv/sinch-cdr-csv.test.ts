import fs from "node:fs";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { sinchCdrCsv } from "@/lib/ingest/formats/sinch-cdr-csv/sinch-cdr-csv";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { parseCsvRows } from "@/lib/ingest/parse-csv-rows";
import { fixturePath } from "@/tests/support/fixtures";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const CDR = "sinch-cdr-csv/cdr.csv";
const WITH_BAD_ROWS = "sinch-cdr-csv/cdr-with-bad-rows.csv";

test("the pipeline's streaming parser detects the semicolon delimiter", async () => {
  const rows: string[][] = [];
  for await (const batch of parseCsvRows(Readable.from([fs.readFileSync(fixturePath(CDR), "utf8")]))) rows.push(...batch);
  expect(rows[0]).toHaveLength(15);
  expect(rows[5][11]).toBe("order=1188, agent=7");
  expect(sinchCdrCsv.sniff(rows)).toBe(1);
});

test("recognises a CDR file headed by the documented field names", () => {
  expect(sinchCdrCsv.sniff(readRows(CDR))).toBe(1);
  expect(detectFormat(readRows(CDR).slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", confidence: 1 });
  // Without a header line the layout is not claimed: the docs do not say whether files have one.
  expect(sinchCdrCsv.sniff(readRows(CDR).slice(1))).toBe(0);
});

test("an answered call to Sierra Leone, CallTime read in the file's zone", () => {
  const call = callOf(readFixtureWith(sinchCdrCsv, CDR, TOKYO)[0]);
  expect(call).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceE164: "+81312345678",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    callId: "4f2c8e1a-7b3d-4c5e-9f60-1a2b3c4d5e01",
    legGroup: null,
    costAmount: "0.3510",
    costCurrency: "USD",
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(sinchCdrCsv.legPolicy).toBe("one-row-per-call");
});

test("every Result value, and a decimal-comma amount", () => {
  const results = readFixtureWith(sinchCdrCsv, CDR, TOKYO);
  expect(results.map(outcomeOf)).toEqual(["call", "call", "call", "call", "call"]);
  const [, busy, noAnswer, failed, domestic] = results.map(callOf);
  expect(busy).toMatchObject({ disposition: "busy", answeredAt: null, billableSeconds: 0, destinationE164: "+12125550123" });
  expect(noAnswer).toMatchObject({ disposition: "no_answer", billableSeconds: 0 });
  expect(failed).toMatchObject({ disposition: "failed" });
  expect(domestic).toMatchObject({ destinationE164: "+81312345679", destinationCountry: "JP", billableSeconds: 125, costAmount: "0.0420", costCurrency: "EUR" });
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(sinchCdrCsv, WITH_BAD_ROWS, TOKYO);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_duration", "invalid_amount", "missing_destination", "wrong_column_count", "call",
  ]);
  expect(results[1].kind === "rejected" && results[1].row).toMatchObject({ rowNumber: 3, detail: "2026-02-30 09:01:00" });
  expect(results[1].kind === "rejected" && results[1].row.rawLine).toContain("2026-02-30 09:01:00");
  expect(results[2].kind === "rejected" && results[2].row.detail).toBe("31s");
  expect(results[3].kind === "rejected" && results[3].row.detail).toBe("n/a");
  expect(results[5].kind === "rejected" && results[5].row.detail).toBe("6 of 15");
});
