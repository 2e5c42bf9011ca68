import { expect, test } from "vitest";
import { threeCxCdrLog } from "@/lib/ingest/formats/3cx-cdr-log/3cx-cdr-log";
import { detectFormat } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

test("claims the synthetic files and the doc's verbatim lines", () => {
  expect(threeCxCdrLog.sniff(readFixtureRows("3cx-cdr-log/cdr-single-file.csv"))).toBe(1);
  expect(threeCxCdrLog.sniff(readFixtureRows("3cx-cdr-log/doc-example-lines.csv"))).toBe(1);
  expect(detectFormat(readFixtureRows("3cx-cdr-log/cdr-single-file.csv"), [threeCxCdrLog])).toMatchObject({ kind: "detected", confidence: 1 });
});

test("an answered call to Sierra Leone through 010, with its bill-cost, in Tokyo time", () => {
  const [first] = readFixtureWith(threeCxCdrLog, "3cx-cdr-log/cdr-single-file.csv");
  const call = callOf(first);
  expect(call).toMatchObject({
    rowNumber: 1,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "Ext.201",
    sourceE164: null,
    destinationRaw: "01023276123456",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    sourceChannel: "201",
    destinationChannel: "10001",
    callId: "0000019C8A1B2C3D_4001",
    legGroup: "Call 10001",
    costAmount: "0.52",
    costCurrency: null,
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("internal, inbound legs of one call, a forward to a mobile, and unanswered calls", () => {
  const calls = readFixtureWith(threeCxCdrLog, "3cx-cdr-log/cdr-single-file.csv").map(callOf);
  const [, internal, inboundLeg, transferredLeg, forwarded, cancelled, failed, abandoned, endCall, queue] = calls;
  expect(internal).toMatchObject({ direction: "internal", disposition: "answered", destinationRaw: "Ext.202", destinationNumberType: "extension", costAmount: null });
  expect(inboundLeg).toMatchObject({ direction: "inbound", sourceE164: "+81312345678", destinationNumberType: "extension", legGroup: "Call 10003" });
  expect(transferredLeg).toMatchObject({ direction: "inbound", legGroup: "Call 10003", callId: "0000019C8A1B2C3D_4004", billableSeconds: 300 });
  expect(transferredLeg.fingerprint).not.toBe(inboundLeg.fingerprint);
  expect(forwarded).toMatchObject({ direction: "outbound", destinationRaw: "09012345678", destinationNumberType: "mobile", costAmount: "2.00" });
  expect(cancelled).toMatchObject({ disposition: "no_answer", answeredAt: null, billableSeconds: 0, durationSeconds: 15, direction: "internal" });
  expect(failed).toMatchObject({ disposition: "failed", direction: "outbound", destinationNumberType: "premium_rate", billableSeconds: 0 });
  expect(abandoned).toMatchObject({ disposition: "no_answer", durationSeconds: 25 });
  expect(endCall).toMatchObject({ destinationRaw: "0312345678", destinationE164: "+81312345678", direction: "outbound" });
  expect(queue).toMatchObject({ direction: "internal", billableSeconds: 3, durationSeconds: 4 });
});

test("the doc's real lines: cancelled, answered internal, and an outbound call with a masked number", () => {
  const [cancelled, internal, masked] = readFixtureWith(threeCxCdrLog, "3cx-cdr-log/doc-example-lines.csv", { ...TOKYO, fileTimeZone: "Europe/Paris" });
  expect(callOf(cancelled)).toMatchObject({ disposition: "no_answer", startedAt: new Date("2020-05-04T08:58:46Z"), durationSeconds: 16 });
  expect(callOf(internal)).toMatchObject({ disposition: "answered", direction: "internal", legGroup: "Call 9750" });
  expect(callOf(masked)).toMatchObject({ direction: "outbound", billableSeconds: 307, durationSeconds: 312, costAmount: "5.12", destinationE164: null });
});

test("the same row read in UTC lands nine hours later than in Tokyo", () => {
  const [first] = readFixtureWith(threeCxCdrLog, "3cx-cdr-log/cdr-single-file.csv", { ...TOKYO, fileTimeZone: "UTC" });
  expect(callOf(first).startedAt.toISOString()).toBe("2026-03-14T02:10:05.000Z");
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readFixtureWith(threeCxCdrLog, "3cx-cdr-log/cdr-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "time_out_of_range", "invalid_duration", "invalid_amount", "missing_destination", "wrong_column_count", "call",
  ]);
  const [, badDate, , badDuration, badCost, , truncated] = results;
  expect(badDate.kind === "rejected" && badDate.row).toMatchObject({ rowNumber: 2, detail: "2026/02/30 09:00:00" });
  expect(badDate.kind === "rejected" && badDate.row.rawLine).toContain("Call 10012");
  expect(badDuration.kind === "rejected" && badDuration.row.detail).toBe("00:xx:31");
  expect(badCost.kind === "rejected" && badCost.row.detail).toBe("one");
  expect(truncated.kind === "rejected" && truncated.row.detail).toBe("4");
});
