import { expect, test } from "vitest";
import { detectFormat, MIN_CONFIDENCE } from "@/lib/ingest/detect-format";
import { freepbxCdrExport } from "@/lib/ingest/formats/freepbx-cdr-export/freepbx-cdr-export";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const OWN_FILES = ["cdr-reports-export.csv", "cdr-reports-export-16-columns.csv", "asteriskcdrdb-cdr-dump.csv", "asterisk-alembic-cdr-dump.csv"];
const GRANDSTREAM_API_HEADER =
  "AcctId,accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags,uniqueid,userfield,channel_ext,dstchannel_ext,service".split(",");

test("claims the 26- and 16-column exports and both table schemas, ahead of every registered format", () => {
  for (const file of OWN_FILES) {
    const rows = readFixtureRows(`freepbx-cdr-export/${file}`);
    expect(freepbxCdrExport.sniff(rows)).toBe(1);
    expect(detectFormat(rows)).toMatchObject({ kind: "detected", format: { id: "freepbx-cdr-export" } });
  }
});

test("does not claim Grandstream's look-alike API header, nor a header of the mandatory names alone", () => {
  expect(freepbxCdrExport.sniff([GRANDSTREAM_API_HEADER])).toBe(0);
  expect(freepbxCdrExport.sniff([["calldate", "src", "dst", "duration", "billsec", "disposition"]])).toBeLessThan(MIN_CONFIDENCE);
});

test("an international call to Sierra Leone through 010, in Tokyo time", () => {
  const results = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/cdr-reports-export.csv").map(callOf);
  expect(results[5]).toMatchObject({
    rowNumber: 7,
    startedAt: new Date("2026-03-14T02:10:05Z"),
    answeredAt: null,
    endedAt: null,
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "201",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "acct-7",
    callerName: '"Reception" <201>',
    sourceChannel: "PJSIP/201-00000001",
    destinationChannel: "PJSIP/trunk-00000002",
    callId: "1773454205.101",
    legGroup: "1773454205.101",
  });
  expect(results[5].fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("failed, busy, inbound over two Local legs, and internal calls", () => {
  const [congestion, busy, trunkLeg, phoneLeg, internal] = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/cdr-reports-export.csv").map(callOf);
  expect(congestion).toMatchObject({ disposition: "failed", destinationNumberType: "premium_rate", destinationChannel: null });
  expect(busy).toMatchObject({ disposition: "busy", destinationE164: "+819012345678", direction: "outbound" });
  expect(trunkLeg).toMatchObject({ direction: "inbound", sourceE164: "+81312345678", callerName: '"Caller, Big Co" <0312345678>', callId: "1773483300.40" });
  expect(phoneLeg).toMatchObject({ direction: "inbound", callId: "1773483300.41", durationSeconds: 302, legGroup: "1773483300.40" });
  expect(trunkLeg.legGroup).toBe(phoneLeg.legGroup);
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", accountCode: "acct-9", callerName: '"Sato, Hanako" <202>' });
});

test("the 16-column export groups a forked ring group by uniqueid", () => {
  const [answered, unanswered, international] = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/cdr-reports-export-16-columns.csv").map(callOf);
  expect(answered).toMatchObject({ direction: "inbound", disposition: "answered", destinationRaw: "600", legGroup: "1470016800.5", startedAt: new Date("2016-08-01T02:00:00Z") });
  expect(unanswered).toMatchObject({ disposition: "no_answer", legGroup: "1470016800.5", destinationChannel: "SIP/201-00000004" });
  expect(international).toMatchObject({ destinationCountry: "SL", billableSeconds: 120, legGroup: "1470013200.1" });
});

test("a table dump with every value quoted and NULL written as \\N", () => {
  const [international, inbound, unanswered] = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/asteriskcdrdb-cdr-dump.csv").map(callOf);
  expect(international).toMatchObject({ destinationE164: "+23276123456", billableSeconds: 60, legGroup: "1773532800.60", startedAt: new Date("2026-03-15T00:00:00Z") });
  expect(inbound).toMatchObject({ direction: "inbound", sourceE164: "+819011112222", legGroup: "1773538200.70" });
  expect(unanswered).toMatchObject({ disposition: "no_answer", destinationCountry: "SL", billableSeconds: 0 });
});

test("Asterisk's own schema: start, answer and end", () => {
  const [international, internal, trunkLeg, phoneLeg, cancelled] = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/asterisk-alembic-cdr-dump.csv").map(callOf);
  expect(international).toMatchObject({
    startedAt: new Date("2026-03-14T02:10:05Z"),
    answeredAt: new Date("2026-03-14T02:10:07Z"),
    endedAt: new Date("2026-03-14T02:10:38Z"),
    destinationCountry: "SL",
    accountCode: null,
  });
  expect(internal).toMatchObject({ answeredAt: null, disposition: "no_answer", direction: "internal", accountCode: "acct-9" });
  expect(trunkLeg).toMatchObject({ direction: "inbound", legGroup: "1773483300.40" });
  expect(phoneLeg.legGroup).toBe(trunkLeg.legGroup);
  expect(cancelled).toMatchObject({ disposition: "no_answer", destinationNumberType: "mobile" });
});

test("the same row read in UTC lands nine hours later than in Tokyo", () => {
  const [first] = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/asterisk-alembic-cdr-dump.csv", { ...TOKYO, fileTimeZone: "UTC" });
  expect(callOf(first).startedAt.toISOString()).toBe("2026-03-14T11:10:05.000Z");
});

test("bad rows are rejected with a reason, a repeated header is skipped", () => {
  const results = readFixtureWith(freepbxCdrExport, "freepbx-cdr-export/cdr-export-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_start_time", "invalid_duration", "missing_destination", "wrong_column_count", "skipped:repeated_header", "call",
  ]);
  const zeroDate = results[2];
  expect(zeroDate.kind === "rejected" && zeroDate.row).toMatchObject({ rowNumber: 4, detail: "0000-00-00 00:00:00" });
  const truncated = results[5];
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ rowNumber: 7, detail: "4 of 26" });
  expect(truncated.kind === "rejected" && truncated.row.rawLine).toBe('2026-03-14 09:08:00,"""Reception"" <201>",201,0312345678');
});

test("a header without the columns it needs rejects rows instead of throwing", () => {
  const read = freepbxCdrExport.createReader([["calldate", "src"]], TOKYO);
  expect(outcomeOf(read(["2026-03-14 09:00:00", "201"], 2))).toBe("invalid_duration");
  expect(outcomeOf(read(["", ""], 3))).toBe("invalid_start_time");
});
