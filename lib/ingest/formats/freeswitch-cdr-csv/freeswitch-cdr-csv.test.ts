import Papa from "papaparse";
import { expect, test } from "vitest";
import { detectFormat } from "@/lib/ingest/detect-format";
import { freeswitchCdrCsv } from "@/lib/ingest/formats/freeswitch-cdr-csv/freeswitch-cdr-csv";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const OWN_FILES = ["master-example-template.csv", "master-default-template.csv", "master-sql-template.csv", "master-spreadsheet-resaved.csv"];

test("claims all four template variants, ahead of every registered format", () => {
  for (const file of OWN_FILES) {
    const rows = readFixtureRows(`freeswitch-cdr-csv/${file}`);
    expect(freeswitchCdrCsv.sniff(rows)).toBe(1);
    expect(detectFormat(rows)).toMatchObject({ kind: "detected", format: { id: "freeswitch-cdr-csv" } });
  }
});

test("a two-leg international call to Sierra Leone through 010, in Tokyo time", () => {
  const [bLeg, aLeg] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-example-template.csv").map(callOf);
  expect(aLeg).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-14T02:10:05Z"),
    answeredAt: new Date("2026-03-14T02:10:07Z"),
    endedAt: new Date("2026-03-14T02:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "201",
    sourceE164: null,
    destinationRaw: "01023276123456",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "acct-7",
    callerName: "Reception",
    callId: "3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7",
    legGroup: "7d3c1a2e-4b5f-4c6d-8e9f-0a1b2c3d4e5f",
    costAmount: null,
  });
  expect(bLeg).toMatchObject({ sourceE164: "+81312349999", durationSeconds: 32, accountCode: null, callId: "7d3c1a2e-4b5f-4c6d-8e9f-0a1b2c3d4e5f" });
  expect(bLeg.legGroup).toBe(aLeg.legGroup);
  expect(aLeg.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(aLeg.fingerprint).not.toBe(bLeg.fingerprint);
});

test("the doc's legs=ab pair lands in one group: the uuid one row names in bleg_uuid", () => {
  const results = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-example-template.csv").map(callOf);
  const [ringing1001, dialling1003] = results.slice(10);
  expect(ringing1001).toMatchObject({ destinationRaw: "1001", accountCode: "1001", legGroup: "02132a5c-b9b1-4dbf-b79c-bdf408854867", direction: "inbound" });
  expect(dialling1003).toMatchObject({ destinationRaw: "*1003", callId: "99205d8f-5ec4-402e-b174-7a8bb8c23a61", legGroup: "02132a5c-b9b1-4dbf-b79c-bdf408854867" });
  expect(dialling1003.startedAt).toEqual(new Date("2023-10-10T14:43:58Z"));
});

test("internal, inbound, busy, rejected and cancelled calls; names kept as written", () => {
  const [, , internal, inbound, busy, rejected, spilled, billsecOnly, spain1, spain2] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-example-template.csv").map(callOf);
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", answeredAt: null, callerName: "Sato, Hanako", legGroup: internal.callId });
  expect(inbound).toMatchObject({ direction: "inbound", disposition: "answered", callerName: 'Caller "Big" Co', sourceE164: "+81312345678", billableSeconds: 300 });
  expect(busy).toMatchObject({ disposition: "busy", destinationE164: "+819012345678", destinationNumberType: "mobile", direction: "outbound" });
  expect(rejected).toMatchObject({ disposition: "failed", destinationNumberType: "premium_rate" });
  expect(spilled).toMatchObject({ rowNumber: 7, callerName: 'Smith", John', sourceRaw: "201", destinationRaw: "0312345678", disposition: "no_answer" });
  expect(billsecOnly).toMatchObject({ disposition: "answered", answeredAt: null, billableSeconds: 12 });
  expect(spain1).toMatchObject({ disposition: "no_answer", durationSeconds: 0, startedAt: new Date("2014-05-29T07:59:50Z") });
  expect(spain2).toMatchObject({ destinationE164: "+34688886392", destinationCountry: "ES", destinationNumberType: "mobile", direction: "outbound" });
});

test("the built-in default template: `\", \"` before accountcode", () => {
  const [bLeg, aLeg, inbound, cancelled] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-default-template.csv").map(callOf);
  expect(aLeg).toMatchObject({ accountCode: "acct-7", destinationCountry: "SL", billableSeconds: 60, legGroup: "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d" });
  expect(bLeg).toMatchObject({ accountCode: null, legGroup: aLeg.legGroup, callId: "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d" });
  expect(inbound).toMatchObject({ callerName: null, direction: "inbound", sourceE164: "+819011112222", disposition: "answered" });
  expect(cancelled).toMatchObject({ accountCode: "acct-9", disposition: "no_answer", callerName: "Sato, Hanako", startedAt: new Date("2026-03-15T02:00:00Z") });
});

test("the sql template: INSERT … VALUES (…); repaired at both ends", () => {
  const [international, unanswered, inbound] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-sql-template.csv").map(callOf);
  expect(international).toMatchObject({ callerName: "Reception", accountCode: "acct-7", destinationE164: "+23276123456", disposition: "answered" });
  expect(unanswered).toMatchObject({ callerName: "Sato, Hanako", sourceRaw: "202", accountCode: null, disposition: "no_answer" });
  expect(inbound).toMatchObject({ callerName: null, direction: "inbound", startedAt: new Date("2026-03-16T01:00:00Z") });
});

test("an sql row reads the same whichever delimiter papaparse guessed", () => {
  const line = 'INSERT INTO cdr VALUES ("Sato, Hanako","202","0312345678","default","2026-03-16 09:30:00","","2026-03-16 09:30:25","25","0","NO_USER_RESPONSE","3f4a5b6c-7d8e-4f9a-9b1c-2d3e4f5a6b7c","", "acct-9");';
  const read = freeswitchCdrCsv.createReader([], TOKYO);
  const [byComma, bySemicolon] = [",", ";"].map((delimiter) => callOf(read(Papa.parse<string[]>(line, { delimiter }).data[0], 1)));
  expect(byComma).toMatchObject({ callerName: "Sato, Hanako", accountCode: "acct-9", sourceRaw: "202", durationSeconds: 25 });
  expect(bySemicolon).toEqual(byComma);
  expect(freeswitchCdrCsv.sniff([Papa.parse<string[]>(line, { delimiter: ";" }).data[0]])).toBe(1);
});

test("a spreadsheet-resaved file: no quotes, minutes only", () => {
  const [doc, international, internal] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-spreadsheet-resaved.csv").map(callOf);
  expect(doc).toMatchObject({
    startedAt: new Date("2020-02-10T13:41:00Z"),
    destinationRaw: "&",
    destinationNumberType: "unknown",
    durationSeconds: 11,
    billableSeconds: 9,
    callerName: "Outbound Call",
    accountCode: "1002",
    callId: "d80e22e0-4c15-11ea-97a0-9dd79410affb",
  });
  expect(international).toMatchObject({ startedAt: new Date("2026-03-14T02:10:00Z"), destinationCountry: "SL", disposition: "answered" });
  expect(internal).toMatchObject({ callerName: "Sato, Hanako", direction: "internal", disposition: "no_answer", answeredAt: null });
});

test("the same row read in UTC lands nine hours later than in Tokyo", () => {
  const [, aLeg] = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-example-template.csv", { ...TOKYO, fileTimeZone: "UTC" });
  expect(callOf(aLeg).startedAt.toISOString()).toBe("2026-03-14T11:10:05.000Z");
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(freeswitchCdrCsv, "freeswitch-cdr-csv/master-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "time_out_of_range", "invalid_duration", "missing_destination", "wrong_column_count", "call",
  ]);
  const badDate = results[1];
  expect(badDate.kind === "rejected" && badDate.row).toMatchObject({ rowNumber: 2, detail: "2026-02-30 09:00:00" });
  expect(badDate.kind === "rejected" && badDate.row.rawLine).toContain("8e9f0a1b-2c3d-4e4f-8a6b-7c8d9e0f1a2b");
  const truncated = results[5];
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ rowNumber: 6, detail: "5" });
});
