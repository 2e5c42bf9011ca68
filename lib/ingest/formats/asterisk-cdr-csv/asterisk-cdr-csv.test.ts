import { expect, test } from "vitest";
import { asteriskCdrCsv } from "@/lib/ingest/formats/asterisk-cdr-csv/asterisk-cdr-csv";
import { detectFormat } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO as tokyo } from "@/tests/support/format-fixtures";

test("recognises 16-, 18- and 21-column Master.csv rows, and the real sample", () => {
  expect(asteriskCdrCsv.sniff(readRows("asterisk/master-canonical.csv"))).toBe(1);
  expect(asteriskCdrCsv.sniff(readRows("asterisk/cdr.csv"))).toBe(1);
  expect(detectFormat(readRows("asterisk/smallcdr_wo_parallelcalls.csv"))).toMatchObject({ kind: "detected", confidence: 1 });
});

test("does not claim a file with another layout", () => {
  const freepbxExport = [["calldate", "src", "dst", "duration", "billsec", "disposition"], ["2026-03-14 09:00:00", "201", "0312345678", "62", "60", "ANSWERED"]];
  expect(asteriskCdrCsv.sniff(freepbxExport)).toBe(0);
  expect(detectFormat(freepbxExport).kind).toBe("unknown");
});

test("an international call to Sierra Leone through 010, in Tokyo time", () => {
  const [first] = readFixtureWith(asteriskCdrCsv, "asterisk/master-canonical.csv");
  const call = callOf(first);
  expect(call).toMatchObject({
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    callerName: '"Reception" <201>',
    callId: "1773454205.101",
    legGroup: "1773454205.101",
    sourceChannel: "PJSIP/201-00000001",
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("internal, inbound, busy and 21-column rows", () => {
  const [, internal, inbound, busy, premium] = readFixtureWith(asteriskCdrCsv, "asterisk/master-canonical.csv").map(callOf);
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", answeredAt: null, accountCode: "acct-7", callerName: '"Sato, Hanako" <201>' });
  expect(inbound).toMatchObject({ direction: "inbound", callerName: '"Caller, "Big" Co." <0612345678>' });
  expect(busy).toMatchObject({ disposition: "busy", callId: null, destinationNumberType: "mobile" });
  expect(busy.legGroup).toBeNull();
  expect(premium).toMatchObject({ destinationNumberType: "premium_rate", callId: "1773486300.12", legGroup: "1773486300.12" });
});

test("the same row read in GMT lands nine hours later than in Tokyo", () => {
  const [first] = readFixtureWith(asteriskCdrCsv, "asterisk/master-canonical.csv", { ...tokyo, fileTimeZone: "UTC" });
  const gmt = callOf(first);
  expect(gmt.startedAt.toISOString()).toBe("2026-03-14T02:10:05.000Z");
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(asteriskCdrCsv, "asterisk/master-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "time_out_of_range", "invalid_duration", "missing_destination", "wrong_column_count", "call",
  ]);
  const rejected = results[1];
  expect(rejected.kind === "rejected" && rejected.row).toMatchObject({ rowNumber: 2, detail: "2026-02-30 09:00:00" });
  expect(rejected.kind === "rejected" && rejected.row.rawLine).toContain("2026-02-30 09:00:00");
});
