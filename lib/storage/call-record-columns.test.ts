import { expect, test } from "vitest";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import { CALL_RECORD_COLUMNS, ChunkRows, LEG_ROW_COLUMNS, REJECTED_ROW_COLUMNS } from "@/lib/storage/call-record-columns";
import { readBinaryCopy } from "@/tests/support/read-binary-copy";

const owner = { orgId: "0191a6c8-0000-7000-8000-00000000000a", uploadId: "0191a6c8-0000-7000-8000-00000000000b", countryCode: "JP" };

const call: NormalizedCall = {
  rowNumber: 7,
  startedAt: new Date("2026-03-14T02:10:05.250Z"),
  answeredAt: null,
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
  accountCode: null,
  callerName: 'Tab\there, new\nline, back\\slash, "quote"',
  sourceChannel: null,
  destinationChannel: null,
  callId: "1773454205.101",
  costAmount: "12.5000",
  costCurrency: "JPY",
  fingerprint: "deadbeef",
  legGroup: "1773454205.100",
};

function fieldsByName(tuple: (Buffer | null)[], names: readonly string[]) {
  expect(tuple).toHaveLength(names.length);
  return Object.fromEntries(names.map((name, index) => [name, tuple[index]]));
}

test("a call becomes one call_records tuple, delimiters as they are, with its fraud relevance", () => {
  const rows = new ChunkRows(owner);
  rows.addCall(call, false);
  const [tuple] = readBinaryCopy(rows.calls.finish());
  const fields = fieldsByName(tuple, CALL_RECORD_COLUMNS);
  expect(fields.org_id?.toString("hex")).toBe(owner.orgId.replaceAll("-", ""));
  expect(fields.upload_id?.toString("hex")).toBe(owner.uploadId.replaceAll("-", ""));
  expect(fields.row_number?.readInt32BE(0)).toBe(7);
  expect(fields.answered_at).toBeNull();
  expect(fields.caller_name?.toString()).toBe(call.callerName);
  expect(fields.destination_country?.toString()).toBe("SL");
  expect(fields.fingerprint).toEqual(Buffer.from("deadbeef", "hex"));
  expect(fields.is_fraud_relevant).toEqual(Buffer.from([1])); // outbound to Sierra Leone
  expect(readBinaryCopy(rows.legRepeats.finish())).toEqual([]);
  const [leg] = readBinaryCopy(rows.legs.finish());
  expect(fieldsByName(leg, LEG_ROW_COLUMNS).leg_group?.toString()).toBe("1773454205.100");
});

test("a later leg of a group goes to the leg repeats, not to the calls stored at once", () => {
  const rows = new ChunkRows(owner);
  rows.addCall({ ...call, destinationCountry: "JP", destinationE164: "+81312345678" }, true);
  rows.addCall({ ...call, rowNumber: 8, legGroup: null }, false);
  expect(readBinaryCopy(rows.calls.finish())).toHaveLength(1);
  const [repeat] = readBinaryCopy(rows.legRepeats.finish());
  expect(fieldsByName(repeat, CALL_RECORD_COLUMNS).is_fraud_relevant).toEqual(Buffer.from([0]));
  expect(readBinaryCopy(rows.legs.finish())).toHaveLength(1); // the row without a group has no leg row
  rows.clear();
  expect([rows.calls, rows.legRepeats, rows.legs, rows.rejected].map((out) => out.tuples)).toEqual([0, 0, 0, 0]);
});

test("a rejected row carries its reason and raw line, NUL taken out", () => {
  const rows = new ChunkRows(owner);
  rows.addRejected({ rowNumber: 9, reasonCode: "invalid_start_time", detail: "2026-02-30", rawLine: "a\tb\0c" });
  const [tuple] = readBinaryCopy(rows.rejected.finish());
  const fields = fieldsByName(tuple, REJECTED_ROW_COLUMNS);
  expect(fields.row_number?.readInt32BE(0)).toBe(9);
  expect(fields.reason_code?.toString()).toBe("invalid_start_time");
  expect(fields.detail?.toString()).toBe("2026-02-30");
  expect(fields.raw_line?.toString()).toBe("a\tbc");
});
