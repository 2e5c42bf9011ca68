import { expect, test } from "vitest";
import { ciscoCucmCdr } from "@/lib/ingest/formats/cisco-cucm-cdr/cisco-cucm-cdr";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const FLAT_FILE = "cisco-cucm-cdr/cdr_StandAloneCluster_01_202603131700_101.csv";
const WITH_BAD_ROWS = "cisco-cucm-cdr/cdr_StandAloneCluster_02_202603140000_7.csv";

test("recognises a 131-column flat file by its two header lines", () => {
  const rows = readRows(FLAT_FILE);
  expect(rows[0]).toHaveLength(131);
  expect(ciscoCucmCdr.sniff(rows)).toBe(1);
  expect(detectFormat(rows.slice(0, SAMPLE_ROWS))).toMatchObject({ kind: "detected", format: { id: "cisco-cucm-cdr" }, confidence: 1 });
  expect(ciscoCucmCdr.sniff(readRows(WITH_BAD_ROWS))).toBe(1);
});

test("does not claim a CUCM header without its type line", () => {
  const [names, , firstCall] = readRows(FLAT_FILE);
  expect(ciscoCucmCdr.sniff([names, firstCall])).toBe(0.5);
});

test("an answered call to Sierra Leone: epoch seconds in UTC, talk time billable, outpulsed number", () => {
  const [first] = readFixtureWith(ciscoCucmCdr, FLAT_FILE);
  const call = callOf(first);
  expect(call).toMatchObject({
    rowNumber: 3,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:07Z"),
    endedAt: new Date("2026-03-13T17:10:38Z"),
    durationSeconds: 33,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "2001",
    destinationRaw: "01023276123456",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "4711",
    sourceChannel: "SEP001122334455",
    destinationChannel: "SIPTrunk_NTT",
    callId: "3c2a6f0e-8d41-4b7a-9f0e-1a2b3c4d5e01",
    legGroup: "1:1001",
    costAmount: null,
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("inbound, internal, busy, ring-out and failed calls; the CMR row is skipped", () => {
  const results = readFixtureWith(ciscoCucmCdr, FLAT_FILE);
  expect(results.map(outcomeOf)).toEqual(["call", "call", "call", "call", "call", "call", "skipped:not_a_call", "call", "call"]);
  const [, inbound, internal, busy, ringOut, failed] = results.map((result) => (result.kind === "call" ? result.record : null));
  expect(inbound).toMatchObject({ direction: "inbound", disposition: "answered", sourceE164: "+81312345678", destinationRaw: "2001", destinationNumberType: "extension", billableSeconds: 120 });
  expect(internal).toMatchObject({ direction: "internal", disposition: "answered", destinationChannel: "SEP00AABBCCDDEE" });
  expect(busy).toMatchObject({ direction: "outbound", disposition: "busy", answeredAt: null, billableSeconds: 0, durationSeconds: 8, destinationE164: "+12125550123" });
  expect(ringOut).toMatchObject({ disposition: "no_answer", destinationE164: "+81312345679", destinationCountry: "JP" });
  expect(failed).toMatchObject({ disposition: "failed", destinationCountry: "SL" });
  expect(results[6]).toEqual({ kind: "skipped", rowNumber: 9, reason: "not_a_call" });
});

test("legs of one call share globalCallID_callManagerId:globalCallID_callId", () => {
  const results = readFixtureWith(ciscoCucmCdr, FLAT_FILE);
  const [answeredLeg, forwardedLeg] = results.slice(7).map(callOf);
  expect(ciscoCucmCdr.legPolicy).toBe("grouped-by-call-id");
  expect(answeredLeg).toMatchObject({ legGroup: "1:1007", direction: "inbound", billableSeconds: 20 });
  expect(forwardedLeg).toMatchObject({ legGroup: "1:1007", direction: "outbound", destinationE164: "+23276123459", billableSeconds: 95 });
  expect(answeredLeg.callId).not.toBe(forwardedLeg.callId);
  expect(answeredLeg.fingerprint).not.toBe(forwardedLeg.fingerprint);
});

test("bad rows are rejected with a reason; repeated header lines of concatenated files are skipped", () => {
  const results = readFixtureWith(ciscoCucmCdr, WITH_BAD_ROWS);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "time_out_of_range", "invalid_duration", "missing_destination", "wrong_column_count",
    "skipped:repeated_header", "skipped:repeated_header", "call",
  ]);
  const detailOf = (index: number) => {
    const result = results[index];
    return result.kind === "rejected" ? result.row : null;
  };
  expect(detailOf(1)).toMatchObject({ rowNumber: 4, detail: "2026-03-14 09:01:00" });
  expect(detailOf(1)?.rawLine).toContain("2026-03-14 09:01:00");
  expect(detailOf(3)).toMatchObject({ detail: "31s" });
  expect(detailOf(5)).toMatchObject({ detail: "60 of 131" });
  expect(callOf(results[0])).toMatchObject({ legGroup: "2:2001", startedAt: new Date("2026-03-14T00:00:00Z") });
  expect(callOf(results[8])).toMatchObject({ direction: "inbound", sourceE164: "+23276123456", disposition: "answered" });
});

test("an unanswered leg takes the cause of the side that released it, past 0 and the 393216 split", () => {
  const [names, types, firstCall] = readRows(FLAT_FILE);
  const read = ciscoCucmCdr.createReader([names, types], TOKYO);
  const withCauses = (originCause: string, destinationCause: string) => {
    const fields = [...firstCall];
    fields[names.indexOf("dateTimeConnect")] = "0";
    fields[names.indexOf("origCause_value")] = originCause;
    fields[names.indexOf("destCause_value")] = destinationCause;
    return callOf(read(fields, 3)).disposition;
  };
  expect(withCauses("16", "393216")).toBe("no_answer");
  expect(withCauses("0", "17")).toBe("busy");
  expect(withCauses("0", "0")).toBe("no_answer");
  expect(withCauses("", "")).toBe("unknown");
});
