import { expect, test } from "vitest";
import { yeastarCdr } from "@/lib/ingest/formats/yeastar-cdr/yeastar-cdr";
import { toTwentyFourHourClock } from "@/lib/ingest/formats/yeastar-cdr/to-twenty-four-hour-clock";
import { detectFormat } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

test("claims downloads with the documented names and with variant names in another order", () => {
  expect(yeastarCdr.sniff(readFixtureRows("yeastar-cdr/cdr-download.csv"))).toBe(1);
  expect(yeastarCdr.sniff(readFixtureRows("yeastar-cdr/cdr-download-variant-header.csv"))).toBe(1);
  expect(detectFormat(readFixtureRows("yeastar-cdr/cdr-download.csv"), [yeastarCdr])).toMatchObject({ kind: "detected", confidence: 1 });
});

test("needs every core column, so Grandstream's Call From / Call To header is not enough", () => {
  const grandstreamLike = [["Call From", "Call To", "Context", "Start Time", "Talk Time", "Disposition"]];
  expect(yeastarCdr.sniff(grandstreamLike)).toBe(0);
  expect(yeastarCdr.sniff([["ID", "Time", "Call From", "Call To", "Talk Duration", "Status"]])).toBe(0);
  expect(yeastarCdr.sniff([])).toBe(0);
});

test("an outbound call to Sierra Leone through 010, answer and end derived from the durations", () => {
  const [first] = readFixtureWith(yeastarCdr, "yeastar-cdr/cdr-download.csv");
  const call = callOf(first);
  expect(call).toMatchObject({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "201",
    callerName: "Reception",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    destinationChannel: "NTT-SIP",
    accountCode: null,
    callId: "1773454205.101",
    legGroup: "1773454205.101",
    costAmount: null,
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("every documented status, the communication types, and the legs of one inbound call", () => {
  const [, internal, firstLeg, secondLeg, busy, failed, voicemail, abandoned] = readFixtureWith(yeastarCdr, "yeastar-cdr/cdr-download.csv").map(callOf);
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", answeredAt: null, durationSeconds: 12, billableSeconds: 0, destinationNumberType: "extension" });
  expect(firstLeg).toMatchObject({ direction: "inbound", disposition: "no_answer", legGroup: "1773482100.9", sourceE164: "+81612345678", sourceChannel: "NTT-SIP" });
  expect(secondLeg).toMatchObject({ direction: "inbound", disposition: "answered", legGroup: "1773482100.9", billableSeconds: 300 });
  expect(secondLeg.fingerprint).not.toBe(firstLeg.fingerprint);
  expect(busy).toMatchObject({ disposition: "busy", direction: "outbound", destinationNumberType: "mobile" });
  expect(failed).toMatchObject({ disposition: "failed", destinationNumberType: "premium_rate", durationSeconds: 0 });
  expect(voicemail).toMatchObject({ disposition: "answered", billableSeconds: 25, answeredAt: new Date("2026-03-14T02:16:55Z") });
  expect(abandoned).toMatchObject({ disposition: "no_answer", direction: "inbound", durationSeconds: 45 });
});

test("variant names, a 12-hour clock, H:MM:SS durations, names in Call From and a repeated header", () => {
  const results = readFixtureWith(yeastarCdr, "yeastar-cdr/cdr-download-variant-header.csv");
  expect(results.map(outcomeOf)).toEqual(["call", "call", "skipped:repeated_header", "call"]);
  const [afternoon, midnight, , long] = results;
  expect(callOf(afternoon)).toMatchObject({ startedAt: new Date("2026-03-14T05:10:05Z"), durationSeconds: 33, billableSeconds: 31, callerName: "Sato Hanako", destinationCountry: "SL" });
  expect(callOf(midnight)).toMatchObject({ startedAt: new Date("2026-03-13T15:05:00Z"), callerName: "Sato, Hanako", sourceRaw: "201", destinationRaw: "202", direction: "internal" });
  expect(callOf(long)).toMatchObject({ durationSeconds: 3723, billableSeconds: 3718, direction: "inbound", rowNumber: 5 });
});

test("the 12-hour clock helper", () => {
  expect(toTwentyFourHourClock("2026/03/14 12:05:00 AM")).toBe("2026/03/14 00:05:00");
  expect(toTwentyFourHourClock("2026/03/14 12:05 pm")).toBe("2026/03/14 12:05");
  expect(toTwentyFourHourClock("2026/03/14 13:05:00 PM")).toBe("2026/03/14 13:05:00 PM");
  expect(toTwentyFourHourClock("2026-03-14 09:00:00")).toBe("2026-03-14 09:00:00");
});

test("bad rows are rejected with a reason, never dropped or thrown; year-last dates are not guessed", () => {
  const results = readFixtureWith(yeastarCdr, "yeastar-cdr/cdr-download-with-bad-rows.csv", { ...TOKYO, fileTimeZone: "UTC" });
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_start_time", "time_out_of_range", "invalid_duration", "missing_destination", "wrong_column_count", "call",
  ]);
  const [good, badDate, yearLast, , badDuration, , truncated] = results;
  expect(callOf(good).startedAt.toISOString()).toBe("2026-03-14T09:00:00.000Z");
  expect(badDate.kind === "rejected" && badDate.row).toMatchObject({ rowNumber: 3, detail: "2026-02-30 09:00:00" });
  expect(yearLast.kind === "rejected" && yearLast.row.detail).toBe("03/14/2026 09:00:00");
  expect(badDuration.kind === "rejected" && badDuration.row.detail).toBe("62 / sixty");
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ detail: "4 of 17", rawLine: "1773478800.7,2026-03-14 09:08:00,201,0312345678" });
});
