import fs from "node:fs";
import { expect, test } from "vitest";
import { grandstreamUcmCdr } from "@/lib/ingest/formats/grandstream-ucm-cdr/grandstream-ucm-cdr";
import { detectFormat } from "@/lib/ingest/detect-format";
import { fixturePath } from "@/tests/support/fixtures";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const UTC = { ...TOKYO, fileTimeZone: "UTC" };

/** The physical fields of each line, as a tokenizer that ignores quotes would give them. */
function readPhysicalFields(relative: string): string[][] {
  return fs.readFileSync(fixturePath(relative), "utf8").trimEnd().split("\n").map((line) => line.split(","));
}

test("claims both exports: the API header (also the doc's own) and the web labels, old and new", () => {
  for (const file of ["api-doc-example.csv", "api-export.csv", "web-download.csv", "web-download-older-firmware.csv"]) {
    expect(grandstreamUcmCdr.sniff(readFixtureRows(`grandstream-ucm-cdr/${file}`)), file).toBe(1);
  }
  expect(detectFormat(readFixtureRows("grandstream-ucm-cdr/api-export.csv"), [grandstreamUcmCdr])).toMatchObject({ kind: "detected", confidence: 1 });
});

test("an Asterisk-style header without the UCM's own names is not claimed", () => {
  const freepbxExport = [["calldate", "clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield"]];
  expect(grandstreamUcmCdr.sniff(freepbxExport)).toBe(0);
  expect(grandstreamUcmCdr.sniff([])).toBe(0);
});

test("the API guide's rows, split from both ends: 24 physical fields for 22 names", () => {
  const [header, ...lines] = readPhysicalFields("grandstream-ucm-cdr/api-doc-example.csv");
  expect(lines.map((fields) => fields.length)).toEqual([24, 24]);
  const read = grandstreamUcmCdr.createReader([header], UTC);
  const [first, second] = lines.map((fields, index) => callOf(read(fields, index + 2)));
  expect(first).toMatchObject({
    startedAt: new Date("2013-12-03T11:46:40Z"),
    answeredAt: new Date("2013-12-03T11:46:43Z"),
    endedAt: new Date("2013-12-03T11:46:49Z"),
    durationSeconds: 9,
    billableSeconds: 6,
    disposition: "answered",
    direction: "internal",
    sourceRaw: "5300",
    destinationRaw: "5301",
    callerName: '"pn01" <5300>',
    sourceChannel: "SIP/5300-00000000",
    destinationChannel: "SIP/5301-00000001",
    callId: "1386092800.0",
    legGroup: "1386092800.0",
  });
  expect(second).toMatchObject({ durationSeconds: 5, billableSeconds: 3, callId: "1386100901.0" });
});

test("were a CSV reader to run the API guide's rows together (the pipeline splits such files as written), the row is rejected with the reason", () => {
  const results = readFixtureWith(grandstreamUcmCdr, "grandstream-ucm-cdr/api-doc-example.csv", UTC);
  expect(results.map(outcomeOf)).toEqual(["wrong_column_count"]);
  const [merged] = results;
  expect(merged.kind === "rejected" && merged.row).toMatchObject({ rowNumber: 2, detail: "2 lines run together after an unescaped quote in clid" });
  expect(merged.kind === "rejected" && merged.row.rawLine).toContain("1386100901.0");
});

test("API export: international outbound, internal, inbound legs of one call, and every disposition", () => {
  const calls = readFixtureWith(grandstreamUcmCdr, "grandstream-ucm-cdr/api-export.csv").map(callOf);
  const [international, internal, ringingLeg, answeredLeg, local, busy, failed, congestion, fxo] = calls;
  expect(international).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    destinationChannel: "PJSIP/trunk_1-00000002",
    callerName: "201",
  });
  expect(international.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", answeredAt: null, billableSeconds: 0 });
  expect(ringingLeg).toMatchObject({ direction: "inbound", disposition: "no_answer", legGroup: "1773482100.9", sourceE164: "+81612345678" });
  expect(answeredLeg).toMatchObject({ direction: "inbound", disposition: "answered", legGroup: "1773482100.9", destinationChannel: "PJSIP/202-00000007" });
  expect(local).toMatchObject({ direction: "internal", disposition: "answered", billableSeconds: 60 });
  expect(busy).toMatchObject({ disposition: "busy", direction: "outbound", accountCode: "acct-7", destinationNumberType: "mobile" });
  expect(failed).toMatchObject({ disposition: "failed", destinationNumberType: "premium_rate", destinationChannel: null, sourceChannel: "PJSIP/201-0000000c" });
  expect(congestion).toMatchObject({ disposition: "failed", destinationCountry: "SL" });
  expect(fxo).toMatchObject({ direction: "inbound", destinationRaw: "s", destinationNumberType: "unknown", sourceChannel: "DAHDI/1-1" });
});

test("API export bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(grandstreamUcmCdr, "grandstream-ucm-cdr/api-export-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual(["call", "invalid_start_time", "invalid_duration", "missing_destination", "wrong_column_count", "call"]);
  const [, badDate, badDuration, , truncated] = results;
  expect(badDate.kind === "rejected" && badDate.row).toMatchObject({ rowNumber: 3, detail: "2026-02-30 09:00:00" });
  expect(badDuration.kind === "rejected" && badDuration.row.detail).toBe("62 / sixty");
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ detail: "5 of 22", rawLine: "205,,201,0312345678,from-internal" });
});

test("web download: labels found by name, quoted Caller IDs, contexts giving the direction", () => {
  const [outbound, inbound, local, busy] = readFixtureWith(grandstreamUcmCdr, "grandstream-ucm-cdr/web-download.csv").map(callOf);
  expect(outbound).toMatchObject({ startedAt: new Date("2026-03-13T17:10:05Z"), durationSeconds: 33, billableSeconds: 31, direction: "outbound", destinationCountry: "SL", callerName: '"Reception" <201>', callId: "1773454205.101" });
  expect(inbound).toMatchObject({ direction: "inbound", sourceE164: "+81312345678", destinationNumberType: "extension", billableSeconds: 300 });
  expect(local).toMatchObject({ direction: "internal", disposition: "no_answer", answeredAt: null, accountCode: "acct-7", callerName: '"Sato, Hanako" <202>' });
  expect(busy).toMatchObject({ disposition: "busy", destinationNumberType: "mobile" });
});

test("older web labels (Call From / Call To), H:MM:SS times, a repeated header and bad rows", () => {
  const results = readFixtureWith(grandstreamUcmCdr, "grandstream-ucm-cdr/web-download-older-firmware.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "skipped:repeated_header", "invalid_start_time", "invalid_duration", "missing_destination", "wrong_column_count", "call",
  ]);
  expect(callOf(results[0])).toMatchObject({ sourceRaw: "6012", callerName: "Yamada Taro", durationSeconds: 33, billableSeconds: 31, direction: "outbound", destinationE164: "+23276123456" });
  expect(callOf(results[6])).toMatchObject({ direction: "inbound", destinationRaw: "s", durationSeconds: 65, billableSeconds: 60 });
  const truncated = results[5];
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ rowNumber: 7, detail: "4 of 10" });
});
